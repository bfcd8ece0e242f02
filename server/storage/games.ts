// Games and their command logs. Every accepted command is appended here before
// it is acknowledged; a game is rebuilt from its first record and its log.
import type { Actor, SessionCommand, SessionSettings, LogEntry } from "../../shared/classroom/types.js";
import type { Scenario } from "../../shared/scenario/schema.js";
import type { Db } from "./database.js";

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
}

interface EntryRow {
  seq: number;
  at: number;
  actor_json: string;
  command_json: string;
}

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
  };
}

export class GameStore {
  private readonly insertGame;
  private readonly insertEntry;
  private readonly selectEntries;
  private readonly selectGame;
  private readonly selectByCode;
  private readonly selectRunning;
  private readonly selectByTeacher;
  private readonly touch;
  private readonly finish;
  private readonly selectReport;
  private readonly removeEntries;
  private readonly removeGame;

  constructor(readonly db: Db) {
    this.insertGame = db.prepare(
      `INSERT INTO games (id, code, teacher_hash, title, scenario_json, settings_json, status, host, created_at, last_seen_at)
       VALUES (@id, @code, @teacherHash, @title, @scenario, @settings, 'running', @host, @createdAt, @createdAt)`,
    );
    this.insertEntry = db.prepare(
      `INSERT INTO entries (game_id, seq, at, actor_json, command_json) VALUES (?, ?, ?, ?, ?)`,
    );
    this.selectEntries = db.prepare<[string], EntryRow>(`SELECT seq, at, actor_json, command_json FROM entries WHERE game_id = ? ORDER BY seq`);
    this.selectGame = db.prepare<[string], GameRow>(`SELECT * FROM games WHERE id = ?`);
    this.selectByCode = db.prepare<[string], GameRow>(`SELECT * FROM games WHERE code = ? ORDER BY created_at DESC LIMIT 1`);
    this.selectRunning = db.prepare<[string], GameRow>(`SELECT * FROM games WHERE status = 'running' AND host = ? ORDER BY created_at`);
    this.selectByTeacher = db.prepare<[string], GameRow>(`SELECT * FROM games WHERE teacher_hash = ? ORDER BY created_at DESC`);
    this.touch = db.prepare(`UPDATE games SET last_seen_at = ? WHERE id = ?`);
    this.finish = db.prepare(`UPDATE games SET status = 'finished', finished_at = ?, report_json = ? WHERE id = ?`);
    this.selectReport = db.prepare<[string], { report_json: string | null }>(`SELECT report_json FROM games WHERE id = ?`);
    this.removeEntries = db.prepare(`DELETE FROM entries WHERE game_id = ?`);
    this.removeGame = db.prepare(`DELETE FROM games WHERE id = ?`);
  }

  createGame(g: Omit<GameRecord, "status" | "lastSeenAt" | "finishedAt">): void {
    this.insertGame.run({
      id: g.id,
      code: g.code,
      teacherHash: g.teacherHash,
      title: g.title,
      scenario: JSON.stringify(g.scenario),
      settings: JSON.stringify(g.settings),
      host: g.host,
      createdAt: g.createdAt,
    });
  }

  /** Appends one accepted entry. Throws if it cannot be stored (the caller then refuses the command). */
  append(gameId: string, entry: LogEntry): void {
    this.insertEntry.run(gameId, entry.seq, entry.at, JSON.stringify(entry.actor), JSON.stringify(entry.command));
  }

  entries(gameId: string): LogEntry[] {
    // Stored by append(); replaying them through the session reducer refuses any that no longer fit.
    return this.selectEntries.all(gameId).map((r) => ({
      seq: r.seq,
      at: r.at,
      actor: JSON.parse(r.actor_json) as Actor,
      command: JSON.parse(r.command_json) as SessionCommand,
    }));
  }

  game(id: string): GameRecord | null {
    const row = this.selectGame.get(id);
    return row ? fromRow(row) : null;
  }

  /** The most recent game with this join code. */
  gameByCode(code: string): GameRecord | null {
    const row = this.selectByCode.get(code);
    return row ? fromRow(row) : null;
  }

  runningGames(host: string): GameRecord[] {
    return this.selectRunning.all(host).map(fromRow);
  }

  isCodeRunning(code: string): boolean {
    const row = this.selectByCode.get(code);
    return row?.status === "running";
  }

  teacherGames(teacherHash: string): GameRecord[] {
    return this.selectByTeacher.all(teacherHash).map(fromRow);
  }

  heartbeat(gameId: string, at: number): void {
    this.touch.run(at, gameId);
  }

  markFinished(gameId: string, at: number, report: unknown): void {
    this.finish.run(at, JSON.stringify(report), gameId);
  }

  /** The report stored when the game finished (JSON as it was saved), or null. */
  savedReport(gameId: string): unknown {
    const row = this.selectReport.get(gameId);
    return row?.report_json ? (JSON.parse(row.report_json) as unknown) : null;
  }

  /** Removes a game, its log and its saved report, in one transaction. True if there was such a game. */
  deleteGame(gameId: string): boolean {
    return this.db.transaction(() => {
      this.removeEntries.run(gameId);
      return this.removeGame.run(gameId).changes > 0;
    })();
  }
}
