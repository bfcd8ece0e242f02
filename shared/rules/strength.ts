// Force on the map: what a state can project at a distance, what it can
// defend with at home (with its allies' help), and who is within reach.
import { distanceBetween, distanceTable } from "../theory/proximity.js";
import type { WorldIndex } from "../theory/world-index.js";
import { allyMap, stateById, type Power, type World } from "../theory/world.js";
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
  return projectedForceOver(stateById(world, from), distanceBetween(world, from, at), world.distanceScale);
}

/** `projectedForce` of state `s` over `distance` km, with the world's distance scale `scale` (km). */
export function projectedForceOver(s: Power, distance: number, scale: number): number {
  return s.offense * forceDiscount(distance, scale);
}

/** What an ally sends to defend `at`: offensive forces and some defensive ones, discounted by distance. */
export function helperForce(world: World, helper: string, at: string): number {
  return helperForceOver(stateById(world, helper), distanceBetween(world, helper, at), world.distanceScale);
}

/** `helperForce` of state `s` over `distance` km, with the world's distance scale `scale` (km). */
export function helperForceOver(s: Power, distance: number, scale: number): number {
  return (s.offense + HELPER_DEFENSE_SHARE * s.defense) * forceDiscount(distance, scale);
}

/** A state's own strength at home. */
export function homeStrength(world: World, id: string): number {
  const s = stateById(world, id);
  return HOME_DEFENSE_BONUS * s.defense + s.offense;
}

const NO_ONE: ReadonlySet<string> = new Set();

/**
 * Home strength plus the help of every ally (except `excluding`, e.g. an ally that is the attacker):
 * each ally's `helperForce`, read through the distance table.
 */
export function defensiveStrength(world: World, id: string, excluding: ReadonlySet<string> = NO_ONE): number {
  let total = homeStrength(world, id);
  const allies = allyMap(world).get(id);
  if (!allies || allies.size === 0) return total;
  const table = distanceTable(world);
  const at = table.of.get(id);
  for (const ally of allies) {
    if (excluding.has(ally)) continue;
    const i = table.of.get(ally);
    total += i === undefined || at === undefined ? helperForce(world, ally, id) : helperForceOver(world.states[i]!, table.km[i * table.n + at]!, world.distanceScale);
  }
  return total;
}

/**
 * The largest force any state not allied with `id` and within reach of it could bring against it:
 * the maximum of `projectedForce(world, s, id)` over those states s. One pass over the states,
 * with the distances from `id`'s row of `distanceTable` (no look-up by id per state).
 */
export function strongestHostileForce(world: World, reach: number, id: string): number {
  const allies = allyMap(world).get(id) ?? new Set<string>();
  const table = distanceTable(world);
  const at = table.of.get(id);
  if (at === undefined) stateById(world, id); // throws: no such state
  const row = at! * table.n;
  let max = 0;
  for (let j = 0; j < table.n; j++) {
    const s = world.states[j]!;
    if (s.id === id || allies.has(s.id)) continue;
    const d = table.km[row + j]!;
    if (d > reach) continue;
    max = Math.max(max, s.offense * forceDiscount(d, world.distanceScale));
  }
  return max;
}

/**
 * `strongestHostileForce(world, reach, id)` for every state at once, by index of `ix`
 * (see world-index.ts): each pair's distance is computed once. O(n²).
 */
export function strongestHostileForces(world: World, ix: WorldIndex, reach: number): Float64Array {
  const { n, allied, km } = ix;
  const scale = world.distanceScale;
  // Offensive forces by index, read from the states once (not n times each).
  const offense = Float64Array.from(ix.states, (s) => s.offense);
  const strongest = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const row = i * n;
    // State i's maximum so far (from the rows before, where it was j), carried through its own row.
    let strongestI = strongest[i]!;
    for (let j = i + 1; j < n; j++) {
      const d = km[row + j]!; // distanceAt(ix, i, j)
      if (d > reach || allied[row + j] === 1) continue; // out of reach, or alliedAt(ix, i, j)
      const g = forceDiscount(d, scale);
      strongestI = Math.max(strongestI, offense[j]! * g);
      strongest[j] = Math.max(strongest[j]!, offense[i]! * g);
    }
    strongest[i] = strongestI;
  }
  return strongest;
}
