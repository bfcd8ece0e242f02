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
import { TIE_TOLERANCE } from "./blocs.js";
import { indexIntentions, intentionsAt, intentionsFactorAt, type Intentions, type IntentionsIndex } from "./intentions.js";
import { powerShares } from "./power.js";
import { proximityDiscount, reaches } from "./proximity.js";
import { idRanks, topByKeyDescending } from "./dense-sort.js";
import { distanceAt, indexWorld, type WorldIndex } from "./world-index.js";
import { military, stateById, type Power, type World } from "./world.js";

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
  return offensiveShareOf(stateById(world, id));
}

function offensiveShareOf(s: Power): number {
  const m = military(s);
  return m > 0 ? s.offense / m : 0;
}

/**
 * What threat computations share in one world: power shares and reaches by id, and the
 * same per state index (`index`, see world-index.ts) with what intentions read.
 * Compute once per world (O(states + alliances + borders + deeds)) and pass it on.
 */
export interface ThreatBasis {
  shares: Map<string, number>;
  reach: Map<string, number>;
  index: WorldIndex;
  /** The states' ids, by index, and their ranks in string order (see dense-sort.ts). */
  ids: string[];
  idRank: Int32Array;
  intentions: IntentionsIndex;
  /** Power share, reach (km) and offensive share of each state, by index. */
  shareAt: Float64Array;
  reachAt: Float64Array;
  offensiveShareAt: Float64Array;
}

export function threatBasis(world: World, shares: Map<string, number> = powerShares(world)): ThreatBasis {
  const reach = reaches(world);
  const index = indexWorld(world);
  const shareAt = new Float64Array(index.n);
  const reachAt = new Float64Array(index.n);
  const offensiveShareAt = new Float64Array(index.n);
  index.states.forEach((s, i) => {
    shareAt[i] = shares.get(s.id) ?? 0;
    reachAt[i] = reach.get(s.id) ?? 0;
    offensiveShareAt[i] = offensiveShareOf(s);
  });
  const ids = index.states.map((s) => s.id);
  return { shares, reach, index, ids, idRank: idRanks(ids), intentions: indexIntentions(world, index), shareAt, reachAt, offensiveShareAt };
}

/** The threat that state `j` poses to state `i` (indices of `basis.index`), with its four components. */
export function threatAt(basis: ThreatBasis, j: number, i: number): ThreatComponents {
  const distance = distanceAt(basis.index, j, i);
  const power = basis.shareAt[j]!;
  const range = basis.reachAt[j]! + basis.reachAt[i]!;
  const proximity = proximityDiscount(distance, range);
  const offShare = basis.offensiveShareAt[j]!;
  const offense = 0.5 + offShare;
  const it = intentionsAt(basis.index, basis.intentions, j, i);
  return {
    from: basis.index.states[j]!.id,
    score: power * proximity * offense * it.factor,
    power,
    proximity,
    offense,
    intentions: it.factor,
    distance,
    range,
    offensiveShare: offShare,
    deeds: it.deeds,
    deedsAgainstTarget: it.deedsAgainstTarget,
    allied: it.allied,
    intent: intentParts(it),
  };
}

type IntentParts = ThreatComponents["intent"];

function newIntentParts(it: Intentions): IntentParts {
  return {
    record: it.record,
    claims: it.claims,
    revisionism: it.revisionism,
    ideology: it.ideology,
    trust: it.trust,
    claimsOnTarget: it.claimsOnTarget,
    claimsOnOthers: it.claimsOnOthers,
    revisionist: it.revisionist,
    ideologyRelation: it.ideologyRelation,
    ideologies: it.ideologies,
  };
}

/**
 * Most pairs have nothing on record (no deeds, claims, aims or ideology): their parts of
 * intentions differ only by the ally's trust. Those share one frozen object per trust,
 * so that a world of n states does not make n² copies of it.
 */
const BLANK_INTENT = new Map<number, IntentParts>();

function intentParts(it: Intentions): IntentParts {
  if (it.record !== 0 || it.claims !== 0 || it.revisionist || it.ideologyRelation !== null) return newIntentParts(it);
  let blank = BLANK_INTENT.get(it.trust);
  if (!blank) {
    blank = Object.freeze(newIntentParts(it));
    BLANK_INTENT.set(it.trust, blank);
  }
  return blank;
}

function indexOf(basis: ThreatBasis, id: string): number {
  const i = basis.index.of.get(id);
  if (i === undefined) throw new Error(`no state "${id}" in this world`);
  return i;
}

/** The threat that `from` poses to `target`, with its four components. */
export function threatBetween(world: World, from: string, target: string, basis: ThreatBasis = threatBasis(world)): ThreatComponents {
  return threatAt(basis, indexOf(basis, from), indexOf(basis, target));
}

/** Highest score first, equal scores by id: the order of every threat list. */
export function byThreat(a: ThreatComponents, b: ThreatComponents): number {
  return b.score - a.score || (a.from < b.from ? -1 : 1);
}

/** Every other state's threat to state `i` (an index of `basis.index`), highest first (ties by id). */
export function threatsToAt(basis: ThreatBasis, i: number): ThreatComponents[] {
  const out: ThreatComponents[] = [];
  for (let j = 0; j < basis.index.n; j++) if (j !== i) out.push(threatAt(basis, j, i));
  return out.sort(byThreat);
}

/**
 * How many threats a state's list in the predictions keeps (`StatePrediction.threats`):
 * the top ones, as the round history keeps them, and more only for a tie with the top.
 */
export const THREAT_LIST_LENGTH = 3;

/** Whether a threat of `score` is tied with the top threat's `top` score (the tolerance of balance of threat's ties). */
export function tiedWithTop(top: number, score: number): boolean {
  return Math.abs(score - top) <= TIE_TOLERANCE * Math.max(1, top);
}

/** Every pair's threat score in one world, by state index (see world-index.ts), and each state's top threats. */
export interface ThreatMatrix {
  /**
   * `top[i]`: the first `keep` entries (see `threatMatrix`) of state i's threat list, highest
   * first (ties by id), the same objects as the head of `threatTo`'s full list; longer when
   * more states are tied with the top one (`tiedWithTop`), so that every tie is in it.
   */
  top: ThreatComponents[][];
  /** `score[i * n + j]`: the threat that state j poses to state i (0 on the diagonal). */
  score: Float64Array;
  /** `proximity[i * n + j]`: the proximity component of that threat (symmetric in i and j). */
  proximity: Float64Array;
}

/**
 * Every state's threat to every other: n² scores, computed once each (the same products,
 * bit for bit, as `threatAt`), with the components built only for each state's top `keep`
 * threats and those tied with its top one. O(n² × (1 + keep)).
 */
export function threatMatrix(basis: ThreatBasis, keep = THREAT_LIST_LENGTH): ThreatMatrix {
  const { index, intentions, shareAt, reachAt, offensiveShareAt, idRank } = basis;
  const n = index.n;
  const score = new Float64Array(n * n);
  const proximity = new Float64Array(n * n);
  const top: ThreatComponents[][] = [];
  const others = new Int32Array(Math.max(0, n - 1));
  for (let i = 0; i < n; i++) {
    const row = i * n;
    for (let j = 0, m = 0; j < n; j++) {
      if (j === i) continue;
      // As threatAt: power × proximity × offense × intentions, in that order. Distance and
      // proximity are symmetric, bit for bit (|a - b| = |b - a|, x + y = y + x, borders in
      // both orders): row j already holds the pair when j < i.
      const p = j < i ? proximity[j * n + i]! : proximityDiscount(distanceAt(index, j, i), reachAt[j]! + reachAt[i]!);
      proximity[row + j] = p;
      score[row + j] = shareAt[j]! * p * (0.5 + offensiveShareAt[j]!) * intentionsFactorAt(index, intentions, j, i);
      others[m++] = j;
    }
    const key = score.subarray(row, row + n);
    let head = topByKeyDescending(others, key, idRank, keep);
    // The ties with the top one come first in the order: when the last kept is one, count them all.
    if (head.length === keep && keep > 0 && keep < others.length && tiedWithTop(key[head[0]!]!, key[head[keep - 1]!]!)) {
      const best = key[head[0]!]!;
      let tied = 0;
      for (const j of others) if (tiedWithTop(best, key[j]!)) tied++;
      if (tied > keep) head = topByKeyDescending(others, key, idRank, tied);
    }
    const threats: ThreatComponents[] = [];
    for (const j of head) threats.push(threatAt(basis, j, i));
    top.push(threats);
  }
  return { top, score, proximity };
}

/** Every other state's threat to `target`, highest first (ties by id). */
export function threatTo(world: World, target: string, basis: ThreatBasis = threatBasis(world)): ThreatComponents[] {
  return threatsToAt(basis, indexOf(basis, target));
}
