// REFERENCE COPY: the pre-optimisation model (issue 15), kept unchanged to check that the
// optimised code in shared/ gives identical results (tests/model/optimised-model.test.ts).
// Copied from shared/rules/crisis.ts at 968eafc; do not edit or import from the game.
// Crises: scripted in the scenario for a round, or typed live by the teacher.
// A crisis tells the class a story and may change economies and forces by a
// percentage and add hostile deeds to the record (counted from the current round on).
import type { Crisis } from "../../../../shared/scenario/schema.js";
import type { GameEvent, GameState, Refusal } from "./types.js";
import { MIN_ECONOMY, MIN_FORCES } from "./tuning.js";
import { areAllied } from "../theory/world.js";

export function checkCrisis(game: GameState, crisis: Crisis): Refusal | null {
  const known = (id: string) => game.states.some((s) => s.id === id);
  for (const e of crisis.effects ?? []) {
    if (!known(e.state)) return { code: "bad-crisis", message: `The crisis names an unknown state "${e.state}".` };
  }
  for (const d of crisis.deeds ?? []) {
    if (!known(d.from) || !known(d.to)) return { code: "bad-crisis", message: `The crisis names an unknown state in a deed.` };
    if (d.from === d.to) return { code: "bad-crisis", message: "A state cannot be hostile to itself." };
  }
  return null;
}

/** Applies a crisis to the game in place and returns its event. */
export function applyCrisis(game: GameState, crisis: Crisis): GameEvent {
  for (const e of crisis.effects ?? []) {
    const s = game.states.find((x) => x.id === e.state)!;
    if (e.economy !== undefined) s.economy = Math.max(MIN_ECONOMY, s.economy * (1 + e.economy / 100));
    if (e.military !== undefined) {
      s.defense = Math.max(MIN_FORCES, s.defense * (1 + e.military / 100));
      s.offense = Math.max(MIN_FORCES, s.offense * (1 + e.military / 100));
    }
  }
  // Dated to the round before, so that they already count in this round's threat.
  for (const d of crisis.deeds ?? []) {
    const within = areAllied(game, d.from, d.to);
    game.deeds.push({ round: game.round - 1, from: d.from, to: d.to, kind: d.kind, ...(within ? { withinAlliance: true as const } : {}) });
  }
  return { type: "crisis", id: crisis.id, title: crisis.title, text: crisis.text };
}
