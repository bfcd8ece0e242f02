// REFERENCE COPY: the pre-optimisation model (issue 15), kept unchanged to check that the
// optimised code in shared/ gives identical results (tests/model/optimised-model.test.ts).
// Copied from shared/rules/setup.ts at 968eafc; do not edit or import from the game.
// A new game from a validated scenario: forces and economies put on one scale
// (an average of 100 per state), prior deeds dated before round 1, initial
// alliances in force, predictions for round 1 made.
import { mixSeed, seededRandom, shuffled } from "../../../../shared/random.js";
import type { Scenario } from "../../../../shared/scenario/schema.js";
import { predictAlignments } from "../theory/predict.js";
import { THEORIES, hasPair, sortedPair, type Pair, type Theory } from "../theory/world.js";
import { applyCrisis } from "./crisis.js";
import type { Draft, GameState, Settings } from "./types.js";
import { roundTo } from "../../../../shared/format.js";

export const DEFAULT_DISTANCE_SCALE = 1000;
export const DEFAULT_REACH = 3000;
/** Random streams: each use of chance draws from its own, so adding one never shifts another. */
export const STREAM = { roles: 1, resolution: 2, bots: 3 } as const;

export interface GameOptions {
  seed: number;
  rounds?: number;
  scoring?: Settings["scoring"];
}

export function defaultDraft(offensiveShare = 0.3): Draft {
  const offense = Math.round(offensiveShare * 50);
  return { budget: { economy: 50, defense: 50 - offense, offense }, action: { kind: "none" }, leaving: [], ready: false };
}


export function createGame(scenario: Scenario, options: GameOptions): GameState {
  const n = scenario.states.length;
  const totalMilitary = scenario.states.reduce((s, x) => s + x.military, 0);
  const totalEconomy = scenario.states.reduce((s, x) => s + x.economy, 0);
  const states = scenario.states.map((s) => {
    const military = (s.military / totalMilitary) * 100 * n;
    return {
      id: s.id,
      name: s.name,
      economy: roundTo((s.economy / totalEconomy) * 100 * n, 2),
      defense: roundTo(military * (1 - s.offensive), 2),
      offense: roundTo(military * s.offensive, 2),
      position: [s.position[0], s.position[1]] as [number, number],
      ...(s.article ? { article: s.article } : {}),
      ...(s.maritime ? { maritime: true } : {}),
      ...(s.revisionist ? { revisionist: true } : {}),
      ...(s.ideology ? { ideology: s.ideology } : {}),
    };
  });
  const seed = options.seed >>> 0;
  const settings: Settings = { rounds: options.rounds ?? scenario.rounds, scoring: options.scoring ?? "standard" };
  const roles: Record<string, Theory> = {};
  if (settings.scoring === "challenge") {
    const order = shuffled(
      states.map((s) => s.id),
      seededRandom(mixSeed(seed, STREAM.roles)),
    );
    order.forEach((id, i) => (roles[id] = THEORIES[i % THEORIES.length]!));
  }
  const pairs = (list: Pair[] | undefined) => (list ?? []).map(([a, b]) => sortedPair(a, b));
  const initialAlliances = pairs(scenario.alliances);
  const drafts: Record<string, Draft> = {};
  for (const s of scenario.states) drafts[s.id] = defaultDraft(s.offensive);
  const game: GameState = {
    scenarioId: scenario.id,
    seed,
    settings,
    phase: "diplomacy",
    round: 1,
    distanceScale: scenario.distanceScale ?? DEFAULT_DISTANCE_SCALE,
    reach: scenario.reach ?? DEFAULT_REACH,
    states,
    alliances: initialAlliances,
    borders: pairs(scenario.borders),
    deeds: (scenario.history ?? []).map((d) => ({
      round: 1 - d.ago,
      from: d.from,
      to: d.to,
      kind: d.kind,
      ...(hasPair(initialAlliances, d.from, d.to) ? { withinAlliance: true as const } : {}),
    })),
    claims: (scenario.claims ?? []).map((c) => ({ from: c.from, to: c.to })),
    rivalIdeologies: pairs(scenario.rivalIdeologies),
    startEconomy: Object.fromEntries(states.map((s) => [s.id, s.economy])),
    offers: [],
    offersMade: Object.fromEntries(states.map((s) => [s.id, []])),
    openingEvents: [],
    drafts,
    predictions: { round: 1, leader: { bloc: [], leader: "", share: 0, leaderShare: 0, strength: "weak", strong: false, tie: null }, blocs: [], rivals: [], states: {} },
    roles,
    scores: Object.fromEntries(states.map((s) => [s.id, []])),
    history: [],
    pendingCrises: (scenario.crises ?? []).filter((c) => c.round !== undefined),
  };
  // Crises dated round 1 break out before the first round's predictions.
  for (const crisis of game.pendingCrises.filter((c) => c.round === 1)) game.openingEvents.push(applyCrisis(game, crisis));
  game.pendingCrises = game.pendingCrises.filter((c) => c.round !== 1);
  game.predictions = predictAlignments(game);
  return game;
}
