// A student's report card (from GET /api/games/:code/card with their rejoin key in X-Rejoin-Key):
// decisions round by round, what each theory predicted and why, scores, and a
// reflection question. Used at the end of the game and for archived games.
import type { ReportCard } from "../../../shared/report/card.js";
import { api } from "../common/api.js";
import { h, userText } from "../common/dom.js";
import { num1, THEORY_LABEL } from "../common/format.js";

/** The card of the student with this rejoin key, or null (no such student, or the server cannot be reached). */
export async function fetchCard(code: string, rejoinKey: string): Promise<ReportCard | null> {
  const r = await api<ReportCard>(`/api/games/${encodeURIComponent(code)}/card`, { headers: { "x-rejoin-key": rejoinKey } });
  return r.ok ? r.body : null;
}

export function reportCard(card: ReportCard): HTMLElement {
  const fit = (t: keyof ReportCard["fit"]) => `${THEORY_LABEL[t]} ${card.fit[t].matched} of ${card.fit[t].predicted}`;
  return h(
    "section",
    { class: "report-card", "aria-labelledby": "card-title" },
    h("h2", { id: "card-title" }, `Report card: ${card.stateName}`),
    h("p", {}, userText(card.nickname), ` · ${card.scenario.title} · final score ${num1(card.total)}, rank ${card.rank} of ${card.of}.`),
    h("p", {}, `Your alliances matched: ${fit("balance-of-power")} rounds; ${fit("balance-of-threat")}; ${fit("bandwagon")}.`),
    h(
      "div",
      { class: "table-scroll", tabindex: 0, role: "region", "aria-label": "Your rounds (scrolls sideways on small screens)" },
      h(
        "table",
        {},
        h("thead", {}, h("tr", {}, h("th", {}, "Round"), h("th", {}, "What you did"), h("th", {}, "What the theories predicted"), h("th", {}, "Matched"), h("th", { class: "num" }, "Score"))),
        h(
          "tbody",
          {},
          ...card.rounds.map((r) =>
            h(
              "tr",
              {},
              h("th", { scope: "row" }, String(r.round), r.predictions?.divergent ? h("div", { class: "pill warn" }, "theories disagreed") : null),
              h(
                "td",
                {},
                r.matched.alone ? "Stood alone." : `Allies: ${r.did.allies.join(", ") || "none"}${r.did.offers.length ? `; offers to ${r.did.offers.join(", ")}` : ""}.`,
                h("div", {}, `Budget ${r.did.budget.economy}/${r.did.budget.defense}/${r.did.budget.offense} (economy/defence/offence); ${r.did.actionText || "no action"}.`),
              ),
              r.predictions
                ? h(
                    "td",
                    {},
                    h("div", {}, h("strong", {}, "Balance of power: "), r.predictions.balanceOfPower.reason),
                    h("div", {}, h("strong", {}, "Balance of threat: "), r.predictions.balanceOfThreat.reason),
                    h("div", {}, h("strong", {}, "Bandwagoning: "), r.predictions.bandwagon.reason),
                  )
                : h("td", { class: "muted" }, "Hidden until your teacher shows the predictions or the game ends."),
              h("td", {}, r.matched.theories.map((t) => THEORY_LABEL[t]).join(", ") || "none"),
              h("td", { class: "num" }, r.score ? num1(r.score.total) : "—"),
            ),
          ),
        ),
      ),
    ),
    h("h3", {}, "To think about"),
    h("p", { class: "card reflection" }, card.reflection),
  );
}
