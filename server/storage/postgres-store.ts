// The store for deployments past one machine: PostgreSQL through node-postgres
// (`pg`), chosen by DATABASE_URL. Implements GameStore (store.ts) with the same
// tables and columns as the SQLite store (rows.ts), created and upgraded by the
// migrations below. Several Entente processes on several machines share one
// database; who keeps each running game is its row's host and lease, and every
// append is fenced by them inside its transaction (store.ts).
import pg from "pg";
import type { LogEntry } from "../../shared/classroom/types.js";
import { storageError } from "./faults.js";
import { StorageHealth, type StorageState } from "./health.js";
import { readLog, type EntryRow } from "./log-check.js";
import { fencedError, fromRow, GAME_COLUMNS, type GameRow } from "./rows.js";
import type { GameRecord, GameStore, NewGame, StoreOptions } from "./store.js";

/**
 * The schema, one step per version; `entente_schema.version` says how many have been applied. Append new steps,
 * never edit a released one. Timestamps are BIGINT ms since the epoch, as in SQLite.
 */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE games (
     id TEXT PRIMARY KEY,
     code TEXT NOT NULL,
     teacher_hash TEXT NOT NULL,
     title TEXT NOT NULL,
     scenario_json TEXT NOT NULL,
     settings_json TEXT NOT NULL,
     status TEXT NOT NULL CHECK (status IN ('running', 'finished')),
     host TEXT NOT NULL,
     created_at BIGINT NOT NULL,
     last_seen_at BIGINT NOT NULL,
     finished_at BIGINT,
     report_json TEXT,
     last_seq INTEGER NOT NULL DEFAULT 0,
     damage TEXT,
     lease_until BIGINT NOT NULL DEFAULT 0
   );
   CREATE INDEX games_teacher ON games (teacher_hash, created_at);
   CREATE INDEX games_code ON games (code, status);
   CREATE INDEX games_running ON games (lease_until) WHERE status = 'running';
   CREATE TABLE entries (
     game_id TEXT NOT NULL REFERENCES games (id) ON DELETE CASCADE,
     seq INTEGER NOT NULL,
     at BIGINT NOT NULL,
     actor_json TEXT NOT NULL,
     command_json TEXT NOT NULL,
     PRIMARY KEY (game_id, seq)
   );`,
];

/** A key for pg_advisory_xact_lock: processes starting together apply the migrations one at a time. */
const MIGRATION_LOCK = 0x656e7465; // "ente"

/** BIGINT (int8) columns come back as numbers: every one here is a time in ms or a count, far below 2^53. */
const types = new pg.TypeOverrides();
types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));

/** How long a statement or a new connection may take before it fails (ms): a room never waits longer on the database. */
const TIMEOUT_MS = 5_000;

/**
 * Connects to the database at `url` (postgres://user:password@host:port/database), applies the migrations it
 * lacks, and returns the store. Throws a StorageError (kind `unreachable` when no server answers there, or the
 * database's own fault) after logging it; the pool is closed then.
 */
export async function openPostgresStore(url: string, options: StoreOptions): Promise<PostgresStore> {
  const pool = new pg.Pool({
    connectionString: url,
    // Each room has at most one write under way; 20 connections serve a process of many classes (PostgreSQL allows 100 by default).
    max: 20,
    types,
    connectionTimeoutMillis: TIMEOUT_MS,
    statement_timeout: TIMEOUT_MS,
    // Also on the client's side: a server that vanished from the network never answers a statement_timeout.
    query_timeout: TIMEOUT_MS,
    application_name: `entente ${options.host}`,
  });
  const store = new PostgresStore(pool, options);
  try {
    await store.migrate();
  } catch (err) {
    await pool.end().catch(() => {});
    throw err;
  }
  return store;
}

export class PostgresStore implements GameStore {
  readonly kind = "postgresql" as const;
  readonly host: string;
  private readonly leaseMs: number;
  private readonly watch = new StorageHealth();

  constructor(
    private readonly pool: pg.Pool,
    options: StoreOptions,
  ) {
    this.host = options.host;
    this.leaseMs = options.leaseMs;
    // An idle connection that breaks (the server restarted) must not crash the process: the next query reconnects.
    pool.on("error", (err) => this.watch.failed(err));
  }

  /**
   * Applies the migrations this database lacks, in one transaction. Throws a StorageError (not logged: at start,
   * server/main.ts says it in one sentence).
   */
  async migrate(): Promise<void> {
    try {
      await this.transaction(async (c) => {
        await c.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
        await c.query("CREATE TABLE IF NOT EXISTS entente_schema (version INTEGER NOT NULL)");
        const current = (await c.query<{ version: number }>("SELECT version FROM entente_schema")).rows[0]?.version;
        if (current === undefined) await c.query("INSERT INTO entente_schema (version) VALUES (0)");
        const from = current ?? 0;
        if (from > MIGRATIONS.length) throw new Error(`the database's schema (version ${from}) is newer than this version of Entente knows (${MIGRATIONS.length}): update Entente`);
        for (let v = from; v < MIGRATIONS.length; v++) await c.query(MIGRATIONS[v]!);
        await c.query("UPDATE entente_schema SET version = $1", [MIGRATIONS.length]);
      });
    } catch (err) {
      throw storageError(err);
    }
  }

  health(): StorageState {
    return this.watch.state();
  }

  async createGame(g: NewGame): Promise<void> {
    await this.watch.write(() =>
      this.pool.query(
        `INSERT INTO games (id, code, teacher_hash, title, scenario_json, settings_json, status, host, created_at, last_seen_at, lease_until)
         VALUES ($1, $2, $3, $4, $5, $6, 'running', $7, $8, $8, $9)`,
        [g.id, g.code, g.teacherHash, g.title, JSON.stringify(g.scenario), JSON.stringify(g.settings), this.host, g.createdAt, g.createdAt + this.leaseMs],
      ),
    );
  }

  async append(gameId: string, entries: readonly LogEntry[], finished?: { at: number; report: unknown }): Promise<void> {
    const last = entries[entries.length - 1];
    if (!last) return;
    // One statement, so one round trip and its own transaction: the fence (the game's row names this process; it stays
    // locked until the end, so a takeover waits for it) and, only through it, the entries.
    const fence = finished
      ? `UPDATE games SET last_seq = $2, status = 'finished', finished_at = $8, report_json = $9 WHERE id = $1 AND host = $3 RETURNING id`
      : `UPDATE games SET last_seq = $2 WHERE id = $1 AND host = $3 RETURNING id`;
    const params: unknown[] = [
      gameId,
      last.seq,
      this.host,
      entries.map((e) => e.seq),
      entries.map((e) => e.at),
      entries.map((e) => JSON.stringify(e.actor)),
      entries.map((e) => JSON.stringify(e.command)),
      ...(finished ? [finished.at, JSON.stringify(finished.report)] : []),
    ];
    await this.watch.write(async () => {
      const stored = await this.pool.query(
        `WITH fence AS (${fence})
         INSERT INTO entries (game_id, seq, at, actor_json, command_json)
         SELECT fence.id, e.seq, e.at, e.actor_json, e.command_json
         FROM fence, unnest($4::integer[], $5::bigint[], $6::text[], $7::text[]) AS e (seq, at, actor_json, command_json)`,
        params,
      );
      if (stored.rowCount === 0) throw fencedError(gameId, ((await this.pool.query(`SELECT 1 FROM games WHERE id = $1`, [gameId])).rowCount ?? 0) > 0);
    });
  }

  async entries(gameId: string): Promise<LogEntry[]> {
    // One snapshot: the rows and the last seq from the same moment, even while another process writes.
    const { rows, lastSeq } = await this.watch.read(() =>
      this.transaction(async (c) => {
        const entries = await c.query<EntryRow>(`SELECT seq, at, actor_json, command_json FROM entries WHERE game_id = $1 ORDER BY seq`, [gameId]);
        const game = await c.query<{ last_seq: number }>(`SELECT last_seq FROM games WHERE id = $1`, [gameId]);
        return { rows: entries.rows, lastSeq: game.rows[0]?.last_seq ?? 0 };
      }, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY"),
    );
    return readLog(rows, lastSeq);
  }

  async game(id: string): Promise<GameRecord | null> {
    const row = (await this.watch.read(() => this.pool.query<GameRow>(`SELECT ${GAME_COLUMNS} FROM games WHERE id = $1`, [id]))).rows[0];
    return row ? fromRow(row) : null;
  }

  async gameByCode(code: string): Promise<GameRecord | null> {
    const row = (await this.watch.read(() => this.pool.query<GameRow>(`SELECT ${GAME_COLUMNS} FROM games WHERE code = $1 ORDER BY created_at DESC LIMIT 1`, [code]))).rows[0];
    return row ? fromRow(row) : null;
  }

  async isCodeRunning(code: string): Promise<boolean> {
    return (await this.gameByCode(code))?.status === "running";
  }

  async teacherGames(teacherHash: string): Promise<GameRecord[]> {
    const result = await this.watch.read(() => this.pool.query<GameRow>(`SELECT ${GAME_COLUMNS} FROM games WHERE teacher_hash = $1 ORDER BY created_at DESC`, [teacherHash]));
    return result.rows.map(fromRow);
  }

  async claimGames(now: number): Promise<GameRecord[]> {
    // One statement: a row another process claims at the same moment is locked, then looked at again (READ COMMITTED), and left out.
    const result = await this.watch.write(() =>
      this.pool.query<GameRow>(
        `UPDATE games SET host = $1, lease_until = $3
         WHERE status = 'running' AND (host = $1 OR (lease_until < $2 AND damage IS NULL))
         RETURNING ${GAME_COLUMNS}`,
        [this.host, now, now + this.leaseMs],
      ),
    );
    return result.rows.map(fromRow).sort((a, b) => a.createdAt - b.createdAt);
  }

  async renewLeases(gameIds: readonly string[], at: number): Promise<ReadonlySet<string> | null> {
    try {
      const result = await this.watch.write(() =>
        this.pool.query<{ id: string }>(`UPDATE games SET last_seen_at = $1, lease_until = $2 WHERE host = $3 AND id = ANY($4::text[]) RETURNING id`, [
          at,
          at + this.leaseMs,
          this.host,
          gameIds,
        ]),
      );
      return new Set(result.rows.map((r) => r.id));
    } catch {
      return null;
    }
  }

  async releaseLease(gameId: string, at: number): Promise<void> {
    try {
      await this.watch.write(() => this.pool.query(`UPDATE games SET last_seen_at = $1, lease_until = 0 WHERE id = $2 AND host = $3`, [at, gameId, this.host]));
    } catch {
      // Reported by health; the lease then runs out by itself.
    }
  }

  async markFinished(gameId: string, at: number, report: unknown): Promise<void> {
    await this.watch.write(() => this.pool.query(`UPDATE games SET status = 'finished', finished_at = $1, report_json = $2 WHERE id = $3`, [at, JSON.stringify(report), gameId]));
  }

  async markDamaged(gameId: string, damage: string | null): Promise<void> {
    await this.watch.write(() => this.pool.query(`UPDATE games SET damage = $1 WHERE id = $2`, [damage, gameId]));
  }

  async savedReport(gameId: string): Promise<unknown> {
    const row = (await this.watch.read(() => this.pool.query<{ report_json: string | null }>(`SELECT report_json FROM games WHERE id = $1`, [gameId]))).rows[0];
    return row?.report_json ? (JSON.parse(row.report_json) as unknown) : null;
  }

  /**
   * The rows are gone for every query at once; PostgreSQL reclaims their space later (autovacuum), and its
   * write-ahead log and any backup keep them until they are recycled (docs/deploy.md, "Deleting a game").
   */
  async deleteGame(gameId: string): Promise<boolean> {
    return this.watch.write(() =>
      this.transaction(async (c) => {
        await c.query(`DELETE FROM entries WHERE game_id = $1`, [gameId]);
        return ((await c.query(`DELETE FROM games WHERE id = $1`, [gameId])).rowCount ?? 0) > 0;
      }),
    );
  }

  /** Nothing to do: PostgreSQL keeps its own files (autovacuum, checkpoints). */
  maintain(): Promise<void> {
    return Promise.resolve();
  }

  async close(): Promise<void> {
    try {
      await this.pool.end();
    } catch (err) {
      console.error("the database connections did not close cleanly:", (err as Error).message);
    }
  }

  /** Runs `run` in one transaction on one connection; rolls back and rethrows on any error. */
  private async transaction<T>(run: (c: pg.PoolClient) => Promise<T>, begin = "BEGIN"): Promise<T> {
    const c = await this.pool.connect();
    let broken = false;
    try {
      await c.query(begin);
      const result = await run(c);
      await c.query("COMMIT");
      return result;
    } catch (err) {
      await c.query("ROLLBACK").catch(() => (broken = true));
      throw err;
    } finally {
      c.release(broken);
    }
  }
}
