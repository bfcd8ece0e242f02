// The end-of-game report as data: final scores, each state's alignments
// classified against the theories round by round, and each theory's fit.
// Built only from the session (itself rebuilt from the stored log), so a live
// game and an archived one give the same report.
import type { Session } from "../classroom/types.js";
import { eventText } from "../classroom/event-text.js";
import { summarizeGame, type GameSummary } from "../sim/summary.js";
import { ranking } from "../rules/scoring.js";
import type { ScoreLine } from "../rules/types.js";

export interface GameReport {
  code: string;
  scenario: { id: string; title: string };
  phase: Session["phase"];
  roundsPlayed: number;
  rounds: number;
  scoring: Session["settings"]["scoring"];
  states: {
    id: string;
    name: string;
    /** Who played it at the end: "team", "empty" or a bot policy. */
    control: string;
    team: string[];
    /** The theory dealt in theory-challenge mode. */
    role: string | null;
    total: number;
    scores: ScoreLine[];
  }[];
  ranking: { id: string; total: number }[];
  theoryFit: GameSummary["theoryFit"];
  roundSummaries: GameSummary["rounds"];
  timeline: { round: number; at: number; text: string }[];
}

export function buildGameReport(session: Session): GameReport {
  const summary = summarizeGame(session.game, session.control);
  const totals = new Map(ranking(session.game).map((r) => [r.id, r.total]));
  return {
    code: session.code,
    scenario: { id: session.scenario.id, title: session.scenario.title },
    phase: session.phase,
    roundsPlayed: session.game.history.length,
    rounds: session.settings.rounds,
    scoring: session.settings.scoring,
    states: session.game.states.map((s) => ({
      id: s.id,
      name: s.name,
      control: session.control[s.id] ?? "empty",
      team: Object.values(session.students)
        .filter((st) => !st.removed && st.state === s.id)
        .map((st) => st.nickname),
      role: session.game.roles[s.id] ?? null,
      total: totals.get(s.id) ?? 0,
      scores: session.game.scores[s.id] ?? [],
    })),
    ranking: summary.final.ranking,
    theoryFit: summary.theoryFit,
    roundSummaries: summary.rounds,
    timeline: session.timeline
      .map((t) => {
        const text = t.event.type === "studentJoined" ? null : eventText(t.event, (id) => id);
        return text ? { round: t.round, at: t.at, text } : null;
      })
      .filter((x): x is { round: number; at: number; text: string } => x !== null),
  };
}
