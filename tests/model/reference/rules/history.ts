// REFERENCE COPY: the pre-optimisation model (issue 15), kept unchanged to check that the
// optimised code in shared/ gives identical results (tests/model/optimised-model.test.ts).
// Copied from shared/rules/history.ts at 968eafc; do not edit or import from the game.
// What the round history keeps of each round's predictions.
import type { RoundPredictions } from "../theory/predict.js";

/** Predictions with each state's threat list cut to its top `keep` entries. */
export function compactPredictions(p: RoundPredictions, keep = 3): RoundPredictions {
  const states: RoundPredictions["states"] = {};
  for (const [id, s] of Object.entries(p.states)) states[id] = { ...s, threats: s.threats.slice(0, keep) };
  return { ...p, states };
}
