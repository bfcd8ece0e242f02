// What the projector shows when the game is over: the podium (the top three
// states by score, marking those the class's teams played) and which theories
// the class's alignments fit. Public at the end of the game (every total and
// the theories' reasons are revealed then), so it goes into the synchronized
// state for every client, the projector included. Pure: built from the session.
import type { Session } from "../classroom/types.js";
import { publicTotals } from "../classroom/visibility.js";
import { THEORY_NAMES, type Theory } from "../theory/world.js";
import { buildDebrief } from "./debrief.js";
import { rankedTheories } from "./fit.js";
import { competitionPlaces, PODIUM_SIZE } from "./summary.js";

export interface FinalePlace {
  id: string;
  name: string;
  total: number;
  /** 1 for the top score; states with equal totals share a place. */
  place: number;
  /** A team of the class played it at the end (else a bot, or nobody). */
  team: boolean;
}

export interface FinaleFit {
  theory: Theory;
  name: string;
  matched: number;
  predicted: number;
  /** matched / predicted, 0-1. */
  share: number;
}

export interface Finale {
  /** The first three places by score, as the debrief's podium (ties share a place; every state tied into them is on it). */
  podium: FinalePlace[];
  /** Every state the class's teams played, with its place. */
  teams: FinalePlace[];
  /** Whose alignments the fit counts: the class's teams, or the bots when no team played a round. */
  fitOf: "teams" | "bots";
  /** The theories that predicted something, best fit first. */
  fit: FinaleFit[];
  /** The debrief's verdict in one sentence. */
  verdict: string;
}

/** The finale of an ended game (also callable earlier: it is then the standings so far). */
export function buildFinale(session: Session): Finale {
  const totals = publicTotals(session);
  const teamSeats = new Set(session.game.states.filter((s) => session.control[s.id] === "team").map((s) => s.id));
  const sorted = session.game.states
    .map((s) => ({ id: s.id, name: s.name, total: totals[s.id] ?? 0 }))
    .sort((a, b) => b.total - a.total || (a.id < b.id ? -1 : 1));
  const places: FinalePlace[] = competitionPlaces(sorted).map((s) => ({ ...s, team: teamSeats.has(s.id) }));
  const debrief = buildDebrief(session, { revealChat: false, anonymize: false });
  const fitOf = debrief.fit.teams.alignments > 0 ? "teams" : "bots";
  const table = debrief.fit[fitOf];
  return {
    podium: places.filter((p) => p.place <= PODIUM_SIZE),
    teams: places.filter((p) => p.team),
    fitOf,
    fit: rankedTheories(table).map((t) => ({ theory: t, name: THEORY_NAMES[t], matched: table[t].matched, predicted: table[t].predicted, share: table[t].share })),
    verdict: debrief.summary.verdict,
  };
}
