// One load generator of bench-floor.ts, a forked child: joins its share of the
// floor's rooms with colyseus.js clients, then sends each student's decisions
// at random moments of a window and replies with every decision's latency
// (send to acknowledgement, ms). It asserts nothing; every wait is bounded.
import { performance } from "node:perf_hooks";
import { Client, type Room } from "colyseus.js";
import { sleep, withTimeout } from "./bench-kit.js";
import type { FloorDecision } from "./bench-floor-server.js";

export interface FloorJoin {
  roomId: string;
  teacher: boolean;
  nickname: string;
}

export type ToFloorClients =
  | { kind: "join"; wsUrl: string; joins: FloorJoin[]; concurrency: number; timeoutMs: number }
  | { kind: "decide"; startAt: number; windowMs: number; messages: number; timeoutMs: number }
  | { kind: "leave" };

export type FromFloorClients = { kind: "joined"; failures: number } | { kind: "decided"; latencies: number[]; unanswered: number } | { kind: "left" };

const students: Room[] = [];
const rooms: Room[] = [];
/** Per student's room: what to call when the acknowledgement of a ref comes. */
const acks = new WeakMap<Room, Map<number, () => void>>();
const tell = (m: FromFloorClients) => process.send?.(m);

async function join(m: Extract<ToFloorClients, { kind: "join" }>): Promise<void> {
  const client = new Client(m.wsUrl);
  const queue = [...m.joins];
  let failures = 0;
  const worker = async () => {
    for (let j = queue.shift(); j; j = queue.shift()) {
      try {
        const room = await withTimeout(client.joinById(j.roomId, { teacher: j.teacher, nickname: j.nickname }), m.timeoutMs, "join");
        room.onStateChange(() => {});
        const waiting = new Map<number, () => void>();
        room.onMessage("ack", (a: { ref: number }) => waiting.get(a.ref)?.());
        acks.set(room, waiting);
        rooms.push(room);
        if (!j.teacher) students.push(room);
      } catch {
        failures++;
      }
    }
  };
  await Promise.all(Array.from({ length: m.concurrency }, worker));
  tell({ kind: "joined", failures });
}

/** Sends one decision and resolves with its latency, or NaN when no acknowledgement came within `timeoutMs`. */
function decide(room: Room, ref: number, timeoutMs: number): Promise<number> {
  return new Promise((resolve) => {
    const waiting = acks.get(room)!;
    const sent = performance.now();
    const timer = setTimeout(() => {
      waiting.delete(ref);
      resolve(NaN);
    }, timeoutMs);
    waiting.set(ref, () => {
      clearTimeout(timer);
      waiting.delete(ref);
      resolve(performance.now() - sent);
    });
    const economy = Math.floor(Math.random() * 100);
    const decision: FloorDecision = { ref, economy, defense: 100 - economy, offense: 0 };
    room.send("decide", decision);
  });
}

async function decideAll(m: Extract<ToFloorClients, { kind: "decide" }>): Promise<void> {
  await sleep(Math.max(0, m.startAt - Date.now()));
  const latencies: number[] = [];
  let unanswered = 0;
  await Promise.all(
    students.map(async (room) => {
      const moments = Array.from({ length: m.messages }, () => Math.random() * m.windowMs).sort((a, b) => a - b);
      let at = 0;
      for (const [i, moment] of moments.entries()) {
        await sleep(moment - at);
        at = moment;
        const latency = await decide(room, i + 1, m.timeoutMs);
        if (Number.isNaN(latency)) unanswered++;
        else latencies.push(latency);
      }
    }),
  );
  tell({ kind: "decided", latencies, unanswered });
}

process.on("message", (m: ToFloorClients) => {
  if (m.kind === "join") void join(m);
  else if (m.kind === "decide") void decideAll(m);
  else {
    for (const room of rooms) void room.leave().catch(() => {});
    tell({ kind: "left" });
  }
});
process.on("disconnect", () => process.exit(0));
