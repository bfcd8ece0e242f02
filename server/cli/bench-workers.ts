// The load generators of bench-load.ts: several bench-driver.ts instances,
// either forked child processes or worker threads of this process (Node runs
// one JavaScript thread per instance; the clients' decoding needs several).
// `ask` sends every driver its command and waits, bounded, for their replies;
// `cpuSeconds` is what the load generators have used so far (from /proc: the
// children's own figures, or this whole process's when they are threads).
import { type ChildProcess, fork } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import type { FromDriver, ToDriver } from "./bench-driver.js";
import { cpuSeconds, withTimeout } from "./bench-kit.js";

export type DriverKind = "fork" | "thread";

interface Driver {
  send(m: ToDriver): void;
  onMessage(f: (m: FromDriver) => void): void;
  onExit(f: (code: number | null) => void): void;
  kill(): void;
  /** The child's pid (fork), or null (a thread of this process). */
  pid: number | null;
}

const ROOT = join(import.meta.dirname, "..", "..");
const DRIVER = join(import.meta.dirname, "bench-driver.ts");
const TSX_API = import.meta.resolve("tsx/esm/api");

function forkDriver(): Driver {
  const child: ChildProcess = fork(DRIVER, [], { cwd: ROOT, execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  return {
    send: (m) => child.send(m, () => undefined),
    onMessage: (f) => child.on("message", (m) => f(m as FromDriver)),
    onExit: (f) => child.once("exit", (code) => f(code)),
    kill: () => child.kill("SIGKILL"),
    pid: child.pid ?? null,
  };
}

function threadDriver(): Driver {
  // A worker thread does not take `--import tsx` from execArgv on Node 20: it registers tsx's loader itself, then loads the driver.
  const boot = `import(${JSON.stringify(TSX_API)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(pathToFileURL(DRIVER).href)}); });`;
  const worker = new Worker(boot, { eval: true });
  return {
    send: (m) => worker.postMessage(m),
    onMessage: (f) => worker.on("message", (m: FromDriver) => f(m)),
    onExit: (f) => worker.once("exit", (code) => f(code)),
    kill: () => void worker.terminate(),
    pid: null,
  };
}

/** A pool of `count` drivers of one kind. Call `stop` in a finally: it kills them all. */
export class DriverPool {
  private readonly drivers: Driver[] = [];
  private readonly waiting: ((m: FromDriver) => void)[][] = [];
  private readonly exited: (string | null)[] = [];

  private constructor(
    readonly kind: DriverKind,
    count: number,
  ) {
    for (let i = 0; i < count; i++) {
      const d = kind === "fork" ? forkDriver() : threadDriver();
      this.drivers.push(d);
      this.waiting.push([]);
      this.exited.push(null);
      d.onMessage((m) => this.waiting[i]!.shift()?.(m));
      d.onExit((code) => {
        this.exited[i] = `driver ${i} exited (${code})`;
        for (const w of this.waiting[i]!.splice(0)) w({ kind: "failed", error: this.exited[i]! });
      });
    }
  }

  /** Starts `count` drivers and waits (bounded) until each has said it is ready. */
  static async start(kind: DriverKind, count: number, timeoutMs = 60_000): Promise<DriverPool> {
    const pool = new DriverPool(kind, count);
    try {
      const ready = pool.drivers.map((_, i) => pool.next(i));
      await withTimeout(Promise.all(ready), timeoutMs, "the load generators' start");
    } catch (err) {
      pool.stop();
      throw err;
    }
    return pool;
  }

  get size(): number {
    return this.drivers.length;
  }

  private next(i: number): Promise<FromDriver> {
    return new Promise((resolve) => {
      if (this.exited[i]) resolve({ kind: "failed", error: this.exited[i] });
      else this.waiting[i]!.push(resolve);
    });
  }

  /** Sends `commands[i]` to driver i and waits (at most `timeoutMs`) for every reply; a failed driver throws. */
  async ask<K extends FromDriver["kind"]>(commands: ToDriver[], expect: K, timeoutMs: number): Promise<Extract<FromDriver, { kind: K }>[]> {
    const replies = commands.map((c, i) => {
      const reply = this.next(i);
      this.drivers[i]!.send(c);
      return reply;
    });
    const all = await withTimeout(Promise.all(replies), timeoutMs, `the load generators' "${expect}" replies`);
    for (const r of all) if (r.kind !== expect) throw new Error(r.kind === "failed" ? `a load generator failed: ${r.error}` : `unexpected reply ${r.kind}`);
    return all as Extract<FromDriver, { kind: K }>[];
  }

  /** CPU seconds the load generators (and this process, which hosts thread drivers and coordinates) have used. */
  cpuSeconds(): number {
    let total = cpuSeconds(process.pid);
    for (const d of this.drivers) {
      if (d.pid === null) continue;
      try {
        total += cpuSeconds(d.pid);
      } catch {
        /* it has exited */
      }
    }
    return total;
  }

  stop(): void {
    for (const d of this.drivers) d.kill();
  }
}
