// What the round history keeps of each round's predictions.
import type { RoundPredictions } from "../theory/predict.js";

/** Predictions with each state's threat list cut to its top `keep` entries. */
export function compactPredictions(p: RoundPredictions, keep = 3): RoundPredictions {
  const states: RoundPredictions["states"] = {};
  for (const [id, s] of Object.entries(p.states)) states[id] = { ...s, threats: s.threats.slice(0, keep) };
  return { ...p, states };
}
