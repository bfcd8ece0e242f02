// A throwaway PostgreSQL cluster for the tests (tests/storage, tests/server)
// and the load benchmark (bench-load.ts, its "storage" step), as
// tests/server/processes.ts starts a throwaway redis-server: initdb in a
// temporary folder, then `postgres` on a free loopback port, with durability
// off (fsync, synchronous commit) since nothing in it outlives the test file or
// the benchmark step. PostgreSQL refuses to run as root: when the tests or the
// benchmark run as root (CI), the cluster runs as the `postgres` system user
// (Debian's postgresql package creates it). The server is killed when the
// process that started it exits, so a crashed test worker or benchmark leaves
// no postgres behind. It lives in server/cli so that the benchmark need not
// import from tests/.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { accessSync, chownSync, constants, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { Client } from "pg";
import { freePort } from "./bench-kit.js";

/** The role initdb creates (`-U`): the clusters trust every local connection, so it needs no password. */
const ROLE = "entente";

/** How long the server may take to accept connections after it is started (ms). */
const READY_TIMEOUT_MS = 30_000;

/** How long a fast shutdown may take before the server is killed (ms). */
const STOP_TIMEOUT_MS = 15_000;

export const POSTGRES_MISSING = "PostgreSQL is not installed: apt-get install postgresql (the tests and the benchmark start their own throwaway cluster)";

/** A running throwaway cluster. */
export interface PostgresCluster {
  /** postgres://entente@127.0.0.1:PORT/postgres: the cluster's default database, as its superuser. */
  readonly url: string;
  readonly port: number;
  /**
   * Creates an empty database and returns its url (the same server and role). `name` must be a plain identifier
   * (letters, digits, underscores); without one, a fresh name is made ("test_1", "test_2"...). Rejects with
   * pg's error if the database exists already or the server cannot be reached.
   */
  createDatabase(name?: string): Promise<string>;
  /** Stops the server (fast shutdown: open connections are cut), waits for it to exit and removes its folder. Never rejects. */
  stop(): Promise<void>;
}

/** The folders holding initdb and postgres: PATH first, else Debian's /usr/lib/postgresql/<version>/bin (highest version). */
export function postgresBinaries(): { initdb: string; postgres: string } {
  const has = (dir: string) => ["initdb", "postgres"].every((name) => isExecutable(join(dir, name)));
  for (const dir of (process.env.PATH ?? "").split(delimiter)) {
    if (dir && has(dir)) return { initdb: join(dir, "initdb"), postgres: join(dir, "postgres") };
  }
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).filter((v) => /^\d+(\.\d+)?$/.test(v)) : [];
  versions.sort((a, b) => Number(b) - Number(a));
  for (const version of versions) {
    const dir = join(root, version, "bin");
    if (has(dir)) return { initdb: join(dir, "initdb"), postgres: join(dir, "postgres") };
  }
  throw new Error(POSTGRES_MISSING);
}

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** The user the cluster runs as: none (this process's) unless this process is root, then `postgres`. */
function clusterUser(): { uid: number; gid: number } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => {
    const r = spawnSync("id", [flag, "postgres"], { encoding: "utf8" });
    const n = Number(r.stdout.trim());
    if (r.status !== 0 || !Number.isInteger(n)) {
      throw new Error(
        "This process runs as root, and PostgreSQL refuses to run as root, but there is no `postgres` user to run it as " +
          "(Debian's postgresql package creates it): apt-get install postgresql, or add the user (useradd --system postgres).",
      );
    }
    return n;
  };
  return { uid: id("-u"), gid: id("-g") };
}

/** Throws unless every folder above `dir` lets other users through (the cluster's user must reach its folder). */
function assertTraversable(dir: string): void {
  for (let d = dirname(dir); ; d = dirname(d)) {
    if ((statSync(d).mode & 0o001) === 0) {
      throw new Error(`The postgres user cannot reach ${dir}: ${d} is not traversable by other users (chmod o+x ${d}, or set TMPDIR to a folder that is).`);
    }
    if (dirname(d) === d) return;
  }
}

/** Clusters still running in this process, killed (and their folders removed) if the process exits without stop(). */
const running = new Map<ChildProcess, string>();
process.once("exit", () => {
  for (const [child, dir] of running) {
    child.kill("SIGKILL");
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Runs a program to its end; rejects with its output if it fails. */
function run(file: string, args: string[], options: { cwd: string; user: { uid: number; gid: number } | undefined }): Promise<void> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(file, args, { cwd: options.cwd, env: clusterEnv(), stdio: ["ignore", "pipe", "pipe"], ...(options.user ?? {}) });
    let out = "";
    child.stdout.setEncoding("utf8").on("data", (s: string) => (out += s));
    child.stderr.setEncoding("utf8").on("data", (s: string) => (out += s));
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      if (code === 0) resolveRun();
      else reject(new Error(`${file} ${args.join(" ")} failed (${signal ?? `exit code ${code}`}). Its output:\n${out}`));
    });
  });
}

/** The environment of initdb and postgres: no PG* variables of the shell (PGDATA, PGPORT...) leak in. */
function clusterEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!k.startsWith("PG")) env[k] = v;
  return env;
}

/**
 * Starts a throwaway cluster: initdb (`-A trust -U entente --no-sync -E UTF8`) in a new folder under os.tmpdir(),
 * then postgres on a free 127.0.0.1 port (its socket in that folder, durability off), and resolves once it
 * accepts connections. As root, the cluster runs as the `postgres` user and the folder is made theirs.
 * Rejects with a clear Error when PostgreSQL is not installed (POSTGRES_MISSING), when there is no `postgres`
 * user to run it as, or with the server's output when initdb fails or the server does not accept connections
 * within 30 s.
 */
export async function startPostgres(): Promise<PostgresCluster> {
  const bin = postgresBinaries();
  const user = clusterUser();
  const dir = mkdtempSync(join(tmpdir(), "entente-pg-"));
  const data = join(dir, "data");
  let child: ChildProcess | undefined;
  try {
    if (user) {
      chownSync(dir, user.uid, user.gid);
      assertTraversable(dir);
    }
    await run(bin.initdb, ["-D", data, "-A", "trust", "-U", ROLE, "--no-sync", "-E", "UTF8", "--locale=C"], { cwd: dir, user });
    const port = await freePort();
    const args = ["-D", data, "-p", String(port), "-k", dir, "-c", "listen_addresses=127.0.0.1"];
    for (const setting of ["fsync=off", "synchronous_commit=off", "full_page_writes=off"]) args.push("-c", setting);
    const started = spawn(bin.postgres, args, { cwd: dir, env: clusterEnv(), stdio: ["ignore", "pipe", "pipe"], ...(user ?? {}) });
    child = started;
    running.set(started, dir);
    let out = "";
    started.stdout.setEncoding("utf8").on("data", (s: string) => (out += s));
    started.stderr.setEncoding("utf8").on("data", (s: string) => (out += s));
    const exited = new Promise<void>((resolveExit) => started.once("exit", () => resolveExit()));
    started.once("error", (err) => (out += `\n${err.message}`));
    const url = `postgres://${ROLE}@127.0.0.1:${port}/postgres`;
    await waitUntilAccepting(url, () => (started.exitCode !== null || started.signalCode !== null ? out || "(no output)" : null), () => out);

    let databases = 0;
    const cluster: PostgresCluster = {
      url,
      port,
      async createDatabase(name = `test_${++databases}`) {
        if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`not a plain database name: ${name}`);
        const client = new Client({ connectionString: url });
        await client.connect();
        try {
          await client.query(`CREATE DATABASE "${name}"`);
        } finally {
          await client.end();
        }
        return `postgres://${ROLE}@127.0.0.1:${port}/${name}`;
      },
      async stop() {
        if (started.exitCode === null && started.signalCode === null) {
          started.kill("SIGINT"); // fast shutdown: cut the connections, write a checkpoint, exit
          const timer = setTimeout(() => started.kill("SIGKILL"), STOP_TIMEOUT_MS);
          await exited;
          clearTimeout(timer);
        }
        running.delete(started);
        rmSync(dir, { recursive: true, force: true });
      },
    };
    return cluster;
  } catch (err) {
    if (child) {
      child.kill("SIGKILL");
      running.delete(child);
    }
    rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

/** Connects until a connection works (then closes it); rejects with the server's output if it exits or 30 s pass. */
async function waitUntilAccepting(url: string, exitedWith: () => string | null, output: () => string): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    const gone = exitedWith();
    if (gone !== null) throw new Error(`postgres exited before it accepted connections. Its output:\n${gone}`);
    const client = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
    client.on("error", () => undefined); // a refused connection is reported by connect()
    try {
      await client.connect();
      await client.end();
      return;
    } catch (err) {
      await client.end().catch(() => undefined);
      if (Date.now() > deadline) {
        throw new Error(`postgres did not accept connections at ${url} within ${READY_TIMEOUT_MS} ms (last: ${(err as Error).message}). Its output:\n${output()}`, {
          cause: err,
        });
      }
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}
