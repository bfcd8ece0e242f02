// REFERENCE COPY: the pre-optimisation model (issue 15), kept unchanged to check that the
// optimised code in shared/ gives identical results (tests/model/optimised-model.test.ts).
// Copied from shared/theory/power.ts at 968eafc; do not edit or import from the game.
// Aggregate power: a state's share of the system, computed among the
// scenario's states, not the world (blocs are in blocs.ts).
import { military, type World } from "./world.js";

/** Weight of military strength in the power share; the economy gets the rest (CINC-like mean). */
export const MILITARY_WEIGHT = 0.5;

/**
 * Each state's power share (0-1, summing to 1): the weighted mean of its military share
 * and its economic share, like the Correlates of War CINC (Singer, Bremer and Stuckey 1972).
 */
export function powerShares(world: Pick<World, "states">): Map<string, number> {
  let totalMilitary = 0;
  let totalEconomy = 0;
  for (const s of world.states) {
    totalMilitary += military(s);
    totalEconomy += s.economy;
  }
  const shares = new Map<string, number>();
  for (const s of world.states) {
    const m = totalMilitary > 0 ? military(s) / totalMilitary : 0;
    const e = totalEconomy > 0 ? s.economy / totalEconomy : 0;
    shares.set(s.id, MILITARY_WEIGHT * m + (1 - MILITARY_WEIGHT) * e);
  }
  return shares;
}
