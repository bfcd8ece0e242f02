// What each theory predicts for each state at the start of a round, with the
// reason in plain words. See ../../docs/rules.md ("The theories in the game").
import { blocs, powerShares, type Bloc } from "./power.js";
import { COMPONENTS, distanceBetween, proximityDiscount, threatTo, type Component, type ThreatComponents } from "./threat.js";
import { allyMap, stateById, type World } from "./world.js";

/** Levy and Thompson (2005): balancing against a leader is strong once it holds this share. */
export const STRONG_LEADER_SHARE = 1 / 3;
/** Walt: bandwagoning is expected from states this much weaker than their top threat, or weaker. */
export const WEAK_STATE_RATIO = 0.5;

export interface BalanceOfPowerPrediction {
  /** The leading bloc (strongest first) and its leader. */
  bloc: string[];
  leader: string;
  /** The leading bloc's share of the system's power. */
  share: number;
  /** True when the leading bloc holds a third or more: balancing should be strong. */
  strong: boolean;
  /** The leading bloc to align against, or null for the leader itself (no prediction). */
  against: string[] | null;
  /** States to align with: those outside the leading bloc, strongest first. */
  partners: string[];
  /** For a member of the leading bloc other than its leader: leave it for the weaker side. */
  leaveBloc: boolean;
  reason: string;
}

export interface BalanceOfThreatPrediction {
  /** The top threat T*. */
  against: string;
  /** States neither T* nor allied with T*, most useful against T* first. */
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
  /** Every other state's threat to this one, highest first. */
  threats: ThreatComponents[];
  balanceOfPower: BalanceOfPowerPrediction;
  balanceOfThreat: BalanceOfThreatPrediction;
  bandwagon: BandwagonPrediction;
  /** True when the two balancing theories point at different adversaries: the debrief's key rounds. */
  divergent: boolean;
}

export interface RoundPredictions {
  round: number;
  leader: { bloc: string[]; leader: string; share: number; strong: boolean };
  blocs: Bloc[];
  states: Record<string, StatePrediction>;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;
const km = (d: number) => `${Math.round(d).toLocaleString("en-US")} km`;

function nameOf(world: World, id: string): string {
  return stateById(world, id).name;
}

function listNames(world: World, ids: string[], max = 4): string {
  const names = ids.slice(0, max).map((id) => nameOf(world, id));
  if (ids.length > max) names.push(`${ids.length - max} more`);
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/** Why `top` beats `other` as a threat: the components whose advantage alone decides it. */
export function decidingComponents(top: ThreatComponents, other: ThreatComponents | undefined): Component[] {
  if (!other) return ["power"];
  const logRatio = (c: Component) => Math.log(top[c] / other[c]);
  const favourable = COMPONENTS.filter((c) => logRatio(c) > 1e-12).sort((a, b) => logRatio(b) - logRatio(a));
  const total = COMPONENTS.reduce((sum, c) => sum + logRatio(c), 0);
  // A component is decisive when, without its advantage, the runner-up would be the top threat.
  const decisive = favourable.filter((c) => total - logRatio(c) <= 0);
  if (decisive.length > 0) return decisive;
  // No single advantage decides it: together they do. Name them all, strongest first.
  return favourable;
}

export function describeComponent(world: World, t: ThreatComponents, c: Component): string {
  switch (c) {
    case "power":
      return `strong: ${pct(t.power)} of all power`;
    case "proximity":
      return t.distance === 0 ? "near: a neighbour" : `near: ${km(t.distance)} away`;
    case "offense":
      return `armed to attack: ${pct(t.offensiveShare)} of its forces offensive`;
    case "intentions":
      if (t.deeds === 0) return t.allied ? "trusted as an ally" : "no hostile record";
      return `aggressive: ${t.deeds} hostile act${t.deeds === 1 ? "" : "s"}${
        t.deedsAgainstTarget > 0 ? `, ${t.deedsAgainstTarget} against you` : ""
      }`;
  }
}

function predictBalanceOfPower(world: World, id: string, lead: Bloc, strongest: string[]): BalanceOfPowerPrediction {
  const inBloc = lead.members.includes(id);
  const outside = strongest.filter((s) => s !== id && !lead.members.includes(s));
  const strong = lead.share >= STRONG_LEADER_SHARE;
  const blocName = lead.members.length > 1 ? `the bloc of ${listNames(world, lead.members)}` : nameOf(world, lead.leader);
  const strength = `${blocName} leads with ${pct(lead.share)} of all power${
    strong ? " (a third or more: balancing should be strong)" : " (under a third: balancing may be weak)"
  }`;
  const base = { bloc: lead.members, leader: lead.leader, share: lead.share, strong };
  if (id === lead.leader) {
    return {
      ...base,
      against: null,
      partners: [],
      leaveBloc: false,
      reason: `${strength}; balance of power predicts nothing for the leader itself.`,
    };
  }
  const partners = outside;
  const withWhom = partners.length > 0 ? `together with ${listNames(world, partners, 3)}` : "but no state stands outside it";
  return {
    ...base,
    against: lead.members,
    partners,
    leaveBloc: inBloc,
    reason: inBloc
      ? `${strength}; as a lesser member you should leave it for the weaker side, ${withWhom}.`
      : `${strength}; align against it, ${withWhom}.`,
  };
}

function predictBalanceOfThreat(
  world: World,
  id: string,
  threats: ThreatComponents[],
  allies: Map<string, Set<string>>,
  shares: Map<string, number>,
): BalanceOfThreatPrediction {
  const top = threats[0]!;
  const runnerUp = threats[1];
  const decidedBy = decidingComponents(top, runnerUp);
  const topAllies = allies.get(top.from) ?? new Set<string>();
  const threatOf = new Map(threats.map((t) => [t.from, t.score]));
  const usefulness = (k: string) => {
    const reach = proximityDiscount(distanceBetween(world, k, top.from), world.distanceScale);
    return ((shares.get(k) ?? 0) * reach) / (1 + (threatOf.get(k) ?? 0) / Math.max(top.score, 1e-12));
  };
  const partners = world.states
    .map((s) => s.id)
    .filter((k) => k !== id && k !== top.from && !topAllies.has(k))
    .map((k) => ({ k, u: usefulness(k) }))
    .sort((a, b) => b.u - a.u || (a.k < b.k ? -1 : 1))
    .map((x) => x.k);
  const why = decidedBy.map((c) => describeComponent(world, top, c)).join("; ");
  const versus = runnerUp ? ` (more than ${nameOf(world, runnerUp.from)})` : "";
  const withWhom = partners.length > 0 ? `align with ${listNames(world, partners, 3)}` : "but no partner is free of it";
  return {
    against: top.from,
    partners,
    decidedBy,
    runnerUp: runnerUp?.from ?? null,
    reason: `${nameOf(world, top.from)} is your top threat${versus}: ${why}; ${withWhom} against it.`,
  };
}

function predictBandwagon(
  world: World,
  id: string,
  top: ThreatComponents,
  bot: BalanceOfThreatPrediction,
  shares: Map<string, number>,
  lead: Bloc[],
): BandwagonPrediction {
  const own = shares.get(id) ?? 0;
  const weak = own <= WEAK_STATE_RATIO * top.power;
  const topBloc = lead.find((b) => b.members.includes(top.from));
  const coalition = own + bot.partners.reduce((s, k) => s + (shares.get(k) ?? 0), 0);
  const noCoalition = coalition < (topBloc?.share ?? top.power);
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
  const shares = powerShares(world);
  const allBlocs = blocs(world, shares);
  const lead = allBlocs[0]!;
  const allies = allyMap(world);
  const strongest = world.states
    .map((s) => s.id)
    .sort((a, b) => (shares.get(b) ?? 0) - (shares.get(a) ?? 0) || (a < b ? -1 : 1));
  const states: Record<string, StatePrediction> = {};
  for (const s of world.states) {
    const threats = threatTo(world, s.id, shares);
    const balanceOfPower = predictBalanceOfPower(world, s.id, lead, strongest);
    const balanceOfThreat = predictBalanceOfThreat(world, s.id, threats, allies, shares);
    const bandwagon = predictBandwagon(world, s.id, threats[0]!, balanceOfThreat, shares, allBlocs);
    const divergent = balanceOfPower.against !== null && !balanceOfPower.against.includes(balanceOfThreat.against);
    states[s.id] = {
      state: s.id,
      powerShare: shares.get(s.id) ?? 0,
      threats,
      balanceOfPower,
      balanceOfThreat,
      bandwagon,
      divergent,
    };
  }
  return {
    round: world.round,
    leader: { bloc: lead.members, leader: lead.leader, share: lead.share, strong: lead.share >= STRONG_LEADER_SHARE },
    blocs: allBlocs,
    states,
  };
}
