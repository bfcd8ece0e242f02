// The resolution of a round, in this order:
// 1. leaves take effect (a betrayal in the eyes of the one left);
// 2. alliances form where both sides agreed; other offers expire;
// 3. actions: threats (the target may give in and pay tribute), then wars;
// 4. budgets: economies grow, forces wear out and are rebuilt;
// 5. each state's alignment is classified against the round's predictions;
// 6. scores.
// Every draw of chance comes from ctx.random, in a fixed order (threats by
// threatener id, then wars by target id), so the same seed gives the same round.
import { classifyAlignment, type Alignment } from "../theory/classify.js";
import { distanceBetween } from "../theory/proximity.js";
import { allyMap, areAllied, pairKey, sortedPair, stateById, type Deed, type Power } from "../theory/world.js";
import { indexWorld } from "../theory/world-index.js";
import { actionStillValid } from "./diplomacy.js";
import { scoreRound } from "./scoring.js";
import { defensiveStrength, forceDiscount, strongestHostileForces } from "./strength.js";
import type { Context, Draft, GameEvent, GameState, RoundRecord, ScoreLine } from "./types.js";
import {
  BUDGET_RATE,
  ECONOMY_RETURN,
  FORCE_UPKEEP,
  MAX_FORCE_LOSS,
  MIN_ECONOMY,
  MIN_FORCES,
  TRIBUTE_SHARE,
} from "./tuning.js";
import { resolveWar, warNetwork, type WarNetwork } from "./war.js";
import { compactPredictions } from "./history.js";
import { roundTo } from "../format.js";

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The powers as they stand, for the round's record: each state and its position copied (what
 * the JSON round trip this replaced gave, for plain data with no undefined fields).
 */
function copyPowers(states: readonly Power[]): Power[] {
  return states.map((s) => ({ ...s, position: [s.position[0], s.position[1]] }));
}

/** Resolves the current round in place on `game` (already a copy) and returns its events. */
export function resolveRound(game: GameState, ctx: Context): GameEvent[] {
  const events: GameEvent[] = [];
  // The round's record keeps the drafts as they are: a draft in a game state is never changed, only
  // replaced (diplomacy changes a copy of the sender's draft, copyForCommands copies them all, and
  // this function replaces each one below), so the record needs no copy of its own.
  const decisions: Record<string, Draft> = { ...game.drafts };
  const ids = game.states.map((s) => s.id).sort(byId);
  const newDeeds: Deed[] = [];

  // 1. Leaves, judged against the alliances as they stood: if both partners leave, both betrayed.
  const left = new Set<string>();
  for (const id of ids) {
    for (const ally of decisions[id]!.leaving) {
      if (!areAllied(game, id, ally)) continue;
      left.add(pairKey(id, ally));
      newDeeds.push({ round: game.round, from: id, to: ally, kind: "betrayal" });
      events.push({ type: "allianceLeft", by: id, ally });
    }
  }
  game.alliances = game.alliances.filter(([x, y]) => !left.has(pairKey(x, y)));

  // 2. Offers.
  const allied = new Set(game.alliances.map(([x, y]) => pairKey(x, y)));
  for (const offer of game.offers) {
    if (offer.accepted && !allied.has(pairKey(offer.from, offer.to))) {
      allied.add(pairKey(offer.from, offer.to));
      game.alliances.push(sortedPair(offer.from, offer.to));
      events.push({ type: "allianceFormed", a: offer.from, b: offer.to });
    } else if (!offer.accepted) {
      events.push({ type: "offerExpired", from: offer.from, to: offer.to });
    }
  }
  game.alliances.sort((p, q) => byId(p[0], q[0]) || byId(p[1], q[1]));
  game.offers = [];

  // 3. Actions, checked again now that alliances have changed.
  const threats: [string, string][] = [];
  const attacks = new Map<string, string[]>();
  for (const id of ids) {
    const action = decisions[id]!.action;
    if (action.kind === "none") continue;
    const problem = actionStillValid(game, id, action);
    if (problem) {
      events.push({ type: "actionCancelled", by: id, action, reason: problem });
      continue;
    }
    if (action.kind === "threaten") threats.push([id, action.target]);
    else attacks.set(action.target, [...(attacks.get(action.target) ?? []), id]);
  }
  const economyChange = new Map<string, number>();
  const addEconomy = (id: string, x: number) => economyChange.set(id, (economyChange.get(id) ?? 0) + x);
  for (const [from, to] of threats) {
    const target = stateById(game, to);
    const force = stateById(game, from).offense * forceDiscount(distanceBetween(game, from, to), game.distanceScale);
    const resist = defensiveStrength(game, to);
    const chance = force + resist > 0 ? force / (force + resist) : 0;
    const yielded = ctx.random() < chance;
    const tribute = yielded ? roundTo(target.economy * TRIBUTE_SHARE, 2) : 0;
    if (yielded) {
      addEconomy(to, -tribute);
      addEconomy(from, tribute);
    }
    newDeeds.push({ round: game.round, from, to, kind: "threat" });
    events.push({ type: "threat", from, to, yielded, tribute, chance });
  }
  // Each state's losses and war points over the round's wars, by index of game.states (0 outside them).
  const forceLoss = new Float64Array(game.states.length);
  const warPoints = new Float64Array(game.states.length);
  let network: WarNetwork | undefined; // the alliances no longer change this round
  for (const target of [...attacks.keys()].sort(byId)) {
    const attackers = attacks.get(target)!.sort(byId);
    network ??= warNetwork(game);
    const result = resolveWar(game, target, attackers, ctx.random, network);
    result.participants.forEach((i, k) => {
      forceLoss[i] = forceLoss[i]! + result.forceLoss[k]!;
      warPoints[i] = warPoints[i]! + result.points[k]!;
    });
    result.economy.forEach((x, id) => addEconomy(id, x));
    for (const a of attackers) newDeeds.push({ round: game.round, from: a, to: target, kind: "attack" });
    events.push(result.event);
  }

  // 4. Budgets, from the economy each state had at the start of the round.
  game.states.forEach((s, i) => {
    const budget = BUDGET_RATE * s.economy;
    const split = decisions[s.id]!.budget;
    const keep = 1 - Math.min(MAX_FORCE_LOSS, forceLoss[i]!);
    s.economy = roundTo(Math.max(MIN_ECONOMY, s.economy + (economyChange.get(s.id) ?? 0) + (ECONOMY_RETURN * budget * split.economy) / 100), 2);
    s.defense = roundTo(Math.max(MIN_FORCES, s.defense * keep * (1 - FORCE_UPKEEP) + (budget * split.defense) / 100), 2);
    s.offense = roundTo(Math.max(MIN_FORCES, s.offense * keep * (1 - FORCE_UPKEEP) + (budget * split.offense) / 100), 2);
  });
  game.deeds.push(...newDeeds);

  // 5. Alignments against the predictions made at the start of the round.
  const alignments: Record<string, Alignment> = {};
  const allies = allyMap(game);
  for (const id of ids) {
    alignments[id] = classifyAlignment(game.predictions.states[id]!, [...(allies.get(id) ?? [])], game.offersMade[id] ?? []);
  }

  // 6. Scores.
  const scores: Record<string, ScoreLine> = {};
  const ix = indexWorld(game);
  const hostile = strongestHostileForces(game, ix, game.reach);
  for (const id of ids) {
    const i = ix.of.get(id)!;
    const line = scoreRound(game, id, warPoints[i]!, alignments[id]!, game.roles[id], hostile[i]);
    scores[id] = line;
    game.scores[id] = [...(game.scores[id] ?? []), line];
  }

  events.push({ type: "roundResolved", round: game.round });
  const record: RoundRecord = {
    round: game.round,
    predictions: compactPredictions(game.predictions),
    decisions,
    alliances: game.alliances.map(([a, b]) => [a, b]),
    alignments,
    events,
    scores,
    powers: copyPowers(game.states),
  };
  game.history.push(record);
  game.phase = "review";
  // Replaced, not changed: the drafts are shared with the state before the round (copyForRound).
  for (const id of ids) game.drafts[id] = { ...game.drafts[id]!, ready: false };
  return events;
}
