// Classifying what a state actually did against what each theory predicted.
// A state's alignment in a round is its allies at the end of the round plus
// the offers it made that round (an offer shows which side it chose).
import type { StatePrediction } from "./predict.js";
import type { Theory } from "./world.js";

export interface Alignment {
  allies: string[];
  offers: string[];
  /** Balance of power: a partner from its set and no alliance with the leading bloc; null for the leader. */
  balanceOfPower: boolean | null;
  /** Balance of threat: a partner from its set and no alliance with the top threat's bloc. */
  balanceOfThreat: boolean;
  /** Bandwagoning: allied with (or offering to) the top threat. */
  bandwagon: boolean;
  /** Stands alone: no allies and no offers (buck-passing or hiding). Not the same as matching none. */
  alone: boolean;
  /** The theories this alignment matches (possibly several; none is "none", not "alone"). */
  matches: Theory[];
  /** The theories disagreed for this state this round. */
  divergent: boolean;
}

/** How often each theory's prediction was matched, over the alignments counted. */
export type FitCounts = Record<Theory, { matched: number; predicted: number }>;

export function emptyFitCounts(): FitCounts {
  return { "balance-of-power": { matched: 0, predicted: 0 }, "balance-of-threat": { matched: 0, predicted: 0 }, bandwagon: { matched: 0, predicted: 0 } };
}

/**
 * Counts one alignment into a fit tally. Balance of power is counted only where it
 * predicted something (not for the leader); the other two theories always are.
 */
export function countFit(fit: FitCounts, a: Pick<Alignment, "balanceOfPower" | "balanceOfThreat" | "bandwagon">): void {
  if (a.balanceOfPower !== null) {
    fit["balance-of-power"].predicted += 1;
    if (a.balanceOfPower) fit["balance-of-power"].matched += 1;
  }
  fit["balance-of-threat"].predicted += 1;
  if (a.balanceOfThreat) fit["balance-of-threat"].matched += 1;
  fit.bandwagon.predicted += 1;
  if (a.bandwagon) fit.bandwagon.matched += 1;
}

/**
 * A sorted copy of a few ids: what `[...ids].sort()` gives (strings in code-unit order), by
 * insertion, since Array.prototype.sort sets up work space on every call (about 400 bytes for
 * a list of two; resolution classifies every state).
 */
function sortedCopy(ids: readonly string[]): string[] {
  const out = ids.slice();
  for (let i = 1; i < out.length; i++) {
    const x = out[i]!;
    let p = i;
    for (; p > 0 && out[p - 1]! > x; p--) out[p] = out[p - 1]!;
    out[p] = x;
  }
  return out;
}

/**
 * Classifies what a state did (its allies at the end of the round and the offers it made)
 * against what each theory predicted for it at the start of the round.
 */
export function classifyAlignment(prediction: StatePrediction, allies: string[], offers: string[] = []): Alignment {
  const aligned = new Set(allies);
  for (const o of offers) aligned.add(o);
  aligned.delete(prediction.state);
  // Whether any of `ids` is aligned: a few aligned states looked for in lists of up to n.
  const has = (ids: readonly string[]) => {
    for (const a of aligned) if (ids.includes(a)) return true;
    return false;
  };
  const byPower = prediction.balanceOfPower;
  const byThreat = prediction.balanceOfThreat;
  // The short lists first (a state aligned with the other side needs no look through the partners,
  // which are up to n). The state itself is not in `aligned`, so its own place in the bloc is no match.
  const balanceOfPower = byPower.against === null ? null : !has(byPower.bloc) && has(byPower.partners);
  const balanceOfThreat = !has(byThreat.camp) && has(byThreat.partners);
  const bandwagon = aligned.has(prediction.bandwagon.with) || aligned.has(byThreat.against) || byThreat.tiedWith.some((t) => aligned.has(t));
  const matches: Theory[] = [];
  if (balanceOfPower) matches.push("balance-of-power");
  if (balanceOfThreat) matches.push("balance-of-threat");
  if (bandwagon) matches.push("bandwagon");
  return {
    allies: sortedCopy(allies),
    offers: sortedCopy(offers),
    balanceOfPower,
    balanceOfThreat,
    bandwagon,
    alone: aligned.size === 0,
    matches,
    divergent: prediction.divergent,
  };
}
