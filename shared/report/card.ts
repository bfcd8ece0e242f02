// A student's report card: their state's decisions round by round, what each
// theory predicted and why, their score and its breakdown, and one reflection
// question drawn from their own game. Built from the debrief, so it agrees with
// what the teacher projects; and what a student may see follows the live
// game's rules (shared/classroom/visibility.ts): the theories' predictions only
// while the teacher shows them or once the game has ended, and the scores of
// the theory challenge without the secret theories' points until the end.
import type { Session } from "../classroom/types.js";
import { predictionsRevealed, publicTotals } from "../classroom/visibility.js";
import { nameInText, THEORY_NAMES } from "../theory/world.js";
import { capitalise, joinList } from "../format.js";
import { countFit, emptyFitCounts, type FitCounts } from "../theory/classify.js";
import { buildDebrief, type TheoryRow } from "./debrief.js";
import { theoryCards, type TheoryCard } from "./plain-words.js";

export interface ReportCard {
  format: "entente-card/1";
  code: string;
  scenario: { id: string; title: string };
  phase: Session["phase"];
  nickname: string;
  state: string;
  stateName: string;
  /** Every state's name by id, to show states by name (the rounds' allies and offers are ids). */
  names: Record<string, string>;
  /** The state's total as everyone sees it (see publicTotals), and its rank among those totals. */
  total: number;
  rank: number;
  of: number;
  rounds: CardRound[];
  /** Each round's predictions in plain words, one card per theory (report/plain-words.ts); empty while the predictions are hidden. */
  explained: { round: number; cards: TheoryCard[] }[];
  /** How many of the student's rounds each theory explained. */
  fit: FitCounts;
  reflection: string;
}

/** A round on the card: the debrief's row, with the predictions null while they are hidden from students. */
export type CardRound = Omit<TheoryRow, "predictions"> & { predictions: TheoryRow["predictions"] | null };

const GENERAL_REFLECTION =
  "Which of the three theories best describes your team's choices, and what in the situation (power, distance, offensive forces, past deeds) made you choose that way?";

/** The reflection question: the sharpest moment of this state's game, in a question. `name` gives a name inside a sentence. */
export function reflectionQuestion(rows: TheoryRow[], name: (id: string) => string): string {
  const divergent = rows.find((r) => r.predictions.divergent && r.predictions.balanceOfPower.against !== null);
  if (divergent) {
    const p = divergent.predictions;
    const chose = divergent.matched.theories.length > 0 ? `your alliances matched ${divergent.matched.theories.map((t) => THEORY_NAMES[t]).join(" and ")}` : divergent.matched.alone ? "you stood alone" : "your alliances matched neither";
    return `In round ${divergent.round} the theories disagreed for ${name(divergent.state)}: balance of power said to balance against ${joinList(p.balanceOfPower.against!.map(name))}, balance of threat against ${name(p.balanceOfThreat.against)} (decided by ${joinList(p.balanceOfThreat.decidedBy)}). ${capitalise(chose)}. What made your team choose as it did, and would you choose the same again?`;
  }
  const alone = rows.filter((r) => r.matched.alone).length;
  if (rows.length > 0 && alone * 2 >= rows.length) {
    return `${capitalise(name(rows[0]!.state))} stood alone in ${alone} of ${rows.length} rounds. Was that buck-passing, hoping others would stop the threat for you? What did it cost or gain you?`;
  }
  const band = rows.filter((r) => r.matched.bandwagon).length;
  if (band > 0) {
    return `${capitalise(name(rows[0]!.state))} allied with its top threat in ${band} round${band === 1 ? "" : "s"}. Was that bandwagoning out of weakness, or for profit? What would have happened if you had balanced instead?`;
  }
  return GENERAL_REFLECTION;
}

/**
 * The card of one student (null for an unknown or removed student, or one in no team).
 * Predictions and the reflection drawn from them appear only while predictions are revealed.
 */
export function buildReportCard(session: Session, studentId: string): ReportCard | null {
  const student = Object.hasOwn(session.students, studentId) ? session.students[studentId] : undefined;
  if (!student || student.removed || student.state === null) return null;
  const state = student.state;
  const debrief = buildDebrief(session, { revealChat: false, anonymize: false });
  const name = (id: string) => debrief.states.find((s) => s.id === id)?.name ?? id;
  const inText = (id: string) => {
    const s = session.game.states.find((x) => x.id === id);
    return s ? nameInText(s) : id;
  };
  const rows = debrief.theoryTable.filter((r) => r.state === state);
  const fit = emptyFitCounts();
  for (const r of rows) countFit(fit, r.matched);
  const reveal = predictionsRevealed(session);
  const totals = publicTotals(session);
  const ranking = Object.entries(totals).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  const rank = ranking.findIndex(([id]) => id === state) + 1;
  return {
    format: "entente-card/1",
    code: session.code,
    scenario: { id: session.scenario.id, title: session.scenario.title },
    phase: session.phase,
    nickname: student.nickname,
    state,
    stateName: name(state),
    names: Object.fromEntries(session.game.states.map((s) => [s.id, s.name])),
    total: totals[state] ?? 0,
    rank,
    of: ranking.length,
    rounds: reveal ? rows : rows.map((r) => ({ ...r, predictions: null })),
    explained: reveal
      ? session.game.history.flatMap((h) => {
          const p = h.predictions.states[state];
          const a = h.alignments[state];
          return p && a ? [{ round: h.round, cards: theoryCards(p, a, inText) }] : [];
        })
      : [],
    fit,
    reflection: reveal ? reflectionQuestion(rows, inText) : GENERAL_REFLECTION,
  };
}
