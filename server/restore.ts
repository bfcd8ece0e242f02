// What start-up does with each game this process left unfinished, before any
// room is made for it: reopen it; finish it, when its log already ends the game
// (a crash between the end entry and the "finished" mark, as earlier versions
// stored them apart); or report it damaged, when its log cannot be read or
// replayed whole, so that the teacher sees "damaged" instead of a "running"
// game with no room behind it.
import { reduceSession } from "../shared/classroom/reduce.js";
import { createSession } from "../shared/classroom/setup.js";
import { buildGameReport } from "../shared/report/game-report.js";
import { DamagedLogError } from "./storage/faults.js";
import type { GameRecord, GameStore } from "./storage/store.js";

export type Restore = { kind: "reopen" } | { kind: "finished" } | { kind: "damaged"; reason: string };

/**
 * Looks at one unfinished game of this process and does what its log calls for (marks it finished or
 * damaged, or clears an earlier damage mark). Throws a StorageError when the database fails meanwhile.
 */
export async function restoreGame(store: GameStore, game: GameRecord): Promise<Restore> {
  let verdict: Restore;
  try {
    verdict = await replayed(store, game);
  } catch (err) {
    if (!(err instanceof DamagedLogError)) throw err;
    verdict = { kind: "damaged", reason: err.reason };
  }
  if (verdict.kind === "damaged") {
    if (game.damage !== verdict.reason) await store.markDamaged(game.id, verdict.reason);
  } else if (game.damage !== null) {
    await store.markDamaged(game.id, null);
  }
  return verdict;
}

/** Replays the game's log; finishes the game if the log ended it. */
async function replayed(store: GameStore, game: GameRecord): Promise<Restore> {
  const log = await store.entries(game.id);
  let session = createSession(game.scenario, game.settings, game.code, game.createdAt);
  let endedAt: number | null = null;
  try {
    for (const entry of log) {
      const outcome = reduceSession(session, entry, { replaying: true });
      if (!outcome.ok) continue; // refused on replay: the room reports these when it replays the log again
      session = outcome.state;
      if (endedAt === null && session.phase === "ended") endedAt = entry.at;
    }
  } catch (err) {
    return { kind: "damaged", reason: `it cannot be replayed (${(err as Error).message})` };
  }
  if (endedAt === null) return { kind: "reopen" };
  await store.markFinished(game.id, endedAt, buildGameReport(session));
  return { kind: "finished" };
}
