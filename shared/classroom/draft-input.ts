// The student's form before it is sent: which teams are still deciding (the
// readiness rule of readiness.ts), and whether a team's budget and action are
// complete enough to be saved (shared/rules/draft-status.ts says whether a
// saved draft is complete). Pure: it reads plain data a page already has.
import { countsAsDeciding, type SeatStatus } from "./readiness.js";
import type { Action, Budget } from "../rules/types.js";

/**
 * The states whose team has not said "ready" yet, in the given order. Only states played by a team
 * with at least one member count: bots, empty seats and teams nobody joined never hold a round up
 * (the rule of `everyoneReady` in flow.ts, which ends the round once this list is empty).
 */
export function teamsStillDeciding(states: readonly (SeatStatus & { id: string })[]): string[] {
  return states.filter((s) => countsAsDeciding(s) && !s.ready).map((s) => s.id);
}

/** The three budget parts added up (a part that is not a number counts 0). */
export function budgetTotal(budget: Budget): number {
  return [budget.economy, budget.defense, budget.offense].reduce((sum, p) => sum + (Number.isFinite(p) ? p : 0), 0);
}

/** Why a budget cannot be saved, in words, or null when it can (whole percents 0 to 100 adding up to 100). */
export function budgetProblem(budget: Budget): string | null {
  const parts = [budget.economy, budget.defense, budget.offense];
  if (!parts.every((p) => Number.isInteger(p) && p >= 0 && p <= 100)) return "Each part must be a whole number from 0 to 100.";
  const total = budgetTotal(budget);
  if (total !== 100) return `The parts add up to ${total}%: they must make 100%${total > 100 ? ` (${total - 100} too many)` : ` (${100 - total} missing)`}.`;
  return null;
}

/** An action as a page's form holds it: the kind, and the target chosen so far ("" for none). */
export interface ActionChoice {
  kind: string;
  target: string;
}

/** The action to send for a form's choice, or why it cannot be sent yet (a threat or attack needs a target). */
export function actionFromChoice(choice: ActionChoice): { action: Action } | { problem: string } {
  if (choice.kind === "none") return { action: { kind: "none" } };
  if (choice.kind !== "threaten" && choice.kind !== "attack") return { problem: "Choose what to do." };
  if (!choice.target) return { problem: `Choose which state to ${choice.kind === "attack" ? "attack" : "threaten"}, or choose "No action".` };
  return { action: { kind: choice.kind, target: choice.target } };
}
