// The teacher's debrief as data: summary and verdict, power over time, the
// alliance network round by round, a timeline of events, the theory table
// (what each theory predicted for every state and round, why, what the state
// did and which theories it matched), the divergent rounds on their own,
// theory fit by round, overall and per team, the challenge roles, chat
// excerpts (only when revealed; anonymized on request) and discussion
// questions drawn from this game's own events. Pure and JSON-safe: built only
// from the session, itself rebuilt from the stored log, so a live game and an
// archived one give the same debrief. The page that draws it is separate.
import { createClassroom } from "../classroom/setup.js";
import type { ClassEvent, ClassroomState, SeatControl } from "../classroom/types.js";
import { ranking } from "../rules/scoring.js";
import type { Action, Budget, GameEvent, Pair, ScoreLine } from "../rules/types.js";
import { describeAction, describeEvent } from "../sim/summary.js";
import { countFit } from "../theory/classify.js";
import { powerShares } from "../theory/power.js";
import type { Component } from "../theory/threat.js";
import { THEORIES, THEORY_NAMES, type Theory } from "../theory/world.js";

export interface DebriefOptions {
  /** Include chat excerpts (the teacher chose to reveal chats). */
  revealChat: boolean;
  /** Replace nicknames by "Player 1", "Player 2"… (in join order), also inside chat texts. */
  anonymize: boolean;
}

export interface FitCount {
  matched: number;
  /** State-rounds for which the theory made a prediction (balance of power predicts nothing for the leader). */
  predicted: number;
  /** matched / predicted, 4 decimals (0 when nothing was predicted). */
  share: number;
}

export interface FitTable {
  /** State-rounds counted (each is one alignment). */
  alignments: number;
  "balance-of-power": FitCount;
  "balance-of-threat": FitCount;
  bandwagon: FitCount;
  /** Alignments that matched no theory at all. */
  none: number;
  /** Alignments standing alone (no allies, no offers). */
  alone: number;
  /** Alignments in rounds where the two balancing theories pointed at different adversaries. */
  divergent: number;
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
      strong: boolean;
      leaveBloc: boolean;
      reason: string;
    };
    balanceOfThreat: { against: string; partners: string[]; decidedBy: Component[]; runnerUp: string | null; reason: string };
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

export interface DiscussionQuestion {
  id: "threat-over-power" | "power-over-threat" | "chain-ganging" | "buck-passing" | "bandwagoning-for-profit" | "weak-bandwagon";
  /** The first time it happened, and how many times. */
  round: number;
  states: string[];
  occurrences: number;
  theory: string;
  sources: string[];
  question: string;
}

export interface Debrief {
  format: "entente-debrief/1";
  code: string;
  options: DebriefOptions;
  summary: {
    scenario: { id: string; title: string };
    phase: ClassroomState["phase"];
    roundsPlayed: number;
    rounds: number;
    scoring: "standard" | "challenge";
    teams: { state: string; name: string; control: SeatControl; members: string[] }[];
    ranking: { id: string; name: string; total: number }[];
    /** The top score (several states when tied); null before any round was scored. */
    winner: { states: string[]; names: string[]; total: number } | null;
    verdict: string;
  };
  states: { id: string; name: string; color: string | null; position: [number, number]; control: SeatControl; team: boolean }[];
  /** Power shares per state, index 0 = the start of the game, index r = the end of round r. */
  power: { rounds: number[]; shares: Record<string, number[]> };
  /** The alliance network: round 0 = the start, then the end of each round. */
  alliances: { round: number; pairs: Pair[] }[];
  timeline: TimelineItem[];
  theoryTable: TheoryRow[];
  divergent: { count: number; rounds: { round: number; choices: DivergentChoice[]; text: string }[] };
  fit: { overall: FitTable; byRound: ({ round: number } & FitTable)[]; byTeam: ({ state: string; members: string[] } & FitTable)[] };
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

const r4 = (x: number) => Math.round(x * 10000) / 10000;
const pct = (x: number) => `${Math.round(x * 100)}%`;

function emptyFit(): FitTable {
  const c = () => ({ matched: 0, predicted: 0, share: 0 });
  return { alignments: 0, "balance-of-power": c(), "balance-of-threat": c(), bandwagon: c(), none: 0, alone: 0, divergent: 0 };
}

function addToFit(fit: FitTable, row: TheoryRow): void {
  fit.alignments += 1;
  const m = row.matched;
  countFit(fit, m);
  if (m.theories.length === 0) fit.none += 1;
  if (m.alone) fit.alone += 1;
  if (row.predictions.divergent) fit.divergent += 1;
}

function finishFit<T extends FitTable>(fit: T): T {
  for (const t of THEORIES) fit[t].share = fit[t].predicted > 0 ? r4(fit[t].matched / fit[t].predicted) : 0;
  return fit;
}

const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** "Balance of threat explained 14 of 20 alignments, balance of power 6, bandwagoning 2; 3 stood alone." */
export function verdictSentence(fit: FitTable): string {
  if (fit.alignments === 0) return "No round was played, so there is no alignment to explain yet.";
  const order = [...THEORIES].sort((a, b) => fit[b].matched - fit[a].matched || THEORIES.indexOf(a) - THEORIES.indexOf(b));
  const [first, ...rest] = order as [Theory, ...Theory[]];
  let text = `${capital(THEORY_NAMES[first])} explained ${fit[first].matched} of ${fit.alignments} alignment${fit.alignments === 1 ? "" : "s"}, ${rest
    .map((t) => `${THEORY_NAMES[t]} ${fit[t].matched}`)
    .join(", ")}`;
  const extras: string[] = [];
  if (fit.alone > 0) extras.push(`${fit.alone} stood alone`);
  if (fit.divergent > 0) extras.push(`${fit.divergent} came in rounds where the theories disagreed`);
  if (extras.length > 0) text += `; ${extras.join(", ")}`;
  return `${text}.`;
}

/** Nicknames as shown: themselves, or "Player N" in join order when anonymized. */
function aliasMap(room: ClassroomState, anonymize: boolean): Map<string, string> {
  const map = new Map<string, string>();
  Object.values(room.students).forEach((s, i) => map.set(s.id, anonymize ? `Player ${i + 1}` : s.nickname));
  return map;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function hideNicknames(text: string, room: ClassroomState, aliases: Map<string, string>): string {
  let out = text;
  // Longest first, so that "Ann-Marie" is replaced before "Ann".
  const students = Object.values(room.students).sort((a, b) => b.nickname.length - a.nickname.length);
  for (const s of students) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}_])${escapeRegExp(s.nickname)}(?![\\p{L}\\p{N}_])`, "giu");
    out = out.replace(re, aliases.get(s.id) ?? "a player");
  }
  return out;
}

function eventStates(e: ClassEvent): string[] {
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

function timelineText(e: ClassEvent, name: (id: string) => string): string | null {
  switch (e.type) {
    case "seatChanged":
      return e.control === "team"
        ? `${name(e.state)} is played by its team`
        : e.control === "empty"
          ? `${name(e.state)} is played by nobody (its decisions stand)`
          : `${name(e.state)} was taken over by a ${THEORY_NAMES[e.control as Theory] ?? e.control} bot`;
    case "announcement":
      return `announcement: ${e.text}`;
    case "gameStarted":
      return "the game started";
    case "gameEnded":
      return e.reason === "completed" ? `the game ended after round ${e.round}` : `the teacher ended the game in round ${e.round}`;
    default:
      return TIMELINE_KINDS.has(e.type) ? describeEvent(e as GameEvent) : null;
  }
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

export function buildDebrief(room: ClassroomState, options: DebriefOptions): Debrief {
  const game = room.game;
  const names = new Map(game.states.map((s) => [s.id, s.name]));
  const name = (id: string) => names.get(id) ?? id;
  const aliases = aliasMap(room, options.anonymize);
  const membersOf = (state: string) =>
    Object.values(room.students)
      .filter((st) => !st.removed && st.state === state)
      .map((st) => aliases.get(st.id)!);

  // Who played each state when each round was resolved: the initial seats, then the seat changes in order.
  const initial = createClassroom(room.scenario, room.settings, room.code, room.createdAt);
  const control: Record<string, SeatControl> = { ...initial.control };
  const controlAtRound = new Map<number, Record<string, SeatControl>>();
  for (const t of room.timeline) {
    if (t.event.type === "seatChanged") control[t.event.state] = t.event.control;
    if (t.event.type === "roundResolved") controlAtRound.set(t.event.round, { ...control });
  }

  // --- power and alliances over time --------------------------------------
  const startShares = powerShares(initial.game);
  const power: Debrief["power"] = { rounds: [0], shares: Object.fromEntries(game.states.map((s) => [s.id, [r4(startShares.get(s.id) ?? 0)]])) };
  const alliances: Debrief["alliances"] = [{ round: 0, pairs: initial.game.alliances.map((p) => [p[0], p[1]] as Pair) }];
  for (const h of game.history) {
    const shares = powerShares({ states: h.powers });
    power.rounds.push(h.round);
    for (const s of game.states) power.shares[s.id]!.push(r4(shares.get(s.id) ?? 0));
    alliances.push({ round: h.round, pairs: h.alliances.map((p) => [p[0], p[1]] as Pair) });
  }

  // --- the theory table ---------------------------------------------------
  const theoryTable: TheoryRow[] = [];
  for (const h of game.history) {
    const seats = controlAtRound.get(h.round) ?? room.control;
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
        powerShare: r4(p.powerShare),
        predictions: {
          balanceOfPower: {
            against: p.balanceOfPower.against,
            partners: p.balanceOfPower.partners,
            leadingBloc: p.balanceOfPower.bloc,
            leadingShare: r4(p.balanceOfPower.share),
            strong: p.balanceOfPower.strong,
            leaveBloc: p.balanceOfPower.leaveBloc,
            reason: p.balanceOfPower.reason,
          },
          balanceOfThreat: {
            against: p.balanceOfThreat.against,
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
          actionText: describeAction(d.action),
          budget: { economy: d.budget.economy, defense: d.budget.defense, offense: d.budget.offense },
        },
        matched: { balanceOfPower: a.balanceOfPower, balanceOfThreat: a.balanceOfThreat, bandwagon: a.bandwagon, alone: a.alone, theories: a.matches },
        score: h.scores[s.id] ?? null,
      });
    }
  }

  // --- fit ------------------------------------------------------------------
  const overall = emptyFit();
  const byRoundMap = new Map<number, { round: number } & FitTable>();
  const teamStates = new Set(room.teams);
  const byTeamMap = new Map<string, { state: string; members: string[] } & FitTable>(
    room.teams.map((id) => [id, { state: id, members: membersOf(id), ...emptyFit() }]),
  );
  for (const row of theoryTable) {
    addToFit(overall, row);
    if (!byRoundMap.has(row.round)) byRoundMap.set(row.round, { round: row.round, ...emptyFit() });
    addToFit(byRoundMap.get(row.round)!, row);
    const team = byTeamMap.get(row.state);
    if (team) addToFit(team, row);
  }
  finishFit(overall);
  const byRound = [...byRoundMap.values()].map(finishFit);
  const byTeam = [...byTeamMap.values()].map(finishFit);

  // --- divergent rounds -----------------------------------------------------
  const divergentRounds: Debrief["divergent"]["rounds"] = [];
  for (const h of game.history) {
    const rows = theoryTable.filter((r) => r.round === h.round && r.predictions.divergent);
    if (rows.length === 0) continue;
    const choices = rows.map(divergentChoice);
    const text = `Round ${h.round}: the theories disagreed for ${rows.length} state${rows.length === 1 ? "" : "s"}. ${choices
      .map((c) => `${name(c.state)} (power said: against ${c.powerAgainst.map(name).join(" + ") || "nobody"}; threat said: against ${name(c.threatAgainst)}) ${CHOICE_WORDS[c.chose]}`)
      .join("; ")}.`;
    divergentRounds.push({ round: h.round, choices, text });
  }

  // --- timeline -------------------------------------------------------------
  const timeline: TimelineItem[] = [];
  for (const t of room.timeline) {
    if (!TIMELINE_KINDS.has(t.event.type)) continue;
    const text = timelineText(t.event, name);
    if (text) timeline.push({ round: t.round, at: t.at, kind: t.event.type, states: eventStates(t.event), text });
  }

  // --- summary --------------------------------------------------------------
  const ranks = ranking(game).map((r) => ({ id: r.id, name: name(r.id), total: r.total }));
  const top = ranks[0];
  const winners = top && game.history.length > 0 ? ranks.filter((r) => r.total === top.total) : [];
  const challenge: Debrief["challenge"] =
    room.settings.scoring === "challenge"
      ? {
          roles: game.states
            .filter((s) => game.roles[s.id] !== undefined)
            .map((s) => {
              const role = game.roles[s.id]!;
              const rows = theoryTable.filter((r) => r.state === s.id);
              const matched = rows.filter((r) => r.matched.theories.includes(role)).length;
              return { state: s.id, name: s.name, team: teamStates.has(s.id), role, matched, rounds: rows.length, share: rows.length ? r4(matched / rows.length) : 0 };
            }),
          guesses: game.states.map((s) => {
            const about = (room.guesses ?? []).filter((g) => g.about === s.id).map((g) => ({ by: g.by, theory: g.theory, right: g.theory === game.roles[s.id] }));
            return { state: s.id, guesses: about, right: about.filter((g) => g.right).length };
          }),
        }
      : null;

  const chat: ChatExcerpt[] | null = options.revealChat
    ? room.chat.map((m) => ({
        id: m.id,
        round: m.round,
        at: m.at,
        channel: m.channel,
        from: m.from.kind === "teacher" ? "Teacher" : (aliases.get(m.from.studentId) ?? (options.anonymize ? "a player" : m.from.nickname)),
        state: m.from.kind === "student" ? m.from.state : null,
        text: options.anonymize ? hideNicknames(m.text, room, aliases) : m.text,
      }))
    : null;

  return {
    format: "entente-debrief/1",
    code: room.code,
    options: { revealChat: options.revealChat, anonymize: options.anonymize },
    summary: {
      scenario: { id: room.scenario.id, title: room.scenario.title },
      phase: room.phase,
      roundsPlayed: game.history.length,
      rounds: room.settings.rounds,
      scoring: room.settings.scoring,
      teams: room.teams.map((id) => ({ state: id, name: name(id), control: room.control[id] ?? "empty", members: membersOf(id) })),
      ranking: ranks,
      winner: winners.length > 0 ? { states: winners.map((w) => w.id), names: winners.map((w) => w.name), total: top!.total } : null,
      verdict: verdictSentence(overall),
    },
    states: game.states.map((s) => {
      const scen = room.scenario.states.find((x) => x.id === s.id) as { color?: string } | undefined;
      return { id: s.id, name: s.name, color: scen?.color ?? null, position: [s.position[0], s.position[1]], control: room.control[s.id] ?? "empty", team: teamStates.has(s.id) };
    }),
    power,
    alliances,
    timeline,
    theoryTable,
    divergent: { count: overall.divergent, rounds: divergentRounds },
    fit: { overall, byRound, byTeam },
    challenge,
    chat,
    questions: discussionQuestions(room, theoryTable, name),
  };
}

/** Questions drawn from what happened in this game; a question appears only when its trigger happened. */
export function discussionQuestions(room: ClassroomState, table: TheoryRow[], name: (id: string) => string): DiscussionQuestion[] {
  const questions: DiscussionQuestion[] = [];
  const game = room.game;

  const threatSide = table.filter((r) => r.predictions.divergent && r.matched.balanceOfThreat && !r.matched.balanceOfPower);
  if (threatSide.length > 0) {
    const r = threatSide[0]!;
    const p = r.predictions;
    questions.push({
      id: "threat-over-power",
      round: r.round,
      states: [r.state],
      occurrences: threatSide.length,
      theory: "balance of threat against balance of power",
      sources: ["Walt (1987), The Origins of Alliances", "Waltz (1979), Theory of International Politics"],
      question: `In round ${r.round}, ${r.name} lined up against ${name(p.balanceOfThreat.against)}, its top threat (${p.balanceOfThreat.decidedBy.join(" and ")} decided it), rather than against the leading bloc of ${p.balanceOfPower.leadingBloc
        .map(name)
        .join(" + ")} with ${pct(p.balanceOfPower.leadingShare)} of all power. Walt would call that balancing against threat; what would Waltz say was the risk of ignoring the strongest?`,
    });
  }

  const powerSide = table.filter((r) => r.predictions.divergent && r.matched.balanceOfPower && !r.matched.balanceOfThreat);
  if (powerSide.length > 0) {
    const r = powerSide[0]!;
    const p = r.predictions;
    questions.push({
      id: "power-over-threat",
      round: r.round,
      states: [r.state],
      occurrences: powerSide.length,
      theory: "balance of power against balance of threat",
      sources: ["Waltz (1979), Theory of International Politics", "Walt (1987), The Origins of Alliances"],
      question: `In round ${r.round}, ${r.name} balanced against the strongest (${p.balanceOfPower.leadingBloc.map(name).join(" + ")}) although ${name(p.balanceOfThreat.against)} was its top threat. Was power alone the better guide here, or did ${r.name} leave its nearer danger unanswered?`,
    });
  }

  // Chain-ganging: a state dragged into a war by its pacts.
  const dragged: { round: number; war: Extract<GameEvent, { type: "war" }> }[] = [];
  for (const h of game.history) for (const e of h.events) if (e.type === "war" && e.draggedIn.length > 0) dragged.push({ round: h.round, war: e });
  if (dragged.length > 0) {
    const { round, war } = dragged[0]!;
    questions.push({
      id: "chain-ganging",
      round,
      states: war.draggedIn,
      occurrences: dragged.length,
      theory: "chain-ganging",
      sources: ["Christensen and Snyder (1990), Chain gangs and passed bucks"],
      question: `In round ${round}, ${war.draggedIn.map(name).join(" and ")} ${war.draggedIn.length === 1 ? "was" : "were"} dragged into the war on ${name(war.target)} by ${war.draggedIn.length === 1 ? "its" : "their"} alliances (the ${war.winner} won). Christensen and Snyder call this chain-ganging, as in 1914: was the alliance worth that risk, and could it have been written to avoid it?`,
    });
  }

  // Buck-passing: a state standing alone while threatened (the target of a threat or attack that round or the one before).
  const targets = new Map<number, Set<string>>();
  for (const h of game.history) {
    const set = new Set<string>();
    for (const e of h.events) {
      if (e.type === "threat") set.add(e.to);
      if (e.type === "war") set.add(e.target);
    }
    targets.set(h.round, set);
  }
  const alone = table.filter((r) => r.matched.alone && (targets.get(r.round)?.has(r.state) || targets.get(r.round - 1)?.has(r.state)));
  if (alone.length > 0) {
    const r = alone[0]!;
    questions.push({
      id: "buck-passing",
      round: r.round,
      states: [r.state],
      occurrences: alone.length,
      theory: "buck-passing",
      sources: ["Christensen and Snyder (1990), Chain gangs and passed bucks", "Mearsheimer (2001), The Tragedy of Great Power Politics"],
      question: `In round ${r.round}, ${r.name} was threatened yet stood alone, with no ally and no offer. Was it passing the buck, hoping others would balance for it as in the 1930s? Who, if anyone, caught the buck?`,
    });
  }

  // Bandwagoning for profit: allied with (or courting) the strongest state, not out of weakness.
  const joined = table.filter((r) => {
    const strongest = r.predictions.balanceOfPower.leadingBloc[0];
    if (!strongest || strongest === r.state) return false;
    const aligned = new Set([...r.did.allies, ...r.did.offers]);
    return aligned.has(strongest) && !r.predictions.bandwagon.likely;
  });
  if (joined.length > 0) {
    const r = joined[0]!;
    const strongest = r.predictions.balanceOfPower.leadingBloc[0]!;
    questions.push({
      id: "bandwagoning-for-profit",
      round: r.round,
      states: [r.state, strongest],
      occurrences: joined.length,
      theory: "bandwagoning for profit",
      sources: ["Schweller (1994), Bandwagoning for profit"],
      question: `In round ${r.round}, ${r.name} sided with ${name(strongest)}, the strongest state, although it was not weak enough to be forced to. Schweller says revisionist states join the rising power for gain: what did ${r.name} hope to win, and did it get it?`,
    });
  }

  // Walt's bandwagoning: a weak state joining its top threat because no coalition could stop it.
  const weak = table.filter((r) => r.matched.bandwagon && r.predictions.bandwagon.likely);
  if (weak.length > 0) {
    const r = weak[0]!;
    questions.push({
      id: "weak-bandwagon",
      round: r.round,
      states: [r.state, r.predictions.bandwagon.with],
      occurrences: weak.length,
      theory: "bandwagoning",
      sources: ["Walt (1987), The Origins of Alliances"],
      question: `In round ${r.round}, ${r.name}, far weaker than ${name(r.predictions.bandwagon.with)}, joined it instead of resisting. Walt expects this from weak states with no allies to turn to: was there really no coalition it could have joined?`,
    });
  }
  return questions;
}

