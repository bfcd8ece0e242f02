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
import type { SessionEvent, Session, SeatControl } from "../classroom/types.js";
import { ranking } from "../rules/scoring.js";
import type { Action, Budget, Pair, ScoreLine } from "../rules/types.js";
import { actionText, eventText } from "../classroom/event-text.js";
import { powerShares } from "../theory/power.js";
import type { BalancingStrength } from "../theory/predict.js";
import type { Component } from "../theory/threat.js";
import { nameInText, type Theory } from "../theory/world.js";
import { capitalise, joinList } from "../format.js";
import { addToFit, emptyFit, finishFit, specificitySentence, verdictSentence, type FitRow, type FitTable } from "./fit.js";
import { discussionQuestions, type DiscussionQuestion } from "./questions.js";
import { roundTo } from "../format.js";

export type { DiscussionQuestion } from "./questions.js";
export type { FitCount, FitTable } from "./fit.js";
export { verdictSentence } from "./fit.js";

export interface DebriefOptions {
  /** Include chat excerpts (the teacher chose to reveal chats). */
  revealChat: boolean;
  /** Replace nicknames by "Player 1", "Player 2"… (in join order), also inside chat texts. */
  anonymize: boolean;
}

export interface TheoryRow {
  round: number;
  state: string;
  name: string;
  /** Who played the state when the round was resolved: "team", "empty" or a bot policy. */
  playedBy: SeatControl;
  powerShare: number;
  predictions: {
    balanceOfPower: {
      /** The leading bloc to align against, or null for the leader itself (no prediction). */
      against: string[] | null;
      partners: string[];
      leadingBloc: string[];
      leadingShare: number;
      /** Levy and Thompson: strong (a single land power with a third or more), weak, or maritime. */
      strength: BalancingStrength;
      strong: boolean;
      /** Leaders of the blocs tied for the lead, or null. */
      tie: string[] | null;
      leaveBloc: boolean;
      reason: string;
    };
    balanceOfThreat: { against: string; tiedWith: string[]; camp: string[]; partners: string[]; decidedBy: Component[]; runnerUp: string | null; reason: string };
    bandwagon: { with: string; likely: boolean; reason: string };
    divergent: boolean;
  };
  did: { allies: string[]; offers: string[]; leaving: string[]; action: Action; actionText: string; budget: Budget };
  matched: { balanceOfPower: boolean | null; balanceOfThreat: boolean; bandwagon: boolean; alone: boolean; theories: Theory[] };
  score: ScoreLine | null;
}

export interface DivergentChoice {
  state: string;
  /** The leading bloc balance of power pointed at, and the top threat balance of threat pointed at. */
  powerAgainst: string[];
  threatAgainst: string;
  /** Which side the state chose. */
  chose: "threat" | "power" | "both" | "bandwagon" | "alone" | "neither";
  matched: Theory[];
}

export interface TimelineItem {
  round: number;
  at: number;
  kind: string;
  /** The states involved (for filtering and highlighting). */
  states: string[];
  text: string;
}

export interface ChatExcerpt {
  id: number;
  round: number;
  at: number;
  channel: string;
  /** "Teacher", a nickname, or "Player N" when anonymized. */
  from: string;
  state: string | null;
  text: string;
}

export interface Debrief {
  format: "entente-debrief/1";
  code: string;
  options: DebriefOptions;
  summary: {
    scenario: { id: string; title: string };
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
  };
  states: { id: string; name: string; color: string | null; position: [number, number]; control: SeatControl; team: boolean }[];
  /** Power shares per state, index 0 = the start of the game, index r = the end of round r. */
  power: { rounds: number[]; shares: Record<string, number[]> };
  /** The alliance network: round 0 = the start, then the end of each round. */
  alliances: { round: number; pairs: Pair[] }[];
  timeline: TimelineItem[];
  theoryTable: TheoryRow[];
  divergent: { count: number; rounds: { round: number; choices: DivergentChoice[]; text: string }[] };
  fit: {
    /** The states the class's teams played when each round was resolved: the verdict counts these. */
    teams: FitTable;
    /** The states played by bots (or nobody), apart. */
    bots: FitTable;
    /** Everything together. */
    overall: FitTable;
    /** Per round, the teams' alignments only. */
    byRound: ({ round: number } & FitTable)[];
    byTeam: ({ state: string; members: string[] } & FitTable)[];
  };
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

/** Nicknames as shown: themselves, or "Player N" in join order when anonymized. */
function aliasMap(session: Session, anonymize: boolean): Map<string, string> {
  const map = new Map<string, string>();
  Object.values(session.students).forEach((s, i) => map.set(s.id, anonymize ? `Player ${i + 1}` : s.nickname));
  return map;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function hideNicknames(text: string, session: Session, aliases: Map<string, string>): string {
  let out = text;
  // Longest first, so that "Ann-Marie" is replaced before "Ann".
  const students = Object.values(session.students).sort((a, b) => b.nickname.length - a.nickname.length);
  for (const s of students) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}_])${escapeRegExp(s.nickname)}(?![\\p{L}\\p{N}_])`, "giu");
    out = out.replace(re, aliases.get(s.id) ?? "a player");
  }
  return out;
}

function eventStates(e: SessionEvent): string[] {
  switch (e.type) {
    case "allianceFormed":
      return [e.a, e.b];
    case "allianceLeft":
      return [e.by, e.ally];
    case "threat":
      return [e.from, e.to];
    case "war":
      return [...new Set([e.target, ...e.attackers, ...e.defenders, ...e.draggedIn])];
    case "actionCancelled":
      return [e.by];
    case "seatChanged":
      return [e.state];
    default:
      return [];
  }
}

const TIMELINE_KINDS = new Set(["allianceFormed", "allianceLeft", "threat", "war", "crisis", "seatChanged", "actionCancelled", "announcement", "gameStarted", "gameEnded"]);

function timelineText(e: SessionEvent, name: (id: string) => string): string | null {
  return TIMELINE_KINDS.has(e.type) ? eventText(e, name) : null;
}

function divergentChoice(row: TheoryRow): DivergentChoice {
  const m = row.matched;
  const chose: DivergentChoice["chose"] =
    m.balanceOfThreat && m.balanceOfPower ? "both" : m.balanceOfThreat ? "threat" : m.balanceOfPower ? "power" : m.bandwagon ? "bandwagon" : m.alone ? "alone" : "neither";
  return {
    state: row.state,
    powerAgainst: row.predictions.balanceOfPower.against ?? [],
    threatAgainst: row.predictions.balanceOfThreat.against,
    chose,
    matched: m.theories,
  };
}

const CHOICE_WORDS: Record<DivergentChoice["chose"], string> = {
  threat: "sided against its top threat",
  power: "sided against the leading bloc",
  both: "found partners that answered both",
  bandwagon: "joined its top threat",
  alone: "stood alone",
  neither: "matched neither balancing theory",
};

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

  // Who played each state when each round was resolved: the initial seats, then the seat changes in order.
  const initial = createSession(session.scenario, session.settings, session.code, session.createdAt);
  const control: Record<string, SeatControl> = { ...initial.control };
  const controlAtRound = new Map<number, Record<string, SeatControl>>();
  for (const t of session.timeline) {
    if (t.event.type === "seatChanged") control[t.event.state] = t.event.control;
    if (t.event.type === "roundResolved") controlAtRound.set(t.event.round, { ...control });
  }

  // --- power and alliances over time --------------------------------------
  const startShares = powerShares(initial.game);
  const power: Debrief["power"] = { rounds: [0], shares: Object.fromEntries(game.states.map((s) => [s.id, [roundTo(startShares.get(s.id) ?? 0, 4)]])) };
  const alliances: Debrief["alliances"] = [{ round: 0, pairs: initial.game.alliances.map((p) => [p[0], p[1]] as Pair) }];
  for (const h of game.history) {
    const shares = powerShares({ states: h.powers });
    power.rounds.push(h.round);
    for (const s of game.states) power.shares[s.id]!.push(roundTo(shares.get(s.id) ?? 0, 4));
    alliances.push({ round: h.round, pairs: h.alliances.map((p) => [p[0], p[1]] as Pair) });
  }

  // --- the theory table ---------------------------------------------------
  const theoryTable: TheoryRow[] = [];
  for (const h of game.history) {
    const seats = controlAtRound.get(h.round) ?? session.control;
    for (const s of game.states) {
      const p = h.predictions.states[s.id];
      const a = h.alignments[s.id];
      const d = h.decisions[s.id];
      if (!p || !a || !d) continue;
      theoryTable.push({
        round: h.round,
        state: s.id,
        name: s.name,
        playedBy: seats[s.id] ?? "empty",
        powerShare: roundTo(p.powerShare, 4),
        predictions: {
          balanceOfPower: {
            against: p.balanceOfPower.against,
            partners: p.balanceOfPower.partners,
            leadingBloc: p.balanceOfPower.bloc,
            leadingShare: roundTo(p.balanceOfPower.share, 4),
            strength: p.balanceOfPower.strength,
            strong: p.balanceOfPower.strong,
            tie: p.balanceOfPower.tie,
            leaveBloc: p.balanceOfPower.leaveBloc,
            reason: p.balanceOfPower.reason,
          },
          balanceOfThreat: {
            against: p.balanceOfThreat.against,
            tiedWith: p.balanceOfThreat.tiedWith,
            camp: p.balanceOfThreat.camp,
            partners: p.balanceOfThreat.partners,
            decidedBy: p.balanceOfThreat.decidedBy,
            runnerUp: p.balanceOfThreat.runnerUp,
            reason: p.balanceOfThreat.reason,
          },
          bandwagon: { with: p.bandwagon.with, likely: p.bandwagon.likely, reason: p.bandwagon.reason },
          divergent: p.divergent,
        },
        did: {
          allies: a.allies,
          offers: a.offers,
          leaving: [...d.leaving].sort(),
          action: d.action,
          actionText: actionText(d.action, inText),
          budget: { economy: d.budget.economy, defense: d.budget.defense, offense: d.budget.offense },
        },
        matched: { balanceOfPower: a.balanceOfPower, balanceOfThreat: a.balanceOfThreat, bandwagon: a.bandwagon, alone: a.alone, theories: a.matches },
        score: h.scores[s.id] ?? null,
      });
    }
  }

  // --- fit: the class's teams first, bot-played seats apart ----------------
  const fitRow = (row: TheoryRow): FitRow => ({
    matched: row.matched,
    allowed: {
      "balance-of-power": row.predictions.balanceOfPower.against === null ? null : row.predictions.balanceOfPower.partners.length,
      "balance-of-threat": row.predictions.balanceOfThreat.partners.length,
      bandwagon: 1 + row.predictions.balanceOfThreat.tiedWith.length,
    },
    divergent: row.predictions.divergent,
  });
  const teamsFit = emptyFit();
  const botsFit = emptyFit();
  const overall = emptyFit();
  const byRoundMap = new Map<number, { round: number } & ReturnType<typeof emptyFit>>();
  const teamStates = new Set(session.teams);
  const byTeamMap = new Map(session.teams.map((id) => [id, { state: id, members: membersOf(id), ...emptyFit() }]));
  for (const h of game.history) byRoundMap.set(h.round, { round: h.round, ...emptyFit() });
  for (const row of theoryTable) {
    const f = fitRow(row);
    addToFit(overall, f);
    if (row.playedBy === "team") {
      addToFit(teamsFit, f);
      addToFit(byRoundMap.get(row.round)!, f);
      const team = byTeamMap.get(row.state);
      if (team) addToFit(team, f);
    } else {
      addToFit(botsFit, f);
    }
  }
  const fit: Debrief["fit"] = {
    teams: finishFit(teamsFit),
    bots: finishFit(botsFit),
    overall: finishFit(overall),
    byRound: [...byRoundMap.values()].map((r) => finishFit(r)),
    byTeam: [...byTeamMap.values()].map((r) => finishFit(r)),
  };
  const teamsPlayed = fit.teams.alignments > 0;
  const verdict = teamsPlayed ? verdictSentence(fit.teams, "Your teams'") : verdictSentence(fit.bots, fit.bots.alignments > 0 ? "No team played a state; the bots'" : "The");
  const specificity = specificitySentence(teamsPlayed ? fit.teams : fit.bots);
  const botsLine = teamsPlayed && fit.bots.alignments > 0 ? verdictSentence(fit.bots, "The bot-played states'") : null;

  // --- divergent rounds -----------------------------------------------------
  const divergentRounds: Debrief["divergent"]["rounds"] = [];
  for (const h of game.history) {
    const rows = theoryTable.filter((r) => r.round === h.round && r.predictions.divergent);
    if (rows.length === 0) continue;
    const choices = rows.map(divergentChoice);
    const text = `Round ${h.round}: the theories disagreed for ${rows.length} state${rows.length === 1 ? "" : "s"}. ${capitalise(
      choices
        .map((c) => `${inText(c.state)} (power said: against ${joinList(c.powerAgainst.map(inText)) || "nobody"}; threat said: against ${inText(c.threatAgainst)}) ${CHOICE_WORDS[c.chose]}`)
        .join("; "),
    )}.`;
    divergentRounds.push({ round: h.round, choices, text });
  }

  // --- timeline -------------------------------------------------------------
  const timeline: TimelineItem[] = [];
  for (const t of session.timeline) {
    if (!TIMELINE_KINDS.has(t.event.type)) continue;
    const text = timelineText(t.event, inText);
    if (text) timeline.push({ round: t.round, at: t.at, kind: t.event.type, states: eventStates(t.event), text });
  }

  // --- summary --------------------------------------------------------------
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

  const chat: ChatExcerpt[] | null = options.revealChat
    ? session.chat.map((m) => ({
        id: m.id,
        round: m.round,
        at: m.at,
        channel: m.channel,
        from: m.from.kind === "teacher" ? "Teacher" : (aliases.get(m.from.studentId) ?? (options.anonymize ? "a player" : m.from.nickname)),
        state: m.from.kind === "student" ? m.from.state : null,
        text: options.anonymize ? hideNicknames(m.text, session, aliases) : m.text,
      }))
    : null;

  return {
    format: "entente-debrief/1",
    code: session.code,
    options: { revealChat: options.revealChat, anonymize: options.anonymize },
    summary: {
      scenario: { id: session.scenario.id, title: session.scenario.title },
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
    },
    states: game.states.map((s) => {
      const scen = session.scenario.states.find((x) => x.id === s.id) as { color?: string } | undefined;
      return { id: s.id, name: s.name, color: scen?.color ?? null, position: [s.position[0], s.position[1]], control: session.control[s.id] ?? "empty", team: teamStates.has(s.id) };
    }),
    power,
    alliances,
    timeline,
    theoryTable,
    divergent: { count: fit.overall.divergent, rounds: divergentRounds },
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
