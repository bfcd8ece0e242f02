// The console's requests, with every refusal in words a teacher understands.
// The model's own sentences are already written for people and are kept; the
// codes whose message is technical (a malformed message, a role check, the rate
// limit, the clock's internal "stale") or depends on what was asked get a plain
// sentence here instead.
import type { ClientMessage } from "../../../shared/protocol/messages.js";
import type { Act } from "../common/act.js";
import type { GameConnection } from "../common/connection.js";
import { toast } from "../common/dom.js";

const BY_CODE: Partial<Record<string, string>> = {
  "bad-message": "The console sent something the server could not read. Reload the page and try again.",
  "unknown-message": "The console and the server do not match (the server may have been updated). Reload the page.",
  "not-allowed": "This page is not signed in as this game's teacher. Reload it, or open the game again from the console's home page with your teacher key.",
  "rate-limited": "Too many clicks at once: wait a moment and try again.",
  offline: "The console is not connected right now: wait until the header says it is connected, then try again.",
  timeout: "The server did not answer in time: check the header's connection status and try again.",
  lobby: "The game has not started yet: press \"Start the game\" first.",
  started: "The game has already started.",
  "game-over": "The game is over: this can no longer be changed. The debrief and the downloads stay available.",
  "unknown-student": "That student is no longer in the game (removed in the meantime).",
  "no-such-request": "That request was already answered, or the student was removed.",
  "unknown-state": "That state is not in this game's scenario.",
  "bad-crisis": "That crisis cannot be used in this scenario.",
};

/** What a refusal of a request of this type means, for a teacher. */
const BY_TYPE_AND_CODE: Partial<Record<string, string>> = {
  "pause:wrong-phase": "The clock is not running, so there is nothing to pause.",
  "resume:wrong-phase": "The game is not paused.",
  "extend:wrong-phase": "Time can be added only while a round's diplomacy is running.",
  "extend:stale": "Time can be added only while a round's diplomacy is running.",
  "advance:wrong-phase": "The round has already moved on: look at the header for where the game is now.",
  "clearAnnouncement:stale": "There is no announcement to clear.",
  "lock:stale": "The game is already so.",
};

/** A refusal in plain words: the type-specific sentence, else the code's, else the server's own sentence. */
export function plainRefusal(type: string, code: string, message: string): string {
  return BY_TYPE_AND_CODE[`${type}:${code}`] ?? BY_CODE[code] ?? message;
}

/** Like common/act.ts's actOn, with the console's plain sentences in the toast. */
export function consoleAct(conn: GameConnection): Act {
  return async (type, payload) => {
    const reply = await conn.send(type, payload);
    if (!reply.ok) toast(plainRefusal(type satisfies ClientMessage, reply.code, reply.message), "error");
    return reply.ok;
  };
}
