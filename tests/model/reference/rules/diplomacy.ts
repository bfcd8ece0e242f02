// REFERENCE COPY: the pre-optimisation model (issue 15), kept unchanged to check that the
// optimised code in shared/ gives identical results (tests/model/optimised-model.test.ts).
// Copied from shared/rules/diplomacy.ts at 968eafc; do not edit or import from the game.
// The commands a state gives during the diplomacy phase. Each returns the
// changed state and its events, or a refusal that says why. Nothing here is
// final: alliances form, leaves take effect and actions happen at resolution.
import { distanceBetween } from "../theory/proximity.js";
import { areAllied, stateById } from "../theory/world.js";
import { inReach } from "./strength.js";
import type { Action, Command, GameEvent, GameState, Refusal, StateCommand } from "./types.js";

type Result = { events: GameEvent[] } | { refusal: Refusal };

const refuse = (code: Refusal["code"], message: string): { refusal: Refusal } => ({ refusal: { code, message } });

function exists(game: GameState, id: string): boolean {
  return game.states.some((s) => s.id === id);
}

function name(game: GameState, id: string): string {
  return stateById(game, id).name;
}

function findOffer(game: GameState, from: string, to: string) {
  return game.offers.find((o) => o.from === from && o.to === to);
}

/** An accepted offer between a and b (either way): they will be allied at resolution. */
function agreed(game: GameState, a: string, b: string): boolean {
  return game.offers.some((o) => o.accepted && ((o.from === a && o.to === b) || (o.from === b && o.to === a)));
}

/** Whether `by` itself plans to attack `target` (another state's plans stay secret: never refuse on them). */
function attacking(game: GameState, by: string, target: string): boolean {
  const action = game.drafts[by]?.action;
  return action?.kind === "attack" && action.target === target;
}

/** Checks a target named in a command: it exists and is not the sender. */
function checkTarget(game: GameState, by: string, target: string): { refusal: Refusal } | null {
  if (!exists(game, target)) return refuse("unknown-state", `There is no state "${target}" in this game.`);
  if (target === by) return refuse("self-target", "A state cannot do that to itself.");
  return null;
}

function checkAction(game: GameState, by: string, action: Action): { refusal: Refusal } | null {
  if (action.kind === "none") return null;
  const bad = checkTarget(game, by, action.target);
  if (bad) return bad;
  const verb = action.kind === "attack" ? "attack" : "threaten";
  if (!inReach(game, game.reach, by, action.target)) {
    return refuse(
      "out-of-reach",
      `${name(game, action.target)} is out of reach: you can only ${verb} states within ${game.reach.toLocaleString("en-US")} km or on your border.`,
    );
  }
  const leaving = game.drafts[by]?.leaving.includes(action.target) ?? false;
  if (areAllied(game, by, action.target) && !leaving) {
    return refuse("ally-target", `${name(game, action.target)} is your ally: leave the alliance first if you mean to ${verb} it.`);
  }
  if (action.kind === "attack" && agreed(game, by, action.target)) {
    return refuse("ally-target", `You agreed to ally with ${name(game, action.target)} this round: you cannot also attack it.`);
  }
  return null;
}

/** A possible target of a threat or an attack, as the action form lists it. */
export interface ActionTarget {
  id: string;
  /** Km, 0 for a neighbour. */
  distance: number;
  /** Within the game's reach (or on the border). */
  inReach: boolean;
  /** An ally now (targetable only when the state is leaving the alliance this round). */
  ally: boolean;
  /** Whether the rules let `by` threaten or attack it now (an accepted offer may still forbid an attack). */
  allowed: boolean;
}

/**
 * Every other state as a target for `by`'s action: distance, reach and alliance, and whether the
 * rules allow it (within reach or on the border; not an ally unless `by` is leaving that alliance).
 */
export function actionTargets(world: Pick<GameState, "states" | "borders" | "alliances" | "reach">, by: string, leaving: readonly string[]): ActionTarget[] {
  return world.states
    .filter((s) => s.id !== by)
    .map((s) => {
      const reachable = inReach(world, world.reach, by, s.id);
      const ally = areAllied(world, by, s.id);
      return { id: s.id, distance: distanceBetween(world, by, s.id), inReach: reachable, ally, allowed: reachable && (!ally || leaving.includes(s.id)) };
    });
}

export function applyStateCommand(game: GameState, command: StateCommand): Result {
  const by = command.by;
  if (!exists(game, by)) return refuse("unknown-state", `There is no state "${by}" in this game.`);
  const draft = game.drafts[by]!;
  switch (command.type) {
    case "offer": {
      const bad = checkTarget(game, by, command.to);
      if (bad) return bad;
      if (areAllied(game, by, command.to)) return refuse("already-allied", `You are already allied with ${name(game, command.to)}.`);
      if (findOffer(game, by, command.to)) return refuse("offer-exists", `You have already offered an alliance to ${name(game, command.to)} this round.`);
      if (attacking(game, by, command.to)) {
        return refuse("ally-target", `You plan to attack ${name(game, command.to)} this round: call it off first.`);
      }
      const reverse = findOffer(game, command.to, by);
      if (reverse && !reverse.accepted) {
        // Both sides want it: an offer back is an acceptance.
        reverse.accepted = true;
        addOffered(game, by, command.to);
        return { events: [{ type: "offerAccepted", from: command.to, to: by }] };
      }
      if (reverse) return refuse("offer-exists", `You already agreed to ally with ${name(game, command.to)}: it forms at the end of the round.`);
      game.offers.push({ from: by, to: command.to, round: game.round, accepted: false });
      addOffered(game, by, command.to);
      return { events: [{ type: "offerMade", from: by, to: command.to }] };
    }
    case "accept": {
      const bad = checkTarget(game, by, command.from);
      if (bad) return bad;
      const offer = findOffer(game, command.from, by);
      if (!offer || offer.accepted) return refuse("no-such-offer", `${name(game, command.from)} has no open offer to you.`);
      if (attacking(game, by, command.from)) {
        return refuse("ally-target", `You plan to attack ${name(game, command.from)} this round: call it off first.`);
      }
      offer.accepted = true;
      return { events: [{ type: "offerAccepted", from: command.from, to: by }] };
    }
    case "decline": {
      const bad = checkTarget(game, by, command.from);
      if (bad) return bad;
      const offer = findOffer(game, command.from, by);
      if (!offer || offer.accepted) return refuse("no-such-offer", `${name(game, command.from)} has no open offer to you.`);
      game.offers = game.offers.filter((o) => o !== offer);
      return { events: [{ type: "offerDeclined", from: command.from, to: by }] };
    }
    case "withdraw": {
      const bad = checkTarget(game, by, command.to);
      if (bad) return bad;
      const offer = findOffer(game, by, command.to);
      if (!offer) return refuse("no-such-offer", `You have no open offer to ${name(game, command.to)}.`);
      if (offer.accepted) {
        return refuse("no-such-offer", `${name(game, command.to)} already accepted: the alliance forms at the end of the round; you can leave it later.`);
      }
      game.offers = game.offers.filter((o) => o !== offer);
      game.offersMade[by] = (game.offersMade[by] ?? []).filter((id) => id !== command.to);
      return { events: [{ type: "offerWithdrawn", from: by, to: command.to }] };
    }
    case "leave": {
      const bad = checkTarget(game, by, command.ally);
      if (bad) return bad;
      if (!areAllied(game, by, command.ally)) return refuse("not-allied", `You are not allied with ${name(game, command.ally)}.`);
      if (!draft.leaving.includes(command.ally)) draft.leaving = [...draft.leaving, command.ally].sort();
      return { events: [{ type: "leaveDeclared", by, ally: command.ally }] };
    }
    case "stay": {
      const bad = checkTarget(game, by, command.ally);
      if (bad) return bad;
      if (!draft.leaving.includes(command.ally)) return refuse("not-allied", `You are not leaving ${name(game, command.ally)}.`);
      draft.leaving = draft.leaving.filter((id) => id !== command.ally);
      const events: GameEvent[] = [{ type: "leaveCancelled", by, ally: command.ally }];
      if (draft.action.kind !== "none" && draft.action.target === command.ally) {
        draft.action = { kind: "none" };
        events.push({ type: "draftChanged", by });
      }
      return { events };
    }
    case "budget": {
      const parts = [command.economy, command.defense, command.offense];
      if (!parts.every((p) => Number.isInteger(p) && p >= 0 && p <= 100) || parts.reduce((a, b) => a + b, 0) !== 100) {
        return refuse("bad-budget", "The budget must be whole percentages (0 to 100) for economy, defence and offence that add up to 100.");
      }
      draft.budget = { economy: command.economy, defense: command.defense, offense: command.offense };
      draft.budgetSaved = true;
      return { events: [{ type: "draftChanged", by }] };
    }
    case "action": {
      const bad = checkAction(game, by, command.action);
      if (bad) return bad;
      draft.action = command.action.kind === "none" ? { kind: "none" } : { kind: command.action.kind, target: command.action.target };
      draft.actionChosen = true;
      return { events: [{ type: "draftChanged", by }] };
    }
    case "ready": {
      draft.ready = command.ready;
      return { events: [{ type: "readyChanged", by, ready: command.ready }] };
    }
  }
}

function addOffered(game: GameState, by: string, to: string) {
  const list = game.offersMade[by] ?? [];
  if (!list.includes(to)) game.offersMade[by] = [...list, to].sort();
}

/** Whether an action is still valid at resolution (alliances may have changed since it was chosen). */
export function actionStillValid(game: GameState, by: string, action: Action): string | null {
  const bad = checkAction(game, by, action);
  return bad ? bad.refusal.message : null;
}

export function isStateCommand(command: Command): command is StateCommand {
  return "by" in command;
}
