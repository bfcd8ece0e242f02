// What went wrong with the database, in words: the kind of fault behind an
// SQLite, PostgreSQL (SQLSTATE) or file-system error, the error the store throws (StorageError), and
// the one sentence the server prints when it cannot start on its data folder.
import { join } from "node:path";

/** The faults a teacher or the school's IT can act on, and the rest. */
export type FaultKind = "locked" | "full" | "read-only" | "damaged" | "unreachable" | "refused" | "moved" | "other";

/** What each fault is, as the end of "could not save this (…)". */
const REASON: Record<FaultKind, string> = {
  locked: "the database is locked by another program",
  full: "the disk is full or cannot be written",
  "read-only": "the database cannot be written: it is read-only",
  damaged: "the database file is damaged",
  unreachable: "the database server cannot be reached",
  refused: "the database refused the change",
  moved: "this game is now kept by another server",
  other: "the database could not be used",
};

/** The error code of an SQLite error (better-sqlite3's SqliteError), a PostgreSQL error (its SQLSTATE), or a Node system error, if it has one. */
function codeOf(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : "";
}

/** The code a store gives the error of an append to a game that another process now keeps. */
export const MOVED_CODE = "ENTENTE_MOVED";

/** The code a store gives the error of an append to a game that is not stored (deleted meanwhile). */
export const GONE_CODE = "ENTENTE_GONE";

/**
 * Which fault an error is. Constraint failures (a deleted game, a duplicate) are `refused`: the disk is fine.
 * PostgreSQL's SQLSTATE classes (postgresql.org/docs/15/errcodes-appendix.html): 23 integrity, 53 resources,
 * 08 connection, 57P admin shutdown, 55P03 lock not available, 25006 read-only transaction, XX001/XX002 corrupted.
 */
export function faultKind(err: unknown): FaultKind {
  const code = codeOf(err);
  if (code === MOVED_CODE) return "moved";
  if (code === GONE_CODE) return "refused";
  if (["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EHOSTUNREACH", "ENOTFOUND", "EPIPE"].includes(code)) return "unreachable";
  if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) return "locked";
  if (code === "SQLITE_FULL" || code.startsWith("SQLITE_IOERR") || code === "ENOSPC" || code === "EFBIG" || code === "EDQUOT") return "full";
  if (code.startsWith("SQLITE_READONLY") || code.startsWith("SQLITE_CANTOPEN") || code.startsWith("SQLITE_PERM")) return "read-only";
  if (code === "EACCES" || code === "EPERM" || code === "EROFS") return "read-only";
  if (code.startsWith("SQLITE_CORRUPT") || code === "SQLITE_NOTADB") return "damaged";
  if (code.startsWith("SQLITE_CONSTRAINT")) return "refused";
  if (/^[0-9A-Z]{5}$/.test(code)) return postgresFault(code);
  // node-postgres says these without a code.
  if (/Connection terminated|timeout exceeded when trying to connect|Client has encountered a connection error/i.test((err as Error | null)?.message ?? "")) return "unreachable";
  return "other";
}

/** A PostgreSQL SQLSTATE as a fault. */
function postgresFault(sqlstate: string): FaultKind {
  if (sqlstate.startsWith("23")) return "refused";
  if (sqlstate === "53100" || sqlstate.startsWith("58")) return "full";
  if (sqlstate.startsWith("53")) return "unreachable"; // too many connections, out of memory
  if (sqlstate.startsWith("08") || sqlstate.startsWith("57P")) return "unreachable";
  if (sqlstate === "55P03" || sqlstate === "40P01" || sqlstate === "57014") return "locked"; // lock, deadlock, statement timeout
  if (sqlstate === "25006" || sqlstate === "42501") return "read-only";
  if (sqlstate === "XX001" || sqlstate === "XX002") return "damaged";
  return "other";
}

/** A storage operation failed. `message` is a reason a person can read: "the database is locked by another program". */
export class StorageError extends Error {
  constructor(
    readonly kind: FaultKind,
    options: { cause: unknown },
  ) {
    super(REASON[kind], options);
    this.name = "StorageError";
  }

  /** The sentence sent with a `storage` refusal: nothing changed, try again. */
  get refusal(): string {
    return `The server could not save this (${this.message}): nothing was changed. Try again in a moment.`;
  }
}

/** Wraps any error of a storage operation (a StorageError is passed on as it is). */
export function storageError(err: unknown): StorageError {
  return err instanceof StorageError ? err : new StorageError(faultKind(err), { cause: err });
}

/** A game's stored log cannot be read or replayed whole; `reason` says what is wrong ("entry 4 is missing"). */
export class DamagedLogError extends Error {
  constructor(readonly reason: string) {
    super(`its stored log is damaged: ${reason}`);
    this.name = "DamagedLogError";
  }
}

/**
 * The one sentence to print when the server cannot start on its data folder because of `err`, naming
 * the path and what to do; null when `err` is not about storage (then the caller shows it as it is).
 */
export function startUpProblem(err: unknown, dataDir: string, file = "entente.sqlite", databaseUrl?: string): string | null {
  const cause = err instanceof StorageError ? err.cause : err;
  if (databaseUrl) return postgresStartUpProblem(err, databaseUrl);
  const code = codeOf(cause);
  if (!code.startsWith("SQLITE_") && !["EACCES", "EPERM", "EROFS", "ENOSPC", "EFBIG", "EDQUOT"].includes(code)) return null;
  const path = join(dataDir, file);
  switch (faultKind(cause)) {
    case "read-only":
      return `Entente cannot start: it cannot write to its data folder ${dataDir} (the folder or the database files in it are read-only); give the user that runs Entente write permission on the folder and its files, or set DATA_DIR to a folder it can write to.`;
    case "full":
      return `Entente cannot start: it could not write to ${dataDir} because the disk is full (or a file size limit, or a failing disk, stops it); free some space on that disk, then start again.`;
    case "damaged":
      return `Entente cannot start: ${path} is damaged or is not an Entente database; move it (with any ${file}-wal and ${file}-shm beside it) out of the folder and put your latest backup in its place (docs/deploy.md, "Backups"), or start with an empty data folder.`;
    case "locked":
      return `Entente cannot start: ${path} is locked by another program (a second server or a database browser?); close that program, then start again.`;
    default:
      return `Entente cannot start: the database ${path} cannot be used (${code}: ${(cause as Error).message}); check the data folder, or start with an empty one.`;
  }
}

/** The sentence for a PostgreSQL database (DATABASE_URL) that start-up cannot use; null when `err` is not about it. */
function postgresStartUpProblem(err: unknown, databaseUrl: string): string | null {
  if (!(err instanceof StorageError)) return null;
  const url = new URL(databaseUrl);
  const where = `${url.hostname}${url.port ? `:${url.port}` : ""}${url.pathname}`;
  const detail = (err.cause as Error | undefined)?.message ?? "";
  switch (err.kind) {
    case "unreachable":
      return `Entente cannot start: the PostgreSQL server at ${where} (DATABASE_URL) cannot be reached (${detail}); check that it runs and that this machine may connect to it, or unset DATABASE_URL to use the embedded database.`;
    case "read-only":
      return `Entente cannot start: the PostgreSQL database at ${where} (DATABASE_URL) cannot be written by its user (${detail}); grant that user the right to create tables in it.`;
    default:
      return `Entente cannot start: the PostgreSQL database at ${where} (DATABASE_URL) cannot be used (${detail}); check DATABASE_URL (docs/deploy.md).`;
  }
}
