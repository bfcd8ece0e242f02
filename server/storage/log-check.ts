// A game's stored log, read back whole or not at all: every entry from 1 to the
// last one the game recorded (games.last_seq, written in the same transaction as
// each entry), each readable. Anything else is a damaged log, with the reason.
import type { Actor, LogEntry, SessionCommand } from "../../shared/classroom/types.js";
import { DamagedLogError } from "./faults.js";

/** An entry as the entries table holds it. */
export interface EntryRow {
  seq: number;
  at: number;
  actor_json: string;
  command_json: string;
}

const entriesWord = (n: number) => (n === 1 ? "entry" : `${n} entries`);

/** "entry 4 is missing", "entries 4 to 6 are missing". */
function missing(from: number, to: number): string {
  return from === to ? `entry ${from} is missing` : `entries ${from} to ${to} are missing`;
}

/**
 * The log of a game from its rows (in seq order) and the last seq its game row recorded. Throws a
 * DamagedLogError naming the first problem: a gap, a missing tail (the write-ahead file that held it
 * lost), or an entry that is not the JSON it was stored as.
 */
export function readLog(rows: readonly EntryRow[], lastSeq: number): LogEntry[] {
  const log: LogEntry[] = [];
  for (const [i, row] of rows.entries()) {
    if (row.seq !== i + 1) throw new DamagedLogError(missing(i + 1, row.seq - 1));
    let actor: Actor;
    let command: SessionCommand;
    try {
      actor = JSON.parse(row.actor_json) as Actor;
      command = JSON.parse(row.command_json) as SessionCommand;
    } catch {
      throw new DamagedLogError(`entry ${row.seq} cannot be read`);
    }
    log.push({ seq: row.seq, at: row.at, actor, command });
  }
  const last = rows.length;
  if (lastSeq > last) {
    const lost = lastSeq - last;
    throw new DamagedLogError(`its last ${entriesWord(lost)} ${lost === 1 ? "is" : "are"} missing (the game stored ${lastSeq}, the log ends at ${last})`);
  }
  return log;
}
