// npm run bench (second part): a load benchmark of the real server. It starts
// `server/main.ts` as a child process (so that its CPU time and memory can be
// read from /proc apart from this process's), creates games over HTTP, joins
// students with the colyseus.js client, plays one round and prints figures.
// It asserts nothing. Everything runs on 127.0.0.1; the child is always killed.
// The server child, /proc readers and clients are in bench-kit.ts and
// bench-participant.ts (bench-flood.ts uses them too).
// As on a school LAN, each client has its own address: the server trusts the
// loopback proxy (TRUST_PROXY=loopback) and each client says which address it
// stands for in X-Forwarded-For, so the per-address join limits count each
// student apart, as they would count each device.
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { Room } from "colyseus.js";
import { api, cpuSeconds, intEnv, mb, memory, memorySampler, ms, percentile, sec, type ServerProcess, sleep, startServer, stopServer, warningsOf, withTimeout } from "./bench-kit.js";
import { deviceClient, LAN_ENV, Participant, randomBudget, type Reply } from "./bench-participant.js";
import { table } from "./table.js";

// --- what to run -------------------------------------------------------------

const GAMES = intEnv("BENCH_GAMES", 10);
const STUDENTS_PER_GAME = intEnv("BENCH_STUDENTS", 30);
/** Joins in flight at once (spread over the games). */
const JOIN_BATCH = intEnv("BENCH_JOIN_BATCH", 10);
const SCENARIO = "rival-shores"; // 8 states: 30 students in teams of 4 fill them all
const TEAM_SIZE = 4;
/** Students send their decisions within this many ms (a class, not a single instant). */
const SPREAD_MS = 1000;
/** Idle period with everyone connected, to see what a quiet class costs. */
const IDLE_MS = 3000;
/** Each wait is bounded; the whole run too. */
const STEP_TIMEOUT_MS = 30_000;
const TOTAL_TIMEOUT_MS = 150_000;

// --- the run -------------------------------------------------------------------------

interface Game {
  code: string;
  teacherKey: string;
  teacher?: Participant;
  students: Participant[];
}

async function main(): Promise<void> {
  const wallStart = performance.now();
  const benchCpuStart = process.cpuUsage();
  const dataDir = mkdtempSync(join(tmpdir(), "entente-bench-"));
  let server: ServerProcess | null = null;
  let sampler: ReturnType<typeof memorySampler> | null = null;
  const rooms: Room[] = [];
  const watchdog = setTimeout(() => {
    process.stderr.write(`bench-load: gave up after ${TOTAL_TIMEOUT_MS / 1000} s\n`);
    server?.child.kill("SIGKILL");
    rmSync(dataDir, { recursive: true, force: true });
    process.exit(2);
  }, TOTAL_TIMEOUT_MS);
  const killOnExit = () => server?.child.kill("SIGKILL");
  process.once("exit", killOnExit);

  try {
    process.stdout.write(
      `\nLoad benchmark: ${GAMES} games x ${STUDENTS_PER_GAME} students (${SCENARIO}, teams of ${TEAM_SIZE}), ` +
        `server in a child process, clients in this one; ${cpus().length} CPUs, Node ${process.version}, ` +
        `load average ${loadavg()[0]!.toFixed(2)} (other work on the machine skews the latencies)\n`,
    );
    const serverStartAt = performance.now();
    server = await startServer(dataDir, LAN_ENV);
    const pid = server.pid;
    const serverStartS = (performance.now() - serverStartAt) / 1000;
    sampler = memorySampler(pid);
    const baseline = memory(pid);

    // Games, over HTTP.
    const games: Game[] = [];
    const createStart = performance.now();
    for (let i = 0; i < GAMES; i++) {
      const g = await api<{ code: string; teacherKey: string }>(server.url, "/api/games", {
        scenario: SCENARIO,
        settings: { teams: { mode: "size", value: TEAM_SIZE }, diplomacySeconds: 1800, seed: i + 1 },
      });
      games.push({ code: g.code, teacherKey: g.teacherKey, students: [] });
    }
    const createMs = performance.now() - createStart;
    const wsUrl = server.url.replace("http", "ws");
    let devices = 0;

    // Teachers, then students in small concurrent batches (one join per game in turn).
    const cpuBeforeJoin = cpuSeconds(pid);
    const joinStart = performance.now();
    for (const g of games) {
      const join = deviceClient(wsUrl, devices++).joinById(g.code, { role: "teacher", teacherKey: g.teacherKey });
      g.teacher = new Participant(await withTimeout(join, STEP_TIMEOUT_MS, "teacher join"), STEP_TIMEOUT_MS);
      rooms.push(g.teacher.room);
    }
    const joins: { game: Game; nickname: string }[] = [];
    for (let n = 0; n < STUDENTS_PER_GAME; n++) for (const g of games) joins.push({ game: g, nickname: `student-${n + 1}` });
    const joinLatencies: number[] = [];
    let joinFailures = 0;
    for (let i = 0; i < joins.length; i += JOIN_BATCH) {
      await Promise.all(
        joins.slice(i, i + JOIN_BATCH).map(async ({ game, nickname }) => {
          const client = deviceClient(wsUrl, devices++);
          const t = performance.now();
          try {
            const room = await withTimeout(client.joinById(game.code, { role: "student", nickname }), STEP_TIMEOUT_MS, "student join");
            joinLatencies.push(performance.now() - t);
            rooms.push(room);
            game.students.push(new Participant(room, STEP_TIMEOUT_MS));
          } catch (err) {
            joinFailures++;
            if (joinFailures <= 3) process.stderr.write(`join failed: ${(err as Error).message}\n`);
          }
        }),
      );
    }
    const joinS = (performance.now() - joinStart) / 1000;
    const cpuJoin = cpuSeconds(pid) - cpuBeforeJoin;
    // Every student has had its welcome (it says which team they are in).
    await withTimeout(
      (async () => {
        while (games.some((g) => g.students.some((s) => s.welcome === null))) await sleep(20);
      })(),
      STEP_TIMEOUT_MS,
      "welcome messages",
    );
    const connected = rooms.length;
    const afterJoin = memory(pid);

    // A quiet class: everyone connected, nobody doing anything.
    const cpuBeforeIdle = cpuSeconds(pid);
    await sleep(IDLE_MS);
    const cpuIdle = cpuSeconds(pid) - cpuBeforeIdle;

    // The round: teachers start; students decide (budget, action, budget), then say they are ready.
    const cpuBeforeRound = cpuSeconds(pid);
    const roundStart = performance.now();
    const latencies: number[] = [];
    const refusals = new Map<string, number>();
    const record = (r: Reply & { latencyMs: number }) => {
      latencies.push(r.latencyMs);
      if (!r.ok) refusals.set(r.code ?? "?", (refusals.get(r.code ?? "?") ?? 0) + 1);
    };
    const startLatencies: number[] = [];
    await Promise.all(
      games.map(async (g) => {
        const r = await g.teacher!.request("start");
        startLatencies.push(r.latencyMs);
        if (!r.ok) throw new Error(`start refused: ${r.code} ${r.message}`);
      }),
    );
    const jitter = () => sleep(Math.random() * SPREAD_MS);
    await Promise.all(
      games.flatMap((g) =>
        g.students.map(async (s) => {
          await jitter();
          record(await s.request("budget", randomBudget()));
          await jitter();
          record(await s.request("action", { kind: "none" }));
          await jitter();
          record(await s.request("budget", randomBudget()));
        }),
      ),
    );
    // Ready: every team but one per game (the "closing" team), then one student of that team closes the round.
    const closers = games.map((g) => {
      const closingState = g.students[g.students.length - 1]?.welcome?.state ?? null;
      return { g, closingState };
    });
    await Promise.all(
      closers.flatMap(({ g, closingState }) =>
        g.students
          .filter((s) => s.welcome?.state !== closingState)
          .map(async (s) => {
            await jitter();
            record(await s.request("ready", { ready: true }));
          }),
      ),
    );
    const closeLatencies: number[] = [];
    const resolveLatencies: number[] = [];
    await Promise.all(
      closers.map(async ({ g, closingState }) => {
        const closer = g.students.find((s) => s.welcome?.state === closingState)!;
        const sent = performance.now();
        const everyone = [g.teacher!, ...g.students].map((p) => p.event("roundResolved"));
        const r = await closer.request("ready", { ready: true });
        record(r);
        closeLatencies.push(r.latencyMs);
        await withTimeout(Promise.all(everyone), STEP_TIMEOUT_MS, "roundResolved at every client");
        resolveLatencies.push(performance.now() - sent);
      }),
    );
    const roundS = (performance.now() - roundStart) / 1000;
    const cpuRound = cpuSeconds(pid) - cpuBeforeRound;
    const final = memory(pid);
    const peakKb = Math.max(sampler.peakKb, final.rssKb);

    const benchCpu = process.cpuUsage(benchCpuStart);
    const rows: string[][] = [
      ["server start (tsx, to first /api/health)", sec(serverStartS)],
      [`games created over HTTP`, `${games.length} in ${ms(createMs)}`],
      ["clients connected", `${connected} (${games.length} teachers + ${connected - games.length} students; ${joinFailures} failed)`],
      [`join time, all students (${JOIN_BATCH} at a time)`, sec(joinS)],
      ["join latency per student, median / p99", `${ms(percentile(joinLatencies, 50))} / ${ms(percentile(joinLatencies, 99))}`],
      ["server CPU during the joins", sec(cpuJoin)],
      ["server CPU per join (joins' CPU / students joined)", ms((cpuJoin * 1000) / Math.max(1, connected - games.length))],
      [`server CPU, idle ${IDLE_MS / 1000} s with everyone connected`, `${sec(cpuIdle)} (${((cpuIdle / (IDLE_MS / 1000)) * 100).toFixed(0)}% of a core)`],
      ["start -> ack, median / max", `${ms(percentile(startLatencies, 50))} / ${ms(Math.max(...startLatencies))}`],
      [`decisions sent (budget, action, budget, ready)`, `${latencies.length} (${[...refusals].map(([c, n]) => `${n} ${c}`).join(", ") || "all acknowledged"})`],
      ["decision -> ack latency, median", ms(percentile(latencies, 50))],
      ["decision -> ack latency, p99", ms(percentile(latencies, 99))],
      ["decision -> ack latency, max", ms(Math.max(...latencies))],
      ["last ready -> ack, median / max", `${ms(percentile(closeLatencies, 50))} / ${ms(Math.max(...closeLatencies))}`],
      ["last ready -> roundResolved at all clients of the game, median / max", `${ms(percentile(resolveLatencies, 50))} / ${ms(Math.max(...resolveLatencies))}`],
      [`round wall time (start to all resolved; students spread each send over ${SPREAD_MS / 1000} s)`, sec(roundS)],
      ["server CPU during the round", `${sec(cpuRound)} (${((cpuRound / roundS) * 100).toFixed(0)}% of a core)`],
      ["server CPU per decision (round's CPU / decisions, resolution included)", ms((cpuRound * 1000) / Math.max(1, latencies.length))],
      ["server RSS: at start / after joins / final", `${mb(baseline.rssKb)} / ${mb(afterJoin.rssKb)} / ${mb(final.rssKb)}`],
      ["server RSS peak (sampled every 100 ms / VmHWM)", `${mb(peakKb)} / ${mb(final.hwmKb)}`],
      [`bench process CPU (${connected} client decoders; the load generator's own cost)`, sec((benchCpu.user + benchCpu.system) / 1e6)],
      ["load average (1 min) at the end", loadavg()[0]!.toFixed(2)],
    ];
    process.stdout.write(`\n${table(["figure", "value"], rows)}\n`);
    const warnings = warningsOf(server);
    if (warnings.count > 0) process.stdout.write(`\nServer output with warnings or errors (${warnings.count} lines), last:\n  ${warnings.last.join("\n  ")}\n`);
  } finally {
    sampler?.stop();
    await Promise.race([Promise.allSettled(rooms.map((r) => r.leave(true))), sleep(5000)]);
    await stopServer(server);
    clearTimeout(watchdog);
    process.off("exit", killOnExit);
    rmSync(dataDir, { recursive: true, force: true });
  }
  process.stdout.write(`\nTotal wall time (server start to server stopped): ${sec((performance.now() - wallStart) / 1000)}\n`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`bench-load failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
