// What went wrong with the database, in words: the kind of fault behind an
// SQLite or file-system error, the error the store throws (StorageError), and
// the one sentence the server prints when it cannot start on its data folder.
import { join } from "node:path";

/** The faults a teacher or the school's IT can act on, and the rest. */
export type FaultKind = "locked" | "full" | "read-only" | "damaged" | "refused" | "other";

/** What each fault is, as the end of "could not save this (…)". */
const REASON: Record<FaultKind, string> = {
  locked: "the database is locked by another program",
  full: "the disk is full or cannot be written",
  "read-only": "the database cannot be written: it is read-only",
  damaged: "the database file is damaged",
  refused: "the database refused the change",
  other: "the database could not be used",
};

/** The error code of an SQLite error (better-sqlite3's SqliteError) or a Node file-system error, if it has one. */
function codeOf(err: unknown): string {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : "";
}

/** Which fault an error is. Constraint failures (a deleted game, a duplicate) are `refused`: the disk is fine. */
export function faultKind(err: unknown): FaultKind {
  const code = codeOf(err);
  if (code.startsWith("SQLITE_BUSY") || code.startsWith("SQLITE_LOCKED")) return "locked";
  if (code === "SQLITE_FULL" || code.startsWith("SQLITE_IOERR") || code === "ENOSPC" || code === "EFBIG" || code === "EDQUOT") return "full";
  if (code.startsWith("SQLITE_READONLY") || code.startsWith("SQLITE_CANTOPEN") || code.startsWith("SQLITE_PERM")) return "read-only";
  if (code === "EACCES" || code === "EPERM" || code === "EROFS") return "read-only";
  if (code.startsWith("SQLITE_CORRUPT") || code === "SQLITE_NOTADB") return "damaged";
  if (code.startsWith("SQLITE_CONSTRAINT")) return "refused";
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
export function startUpProblem(err: unknown, dataDir: string, file = "entente.sqlite"): string | null {
  const cause = err instanceof StorageError ? err.cause : err;
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
