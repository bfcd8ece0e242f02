// Whole games played by bots, and games replayed from their command log.
// A game is fully determined by its scenario, options (seed) and command log.
import { answerOffers, planRound, POLICIES, type Policy } from "../bots/policies.js";
import { mixSeed, seededRandom, shuffled } from "../random.js";
import { applyOwned, contextFor, copyForCommands, reduce } from "../rules/reduce.js";
import { isStateCommand } from "../rules/diplomacy.js";
import { createGame, type GameOptions } from "../rules/setup.js";
import type { Command, GameEvent, GameState, Outcome, Refusal } from "../rules/types.js";
import type { Scenario } from "../scenario/schema.js";

export type PolicyChoice = Policy | "mixed";

export interface PlayedGame {
  final: GameState;
  policies: Record<string, Policy>;
  /** Every accepted command, in order. */
  log: Command[];
  /** Events of each accepted command, in order. */
  events: GameEvent[];
  /** Commands the bots gave that the rules refused (should be none). */
  refusals: { command: Command; refusal: Refusal }[];
}

/** Which policy plays each state: one for all, or "mixed" (each policy in turn, in a seeded order). */
export function assignPolicies(scenario: Scenario, choice: PolicyChoice, seed: number): Record<string, Policy> {
  const ids = scenario.states.map((s) => s.id);
  if (choice !== "mixed") return Object.fromEntries(ids.map((id) => [id, choice]));
  const order = shuffled(ids, seededRandom(mixSeed(seed, 99)));
  return Object.fromEntries(order.map((id, i) => [id, POLICIES[i % POLICIES.length]!]));
}

/** Applies one command through the reducer, with the round's context. */
export function step(game: GameState, command: Command) {
  return reduce(game, command, contextFor(game));
}

/** Plays a whole game with bots in every seat. */
export function playGame(scenario: Scenario, options: GameOptions, policies: Record<string, Policy>): PlayedGame {
  let game = createGame(scenario, options);
  const log: Command[] = [];
  const events: GameEvent[] = [...game.openingEvents];
  const refusals: PlayedGame["refusals"] = [];
  // The bots' commands of a round are applied in place to one copy of the game that only this
  // function holds (applyOwned: the same outcome as step, without a copy per command).
  let owned = false;
  const apply = (command: Command) => {
    let outcome: Outcome;
    if (isStateCommand(command)) {
      if (!owned) game = copyForCommands(game);
      owned = true;
      outcome = applyOwned(game, command);
    } else {
      owned = false;
      outcome = step(game, command);
    }
    if (!outcome.ok) {
      refusals.push({ command, refusal: outcome.refusal });
      return;
    }
    game = outcome.state;
    log.push(command);
    events.push(...outcome.events);
  };
  const ids = game.states.map((s) => s.id).sort();
  while (game.phase !== "ended") {
    for (const id of ids) for (const c of planRound(game, id, policies[id] ?? "random")) apply(c);
    for (const id of ids) for (const c of answerOffers(game, id, policies[id] ?? "random")) apply(c);
    apply({ type: "resolve" });
    apply({ type: "nextRound" });
  }
  return { final: game, policies, log, events, refusals };
}

/** Rebuilds a game from its scenario, options and command log; throws if a logged command is refused. */
export function replayLog(scenario: Scenario, options: GameOptions, log: readonly Command[]): GameState {
  let game = createGame(scenario, options);
  log.forEach((command, i) => {
    const outcome = step(game, command);
    if (!outcome.ok) throw new Error(`command ${i} (${command.type}) was refused on replay: ${outcome.refusal.message}`);
    game = outcome.state;
  });
  return game;
}
