// The theories in plain words, one short card per theory, for a student after a
// round: what the theory looked at (with the engine's own figures: distance in
// km, hostile acts counted, shares of power in %), what it said to do, and
// whether what the team did fits. Built from the predictions made at the start
// of the round (theory/predict.ts) and the round's classification
// (theory/classify.ts): it only words the engine's results, it never computes
// a prediction of its own. States are named by name (`name`), never by id. The
// field's terms are parts that link to the glossary (theory/glossary.ts).
import { joinList, km, pct } from "../format.js";
import type { Alignment } from "../theory/classify.js";
import type { GlossaryId } from "../theory/glossary.js";
import type { StatePrediction } from "../theory/predict.js";
import type { ThreatComponents } from "../theory/threat.js";
import type { Theory } from "../theory/world.js";

/** A piece of a sentence: our words, or a term of the field that links to its glossary entry. */
export type PlainPart = string | { term: GlossaryId; text: string };

export interface TheoryCard {
  theory: Theory;
  /** The theory's name, linked to the glossary. */
  title: PlainPart[];
  /** What the theory looked at and what it said. */
  said: PlainPart[];
  /** What the team did, and whether it fits. */
  did: PlainPart[];
  /** Whether the team's alliances fit the theory; null when the theory said nothing for this state. */
  fits: boolean | null;
}

/** What the builder reads of the classification (theory/classify.ts). */
export type PlainAlignment = Pick<Alignment, "allies" | "offers" | "balanceOfPower" | "balanceOfThreat" | "bandwagon" | "alone">;

/** Proximity in words: half or more of a state's power reaching you is "near"; under a tenth is "far". */
export const NEAR_PROXIMITY = 0.5;
export const FAR_PROXIMITY = 0.1;
/** A state with half or more of its forces offensive is "armed to attack"; under a quarter, "mostly defensive". */
export const ARMED_TO_ATTACK = 0.5;
export const MOSTLY_DEFENSIVE = 0.25;

const term = (id: GlossaryId, text: string): PlainPart => ({ term: id, text });

/** The words of a card as one string (for tests, screen-reader summaries and plain-text exports). */
export function plainText(parts: readonly PlainPart[]): string {
  return parts.map((p) => (typeof p === "string" ? p : p.text)).join("");
}

const capital = (parts: PlainPart[]): PlainPart[] => {
  const [first, ...rest] = parts;
  if (typeof first === "string") return [first.charAt(0).toUpperCase() + first.slice(1), ...rest];
  if (first) return [{ ...first, text: first.text.charAt(0).toUpperCase() + first.text.slice(1) }, ...rest];
  return parts;
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** How near: "a neighbour", "near (1,100 km away)", "fairly far (2,900 km away)", "far (8,000 km away)". */
function nearness(t: ThreatComponents): PlainPart[] {
  if (t.distance === 0) return [term("proximity", "a neighbour"), " (shares a border)"];
  const word = t.proximity >= NEAR_PROXIMITY ? "near" : t.proximity >= FAR_PROXIMITY ? "fairly far" : "far";
  return [term("proximity", word), ` (${km(t.distance)} away)`];
}

/** Its deeds and aims: "aggressive (2 hostile acts, 1 against you)", "wants some of your land", or "no hostile acts". */
function aggression(t: ThreatComponents): PlainPart[] {
  const parts: PlainPart[][] = [];
  if (t.deeds > 0) {
    const against = t.deedsAgainstTarget > 0 ? `, ${t.deedsAgainstTarget} against you` : "";
    parts.push(["aggressive (", term("hostile-act", plural(t.deeds, "hostile act")), `${against})`]);
  }
  if (t.intent.claimsOnTarget) parts.push(["wants some of your land"]);
  if (t.intent.revisionist) parts.push(["wants to overturn the order"]);
  if (t.intent.ideologyRelation === "rival") parts.push(["has a rival ideology"]);
  if (parts.length === 0) parts.push(["no ", term("hostile-act", "hostile acts")]);
  if (t.allied) parts.push(["your ally (trusted more)"]);
  return parts.flatMap((p, i) => (i === 0 ? p : [", ", ...p]));
}

/** Its forces: "armed to attack (60% of its forces offensive)" or "mostly defensive (10% offensive)". */
function arms(t: ThreatComponents): PlainPart[] {
  const share = pct(t.offensiveShare);
  if (t.offensiveShare >= ARMED_TO_ATTACK) return [`armed to attack (${share} of its forces `, term("offensive-forces", "offensive"), ")"];
  if (t.offensiveShare < MOSTLY_DEFENSIVE) return ["mostly ", term("defensive-forces", "defensive"), ` (${share} `, term("offensive-forces", "offensive"), ")"];
  return [`partly armed to attack (${share} of its forces `, term("offensive-forces", "offensive"), ")"];
}

/** Why a state threatens you, in Walt's four sources: nearness, deeds, arms, power. */
function whyThreat(t: ThreatComponents): PlainPart[] {
  return [...nearness(t), ", ", ...aggression(t), ", ", ...arms(t), `, ${pct(t.power)} of all `, term("power", "power")];
}

/** "you allied with France", "you offered an alliance to Italy", or both; "" for nobody. */
function yourSide(a: PlainAlignment, name: (id: string) => string): string {
  const parts: string[] = [];
  if (a.allies.length > 0) parts.push(`you allied with ${joinList(a.allies.map(name))}`);
  const offersOnly = a.offers.filter((o) => !a.allies.includes(o));
  if (offersOnly.length > 0) parts.push(`you offered an alliance to ${joinList(offersOnly.map(name))}`);
  return parts.join(" and ");
}

const sided = (a: PlainAlignment) => [...new Set([...a.allies, ...a.offers])];

function verdict(fits: boolean, theoryTerm: PlainPart): PlainPart[] {
  return [": ", theoryTerm, fits ? " fits." : " does not fit."];
}

function standingAlone(theoryTerm: PlainPart): PlainPart[] {
  return ["You ", term("standing-alone", "stood alone"), " (no allies, no offers)", ...verdict(false, theoryTerm)];
}

function balanceOfThreatCard(p: StatePrediction, a: PlainAlignment, name: (id: string) => string): TheoryCard {
  const bt = p.balanceOfThreat;
  const top = p.threats.find((t) => t.from === bt.against);
  const theory = term("balance-of-threat", "balance of threat");
  const tied = bt.tiedWith.length > 0;
  const said: PlainPart[] = tied
    ? capital([`${joinList([bt.against, ...bt.tiedWith].map(name))} were tied as your `, term("top-threat", "top threat"), ". "])
    : ["Your ", term("top-threat", "top threat"), ` was ${name(bt.against)}`, ...(top ? [": ", ...whyThreat(top)] : []), ". "];
  const partners = bt.partners.slice(0, 3).map(name);
  said.push(...capital([theory]), ` said: ally against ${tied ? "them" : "it"}`, partners.length > 0 ? `, for example with ${joinList(partners, "or")}.` : ", but no partner was free of it.");
  const fits = a.balanceOfThreat;
  const side = sided(a);
  const camp = new Set([bt.against, ...bt.tiedWith, ...bt.camp]);
  const withCamp = side.filter((x) => camp.has(x));
  let did: PlainPart[];
  if (a.alone) did = standingAlone(theory);
  else if (fits) did = [`${yourSide(a, name)}, against ${tied ? "them" : "it"}`, ...verdict(true, theory)];
  else if (a.bandwagon || withCamp.length > 0) did = [`${yourSide(a, name)}, on ${tied ? "their" : "its"} side`, ...verdict(false, theory)];
  else did = [`${yourSide(a, name)}, but none of them could help against ${tied ? "them" : "it"}`, ...verdict(false, theory)];
  return { theory: "balance-of-threat", title: [term("balance-of-threat", "Balance of threat")], said, did: capital(did), fits };
}

function balanceOfPowerCard(p: StatePrediction, a: PlainAlignment, name: (id: string) => string): TheoryCard {
  const bp = p.balanceOfPower;
  const theory = term("balance-of-power", "balance of power");
  const title = [term("balance-of-power", "Balance of power")];
  if (bp.tie) {
    return {
      theory: "balance-of-power",
      title,
      said: [`No side was the strongest: ${joinList(bp.tie.map(name))} were tied with ${pct(bp.share)} of all `, term("power", "power"), " each. ", ...capital([theory]), " said nothing this round."],
      did: ["Nothing to fit."],
      fits: null,
    };
  }
  const leading: PlainPart[] =
    bp.bloc.length > 1
      ? ["the ", term("bloc", "bloc"), ` of ${joinList(bp.bloc.map(name))} (${pct(bp.share)} of all `, term("power", "power"), ")"]
      : [`${name(bp.leader)} (${pct(bp.share)} of all `, term("power", "power"), ")"];
  if (bp.against === null) {
    return {
      theory: "balance-of-power",
      title,
      said: ["The strongest side was yours: ", ...leading, ". ", ...capital([theory]), " says nothing about what the strongest does; it expects the others to side against you."],
      did: ["Nothing to fit."],
      fits: null,
    };
  }
  const partners = bp.partners.slice(0, 3).map(name);
  const example = partners.length > 0 ? `, for example with ${joinList(partners, "or")}` : ", but no state stood outside it";
  const said: PlainPart[] = ["The strongest side was ", ...leading, ". ", ...capital([theory]), " said: "];
  said.push(bp.leaveBloc ? `you are in it, so leave it for the weaker side${example}.` : `side against it${example}.`);
  const fits = a.balanceOfPower === true;
  const withBloc = sided(a).filter((x) => bp.bloc.includes(x));
  let did: PlainPart[];
  if (a.alone) did = standingAlone(theory);
  else if (fits) did = [`${yourSide(a, name)}, outside it`, ...verdict(true, theory)];
  else if (withBloc.length > 0) did = [`${yourSide(a, name)}, on the strongest side`, ...verdict(false, theory)];
  else did = [yourSide(a, name), ...verdict(false, theory)];
  return { theory: "balance-of-power", title, said, did: capital(did), fits };
}

function bandwagonCard(p: StatePrediction, a: PlainAlignment, name: (id: string) => string): TheoryCard {
  const bw = p.bandwagon;
  const top = p.threats.find((t) => t.from === bw.with);
  const theory = term("bandwagoning", "bandwagoning");
  const said: PlainPart[] = [
    ...capital([theory]),
    ` said: join your `,
    term("top-threat", "top threat"),
    `, ${name(bw.with)}. It is expected mostly from weak states: you had ${pct(p.powerShare)} of all `,
    term("power", "power"),
    top ? `, it had ${pct(top.power)}` : "",
    bw.likely ? ", and no group could stop it." : ".",
  ];
  const did: PlainPart[] = a.alone
    ? standingAlone(theory)
    : a.bandwagon
      ? [`${yourSide(a, name)}: on its side`, ...verdict(true, theory)]
      : [`You did not side with ${name(bw.with)}`, ...verdict(false, theory)];
  return { theory: "bandwagon", title: [term("bandwagoning", "Bandwagoning")], said: said.filter((x) => x !== ""), did: capital(did), fits: a.bandwagon };
}

/**
 * One card per theory (balance of threat, balance of power, bandwagoning) for one state's round.
 * @param prediction what the engine predicted for the state at the start of the round
 * @param alignment the engine's classification of what the state did that round
 * @param name a state's name inside a sentence ("the Soviet Union"); never its id
 */
export function theoryCards(prediction: StatePrediction, alignment: PlainAlignment, name: (id: string) => string): TheoryCard[] {
  return [balanceOfThreatCard(prediction, alignment, name), balanceOfPowerCard(prediction, alignment, name), bandwagonCard(prediction, alignment, name)];
}
