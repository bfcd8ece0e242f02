// The teacher's debrief as data: summary and verdict, power over time, the
// alliance network round by round, a timeline of events, the theory table
// (what each theory predicted for every state and round, why, what the state
// did and which theories it matched), the divergent rounds on their own,
// theory fit by round, overall and per team, the challenge roles, chat
// excerpts (only when revealed; anonymized on request) and discussion
// questions drawn from this game's own events. Pure and JSON-safe: built only
// from the session, itself rebuilt from the stored log, so a live game and an
// archived one give the same debrief. The page that draws it is separate.
import { createSession } from "../classroom/setup.js";
import type { SeatControl, Session } from "../classroom/types.js";
import { roundTo } from "../format.js";
import { ranking } from "../rules/scoring.js";
import type { Pair } from "../rules/types.js";
import { powerShares } from "../theory/power.js";
import { nameInText, type Theory } from "../theory/world.js";
import { aliasMap, chatExcerpts, type ChatExcerpt } from "./anonymize.js";
import { divergentRounds, divergentTable, type DivergentRound, type DivergentRow } from "./divergent.js";
import { fitTables, specificitySentence, verdictSentence, type FitTables } from "./fit.js";
import { discussionQuestions, type DiscussionQuestion } from "./questions.js";
import { buildTheoryTable, seatsByRound, type TheoryRow } from "./theory-table.js";
import { buildTimeline, type TimelineItem } from "./timeline.js";
import { podium, stateVerdicts, type PodiumPlace, type StateVerdict } from "./summary.js";

export type { ChatExcerpt } from "./anonymize.js";
export type { DivergentChoice, DivergentRound, DivergentRow } from "./divergent.js";
export type { PodiumPlace, StateVerdict } from "./summary.js";
export type { FitCount, FitTable, FitTables } from "./fit.js";
export type { DiscussionQuestion } from "./questions.js";
export type { TheoryRow } from "./theory-table.js";
export type { TimelineItem } from "./timeline.js";
export { verdictSentence } from "./fit.js";

export interface DebriefOptions {
  /** Include chat excerpts (the teacher chose to reveal chats). */
  revealChat: boolean;
  /** Replace nicknames by "Player 1", "Player 2"… (in join order), also inside chat texts. */
  anonymize: boolean;
}

export interface Debrief {
  format: "entente-debrief/1";
  code: string;
  options: DebriefOptions;
  summary: {
    scenario: { id: string; title: string };
    /** When the game was created (ms since 1970), for the printed header. */
    createdAt: number;
    phase: Session["phase"];
    roundsPlayed: number;
    rounds: number;
    scoring: "standard" | "challenge";
    teams: { state: string; name: string; control: SeatControl; members: string[] }[];
    ranking: { id: string; name: string; total: number }[];
    /** The top score (several states when tied); null before any round was scored. */
    winner: { states: string[]; names: string[]; total: number } | null;
    /** Which theories the class's own teams' alignments were consistent with, as rates (bots when no team played). */
    verdict: string;
    /** How many partners each theory allowed: a match with a narrower prediction says more. */
    specificity: string;
    /** The same for the states bots played (or nobody), reported apart; null when there were none. */
    bots: string | null;
    /** The top three places by score (ties share a place). */
    podium: PodiumPlace[];
    /** Which theory explained each state's choices best: the class's teams (their team-played rounds), and apart the states bots played (or nobody). */
    verdicts: { teams: StateVerdict[]; bots: StateVerdict[] };
  };
  states: { id: string; name: string; color: string | null; position: [number, number]; control: SeatControl; team: boolean }[];
  /** Power shares per state, index 0 = the start of the game, index r = the end of round r. */
  power: { rounds: number[]; shares: Record<string, number[]> };
  /** The alliance network: round 0 = the start, then the end of each round. */
  alliances: { round: number; pairs: Pair[] }[];
  timeline: TimelineItem[];
  theoryTable: TheoryRow[];
  /** `count`: alignments in divergent rounds; `rounds`: per round; `table`: one row per state and round whose predictions diverged. */
  divergent: { count: number; rounds: DivergentRound[]; table: DivergentRow[] };
  fit: FitTables;
  /** Theory-challenge mode only: the dealt theories and how well each state played its own. */
  challenge: {
    roles: { state: string; name: string; team: boolean; role: Theory; matched: number; rounds: number; share: number }[];
    /** The class's guesses: for each state, what the other teams guessed and how many were right. */
    guesses: { state: string; guesses: { by: string; theory: Theory; right: boolean }[]; right: number }[];
  } | null;
  /** Only when chats are revealed. */
  chat: ChatExcerpt[] | null;
  questions: DiscussionQuestion[];
}

/** Builds the debrief from a session (live, or rebuilt from a stored log). Pure. */
export function buildDebrief(session: Session, options: DebriefOptions): Debrief {
  const game = session.game;
  const byId = new Map(game.states.map((s) => [s.id, s]));
  /** The state's name as a label (tables, rankings). */
  const name = (id: string) => byId.get(id)?.name ?? id;
  /** The state's name inside a sentence ("the Soviet Union"). */
  const inText = (id: string) => {
    const s = byId.get(id);
    return s ? nameInText(s) : id;
  };
  const aliases = aliasMap(session, options.anonymize);
  const membersOf = (state: string) =>
    Object.values(session.students)
      .filter((st) => !st.removed && st.state === state)
      .map((st) => aliases.get(st.id)!);
  const teamStates = new Set(session.teams);
  const rounds = game.history.map((h) => h.round);

  // Power and alliances over time, from the start (round 0).
  const initial = createSession(session.scenario, session.settings, session.code, session.createdAt);
  const startShares = powerShares(initial.game);
  const power: Debrief["power"] = { rounds: [0], shares: Object.fromEntries(game.states.map((s) => [s.id, [roundTo(startShares.get(s.id) ?? 0, 4)]])) };
  const alliances: Debrief["alliances"] = [{ round: 0, pairs: initial.game.alliances.map((p) => [p[0], p[1]] as Pair) }];
  for (const h of game.history) {
    const shares = powerShares({ states: h.powers });
    power.rounds.push(h.round);
    for (const s of game.states) power.shares[s.id]!.push(roundTo(shares.get(s.id) ?? 0, 4));
    alliances.push({ round: h.round, pairs: h.alliances.map((p) => [p[0], p[1]] as Pair) });
  }

  const theoryTable = buildTheoryTable(session, seatsByRound(session, initial.control), inText);
  const fit = fitTables(theoryTable, rounds, session.teams, membersOf);
  const teamsPlayed = fit.teams.alignments > 0;
  const verdict = teamsPlayed ? verdictSentence(fit.teams, "Your teams'") : verdictSentence(fit.bots, fit.bots.alignments > 0 ? "No team played a state; the bots'" : "The");
  const specificity = specificitySentence(teamsPlayed ? fit.teams : fit.bots);
  const botsLine = teamsPlayed && fit.bots.alignments > 0 ? verdictSentence(fit.bots, "The bot-played states'") : null;

  const ranks = ranking(game).map((r) => ({ id: r.id, name: name(r.id), total: r.total }));
  const top = ranks[0];
  const winners = top && game.history.length > 0 ? ranks.filter((r) => r.total === top.total) : [];
  const challenge: Debrief["challenge"] =
    session.settings.scoring === "challenge"
      ? {
          roles: game.states
            .filter((s) => game.roles[s.id] !== undefined)
            .map((s) => {
              const role = game.roles[s.id]!;
              const rows = theoryTable.filter((r) => r.state === s.id);
              const matched = rows.filter((r) => r.matched.theories.includes(role)).length;
              return { state: s.id, name: s.name, team: teamStates.has(s.id), role, matched, rounds: rows.length, share: rows.length ? roundTo(matched / rows.length, 4) : 0 };
            }),
          guesses: game.states.map((s) => {
            const about = session.guesses.filter((g) => g.about === s.id).map((g) => ({ by: g.by, theory: g.theory, right: g.theory === game.roles[s.id] }));
            return { state: s.id, guesses: about, right: about.filter((g) => g.right).length };
          }),
        }
      : null;

  const chat = chatExcerpts(session, options, aliases);

  return {
    format: "entente-debrief/1",
    code: session.code,
    options: { revealChat: options.revealChat, anonymize: options.anonymize },
    summary: {
      scenario: { id: session.scenario.id, title: session.scenario.title },
      createdAt: session.createdAt,
      phase: session.phase,
      roundsPlayed: game.history.length,
      rounds: session.settings.rounds,
      scoring: session.settings.scoring,
      teams: session.teams.map((id) => ({ state: id, name: name(id), control: session.control[id] ?? "empty", members: membersOf(id) })),
      ranking: ranks,
      winner: winners.length > 0 ? { states: winners.map((w) => w.id), names: winners.map((w) => w.name), total: top!.total } : null,
      verdict,
      specificity,
      bots: botsLine,
      podium: podium(ranks, teamStates, membersOf),
      verdicts: {
        teams: stateVerdicts(theoryTable, game.states, (r) => r.playedBy === "team", membersOf),
        bots: stateVerdicts(theoryTable, game.states, (r) => r.playedBy !== "team", () => []),
      },
    },
    states: game.states.map((s) => {
      const scen = session.scenario.states.find((x) => x.id === s.id) as { color?: string } | undefined;
      return { id: s.id, name: s.name, color: scen?.color ?? null, position: [s.position[0], s.position[1]], control: session.control[s.id] ?? "empty", team: teamStates.has(s.id) };
    }),
    power,
    alliances,
    timeline: buildTimeline(session, inText),
    theoryTable,
    divergent: { count: fit.overall.divergent, rounds: divergentRounds(theoryTable, rounds, inText), table: divergentTable(theoryTable, name) },
    fit,
    challenge,
    chat,
    questions: discussionQuestions({
      session,
      table: theoryTable,
      name: inText,
      share: (id, index) => power.shares[id]?.[Math.max(0, Math.min(index, power.rounds.length - 1))] ?? 0,
    }),
  };
}
