// npm run bench (after bench-load): what one flooding student costs the rest
// of the class. One game of 30 students, each from its own address (as on a
// school LAN, bench-participant.ts), each sending a `budget` decision every
// 500 ms for 10 s; 2.5 s in, one more student connection (bench-flooder.ts,
// its own process) sends `budget` as fast as it can for up to 5 s. It prints
// the others' decision-to-ack latency before, during and after the flood, what
// the flooder sent and heard, when the server cut it off (close code 4429),
// and the server's CPU and memory during the flood; then the same run without
// the flooder, as a baseline. Each run has a fresh server child process. It
// asserts nothing; every wait is bounded and the children are always killed.
import type { ChildProcess } from "node:child_process";
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import type { Room } from "colyseus.js";
import type { FlooderConfig, FlooderReport, FromFlooder, ToFlooder } from "./bench-flooder.js";
import { api, cpuSeconds, epochMs, intEnv, mb, memory, memorySampler, ms, percentile, sec, type ServerProcess, sleep, startServer, stopProcess, stopServer, withTimeout } from "./bench-kit.js";
import { deviceClient, LAN_ENV, Participant, randomBudget } from "./bench-participant.js";
import { table } from "./table.js";

const STUDENTS = intEnv("BENCH_FLOOD_STUDENTS", 30);
const SCENARIO = "rival-shores";
const TEAM_SIZE = 4;
/** Each student sends a decision this often, for RUN_MS (each starts at a random point of its first period). */
const PERIOD_MS = 500;
const RUN_MS = 10_000;
/** The flood starts this long into the run and lasts at most FLOOD_MS. */
const FLOOD_START_MS = 2500;
const FLOOD_MS = 5000;
/** Bounds: one step (a join, a reply), and the whole bench. */
const STEP_TIMEOUT_MS = 10_000;
const TOTAL_TIMEOUT_MS = 55_000;
const ROOT = join(import.meta.dirname, "..", "..");

/** The others' decisions are grouped by when they were sent (ms into the run). */
const PHASES = [
  { name: "before the flood (0-2.5 s)", from: 0, to: FLOOD_START_MS },
  { name: "during the flood (2.5-7.5 s)", from: FLOOD_START_MS, to: FLOOD_START_MS + FLOOD_MS },
  { name: "  of which its first second", from: FLOOD_START_MS, to: FLOOD_START_MS + 1000 },
  { name: "after the flood (7.5-10 s)", from: FLOOD_START_MS + FLOOD_MS, to: RUN_MS },
];

/** One of the others' decisions: when it was sent (ms into the run) and its round trip (null: no reply). */
interface Sample {
  at: number;
  latencyMs: number | null;
  code: string | null;
}

interface RunResult {
  samples: Sample[];
  /** This process's event-loop lag (ms into the run, ms late): delays here are the clients', not the server's. */
  lag: { at: number; lagMs: number }[];
  serverCpuS: number;
  rssAtStartKb: number;
  rssPeakKb: number;
  flooder: (FlooderReport & { cutOffLoggedAt: number | null }) | null;
}

/** The flooder as a child process; `joined` and `done` resolve with its messages, and reject if it fails or exits. */
function startFlooder(config: FlooderConfig) {
  const child = spawn(process.execPath, ["--import", "tsx", "server/cli/bench-flooder.ts", JSON.stringify(config)], {
    cwd: ROOT,
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(...chunk.toString("utf8").split("\n").filter((l) => l.trim() !== ""));
    output.splice(0, Math.max(0, output.length - 20));
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const message = <K extends FromFlooder["kind"]>(kind: K) =>
    new Promise<Extract<FromFlooder, { kind: K }>>((resolve, reject) => {
      child.on("message", (m: unknown) => {
        const msg = m as FromFlooder;
        if (msg.kind === "failed") reject(new Error(`the flooder failed: ${msg.error}`));
        else if (msg.kind === kind) resolve(msg as Extract<FromFlooder, { kind: K }>);
      });
      child.once("exit", (code) => reject(new Error(`the flooder exited (${code}):\n${output.join("\n")}`)));
      child.once("error", reject);
    });
  const joined = message("joined");
  const done = message("done");
  // Awaited later (with a bound); a failure before then must not count as unhandled.
  joined.catch(() => undefined);
  done.catch(() => undefined);
  return { child, joined, done, go: () => child.send({ kind: "go" } satisfies ToFlooder, () => undefined) };
}

/** Records how late this process's timers fire, every 20 ms. */
function lagProbe(t0: number) {
  const samples: { at: number; lagMs: number }[] = [];
  let expected = performance.now() + 20;
  const timer = setInterval(() => {
    const now = performance.now();
    samples.push({ at: now - t0, lagMs: Math.max(0, now - expected) });
    expected = now + 20;
  }, 20);
  return { samples, stop: () => clearInterval(timer) };
}

/** One student: a budget decision every PERIOD_MS until RUN_MS, without waiting for the previous reply. */
async function decide(student: Participant, t0: number, out: Sample[]): Promise<void> {
  const replies: Promise<void>[] = [];
  for (let at = Math.random() * PERIOD_MS; at < RUN_MS; at += PERIOD_MS) {
    await sleep(Math.max(0, t0 + at - performance.now()));
    const sentAt = performance.now() - t0;
    replies.push(
      student.request("budget", randomBudget()).then(
        (r) => void out.push({ at: sentAt, latencyMs: r.latencyMs, code: r.ok ? null : (r.code ?? "?") }),
        () => void out.push({ at: sentAt, latencyMs: null, code: "no reply" }),
      ),
    );
  }
  await Promise.all(replies);
}

/** What a run leaves behind until it has cleaned up: killed and removed by the watchdog if it hangs. */
interface Leftovers {
  children: Set<ChildProcess>;
  dirs: Set<string>;
}

/** One run on a fresh server: the class, and the flooder if asked. */
async function run(withFlooder: boolean, leftovers: Leftovers): Promise<RunResult> {
  const { children, dirs } = leftovers;
  const dataDir = mkdtempSync(join(tmpdir(), "entente-bench-flood-"));
  dirs.add(dataDir);
  let server: ServerProcess | null = null;
  let flooder: ReturnType<typeof startFlooder> | null = null;
  let sampler: ReturnType<typeof memorySampler> | null = null;
  let lag: ReturnType<typeof lagProbe> | null = null;
  const rooms: Room[] = [];
  try {
    server = await startServer(dataDir, LAN_ENV);
    children.add(server.child);
    const pid = server.pid;
    let cutOffLoggedAt: number | null = null;
    server.child.stderr?.on("data", (chunk: Buffer) => {
      if (cutOffLoggedAt === null && chunk.toString("utf8").includes("was disconnected")) cutOffLoggedAt = epochMs();
    });
    const wsUrl = server.url.replace("http", "ws");
    const game = await api<{ code: string; teacherKey: string }>(server.url, "/api/games", {
      scenario: SCENARIO,
      settings: { teams: { mode: "size", value: TEAM_SIZE }, diplomacySeconds: 1800, seed: 1 },
    });
    // The Participant listens from the moment the room is joined: the welcome follows at once.
    const join = async (device: number, options: Record<string, string>) => {
      const room = await withTimeout(deviceClient(wsUrl, device).joinById(game.code, options), STEP_TIMEOUT_MS, "join");
      rooms.push(room);
      return new Participant(room, STEP_TIMEOUT_MS);
    };
    const teacher = await join(0, { role: "teacher", teacherKey: game.teacherKey });
    const students: Participant[] = [];
    for (let i = 0; i < STUDENTS; i += 10) {
      const batch = Array.from({ length: Math.min(10, STUDENTS - i) }, (_, j) => join(1 + i + j, { role: "student", nickname: `student-${i + j + 1}` }));
      students.push(...(await Promise.all(batch)));
    }
    if (withFlooder) {
      flooder = startFlooder({ wsUrl, code: game.code, nickname: "flooder", device: 1000, floodMs: FLOOD_MS });
      children.add(flooder.child);
      await withTimeout(flooder.joined, STEP_TIMEOUT_MS * 2, "the flooder's join");
    }
    await withTimeout(
      (async () => {
        while (students.some((s) => s.welcome === null)) await sleep(20);
      })(),
      STEP_TIMEOUT_MS,
      "welcome messages",
    );
    const started = await teacher.request("start");
    if (!started.ok) throw new Error(`start refused: ${started.code} ${started.message}`);

    sampler = memorySampler(pid);
    const t0 = performance.now();
    lag = lagProbe(t0);
    const samples: Sample[] = [];
    const deciding = Promise.all(students.map((s) => decide(s, t0, samples)));
    await sleep(t0 + FLOOD_START_MS - performance.now());
    const cpuAtStart = cpuSeconds(pid);
    const rssAtStartKb = memory(pid).rssKb;
    sampler.reset();
    flooder?.go();
    await sleep(t0 + FLOOD_START_MS + FLOOD_MS - performance.now());
    const serverCpuS = cpuSeconds(pid) - cpuAtStart;
    const rssPeakKb = Math.max(sampler.peakKb, memory(pid).rssKb);
    await withTimeout(deciding, RUN_MS + STEP_TIMEOUT_MS, "the students' decisions");
    const report = flooder ? (await withTimeout(flooder.done, STEP_TIMEOUT_MS, "the flooder's report")).report : null;
    return { samples, lag: lag.samples, serverCpuS, rssAtStartKb, rssPeakKb, flooder: report ? { ...report, cutOffLoggedAt } : null };
  } finally {
    lag?.stop();
    sampler?.stop();
    await Promise.race([Promise.allSettled(rooms.map((r) => r.leave(true))), sleep(3000)]);
    await stopProcess(flooder?.child);
    await stopServer(server);
    if (flooder) children.delete(flooder.child);
    if (server) children.delete(server.child);
    rmSync(dataDir, { recursive: true, force: true });
    dirs.delete(dataDir);
  }
}

// --- the report ------------------------------------------------------------------------

function latencies(samples: Sample[], from: number, to: number): string {
  const inPhase = samples.filter((s) => s.at >= from && s.at < to);
  const xs = inPhase.flatMap((s) => (s.latencyMs === null ? [] : [s.latencyMs]));
  const lost = inPhase.length - xs.length;
  const figures = [50, 95, 99].map((p) => ms(percentile(xs, p))).join(" / ");
  return `${figures} / ${ms(xs.length > 0 ? Math.max(...xs) : NaN)} (${inPhase.length}${lost > 0 ? `, ${lost} unanswered` : ""})`;
}

function outcomes(samples: Sample[]): string {
  const refused = new Map<string, number>();
  for (const s of samples) if (s.code !== null) refused.set(s.code, (refused.get(s.code) ?? 0) + 1);
  return `${samples.length} sent, ${samples.length - [...refused.values()].reduce((a, b) => a + b, 0)} acknowledged${[...refused].map(([c, n]) => `, ${n} ${c}`).join("")}`;
}

function maxLag(r: RunResult, from: number, to: number): string {
  return ms(Math.max(0, ...r.lag.filter((l) => l.at >= from && l.at < to).map((l) => l.lagMs)));
}

function flooderRows(f: RunResult["flooder"]): string[][] {
  if (!f) return [];
  const since = (t: number | null) => (t === null || f.firstSentAt === null ? "-" : ms(t - f.firstSentAt));
  const sendingMs = f.firstSentAt !== null && f.lastSentAt !== null ? f.lastSentAt - f.firstSentAt : NaN;
  const errors = Object.entries(f.errors).map(([c, n]) => `${n} ${c}`).join(", ") || "no errors";
  return [
    ["flooder: budget messages sent while its connection was open", `${f.sent} in ${ms(sendingMs)}${sendingMs > 0 ? ` (${Math.round((f.sent / sendingMs) * 1000)}/s)` : ""}`],
    ["flooder: bytes still in its own send buffer when it stopped", `${f.unsentBytes}`],
    ["flooder: replies received", `${f.acks} acks, ${errors}`],
    ["flooder: close code", f.closeCode === null ? "not closed" : String(f.closeCode)],
    ["flooder: after its first message, the server logged the cut-off", since(f.cutOffLoggedAt)],
    ["flooder: ... its connection stopped being open (close frame)", since(f.closingAt)],
    ["flooder: ... its connection was closed (onLeave)", since(f.closedAt)],
    ["flooder: its process's CPU from the start of the flood", sec(f.cpuSeconds)],
  ];
}

function report(baseline: RunResult, flooded: RunResult): string {
  const both = (f: (r: RunResult) => string) => [f(baseline), f(flooded)];
  const window = FLOOD_MS / 1000;
  const rows: string[][] = [
    ["others' budget decisions", ...both((r) => outcomes(r.samples))],
    ["others' decision -> ack, p50 / p95 / p99 / max (count):", "", ""],
    ...PHASES.map((p) => [`  ${p.name}`, ...both((r) => latencies(r.samples, p.from, p.to))]),
    [`server CPU in the flood window (${window} s)`, ...both((r) => `${sec(r.serverCpuS)} (${((r.serverCpuS / window) * 100).toFixed(0)}% of a core)`)],
    ["server RSS at the window's start / peak in it", ...both((r) => `${mb(r.rssAtStartKb)} / ${mb(r.rssPeakKb)}`)],
    ["this process's event-loop lag, max before / during / after", ...both((r) => PHASES.filter((p) => !p.name.startsWith(" ")).map((p) => maxLag(r, p.from, p.to)).join(" / "))],
    ...flooderRows(flooded.flooder).map(([name, value]) => [name!, "-", value!]),
  ];
  return table(["figure", "baseline (no flooder)", "with the flooder"], rows);
}

async function main(): Promise<void> {
  const wallStart = performance.now();
  const leftovers: Leftovers = { children: new Set(), dirs: new Set() };
  const killAll = () => {
    for (const child of leftovers.children) child.kill("SIGKILL");
  };
  const watchdog = setTimeout(() => {
    process.stderr.write(`bench-flood: gave up after ${TOTAL_TIMEOUT_MS / 1000} s\n`);
    killAll();
    for (const dir of leftovers.dirs) rmSync(dir, { recursive: true, force: true });
    process.exit(2);
  }, TOTAL_TIMEOUT_MS);
  process.once("exit", killAll);
  try {
    process.stdout.write(
      `\nFlood benchmark: ${STUDENTS} students (${SCENARIO}, each from its own address) send a budget every ${PERIOD_MS} ms for ${RUN_MS / 1000} s; ` +
        `from ${FLOOD_START_MS / 1000} s, one more student connection floods for up to ${FLOOD_MS / 1000} s. Two runs, each on a fresh server. ` +
        `${cpus().length} CPUs, Node ${process.version}, load average ${loadavg()[0]!.toFixed(2)}\n`,
    );
    const baseline = await run(false, leftovers);
    const flooded = await run(true, leftovers);
    process.stdout.write(`\n${report(baseline, flooded)}\n`);
  } finally {
    killAll();
    clearTimeout(watchdog);
    process.off("exit", killAll);
  }
  process.stdout.write(`\nTotal wall time: ${sec((performance.now() - wallStart) / 1000)}\n`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    process.stderr.write(`bench-flood failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
