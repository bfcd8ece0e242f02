// REFERENCE COPY: the pre-optimisation model (issue 15), kept unchanged to check that the
// optimised code in shared/ gives identical results (tests/model/optimised-model.test.ts).
// Copied from shared/rules/strength.ts at 968eafc; do not edit or import from the game.
// Force on the map: what a state can project at a distance, what it can
// defend with at home (with its allies' help), and who is within reach.
import { distanceBetween } from "../theory/proximity.js";
import { allyMap, stateById, type World } from "../theory/world.js";
import { HELPER_DEFENSE_SHARE, HOME_DEFENSE_BONUS } from "./tuning.js";

/**
 * How much of a force arrives after travelling `distance` km (war and threats):
 * 1 / (1 + distance / scale), Boulding's loss-of-strength gradient in its
 * gentle form (the physics of moving armies; perceived threat uses the steeper,
 * reach-dependent gradient of theory/proximity.ts).
 */
export function forceDiscount(distance: number, scale: number): number {
  return 1 / (1 + Math.max(0, distance) / scale);
}

export function inReach(world: Pick<World, "states" | "borders">, reach: number, from: string, to: string): boolean {
  return distanceBetween(world, from, to) <= reach;
}

/** Offensive forces of `from` that arrive at `at`, discounted by distance. */
export function projectedForce(world: World, from: string, at: string): number {
  const g = forceDiscount(distanceBetween(world, from, at), world.distanceScale);
  return stateById(world, from).offense * g;
}

/** What an ally sends to defend `at`: offensive forces and some defensive ones, discounted by distance. */
export function helperForce(world: World, helper: string, at: string): number {
  const s = stateById(world, helper);
  const g = forceDiscount(distanceBetween(world, helper, at), world.distanceScale);
  return (s.offense + HELPER_DEFENSE_SHARE * s.defense) * g;
}

/** A state's own strength at home. */
export function homeStrength(world: World, id: string): number {
  const s = stateById(world, id);
  return HOME_DEFENSE_BONUS * s.defense + s.offense;
}

/** Home strength plus the help of every ally (except `excluding`, e.g. an ally that is the attacker). */
export function defensiveStrength(world: World, id: string, excluding: ReadonlySet<string> = new Set()): number {
  let total = homeStrength(world, id);
  for (const ally of allyMap(world).get(id) ?? []) {
    if (!excluding.has(ally)) total += helperForce(world, ally, id);
  }
  return total;
}

/** The largest force any state not allied with `id` and within reach of it could bring against it. */
export function strongestHostileForce(world: World, reach: number, id: string): number {
  const allies = allyMap(world).get(id) ?? new Set<string>();
  let max = 0;
  for (const s of world.states) {
    if (s.id === id || allies.has(s.id) || !inReach(world, reach, s.id, id)) continue;
    max = Math.max(max, projectedForce(world, s.id, id));
  }
  return max;
}
