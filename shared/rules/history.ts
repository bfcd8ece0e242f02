// What the round history keeps of each round's predictions.
import type { RoundPredictions } from "../theory/predict.js";
import { THREAT_LIST_LENGTH } from "../theory/threat.js";

/** Predictions with each state's threat list cut to its top `keep` entries (ties with the top one beyond them dropped too). */
export function compactPredictions(p: RoundPredictions, keep = THREAT_LIST_LENGTH): RoundPredictions {
  const states: RoundPredictions["states"] = {};
  for (const [id, s] of Object.entries(p.states)) states[id] = { ...s, threats: s.threats.slice(0, keep) };
  return { ...p, states };
}
