// What the server benchmarks (bench-load.ts, bench-flood.ts) share: the
// server as a child process (so that its CPU time and memory can be read from
// /proc apart from the bench's own), bounded waits, percentiles and the
// formatting of their figures. The clients are in bench-participant.ts.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { performance } from "node:perf_hooks";

// --- waiting -------------------------------------------------------------------------

/** Resolves after `ms` milliseconds. */
export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** `p`, or a rejection naming `what` once `ms` milliseconds have passed: every wait of a bench is bounded. */
export function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([p, limit]).finally(() => clearTimeout(timer));
}

/** Now, in epoch milliseconds with sub-millisecond precision: comparable between the bench's processes. */
export const epochMs = () => performance.timeOrigin + performance.now();

/** A positive integer from the environment (BENCH_GAMES=2), or `fallback`. */
export function intEnv(name: string, fallback: number): number {
  const n = Number(process.env[name]);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

// --- figures ---------------------------------------------------------------------------

/** The p-th percentile (nearest rank) of `xs`; NaN when there are none. */
export function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

/** Milliseconds: one decimal below 10, "-" for NaN (no data). */
export const ms = (x: number) => (Number.isNaN(x) ? "-" : x < 10 ? `${x.toFixed(1)} ms` : `${Math.round(x)} ms`);
/** Kilobytes (as /proc gives them) in whole megabytes. */
export const mb = (kb: number) => `${(kb / 1024).toFixed(0)} MB`;
/** Seconds with two decimals. */
export const sec = (s: number) => `${s.toFixed(2)} s`;

// --- the server process, seen from /proc -------------------------------------------------

let ticksPerSecond = 100;
try {
  ticksPerSecond = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
} catch {
  /* keep the usual 100 */
}

/** CPU seconds (user + system) the process has used so far. */
export function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // Fields after "(comm)": state is field 3, utime field 14, stime field 15.
  const rest = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  return (Number(rest[11]) + Number(rest[12])) / ticksPerSecond;
}

/** Resident memory now and its peak (kB), from /proc/PID/status. */
export function memory(pid: number): { rssKb: number; hwmKb: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
  return { rssKb: field("VmRSS"), hwmKb: field("VmHWM") };
}

/** Samples a process's resident memory every 100 ms to catch its peak; `reset` starts a new peak. */
export function memorySampler(pid: number) {
  let peakKb = 0;
  const sample = () => {
    try {
      peakKb = Math.max(peakKb, memory(pid).rssKb);
    } catch {
      /* the process is gone */
    }
  };
  const timer = setInterval(sample, 100);
  return {
    get peakKb() {
      return peakKb;
    },
    reset: () => {
      peakKb = 0;
      sample();
    },
    stop: () => clearInterval(timer),
  };
}

// --- the server as a child process -------------------------------------------------------

/** A free TCP port on 127.0.0.1 (free when asked: the server takes it a moment later). */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const port = (srv.address() as { port: number }).port;
      srv.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  child: ChildProcess;
  pid: number;
  /** http://127.0.0.1:PORT */
  url: string;
  /** Its last 200 lines of output (stdout and stderr). */
  output: string[];
}

/**
 * Starts `server/main.ts` (or `options.entry`; production mode, on 127.0.0.1, on `options.port` or a free port,
 * with its data in `dataDir`, plus `env`) and resolves once it answers /api/health; throws if it exits or is silent for 30 s.
 */
export async function startServer(dataDir: string, env: Record<string, string> = {}, options: { port?: number; entry?: string } = {}): Promise<ServerProcess> {
  const port = options.port ?? (await freePort());
  // BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server (Node refuses --cpu-prof in NODE_OPTIONS).
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter((a) => a !== "");
  const child = spawn(process.execPath, [...nodeArgs, "--import", "tsx", options.entry ?? "server/main.ts"], {
    cwd: join(import.meta.dirname, "..", ".."),
    env: { ...process.env, DATA_DIR: dataDir, HOSTNAME_BIND: "127.0.0.1", NODE_ENV: "production", ...env, PORT: String(port) },
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
  child.kill("SIGKILL");
  throw new Error(`the server did not answer within 30 s:\n${output.join("\n")}`);
}

/** Stops a child process: SIGTERM, then SIGKILL if it has not exited within 5 s. Never waits more than 7 s. */
export async function stopProcess(child: ChildProcess | null | undefined): Promise<void> {
  if (!child || child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((r) => child.once("exit", () => r()));
  child.kill("SIGTERM");
  const clean = await Promise.race([exited.then(() => true), sleep(5000).then(() => false)]);
  if (!clean) {
    child.kill("SIGKILL");
    await Promise.race([exited, sleep(2000)]);
  }
}

/** Stops the server child (see stopProcess). */
export function stopServer(server: ServerProcess | null): Promise<void> {
  return stopProcess(server?.child);
}

/** POSTs JSON to the server's API and returns its JSON answer; throws on an HTTP error. */
export async function api<T>(url: string, path: string, body: unknown): Promise<T> {
  const res = await fetch(url + path, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const json = (await res.json()) as T;
  if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** The server's output lines that mention a warning or an error, the last `n` of them, for the bench's report. */
export function warningsOf(server: ServerProcess, n = 5): { count: number; last: string[] } {
  const warnings = server.output.filter((l) => /warn|error/i.test(l));
  return { count: warnings.length, last: warnings.slice(-n) };
}

// --- a throwaway Redis ---------------------------------------------------------------------

/**
 * Starts a throwaway `redis-server` (Debian's) on a free loopback port, without persistence, never the
 * system service; resolves with its child and URL once it accepts connections, throws within 10 s otherwise
 * (or at once when redis-server is not installed).
 */
export async function startRedis(): Promise<{ child: ChildProcess; url: string }> {
  const port = await freePort();
  const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const ready = new Promise<void>((resolve, reject) => {
    child.once("error", (err: NodeJS.ErrnoException) =>
      reject(err.code === "ENOENT" ? new Error("redis-server is not installed: apt-get install -y redis-server") : err),
    );
    child.once("exit", (code) => reject(new Error(`redis-server exited (${code}): ${output}`)));
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString("utf8");
      if (/ready to accept connections/i.test(output)) resolve();
    });
  });
  try {
    await withTimeout(ready, 10_000, "redis-server");
  } catch (err) {
    child.kill("SIGKILL");
    throw err;
  }
  return { child, url: `redis://127.0.0.1:${port}` };
}
