// Walt's four sources of threat, each reported on its own so that a student can
// read why a state is threatening:
//   threat(j -> i) = power(j) * proximity(i, j) * offense(j) * intentions(j, i)
// power: j's share of the system; proximity: g(d) = 1 / (1 + d / scale), 1 for
// neighbours; offense: 0.5 + j's offensive share; intentions: 1 + j's weighted,
// fading record of hostile deeds (heavier when aimed at i), halved while j is
// i's ally (a pact is a promise of benign intent).
import { powerShares } from "./power.js";
import { areAllied, hasPair, military, stateById, type Deed, type World } from "./world.js";
import type { DeedKind } from "../scenario/schema.js";

export const DEED_WEIGHT: Record<DeedKind, number> = { attack: 1, threat: 0.5, betrayal: 0.75 };
/** A deed aimed at someone else counts this much of one aimed at you. */
export const DEED_AGAINST_OTHERS = 0.5;
/** Each further round of age multiplies a deed's weight by this. */
export const DEED_DECAY = 0.7;
/** Intentions of a current ally are multiplied by this. */
export const ALLY_TRUST = 0.5;

export interface ThreatComponents {
  /** The state whose threat this is. */
  from: string;
  /** The product of the four components. */
  score: number;
  /** Aggregate power: the share of the system's power. */
  power: number;
  /** Proximity: the distance discount g(d), 1 for a neighbour. */
  proximity: number;
  /** Offensive capability: 0.5 + share of forces that are offensive. */
  offense: number;
  /** Offensive intentions: 1 + weighted, decayed record of hostile deeds. */
  intentions: number;
  /** Distance in km between the two (0 for declared neighbours). */
  distance: number;
  /** Share (0-1) of the state's forces that are offensive. */
  offensiveShare: number;
  /** Hostile deeds by this state still remembered, and how many were aimed at the target. */
  deeds: number;
  deedsAgainstTarget: number;
  allied: boolean;
}

export type Component = "power" | "proximity" | "offense" | "intentions";
export const COMPONENTS: Component[] = ["power", "proximity", "offense", "intentions"];

export function distanceBetween(world: Pick<World, "states" | "borders">, a: string, b: string): number {
  if (a === b) return 0;
  if (hasPair(world.borders, a, b)) return 0;
  const pa = stateById(world, a).position;
  const pb = stateById(world, b).position;
  return Math.hypot(pa[0] - pb[0], pa[1] - pb[1]);
}

/** Loss-of-strength gradient: strictly decreasing in distance, 1 at distance 0. */
export function proximityDiscount(distance: number, scale: number): number {
  return 1 / (1 + Math.max(0, distance) / scale);
}

export function offensiveShare(world: Pick<World, "states">, id: string): number {
  const s = stateById(world, id);
  const m = military(s);
  return m > 0 ? s.offense / m : 0;
}

const deedCache = new WeakMap<readonly Deed[], { length: number; byFrom: Map<string, Deed[]> }>();

/** The deeds done by `from` (cached per deeds array; the rules only append to it). */
function deedsBy(deeds: readonly Deed[], from: string): Deed[] {
  let cached = deedCache.get(deeds);
  if (!cached || cached.length !== deeds.length) {
    const byFrom = new Map<string, Deed[]>();
    for (const d of deeds) byFrom.set(d.from, [...(byFrom.get(d.from) ?? []), d]);
    cached = { length: deeds.length, byFrom };
    deedCache.set(deeds, cached);
  }
  return cached.byFrom.get(from) ?? [];
}

/** The weighted, decayed record of j's hostile deeds as seen by `target`. */
export function hostileRecord(deeds: readonly Deed[], from: string, target: string, round: number): number {
  let record = 0;
  for (const d of deedsBy(deeds, from)) {
    if (d.round >= round) continue;
    const age = round - d.round; // 1 for last round's deeds
    const aim = d.to === target ? 1 : DEED_AGAINST_OTHERS;
    record += DEED_WEIGHT[d.kind] * aim * DEED_DECAY ** (age - 1);
  }
  return record;
}

function countDeeds(deeds: readonly Deed[], from: string, target: string, round: number) {
  let all = 0;
  let against = 0;
  for (const d of deedsBy(deeds, from)) {
    if (d.round >= round) continue;
    if (DEED_DECAY ** (round - d.round - 1) < 0.05) continue; // forgotten
    all += 1;
    if (d.to === target) against += 1;
  }
  return { all, against };
}

/** The threat that `from` poses to `target`, with its four components. */
export function threatBetween(
  world: World,
  from: string,
  target: string,
  shares: Map<string, number> = powerShares(world),
): ThreatComponents {
  const distance = distanceBetween(world, from, target);
  const power = shares.get(from) ?? 0;
  const proximity = proximityDiscount(distance, world.distanceScale);
  const offShare = offensiveShare(world, from);
  const offense = 0.5 + offShare;
  const allied = areAllied(world, from, target);
  const intentions = (1 + hostileRecord(world.deeds, from, target, world.round)) * (allied ? ALLY_TRUST : 1);
  const { all, against } = countDeeds(world.deeds, from, target, world.round);
  return {
    from,
    score: power * proximity * offense * intentions,
    power,
    proximity,
    offense,
    intentions,
    distance,
    offensiveShare: offShare,
    deeds: all,
    deedsAgainstTarget: against,
    allied,
  };
}

/** Every other state's threat to `target`, highest first (ties by id). */
export function threatTo(world: World, target: string, shares = powerShares(world)): ThreatComponents[] {
  return world.states
    .filter((s) => s.id !== target)
    .map((s) => threatBetween(world, s.id, target, shares))
    .sort((a, b) => b.score - a.score || (a.from < b.from ? -1 : 1));
}
