// What every panel of the student's page shares: the connection, the latest
// decoded state, who the student is, the selected state, and sending a move.
import type { Act } from "../common/act.js";
import type { GameConnection } from "../common/connection.js";
import type { Synced, SyncedTeam } from "../common/synced.js";

export interface Me {
  studentId: string;
  nickname: string;
  /** The team's state (it changes when the teacher moves the student). */
  state: string | null;
}

export interface StudentContext {
  conn: GameConnection;
  code: string;
  synced(): Synced | null;
  me(): Me | null;
  /** The student's team's state, if any. */
  own(): string | null;
  /** The student's own team's private entry, if it has arrived. */
  team(): SyncedTeam | undefined;
  selected(): string | null;
  select(id: string | null): void;
  act: Act;
}

/** A panel of the page: it draws itself from the decoded state. */
export interface Panel {
  render(s: Synced): void;
}
