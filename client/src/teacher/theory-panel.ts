// The theory panel: what each theory predicts for each state this round, next
// to what its team has drafted, whether the theories disagree, and what the
// last round's alignment matched.
import { fill, h } from "../common/dom.js";
import { THEORY_LABEL } from "../common/format.js";
import { nameOf, type Synced } from "../common/synced.js";

export function renderTheoryPanel(box: HTMLElement, s: Synced): void {
  const rows = s.states.map((x) => {
    const t = s.teams.get(x.id);
    const p = s.theory.get(x.id);
    const action = t && t.action.kind !== "none" ? `; ${t.action.kind} ${nameOf(s, t.action.target)}` : "";
    const draft = t ? `${t.budget.economy}/${t.budget.defense}/${t.budget.offense}${action}` : "";
    const offers = t ? t.offersOut.map((o) => `→ ${nameOf(s, o.state)}${o.accepted ? " ✓" : ""}`).join(", ") : "";
    const last = p?.last ? (p.last.alone ? "alone" : p.last.matches.join(",") || "none") : "";
    return h(
      "tr",
      {},
      h("th", { scope: "row" }, x.name, t?.role ? h("div", { class: "muted" }, `secret: ${THEORY_LABEL[t.role]}`) : null),
      h("td", {}, draft, offers ? h("div", {}, offers) : null),
      h("td", {}, p?.balanceOfPower ?? ""),
      h("td", {}, p?.balanceOfThreat ?? ""),
      h("td", {}, p?.bandwagon ?? ""),
      h("td", {}, p?.divergent ? "yes" : ""),
      h("td", {}, last),
    );
  });
  fill(
    box,
    h("h2", { id: "theory-title" }, "Theory panel: what each theory predicts this round, and what each team has drafted"),
    h(
      "div",
      { class: "table-scroll" },
      h(
        "table",
        {},
        h(
          "thead",
          {},
          h("tr", {}, h("th", {}, "State"), h("th", {}, "Draft (economy/defence/offence %; action; offers)"), h("th", {}, "Balance of power"), h("th", {}, "Balance of threat"), h("th", {}, "Bandwagoning"), h("th", {}, "Disagree"), h("th", {}, "Last round matched")),
        ),
        h("tbody", {}, ...rows),
      ),
    ),
  );
}
