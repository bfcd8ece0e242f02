// Whether the database is working, as the process last saw it. Every store
// operation goes through here: a fault is logged once when it starts (not at
// every refused command) and once when a write works again, and /api/health
// reports it. A store can act when a fault starts and ends (SQLite sets its
// busy timeout to 0 meanwhile, so that no room waits on a lock that is known to
// be held: each attempt fails at once, or succeeds as soon as the file is free).
import { storageError, type FaultKind, type StorageError } from "./faults.js";

/** What /api/health says about storage. */
export type StorageState = { ok: true } | { ok: false; since: number; problem: string };

export class StorageHealth {
  private trouble: { since: number; kind: FaultKind; problem: string } | null = null;

  /** `inFault` is told when a fault starts (true) and when it ends (false). */
  constructor(
    private readonly inFault: (active: boolean) => void = () => {},
    private readonly log: Pick<Console, "error" | "log"> = console,
  ) {}

  /** Runs a write: success ends a fault; a failure is recorded and thrown as a StorageError. */
  async write<T>(run: () => T | Promise<T>): Promise<T> {
    let result: T;
    try {
      result = await run();
    } catch (err) {
      throw this.failed(err);
    }
    this.worked();
    return result;
  }

  /** Runs a read: a failure is recorded and thrown as a StorageError (reads work while writes are locked, so a success proves nothing). */
  async read<T>(run: () => T | Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (err) {
      throw this.failed(err);
    }
  }

  /** Something was written (a completed checkpoint): the database works. */
  worked(): void {
    if (!this.trouble) return;
    const seconds = Math.round((Date.now() - this.trouble.since) / 1000);
    this.log.log(`storage is working again (after ${seconds} s: ${this.trouble.problem}).`);
    this.trouble = null;
    this.inFault(false);
  }

  /** Records a failure and returns it as a StorageError (constraint refusals are not faults of the database). */
  failed(err: unknown): StorageError {
    const error = storageError(err);
    const cause = error.cause as { code?: string; message?: string } | undefined;
    if (error.kind === "refused" || error.kind === "moved") {
      // Not a fault of the disk (a change to a game that was deleted meanwhile, a duplicate): worth a line each time.
      this.log.error(`storage: a change was refused (${cause?.code ?? ""}: ${cause?.message ?? ""}).`);
      return error;
    }
    if (!this.trouble || this.trouble.kind !== error.kind) {
      this.log.error(`storage: ${error.message} (${cause?.code ?? ""}); commands that need it are refused until it works again.`);
      this.trouble = { since: this.trouble?.since ?? Date.now(), kind: error.kind, problem: error.message };
      this.inFault(true);
    }
    return error;
  }

  /** For /api/health. */
  state(): StorageState {
    return this.trouble ? { ok: false, since: this.trouble.since, problem: this.trouble.problem } : { ok: true };
  }
}
