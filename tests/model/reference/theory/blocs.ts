// REFERENCE COPY: the pre-optimisation model (issue 15), kept unchanged to check that the
// optimised code in shared/ gives identical results (tests/model/optimised-model.test.ts).
// Copied from shared/theory/blocs.ts at 968eafc; do not edit or import from the game.
// Blocs are camps: states aligned together and not hostile to each other.
//
// With bilateral alliances, "everyone reachable through alliances" merges two
// rival camps through a single state allied to both (Canada allied to Britain
// and to the Soviet Union would put the United States and the Soviet Union in
// one bloc). Axelrod and Bennett's landscape theory instead partitions states
// by their positive and negative ties so as to minimise "frustration" (allies
// kept apart, enemies put together). Entente uses a simple, deterministic form
// of it:
//
// 1. Negative ties (rivals): two states that fought a war last round; that
//    attacked or threatened each other in the last RECENT_ROUNDS rounds
//    (either way round) while not allied; or that are each other's top threat
//    without being allied. Pressure inside an alliance (only a scenario's
//    history or a crisis can record it, like the Soviet Union's on Poland in
//    1946) raises the threat the victim feels, but a pact that survives it is
//    one bloc, if an unequal one; so are neighbours who fear each other most
//    yet ally. A pact with a recent enemy (the Nazi-Soviet pact) is not.
// 2. Positive ties: alliances, the stronger first (weighted, as in landscape
//    theory, by the product of the two partners' power shares).
// 3. Each alliance joins its two partners' camps unless that would put two
//    rivals in one camp. So rival camps never merge, a state allied to two
//    rival camps sits with the one it is more strongly tied to, and friendly
//    chains (A-B, B-C, nobody hostile) form one camp.
// A state with no allies is a bloc of its own.
// Source: Axelrod, R. and Bennett, D. S. (1993) "A Landscape Theory of
// Aggregation", British Journal of Political Science 23(2): 211-233.
import { hasPair, pairKey, type World } from "./world.js";

/** An attack or threat within this many rounds makes two states rivals. */
export const RECENT_ROUNDS = 2;
/** Two shares closer than this are equal (a tie, not a leader). */
export const TIE_TOLERANCE = 1e-9;

export interface Bloc {
  /** Members, strongest first (ties by id). */
  members: string[];
  /** The strongest member. */
  leader: string;
  /** Sum of the members' power shares. */
  share: number;
}

export type RivalryReason = "top-threats" | "attack" | "hostile-acts";

/**
 * Pairs of rivals (pairKey -> why), from each state's top threat and the record of
 * attacks and threats. `topThreat` maps each state to its top threat.
 */
export function rivalries(world: Pick<World, "round" | "deeds" | "alliances">, topThreat: ReadonlyMap<string, string>): Map<string, RivalryReason> {
  const out = new Map<string, RivalryReason>();
  for (const d of world.deeds) {
    const age = world.round - d.round;
    if (age < 1 || d.from === d.to) continue;
    const key = pairKey(d.from, d.to);
    if (d.kind === "attack" && age === 1) out.set(key, "attack");
    else if ((d.kind === "attack" || d.kind === "threat") && age <= RECENT_ROUNDS && !out.has(key) && !d.withinAlliance) {
      out.set(key, "hostile-acts");
    }
  }
  for (const [a, b] of topThreat) {
    if (topThreat.get(b) === a && !out.has(pairKey(a, b)) && !hasPair(world.alliances, a, b)) out.set(pairKey(a, b), "top-threats");
  }
  return out;
}

/**
 * The blocs (camps) of the world, strongest first (equal shares by their leader's share, then id).
 * `shares`: each state's power share; `rivals`: from `rivalries`.
 */
export function blocs(
  world: Pick<World, "states" | "alliances">,
  shares: ReadonlyMap<string, number>,
  rivals: ReadonlyMap<string, RivalryReason>,
): Bloc[] {
  const share = (id: string) => shares.get(id) ?? 0;
  const camp = new Map<string, string[]>(); // state -> the (shared) member list of its camp
  for (const s of world.states) camp.set(s.id, [s.id]);
  // Each state's rivals, to test a merge in time proportional to the camps' rivals.
  const rivalsOf = new Map<string, string[]>();
  for (const key of rivals.keys()) {
    const [a, b] = key.split("|") as [string, string];
    rivalsOf.set(a, [...(rivalsOf.get(a) ?? []), b]);
    rivalsOf.set(b, [...(rivalsOf.get(b) ?? []), a]);
  }
  const ties = world.alliances
    .filter(([a, b]) => camp.has(a) && camp.has(b))
    .map(([a, b]) => ({ a, b, weight: share(a) * share(b), key: pairKey(a, b) }))
    .sort((x, y) => y.weight - x.weight || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  for (const { a, b } of ties) {
    const ca = camp.get(a)!;
    const cb = camp.get(b)!;
    if (ca === cb) continue;
    const inB = new Set(cb);
    const hostile = ca.some((m) => (rivalsOf.get(m) ?? []).some((r) => inB.has(r)));
    if (hostile) continue;
    const merged = [...ca, ...cb];
    for (const m of merged) camp.set(m, merged);
  }
  const byStrength = (x: string, y: string) => share(y) - share(x) || (x < y ? -1 : x > y ? 1 : 0);
  const seen = new Set<string[]>();
  const result: Bloc[] = [];
  for (const s of world.states) {
    const members = camp.get(s.id)!;
    if (seen.has(members)) continue;
    seen.add(members);
    const sorted = [...members].sort(byStrength);
    result.push({ members: sorted, leader: sorted[0]!, share: sorted.reduce((sum, id) => sum + share(id), 0) });
  }
  result.sort((x, y) => (Math.abs(y.share - x.share) > TIE_TOLERANCE ? y.share - x.share : 0) || byStrength(x.leader, y.leader));
  return result;
}

/** The blocs whose share equals the largest (one bloc unless there is a tie at the top). */
export function leadingBlocs(all: readonly Bloc[]): Bloc[] {
  const top = all[0];
  if (!top) return [];
  return all.filter((b) => top.share - b.share <= TIE_TOLERANCE);
}
