// What the console's panels share: the game's code, the connection, the latest
// decoded state, the scenario's crises, and sending a command.
import type { CrisisEntry, SeatRequestEntry } from "../../../shared/protocol/server-messages.js";
import type { Act } from "../common/act.js";
import type { GameConnection } from "../common/connection.js";
import type { Synced } from "../common/synced.js";

export interface ConsoleContext {
  code: string;
  conn: GameConnection;
  synced(): Synced | null;
  crises(): CrisisEntry[];
  /** Requests to come back as a student, waiting for the teacher. */
  seatRequests(): SeatRequestEntry[];
  /** The students ticked in the teams panel (to remove several at once). */
  selected: Set<string>;
  act: Act;
}
