// npm run bench (third part): the floor. The same load as bench-load.ts's ramp
// (classes of 30 in teams of 4 and their teacher; each student sends 6
// decisions at random moments of 7 s) against a bare Colyseus room that only
// takes each decision, changes the team's entry, acknowledges it and patches
// those who see it (bench-floor-server.ts). Its server CPU per join and per
// decision is what Colyseus 0.16 costs on this machine before any game runs:
// the floor under issue 15's targets of 0.1 ms per decision and 1 ms per join.
// Prints, per size: server CPU per join and per decision, decision-to-ack
// p50/p99, the load generators' CPU and the load average. Asserts nothing;
// every wait is bounded and every child is killed on exit.
// Settings: BENCH_QUICK=1 (600 students), BENCH_WORKERS (3 load generators).
import { type ChildProcess, fork } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { cpuSeconds, intEnv, ms, percentile, sleep, startServer, stopProcess, withTimeout, type ServerProcess } from "./bench-kit.js";
import type { FloorJoin, FromFloorClients, ToFloorClients } from "./bench-floor-clients.js";
import { table } from "./table.js";

const QUICK = process.env.BENCH_QUICK === "1";
const SIZES = QUICK ? [600] : [1200, 2400];
const WORKERS = intEnv("BENCH_WORKERS", 3);
const CLASS_SIZE = 30;
const MESSAGES = 6;
const WINDOW_MS = 7000;
const CLIENT_TIMEOUT_MS = 30_000;
const STEP_TIMEOUT_MS = 5 * 60_000;

const children = new Set<ChildProcess>();
process.on("exit", () => {
  for (const c of children) c.kill("SIGKILL");
});

/** Sends each generator its command and waits, bounded, for one reply of `kind` from each. */
function ask<K extends FromFloorClients["kind"]>(gens: ChildProcess[], commands: ToFloorClients[], kind: K): Promise<Extract<FromFloorClients, { kind: K }>[]> {
  const replies = gens.map(
    (g, i) =>
      new Promise<Extract<FromFloorClients, { kind: K }>>((resolve, reject) => {
        const onMessage = (m: FromFloorClients) => {
          if (m.kind !== kind) return;
          g.off("message", onMessage);
          resolve(m as Extract<FromFloorClients, { kind: K }>);
        };
        g.on("message", onMessage);
        g.once("exit", (code) => reject(new Error(`a load generator exited (${code}) before "${kind}"`)));
        g.send(commands[i]!);
      }),
  );
  return withTimeout(Promise.all(replies), STEP_TIMEOUT_MS, `the load generators' "${kind}"`);
}

async function step(students: number): Promise<string[]> {
  const load = loadavg()[0]!;
  const games = Math.ceil(students / CLASS_SIZE);
  const dataDir = mkdtempSync(join(tmpdir(), "entente-bench-floor-"));
  let server: ServerProcess | null = null;
  const gens: ChildProcess[] = [];
  try {
    server = await startServer(dataDir, { FLOOR_ROOMS: String(games) }, { entry: "server/cli/bench-floor-server.ts" });
    children.add(server.child);
    const rooms = (await (await fetch(`${server.url}/api/floor-rooms`)).json()) as string[];
    for (let i = 0; i < WORKERS; i++) {
      const g = fork(join(import.meta.dirname, "bench-floor-clients.ts"), [], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
      children.add(g);
      gens.push(g);
    }
    const genCpu = () => gens.reduce((t, g) => t + cpuSeconds(g.pid!), 0);
    const wsUrl = server.url.replace("http", "ws");
    const deal = (joins: FloorJoin[]): ToFloorClients[] =>
      gens.map((_, i) => ({ kind: "join", wsUrl, joins: joins.filter((_, k) => k % gens.length === i), concurrency: 8, timeoutMs: CLIENT_TIMEOUT_MS }));

    await ask(gens, deal(rooms.map((roomId) => ({ roomId, teacher: true, nickname: "" }))), "joined");
    // Students fill the classes side by side, as bench-load's do.
    const joins: FloorJoin[] = [];
    for (let k = 0; k < CLASS_SIZE; k++) for (let g = 0; g < games && joins.length < students; g++) if (g * CLASS_SIZE + k < students) joins.push({ roomId: rooms[g]!, teacher: false, nickname: `student-${k + 1}` });
    const cpu0 = cpuSeconds(server.pid);
    const joined = await ask(gens, deal(joins), "joined");
    const cpuJoin = cpuSeconds(server.pid) - cpu0;
    const failures = joined.reduce((t, r) => t + r.failures, 0);

    await sleep(2000);
    const cpu1 = cpuSeconds(server.pid);
    const gen1 = genCpu();
    const decided = await ask(gens, gens.map(() => ({ kind: "decide", startAt: Date.now() + 500, windowMs: WINDOW_MS, messages: MESSAGES, timeoutMs: CLIENT_TIMEOUT_MS })), "decided");
    const cpuDecide = cpuSeconds(server.pid) - cpu1;
    const genDecide = genCpu() - gen1;
    const latencies = decided.flatMap((r) => r.latencies);
    const unanswered = decided.reduce((t, r) => t + r.unanswered, 0);
    await ask(gens, gens.map(() => ({ kind: "leave" })), "left");
    const joinedCount = joins.length - failures;
    return [
      `floor ${students}`,
      `${joinedCount} (${failures} failed)`,
      load.toFixed(2),
      ms((1000 * cpuJoin) / Math.max(1, joinedCount)),
      `${latencies.length} (${unanswered} unanswered)`,
      `${((1000 * cpuDecide) / Math.max(1, latencies.length)).toFixed(3)} ms`,
      `${ms(percentile(latencies, 50))} / ${ms(percentile(latencies, 99))}`,
      `${genDecide.toFixed(2)} s`,
    ];
  } finally {
    for (const g of gens) {
      g.kill("SIGKILL");
      children.delete(g);
    }
    await stopProcess(server?.child);
    if (server) children.delete(server.child);
    rmSync(dataDir, { recursive: true, force: true });
  }
}

console.log(
  `\nFloor: a bare Colyseus room (bench-floor-server.ts) under bench-load's ramp: classes of ${CLASS_SIZE} in teams of 4 with their teacher, ${MESSAGES} decisions each within ${WINDOW_MS / 1000} s; ${WORKERS} load generators (forked). Nothing of the game runs: this is what Colyseus costs before any game does.`,
);
const rows: string[][] = [];
for (const students of SIZES) {
  const row = await step(students);
  console.log(`  ${row.join(" | ")}`);
  rows.push(row);
}
rows.push(["target (issue 15)", "", "", "<= 1 ms", "", "<= 0.1 ms", "p99 <= 100 ms", ""]);
console.log(`\n${table(["step", "students (joined)", "load avg", "server CPU / join", "decisions", "server CPU / decision", "decision -> ack p50 / p99", "load generators' CPU: decisions"], rows)}`);
console.log("\nServer CPU is the server process's own (/proc, user + system) over the joins, or over the decisions' window until the last ack, divided by the joins or the decisions; compare with bench-load's ramp steps of the same sizes.");
process.exit(0);
