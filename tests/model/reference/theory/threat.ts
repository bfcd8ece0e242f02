// REFERENCE COPY: the pre-optimisation model (issue 15), kept unchanged to check that the
// optimised code in shared/ gives identical results (tests/model/optimised-model.test.ts).
// Copied from shared/theory/threat.ts at 968eafc; do not edit or import from the game.
// Walt's four sources of threat, each reported on its own so that a student can
// read why a state is threatening:
//
//     threat(j -> i) = power(j) × proximity(i, j) × offense(j) × intentions(j, i)
//
// power: j's share of the system (power.ts); proximity: the loss-of-strength
// gradient over the two states' reach (proximity.ts); offense: 0.5 + j's
// offensive share; intentions: j's record, claims, aims, ideology and alliance
// with i (intentions.ts). Walt gives no weights; the product is the natural
// reading (a distant, weak or benign state threatens little, whatever its
// other traits), as in the handbook's form.
import { intentionsOf, type Intentions } from "./intentions.js";
import { powerShares } from "./power.js";
import { distanceBetween, proximityDiscount, reaches } from "./proximity.js";
import { military, stateById, type World } from "./world.js";

export interface ThreatComponents {
  /** The state whose threat this is. */
  from: string;
  /** The product of the four components. */
  score: number;
  /** Aggregate power: the share of the system's power. */
  power: number;
  /** Proximity: the loss-of-strength gradient g(d), 1 for a neighbour. */
  proximity: number;
  /** Offensive capability: 0.5 + share of forces that are offensive. */
  offense: number;
  /** Offensive intentions: see intentions.ts. */
  intentions: number;
  /** Distance in km between the two (0 for declared neighbours). */
  distance: number;
  /** Reach of the two states together (km): the length of the gradient. */
  range: number;
  /** Share (0-1) of the state's forces that are offensive. */
  offensiveShare: number;
  /** Hostile deeds by this state still remembered, and how many were aimed at the target. */
  deeds: number;
  deedsAgainstTarget: number;
  allied: boolean;
  /** The parts of intentions: record, claims, revisionism, ideology, trust. */
  intent: Omit<Intentions, "factor" | "deeds" | "deedsAgainstTarget" | "allied">;
}

export type Component = "power" | "proximity" | "offense" | "intentions";
export const COMPONENTS: Component[] = ["power", "proximity", "offense", "intentions"];

export function offensiveShare(world: Pick<World, "states">, id: string): number {
  const s = stateById(world, id);
  const m = military(s);
  return m > 0 ? s.offense / m : 0;
}

/** What threat computations share in one world: power shares and reaches. Compute once per world. */
export interface ThreatBasis {
  shares: Map<string, number>;
  reach: Map<string, number>;
}

export function threatBasis(world: World, shares: Map<string, number> = powerShares(world)): ThreatBasis {
  return { shares, reach: reaches(world) };
}

/** The threat that `from` poses to `target`, with its four components. */
export function threatBetween(world: World, from: string, target: string, basis: ThreatBasis = threatBasis(world)): ThreatComponents {
  const distance = distanceBetween(world, from, target);
  const power = basis.shares.get(from) ?? 0;
  const range = (basis.reach.get(from) ?? 0) + (basis.reach.get(target) ?? 0);
  const proximity = proximityDiscount(distance, range);
  const offShare = offensiveShare(world, from);
  const offense = 0.5 + offShare;
  const { factor, deeds, deedsAgainstTarget, allied, ...intent } = intentionsOf(world, from, target);
  return {
    from,
    score: power * proximity * offense * factor,
    power,
    proximity,
    offense,
    intentions: factor,
    distance,
    range,
    offensiveShare: offShare,
    deeds,
    deedsAgainstTarget,
    allied,
    intent,
  };
}

/** Every other state's threat to `target`, highest first (ties by id). */
export function threatTo(world: World, target: string, basis: ThreatBasis = threatBasis(world)): ThreatComponents[] {
  return world.states
    .filter((s) => s.id !== target)
    .map((s) => threatBetween(world, s.id, target, basis))
    .sort((a, b) => b.score - a.score || (a.from < b.from ? -1 : 1));
}
