// What the server stores, whichever database holds it: games, their command
// logs, their reports and teacher keys (hashed, on the game), and who keeps
// each running game. Two implementations: SQLite (sqlite-store.ts, the embedded
// default, one machine) and PostgreSQL (postgres-store.ts, chosen by
// DATABASE_URL, for several machines). Nothing above this interface knows which
// one runs; open.ts picks it. Every method is asynchronous (a PostgreSQL client
// is), and every failure is thrown as a StorageError (storage/faults.ts) after
// it is recorded in `health`.
//
// Keeping a game. Each running game is kept by one process at a time: its row
// names the process (`host`, its PUBLIC_ADDRESS or "local") and a lease that
// the process renews with every heartbeat (`leaseUntil`, ms since the epoch).
// Every append is fenced: it is stored only while the game's row still names
// this process, so a process that lost a game (it stalled past its lease and
// another process took the game over) can never add to its log again. A
// process claims (claimGames) its own unfinished games at start, and any game
// whose lease ran out, and brings them back by replaying their logs.
import type { LogEntry, SessionSettings } from "../../shared/classroom/types.js";
import type { Scenario } from "../../shared/scenario/schema.js";
import type { StorageState } from "./health.js";

export interface GameRecord {
  id: string;
  code: string;
  teacherHash: string;
  title: string;
  scenario: Scenario;
  settings: SessionSettings;
  status: "running" | "finished";
  /** The process that keeps the game (its PUBLIC_ADDRESS, or "local" on one machine). */
  host: string;
  createdAt: number;
  /** When the game was last seen running (ms since the epoch): a restored round gets back the time it had left then. */
  lastSeenAt: number;
  finishedAt: number | null;
  /** Why the game's stored log cannot be read or replayed (found at start), or null. */
  damage: string | null;
}

/** What a new game is made of (it starts running, kept by the process that creates it). */
export type NewGame = Omit<GameRecord, "status" | "lastSeenAt" | "finishedAt" | "damage" | "host">;

/** Who this process is and how long its hold on a game lasts without a heartbeat. */
export interface StoreOptions {
  /** This process, as game rows name it (PUBLIC_ADDRESS, or "local"). */
  host: string;
  /** A game's lease (ms): another process may take the game over when its keeper has not renewed it for this long. */
  leaseMs: number;
}

export interface GameStore {
  /** "sqlite" or "postgresql": for logs, /api/health and the benchmark only; nothing decides on it. */
  readonly kind: "sqlite" | "postgresql";
  /** This process, as game rows name it (PUBLIC_ADDRESS, or "local"). */
  readonly host: string;

  /** Whether the database works, as this process last saw it (for /api/health). */
  health(): StorageState;

  /** Stores a new game, kept by this process with a fresh lease. Throws a StorageError (a duplicate id or code is `refused`). */
  createGame(game: NewGame): Promise<void>;

  /**
   * Appends accepted entries (in seq order, following the stored ones) in one transaction and records the last
   * one as the game's; with `finished`, the same transaction marks the game finished at that time with that
   * report. All or nothing. Throws a StorageError: `moved` when the game is no longer kept by this process
   * (nothing is stored), `refused` when a seq is already stored or the game is gone.
   */
  append(gameId: string, entries: readonly LogEntry[], finished?: { at: number; report: unknown }): Promise<void>;

  /** The game's whole log. Throws a DamagedLogError when it cannot be read whole, a StorageError when the database fails. */
  entries(gameId: string): Promise<LogEntry[]>;

  game(id: string): Promise<GameRecord | null>;

  /** The most recent game with this join code. */
  gameByCode(code: string): Promise<GameRecord | null>;

  /** Whether the most recent game with this code is still running (a new game must not take its code). */
  isCodeRunning(code: string): Promise<boolean>;

  /** A teacher's games, newest first. */
  teacherGames(teacherHash: string): Promise<GameRecord[]>;

  /**
   * Claims every unfinished and undamaged game that this process keeps already or whose lease ran out before
   * `now`, each with a lease until `now + leaseMs`; returns them (a game another process
   * claimed meanwhile is not). Damaged games are claimed only when this process keeps them already, so that it
   * can look at them again (restore.ts); nobody takes over a damaged game. Throws a StorageError.
   */
  claimGames(now: number): Promise<GameRecord[]>;

  /**
   * The heartbeat of every game this process runs, in one statement: records that each game was seen running at `at`
   * and extends its lease to `at + leaseMs`, if this process still keeps it. Resolves with the ids of the games it
   * still keeps (a game missing from them was taken over, or deleted). Never throws: null when the database failed
   * (reported by `health`; the next heartbeat tries again).
   */
  renewLeases(gameIds: readonly string[], at: number): Promise<ReadonlySet<string> | null>;

  /** Lets another process take the game at once (a clean stop): its lease ends now. Never throws. */
  releaseLease(gameId: string, at: number): Promise<void>;

  /** Marks a game finished with its report (at start, for a game whose end entry was stored but not this). */
  markFinished(gameId: string, at: number, report: unknown): Promise<void>;

  /** Records why a game's log cannot be used (null: it can again). */
  markDamaged(gameId: string, damage: string | null): Promise<void>;

  /** The report stored when the game finished (JSON as it was saved), or null. */
  savedReport(gameId: string): Promise<unknown>;

  /** Removes a game, its log and its saved report, in one transaction; true if there was such a game. */
  deleteGame(gameId: string): Promise<boolean>;

  /** Regular upkeep (SQLite folds its write-ahead file into the database file). Never throws. */
  maintain(): Promise<void>;

  /** Closes the database. Never throws. */
  close(): Promise<void>;
}
