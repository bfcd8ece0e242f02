// npm run bench (second part): a load benchmark of the real server. It starts
// `server/main.ts` as a child process (so that its CPU time and memory can be
// read from /proc apart from this process's), creates games over HTTP, joins
// students with the colyseus.js client, plays one round and prints figures.
// It asserts nothing. Everything runs on 127.0.0.1; the child is always killed.
// As on a school LAN, each client has its own address: the server trusts the
// loopback proxy (TRUST_PROXY=loopback) and each client says which address it
// stands for in X-Forwarded-For, so the per-address join limits count each
// student apart, as they would count each device.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { Client, type Room } from "colyseus.js";
import type { ServerMessage, ServerMessages } from "../../shared/protocol/server-messages.js";
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

function intEnv(name: string, fallback: number): number {
  const n = Number(process.env[name]);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

// --- small helpers ---------------------------------------------------------------

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([p, limit]).finally(() => clearTimeout(timer));
}

function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

const ms = (x: number) => (Number.isNaN(x) ? "-" : x < 10 ? `${x.toFixed(1)} ms` : `${Math.round(x)} ms`);
const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;
const sec = (s: number) => `${s.toFixed(2)} s`;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

// --- the server process, seen from /proc -------------------------------------------

let ticksPerSecond = 100;
try {
  ticksPerSecond = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
} catch {
  /* keep the usual 100 */
}

/** CPU seconds (user + system) the process has used so far. */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // Fields after "(comm)": state is field 3, utime field 14, stime field 15.
  const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(rest[11]) + Number(rest[12])) / ticksPerSecond;
}

/** Resident memory now and its peak (kB), from /proc/PID/status. */
function memory(pid: number): { rssKb: number; hwmKb: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
  return { rssKb: field("VmRSS"), hwmKb: field("VmHWM") };
}

interface ServerProcess {
  child: ChildProcess;
  pid: number;
  url: string;
  output: string[];
}

async function startServer(dataDir: string): Promise<ServerProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "server/main.ts"], {
    cwd: join(import.meta.dirname, "..", ".."),
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, HOSTNAME_BIND: "127.0.0.1", NODE_ENV: "production", TRUST_PROXY: "loopback" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  const keep = (chunk: Buffer) => {
    output.push(...chunk.toString("utf8").split("\n").filter((l) => l.trim() !== ""));
    if (output.length > 200) output.splice(0, output.length - 200);
  };
  child.stdout.on("data", keep);
  child.stderr.on("data", keep);
  if (child.pid === undefined) throw new Error("could not start the server process");
  const url = `http://127.0.0.1:${port}`;
  const started = performance.now();
  while (performance.now() - started < 30_000) {
    if (child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode}:\n${output.join("\n")}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.ok) return { child, pid: child.pid, url, output };
    } catch {
      /* not listening yet */
    }
    await sleep(100);
  }
  throw new Error(`the server did not answer within 30 s:\n${output.join("\n")}`);
}

async function stopServer(server: ServerProcess | null): Promise<void> {
  if (!server || server.child.exitCode !== null || server.child.signalCode !== null) return;
  const exited = new Promise<void>((r) => server.child.once("exit", () => r()));
  server.child.kill("SIGTERM");
  const clean = await Promise.race([exited.then(() => true), sleep(5000).then(() => false)]);
  if (!clean) {
    server.child.kill("SIGKILL");
    await Promise.race([exited, sleep(2000)]);
  }
}

/** Samples the server's resident memory to catch its peak while the bench runs. */
function memorySampler(pid: number) {
  let peakKb = 0;
  const timer = setInterval(() => {
    try {
      peakKb = Math.max(peakKb, memory(pid).rssKb);
    } catch {
      /* the process is gone */
    }
  }, 100);
  return {
    get peakKb() {
      return peakKb;
    },
    stop: () => clearInterval(timer),
  };
}

// --- one client: collects replies by ref and events ---------------------------------

/** A message from the server: its type and that type's payload. */
type Envelope = { [K in ServerMessage]: { type: K; payload: ServerMessages[K] } }[ServerMessage];

interface Reply {
  ok: boolean;
  code?: string;
  message?: string;
}

class Participant {
  welcome: { studentId: string | null; state: string | null } | null = null;
  private readonly pending = new Map<number, (reply: Reply) => void>();
  private eventWaiters: { type: string; resolve: () => void }[] = [];
  readonly seenEvents = new Set<string>();
  private nextRef = 1;

  constructor(readonly room: Room) {
    // The server sends the payloads of shared/protocol/server-messages.ts, each under its type.
    room.onMessage<unknown>("*", (type, payload) => this.received({ type: String(type), payload } as Envelope));
  }

  private received(m: Envelope): void {
    if (m.type === "welcome") this.welcome = m.payload;
    else if (m.type === "ack" || m.type === "error") {
      const ref = m.payload.ref;
      const done = typeof ref === "number" ? this.pending.get(ref) : undefined;
      if (typeof ref === "number" && done) {
        this.pending.delete(ref);
        done(m.type === "ack" ? { ok: true } : { ok: false, code: m.payload.code, message: m.payload.message });
      }
    } else if (m.type === "event") {
      const t = m.payload.event.type;
      this.seenEvents.add(t);
      const due = this.eventWaiters.filter((x) => x.type === t);
      this.eventWaiters = this.eventWaiters.filter((x) => x.type !== t);
      for (const w of due) w.resolve();
    }
  }

  /** Sends a message with a numeric ref; resolves with the reply and the time it took (ms). */
  async request(type: string, payload: Record<string, unknown> = {}): Promise<Reply & { latencyMs: number }> {
    const ref = this.nextRef++;
    const reply = new Promise<Reply>((resolve) => this.pending.set(ref, resolve));
    const sent = performance.now();
    this.room.send(type, { ...payload, ref });
    const r = await withTimeout(reply, STEP_TIMEOUT_MS, `reply to "${type}"`);
    return { ...r, latencyMs: performance.now() - sent };
  }

  /** Resolves when an event of this type has arrived (or already had). */
  event(type: string): Promise<void> {
    if (this.seenEvents.has(type)) return Promise.resolve();
    return new Promise((resolve) => this.eventWaiters.push({ type, resolve }));
  }
}

// --- the run -------------------------------------------------------------------------

interface Game {
  code: string;
  teacherKey: string;
  teacher?: Participant;
  students: Participant[];
}

/**
 * A client for one device of the school LAN, 10.x.y.z from its number: its matchmaking requests and its
 * WebSocket carry that address in X-Forwarded-For, which the server (TRUST_PROXY=loopback) takes as its own.
 */
function deviceClient(wsUrl: string, device: number): Client {
  const client = new Client(wsUrl);
  const n = device + 1;
  client.http.headers = { "x-forwarded-for": `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` };
  return client;
}

async function api<T>(url: string, path: string, body: unknown): Promise<T> {
  const res = await fetch(url + path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const json = (await res.json()) as T;
  if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
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
    server = await startServer(dataDir);
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
      g.teacher = new Participant(await withTimeout(deviceClient(wsUrl, devices++).joinById(g.code, { role: "teacher", teacherKey: g.teacherKey }), STEP_TIMEOUT_MS, "teacher join"));
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
            game.students.push(new Participant(room));
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
    const budget = () => {
      const economy = 20 + Math.floor(Math.random() * 60);
      const defense = Math.floor(Math.random() * (100 - economy));
      return { economy, defense, offense: 100 - economy - defense };
    };
    await Promise.all(
      games.flatMap((g) =>
        g.students.map(async (s) => {
          await jitter();
          record(await s.request("budget", budget()));
          await jitter();
          record(await s.request("action", { kind: "none" }));
          await jitter();
          record(await s.request("budget", budget()));
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
      ["server RSS: at start / after joins / final", `${mb(baseline.rssKb)} / ${mb(afterJoin.rssKb)} / ${mb(final.rssKb)}`],
      ["server RSS peak (sampled every 100 ms / VmHWM)", `${mb(peakKb)} / ${mb(final.hwmKb)}`],
      ["bench process CPU (300 client decoders)", sec((benchCpu.user + benchCpu.system) / 1e6)],
    ];
    process.stdout.write(`\n${table(["figure", "value"], rows)}\n`);
    const warnings = server.output.filter((l) => /warn|error/i.test(l));
    if (warnings.length > 0) process.stdout.write(`\nServer output with warnings or errors (${warnings.length} lines), last:\n  ${warnings.slice(-5).join("\n  ")}\n`);
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
