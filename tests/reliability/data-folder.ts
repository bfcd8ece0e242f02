// Real data folders for the reliability tests: the SQLite files a server
// keeps, opened beside it by the test as another program would (a database
// browser, a second server), grepped byte by byte, or damaged on purpose.
import Database from "better-sqlite3";
import { chmodSync, copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The database file's name in a data folder (server/storage/database.ts). */
export const DB_FILE = "entente.sqlite";

const made: string[] = [];

/**
 * A fresh data folder. It is world-readable (mode 755), so that a server started as an unprivileged
 * user (see `unprivileged`) can reach it.
 */
export function newDataDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "entente-reliability-"));
  chmodSync(dir, 0o755);
  made.push(dir);
  return dir;
}

/** Removes every folder made by newDataDir (call in afterAll). */
export function removeDataDirs(): void {
  for (const dir of made.splice(0)) {
    chmodSync(dir, 0o755);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A second connection to the server's database, as another program on the machine would open it. */
export function openBeside(dir: string): Database.Database {
  const db = new Database(join(dir, DB_FILE));
  db.pragma("busy_timeout = 5000");
  return db;
}

/** Runs `fn` on a second connection and closes it. */
export function withBeside<T>(dir: string, fn: (db: Database.Database) => T): T {
  const db = openBeside(dir);
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** The names of the files in `dir` whose raw bytes contain `text` (UTF-8). */
export function filesContaining(dir: string, text: string): string[] {
  const needle = Buffer.from(text, "utf8");
  return readdirSync(dir).filter((name) => readFileSync(join(dir, name)).includes(needle));
}

/** The size of the write-ahead file, 0 when there is none. */
export function walBytes(dir: string): number {
  const wal = join(dir, `${DB_FILE}-wal`);
  return existsSync(wal) ? statSync(wal).size : 0;
}

/**
 * What the main database file alone holds for a game (its entries' seqs), read from a copy of that one
 * file without its -wal: what would be left if the write-ahead file were lost. Null when the copy cannot
 * be read (taken in the middle of a checkpoint): try again.
 */
export function seqsInMainFile(dir: string, gameId: string): number[] | null {
  const copyDir = mkdtempSync(join(tmpdir(), "entente-mainfile-"));
  try {
    copyFileSync(join(dir, DB_FILE), join(copyDir, DB_FILE));
    const db = new Database(join(copyDir, DB_FILE), { readonly: true });
    try {
      return db.prepare<[string], { seq: number }>("SELECT seq FROM entries WHERE game_id = ? ORDER BY seq").all(gameId).map((r) => r.seq);
    } finally {
      db.close();
    }
  } catch {
    return null;
  } finally {
    rmSync(copyDir, { recursive: true, force: true });
  }
}

/** When the tests run as root, a user that file permissions apply to (nobody); otherwise none is needed. */
export function unprivileged(): { uid: number; gid: number } | undefined {
  return process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : undefined;
}

const PROJECT = join(import.meta.dirname, "..", "..");

/**
 * Why a server cannot be started as `user` here, or null when it can: that user must be able to run Node and read
 * the project (a clone under /root or a mktemp folder is closed to it). .ci/run opens the way on CI machines.
 */
export function cannotRunAs(user: { uid: number; gid: number }): string | null {
  const probe = spawnSync(process.execPath, ["-e", `require("fs").accessSync(${JSON.stringify(join(PROJECT, "server", "main.ts"))})`], { ...user, stdio: "ignore" });
  if (probe.status === 0) return null;
  return `user ${user.uid} cannot run ${process.execPath} or read ${PROJECT} (as root, the read-only cases need an unprivileged server): give others traverse and read access to the project and Node (.ci/run does), e.g. chmod o+x on the parent folders and chmod -R o+rX on the project`;
}
