// What a failed join or reconnection means for the page's next step, in one
// place: try again (the server cannot be reached, or is starting, or the room
// is not open yet), stop because the game is over (its room is gone and the
// server says it finished), stop because the teacher removed this player, or
// stop and show the server's reason (a refusal). A join with no room (4212) is
// ambiguous, so the server is asked what became of the game.
import { CLOSE } from "../../../shared/protocol/close-codes.js";
import type { GameLookupResponse } from "../../../shared/protocol/http.js";
import { api } from "./api.js";

export type NextStep =
  /** `why` says what the page shows meanwhile; `message`, the server's own sentence when it gave one (retryingText). */
  | { kind: "retry"; why: "unreachable" | "not-open" | "busy"; message?: string }
  /** `message`: what to say instead of the usual "The game is over", if anything. */
  | { kind: "ended"; message?: string }
  | { kind: "removed"; message: string }
  | { kind: "refused" };

/** The code and sentence of anything a join rejected with (colyseus.js errors, a browser's ProgressEvent, our own timeouts). */
export function codeAndMessage(err: unknown): { code: number | undefined; message: string } {
  const e: { code?: unknown; message?: unknown } = typeof err === "object" && err !== null ? err : {};
  return { code: typeof e.code === "number" ? e.code : undefined, message: typeof e.message === "string" ? e.message : "" };
}

/**
 * The server was not reached, or not all the way: no code at all (a refused or reset connection, a failed request,
 * no answer in time), a WebSocket close code (below 4000: the socket closed before the room answered), or an HTTP
 * status of 500 and over (a reverse proxy in front of a stopped server, or the server shutting down).
 */
export function isUnreachable(err: unknown): boolean {
  const { code } = codeAndMessage(err);
  return code === undefined || code < 400 || (code >= 500 && code < 4000);
}

/** What the server says about a game's code: running, finished, damaged (its log cannot be read), unknown, or nothing (it cannot be reached). */
async function lookUp(code: string): Promise<"running" | "finished" | "damaged" | "unknown" | "unreachable"> {
  const r = await api<GameLookupResponse>(`/api/games/${encodeURIComponent(code)}`);
  if (r.ok) return r.body.status;
  return r.status === 404 ? "unknown" : "unreachable";
}

const GONE_TEXT = "This game no longer exists.";
const DAMAGED_TEXT = "This game's stored record is damaged, so it cannot go on. Ask your teacher.";

/**
 * The next step after a failed join of game `code`. `afterDrop`: the page was in the game and lost its connection
 * (it then keeps trying through refusals it did not cause, as before); otherwise this is the page's first join.
 */
export async function nextStepAfter(code: string, err: unknown, afterDrop: boolean): Promise<NextStep> {
  if (isUnreachable(err)) return { kind: "retry", why: "unreachable" };
  const { code: close, message } = codeAndMessage(err);
  switch (close) {
    case CLOSE.ROOM_NOT_FOUND: {
      const game = await lookUp(code);
      if (game === "finished") return { kind: "ended" };
      if (game === "running") return { kind: "retry", why: "not-open" };
      if (game === "damaged") return { kind: "ended", message: DAMAGED_TEXT };
      if (game === "unknown") return afterDrop ? { kind: "ended", message: GONE_TEXT } : { kind: "refused" };
      return { kind: "retry", why: "unreachable" };
    }
    case CLOSE.RESERVATION_EXPIRED:
      return { kind: "retry", why: "not-open" };
    case CLOSE.NOT_READY:
      // The server says why in words (restarting, a game moving to another server, a disk that cannot save the join).
      return message ? { kind: "retry", why: "not-open", message } : { kind: "retry", why: "not-open" };
    case CLOSE.GAME_OVER:
      return message ? { kind: "ended", message } : { kind: "ended" };
    case CLOSE.FORBIDDEN:
      // Before the first join it is a wrong key or a refused request: the page shows the server's reason.
      return afterDrop ? { kind: "removed", message: message || "The teacher removed you from this game." } : { kind: "refused" };
    default:
      // Too many joins, a full game…: a page that was in keeps trying, a page that never was shows why.
      return afterDrop ? { kind: "retry", why: "busy" } : { kind: "refused" };
  }
}

const NOT_OPEN_TEXT = "The game is not open yet (the server may be restarting): trying again…";
const MOVING_TEXT = "This game is moving to another server: reconnecting…";

/**
 * What the page says while it waits for a game that is not open (a `not-open` retry), or null to keep its usual
 * status text. `droppedWith`: the close code the page's connection last ended with while in the game, or null for a
 * first join. The server's own sentence first; a page whose room was closed with CLOSE.NOT_READY (its game is kept
 * by another server process now, docs/protocol.md) says the game is moving, since the room it finds missing for a
 * moment is being opened there.
 */
export function retryingText(next: Extract<NextStep, { kind: "retry" }>, droppedWith: number | null): string | null {
  if (next.why !== "not-open") return null;
  if (next.message) return next.message;
  return droppedWith === CLOSE.NOT_READY ? MOVING_TEXT : NOT_OPEN_TEXT;
}
