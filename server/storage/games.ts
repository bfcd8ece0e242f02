// Games and their command logs. Every accepted command is appended here before
// it is acknowledged; a game is rebuilt from its first record and its log.
// Every operation goes through StorageHealth: a failure is thrown as a
// StorageError (the caller refuses that one command) and shows in /api/health;
// the heartbeat and checkpoints never throw.
import type { LogEntry, SessionSettings } from "../../shared/classroom/types.js";
import type { Scenario } from "../../shared/scenario/schema.js";
import { checkpoint, type Db } from "./database.js";
import { StorageHealth } from "./health.js";
import { readLog, type EntryRow } from "./log-check.js";

export interface GameRecord {
  id: string;
  code: string;
  teacherHash: string;
  title: string;
  scenario: Scenario;
  settings: SessionSettings;
  status: "running" | "finished";
  host: string;
  createdAt: number;
  lastSeenAt: number;
  finishedAt: number | null;
  /** Why the game's stored log cannot be read or replayed (found at start), or null. */
  damage: string | null;
}

interface GameRow {
  id: string;
  code: string;
  teacher_hash: string;
  title: string;
  scenario_json: string;
  settings_json: string;
  status: "running" | "finished";
  host: string;
  created_at: number;
  last_seen_at: number;
  finished_at: number | null;
  damage: string | null;
}

/** The columns a GameRecord is read from (not the report, which can be large). */
const GAME_COLUMNS = "id, code, teacher_hash, title, scenario_json, settings_json, status, host, created_at, last_seen_at, finished_at, damage";

function fromRow(r: GameRow): GameRecord {
  return {
    id: r.id,
    code: r.code,
    teacherHash: r.teacher_hash,
    title: r.title,
    scenario: JSON.parse(r.scenario_json) as Scenario,
    settings: JSON.parse(r.settings_json) as SessionSettings,
    status: r.status,
    host: r.host,
    createdAt: r.created_at,
    lastSeenAt: r.last_seen_at,
    finishedAt: r.finished_at,
    damage: r.damage,
  };
}

export class GameStore {
  /** Whether the database works, as this process last saw it. */
  readonly health: StorageHealth;
  private readonly insertGame;
  private readonly insertEntry;
  private readonly recordSeq;
  private readonly recordSeqAndFinish;
  private readonly selectEntries;
  private readonly selectLastSeq;
  private readonly selectGame;
  private readonly selectByCode;
  private readonly selectRunning;
  private readonly selectByTeacher;
  private readonly touch;
  private readonly finish;
  private readonly setDamage;
  private readonly selectReport;
  private readonly removeEntries;
  private readonly removeGame;
  private readonly appendTx;
  private readonly appendAllTx;
  private readonly appendFinalTx;
  private readonly readLogTx;
  private readonly deleteTx;

  constructor(readonly db: Db) {
    this.health = new StorageHealth(db);
    this.insertGame = db.prepare(
      `INSERT INTO games (id, code, teacher_hash, title, scenario_json, settings_json, status, host, created_at, last_seen_at)
       VALUES (@id, @code, @teacherHash, @title, @scenario, @settings, 'running', @host, @createdAt, @createdAt)`,
    );
    this.insertEntry = db.prepare(`INSERT INTO entries (game_id, seq, at, actor_json, command_json) VALUES (?, ?, ?, ?, ?)`);
    this.recordSeq = db.prepare(`UPDATE games SET last_seq = ? WHERE id = ?`);
    this.recordSeqAndFinish = db.prepare(`UPDATE games SET last_seq = ?, status = 'finished', finished_at = ?, report_json = ? WHERE id = ?`);
    this.selectEntries = db.prepare<[string], EntryRow>(`SELECT seq, at, actor_json, command_json FROM entries WHERE game_id = ? ORDER BY seq`);
    this.selectLastSeq = db.prepare<[string], { last_seq: number }>(`SELECT last_seq FROM games WHERE id = ?`);
    this.selectGame = db.prepare<[string], GameRow>(`SELECT ${GAME_COLUMNS} FROM games WHERE id = ?`);
    this.selectByCode = db.prepare<[string], GameRow>(`SELECT ${GAME_COLUMNS} FROM games WHERE code = ? ORDER BY created_at DESC LIMIT 1`);
    this.selectRunning = db.prepare<[string], GameRow>(`SELECT ${GAME_COLUMNS} FROM games WHERE status = 'running' AND host = ? ORDER BY created_at`);
    this.selectByTeacher = db.prepare<[string], GameRow>(`SELECT ${GAME_COLUMNS} FROM games WHERE teacher_hash = ? ORDER BY created_at DESC`);
    this.touch = db.prepare(`UPDATE games SET last_seen_at = ? WHERE id = ?`);
    this.finish = db.prepare(`UPDATE games SET status = 'finished', finished_at = ?, report_json = ? WHERE id = ?`);
    this.setDamage = db.prepare(`UPDATE games SET damage = ? WHERE id = ?`);
    this.selectReport = db.prepare<[string], { report_json: string | null }>(`SELECT report_json FROM games WHERE id = ?`);
    this.removeEntries = db.prepare(`DELETE FROM entries WHERE game_id = ?`);
    this.removeGame = db.prepare(`DELETE FROM games WHERE id = ?`);
    const insert = (gameId: string, entry: LogEntry) => this.insertEntry.run(gameId, entry.seq, entry.at, JSON.stringify(entry.actor), JSON.stringify(entry.command));
    this.appendTx = db.transaction((gameId: string, entry: LogEntry) => {
      insert(gameId, entry);
      this.recordSeq.run(entry.seq, gameId);
    });
    this.appendAllTx = db.transaction((gameId: string, entries: readonly LogEntry[]) => {
      for (const entry of entries) insert(gameId, entry);
      const last = entries[entries.length - 1];
      if (last) this.recordSeq.run(last.seq, gameId);
    });
    this.appendFinalTx = db.transaction((gameId: string, entry: LogEntry, report: string) => {
      insert(gameId, entry);
      this.recordSeqAndFinish.run(entry.seq, entry.at, report, gameId);
    });
    // One read transaction: the rows and the last seq from the same moment, even if another process writes.
    this.readLogTx = db.transaction((gameId: string) => ({ rows: this.selectEntries.all(gameId), lastSeq: this.selectLastSeq.get(gameId)?.last_seq ?? 0 }));
    this.deleteTx = db.transaction((gameId: string) => {
      this.removeEntries.run(gameId);
      return this.removeGame.run(gameId).changes > 0;
    });
  }

  createGame(g: Omit<GameRecord, "status" | "lastSeenAt" | "finishedAt" | "damage">): void {
    this.health.write(() =>
      this.insertGame.run({
        id: g.id,
        code: g.code,
        teacherHash: g.teacherHash,
        title: g.title,
        scenario: JSON.stringify(g.scenario),
        settings: JSON.stringify(g.settings),
        host: g.host,
        createdAt: g.createdAt,
      }),
    );
  }

  /** Appends one accepted entry (and records it as the game's last). Throws a StorageError if it cannot be stored: the caller refuses the command. */
  append(gameId: string, entry: LogEntry): void {
    this.health.write(() => this.appendTx.immediate(gameId, entry));
  }

  /**
   * Appends several accepted entries (in seq order) in one transaction: all are stored or none (then a
   * StorageError is thrown, as by append()). The room groups the commands of one event-loop turn this way.
   */
  appendAll(gameId: string, entries: readonly LogEntry[]): void {
    this.health.write(() => this.appendAllTx.immediate(gameId, entries));
  }

  /**
   * Appends the entry that ends the game and marks the game finished with its report, in one transaction:
   * both are stored or neither (a crash in between would leave an ended game "running"). Then folds the
   * write-ahead file into the database file. Throws a StorageError like append().
   */
  appendFinal(gameId: string, entry: LogEntry, report: unknown): void {
    this.health.write(() => this.appendFinalTx.immediate(gameId, entry, JSON.stringify(report)));
    this.checkpoint();
  }

  /** The game's whole log. Throws a DamagedLogError when it cannot be read whole, a StorageError when the database fails. */
  entries(gameId: string): LogEntry[] {
    const { rows, lastSeq } = this.health.read(() => this.readLogTx(gameId));
    return readLog(rows, lastSeq);
  }

  game(id: string): GameRecord | null {
    const row = this.health.read(() => this.selectGame.get(id));
    return row ? fromRow(row) : null;
  }

  /** The most recent game with this join code. */
  gameByCode(code: string): GameRecord | null {
    const row = this.health.read(() => this.selectByCode.get(code));
    return row ? fromRow(row) : null;
  }

  /** The games this host has not finished (damaged ones included: each start looks at them again). */
  runningGames(host: string): GameRecord[] {
    return this.health.read(() => this.selectRunning.all(host)).map(fromRow);
  }

  isCodeRunning(code: string): boolean {
    const row = this.health.read(() => this.selectByCode.get(code));
    return row?.status === "running";
  }

  teacherGames(teacherHash: string): GameRecord[] {
    return this.health.read(() => this.selectByTeacher.all(teacherHash)).map(fromRow);
  }

  /** Records when the game was last seen running. Best effort: a failure is reported by `health`, never thrown. */
  heartbeat(gameId: string, at: number): boolean {
    try {
      this.health.write(() => this.touch.run(at, gameId));
      return true;
    } catch {
      return false;
    }
  }

  /** Marks a game finished with its report (at start, for a game whose end entry was stored but not this). */
  markFinished(gameId: string, at: number, report: unknown): void {
    this.health.write(() => this.finish.run(at, JSON.stringify(report), gameId));
  }

  /** Records why a game's log cannot be used (null: it can again). */
  markDamaged(gameId: string, damage: string | null): void {
    this.health.write(() => this.setDamage.run(damage, gameId));
  }

  /** The report stored when the game finished (JSON as it was saved), or null. */
  savedReport(gameId: string): unknown {
    const row = this.health.read(() => this.selectReport.get(gameId));
    return row?.report_json ? (JSON.parse(row.report_json) as unknown) : null;
  }

  /**
   * Removes a game, its log and its saved report, in one transaction; true if there was such a game.
   * The freed pages are overwritten (secure_delete) and the write-ahead file, which still holds copies of
   * them, is checkpointed and truncated, so nothing of the game stays readable in the data folder.
   */
  deleteGame(gameId: string): boolean {
    const deleted = this.health.write(() => this.deleteTx.immediate(gameId));
    if (!this.checkpoint()) console.warn("a deleted game's data stays in the write-ahead file until the next checkpoint (another program is reading the database)");
    return deleted;
  }

  /**
   * Folds the write-ahead file into the database file and truncates it (server/storage/database.ts).
   * Never throws: false when it could not be done now (a reader or a lock: the next one tries again).
   */
  checkpoint(): boolean {
    try {
      const done = checkpoint(this.db);
      if (done) this.health.worked();
      return done;
    } catch (err) {
      this.health.failed(err);
      return false;
    }
  }

  /** Closes the database (a last checkpoint folds the write-ahead file in). Never throws. */
  close(): void {
    try {
      if (this.db.open) this.db.close();
    } catch (err) {
      console.error("the database did not close cleanly:", (err as Error).message);
    }
  }
}
