// The SQLite file (better-sqlite3): opened once per process, schema created on
// first use. WAL mode so that several processes on one machine can share it.
import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { join } from "node:path";

export type Db = Database.Database;

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
  report_json TEXT
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

export function openDatabase(dataDir: string, file = "entente.sqlite"): Db {
  let path = file;
  if (file !== ":memory:") {
    mkdirSync(dataDir, { recursive: true });
    path = join(dataDir, file);
  }
  const db = new Database(path);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma("foreign_keys = ON");
  db.pragma("busy_timeout = 5000");
  db.exec(SCHEMA);
  return db;
}
