// The SQLite file (better-sqlite3): opened once per process, schema created on
// first use. WAL mode so that several processes on one machine can share it.
// better-sqlite3 is synchronous: while a statement waits for a lock the whole
// process waits, so the busy timeout is short and a locked file is refused
// quickly (storage/health.ts makes it 0 while a fault lasts). Deleted data is
// overwritten (secure_delete), and checkpoints fold the write-ahead file into
// the database file and truncate it.
import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { join } from "node:path";

export type Db = Database.Database;

/** How long a statement waits for another connection's lock before it is refused (ms). */
export const BUSY_TIMEOUT_MS = 200;

/** The write-ahead file is cut back to this size when it is reset (bytes). */
const JOURNAL_SIZE_LIMIT = 1024 * 1024;

/** The schema's version in `PRAGMA user_version`: 1 added games.last_seq and games.damage, 2 games.lease_until. */
const SCHEMA_VERSION = 2;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS games (
  id TEXT PRIMARY KEY,
  code TEXT NOT NULL,
  teacher_hash TEXT NOT NULL,
  title TEXT NOT NULL,
  scenario_json TEXT NOT NULL,
  settings_json TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('running', 'finished')),
  host TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  last_seen_at INTEGER NOT NULL,
  finished_at INTEGER,
  report_json TEXT,
  last_seq INTEGER NOT NULL DEFAULT 0,
  damage TEXT,
  lease_until INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS games_teacher ON games (teacher_hash, created_at);
CREATE INDEX IF NOT EXISTS games_code ON games (code, status);
CREATE TABLE IF NOT EXISTS entries (
  game_id TEXT NOT NULL REFERENCES games (id) ON DELETE CASCADE,
  seq INTEGER NOT NULL,
  at INTEGER NOT NULL,
  actor_json TEXT NOT NULL,
  command_json TEXT NOT NULL,
  PRIMARY KEY (game_id, seq)
);
`;

/**
 * Opens (or creates) the database in `dataDir` and brings its schema up to date. Throws the SQLite or
 * file-system error when the folder or the file cannot be used (storage/faults.ts says which in words):
 * it also writes once, so that a read-only file or a full disk is found at start, not at the first move.
 */
export function openDatabase(dataDir: string, file = "entente.sqlite"): Db {
  let path = file;
  if (file !== ":memory:") {
    mkdirSync(dataDir, { recursive: true });
    path = join(dataDir, file);
  }
  const db = new Database(path, { timeout: BUSY_TIMEOUT_MS });
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    db.pragma("foreign_keys = ON");
    db.pragma("secure_delete = ON");
    db.pragma(`journal_size_limit = ${JOURNAL_SIZE_LIMIT}`);
    db.exec(SCHEMA);
    migrate(db);
  } catch (err) {
    db.close();
    throw err;
  }
  return db;
}

/** Adds what later versions store to a database made by an earlier one; always writes the schema version. */
function migrate(db: Db): void {
  db.transaction(() => {
    const columns = new Set(db.prepare<[], { name: string }>("SELECT name FROM pragma_table_info('games')").all().map((c) => c.name));
    if (!columns.has("last_seq")) {
      db.exec("ALTER TABLE games ADD COLUMN last_seq INTEGER NOT NULL DEFAULT 0");
      db.exec("UPDATE games SET last_seq = COALESCE((SELECT MAX(seq) FROM entries WHERE entries.game_id = games.id), 0)");
    }
    if (!columns.has("damage")) db.exec("ALTER TABLE games ADD COLUMN damage TEXT");
    // A game of an earlier version has no lease: the process named by its host keeps it, or anyone takes it over.
    if (!columns.has("lease_until")) db.exec("ALTER TABLE games ADD COLUMN lease_until INTEGER NOT NULL DEFAULT 0");
    const version = db.pragma("user_version", { simple: true }) as number;
    db.pragma(`user_version = ${Math.max(version, SCHEMA_VERSION)}`);
  }).immediate();
}

/**
 * Copies the write-ahead file into the database file and truncates it to nothing, without waiting for
 * anyone: true when that was done, false when another connection's lock or open read stopped it (the
 * next checkpoint tries again). Throws only when the disk fails.
 */
export function checkpoint(db: Db): boolean {
  const previous = db.pragma("busy_timeout", { simple: true }) as number;
  db.pragma("busy_timeout = 0");
  try {
    const [result] = db.pragma("wal_checkpoint(TRUNCATE)") as { busy: number; log: number; checkpointed: number }[];
    return result?.busy === 0;
  } finally {
    db.pragma(`busy_timeout = ${previous}`);
  }
}
