// A game's summary: per round the alliances, actions, predictions, each state's
// alignment classified against the theories, and scores; at the end each
// theory's share of the alignments it predicted. Pure and deterministic, so the
// same game always gives the same summary, byte for byte.
import { countFit } from "../theory/classify.js";
import { powerShares } from "../theory/power.js";
import { THEORIES, type Theory } from "../theory/world.js";
import { actionText, gameEventText } from "../classroom/event-text.js";
import { ranking } from "../rules/scoring.js";
import type { GameEvent, GameState } from "../rules/types.js";
import { roundTo } from "../format.js";

export interface TheoryFit {
  /** State-rounds whose alignment matched the theory. */
  matched: number;
  /** State-rounds for which the theory made a prediction. */
  predicted: number;
  /** matched / predicted (0 when nothing was predicted). */
  share: number;
}

export interface GameSummary {
  scenario: string;
  seed: number;
  policies: Record<string, string>;
  rounds: RoundSummary[];
  final: {
    ranking: { id: string; total: number }[];
    powerShares: Record<string, number>;
    alliances: [string, string][];
  };
  theoryFit: Record<Theory, TheoryFit> & { alone: number; divergent: number; stateRounds: number };
}

export interface RoundSummary {
  round: number;
  leader: { bloc: string[]; share: number };
  alliances: [string, string][];
  actions: Record<string, string>;
  predictions: Record<
    string,
    {
      balanceOfPower: { against: string[] | null; partners: string[] };
      balanceOfThreat: { against: string; partners: string[]; decidedBy: string[] };
      bandwagon: { with: string };
      divergent: boolean;
    }
  >;
  alignments: Record<string, { allies: string[]; offers: string[]; matches: Theory[]; alone: boolean }>;
  events: string[];
  scores: Record<string, number>;
}


/** The events a game summary lists (not offers made, drafts, readiness or round markers). */
const SUMMARY_EVENTS = new Set<GameEvent["type"]>(["allianceFormed", "allianceLeft", "offerExpired", "offerDeclined", "threat", "war", "actionCancelled", "crisis"]);
const asId = (id: string) => id;

export function summarizeGame(game: GameState, policies: Record<string, string>): GameSummary {
  const fit = Object.fromEntries(THEORIES.map((t) => [t, { matched: 0, predicted: 0, share: 0 }])) as Record<Theory, TheoryFit>;
  let alone = 0;
  let divergent = 0;
  let stateRounds = 0;
  const rounds: RoundSummary[] = game.history.map((h) => {
    const predictions: RoundSummary["predictions"] = {};
    const alignments: RoundSummary["alignments"] = {};
    const actions: Record<string, string> = {};
    for (const [id, p] of Object.entries(h.predictions.states)) {
      predictions[id] = {
        balanceOfPower: { against: p.balanceOfPower.against, partners: p.balanceOfPower.partners },
        balanceOfThreat: { against: p.balanceOfThreat.against, partners: p.balanceOfThreat.partners, decidedBy: p.balanceOfThreat.decidedBy },
        bandwagon: { with: p.bandwagon.with },
        divergent: p.divergent,
      };
      const a = h.alignments[id]!;
      alignments[id] = { allies: a.allies, offers: a.offers, matches: a.matches, alone: a.alone };
      actions[id] = actionText(h.decisions[id]!.action, asId);
      stateRounds += 1;
      if (a.alone) alone += 1;
      if (a.divergent) divergent += 1;
      countFit(fit, a);
    }
    return {
      round: h.round,
      leader: { bloc: h.predictions.leader.bloc, share: roundTo(h.predictions.leader.share, 4) },
      alliances: h.alliances,
      actions,
      predictions,
      alignments,
      events: h.events.filter((e) => SUMMARY_EVENTS.has(e.type)).map((e) => gameEventText(e, asId)).filter((x): x is string => x !== null),
      scores: Object.fromEntries(Object.entries(h.scores).map(([id, s]) => [id, s.total])),
    };
  });
  for (const t of THEORIES) fit[t].share = fit[t].predicted > 0 ? roundTo(fit[t].matched / fit[t].predicted, 4) : 0;
  const shares = powerShares(game);
  return {
    scenario: game.scenarioId,
    seed: game.seed,
    policies,
    rounds,
    final: {
      ranking: ranking(game),
      powerShares: Object.fromEntries([...shares].map(([id, s]) => [id, roundTo(s, 4)])),
      alliances: game.alliances,
    },
    theoryFit: { ...fit, alone, divergent, stateRounds },
  };
}
