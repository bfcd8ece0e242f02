// Mirrors the session into the synchronized schema (Colyseus state). Only
// values that differ are written, so Colyseus sends only what changed. A
// command costs what it changed, not the whole room: the session is pure (a
// reducer never changes its input, it copies what it changes and shares the
// rest), so each part of the schema remembers the session objects it was last
// written from and is skipped while they are the same objects.
import type { ArraySchema } from "@colyseus/schema";
import { currentAnnouncement } from "../../shared/classroom/announcements.js";
import { announcementNow, roundCrises } from "../../shared/classroom/news.js";
import type { Session } from "../../shared/classroom/types.js";
import { predictionsRevealed, publicTotals, teamRounds } from "../../shared/classroom/visibility.js";
import { encodeFit, encodeJson, encodeMatches, encodeOffer, encodePair } from "../../shared/protocol/codec.js";
import { draftFit } from "../../shared/rules/draft-status.js";
import { powerShares } from "../../shared/theory/power.js";
import { ClaimPublic, ClassroomSchema, CrisisPublic, DeedPublic, IdeologyRivalry, StatePublic, StudentPublic, TeamPrivate, TheoryView } from "./schema.js";
import { roundTo } from "../../shared/format.js";
import { mapKey } from "../maps/key.js";
import { buildFinale } from "../../shared/report/finale.js";

function set<T extends object, K extends keyof T>(target: T, key: K, value: T[K]): void {
  if (target[key] !== value) target[key] = value;
}

function syncStrings(target: ArraySchema<string>, values: string[]): void {
  if (target.length === values.length && values.every((v, i) => target[i] === v)) return;
  target.clear();
  target.push(...values);
}


/** The current round's crises: rewritten only when the round or its list of crises changes. */
function syncCrises(schema: ClassroomSchema, session: Session): void {
  const crises = roundCrises(session);
  const same = schema.crises.length === crises.length && crises.every((c, i) => schema.crises[i]?.id === c.id && schema.crises[i].round === c.round);
  if (same) return;
  schema.crises.clear();
  for (const c of crises) {
    const entry = Object.assign(new CrisisPublic(), { id: c.id, round: c.round, title: c.title, text: c.text });
    entry.changes.push(...c.changes);
    schema.crises.push(entry);
  }
}

/**
 * The session objects each part of the schema was last written from (compared by identity: an unchanged
 * object is the same object, since the reducers copy only what they change).
 */
interface Memo {
  states?: readonly unknown[];
  teams: Map<string, readonly unknown[]>;
  theory: Map<string, readonly unknown[]>;
  students?: readonly unknown[];
  alliances?: unknown;
  borders?: unknown;
  shares?: { states: unknown; shares: Map<string, number> };
  crises?: readonly [unknown, number];
}

const memos = new WeakMap<ClassroomSchema, Memo>();

/** Whether `now` holds the same objects as `was`, in order. */
function same(was: readonly unknown[] | undefined, now: readonly unknown[]): boolean {
  return was !== undefined && was.length === now.length && was.every((x, i) => x === now[i]);
}

/** Members of each team (students not removed), grouped in one pass over the students. */
function membersByState(session: Session): Map<string, string[]> {
  const byState = new Map<string, string[]>();
  for (const st of Object.values(session.students)) {
    if (st.removed || st.state === null) continue;
    const list = byState.get(st.state);
    if (list) list.push(st.id);
    else byState.set(st.state, [st.id]);
  }
  return byState;
}

/**
 * The round's offers in a few words ("from>to" with "+" when accepted): the game's reducer copies the
 * offers on every diplomacy command, so their content, not their identity, says whether they changed.
 */
function offersKey(session: Session): string {
  return session.game.offers.map((o) => `${o.from}>${o.to}${o.accepted ? "+" : ""}`).join(",");
}

/** Which states are ready (the only part of the drafts the public side shows). */
function readyKey(session: Session): string {
  return session.game.states.map((s) => (session.game.drafts[s.id]?.ready ? "1" : "0")).join("");
}

/** The alliances being left this round, as "A|B" pairs (what draftFit reads of the other drafts). */
function leavingKey(session: Session): string {
  const parts: string[] = [];
  for (const [id, draft] of Object.entries(session.game.drafts)) for (const ally of draft.leaving) parts.push(`${id}>${ally}`);
  return parts.join(",");
}

/**
 * Writes the session into the schema. `connected`: the ids of the students connected now; pass the same
 * Set object while it has not changed (ConnectedStudents.ids does), a new one when it has.
 */
export function mirror(session: Session, schema: ClassroomSchema, connected: ReadonlySet<string>): void {
  const game = session.game;
  let memo = memos.get(schema);
  if (!memo) {
    memo = { teams: new Map(), theory: new Map() };
    memos.set(schema, memo);
  }
  set(schema, "code", session.code);
  set(schema, "title", session.scenario.title);
  set(schema, "scenarioId", session.scenario.id);
  set(schema, "mapKey", mapKey(session.scenario));
  set(schema, "phase", session.phase);
  set(schema, "round", game.round);
  set(schema, "rounds", game.settings.rounds);
  set(schema, "paused", session.paused);
  set(schema, "deadline", session.clock.deadline ?? 0);
  set(schema, "remaining", session.clock.remaining ?? 0);
  set(schema, "chatMode", session.settings.chatMode);
  set(schema, "scoring", session.settings.scoring);
  set(schema, "showPredictions", session.showPredictions);
  set(schema, "locked", session.locked);
  set(schema, "distanceScale", game.distanceScale);
  set(schema, "reach", game.reach);
  set(schema, "announcement", currentAnnouncement(session));
  // The podium and theory fit are public once the game is over; an ended game's scores no longer change, so built once.
  if (session.phase !== "ended") set(schema, "finaleJson", "");
  else if (!schema.finaleJson) schema.finaleJson = encodeJson(buildFinale(session));
  set(schema, "announcementAt", announcementNow(session).at);
  // The round's crises are read from the timeline: only when it or the round changed.
  if (memo.crises?.[0] !== session.timeline || memo.crises[1] !== game.round) {
    memo.crises = [session.timeline, game.round];
    syncCrises(schema, session);
  }

  // The public side of every state: power, seats, readiness, team sizes, scores.
  const publicInputs = [game.states, game.scores, readyKey(session), session.students, session.control, session.phase, session.settings, session.scenario, connected];
  if (!same(memo.states, publicInputs)) {
    memo.states = publicInputs;
    if (memo.shares?.states !== game.states) memo.shares = { states: game.states, shares: powerShares(game) };
    const shares = memo.shares.shares;
    const totals = publicTotals(session);
    const colours = new Map(session.scenario.states.map((s) => [s.id, s.color ?? ""]));
    const teams = membersByState(session);
    for (const s of game.states) {
      let p = schema.states.get(s.id);
      if (!p) {
        p = new StatePublic();
        schema.states.set(s.id, p);
      }
      const teamMembers = teams.get(s.id) ?? [];
      set(p, "id", s.id);
      set(p, "name", s.name);
      set(p, "color", colours.get(s.id) ?? "");
      set(p, "x", s.position[0]);
      set(p, "y", s.position[1]);
      set(p, "economy", roundTo(s.economy, 2));
      set(p, "defense", roundTo(s.defense, 2));
      set(p, "offense", roundTo(s.offense, 2));
      set(p, "powerShare", Math.round((shares.get(s.id) ?? 0) * 10000) / 10000);
      set(p, "control", session.control[s.id] ?? "empty");
      set(p, "ready", game.drafts[s.id]?.ready ?? false);
      set(p, "members", teamMembers.length);
      set(p, "connected", teamMembers.filter((m) => connected.has(m)).length);
      set(p, "score", totals[s.id] ?? 0);
      set(p, "article", s.article ?? "");
      set(p, "maritime", s.maritime === true);
      set(p, "revisionist", s.revisionist === true);
      set(p, "ideology", s.ideology ?? "");
    }
  }

  const revealed = predictionsRevealed(session);
  const leaving = leavingKey(session);
  const offers = offersKey(session);
  for (const s of game.states) {
    mirrorTeam(schema, memo, session, s.id, revealed, offers);
    mirrorTheory(schema, memo, session, s.id, leaving, offers);
  }

  const studentInputs = [session.students, connected];
  if (!same(memo.students, studentInputs)) {
    memo.students = studentInputs;
    for (const st of Object.values(session.students)) {
      if (st.removed) {
        schema.students.delete(st.id);
        continue;
      }
      let p = schema.students.get(st.id);
      if (!p) {
        p = new StudentPublic();
        schema.students.set(st.id, p);
      }
      set(p, "id", st.id);
      set(p, "nickname", st.nickname);
      set(p, "state", st.state ?? "");
      set(p, "connected", connected.has(st.id));
      set(p, "muted", st.muted);
    }
  }

  if (memo.alliances !== game.alliances) {
    memo.alliances = game.alliances;
    syncStrings(schema.alliances, game.alliances.map(encodePair));
  }
  if (memo.borders !== game.borders) {
    memo.borders = game.borders;
    syncStrings(schema.borders, game.borders.map(encodePair));
  }
  // Claims and ideological rivalries come from the scenario and never change.
  if (schema.claims.length !== (game.claims ?? []).length) {
    schema.claims.clear();
    for (const c of game.claims ?? []) schema.claims.push(Object.assign(new ClaimPublic(), { from: c.from, to: c.to }));
  }
  if (schema.rivalIdeologies.length !== (game.rivalIdeologies ?? []).length) {
    schema.rivalIdeologies.clear();
    for (const [a, b] of game.rivalIdeologies ?? []) schema.rivalIdeologies.push(Object.assign(new IdeologyRivalry(), { a, b }));
  }
  // Deeds are only ever appended.
  for (let i = schema.deeds.length; i < game.deeds.length; i++) {
    const d = game.deeds[i]!;
    const entry = new DeedPublic();
    entry.round = d.round;
    entry.from = d.from;
    entry.to = d.to;
    entry.kind = d.kind;
    schema.deeds.push(entry);
  }
}

/** One team's private entry: its draft, offers, role, scores, guesses and rounds; rewritten only when one of those changed. */
function mirrorTeam(schema: ClassroomSchema, memo: Memo, session: Session, state: string, revealed: boolean, offers: string): void {
  const game = session.game;
  const draft = game.drafts[state]!;
  const inputs = [draft, offers, game.roles[state], game.scores[state], session.guesses, game.history, revealed];
  let t = schema.teams.get(state);
  if (t && same(memo.teams.get(state), inputs)) return;
  const was = memo.teams.get(state);
  memo.teams.set(state, inputs);
  if (!t) {
    t = new TeamPrivate();
    schema.teams.set(state, t);
  }
  set(t, "state", state);
  set(t, "economy", draft.budget.economy);
  set(t, "defense", draft.budget.defense);
  set(t, "offense", draft.budget.offense);
  set(t, "actionKind", draft.action.kind);
  set(t, "actionTarget", draft.action.kind === "none" ? "" : draft.action.target);
  set(t, "budgetSaved", draft.budgetSaved === true);
  set(t, "actionChosen", draft.actionChosen === true);
  syncStrings(t.leaving, draft.leaving);
  if (was?.[1] !== offers) {
    syncStrings(t.offersOut, game.offers.filter((o) => o.from === state).map((o) => encodeOffer({ state: o.to, accepted: o.accepted })));
    syncStrings(t.offersIn, game.offers.filter((o) => o.to === state).map((o) => encodeOffer({ state: o.from, accepted: o.accepted })));
  }
  set(t, "role", game.roles[state] ?? "");
  if (was?.[3] !== game.scores[state] || was === undefined) set(t, "scoresJson", encodeJson(game.scores[state] ?? []));
  if (was?.[4] !== session.guesses) set(t, "guessesJson", encodeJson(Object.fromEntries(session.guesses.filter((g) => g.by === state).map((g) => [g.about, g.theory]))));
  // A team's rounds change only at resolution (and when predictions are revealed): not on every decision.
  if (was?.[5] !== game.history || was[6] !== revealed) set(t, "historyJson", encodeJson(teamRounds(session, state)));
}

/** One state's theory entry: the predictions' reasons, the last classification, the draft's fit; rewritten only when those inputs changed. */
function mirrorTheory(schema: ClassroomSchema, memo: Memo, session: Session, state: string, leaving: string, offers: string): void {
  const game = session.game;
  const inputs = [game.predictions, game.history, game.phase, game.alliances, offers, game.offersMade[state], leaving];
  let v = schema.theory.get(state);
  if (v && same(memo.theory.get(state), inputs)) return;
  memo.theory.set(state, inputs);
  if (!v) {
    v = new TheoryView();
    schema.theory.set(state, v);
  }
  const p2 = game.predictions.states[state];
  if (p2) {
    set(v, "state", state);
    set(v, "balanceOfPower", p2.balanceOfPower.reason);
    set(v, "balanceOfThreat", p2.balanceOfThreat.reason);
    set(v, "bandwagon", p2.bandwagon.reason);
    set(v, "topThreat", p2.balanceOfThreat.against);
    set(v, "divergent", p2.divergent);
  }
  set(v, "lastMatches", encodeMatches(game.history[game.history.length - 1]?.alignments[state]));
  set(v, "draftFit", game.phase === "diplomacy" ? encodeFit(draftFit(game, state)) : "");
}
