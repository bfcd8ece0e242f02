// Deep copies of drafts, part by part: what a JSON round trip gave (a draft is plain
// data with no undefined fields), without the cost of one for every command.
import type { Draft } from "./types.js";

/** A deep copy of one draft (same keys in the same order). */
export function copyDraft(draft: Draft): Draft {
  return { ...draft, budget: { ...draft.budget }, action: { ...draft.action }, leaving: [...draft.leaving] };
}

/** A deep copy of every state's draft. */
export function copyDrafts(drafts: Record<string, Draft>): Record<string, Draft> {
  const copy: Record<string, Draft> = {};
  for (const [id, draft] of Object.entries(drafts)) copy[id] = copyDraft(draft);
  return copy;
}
