// npm run bench (second part): load steps against the real server (issue 15).
// Each step starts fresh server child processes (`server/main.ts`, as npm
// start runs it, so that their CPU time and memory can be read from /proc),
// creates games over HTTP, joins teachers and students with the colyseus.js
// client from several load-generator processes (bench-workers.ts, each a
// bench-driver.ts), lets every student send 6 decisions at random moments of
// a window, and prints per step: students, server CPU per join and per
// decision, p50/p99 decision-to-acknowledgement, server RSS, the load
// generators' own CPU and the load average, with the issue's targets beside.
// Steps (BENCH_QUICK=1 in brackets):
//   ramp     classes of 30, 6 decisions within 7 s: 300, 1,200, 2,400, 5,000,
//            10,000 students [300, 1,200]; past 2,400, stops at a p99 over 5 s or a failed join
//   lecture  one room, 6 decisions within 7 s: 1,000 students [300]
//   paced    classes of 30, 6 decisions spread over 60 s: 10,000 [1,000 over 20 s]
//   redis    two server processes behind a throwaway redis-server, classes
//            of 30, 6 decisions within 7 s: 2,400 [600]
//   storage  one ramp step run twice, on SQLite then on PostgreSQL (a throwaway
//            cluster, server/cli/throwaway-postgres.ts, fsync off): 1,200 [300]
//            (issue 16); skipped, in one line, when PostgreSQL is not installed
// As on a school LAN, each client has its own address (X-Forwarded-For, which
// the server trusts from loopback): the per-address join limits count each
// device apart. The lecture's server (bench-lecture-server.ts) lifts a game's
// 600-student cap and its 150-new-students-a-minute limit. It asserts nothing; every wait
// is bounded and every child is killed on exit.
// Settings: BENCH_DRIVERS=thread|fork (default thread), BENCH_WORKERS (3),
// BENCH_STEPS=ramp,lecture,paced,redis,storage, BENCH_RAMP_MAX (largest ramp size).
import { type ChildProcess, execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import type { FromDriver, JoinSpec, ToDriver } from "./bench-driver.js";
import { api, cpuSeconds, epochMs, freePort, intEnv, mb, memory, memorySampler, ms, percentile, sec, type ServerProcess, sleep, startRedis, startServer, stopProcess, warningsOf } from "./bench-kit.js";
import { LAN_ENV } from "./bench-participant.js";
import { DriverPool, type DriverKind } from "./bench-workers.js";
import { table } from "./table.js";
import { postgresBinaries, startPostgres, type PostgresCluster } from "./throwaway-postgres.js";

const QUICK = process.env.BENCH_QUICK === "1";
/** Worker threads by default: on this machine they cost the load generators less CPU than forked processes (docs/performance.md). */
const DRIVER_KIND: DriverKind = process.env.BENCH_DRIVERS === "fork" ? "fork" : "thread";
const WORKERS = intEnv("BENCH_WORKERS", 3);
const STEPS = new Set((process.env.BENCH_STEPS ?? "ramp,lecture,paced,redis,storage").split(","));
const RAMP = (QUICK ? [300, 1200] : [300, 1200, 2400, 5000, 10_000]).filter((n) => n <= intEnv("BENCH_RAMP_MAX", 10_000));
const SCENARIO = "rival-shores"; // 8 states: a class of 30 in teams of 4 fills them all
const TEAM_SIZE = 4;
const CLASS_SIZE = 30;
/** Decisions per student, and the window they are spread over (the issue's "6 messages within 7 s"). */
const MESSAGES = 6;
const BURST_WINDOW_MS = 7000;
/** Ramp sizes up to this one always run; past it, a step stops the ramp when its p99 is over RAMP_STOP_P99_MS, or when a join fails. */
const RAMP_ALWAYS = 2400;
const RAMP_STOP_P99_MS = 5000;
const IDLE_MS = 2000;
/** Joins in flight at once, per load generator. */
const JOIN_CONCURRENCY = intEnv("BENCH_JOIN_CONCURRENCY", 8);
/** One client's join or reply waits at most this long. */
const CLIENT_TIMEOUT_MS = 30_000;
const TOTAL_TIMEOUT_MS = (QUICK ? 6 : 45) * 60_000;
/** The issue's targets (issue 15). */
const TARGET = { cpuPerDecisionMs: 0.1, cpuPerJoinMs: 1, p99Ms: 100, patchKbPerRound: 5 };

interface StepSpec {
  name: string;
  students: number;
  /** Students per game (a lecture: all of them). */
  classSize: number;
  windowMs: number;
  processes: 1 | 2;
  /** The server's entry (default server/main.ts). */
  entry?: string;
  /** More environment for the server processes (DATABASE_URL). */
  env?: Record<string, string>;
  /** CPU seconds used so far by a process outside the server that works for it (the PostgreSQL cluster), read beside the server's. */
  otherCpu?: () => number;
}

interface StepResult {
  spec: StepSpec;
  /** State patch bytes one student received over the round (start to review, resolution included): median and most. */
  patchP50: number;
  patchMax: number;
  load: number;
  connected: number;
  joinFailures: number;
  /** Joins not begun within the step's bound. */
  joinsUntried: number;
  joinErrors: string[];
  joinS: number;
  joinP50: number;
  joinP99: number;
  serverCpuJoinS: number;
  serverIdlePct: number;
  decisions: number;
  unanswered: number;
  refusals: Record<string, number>;
  p50: number;
  p99: number;
  max: number;
  decideS: number;
  serverCpuDecideS: number;
  rssKb: number;
  peakKb: number;
  generatorCpuJoinS: number;
  generatorCpuDecideS: number;
  /** The spec's otherCpu over the joins and over the decisions; NaN without one. */
  otherCpuJoinS: number;
  otherCpuDecideS: number;
  warnings: string[];
}

/**
 * Children and folders a step leaves until it has cleaned up: killed and removed on exit or by the watchdog.
 * The storage step's PostgreSQL cluster is not among them: throwaway-postgres.ts kills it and removes its folder
 * itself when this process exits (the watchdog, SIGINT and SIGTERM all end in process.exit).
 */
const leftovers = { children: new Set<ChildProcess>(), pools: new Set<DriverPool>(), dirs: new Set<string>() };
function killLeftovers(): void {
  for (const p of leftovers.pools) p.stop();
  for (const c of leftovers.children) c.kill("SIGKILL");
  for (const d of leftovers.dirs) rmSync(d, { recursive: true, force: true });
}

/** Splits `items` over `n` lists, by turns. */
function dealt<T>(items: T[], n: number): T[][] {
  const out: T[][] = Array.from({ length: n }, () => []);
  items.forEach((x, i) => out[i % n]!.push(x));
  return out;
}

async function runStep(spec: StepSpec): Promise<StepResult> {
  const load = loadavg()[0]!;
  const dataDir = mkdtempSync(join(tmpdir(), "entente-bench-load-"));
  leftovers.dirs.add(dataDir);
  const servers: ServerProcess[] = [];
  let redis: ChildProcess | null = null;
  let pool: DriverPool | null = null;
  const samplers: ReturnType<typeof memorySampler>[] = [];
  try {
    // Servers (and Redis for two).
    const env: Record<string, string> = { ...LAN_ENV, ...spec.env };
    if (spec.processes === 2) {
      const r = await startRedis();
      redis = r.child;
      leftovers.children.add(redis);
      env.REDIS_URL = r.url;
    }
    for (let i = 0; i < spec.processes; i++) {
      const port = await freePort();
      const s = await startServer(dataDir, spec.processes === 2 ? { ...env, PUBLIC_ADDRESS: `127.0.0.1:${port}` } : env, { port, entry: spec.entry });
      servers.push(s);
      leftovers.children.add(s.child);
      samplers.push(memorySampler(s.pid));
    }
    const serverCpu = () => servers.reduce((t, s) => t + cpuSeconds(s.pid), 0);
    const otherCpu = spec.otherCpu ?? (() => NaN);
    const wsUrls = servers.map((s) => s.url.replace("http", "ws"));

    // Games over HTTP (by turns on each process), then the load generators.
    const games: { code: string; teacherKey: string }[] = [];
    const gameCount = Math.ceil(spec.students / spec.classSize);
    for (let g = 0; g < gameCount; g++) {
      games.push(
        await api<{ code: string; teacherKey: string }>(servers[g % servers.length]!.url, "/api/games", {
          scenario: SCENARIO,
          settings: { teams: { mode: "size", value: TEAM_SIZE }, diplomacySeconds: 1800, seed: g + 1 },
        }),
      );
    }
    pool = await DriverPool.start(DRIVER_KIND, WORKERS);
    leftovers.pools.add(pool);
    const drivers = pool.size;

    // Teachers, then students: student k of game g is device gameCount + k*gameCount + g, so classes fill side by side.
    // Each client matchmakes through a process by turns (with two, half go through the process that does not hold the room).
    let device = 0;
    const teacherJoins: JoinSpec[] = games.map((g) => ({ wsUrl: wsUrls[device % wsUrls.length]!, code: g.code, device: device++, role: "teacher", secret: g.teacherKey }));
    const studentJoins: JoinSpec[] = [];
    for (let k = 0; k < spec.classSize; k++) {
      for (let g = 0; g < gameCount && studentJoins.length < spec.students; g++) {
        if (g * spec.classSize + k >= spec.students) continue;
        studentJoins.push({ wsUrl: wsUrls[device % wsUrls.length]!, code: games[g]!.code, device: device++, role: "student", secret: `student-${k + 1}` });
      }
    }
    // Joins begun within `budgetMs`; the reply comes at most one client timeout later.
    const joinAsk = (joins: JoinSpec[], concurrency: number, budgetMs: number) => {
      const deadline = epochMs() + budgetMs;
      const commands: ToDriver[] = dealt(joins, drivers).map((share) => ({ kind: "join", joins: share, concurrency, timeoutMs: CLIENT_TIMEOUT_MS, deadline }));
      return pool!.ask(commands, "joined", budgetMs + CLIENT_TIMEOUT_MS + 15_000);
    };
    const teachersJoined = await joinAsk(teacherJoins, 4, 60_000 + games.length * 200);
    const teacherFailures = teachersJoined.reduce((t, r) => t + r.failures, 0);
    const teachersUntried = teachersJoined.reduce((t, r) => t + r.untried, 0);
    if (teacherFailures + teachersUntried > 0) throw new Error(`${teacherFailures} teachers could not join: ${teachersJoined.flatMap((r) => r.errors).join("; ")}`);

    const cpuBeforeJoin = serverCpu();
    const otherBeforeJoin = otherCpu();
    const genBeforeJoin = pool.cpuSeconds();
    const joinStart = performance.now();
    // A room's joins cost more as it fills (each newcomer is sent to everyone in it): a lecture gets more time.
    const joined = await joinAsk(studentJoins, JOIN_CONCURRENCY, 60_000 + spec.students * (spec.classSize > CLASS_SIZE ? 200 : 40));
    const joinS = (performance.now() - joinStart) / 1000;
    const serverCpuJoinS = serverCpu() - cpuBeforeJoin;
    const otherCpuJoinS = otherCpu() - otherBeforeJoin;
    const generatorCpuJoinS = pool.cpuSeconds() - genBeforeJoin;
    const joinLatencies = joined.flatMap((r) => r.latencies);
    const joinFailures = joined.reduce((t, r) => t + r.failures, 0);
    const joinsUntried = joined.reduce((t, r) => t + r.untried, 0);

    // A quiet class: everyone connected, nobody doing anything.
    const cpuBeforeIdle = serverCpu();
    await sleep(IDLE_MS);
    const serverIdlePct = ((serverCpu() - cpuBeforeIdle) / (IDLE_MS / 1000)) * 100;

    // The round: teachers start it; students decide.
    const started = await pool.ask(Array.from({ length: drivers }, () => ({ kind: "start" })), "started", 60_000);
    const refusedStarts = started.flatMap((r) => r.refused);
    if (refusedStarts.length > 0) throw new Error(`${refusedStarts.length} starts refused: ${refusedStarts.slice(0, 3).join("; ")}`);
    for (const s of samplers) s.reset();
    const cpuBeforeDecide = serverCpu();
    const otherBeforeDecide = otherCpu();
    const genBeforeDecide = pool.cpuSeconds();
    const decideStart = performance.now();
    const startAt = epochMs() + 300;
    const decided = await pool.ask(
      Array.from({ length: drivers }, () => ({ kind: "decide", startAt, windowMs: spec.windowMs, messages: MESSAGES, timeoutMs: CLIENT_TIMEOUT_MS })),
      "decided",
      spec.windowMs + CLIENT_TIMEOUT_MS + 30_000,
    );
    const decideS = (performance.now() - decideStart) / 1000;
    const serverCpuDecideS = serverCpu() - cpuBeforeDecide;
    const otherCpuDecideS = otherCpu() - otherBeforeDecide;
    const generatorCpuDecideS = pool.cpuSeconds() - genBeforeDecide;
    const latencies = decided.flatMap((r) => r.latencies);
    const refusals: Record<string, number> = {};
    for (const r of decided) for (const [code, n] of Object.entries(r.refusals)) refusals[code] = (refusals[code] ?? 0) + n;
    const rssKb = servers.reduce((t, s) => t + memory(s.pid).rssKb, 0);
    const peakKb = samplers.reduce((t, s, i) => t + Math.max(s.peakKb, memory(servers[i]!.pid).rssKb), 0);
    const warnings = servers.flatMap((s) => warningsOf(s, 3).last);

    // The round ends (outside the CPU window): what state patches each student received over the whole round.
    const resolved = await pool
      .ask(Array.from({ length: drivers }, () => ({ kind: "resolve", timeoutMs: 30_000 })), "resolved", 60_000)
      .catch(() => [] as Extract<FromDriver, { kind: "resolved" }>[]);
    const patchBytes = resolved.flatMap((r) => r.patchBytes);

    await pool.ask(Array.from({ length: drivers }, () => ({ kind: "leave" })), "left", 20_000).catch(() => undefined);
    return {
      spec,
      load,
      connected: joinLatencies.length,
      joinFailures,
      joinsUntried,
      joinErrors: joined.flatMap((r) => r.errors).slice(0, 3),
      joinS,
      joinP50: percentile(joinLatencies, 50),
      joinP99: percentile(joinLatencies, 99),
      serverCpuJoinS,
      serverIdlePct,
      decisions: latencies.length,
      unanswered: decided.reduce((t, r) => t + r.unanswered, 0),
      refusals,
      p50: percentile(latencies, 50),
      p99: percentile(latencies, 99),
      max: latencies.length > 0 ? Math.max(...latencies) : NaN,
      decideS,
      serverCpuDecideS,
      rssKb,
      peakKb,
      generatorCpuJoinS,
      generatorCpuDecideS,
      otherCpuJoinS,
      otherCpuDecideS,
      patchP50: percentile(patchBytes, 50),
      patchMax: patchBytes.length > 0 ? Math.max(...patchBytes) : NaN,
      warnings,
    };
  } catch (err) {
    // A step that fails says what the server said last (a 500 from the API tells nothing by itself).
    const last = servers.flatMap((s) => warningsOf(s, 3).last);
    if (last.length === 0) throw err;
    throw new Error(`${err instanceof Error ? err.message : String(err)}; the server's last warnings: ${last.join(" | ")}`, { cause: err });
  } finally {
    for (const s of samplers) s.stop();
    if (pool) {
      pool.stop();
      leftovers.pools.delete(pool);
    }
    for (const s of servers) {
      await stopProcess(s.child);
      leftovers.children.delete(s.child);
    }
    if (redis) {
      await stopProcess(redis);
      leftovers.children.delete(redis);
    }
    rmSync(dataDir, { recursive: true, force: true });
    leftovers.dirs.delete(dataDir);
  }
}

// --- the report ------------------------------------------------------------------------

const HEADER = [
  "step",
  "students (joined)",
  "load avg",
  "join: wall, p50 / p99",
  "server CPU / join",
  "server idle",
  "decisions (refused, unanswered)",
  "server CPU / decision",
  "decision -> ack p50 / p99",
  "server RSS (peak)",
  "load generators' CPU: joins / decisions",
];

const perMs = (cpuS: number, n: number) => (n > 0 ? `${((cpuS * 1000) / n).toFixed(2)} ms` : "-");

function row(r: StepResult): string[] {
  const refused = Object.values(r.refusals).reduce((a, b) => a + b, 0);
  const window = r.spec.windowMs / 1000;
  return [
    r.spec.name,
    `${r.spec.students} (${r.connected})`,
    r.load.toFixed(2),
    `${sec(r.joinS)}, ${ms(r.joinP50)} / ${ms(r.joinP99)}`,
    perMs(r.serverCpuJoinS, r.connected),
    `${r.serverIdlePct.toFixed(0)}% of a core`,
    `${r.decisions} in ${window} s (${refused}, ${r.unanswered})`,
    perMs(r.serverCpuDecideS, r.decisions),
    `${ms(r.p50)} / ${ms(r.p99)}`,
    `${mb(r.rssKb)} (${mb(r.peakKb)})`,
    `${sec(r.generatorCpuJoinS)} / ${sec(r.generatorCpuDecideS)} (${((r.generatorCpuDecideS / r.decideS) * 100).toFixed(0)}% of a core)`,
  ];
}

const TARGET_ROW = ["target (issue 15)", "", "", "", `<= ${TARGET.cpuPerJoinMs} ms`, "", "", `<= ${TARGET.cpuPerDecisionMs} ms`, `p99 <= ${TARGET.p99Ms} ms`, "", ""];

function notes(r: StepResult): string[] {
  const out: string[] = [];
  if (r.joinFailures > 0) out.push(`${r.spec.name}: ${r.joinFailures} joins failed (${r.joinErrors.join("; ")})`);
  if (r.joinsUntried > 0) out.push(`${r.spec.name}: ${r.joinsUntried} joins not begun within the step's bound (${sec(r.joinS)}); the decisions are those of the ${r.connected} who joined`);
  const refusals = Object.entries(r.refusals);
  if (refusals.length > 0) out.push(`${r.spec.name}: refusals ${refusals.map(([c, n]) => `${n} ${c}`).join(", ")}`);
  if (r.warnings.length > 0) out.push(`${r.spec.name}: server warnings, last: ${r.warnings.join(" | ")}`);
  const kB = (bytes: number) => (Number.isFinite(bytes) ? `${(bytes / 1000).toFixed(1)} kB` : "not measured (the round did not end)");
  out.push(`${r.spec.name}: state patches per student over the round (start to review, resolution included): median ${kB(r.patchP50)}, most ${kB(r.patchMax)} (target <= ${TARGET.patchKbPerRound} kB)`);
  return out;
}

// --- the storage step: SQLite beside PostgreSQL (issue 16) --------------------------------

let clockTicks = 100;
try {
  clockTicks = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
} catch {
  /* keep the usual 100 */
}

/** The fields of /proc/PID/stat after "(comm)" (index 1 is the parent's pid, 11-14 utime, stime, cutime, cstime); null once it is gone. */
function statFields(pid: number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return null;
  }
}

/**
 * CPU seconds (user + system) a PostgreSQL cluster has used so far: its postmaster and the children alive now
 * (backends, checkpointer, WAL writer...), each with the children it has reaped (cutime, cstime), so that a
 * connection closed between two readings still counts. Reads /proc: a few milliseconds.
 */
function clusterCpuSeconds(postmaster: number): number {
  const pids = [postmaster];
  for (const name of readdirSync("/proc")) {
    if (/^\d+$/.test(name) && Number(statFields(Number(name))?.[1]) === postmaster) pids.push(Number(name));
  }
  let ticks = 0;
  for (const pid of pids) {
    const f = statFields(pid);
    if (f) ticks += Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14]);
  }
  return ticks / clockTicks;
}

/** The cluster's postmaster: the first line of postmaster.pid in its data directory (which its superuser may SHOW). */
async function postmasterPid(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ data_directory: string }>("SHOW data_directory");
    const pid = Number(readFileSync(join(rows[0]!.data_directory, "postmaster.pid"), "utf8").split("\n")[0]);
    if (!Number.isInteger(pid) || pid <= 0) throw new Error("no postmaster pid in postmaster.pid");
    return pid;
  } finally {
    await client.end();
  }
}

const firstLine = (err: unknown) => (err instanceof Error ? err.message : String(err)).split("\n")[0]!;

const STORAGE_CAVEAT =
  "storage: the PostgreSQL cluster is a throwaway one on this machine, with fsync, synchronous_commit and full_page_writes off: " +
  "its figures are the cost of the client and the protocol, not of a durable disk; a real deployment's database on another machine adds a network round trip per write.";

/**
 * The storage step: one ramp step (`students` in classes of 30, one server process) on SQLite, then the same on a
 * fresh database of a throwaway PostgreSQL cluster, then a line with both sides' figures. `say` prints a line and
 * keeps it for the report. Never throws: without PostgreSQL, or when the cluster does not start, it says so in one line.
 */
async function compareStorage(students: number, attempt: (spec: StepSpec) => Promise<StepResult | null>, say: (line: string) => void): Promise<void> {
  try {
    postgresBinaries();
  } catch (err) {
    say(`storage: skipped: ${firstLine(err)}`);
    return;
  }
  let cluster: PostgresCluster;
  try {
    cluster = await startPostgres();
  } catch (err) {
    say(`storage: skipped: the throwaway PostgreSQL cluster did not start: ${firstLine(err)}`);
    return;
  }
  try {
    const databaseUrl = await cluster.createDatabase("bench");
    const postmaster = await postmasterPid(cluster.url);
    const base = { students, classSize: CLASS_SIZE, windowMs: BURST_WINDOW_MS, processes: 1 as const };
    // DATABASE_URL="" keeps a DATABASE_URL of the shell from turning the SQLite run into a PostgreSQL one.
    const sqlite = await attempt({ ...base, name: `storage: sqlite ${students}`, env: { DATABASE_URL: "" } });
    const postgres = await attempt({ ...base, name: `storage: postgresql ${students}`, env: { DATABASE_URL: databaseUrl }, otherCpu: () => clusterCpuSeconds(postmaster) });
    if (sqlite && postgres) {
      say(
        `storage ${students}: decision -> ack p50 / p99: SQLite ${ms(sqlite.p50)} / ${ms(sqlite.p99)}, PostgreSQL ${ms(postgres.p50)} / ${ms(postgres.p99)}; ` +
          `server CPU / decision: SQLite ${perMs(sqlite.serverCpuDecideS, sqlite.decisions)}, PostgreSQL ${perMs(postgres.serverCpuDecideS, postgres.decisions)} ` +
          `plus the cluster's own ${perMs(postgres.otherCpuDecideS, postgres.decisions)} (per join: ${perMs(postgres.otherCpuJoinS, postgres.connected)}); ` +
          `load average ${sqlite.load.toFixed(2)} before the SQLite run, ${postgres.load.toFixed(2)} before the PostgreSQL run`,
      );
    }
    say(STORAGE_CAVEAT);
  } catch (err) {
    say(`storage: failed: ${firstLine(err)}`);
  } finally {
    await cluster.stop();
  }
}

async function main(): Promise<void> {
  const wallStart = performance.now();
  const watchdog = setTimeout(() => {
    process.stderr.write(`bench-load: gave up after ${TOTAL_TIMEOUT_MS / 60_000} minutes\n`);
    killLeftovers();
    process.exit(2);
  }, TOTAL_TIMEOUT_MS);
  process.once("exit", killLeftovers);
  process.once("SIGINT", () => process.exit(130));
  process.once("SIGTERM", () => process.exit(143));

  process.stdout.write(
    `\nLoad benchmark${QUICK ? " (BENCH_QUICK)" : ""}: ${SCENARIO}, teams of ${TEAM_SIZE}; each student sends ${MESSAGES} decisions (budget and action by turns) at random moments of a window; ` +
      `clients in ${WORKERS} load generators (${DRIVER_KIND === "fork" ? "child processes" : "worker threads"}), each from its own address; ` +
      `${cpus().length} CPUs, Node ${process.version}, load average ${loadavg().map((x) => x.toFixed(2)).join(" ")} (the load generators share the machine with the server)\n`,
  );
  const results: StepResult[] = [];
  const report: string[] = [];
  const print = (r: StepResult) => {
    results.push(r);
    report.push(...notes(r));
    process.stdout.write(`  ${r.spec.name}: ${row(r).slice(1).join(" | ")}\n`);
  };
  const attempt = async (spec: StepSpec): Promise<StepResult | null> => {
    try {
      const r = await runStep(spec);
      print(r);
      return r;
    } catch (err) {
      const message = `${spec.name}: failed: ${err instanceof Error ? err.message : String(err)}`;
      report.push(message);
      process.stdout.write(`  ${message}\n`);
      return null;
    }
  };
  try {
    if (STEPS.has("ramp")) {
      for (const n of RAMP) {
        const r = await attempt({ name: `ramp ${n}`, students: n, classSize: CLASS_SIZE, windowMs: BURST_WINDOW_MS, processes: 1 });
        // 300, 1,200 and 2,400 always run; beyond them, only while the machine holds.
        if (n === RAMP[RAMP.length - 1] || n < RAMP_ALWAYS) continue;
        if (!r || r.joinFailures + r.joinsUntried > 0 || r.unanswered > 0 || r.p99 > RAMP_STOP_P99_MS) {
          const why = !r ? "the step failed" : r.joinFailures + r.joinsUntried > 0 ? `${r.joinFailures + r.joinsUntried} joins failed or not begun` : r.unanswered > 0 ? `${r.unanswered} decisions unanswered` : `p99 ${ms(r.p99)} over ${ms(RAMP_STOP_P99_MS)}`;
          report.push(`ramp stopped at ${n} students: ${why}`);
          break;
        }
      }
    }
    if (STEPS.has("lecture")) {
      const n = QUICK ? 300 : 1000;
      await attempt({ name: `lecture ${n}`, students: n, classSize: n, windowMs: BURST_WINDOW_MS, processes: 1, entry: "server/cli/bench-lecture-server.ts" });
    }
    if (STEPS.has("paced")) {
      const n = QUICK ? 1000 : 10_000;
      await attempt({ name: `paced ${n}`, students: n, classSize: CLASS_SIZE, windowMs: QUICK ? 20_000 : 60_000, processes: 1 });
    }
    if (STEPS.has("redis")) {
      const n = QUICK ? 600 : 2400;
      await attempt({ name: `redis ${n} (2 processes)`, students: n, classSize: CLASS_SIZE, windowMs: BURST_WINDOW_MS, processes: 2 });
    }
    if (STEPS.has("storage")) {
      await compareStorage(QUICK ? 300 : 1200, attempt, (line) => {
        report.push(line);
        process.stdout.write(`  ${line}\n`);
      });
    }
  } finally {
    clearTimeout(watchdog);
  }
  process.stdout.write(`\n${table(HEADER, [...results.map(row), TARGET_ROW])}\n`);
  if (report.length > 0) process.stdout.write(`\n${report.join("\n")}\n`);
  process.stdout.write(
    `\nServer CPU is the server processes' own (/proc, user + system; with two processes, their sum), over the joins or over the decisions' window until the last ack, ` +
      `divided by the joins or decisions (the storage step's PostgreSQL cluster is not in it: its line gives the cluster's own); the load generators' CPU is theirs and this process's (/proc). Latencies include the load generators' own delays.\n` +
      `Total wall time: ${sec((performance.now() - wallStart) / 1000)}\n`,
  );
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`bench-load failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
