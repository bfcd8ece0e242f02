// Each connection's incoming messages: counted against the sender's limits
// (server/guard/limits.ts: per student over all their connections, per
// address), handled one after another in the order they came, and cut off when
// a connection floods. A sender over its limit hears about it at most once a
// second: the rest is dropped without a reply, so a flood cannot make the
// server flood back.
import { LIMITS, type Guards, type Verdict } from "../guard/limits.js";

/** What the room keeps per connection to pace its messages. */
export interface Pacing {
  /** Who the limits count: "s:<studentId>", "t" (the teacher), "p:<sessionId>" (a projector). */
  sender: string;
  address: string;
  /** Messages are handled in order, one after another. */
  queue: Promise<void>;
  /** Messages received in the current second (by the wall clock), for the flood cut-off. */
  second: number;
  count: number;
  /** Messages received on this connection in all. */
  received: number;
  /** When this connection was last told it is over its limit (ms). */
  lastLimitedReplyAt: number;
}

export function newPacing(sender: string, address: string): Pacing {
  return { sender, address, queue: Promise.resolve(), second: 0, count: 0, received: 0, lastLimitedReplyAt: -Infinity };
}

/** Counts a message as it arrives; true when the connection is flooding and must be closed. Synchronous, before any work. */
export function flooding(p: Pacing, nowMs: number): boolean {
  const second = Math.floor(nowMs / 1000);
  if (second !== p.second) {
    p.second = second;
    p.count = 0;
  }
  p.count += 1;
  p.received += 1;
  return p.count > LIMITS.floodPerSecond;
}

/** Whether an over-the-limit reply may be sent now (at most one a second per connection); records it. */
export function mayTellLimited(p: Pacing, nowMs: number): boolean {
  if (nowMs - p.lastLimitedReplyAt < 1000) return false;
  p.lastLimitedReplyAt = nowMs;
  return true;
}

/** Runs `work` after the connection's earlier messages, with the limits' verdict on this one. */
export function enqueue(p: Pacing, guards: Guards, work: (verdict: Verdict) => void | Promise<void>): void {
  p.queue = p.queue.then(async () => work(await guards.message(p.sender, p.address))).catch((err: unknown) => {
    console.error("a message could not be handled:", err);
  });
}
