// Real server processes for tests: `node --import tsx server/main.ts` with its
// own environment, started and killed with real signals, and a throwaway
// redis-server. Every child started here is tracked, so a test file can kill
// whatever is still running in afterAll with `stopAllProcesses()`.
import { Client, type Room } from "colyseus.js";
import { spawn, type ChildProcess } from "node:child_process";
import { resolve } from "node:path";
import { freePort } from "../../server/cli/bench-kit.js";
import { Inbox, request, until } from "./harness.js";

/** The repository root (the server is started from there). */
export const ROOT = resolve(import.meta.dirname, "..", "..");

const running = new Set<ChildProcess>();
// If the test worker goes away without its afterAll (crash, timeout), take the children along.
process.once("exit", () => {
  for (const c of running) c.kill("SIGKILL");
});

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A port that was free a moment ago on 127.0.0.1 (the OS picks it). */
export { freePort };

/** A child process with its output collected and its exit as a promise. */
class Child {
  private out = "";
  readonly exited: Promise<Exit>;
  private exit: Exit | null = null;

  constructor(
    readonly name: string,
    readonly child: ChildProcess,
  ) {
    running.add(child);
    child.stdout?.setEncoding("utf8");
    child.stderr?.setEncoding("utf8");
    child.stdout?.on("data", (s: string) => (this.out += s));
    child.stderr?.on("data", (s: string) => (this.out += s));
    this.exited = new Promise((resolveExit) => {
      child.on("exit", (code, signal) => {
        running.delete(child);
        this.exit = { code, signal };
        resolveExit(this.exit);
      });
    });
  }

  /** Everything the process wrote so far, stdout and stderr interleaved. */
  get output(): string {
    return this.out;
  }

  get pid(): number | undefined {
    return this.child.pid;
  }

  get hasExited(): boolean {
    return this.exit !== null;
  }

  /** Resolves once the output matches, rejects if the process exits first or on timeout. */
  waitFor(pattern: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
    return new Promise((resolveMatch, reject) => {
      const check = () => {
        const m = this.out.match(pattern);
        if (m) {
          cleanup();
          resolveMatch(m);
        }
      };
      const onExit = () => {
        cleanup();
        reject(new Error(`${this.name} exited (${JSON.stringify(this.exit)}) before printing ${pattern}. Its output:\n${this.out}`));
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`${this.name} did not print ${pattern} within ${timeoutMs} ms. Its output:\n${this.out}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.child.stdout?.off("data", check);
        this.child.stderr?.off("data", check);
        this.child.off("exit", onExit);
      };
      this.child.stdout?.on("data", check);
      this.child.stderr?.on("data", check);
      this.child.on("exit", onExit);
      check();
      if (this.exit) onExit();
    });
  }

  /**
   * Sends a signal and waits for the exit. If the process is still there after
   * `timeoutMs` it is killed with SIGKILL and the promise rejects (a clean stop
   * that hangs is a failure).
   */
  async stop(signal: NodeJS.Signals = "SIGTERM", timeoutMs = 10_000): Promise<Exit> {
    if (this.exit) return this.exit;
    this.child.kill(signal);
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        this.child.kill("SIGKILL");
        reject(new Error(`${this.name} did not exit within ${timeoutMs} ms of ${signal}. Its output:\n${this.out}`));
      }, timeoutMs);
    });
    try {
      return await Promise.race([this.exited, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }
}

export interface ServerProcessOptions {
  port: number;
  dataDir: string;
  /** More environment (REDIS_URL, PUBLIC_ADDRESS, TEACHER_PASSCODE, ...). */
  env?: Record<string, string>;
  readyTimeoutMs?: number;
  /** A file size limit for the process (`ulimit -f`, in KB): writes past it fail with EFBIG, as on a full disk. */
  fileSizeLimitKb?: number;
  /** Run as this user (when the tests run as root, a process that cannot write everywhere). */
  user?: { uid: number; gid: number };
  /** The script to run (default server/main.ts, npm start's); it must print the same "http://localhost:PORT" line. */
  entry?: string;
}

/** An Entente server process started with `node --import tsx server/main.ts`. */
export class ServerProcess extends Child {
  constructor(
    child: ChildProcess,
    readonly port: number,
    readonly dataDir: string,
  ) {
    super(`server :${port}`, child);
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  get wsUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  /** A JSON request to this process; the body is parsed when it is JSON. */
  async api(path: string, init: { method?: string; body?: unknown; teacherKey?: string } = {}): Promise<{ status: number; body: any }> {
    const headers: Record<string, string> = {};
    if (init.body !== undefined) headers["content-type"] = "application/json";
    if (init.teacherKey) headers.authorization = `Bearer ${init.teacherKey}`;
    const res = await fetch(this.url + path, {
      method: init.method ?? (init.body === undefined ? "GET" : "POST"),
      headers,
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
    const text = await res.text();
    let body: any = text;
    try {
      body = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: res.status, body };
  }

  /** POST /api/games; throws unless the game was created. */
  async createGame(body: Record<string, unknown>): Promise<{ code: string; teacherKey: string; gameId: string }> {
    const r = await this.api("/api/games", { body });
    if (r.status !== 201) throw new Error(`create game failed: ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  }
}

/** Variables of the server's config that a test must not inherit from the shell that runs it. */
const SERVER_VARIABLES = [
  "PORT",
  "DATA_DIR",
  "REDIS_URL",
  "DATABASE_URL",
  "LEASE_SECONDS",
  "PUBLIC_ADDRESS",
  "TEACHER_PASSCODE",
  "RECONNECT_SECONDS",
  "END_LINGER_SECONDS",
  "HOSTNAME_BIND",
  "NODE_OPTIONS",
];

/**
 * Starts a server and resolves once it printed its "http://localhost:PORT"
 * line: by then it listens and has brought back the unfinished games of its
 * address from the data folder.
 */
export async function startServerProcess(options: ServerProcessOptions): Promise<ServerProcess> {
  const server = spawnServerProcess(options);
  const child = server.child;
  try {
    await server.waitFor(new RegExp(`http://localhost:${options.port}\\b`), options.readyTimeoutMs ?? 20_000);
  } catch (err) {
    child.kill("SIGKILL");
    throw err;
  }
  return server;
}

/** Starts a server without waiting for it (for a start that is expected to fail: await `exited`). */
export function spawnServerProcess(options: ServerProcessOptions): ServerProcess {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of SERVER_VARIABLES) delete env[k];
  Object.assign(env, {
    PORT: String(options.port),
    DATA_DIR: options.dataDir,
    HOSTNAME_BIND: "127.0.0.1",
    ...options.env,
  });
  const args = ["--import", "tsx", options.entry ?? "server/main.ts"];
  const spawnOptions = { cwd: ROOT, env, stdio: ["ignore", "pipe", "pipe"] as ("ignore" | "pipe")[], ...(options.user ?? {}) };
  // `ulimit` is a shell builtin (bash counts -f in KB): the shell sets the (soft) limit, then becomes node (exec), so
  // the pid is the server's. The hard limit stays, so that a test may raise the limit again (prlimit) without privileges.
  const child =
    options.fileSizeLimitKb === undefined
      ? spawn(process.execPath, args, spawnOptions)
      : spawn("/bin/bash", ["-c", `ulimit -S -f ${options.fileSizeLimitKb} && exec "$0" "$@"`, process.execPath, ...args], spawnOptions);
  return new ServerProcess(child, options.port, options.dataDir);
}

export class RedisProcess extends Child {
  constructor(
    child: ChildProcess,
    readonly port: number,
  ) {
    super(`redis-server :${port}`, child);
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }
}

const REDIS_MISSING =
  "redis-server is not installed (or not on PATH). The multi-process tests need a real Redis: install it, " +
  "e.g. `apt-get install -y redis-server` on Debian/Ubuntu (.ci/run does this), then run the tests again.";

/** A throwaway redis-server on a free loopback port, with no persistence. Fails clearly if it is not installed. */
export async function startRedis(): Promise<RedisProcess> {
  const port = await freePort();
  const child = spawn("redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  const spawned = new Promise<void>((resolveSpawn, reject) => {
    child.once("spawn", () => resolveSpawn());
    child.once("error", (err: NodeJS.ErrnoException) => {
      running.delete(child);
      reject(err.code === "ENOENT" ? new Error(REDIS_MISSING) : err);
    });
  });
  await spawned;
  const redis = new RedisProcess(child, port);
  try {
    await redis.waitFor(/[Rr]eady to accept connections/, 10_000);
  } catch (err) {
    child.kill("SIGKILL");
    throw err;
  }
  return redis;
}

/** Kills (SIGKILL) every process started here that is still running, and waits for them. */
export async function stopAllProcesses(): Promise<void> {
  const children = [...running];
  await Promise.all(
    children.map(
      (c) =>
        new Promise<void>((resolveExit) => {
          if (c.exitCode !== null || c.signalCode !== null) {
            running.delete(c);
            resolveExit();
            return;
          }
          c.once("exit", () => resolveExit());
          c.kill("SIGKILL");
        }),
    ),
  );
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

// --- clients -------------------------------------------------------------------

export interface Seat {
  room: Room;
  inbox: Inbox;
  /** The "welcome" message (role, studentId, state, rejoinKey...). */
  welcome: any;
  /** The synchronized state (schema instance, read as any). */
  state: any;
  /** Close code the client saw when it was dropped or left, if it was. */
  leftWith: number | null;
}

/**
 * Joins a game by code through the server at `wsUrl` (colyseus.js, as a browser
 * would), then waits for the "welcome" message and the first full state.
 */
export async function joinVia(wsUrl: string, code: string, options: Record<string, unknown>): Promise<Seat> {
  const room = await new Client(wsUrl).joinById(code, options);
  const inbox = new Inbox(room);
  const seat: Seat = { room, inbox, welcome: null, state: room.state, leftWith: null };
  room.onLeave((closeCode) => {
    seat.leftWith = closeCode;
  });
  seat.welcome = await inbox.wait("welcome");
  await until(() => (room.state)?.code === code, 5000, `first state of ${code}`);
  seat.state = room.state;
  return seat;
}

/** Sends a decision and fails the test with the server's refusal if it is not acknowledged. */
export async function acked(seat: Seat, type: string, payload: Record<string, unknown> = {}): Promise<number> {
  const reply = await request(seat.room, seat.inbox, type, payload);
  if (!reply.ok) throw new Error(`"${type}" ${JSON.stringify(payload)} was refused: ${JSON.stringify(reply.body)}`);
  return reply.body.seq as number;
}
