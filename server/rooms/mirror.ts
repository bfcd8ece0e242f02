// Mirrors the session into the synchronized schema (Colyseus state). Only
// values that differ are written, so Colyseus sends only what changed.
import type { ArraySchema } from "@colyseus/schema";
import { currentAnnouncement } from "../../shared/classroom/announcements.js";
import { announcementNow, roundCrises } from "../../shared/classroom/news.js";
import { members } from "../../shared/classroom/teams.js";
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

/** What each team entry's rounds were last encoded from (they change only at resolution and when predictions are revealed). */
const roundsKeys = new WeakMap<TeamPrivate, string>();

export function mirror(session: Session, schema: ClassroomSchema, connected: ReadonlySet<string>): void {
  const game = session.game;
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
  syncCrises(schema, session);

  const shares = powerShares(game);
  const totals = publicTotals(session);
  const colours = new Map(session.scenario.states.map((s) => [s.id, s.color ?? ""]));
  for (const s of game.states) {
    let p = schema.states.get(s.id);
    if (!p) {
      p = new StatePublic();
      schema.states.set(s.id, p);
    }
    const teamMembers = members(session, s.id);
    const total = totals[s.id] ?? 0;
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
    set(p, "score", total);
    set(p, "article", s.article ?? "");
    set(p, "maritime", s.maritime === true);
    set(p, "revisionist", s.revisionist === true);
    set(p, "ideology", s.ideology ?? "");

    let t = schema.teams.get(s.id);
    if (!t) {
      t = new TeamPrivate();
      schema.teams.set(s.id, t);
    }
    const draft = game.drafts[s.id]!;
    set(t, "state", s.id);
    set(t, "economy", draft.budget.economy);
    set(t, "defense", draft.budget.defense);
    set(t, "offense", draft.budget.offense);
    set(t, "actionKind", draft.action.kind);
    set(t, "actionTarget", draft.action.kind === "none" ? "" : draft.action.target);
    set(t, "budgetSaved", draft.budgetSaved === true);
    set(t, "actionChosen", draft.actionChosen === true);
    syncStrings(t.leaving, draft.leaving);
    syncStrings(t.offersOut, game.offers.filter((o) => o.from === s.id).map((o) => encodeOffer({ state: o.to, accepted: o.accepted })));
    syncStrings(t.offersIn, game.offers.filter((o) => o.to === s.id).map((o) => encodeOffer({ state: o.from, accepted: o.accepted })));
    set(t, "role", game.roles[s.id] ?? "");
    set(t, "scoresJson", encodeJson(game.scores[s.id] ?? []));
    set(t, "guessesJson", encodeJson(Object.fromEntries(session.guesses.filter((g) => g.by === s.id).map((g) => [g.about, g.theory]))));
    // A team's rounds change only at resolution (and when predictions are revealed): not on every decision.
    const roundsKey = `${game.history.length}|${predictionsRevealed(session)}`;
    if (roundsKeys.get(t) !== roundsKey) {
      roundsKeys.set(t, roundsKey);
      set(t, "historyJson", encodeJson(teamRounds(session, s.id)));
    }

    let v = schema.theory.get(s.id);
    if (!v) {
      v = new TheoryView();
      schema.theory.set(s.id, v);
    }
    const p2 = game.predictions.states[s.id];
    if (p2) {
      set(v, "state", s.id);
      set(v, "balanceOfPower", p2.balanceOfPower.reason);
      set(v, "balanceOfThreat", p2.balanceOfThreat.reason);
      set(v, "bandwagon", p2.bandwagon.reason);
      set(v, "topThreat", p2.balanceOfThreat.against);
      set(v, "divergent", p2.divergent);
    }
    set(v, "lastMatches", encodeMatches(game.history[game.history.length - 1]?.alignments[s.id]));
    set(v, "draftFit", game.phase === "diplomacy" ? encodeFit(draftFit(game, s.id)) : "");
  }

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

  syncStrings(schema.alliances, game.alliances.map(encodePair));
  syncStrings(schema.borders, game.borders.map(encodePair));
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
