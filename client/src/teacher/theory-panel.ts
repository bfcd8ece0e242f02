// What the theories say about one state this round, in words: the reasons
// behind the grid's ticks (team-grid.ts), shown when the teacher opens a
// team's "Why" row. Also its whole draft, whether the two balancing theories
// disagree, the last round's classification and, in the theory challenge, the
// theory it was secretly dealt.
import { THEORIES } from "../../../shared/theory/world.js";
import { h } from "../common/dom.js";
import { THEORY_LABEL } from "../common/format.js";
import { nameOf, type Synced } from "../common/synced.js";

/** A team's draft in one line: "budget 50/30/20 (economy/defence/offence %) · threaten Borealis · offers to Caspia". */
export function draftLine(s: Synced, state: string): string {
  const t = s.teams.get(state);
  if (!t) return "";
  const parts = [`${t.budget.economy}/${t.budget.defense}/${t.budget.offense}`];
  if (t.action.kind !== "none") parts.push(`${t.action.kind} ${nameOf(s, t.action.target)}`);
  else if (t.actionChosen) parts.push("no action");
  if (t.offersOut.length > 0) parts.push(`offers to ${t.offersOut.map((o) => `${nameOf(s, o.state)}${o.accepted ? " (accepted)" : ""}`).join(", ")}`);
  const accepted = t.offersIn.filter((o) => o.accepted);
  if (accepted.length > 0) parts.push(`accepted ${accepted.map((o) => nameOf(s, o.state)).join(", ")}`);
  if (t.leaving.length > 0) parts.push(`leaves ${t.leaving.map((id) => nameOf(s, id)).join(", ")}`);
  return parts.join(" · ");
}

/** The reasons for one state: every theory's prediction as a sentence, and what its draft and last round were. */
export function theoryDetails(s: Synced, state: string): HTMLElement {
  const t = s.teams.get(state);
  const p = s.theory.get(state);
  const sentence = { "balance-of-power": p?.balanceOfPower, "balance-of-threat": p?.balanceOfThreat, bandwagon: p?.bandwagon } as const;
  const last = p?.last ? (p.last.alone ? "stood alone" : p.last.matches.map((m) => THEORY_LABEL[m]).join(", ") || "matched no theory") : null;
  const pending = t ? t.offersIn.filter((o) => !o.accepted).map((o) => nameOf(s, o.state)) : [];
  return h(
    "div",
    { class: "why-body" },
    t ? h("p", {}, h("strong", {}, "Draft: "), `budget ${draftLine(s, state)} (economy/defence/offence %).`, pending.length > 0 ? ` Open offers from ${pending.join(", ")}.` : "") : null,
    h("dl", {}, ...THEORIES.flatMap((theory) => [h("dt", {}, THEORY_LABEL[theory]), h("dd", {}, sentence[theory] || "No prediction yet.")])),
    p?.divergent ? h("p", {}, "The two balancing theories point at different adversaries this round.") : null,
    last ? h("p", {}, `Last round it ${last === "stood alone" ? "stood alone" : `matched: ${last}`}.`) : null,
    t?.role ? h("p", { class: "muted" }, `Secret theory (challenge): ${THEORY_LABEL[t.role]}.`) : null,
  );
}
