// The game score, round by round, in parts a student can read:
// prosperity (how the economy grew), security (how well you could hold off the
// strongest force that could reach you), war (wars won or lost this round) and,
// in theory-challenge mode, points for playing the dealt theory.
import type { Alignment } from "../theory/classify.js";
import { stateById, type Theory } from "../theory/world.js";
import { defensiveStrength, strongestHostileForce } from "./strength.js";
import { SECURITY_POINTS, THEORY_MATCH_POINTS } from "./tuning.js";
import type { GameState, ScoreLine } from "./types.js";
import { roundTo } from "../format.js";


/**
 * State `id`'s score line for the round just resolved. `hostile`: the strongest hostile force
 * that could reach it, when already computed (`strongestHostileForce(game, game.reach, id)`).
 */
export function scoreRound(
  game: GameState,
  id: string,
  war: number,
  alignment: Alignment,
  role: Theory | undefined,
  hostile: number = strongestHostileForce(game, game.reach, id),
): ScoreLine {
  const state = stateById(game, id);
  const start = game.startEconomy[id] ?? state.economy;
  const prosperity = roundTo((10 * state.economy) / start, 1);
  const own = defensiveStrength(game, id);
  const security = roundTo((SECURITY_POINTS * own) / (own + hostile), 1);
  const theory = role && alignment.matches.includes(role) ? THEORY_MATCH_POINTS : 0;
  const warPoints = roundTo(war, 1);
  return {
    round: game.round,
    prosperity,
    security,
    war: warPoints,
    theory,
    total: roundTo(prosperity + security + warPoints + theory, 1),
  };
}

/** Each state's total over the rounds played so far. */
export function totalScores(game: Pick<GameState, "scores">): Record<string, number> {
  const totals: Record<string, number> = {};
  for (const [id, lines] of Object.entries(game.scores)) totals[id] = roundTo(lines.reduce((s, l) => s + l.total, 0), 1);
  return totals;
}

/** States ranked by total score, best first (ties by id). */
export function ranking(game: Pick<GameState, "scores">): { id: string; total: number }[] {
  return Object.entries(totalScores(game))
    .map(([id, total]) => ({ id, total }))
    .sort((a, b) => b.total - a.total || (a.id < b.id ? -1 : 1));
}
