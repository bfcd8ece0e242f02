// Discussion questions drawn from what happened in this game: a question
// appears only when its trigger happened, and names the first time with how
// many times it happened. Each trigger is a row of QUESTIONS below.
import type { Session } from "../classroom/types.js";
import type { GameEvent } from "../rules/types.js";
import { capitalise, joinList, pct } from "../format.js";
import type { TheoryRow } from "./theory-table.js";

export type QuestionId =
  | "threat-over-power"
  | "power-over-threat"
  | "chain-ganging"
  | "buck-passing"
  | "bandwagoning-for-profit"
  | "weak-bandwagon";

export interface DiscussionQuestion {
  id: QuestionId;
  /** The first time it happened, and how many times. */
  round: number;
  states: string[];
  occurrences: number;
  theory: string;
  sources: string[];
  question: string;
}

/** What the triggers read: the game, the theory table, names in sentences, power shares by round. */
export interface QuestionContext {
  session: Session;
  table: TheoryRow[];
  /** A state's name inside a sentence ("the Soviet Union"). */
  name: (id: string) => string;
  /** Power share of a state at the start of the game (index 0) and at the end of each round (index r). */
  share: (id: string, index: number) => number;
}

type War = Extract<GameEvent, { type: "war" }>;

function warsOf(session: Session, round: number): War[] {
  return (session.game.history.find((h) => h.round === round)?.events ?? []).filter((e): e is War => e.type === "war");
}

const inWar = (w: War, id: string) => w.target === id || w.attackers.includes(id) || w.defenders.includes(id);
const BUCK_PASSING = "Christensen and Snyder (1990), Chain gangs and passed bucks";

/** The partners of a row (allies and offers) that were rising revisionists: revisionist aims or aggression, and growing power. */
function risingRevisionists(ctx: QuestionContext, r: TheoryRow): string[] {
  const partners = new Set([...r.did.allies, ...r.did.offers]);
  return [...partners].filter((p) => {
    const flagged = ctx.session.game.states.find((s) => s.id === p)?.revisionist === true;
    const aggressive = ctx.session.game.deeds.some((d) => d.from === p && d.kind !== "betrayal" && d.round >= r.round - 1 && d.round <= r.round);
    return (flagged || aggressive) && ctx.share(p, r.round) > ctx.share(p, r.round - 1);
  });
}

interface Trigger {
  id: QuestionId;
  theory: string;
  sources: string[];
  /** The rows (or events) where it happened, first first, and the question for the first. */
  find: (ctx: QuestionContext) => { round: number; states: string[]; text: string }[];
}

const QUESTIONS: Trigger[] = [
  {
    id: "threat-over-power",
    theory: "balance of threat against balance of power",
    sources: ["Walt (1987), The Origins of Alliances", "Waltz (1979), Theory of International Politics"],
    find: (ctx) =>
      ctx.table
        .filter((r) => r.predictions.divergent && r.matched.balanceOfThreat && !r.matched.balanceOfPower)
        .map((r) => {
          const p = r.predictions;
          return {
            round: r.round,
            states: [r.state],
            text: `In round ${r.round}, ${ctx.name(r.state)} lined up against ${ctx.name(p.balanceOfThreat.against)}, its top threat (${joinList(p.balanceOfThreat.decidedBy)} decided it), rather than against the leading bloc of ${joinList(
              p.balanceOfPower.leadingBloc.map(ctx.name),
            )} with ${pct(p.balanceOfPower.leadingShare)} of all power. Walt would call that balancing against threat; what would Waltz say was the risk of ignoring the strongest?`,
          };
        }),
  },
  {
    id: "power-over-threat",
    theory: "balance of power against balance of threat",
    sources: ["Waltz (1979), Theory of International Politics", "Walt (1987), The Origins of Alliances"],
    find: (ctx) =>
      ctx.table
        .filter((r) => r.predictions.divergent && r.matched.balanceOfPower && !r.matched.balanceOfThreat)
        .map((r) => ({
          round: r.round,
          states: [r.state],
          text: `In round ${r.round}, ${ctx.name(r.state)} balanced against the strongest (${joinList(r.predictions.balanceOfPower.leadingBloc.map(ctx.name))}) although ${ctx.name(r.predictions.balanceOfThreat.against)} was its top threat. Was power alone the better guide here, or did ${ctx.name(r.state)} leave its nearer danger unanswered?`,
        })),
  },
  {
    id: "chain-ganging",
    theory: "chain-ganging",
    sources: [BUCK_PASSING],
    find: (ctx) =>
      ctx.session.game.history.flatMap((h) =>
        warsOf(ctx.session, h.round)
          .filter((w) => w.draggedIn.length > 0)
          .map((w) => ({
            round: h.round,
            states: w.draggedIn,
            text: `In round ${h.round}, ${joinList(w.draggedIn.map(ctx.name))} ${w.draggedIn.length === 1 ? "was" : "were"} dragged into the war on ${ctx.name(w.target)} by ${w.draggedIn.length === 1 ? "its" : "their"} alliances (the ${w.winner} won). Christensen and Snyder call this chain-ganging, as in 1914: was the alliance worth that risk, and could it have been written to avoid it?`,
          })),
      ),
  },
  {
    // Buck-passing: a state that stood aside, without balancing, while its top threat fought others.
    id: "buck-passing",
    theory: "buck-passing",
    sources: [BUCK_PASSING, "Mearsheimer (2001), The Tragedy of Great Power Politics"],
    find: (ctx) =>
      ctx.table.flatMap((r) => {
        const threat = r.predictions.balanceOfThreat.against;
        const war = warsOf(ctx.session, r.round).find((w) => inWar(w, threat) && !inWar(w, r.state));
        if (!war || r.matched.balanceOfThreat || r.matched.bandwagon) return [];
        const others = [war.target, ...war.attackers, ...war.defenders].filter((s) => s !== threat && !(war.attackers.includes(threat) ? war.attackers : war.defenders).includes(s));
        return [
          {
            round: r.round,
            states: [r.state, threat],
            text: `In round ${r.round}, ${ctx.name(threat)}, the top threat of ${ctx.name(r.state)}, was at war with ${joinList(others.map(ctx.name))}, and ${ctx.name(r.state)} stood aside${r.matched.alone ? " with no partner at all" : " without allying against it"}. Was it passing the buck, leaving others to pay for stopping the threat, as Britain and France did in the 1930s? Who caught the buck, and did it work?`,
          },
        ];
      }),
  },
  {
    // Schweller: joining the threat (when Walt would not expect it), or a rising revisionist without balancing anyone, for gain.
    // Never for a state that balanced against its threat.
    id: "bandwagoning-for-profit",
    theory: "bandwagoning for profit",
    sources: ["Schweller (1994), Bandwagoning for profit", BUCK_PASSING],
    find: (ctx) =>
      ctx.table.flatMap((r) => {
        if (r.matched.balanceOfThreat) return [];
        const threat = r.predictions.balanceOfThreat.against;
        const withThreat = r.matched.bandwagon && !r.predictions.bandwagon.likely;
        const rising = r.matched.balanceOfPower ? [] : risingRevisionists(ctx, r);
        if (!withThreat && rising.length === 0) return [];
        const partner = withThreat ? threat : rising[0]!;
        const who = withThreat
          ? `${ctx.name(partner)}, its top threat, although Walt would not expect it to (it was not weak, or a coalition could have stopped the threat)`
          : `${ctx.name(partner)}, a rising power with aggressive aims`;
        return [
          {
            round: r.round,
            states: [r.state, partner],
            text: `In round ${r.round}, ${ctx.name(r.state)} sided with ${who}. Schweller calls joining a rising, revisionist power for gain "bandwagoning for profit"; a buck-passing reading says it turned the threat towards others. What did ${ctx.name(r.state)} hope to win, and did it get it?`,
          },
        ];
      }),
  },
  {
    // Walt's bandwagoning: a weak state joining its top threat because no coalition could stop it.
    id: "weak-bandwagon",
    theory: "bandwagoning",
    sources: ["Walt (1987), The Origins of Alliances", BUCK_PASSING, "David (1991), Explaining Third World Alignment"],
    find: (ctx) =>
      ctx.table
        .filter((r) => r.matched.bandwagon && r.predictions.bandwagon.likely)
        .map((r) => ({
          round: r.round,
          states: [r.state, r.predictions.bandwagon.with],
          text: `In round ${r.round}, ${ctx.name(r.state)}, far weaker than ${ctx.name(r.predictions.bandwagon.with)}, made a pact with it instead of resisting. Walt calls that bandwagoning and expects it from weak states with no allies to turn to; the rival reading is buck-passing, a pact that turns the threat against others (like the Soviet Union's with Germany in August 1939), and Steven David's omnibalancing asks whether its leaders feared something at home more. Which reading fits, and was there really no coalition it could have joined?`,
        })),
  },
];

/** The questions whose trigger happened in this game, in the order of QUESTIONS; each names its first occurrence. */
export function discussionQuestions(ctx: QuestionContext): DiscussionQuestion[] {
  const out: DiscussionQuestion[] = [];
  for (const q of QUESTIONS) {
    const hits = q.find(ctx);
    const first = hits[0];
    if (!first) continue;
    out.push({ id: q.id, round: first.round, states: first.states, occurrences: hits.length, theory: q.theory, sources: q.sources, question: capitalise(first.text) });
  }
  return out;
}
