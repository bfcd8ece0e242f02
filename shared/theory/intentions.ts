// Offensive intentions, Walt's fourth source of threat: what a state's deeds,
// standing aims and regime say about its intentions towards a target.
//
//     intentions(j, i) = (1 + record + claims + revisionism) × ideology × trust
//
// - record: j's hostile deeds, weighted by kind (attack 1, betrayal 0.75,
//   threat 0.5), counted fully when aimed at i and half when aimed at others,
//   fading by 30% each round after the one they happened in;
// - claims: 1 when j claims land held by i, 0.5 for each claim on someone else
//   (Walt counts territorial claims among offensive intentions);
// - revisionism: 0.5 when j aims to overturn the existing order (Walt 1987;
//   Schweller 1994);
// - ideology: 0.8 when both share an ideology, 1.25 when their ideologies are
//   rivals, else 1 (Walt 1987, ch. 6; Rousseau, D. and Garcia-Retamero, R.
//   (2007) "Identity, Power, and Threat Perception", Journal of Conflict
//   Resolution 51(5): a shared identity lowers perceived threat);
// - trust: 0.5 while j is i's ally (a pact is a promise of benign intent).
// Every part is reported, so a student can read why intentions look hostile.
import type { DeedKind } from "../scenario/schema.js";
import { hasPair, pairKey, stateById, type Deed, type World } from "./world.js";
import { alliedAt, indexWorld, type WorldIndex } from "./world-index.js";

export const DEED_WEIGHT: Record<DeedKind, number> = { attack: 1, threat: 0.5, betrayal: 0.75 };
/** A deed (or claim) aimed at someone else counts this much of one aimed at you. */
export const DEED_AGAINST_OTHERS = 0.5;
/** Each further round of age multiplies a deed's weight by this. */
export const DEED_DECAY = 0.7;
/** A deed whose faded weight factor is below this is no longer counted among "hostile acts". */
export const DEED_FORGOTTEN = 0.05;
/** Intentions of a current ally are multiplied by this. */
export const ALLY_TRUST = 0.5;
/** A standing claim on your land counts like an attack in the last round. */
export const CLAIM_WEIGHT = 1;
/** A revisionist state's aims count this much towards everyone. */
export const REVISIONIST_WEIGHT = 0.5;
/** Multipliers of intentions for a shared ideology and for rival ideologies. */
export const SHARED_IDEOLOGY = 0.8;
export const RIVAL_IDEOLOGY = 1.25;

export type IdeologyRelation = "shared" | "rival" | null;

export interface Intentions {
  /** The intentions factor: (1 + record + claims + revisionism) × ideology × trust. */
  factor: number;
  /** Weighted, faded record of hostile deeds. */
  record: number;
  /** Weight of standing territorial claims. */
  claims: number;
  /** Weight of revisionist aims. */
  revisionism: number;
  /** Ideology multiplier: SHARED_IDEOLOGY, RIVAL_IDEOLOGY or 1. */
  ideology: number;
  /** ALLY_TRUST while allied, else 1. */
  trust: number;
  /** Hostile deeds still remembered, and how many were aimed at the target. */
  deeds: number;
  deedsAgainstTarget: number;
  /** The state claims land held by the target; and how many claims it has on others. */
  claimsOnTarget: boolean;
  claimsOnOthers: number;
  revisionist: boolean;
  ideologyRelation: IdeologyRelation;
  /** The two ideologies (the state's, the target's) when the relation is not null. */
  ideologies: [string, string] | null;
  allied: boolean;
}

const deedCache = new WeakMap<readonly Deed[], { length: number; byFrom: Map<string, Deed[]> }>();

/** The deeds done by `from` (cached per deeds array; the rules only append to it). */
export function deedsBy(deeds: readonly Deed[], from: string): Deed[] {
  let cached = deedCache.get(deeds);
  if (!cached || cached.length !== deeds.length) {
    const byFrom = new Map<string, Deed[]>();
    for (const d of deeds) {
      const list = byFrom.get(d.from);
      if (list) list.push(d);
      else byFrom.set(d.from, [d]);
    }
    cached = { length: deeds.length, byFrom };
    deedCache.set(deeds, cached);
  }
  return cached.byFrom.get(from) ?? [];
}

/** The weighted, faded record of `from`'s hostile deeds as seen by `target` at the start of `round`. */
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

/** How the two states' ideologies relate: shared, rival, or neither (or unknown). */
export function ideologyRelation(world: Pick<World, "states" | "rivalIdeologies">, a: string, b: string): IdeologyRelation {
  const ia = stateById(world, a).ideology;
  const ib = stateById(world, b).ideology;
  if (!ia || !ib) return null;
  if (ia === ib) return "shared";
  return hasPair(world.rivalIdeologies ?? [], ia, ib) ? "rival" : null;
}

/** A deed still counted at the start of the round, with its faded weight towards its own target and towards others. */
interface CountedDeed {
  /** Index of the deed's target in the world (-1 when not one of its states). */
  to: number;
  /** DEED_WEIGHT × 1 × fade: the weight when the target is the one aimed at. */
  againstTarget: number;
  /** DEED_WEIGHT × DEED_AGAINST_OTHERS × fade: the weight seen by any other state. */
  againstOthers: number;
  /** fade >= DEED_FORGOTTEN: still counted among "hostile acts". */
  remembered: boolean;
}

/**
 * What intentions read from a world, per state index (see world-index.ts): each state's
 * counted deeds (in the order of `world.deeds`), the targets of its claims, its ideology.
 * Build once per world with `indexIntentions`; O(states + deeds + claims).
 */
export interface IntentionsIndex {
  deeds: CountedDeed[][];
  /** Targets (indices, -1 when unknown) of each state's claims, one entry per claim. */
  claims: number[][];
  /** Each state's ideology, or undefined. */
  ideology: (string | undefined)[];
  /** Rival ideologies, as pairKey strings. */
  rivals: ReadonlySet<string>;
  /**
   * `aimedAt[j * n + i]`: 1 when one of state j's counted deeds or one of its claims aims at
   * state i, else 0. For the other targets, j's record and claims are the same whoever they are.
   */
  aimedAt: Uint8Array;
  /**
   * For each state j, 1 + record + claims + revisionism towards a target that none of its
   * counted deeds or claims aims at (`aimedAt` 0): every deed counted at DEED_AGAINST_OTHERS,
   * added in the same order as `intentionsAt` adds them, so the same number bit for bit.
   */
  baseTowardsOthers: Float64Array;
  /** Each state's ideology as a number (-1 for none), below `ideologies`. */
  ideologyCode: Int32Array;
  ideologies: number;
  /** `ideologyFactor[a * ideologies + b]`: the ideology multiplier of a state of ideology a towards one of ideology b. */
  ideologyFactor: Float64Array;
}

export function indexIntentions(world: World, ix: WorldIndex): IntentionsIndex {
  const deeds: CountedDeed[][] = ix.states.map(() => []);
  for (const d of world.deeds) {
    const from = ix.of.get(d.from);
    if (from === undefined || d.round >= world.round) continue;
    const fade = DEED_DECAY ** (world.round - d.round - 1);
    deeds[from]!.push({
      to: ix.of.get(d.to) ?? -1,
      againstTarget: DEED_WEIGHT[d.kind] * 1 * fade,
      againstOthers: DEED_WEIGHT[d.kind] * DEED_AGAINST_OTHERS * fade,
      remembered: fade >= DEED_FORGOTTEN,
    });
  }
  const claims: number[][] = ix.states.map(() => []);
  for (const c of world.claims ?? []) {
    const from = ix.of.get(c.from);
    if (from !== undefined) claims[from]!.push(ix.of.get(c.to) ?? -1);
  }
  const rivals = new Set((world.rivalIdeologies ?? []).map(([a, b]) => pairKey(a, b)));
  const ideology = ix.states.map((s) => s.ideology);
  const n = ix.n;
  const aimedAt = new Uint8Array(n * n);
  const baseTowardsOthers = new Float64Array(n);
  for (let j = 0; j < n; j++) {
    let record = 0;
    for (const d of deeds[j]!) {
      record += d.againstOthers;
      if (d.to >= 0) aimedAt[j * n + d.to] = 1;
    }
    for (const to of claims[j]!) if (to >= 0) aimedAt[j * n + to] = 1;
    // As intentionsAt for a target aimed at by none of them: no claim on it, every claim on others.
    const claimsWeight = 0 + claims[j]!.length * CLAIM_WEIGHT * DEED_AGAINST_OTHERS;
    const revisionism = ix.states[j]!.revisionist === true ? REVISIONIST_WEIGHT : 0;
    baseTowardsOthers[j] = 1 + record + claimsWeight + revisionism;
  }
  // Ideologies as numbers, and the multiplier of every pair of them (shared, rival or neither).
  const names = [...new Set(ideology.filter((x): x is string => !!x))];
  const code = new Map(names.map((x, k) => [x, k]));
  const ideologyCode = new Int32Array(n);
  ideology.forEach((x, i) => (ideologyCode[i] = x ? code.get(x)! : -1));
  const ideologyFactor = new Float64Array(names.length * names.length);
  names.forEach((a, ka) =>
    names.forEach((b, kb) => {
      ideologyFactor[ka * names.length + kb] = a === b ? SHARED_IDEOLOGY : rivals.has(pairKey(a, b)) ? RIVAL_IDEOLOGY : 1;
    }),
  );
  return { deeds, claims, ideology, rivals, aimedAt, baseTowardsOthers, ideologyCode, ideologies: names.length, ideologyFactor };
}

/** The offensive intentions of state `j` towards state `i` (indices of `ix`), with every part. */
export function intentionsAt(ix: WorldIndex, ii: IntentionsIndex, j: number, i: number): Intentions {
  let record = 0;
  let deeds = 0;
  let deedsAgainstTarget = 0;
  for (const d of ii.deeds[j]!) {
    record += d.to === i ? d.againstTarget : d.againstOthers;
    if (!d.remembered) continue;
    deeds += 1;
    if (d.to === i) deedsAgainstTarget += 1;
  }
  let claimsOnTarget = false;
  let claimsOnOthers = 0;
  for (const to of ii.claims[j]!) {
    if (to === i) claimsOnTarget = true;
    else claimsOnOthers += 1;
  }
  const claims = (claimsOnTarget ? CLAIM_WEIGHT : 0) + claimsOnOthers * CLAIM_WEIGHT * DEED_AGAINST_OTHERS;
  const revisionist = ix.states[j]!.revisionist === true;
  const revisionism = revisionist ? REVISIONIST_WEIGHT : 0;
  const theirs = ii.ideology[j];
  const yours = ii.ideology[i];
  const relation: IdeologyRelation = !theirs || !yours ? null : theirs === yours ? "shared" : ii.rivals.has(pairKey(theirs, yours)) ? "rival" : null;
  const ideology = relation === "shared" ? SHARED_IDEOLOGY : relation === "rival" ? RIVAL_IDEOLOGY : 1;
  const allied = alliedAt(ix, j, i);
  const trust = allied ? ALLY_TRUST : 1;
  return {
    factor: (1 + record + claims + revisionism) * ideology * trust,
    record,
    claims,
    revisionism,
    ideology,
    trust,
    deeds,
    deedsAgainstTarget,
    claimsOnTarget,
    claimsOnOthers,
    revisionist,
    ideologyRelation: relation,
    ideologies: relation ? [theirs!, yours!] : null,
    allied,
  };
}

/** 1 + record + claims + revisionism of state j towards state i, as `intentionsAt` adds them. */
function baseTowardsTarget(ix: WorldIndex, ii: IntentionsIndex, j: number, i: number): number {
  let record = 0;
  for (const d of ii.deeds[j]!) record += d.to === i ? d.againstTarget : d.againstOthers;
  let claimsOnTarget = false;
  let claimsOnOthers = 0;
  for (const to of ii.claims[j]!) {
    if (to === i) claimsOnTarget = true;
    else claimsOnOthers += 1;
  }
  const claims = (claimsOnTarget ? CLAIM_WEIGHT : 0) + claimsOnOthers * CLAIM_WEIGHT * DEED_AGAINST_OTHERS;
  const revisionism = ix.states[j]!.revisionist === true ? REVISIONIST_WEIGHT : 0;
  return 1 + record + claims + revisionism;
}

/**
 * `intentionsAt(ix, ii, j, i).factor` alone, bit for bit (the same operations in the same
 * order), without the parts: for the n² pairs whose threat is only ranked, not shown.
 * O(1) when none of j's deeds or claims aims at i (`baseTowardsOthers`), else O(j's deeds and claims).
 */
export function intentionsFactorAt(ix: WorldIndex, ii: IntentionsIndex, j: number, i: number): number {
  // Kept short so that the compiler inlines it into the n² loop of threatMatrix (the aimed-at case apart).
  const base = ii.aimedAt[j * ix.n + i] === 0 ? ii.baseTowardsOthers[j]! : baseTowardsTarget(ix, ii, j, i);
  const theirs = ii.ideologyCode[j]!;
  const yours = ii.ideologyCode[i]!;
  const ideology = theirs < 0 || yours < 0 ? 1 : ii.ideologyFactor[theirs * ii.ideologies + yours]!;
  const trust = alliedAt(ix, j, i) ? ALLY_TRUST : 1;
  return base * ideology * trust;
}

/**
 * The offensive intentions of `from` towards `target`, with every part. Indexes the world
 * first (O(states + deeds)); to compare many pairs, index once and call `intentionsAt`.
 */
export function intentionsOf(world: World, from: string, target: string): Intentions {
  const ix = indexWorld(world);
  const j = ix.of.get(from);
  const i = ix.of.get(target);
  if (j === undefined) throw new Error(`no state "${from}" in this world`);
  if (i === undefined) throw new Error(`no state "${target}" in this world`);
  return intentionsAt(ix, indexIntentions(world, ix), j, i);
}
