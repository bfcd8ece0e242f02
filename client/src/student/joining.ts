// Joining as a student, waiting where the server says to wait instead of
// failing: a nickname that is already in the game (the student on a new
// device) waits for the teacher to let this browser in, with a claim key this
// browser makes and keeps; a busy game or network ("try again in 8 s") is
// tried again after the wait. Any other refusal is the caller's to show.
import { CLOSE } from "../../../shared/protocol/close-codes.js";
import type { JoinOptions } from "../../../shared/protocol/messages.js";
import { asJoinError, type GameConnection } from "../common/connection.js";

/** How often to ask again while the teacher has not answered (ms). */
const APPROVAL_POLL_MS = 4000;

/** This browser's claim key for a game: 32 random URL-safe characters, kept for the tab's life. */
export function claimKey(code: string): string {
  const stored = sessionStorage.getItem(`entente:claim:${code}`);
  if (stored) return stored;
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  const key = btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  sessionStorage.setItem(`entente:claim:${code}`, key);
  return key;
}

/** The seconds a "try again in N s" message names, or a few. */
function waitOf(message: string | undefined): number {
  const n = Number(/(\d+) s\b/.exec(message ?? "")?.[1]);
  return Number.isFinite(n) && n > 0 ? Math.min(n, 60) : 5;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Connects `conn` with `options`, waiting through "ask the teacher" (4401) and "too many" (4429);
 * `waiting` is told what the student is waiting for (null once joined). Rejects with any other join error.
 */
export async function joinPatiently(conn: GameConnection, code: string, options: JoinOptions, waiting: (message: string | null) => void): Promise<void> {
  let current = options;
  for (;;) {
    try {
      await conn.connect();
      waiting(null);
      return;
    } catch (caught) {
      const err = asJoinError(caught);
      if (err.code === CLOSE.NEEDS_APPROVAL && current.role === "student" && current.nickname) {
        if (!current.claim) {
          // Ask at once, with this browser's key: the teacher sees the request.
          current = { ...current, claim: claimKey(code) };
          conn.setJoinOptions(current);
          continue;
        }
        waiting(`${err.message ?? ""} This page will open by itself when they do.`);
        await sleep(APPROVAL_POLL_MS);
        continue;
      }
      if (err.code === CLOSE.TOO_MANY) {
        const seconds = waitOf(err.message);
        waiting(`${err.message ?? "Many players are joining."} Trying again in ${seconds} s…`);
        await sleep(seconds * 1000 + Math.random() * 1000);
        continue;
      }
      throw caught;
    }
  }
}
