// The synchronized state, decoded once per update into plain typed data
// (shared/protocol/codec.ts decodes the few values that travel as text), and
// what the pages derive from it: the model's World (the intel panel runs the
// shared theory engine on it), the map's data, names. Pages never read the
// Colyseus schema directly.
import type { ClassroomSchema } from "../../../server/rooms/schema.js";
import type { Phase, SeatControl } from "../../../shared/classroom/types.js";
import { decodeFinale, decodeFit, decodeGuesses, decodeMatches, decodeOffer, decodePair, decodeScores, decodeTeamRounds, type OfferEnd, type TeamRound } from "../../../shared/protocol/codec.js";
import type { DraftFit } from "../../../shared/rules/draft-status.js";
import type { Action, Budget, ScoreLine } from "../../../shared/rules/types.js";
import type { DeedKind } from "../../../shared/scenario/schema.js";
import { threatTo, type ThreatComponents } from "../../../shared/theory/threat.js";
import { nameInText, type Claim, type Deed, type Pair, type Theory, type World } from "../../../shared/theory/world.js";
import type { MapData } from "../map/types.js";
import type { Finale } from "../../../shared/report/finale.js";

export interface SyncedState {
  id: string;
  name: string;
  article: "the" | null;
  /** "#rrggbb", or "" for the palette's. */
  color: string;
  /** Position in km. */
  x: number;
  y: number;
  economy: number;
  defense: number;
  offense: number;
  /** Share of all power, 0-1. */
  powerShare: number;
  control: SeatControl;
  ready: boolean;
  members: number;
  connected: number;
  score: number;
  maritime: boolean;
  revisionist: boolean;
  ideology: string | null;
}

export interface SyncedStudent {
  id: string;
  nickname: string;
  state: string | null;
  connected: boolean;
  muted: boolean;
}

/** A team's private entry (its own team for a student; every team for the teacher). */
export interface SyncedTeam {
  state: string;
  budget: Budget;
  action: Action;
  /** This round: a budget saved, an action chosen ("none" included); isDraftComplete in shared/rules/draft-status.ts. */
  budgetSaved: boolean;
  actionChosen: boolean;
  leaving: string[];
  offersOut: OfferEnd[];
  offersIn: OfferEnd[];
  /** Theory challenge: the theory dealt to this team. */
  role: Theory | null;
  scores: ScoreLine[];
  rounds: TeamRound[];
  guesses: Record<string, Theory>;
}

/** What the theories predict for a state this round (its team sees it while predictions are shown; the teacher always). */
export interface SyncedTheory {
  state: string;
  balanceOfPower: string;
  balanceOfThreat: string;
  bandwagon: string;
  topThreat: string;
  divergent: boolean;
  /** During diplomacy: whether the team's draft so far fits each theory (null: no prediction). */
  draftFit: DraftFit | null;
  /** The last resolved round's classification, or null before any. */
  last: { alone: boolean; matches: Theory[] } | null;
}

/** A crisis of the current round, with what it changes in words (shared/classroom/news.ts). */
export interface SyncedCrisis {
  id: string;
  round: number;
  title: string;
  text: string;
  changes: string[];
}

export interface Synced {
  code: string;
  title: string;
  scenarioId: string;
  /** Names the scenario's map geometry (/maps/<mapKey>.json). */
  mapKey: string;
  phase: Phase;
  round: number;
  rounds: number;
  paused: boolean;
  /** When diplomacy ends (server time, ms), or null. */
  deadline: number | null;
  /** Milliseconds left while paused, or null. */
  remaining: number | null;
  chatMode: "open" | "private" | "off";
  scoring: "standard" | "challenge";
  showPredictions: boolean;
  /** The teacher closed the game to new players. */
  locked: boolean;
  distanceScale: number;
  reach: number;
  announcement: string;
  /** Once the game has ended: the podium and the class's theory fit (public); null before. */
  finale: Finale | null;
  /** When the latest announcement was made (server ms), 0 if none. */
  announcementAt: number;
  /** The current round's crises, oldest first. */
  crises: SyncedCrisis[];
  states: SyncedState[];
  students: SyncedStudent[];
  alliances: Pair[];
  borders: Pair[];
  deeds: Deed[];
  claims: Claim[];
  rivalIdeologies: Pair[];
  teams: Map<string, SyncedTeam>;
  theory: Map<string, SyncedTheory>;
}

/**
 * The schema state as a client receives it (decoded by reflection, no initial values):
 * `teams` and `theory` are filtered per client (StateView), and a projector, which has
 * no view, never receives them. Every other field comes with the first full state.
 */
export type ReceivedSchema = Omit<ClassroomSchema, "teams" | "theory"> & Partial<Pick<ClassroomSchema, "teams" | "theory">>;

/** Decodes the schema state (call once per update, after it has arrived). */
export function decode(s: ReceivedSchema): Synced {
  const states: SyncedState[] = [];
  s.states.forEach((p) =>
    states.push({
      id: p.id,
      name: p.name,
      article: p.article === "the" ? "the" : null,
      color: p.color,
      x: p.x,
      y: p.y,
      economy: p.economy,
      defense: p.defense,
      offense: p.offense,
      powerShare: p.powerShare,
      control: p.control as SeatControl,
      ready: p.ready,
      members: p.members,
      connected: p.connected,
      score: p.score,
      maritime: p.maritime,
      revisionist: p.revisionist,
      ideology: p.ideology || null,
    }),
  );
  const students: SyncedStudent[] = [];
  s.students.forEach((st) => students.push({ id: st.id, nickname: st.nickname, state: st.state || null, connected: st.connected, muted: st.muted }));
  const teams = new Map<string, SyncedTeam>();
  // `teams` and `theory` are filtered per client (StateView): a projector has neither.
  s.teams?.forEach((t, id) =>
    teams.set(id, {
      state: t.state,
      budget: { economy: t.economy, defense: t.defense, offense: t.offense },
      action: t.actionKind === "threaten" || t.actionKind === "attack" ? { kind: t.actionKind, target: t.actionTarget } : { kind: "none" },
      budgetSaved: t.budgetSaved,
      actionChosen: t.actionChosen,
      leaving: [...t.leaving],
      offersOut: [...t.offersOut].map(decodeOffer),
      offersIn: [...t.offersIn].map(decodeOffer),
      role: (t.role || null) as Theory | null,
      scores: decodeScores(t.scoresJson),
      rounds: decodeTeamRounds(t.historyJson),
      guesses: decodeGuesses(t.guessesJson),
    }),
  );
  const theory = new Map<string, SyncedTheory>();
  s.theory?.forEach((v, id) =>
    theory.set(id, {
      state: v.state,
      balanceOfPower: v.balanceOfPower,
      balanceOfThreat: v.balanceOfThreat,
      bandwagon: v.bandwagon,
      topThreat: v.topThreat,
      divergent: v.divergent,
      draftFit: decodeFit(v.draftFit),
      last: decodeMatches(v.lastMatches),
    }),
  );
  return {
    code: s.code,
    title: s.title,
    scenarioId: s.scenarioId,
    mapKey: s.mapKey,
    phase: s.phase as Phase,
    round: s.round,
    rounds: s.rounds,
    paused: s.paused,
    deadline: s.deadline || null,
    remaining: s.paused ? s.remaining : null,
    chatMode: s.chatMode as Synced["chatMode"],
    scoring: s.scoring as Synced["scoring"],
    showPredictions: s.showPredictions,
    locked: s.locked,
    distanceScale: s.distanceScale || 1000,
    reach: s.reach,
    announcement: s.announcement,
    finale: decodeFinale(s.finaleJson),
    announcementAt: s.announcementAt,
    crises: [...s.crises].map((c) => ({ id: c.id, round: c.round, title: c.title, text: c.text, changes: [...c.changes] })),
    states,
    students,
    alliances: [...s.alliances].map(decodePair),
    borders: [...s.borders].map(decodePair),
    deeds: [...s.deeds].map((d) => ({ round: d.round, from: d.from, to: d.to, kind: d.kind as DeedKind })),
    claims: [...s.claims].map((c) => ({ from: c.from, to: c.to })),
    rivalIdeologies: [...s.rivalIdeologies].map((r) => [r.a, r.b] as Pair),
    teams,
    theory,
  };
}

/** The first full state has arrived (right after a join, the schema is still empty). */
export function hasArrived(s: ClassroomSchema | undefined): s is ClassroomSchema {
  return typeof s?.code === "string" && s.code.length > 0;
}

export function stateOf(s: Synced, id: string): SyncedState | undefined {
  return s.states.find((x) => x.id === id);
}

/** A state's name as a label ("Soviet Union"). */
export function nameOf(s: Synced | null, id: string): string {
  return (s && stateOf(s, id)?.name) ?? id;
}

/** A state's name inside a sentence ("the Soviet Union", "France"). */
export function nameInTextOf(s: Synced | null, id: string): string {
  const st = s ? stateOf(s, id) : undefined;
  return st ? nameInText({ name: st.name, ...(st.article ? { article: st.article } : {}) }) : id;
}

export function allied(s: Synced, a: string, b: string): boolean {
  return s.alliances.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
}

/** The students of a state's team. */
export function membersOf(s: Synced, state: string): SyncedStudent[] {
  return s.students.filter((st) => st.state === state);
}

/** The model's World, rebuilt from the public state: the theory engine runs on it in the browser. */
export function worldOf(s: Synced): World {
  return {
    round: s.round || 1,
    distanceScale: s.distanceScale,
    states: s.states.map((x) => ({
      id: x.id,
      name: x.name,
      economy: x.economy,
      defense: x.defense,
      offense: x.offense,
      position: [x.x, x.y] as [number, number],
      ...(x.article ? { article: x.article } : {}),
      ...(x.maritime ? { maritime: true } : {}),
      ...(x.revisionist ? { revisionist: true } : {}),
      ...(x.ideology ? { ideology: x.ideology } : {}),
    })),
    alliances: s.alliances,
    borders: s.borders,
    deeds: s.deeds,
    claims: s.claims,
    rivalIdeologies: s.rivalIdeologies,
  };
}

/** Every other state's threat to `own`, highest first, with its four components (the server's own numbers). */
export function intelFor(s: Synced, own: string): ThreatComponents[] {
  const world = worldOf(s);
  if (!world.states.some((x) => x.id === own)) return [];
  return threatTo(world, own);
}

/** What the map shows: states, alliances, the viewer's own offers, the last round's deeds, the selection. */
export function mapDataOf(s: Synced, own: string | null, selected: string | null): MapData {
  const team = own ? s.teams.get(own) : undefined;
  const offers: MapData["offers"] = [];
  if (team && own) {
    for (const o of team.offersOut) offers.push({ from: own, to: o.state, accepted: o.accepted });
    for (const o of team.offersIn) offers.push({ from: o.state, to: own, accepted: o.accepted });
  }
  const lastRound = (s.round || 1) - (s.phase === "review" || s.phase === "ended" ? 0 : 1);
  return {
    mapUrl: s.mapKey ? `/maps/${s.mapKey}.json?game=${encodeURIComponent(s.code)}` : "",
    states: s.states.map((x) => ({ id: x.id, name: x.name, color: x.color, x: x.x, y: x.y, powerShare: x.powerShare, control: x.control })),
    alliances: s.alliances,
    own,
    offers,
    deeds: s.deeds.filter((d) => d.round >= lastRound && d.round >= 1).map((d) => ({ from: d.from, to: d.to, kind: d.kind, round: d.round })),
    selected,
  };
}
