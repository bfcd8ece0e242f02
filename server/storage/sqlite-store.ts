// The embedded store: one SQLite file (better-sqlite3) in the data folder, for
// one machine (several processes on it may share the file). Implements
// GameStore (store.ts). better-sqlite3 is synchronous: each method runs its
// statements at once and returns a settled promise. Every operation goes
// through StorageHealth: a failure is thrown as a StorageError (the caller
// refuses that one command) and shows in /api/health; heartbeats and upkeep
// never throw.
import type { LogEntry } from "../../shared/classroom/types.js";
import { BUSY_TIMEOUT_MS, checkpoint, type Db } from "./database.js";
import { storageError, type StorageError } from "./faults.js";
import { StorageHealth, type StorageState } from "./health.js";
import { readLog, type EntryRow } from "./log-check.js";
import { fencedError, fromRow, GAME_COLUMNS, type GameRow } from "./rows.js";
import type { GameRecord, GameStore, NewGame, StoreOptions } from "./store.js";

/** One game's append waiting for the next transaction. */
interface WaitingAppend {
  gameId: string;
  entries: readonly LogEntry[];
  finished: { at: number; report: unknown } | undefined;
  resolve: () => void;
  reject: (err: unknown) => void;
}

export class SqliteStore implements GameStore {
  readonly kind = "sqlite" as const;
  private readonly watch: StorageHealth;
  private readonly insertGame;
  private readonly insertEntry;
  private readonly recordSeq;
  private readonly recordSeqAndFinish;
  private readonly selectEntries;
  private readonly selectLastSeq;
  private readonly selectGame;
  private readonly selectByCode;
  private readonly claim;
  private readonly selectByTeacher;
  private readonly renew;
  private readonly release;
  private readonly finish;
  private readonly setDamage;
  private readonly selectReport;
  private readonly removeEntries;
  private readonly removeGame;
  private readonly appendTx;
  private readonly appendAllTx;
  /** Appends asked for and not yet written (append, writeWaiting). */
  private readonly waiting: WaitingAppend[] = [];
  private readonly readLogTx;
  private readonly deleteTx;

  readonly host: string;
  private readonly leaseMs: number;

  constructor(
    readonly db: Db,
    options: StoreOptions,
  ) {
    this.host = options.host;
    this.leaseMs = options.leaseMs;
    // While a fault lasts, no statement waits for a lock known to be held.
    this.watch = new StorageHealth((fault) => this.setBusyTimeout(fault ? 0 : BUSY_TIMEOUT_MS));
    this.insertGame = db.prepare(
      `INSERT INTO games (id, code, teacher_hash, title, scenario_json, settings_json, status, host, created_at, last_seen_at, lease_until)
       VALUES (@id, @code, @teacherHash, @title, @scenario, @settings, 'running', @host, @createdAt, @createdAt, @leaseUntil)`,
    );
    this.insertEntry = db.prepare(`INSERT INTO entries (game_id, seq, at, actor_json, command_json) VALUES (?, ?, ?, ?, ?)`);
    this.recordSeq = db.prepare(`UPDATE games SET last_seq = ? WHERE id = ? AND host = ?`);
    this.recordSeqAndFinish = db.prepare(`UPDATE games SET last_seq = ?, status = 'finished', finished_at = ?, report_json = ? WHERE id = ? AND host = ?`);
    this.selectEntries = db.prepare<[string], EntryRow>(`SELECT seq, at, actor_json, command_json FROM entries WHERE game_id = ? ORDER BY seq`);
    this.selectLastSeq = db.prepare<[string], { last_seq: number }>(`SELECT last_seq FROM games WHERE id = ?`);
    this.selectGame = db.prepare<[string], GameRow>(`SELECT ${GAME_COLUMNS} FROM games WHERE id = ?`);
    this.selectByCode = db.prepare<[string], GameRow>(`SELECT ${GAME_COLUMNS} FROM games WHERE code = ? ORDER BY created_at DESC LIMIT 1`);
    // One statement, as on PostgreSQL: another process's claim of the same games waits for the write lock and then finds them taken.
    this.claim = db.prepare<{ host: string; now: number; leaseUntil: number }, GameRow>(
      `UPDATE games SET host = @host, lease_until = @leaseUntil
       WHERE status = 'running' AND (host = @host OR (lease_until < @now AND damage IS NULL))
       RETURNING ${GAME_COLUMNS}`,
    );
    this.selectByTeacher = db.prepare<[string], GameRow>(`SELECT ${GAME_COLUMNS} FROM games WHERE teacher_hash = ? ORDER BY created_at DESC`);
    this.renew = db.prepare<[number, number, string, string], { id: string }>(
      `UPDATE games SET last_seen_at = ?, lease_until = ? WHERE host = ? AND id IN (SELECT value FROM json_each(?)) RETURNING id`,
    );
    this.release = db.prepare(`UPDATE games SET last_seen_at = ?, lease_until = 0 WHERE id = ? AND host = ?`);
    this.finish = db.prepare(`UPDATE games SET status = 'finished', finished_at = ?, report_json = ? WHERE id = ?`);
    this.setDamage = db.prepare(`UPDATE games SET damage = ? WHERE id = ?`);
    this.selectReport = db.prepare<[string], { report_json: string | null }>(`SELECT report_json FROM games WHERE id = ?`);
    this.removeEntries = db.prepare(`DELETE FROM entries WHERE game_id = ?`);
    this.removeGame = db.prepare(`DELETE FROM games WHERE id = ?`);
    const insert = (gameId: string, entry: LogEntry) => this.insertEntry.run(gameId, entry.seq, entry.at, JSON.stringify(entry.actor), JSON.stringify(entry.command));
    this.appendTx = db.transaction((gameId: string, entries: readonly LogEntry[], finished?: { at: number; report: unknown }) => {
      const last = entries[entries.length - 1];
      if (!last) return;
      // The fence first: nothing is written to a game another process keeps now.
      const fenced = finished
        ? this.recordSeqAndFinish.run(last.seq, finished.at, JSON.stringify(finished.report), gameId, this.host)
        : this.recordSeq.run(last.seq, gameId, this.host);
      if (fenced.changes === 0) throw fencedError(gameId, this.selectLastSeq.get(gameId) !== undefined);
      for (const entry of entries) insert(gameId, entry);
    });
    // Several games' appends in one transaction: each one's appendTx, nested, is a savepoint rolled back alone when it throws.
    this.appendAllTx = db.transaction((batch: readonly WaitingAppend[], refused: (append: WaitingAppend, err: unknown) => void) => {
      for (const append of batch) {
        try {
          this.appendTx(append.gameId, append.entries, append.finished);
        } catch (err) {
          refused(append, err);
        }
      }
    });
    // One read transaction: the rows and the last seq from the same moment, even if another process writes.
    this.readLogTx = db.transaction((gameId: string) => ({ rows: this.selectEntries.all(gameId), lastSeq: this.selectLastSeq.get(gameId)?.last_seq ?? 0 }));
    this.deleteTx = db.transaction((gameId: string) => {
      this.removeEntries.run(gameId);
      return this.removeGame.run(gameId).changes > 0;
    });
  }

  health(): StorageState {
    return this.watch.state();
  }

  createGame(g: NewGame): Promise<void> {
    return this.watch.write(() => {
      this.insertGame.run({
        id: g.id,
        code: g.code,
        teacherHash: g.teacherHash,
        title: g.title,
        scenario: JSON.stringify(g.scenario),
        settings: JSON.stringify(g.settings),
        host: this.host,
        createdAt: g.createdAt,
        leaseUntil: g.createdAt + this.leaseMs,
      });
    });
  }

  /**
   * Stores a game's entries, fenced (see GameStore.append). The appends asked for in one event-loop turn, by every
   * room of the process, are written together at the start of the next turn in one transaction (one BEGIN … COMMIT
   * and one write-ahead append instead of one per room): each game's part in a savepoint of its own, so that a game
   * another process keeps now, or a refused entry, fails that game's append alone; a fault of the database (a full
   * disk, a lock, an I/O error) fails them all, as it would have failed each. Each promise settles after the commit.
   */
  async append(gameId: string, entries: readonly LogEntry[], finished?: { at: number; report: unknown }): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.waiting.push({ gameId, entries, finished, resolve, reject });
      if (this.waiting.length === 1) setImmediate(() => this.writeWaiting());
    });
    // The end of a game goes into the database file itself at once.
    if (finished) await this.maintain();
  }

  /** Writes every append waiting (append), in one transaction, and settles each one's promise. */
  private writeWaiting(): void {
    const batch = this.waiting.splice(0);
    if (batch.length === 0) return;
    const refused = new Map<WaitingAppend, StorageError>();
    // Run as a read (a failure is recorded; success alone ends no fault): a batch whose games were all refused wrote
    // nothing and proves nothing about the database, so only a stored entry says it works again.
    void this.watch
      .read(() =>
        this.appendAllTx.immediate(batch, (append, err) => {
          // Only a refusal of this game's own change stays its own; anything else is the database's fault: all fail.
          const kind = storageError(err).kind;
          if (kind !== "refused" && kind !== "moved") throw err;
          refused.set(append, this.watch.failed(err));
        }),
      )
      .then(
        () => {
          if (refused.size < batch.length) this.watch.worked();
          for (const append of batch) {
            const error = refused.get(append);
            if (error) append.reject(error);
            else append.resolve();
          }
        },
        (err: unknown) => {
          for (const append of batch) append.reject(err);
        },
      );
  }

  async entries(gameId: string): Promise<LogEntry[]> {
    const { rows, lastSeq } = await this.watch.read(() => this.readLogTx(gameId));
    return readLog(rows, lastSeq);
  }

  async game(id: string): Promise<GameRecord | null> {
    const row = await this.watch.read(() => this.selectGame.get(id));
    return row ? fromRow(row) : null;
  }

  async gameByCode(code: string): Promise<GameRecord | null> {
    const row = await this.watch.read(() => this.selectByCode.get(code));
    return row ? fromRow(row) : null;
  }

  async isCodeRunning(code: string): Promise<boolean> {
    const row = await this.watch.read(() => this.selectByCode.get(code));
    return row?.status === "running";
  }

  async teacherGames(teacherHash: string): Promise<GameRecord[]> {
    return (await this.watch.read(() => this.selectByTeacher.all(teacherHash))).map(fromRow);
  }

  async claimGames(now: number): Promise<GameRecord[]> {
    const claimed = await this.watch.write(() => this.claim.all({ host: this.host, now, leaseUntil: now + this.leaseMs }));
    return claimed.map(fromRow).sort((a, b) => a.createdAt - b.createdAt);
  }

  async renewLeases(gameIds: readonly string[], at: number): Promise<ReadonlySet<string> | null> {
    try {
      const kept = await this.watch.write(() => this.renew.all(at, at + this.leaseMs, this.host, JSON.stringify(gameIds)));
      return new Set(kept.map((r) => r.id));
    } catch {
      return null;
    }
  }

  async releaseLease(gameId: string, at: number): Promise<void> {
    try {
      await this.watch.write(() => this.release.run(at, gameId, this.host));
    } catch {
      // Reported by health; the lease then runs out by itself.
    }
  }

  async markFinished(gameId: string, at: number, report: unknown): Promise<void> {
    await this.watch.write(() => this.finish.run(at, JSON.stringify(report), gameId));
  }

  async markDamaged(gameId: string, damage: string | null): Promise<void> {
    await this.watch.write(() => this.setDamage.run(damage, gameId));
  }

  async savedReport(gameId: string): Promise<unknown> {
    const row = await this.watch.read(() => this.selectReport.get(gameId));
    return row?.report_json ? (JSON.parse(row.report_json) as unknown) : null;
  }

  /**
   * The freed pages are overwritten (secure_delete) and the write-ahead file, which still holds copies of
   * them, is checkpointed and truncated, so nothing of the game stays readable in the data folder.
   */
  async deleteGame(gameId: string): Promise<boolean> {
    const deleted = await this.watch.write(() => this.deleteTx.immediate(gameId));
    if (!this.checkpoint()) console.warn("a deleted game's data stays in the write-ahead file until the next checkpoint (another program is reading the database)");
    return deleted;
  }

  maintain(): Promise<void> {
    this.checkpoint();
    return Promise.resolve();
  }

  /**
   * Folds the write-ahead file into the database file and truncates it (server/storage/database.ts).
   * Never throws: false when it could not be done now (a reader or a lock: the next one tries again).
   */
  checkpoint(): boolean {
    try {
      const done = checkpoint(this.db);
      if (done) this.watch.worked();
      return done;
    } catch (err) {
      this.watch.failed(err);
      return false;
    }
  }

  /** Closes the database (a last checkpoint folds the write-ahead file in). Never throws. */
  close(): Promise<void> {
    this.writeWaiting(); // appends asked for in this turn are written before the database closes
    try {
      if (this.db.open) this.db.close();
    } catch (err) {
      console.error("the database did not close cleanly:", (err as Error).message);
    }
    return Promise.resolve();
  }

  private setBusyTimeout(ms: number): void {
    try {
      if (this.db.open) this.db.pragma(`busy_timeout = ${ms}`);
    } catch {
      // A connection that cannot even take a pragma fails the next operation anyway, which is reported then.
    }
  }
}
