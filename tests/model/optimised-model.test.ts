// The optimised model (issue 15: indexed look-ups, dense arrays) must give exactly
// the results of the code it replaced, kept in tests/model/reference/. Compared with
// toStrictEqual, so every number is bit-for-bit equal (no tolerance is needed: the new
// code does each floating-point operation in the same order as the old one).
// One deliberate difference: each state's threat list in the predictions keeps only its
// top entries (THREAT_LIST_LENGTH, and every state tied with the top one), where the
// reference kept all n - 1; the reference's lists are cut the same way before comparing,
// and the full list (`threatTo`) is compared whole.
import { describe, expect, it } from "vitest";
import { answerOffers, planRound } from "../../shared/bots/policies.js";
import { resolveRound } from "../../shared/rules/resolve.js";
import { createGame } from "../../shared/rules/setup.js";
import { strongestHostileForce } from "../../shared/rules/strength.js";
import type { GameState } from "../../shared/rules/types.js";
import { builtinScenarios } from "../../shared/scenario/builtin/index.js";
import { generateScenario } from "../../shared/scenario/generate.js";
import type { Scenario } from "../../shared/scenario/schema.js";
import { assignPolicies, playGame, step } from "../../shared/sim/play.js";
import { summarizeGame } from "../../shared/sim/summary.js";
import { predictAlignments, type RoundPredictions } from "../../shared/theory/predict.js";
import { answerOffers as refAnswerOffers, planRound as refPlanRound } from "./reference/bots/policies.js";
import { contextFor as refContextFor } from "./reference/rules/reduce.js";
import { resolveRound as refResolveRound } from "./reference/rules/resolve.js";
import { createGame as refCreateGame } from "./reference/rules/setup.js";
import { strongestHostileForce as refStrongestHostileForce } from "./reference/rules/strength.js";
import { playGame as refPlayGame, step as refStep } from "./reference/sim/play.js";
import { predictAlignments as refPredictAlignments } from "./reference/theory/predict.js";
import { intentionsOf as refIntentionsOf } from "./reference/theory/intentions.js";
import { distanceBetween as refDistanceBetween } from "./reference/theory/proximity.js";
import { threatTo as refThreatTo } from "./reference/theory/threat.js";
import { intentionsOf } from "../../shared/theory/intentions.js";
import { distanceBetween } from "../../shared/theory/proximity.js";
import { THREAT_LIST_LENGTH, threatTo } from "../../shared/theory/threat.js";
import { contextFor } from "../../shared/rules/reduce.js";

interface Case {
  scenario: Scenario;
  /** Rounds of the whole bot game compared (the reference needs about a second a round at 200 states). */
  rounds: number;
}

const cases: Case[] = [
  ...builtinScenarios().map((scenario) => ({ scenario, rounds: 10 })),
  ...[1, 2, 3].map((seed) => ({ scenario: { ...generateScenario(50, seed), id: `generated-50-seed-${seed}` }, rounds: 10 })),
  ...[42, 7].map((seed) => ({ scenario: { ...generateScenario(200, seed), id: `generated-200-seed-${seed}` }, rounds: 2 })),
];

/**
 * The reference's predictions with each state's threat list cut as the optimised model keeps
 * it: the first THREAT_LIST_LENGTH, or more when more states are tied with the top one (read
 * from the reference's own `tiedWith`). Everything else as it is.
 */
function topThreats(p: RoundPredictions): RoundPredictions {
  const states: RoundPredictions["states"] = {};
  for (const [id, s] of Object.entries(p.states)) {
    states[id] = { ...s, threats: s.threats.slice(0, Math.max(THREAT_LIST_LENGTH, 1 + s.balanceOfThreat.tiedWith.length)) };
  }
  return { ...p, states };
}

/** A reference game (or game state) with its current predictions cut by `topThreats`. */
const withTopThreats = <G extends { predictions: RoundPredictions }>(g: G): G => ({ ...g, predictions: topThreats(g.predictions) });

/** A game in round 1 with every bot's decisions in, ready to resolve (as the bench builds it). */
function decided(scenario: Scenario, reference: boolean): GameState {
  const policies = assignPolicies(scenario, "mixed", 1);
  let game = (reference ? refCreateGame(scenario, { seed: 1 }) : createGame(scenario, { seed: 1 }));
  const ids = game.states.map((s) => s.id);
  const passes = reference ? [refPlanRound, refAnswerOffers] : [planRound, answerOffers];
  for (const pass of passes) {
    for (const id of ids) {
      for (const c of pass(game, id, policies[id]!)) {
        const o = reference ? refStep(game, c) : step(game, c);
        if (o.ok) game = o.state;
      }
    }
  }
  return game;
}

describe.each(cases.map((c) => [c.scenario.id, c] as const))("the optimised model on %s", (_id, { scenario, rounds }) => {
  it("makes the same predictions as the reference code", () => {
    const game = createGame(scenario, { seed: 1 });
    const reference = refCreateGame(scenario, { seed: 1 });
    expect(game).toStrictEqual(withTopThreats(reference));
    expect(predictAlignments(game)).toStrictEqual(topThreats(refPredictAlignments(reference)));
    // Each list is the head of the full one: the top THREAT_LIST_LENGTH (all, in a small world) and every tie.
    for (const s of game.states) {
      const threats = game.predictions.states[s.id]!.threats;
      const tied = game.predictions.states[s.id]!.balanceOfThreat.tiedWith.length;
      expect(threats.length).toBe(Math.min(game.states.length - 1, Math.max(THREAT_LIST_LENGTH, 1 + tied)));
      expect(threats).toStrictEqual(threatTo(game, s.id).slice(0, threats.length));
    }
    // The single-state entry points (the client's own threat list) agree too.
    for (const s of game.states.slice(0, 5)) {
      expect(threatTo(game, s.id)).toStrictEqual(refThreatTo(reference, s.id));
      const other = game.states.find((x) => x.id !== s.id)!.id;
      expect(intentionsOf(game, other, s.id)).toStrictEqual(refIntentionsOf(reference, other, s.id));
      expect(distanceBetween(game, other, s.id)).toBe(refDistanceBetween(reference, other, s.id));
    }
  });

  it("gives the same bot decisions and the same resolution of a round", () => {
    const game = decided(scenario, false);
    const reference = decided(scenario, true);
    expect(game).toStrictEqual(withTopThreats(reference));
    const events = resolveRound(game, contextFor(game));
    const referenceEvents = refResolveRound(reference, refContextFor(reference));
    expect(events).toStrictEqual(referenceEvents);
    expect(game).toStrictEqual(withTopThreats(reference));
    for (const s of game.states) expect(strongestHostileForce(game, game.reach, s.id)).toBe(refStrongestHostileForce(reference, reference.reach, s.id));
  });

  it(`plays the same ${rounds}-round bot game`, () => {
    const policies = assignPolicies(scenario, "mixed", 1);
    const played = playGame(scenario, { seed: 1, rounds }, policies);
    const reference = refPlayGame(scenario, { seed: 1, rounds }, policies);
    expect(played.refusals).toStrictEqual(reference.refusals);
    expect(played.log).toStrictEqual(reference.log);
    expect(played.events).toStrictEqual(reference.events);
    expect(played.final).toStrictEqual(withTopThreats(reference.final));
    expect(played.final.history.length).toBe(rounds);
    expect(summarizeGame(played.final, policies)).toStrictEqual(summarizeGame(reference.final, policies));
  });
});
