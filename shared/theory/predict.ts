// What each theory predicts for each state at the start of a round, with the
// reason in plain words. See ../../docs/rules.md ("The theories in the game").
import { capitalise, km, pct } from "../format.js";
import { blocs, leadingBlocs, rivalries, TIE_TOLERANCE, type Bloc, type RivalryReason } from "./blocs.js";
import { RIVAL_IDEOLOGY, SHARED_IDEOLOGY } from "./intentions.js";
import { bucketOrderDescending, sortByKeyDescending, sortNearlySorted } from "./dense-sort.js";
import { COMPONENTS, threatBasis, threatMatrix, tiedWithTop, type Component, type ThreatBasis, type ThreatMatrix, type ThreatComponents } from "./threat.js";
import { nameInText, stateById, type World } from "./world.js";

/** Levy and Thompson (2005): great powers balance strongly against a single leading land power holding this share. */
export const STRONG_LEADER_SHARE = 1 / 3;
/** Walt: bandwagoning is expected from states this much weaker than their top threat, or weaker. */
export const WEAK_STATE_RATIO = 0.5;

/**
 * How strongly states should balance against the leader (Levy and Thompson 2005, 2010):
 * "strong" when the leading bloc's leader is a land power holding a third or more of all
 * power on its own; "maritime" when it is a sea power (states seldom balance against the
 * leading sea power); "weak" otherwise (including a bloc that only together holds a third).
 */
export type BalancingStrength = "strong" | "weak" | "maritime";

export interface BalanceOfPowerPrediction {
  /** The leading bloc (strongest first) and its leader. */
  bloc: string[];
  leader: string;
  /** The leading bloc's share of the system's power. */
  share: number;
  /** The leader's own share. */
  leaderShare: number;
  strength: BalancingStrength;
  /** strength === "strong". */
  strong: boolean;
  /** The leaders of the blocs tied for the lead (two or more), or null. In a tie the theory predicts no side. */
  tie: string[] | null;
  /** The leading bloc to align against (without this state), or null: the leader itself, or a tie. */
  against: string[] | null;
  /** States to align with: those outside the leading bloc, strongest first (empty when `against` is null). */
  partners: string[];
  /** For a member of the leading bloc other than its leader: leave it for the weaker side. */
  leaveBloc: boolean;
  reason: string;
}

export interface BalanceOfThreatPrediction {
  /** The top threat T*. */
  against: string;
  /** Other states whose threat equals T*'s (a tie, named as such), or empty. */
  tiedWith: string[];
  /** T*'s bloc (with the tied states' blocs): partners come from outside it. */
  camp: string[];
  /** States outside T*'s camp, most useful against T* first. */
  partners: string[];
  /** The components that make T* the top threat rather than the runner-up. */
  decidedBy: Component[];
  /** The runner-up threat, if any. */
  runnerUp: string | null;
  reason: string;
}

export interface BandwagonPrediction {
  /** The top threat to align with. */
  with: string;
  /** True when Walt would expect it: much weaker than T* and no coalition able to stop T*. */
  likely: boolean;
  reason: string;
}

export interface StatePrediction {
  state: string;
  powerShare: number;
  /**
   * The top threats to this one, highest first (ties by id): the first THREAT_LIST_LENGTH
   * (threat.ts) of every other state's, or all of them when there are fewer, and more when
   * more states are tied with the top one, so that every tie is here. The full list, in the
   * same order and with the same figures, is `threatTo(world, state)` (threat.ts).
   */
  threats: ThreatComponents[];
  balanceOfPower: BalanceOfPowerPrediction;
  balanceOfThreat: BalanceOfThreatPrediction;
  bandwagon: BandwagonPrediction;
  /** True when the two balancing theories point at different adversaries: the debrief's key rounds. */
  divergent: boolean;
}

export interface RoundPredictions {
  round: number;
  leader: { bloc: string[]; leader: string; share: number; leaderShare: number; strength: BalancingStrength; strong: boolean; tie: string[] | null };
  blocs: Bloc[];
  /** Pairs of rivals (never in one bloc), with why: each a sorted pair. */
  rivals: { a: string; b: string; reason: RivalryReason }[];
  states: Record<string, StatePrediction>;
}


function nameOf(world: World, id: string, start = false): string {
  return nameInText(stateById(world, id), start);
}

/**
 * The names of the first `max` of `ids`, and "k more" for the rest, joined as `joinList` joins
 * them ("A, B and 3 more"), without the intermediate arrays (n reasons of a round list names).
 */
function listNames(world: World, ids: readonly string[], max = 4): string {
  const shown = Math.min(ids.length, max);
  const more = ids.length - shown;
  const count = more > 0 ? shown + 1 : shown;
  const item = (k: number) => (k < shown ? nameOf(world, ids[k]!) : `${more} more`);
  if (count <= 1) return count === 0 ? "" : item(0);
  let text = item(0);
  for (let k = 1; k < count - 1; k++) text += `, ${item(k)}`;
  return `${text} and ${item(count - 1)}`;
}

function blocName(world: World, bloc: Bloc, start = false): string {
  if (bloc.members.length === 1) return nameOf(world, bloc.leader, start);
  return `${start ? "The" : "the"} bloc of ${listNames(world, bloc.members)}`;
}

/**
 * Why `top` beats `other` as a threat: the components whose advantage alone decides it, strongest
 * first (the log ratio of `top`'s figure to `other`'s, equal ones in COMPONENTS order); when no
 * single one does, every favourable one. Written out over the four components (no closures, sort
 * or look-ups by name for each of the n states of a round), in the operations and order of the
 * plain form:
 * ratios r = log(top[c] / other[c]); favourable = r > 1e-12, sorted by r (a stable sort);
 * total = 0 + r(power) + r(proximity) + r(offense) + r(intentions); decisive = total - r <= 0.
 */
export function decidingComponents(top: ThreatComponents, other: ThreatComponents | undefined): Component[] {
  if (!other) return ["power"];
  const favourable: Component[] = [];
  const favourableRatio: number[] = [];
  let total = 0;
  for (const c of COMPONENTS) {
    const r = Math.log(top[c] / other[c]);
    total += r;
    if (!(r > 1e-12)) continue;
    // Placed after every favourable one with a ratio at least as large (stable, largest first).
    let at = favourable.length;
    favourable.push(c);
    favourableRatio.push(r);
    for (; at > 0 && favourableRatio[at - 1]! < r; at--) {
      favourable[at] = favourable[at - 1]!;
      favourableRatio[at] = favourableRatio[at - 1]!;
    }
    favourable[at] = c;
    favourableRatio[at] = r;
  }
  // A component is decisive when, without its advantage, the runner-up would be the top threat.
  const decisive: Component[] = [];
  for (let k = 0; k < favourable.length; k++) if (total - favourableRatio[k]! <= 0) decisive.push(favourable[k]!);
  // When no single advantage decides it, together they do: name them all, strongest first.
  return decisive.length > 0 ? decisive : favourable;
}

/** The intentions component in words: deeds, claims, aims and trust. */
function describeIntentions(t: ThreatComponents): string {
  const parts: string[] = [];
  if (t.deeds > 0) {
    parts.push(`${t.deeds} hostile act${t.deeds === 1 ? "" : "s"}${t.deedsAgainstTarget > 0 ? `, ${t.deedsAgainstTarget} against you` : ""}`);
  }
  if (t.intent.claimsOnTarget) parts.push("claims your land");
  if (t.intent.claimsOnOthers > 0) parts.push(`claims land of ${t.intent.claimsOnOthers} other state${t.intent.claimsOnOthers === 1 ? "" : "s"}`);
  if (t.intent.revisionist) parts.push("aims to overturn the order");
  if (parts.length === 0) return t.allied ? "trusted as an ally" : "no hostile record";
  return `aggressive: ${parts.join("; ")}${t.allied ? " (trusted more as an ally)" : ""}`;
}

/** One component of a threat in words, with its figure: "near: 1,100 km away". */
export function describeComponent(_world: World, t: ThreatComponents, c: Component): string {
  switch (c) {
    case "power":
      return `strong: ${pct(t.power)} of all power`;
    case "proximity":
      return t.distance === 0 ? "near: a neighbour" : `near: ${km(t.distance)} away`;
    case "offense":
      return `armed to attack: ${pct(t.offensiveShare)} of its forces offensive`;
    case "intentions":
      return describeIntentions(t);
  }
}

/** The ideology line of a reason, or "" when ideology played no part. */
export function describeIdeology(world: World, t: ThreatComponents): string {
  const [theirs, yours] = t.intent.ideologies ?? [];
  if (t.intent.ideologyRelation === "rival") {
    return ` Ideology: ${nameOf(world, t.from, false)}'s ${theirs} is a rival of your ${yours}, which makes it look more hostile (× ${RIVAL_IDEOLOGY}).`;
  }
  if (t.intent.ideologyRelation === "shared") {
    return ` Ideology: you share ${yours} with ${nameOf(world, t.from)}, which makes it look less hostile (× ${SHARED_IDEOLOGY}).`;
  }
  return "";
}

interface Lead {
  blocs: Bloc[];
  lead: Bloc;
  tie: string[] | null;
  leaderShare: number;
  strength: BalancingStrength;
  /** See `leadText`. */
  text: string;
}

function leadOf(world: World, all: Bloc[], shares: Map<string, number>): Lead {
  const tops = leadingBlocs(all);
  const lead = tops[0]!;
  const leaderShare = shares.get(lead.leader) ?? 0;
  const leader = stateById(world, lead.leader);
  const strength: BalancingStrength = leader.maritime ? "maritime" : leaderShare >= STRONG_LEADER_SHARE - TIE_TOLERANCE ? "strong" : "weak";
  const l = { blocs: all, lead, tie: tops.length > 1 ? tops.map((b) => b.leader) : null, leaderShare, strength, text: "" };
  l.text = leadText(world, l);
  return l;
}

function strengthNote(world: World, l: Lead): string {
  const leader = nameOf(world, l.lead.leader);
  switch (l.strength) {
    case "maritime":
      return ` (${leader} is a sea power; states seldom balance against the leading sea power)`;
    case "strong":
      return ` (${leader} alone holds ${pct(l.leaderShare)}, a third or more: balancing should be strong)`;
    case "weak":
      return l.lead.members.length > 1
        ? ` (no single land power holds a third: balancing may be weak)`
        : ` (under a third: balancing may be weak)`;
  }
}

/**
 * What balance of power says of the lead, the same for every state: a tie (its whole reason),
 * or who leads with what share (the start of each state's reason).
 */
function leadText(world: World, l: Lead): string {
  const { lead, tie } = l;
  if (tie) {
    const tied = l.blocs.filter((b) => tie.includes(b.leader));
    return `${
      tied.every((b) => b.members.length === 1) ? capitalise(listNames(world, tie)) : `The blocs led by ${listNames(world, tie)}`
    } are tied with ${pct(lead.share)} of all power each: the balance holds, and balance of power predicts no side.`;
  }
  return `${blocName(world, lead, true)} leads with ${pct(lead.share)} of all power${strengthNote(world, l)}`;
}

/** `outsideLead`: the states outside the leading bloc, strongest first. */
function predictBalanceOfPower(world: World, id: string, l: Lead, outsideLead: string[]): BalanceOfPowerPrediction {
  const { lead, tie } = l;
  // Every prediction has the same fields in the same order, written out (one object shape).
  const prediction = (against: string[] | null, partners: string[], leaveBloc: boolean, reason: string): BalanceOfPowerPrediction => ({
    bloc: lead.members,
    leader: lead.leader,
    share: lead.share,
    leaderShare: l.leaderShare,
    strength: l.strength,
    strong: l.strength === "strong",
    tie,
    against,
    partners,
    leaveBloc,
    reason,
  });
  if (tie) return prediction(null, [], false, l.text);
  const strength = l.text;
  if (id === lead.leader) return prediction(null, [], false, `${strength}; balance of power predicts nothing for the leader itself.`);
  const inBloc = lead.members.includes(id);
  // outsideLead without this state (copied: each prediction owns its list; one array of the right size).
  const partners = outsideLead.slice();
  const self = partners.indexOf(id);
  if (self >= 0) partners.splice(self, 1);
  const withWhom = partners.length > 0 ? `together with ${listNames(world, partners, 3)}` : "but no state stands outside it";
  return prediction(
    lead.members.filter((m) => m !== id),
    partners,
    inBloc,
    inBloc ? `${strength}; as a lesser member you should leave it for the weaker side, ${withWhom}.` : `${strength}; align against it, ${withWhom}.`,
  );
}

/** Work arrays of `predictBalanceOfThreat`, one set per world (n states), reused state after state. */
interface Scratch {
  /** All 0 between uses. */
  inCamp: Uint8Array;
  usefulness: Float64Array;
  candidates: Int32Array;
  /**
   * For each top threat t met so far: every state (index) by share × proximity to t, highest first,
   * the numerator of a partner's usefulness against t (nearly: `bucketOrderDescending`). The partners
   * of every state whose top threat is t come out nearly in this order (only the threat a partner
   * poses to the state itself divides it), which makes their sort cheap (`sortNearlySorted`).
   */
  orderAgainst: Map<number, Int32Array>;
  reachOfThreat: Float64Array;
}

const scratchFor = (n: number): Scratch => ({
  inCamp: new Uint8Array(n),
  usefulness: new Float64Array(n),
  candidates: new Int32Array(n),
  orderAgainst: new Map(),
  reachOfThreat: new Float64Array(n),
});

/** `scratch.orderAgainst` for top threat t (indices of `basis.index`), worked out on first use. O(n log n). */
function orderAgainst(t: number, basis: ThreatBasis, matrix: ThreatMatrix, scratch: Scratch): Int32Array {
  let order = scratch.orderAgainst.get(t);
  if (!order) {
    const n = basis.index.n;
    const key = scratch.reachOfThreat;
    for (let k = 0; k < n; k++) key[k] = basis.shareAt[k]! * matrix.proximity[t * n + k]!;
    order = bucketOrderDescending(key, basis.idRank, new Int32Array(n));
    scratch.orderAgainst.set(t, order);
  }
  return order;
}

/**
 * Balance of threat's prediction, with `partnerShare`: the partners' power shares added up in
 * their order (as `partners.reduce((s, k) => s + share(k), 0)` adds them).
 */
function predictBalanceOfThreat(
  world: World,
  id: string,
  threats: ThreatComponents[],
  blocOf: Map<string, Bloc>,
  basis: ThreatBasis,
  matrix: ThreatMatrix,
  scratch: Scratch,
): { prediction: BalanceOfThreatPrediction; partnerShare: number } {
  const top = threats[0]!;
  // The list is sorted by score, so the threats tied with the top one come right after it
  // (and it holds every one of them: threatMatrix).
  const tiedWith: string[] = [];
  for (let k = 1; k < threats.length && tiedWithTop(top.score, threats[k]!.score); k++) tiedWith.push(threats[k]!.from);
  const runnerUp = threats[1];
  const decidedBy = decidingComponents(top, runnerUp);
  // T*'s bloc and the tied states' blocs (each state once, in that order).
  const campSet = new Set<string>();
  for (const t of [top.from, ...tiedWith]) for (const m of blocOf.get(t)?.members ?? [t]) campSet.add(m);
  const camp = [...campSet];
  const { index, shareAt } = basis;
  const n = index.n;
  const self = index.of.get(id)!;
  const t = index.of.get(top.from)!;
  const { inCamp, usefulness, candidates } = scratch;
  for (const m of camp) {
    const k = index.of.get(m);
    if (k !== undefined) inCamp[k] = 1;
  }
  // Usefulness of partner k against T*: its power share discounted by the proximity of k and
  // T* (the loss-of-strength gradient over their reach, proximity.ts), divided by
  // 1 + the threat k itself poses to this state (relative to T*'s).
  let count = 0;
  const order = orderAgainst(t, basis, matrix, scratch);
  const topScore = Math.max(top.score, 1e-12);
  for (let o = 0; o < n; o++) {
    const k = order[o]!;
    if (k === self || inCamp[k]) continue;
    usefulness[k] = (shareAt[k]! * matrix.proximity[t * n + k]!) / (1 + matrix.score[self * n + k]! / topScore);
    candidates[count++] = k;
  }
  // Most useful first, equal usefulness by id (the candidates come nearly in that order).
  const ranked = sortNearlySorted(candidates.subarray(0, count), usefulness, basis.idRank);
  const partners: string[] = new Array<string>(count);
  let partnerShare = 0;
  for (let r = 0; r < count; r++) {
    const k = ranked[r]!;
    partners[r] = basis.ids[k]!;
    partnerShare += shareAt[k]!;
  }
  for (const m of camp) {
    const k = index.of.get(m);
    if (k !== undefined) inCamp[k] = 0;
  }
  const withWhom = partners.length > 0 ? `align with ${listNames(world, partners, 3)}` : "but no partner is free of it";
  const campNote = camp.length > 1 + tiedWith.length ? ` and its bloc (${listNames(world, camp.filter((m) => m !== top.from && !tiedWith.includes(m)), 3)})` : "";
  let reason: string;
  if (tiedWith.length > 0) {
    reason = `${capitalise(listNames(world, [top.from, ...tiedWith]))} are tied as your top threat; ${withWhom} against them${campNote}.`;
  } else {
    const why = decidedBy.map((c) => describeComponent(world, top, c)).join("; ");
    const versus = runnerUp ? ` (more than ${nameOf(world, runnerUp.from)})` : "";
    reason = `${nameOf(world, top.from, true)} is your top threat${versus}: ${why}; ${withWhom} against it${campNote}.`;
  }
  return {
    prediction: { against: top.from, tiedWith, camp, partners, decidedBy, runnerUp: runnerUp?.from ?? null, reason: reason + describeIdeology(world, top) },
    partnerShare,
  };
}

/** `partnerShare`: the power shares of balance of threat's partners, added up in their order. */
function predictBandwagon(world: World, id: string, top: ThreatComponents, partnerShare: number, shares: Map<string, number>, blocOf: Map<string, Bloc>): BandwagonPrediction {
  const own = shares.get(id) ?? 0;
  const weak = own <= WEAK_STATE_RATIO * top.power;
  const coalition = own + partnerShare;
  const noCoalition = coalition < (blocOf.get(top.from)?.share ?? top.power);
  const likely = weak && noCoalition;
  const name = nameOf(world, top.from);
  return {
    with: top.from,
    likely,
    reason: likely
      ? `You are far weaker than ${name} (${pct(own)} against ${pct(top.power)}) and no coalition could stop it: join it.`
      : `Join ${name}, your top threat, rather than resist it${weak ? "" : " (Walt expects this mostly from weak states)"}.`,
  };
}

/** Every theory's prediction for every state, from the world as it stands at the start of a round. */
export function predictAlignments(world: World): RoundPredictions {
  const basis = threatBasis(world);
  const { shares } = basis;
  const matrix = threatMatrix(basis);
  const topThreat = new Map<string, string>();
  basis.ids.forEach((id, i) => {
    const threats = matrix.top[i]!;
    if (threats.length > 0) topThreat.set(id, threats[0]!.from);
  });
  const rivals = rivalries(world, topThreat);
  const all = blocs(world, shares, rivals);
  const blocOf = new Map<string, Bloc>();
  for (const b of all) for (const m of b.members) blocOf.set(m, b);
  const lead = leadOf(world, all, shares);
  // Every state, strongest first, equal shares by id (the order of sorting the ids by share, then id).
  const byShare = sortByKeyDescending(Int32Array.from(basis.ids, (_, i) => i), basis.shareAt, basis.idRank);
  const strongest = Array.from(byShare, (i) => basis.ids[i]!);
  const leading = new Set(lead.lead.members);
  const outsideLead = strongest.filter((s) => !leading.has(s));
  const states: Record<string, StatePrediction> = {};
  const scratch = scratchFor(basis.index.n);
  for (const [i, s] of world.states.entries()) {
    const threats = matrix.top[i]!;
    const balanceOfPower = predictBalanceOfPower(world, s.id, lead, outsideLead);
    const { prediction: balanceOfThreat, partnerShare } = predictBalanceOfThreat(world, s.id, threats, blocOf, basis, matrix, scratch);
    const bandwagon = predictBandwagon(world, s.id, threats[0]!, partnerShare, shares, blocOf);
    const threatSide = [balanceOfThreat.against, ...balanceOfThreat.tiedWith];
    const divergent = balanceOfPower.against !== null && !threatSide.some((t) => balanceOfPower.against!.includes(t));
    states[s.id] = { state: s.id, powerShare: shares.get(s.id) ?? 0, threats, balanceOfPower, balanceOfThreat, bandwagon, divergent };
  }
  return {
    round: world.round,
    leader: {
      bloc: lead.lead.members,
      leader: lead.lead.leader,
      share: lead.lead.share,
      leaderShare: lead.leaderShare,
      strength: lead.strength,
      strong: lead.strength === "strong",
      tie: lead.tie,
    },
    blocs: all,
    rivals: [...rivals].map(([key, reason]) => {
      const [a, b] = key.split("|") as [string, string];
      return { a, b, reason };
    }).sort((x, y) => (x.a + "|" + x.b < y.a + "|" + y.b ? -1 : 1)),
    states,
  };
}
