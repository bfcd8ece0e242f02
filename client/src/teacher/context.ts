// What the console's panels share: the game's code, the connection, the latest
// decoded state, the scenario's crises, and sending a command.
import type { CrisisEntry } from "../../../shared/protocol/server-messages.js";
import type { Act } from "../common/act.js";
import type { GameConnection } from "../common/connection.js";
import type { Synced } from "../common/synced.js";

export interface ConsoleContext {
  code: string;
  conn: GameConnection;
  synced(): Synced | null;
  crises(): CrisisEntry[];
  act: Act;
}
