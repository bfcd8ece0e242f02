// Mirrors the model (a ClassroomState) into the synchronized schema. Only
// values that differ are written, so Colyseus sends only what changed.
import type { ArraySchema } from "@colyseus/schema";
import { members } from "../../shared/classroom/teams.js";
import type { ClassroomState } from "../../shared/classroom/types.js";
import { powerShares } from "../../shared/theory/power.js";
import { ClaimPublic, ClassroomSchema, DeedPublic, IdeologyRivalry, StatePublic, StudentPublic, TeamPrivate, TheoryView } from "./schema.js";

function set<T extends object, K extends keyof T>(target: T, key: K, value: T[K]): void {
  if (target[key] !== value) target[key] = value;
}

function syncStrings(target: ArraySchema<string>, values: string[]): void {
  if (target.length === values.length && values.every((v, i) => target[i] === v)) return;
  target.clear();
  target.push(...values);
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** What each team entry's historyJson was last built from. */
const historyKeys = new WeakMap<TeamPrivate, string>();

/** A team's resolved rounds for its report card; the theories' reasons only when revealed. */
function historyJsonOf(game: ClassroomState["game"], id: string, reveal: boolean): string {
  return JSON.stringify(
    game.history.map((h) => {
      const a = h.alignments[id];
      const p = h.predictions.states[id];
      return {
        round: h.round,
        allies: a?.allies ?? [],
        offers: a?.offers ?? [],
        matches: a?.matches ?? [],
        alone: a?.alone ?? false,
        divergent: a?.divergent ?? false,
        predictions:
          reveal && p ? { balanceOfPower: p.balanceOfPower.reason, balanceOfThreat: p.balanceOfThreat.reason, bandwagon: p.bandwagon.reason } : null,
      };
    }),
  );
}

export function mirror(room: ClassroomState, schema: ClassroomSchema, connected: ReadonlySet<string>): void {
  const game = room.game;
  set(schema, "code", room.code);
  set(schema, "title", room.scenario.title);
  set(schema, "scenarioId", room.scenario.id);
  set(schema, "phase", room.phase);
  set(schema, "round", game.round);
  set(schema, "rounds", game.settings.rounds);
  set(schema, "paused", room.paused);
  set(schema, "deadline", room.clock.deadline ?? 0);
  set(schema, "remaining", room.clock.remaining ?? 0);
  set(schema, "chatMode", room.settings.chatMode);
  set(schema, "scoring", room.settings.scoring);
  set(schema, "showPredictions", room.showPredictions);
  set(schema, "distanceScale", game.distanceScale);
  set(schema, "reach", game.reach);
  set(schema, "announcement", room.announcements[room.announcements.length - 1]?.text ?? "");

  const shares = powerShares(game);
  const colours = new Map(room.scenario.states.map((s) => [s.id, s.color ?? ""]));
  for (const s of game.states) {
    let p = schema.states.get(s.id);
    if (!p) {
      p = new StatePublic();
      schema.states.set(s.id, p);
    }
    const teamMembers = members(room, s.id);
    const total = (game.scores[s.id] ?? []).reduce((sum, l) => sum + l.total, 0);
    set(p, "id", s.id);
    set(p, "name", s.name);
    set(p, "color", colours.get(s.id) ?? "");
    set(p, "x", s.position[0]);
    set(p, "y", s.position[1]);
    set(p, "economy", round2(s.economy));
    set(p, "defense", round2(s.defense));
    set(p, "offense", round2(s.offense));
    set(p, "powerShare", Math.round((shares.get(s.id) ?? 0) * 10000) / 10000);
    set(p, "control", room.control[s.id] ?? "empty");
    set(p, "ready", game.drafts[s.id]?.ready ?? false);
    set(p, "members", teamMembers.length);
    set(p, "connected", teamMembers.filter((m) => connected.has(m)).length);
    set(p, "score", Math.round(total * 10) / 10);
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
    syncStrings(t.leaving, draft.leaving);
    syncStrings(
      t.offersOut,
      game.offers.filter((o) => o.from === s.id).map((o) => (o.accepted ? `${o.to}:accepted` : o.to)),
    );
    syncStrings(
      t.offersIn,
      game.offers.filter((o) => o.to === s.id).map((o) => (o.accepted ? `${o.from}:accepted` : o.from)),
    );
    set(t, "role", game.roles[s.id] ?? "");
    set(t, "scoresJson", JSON.stringify(game.scores[s.id] ?? []));
    set(t, "guessesJson", JSON.stringify(Object.fromEntries(room.guesses.filter((g) => g.by === s.id).map((g) => [g.about, g.theory]))));
    const reveal = room.showPredictions || room.phase === "ended";
    // The history changes only at resolution (and when predictions are revealed): not on every decision.
    const historyKey = `${game.history.length}|${reveal}`;
    if (historyKeys.get(t) !== historyKey) {
      historyKeys.set(t, historyKey);
      set(t, "historyJson", historyJsonOf(game, s.id, reveal));
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
    const last = game.history[game.history.length - 1]?.alignments[s.id];
    set(v, "lastMatches", last ? (last.alone ? "alone" : last.matches.join(",") || "none") : "");
  }

  for (const st of Object.values(room.students)) {
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

  syncStrings(schema.alliances, game.alliances.map(([a, b]) => `${a}|${b}`));
  syncStrings(schema.borders, game.borders.map(([a, b]) => `${a}|${b}`));
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
