// The flooding student of bench-flood.ts, in a process of its own so that its
// sending loop does not slow the other students' clients (which bench-flood
// times). It joins a game as a student from its own address, says "joined",
// waits for "go", then sends `budget` messages as fast as it can until the
// flood's time is up or the server closes its connection, counts the replies,
// and reports "done" with its figures. Started with IPC by bench-flood.ts:
//   node --import tsx server/cli/bench-flooder.ts '<FlooderConfig as JSON>'
// It exits by itself when its parent goes away or after HARD_LIMIT_MS.
import { performance } from "node:perf_hooks";
import type { Room } from "colyseus.js";
import { epochMs, sleep, withTimeout } from "./bench-kit.js";
import { deviceClient } from "./bench-participant.js";

export interface FlooderConfig {
  wsUrl: string;
  code: string;
  nickname: string;
  /** Its device number (bench-participant.ts lanAddress). */
  device: number;
  /** How long to flood, at most (ms). */
  floodMs: number;
}

/** What the flooder saw. Times are epoch milliseconds (performance.timeOrigin + now), comparable across processes. */
export interface FlooderReport {
  /** Messages handed to the WebSocket while it was open. */
  sent: number;
  /** Bytes it still held, not yet written to the socket, when it stopped sending. */
  unsentBytes: number;
  acks: number;
  /** `error` replies by code. */
  errors: Record<string, number>;
  firstSentAt: number | null;
  lastSentAt: number | null;
  /** When the connection stopped being open (the server's close frame arrived). */
  closingAt: number | null;
  /** When the connection was closed (colyseus.js onLeave), and its code. */
  closedAt: number | null;
  closeCode: number | null;
  /** CPU seconds the flooder's process used from "go" to its report (it shares the machine with the server). */
  cpuSeconds: number;
}

export type FromFlooder = { kind: "joined" } | { kind: "done"; report: FlooderReport } | { kind: "failed"; error: string };
export type ToFlooder = { kind: "go" };

/** Messages sent between two looks at the event loop (replies, the server's close): a script that hardly listens. */
const BATCH = 1000;
/** After the flood, how long to wait for the server to close the connection. */
const CLOSE_WAIT_MS = 3000;
const HARD_LIMIT_MS = 45_000;

function tell(m: FromFlooder): void {
  process.send?.(m);
}

/** The ws socket under colyseus.js's connection, for its send buffer (not part of colyseus.js's typed API). */
function bufferedBytes(room: Room): number {
  const transport = room.connection.transport as { ws?: { bufferedAmount?: number } };
  return transport.ws?.bufferedAmount ?? 0;
}

async function flood(config: FlooderConfig): Promise<FlooderReport> {
  const client = deviceClient(config.wsUrl, config.device);
  const room = await withTimeout(client.joinById(config.code, { role: "student", nickname: config.nickname }), 15_000, "flooder join");
  const report: FlooderReport = { sent: 0, unsentBytes: 0, acks: 0, errors: {}, firstSentAt: null, lastSentAt: null, closingAt: null, closedAt: null, closeCode: null, cpuSeconds: 0 };
  room.onMessage<{ code?: unknown }>("*", (type, payload) => {
    if (type === "ack") report.acks++;
    else if (type === "error") {
      const code = typeof payload.code === "string" ? payload.code : "?";
      report.errors[code] = (report.errors[code] ?? 0) + 1;
    }
  });
  let closed: () => void = () => undefined;
  const closedPromise = new Promise<void>((r) => (closed = r));
  room.onLeave((code) => {
    report.closedAt = epochMs();
    report.closeCode = code;
    closed();
  });
  const go = new Promise<void>((resolve) => process.on("message", (m: unknown) => (m as Partial<ToFlooder> | null)?.kind === "go" && resolve()));
  tell({ kind: "joined" });
  await withTimeout(go, 30_000, "the go signal");

  const cpuAtGo = process.cpuUsage();
  const end = performance.now() + config.floodMs;
  let ref = 1;
  report.firstSentAt = epochMs();
  while (report.closingAt === null && performance.now() < end) {
    for (let i = 0; i < BATCH; i++) {
      if (!room.connection.isOpen) {
        report.closingAt = epochMs();
        break;
      }
      room.send("budget", { economy: 40, defense: 30, offense: 30, ref: ref++ });
      report.sent++;
    }
    report.lastSentAt = epochMs();
    // Let replies and the server's close frame in.
    await new Promise<void>((r) => setImmediate(r));
  }
  report.unsentBytes = bufferedBytes(room);
  await Promise.race([closedPromise, sleep(CLOSE_WAIT_MS)]);
  if (report.closedAt === null) room.connection.close();
  const cpu = process.cpuUsage(cpuAtGo);
  report.cpuSeconds = (cpu.user + cpu.system) / 1e6;
  return report;
}

const hardLimit = setTimeout(() => process.exit(3), HARD_LIMIT_MS);
process.on("disconnect", () => process.exit(0));
flood(JSON.parse(process.argv[2] ?? "{}") as FlooderConfig).then(
  (report) => {
    tell({ kind: "done", report });
    clearTimeout(hardLimit);
    setTimeout(() => process.exit(0), 100);
  },
  (err: unknown) => {
    tell({ kind: "failed", error: err instanceof Error ? err.message : String(err) });
    setTimeout(() => process.exit(1), 100);
  },
);
