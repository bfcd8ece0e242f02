// Where a team's draft stands this round, for the teacher's console: whether
// it is complete, and which theory the alignment it has drafted so far fits.
//
// A draft is complete when the team has, this round,
//   - saved a budget (the split carried over from the last round does not count:
//     the team has not looked at it yet), and
//   - chosen an action, "none" (no threat, no attack) included.
// Alliance moves are not required: standing alone is a choice the theories
// classify too. Readiness is separate (a team may say it is ready with an
// incomplete draft: its carried-over budget and no action then stand).
import { classifyAlignment } from "../theory/classify.js";
import { pairKey, type Theory } from "../theory/world.js";
import type { Draft, GameState } from "./types.js";

/** What a draft still lacks, in the words the console shows; empty when it is complete. */
export type DraftGap = "budget" | "action";

export function draftGaps(draft: Pick<Draft, "budgetSaved" | "actionChosen">): DraftGap[] {
  const gaps: DraftGap[] = [];
  if (draft.budgetSaved !== true) gaps.push("budget");
  if (draft.actionChosen !== true) gaps.push("action");
  return gaps;
}

/** Complete: a budget saved and an action chosen (or explicitly none) this round. */
export function isDraftComplete(draft: Pick<Draft, "budgetSaved" | "actionChosen">): boolean {
  return draftGaps(draft).length === 0;
}

/** Does the drafted alignment fit each theory's prediction: true, false, or null where the theory predicts nothing (balance of power for the leader, or a tie). */
export type DraftFit = Record<Theory, boolean | null>;

/**
 * How a state's alignment would be classified if the round were resolved now, the way
 * resolution classifies it (classifyAlignment on its allies at the end of the round and
 * the offers it made this round): its alliances without those it or its ally is leaving,
 * the alliances agreed this round (accepted offers, either way), and the offers it made.
 * Null when the round has no prediction for the state.
 */
export function draftFit(game: GameState, state: string): DraftFit | null {
  const prediction = game.predictions.states[state];
  if (!prediction) return null;
  const leaving = new Set<string>();
  for (const [id, draft] of Object.entries(game.drafts)) for (const ally of draft.leaving) leaving.add(pairKey(id, ally));
  const allies = new Set<string>();
  for (const [a, b] of game.alliances) {
    if (a !== state && b !== state) continue;
    if (leaving.has(pairKey(a, b))) continue;
    allies.add(a === state ? b : a);
  }
  for (const o of game.offers) {
    if (!o.accepted) continue;
    if (o.from === state) allies.add(o.to);
    if (o.to === state) allies.add(o.from);
  }
  const a = classifyAlignment(prediction, [...allies], game.offersMade[state] ?? []);
  return { "balance-of-power": a.balanceOfPower, "balance-of-threat": a.balanceOfThreat, bandwagon: a.bandwagon };
}
