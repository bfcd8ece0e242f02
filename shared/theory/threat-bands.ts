// A threat score in words, on a five-step scale, for students: "high" rather
// than "0.060". The bands are fixed points of the model's own scale
// (threat.ts), not ranks among the states of a game, so that a word means the
// same in every round and scenario and a threat that grows moves up the scale.
//
// How to read the scale: threat(j -> i) = power share × proximity × offense ×
// intentions. A neighbour (proximity 1) with an average army (30% offensive,
// offense 0.8) and no hostile record (intentions 1) holding a share p of all
// power scores 0.8 p. So a score is about "the share of all power that bears
// down on you", and the thresholds read:
//
//   very low  below 0.01   less than such a neighbour with about 1% of all power: nothing much reaches you
//   low       0.01 - 0.05  up to such a neighbour with about 6% of all power (a small neighbour)
//   medium    0.05 - 0.15  up to such a neighbour with about 19% (a middle power next door)
//   high      0.15 - 0.40  up to such a neighbour with half of all power, or a hostile middle power
//   very high 0.40 and up  more than a peaceful neighbour with half of all power: a great power near you
//                          with a hostile record or claims on your land
//
// The steps grow by a factor of about 3, as threats do (the score is a product).
// In the built-in scenarios at round 1, each state's top threat falls between
// low and very high (cold-war-1947: median 0.19; europe-1936: 0.25 to 1.2), and
// most other states are very low or low, so the scale separates them.

export const THREAT_LEVELS = ["very low", "low", "medium", "high", "very high"] as const;
export type ThreatLevel = (typeof THREAT_LEVELS)[number];

/** Lower bounds of the bands above "very low", on the model's threat scale (see the table above). */
export const THREAT_BAND_FLOORS: readonly [number, number, number, number] = [0.01, 0.05, 0.15, 0.4];

export interface ThreatBand {
  /** 0 (very low) to 4 (very high). */
  step: number;
  /** The band in words. */
  level: ThreatLevel;
  /** How many of the scale's steps to fill in a small bar: step + 1, of THREAT_LEVELS.length. */
  filled: number;
}

/** The band of a threat score (threat.ts `score`). */
export function threatBand(score: number): ThreatBand {
  let step = 0;
  for (const floor of THREAT_BAND_FLOORS) if (score >= floor) step += 1;
  return { step, level: THREAT_LEVELS[step]!, filled: step + 1 };
}
