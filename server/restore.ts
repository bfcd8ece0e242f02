// What start-up does with each game this process left unfinished, before any
// room is made for it: reopen it, or finish it when its log already ends the
// game (a crash between the end entry and the "finished" mark, as earlier
// versions stored them apart; the room would never close).
import { reduceSession } from "../shared/classroom/reduce.js";
import { createSession } from "../shared/classroom/setup.js";
import { buildGameReport } from "../shared/report/game-report.js";
import type { GameRecord, GameStore } from "./storage/games.js";

export type Restore = { kind: "reopen" } | { kind: "finished" };

/** Looks at one unfinished game of this process and finishes it if its log ended it. Throws a StorageError when the database fails meanwhile. */
export function restoreGame(store: GameStore, game: GameRecord): Restore {
  const log = store.entries(game.id);
  let session = createSession(game.scenario, game.settings, game.code, game.createdAt);
  let endedAt: number | null = null;
  for (const entry of log) {
    const outcome = reduceSession(session, entry, { replaying: true });
    if (!outcome.ok) continue; // refused on replay: the room reports these when it replays the log again
    session = outcome.state;
    if (endedAt === null && session.phase === "ended") endedAt = entry.at;
  }
  if (endedAt === null) return { kind: "reopen" };
  store.markFinished(game.id, endedAt, buildGameReport(session));
  return { kind: "finished" };
}
