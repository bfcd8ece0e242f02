// A student's report card (from GET /api/games/:code/card with their rejoin key in X-Rejoin-Key):
// decisions round by round, what each theory predicted in plain words, scores, and a
// reflection question. Used at the end of the game and for archived games. One short
// card per round, stacked, so that it reads on a 360 px phone; each round's theories
// in plain words open on a tap.
import "../student/theories.css";
import type { ReportCard } from "../../../shared/report/card.js";
import { h, userText } from "../common/dom.js";
import { api } from "../common/api.js";
import { num1, THEORY_LABEL } from "../common/format.js";
import { glossaryButton } from "../student/glossary.js";
import { theoryCardList } from "../student/theory-cards.js";

/** The card of the student with this rejoin key, or null (no such student, or the server cannot be reached). */
export async function fetchCard(code: string, rejoinKey: string): Promise<ReportCard | null> {
  const r = await api<ReportCard>(`/api/games/${encodeURIComponent(code)}/card`, { headers: { "x-rejoin-key": rejoinKey } });
  return r.ok ? r.body : null;
}

type Round = ReportCard["rounds"][number];

function didText(r: Round, names: Record<string, string>): string {
  const name = (id: string) => names[id] ?? id;
  const side = r.matched.alone
    ? "Stood alone"
    : `Allies: ${r.did.allies.map(name).join(", ") || "none"}${r.did.offers.length ? `; offers to ${r.did.offers.map(name).join(", ")}` : ""}`;
  return `${side}. Budget ${r.did.budget.economy}% economy, ${r.did.budget.defense}% defence, ${r.did.budget.offense}% offence; ${r.did.action.kind === "none" ? "no threat or attack" : r.did.actionText}.`;
}

export function reportCard(card: ReportCard): HTMLElement {
  const fit = (t: keyof ReportCard["fit"]) =>
    h("li", {}, card.fit[t].predicted === 0 ? `${THEORY_LABEL[t]}: it said nothing for you (you led the strongest side)` : `${THEORY_LABEL[t]}: ${card.fit[t].matched} of ${card.fit[t].predicted} rounds`);
  const explained = new Map(card.explained.map((e) => [e.round, e.cards]));
  return h(
    "section",
    { class: "report-card", "aria-labelledby": "card-title" },
    h("div", { class: "theories-head" }, h("h2", { id: "card-title" }, `Report card: ${card.stateName}`), glossaryButton()),
    h("p", {}, userText(card.nickname), ` · ${card.scenario.title} · final score ${num1(card.total)}, rank ${card.rank} of ${card.of}.`),
    h("p", { class: "fit-intro" }, "Your alliances matched:"),
    h("ul", { class: "fit-list" }, fit("balance-of-power"), fit("balance-of-threat"), fit("bandwagon")),
    h(
      "ol",
      { class: "card-rounds", "aria-label": "Your rounds" },
      ...card.rounds.map((r) => {
        const cards = explained.get(r.round);
        return h(
          "li",
          { class: "card-round" },
          h(
            "h3",
            {},
            `Round ${r.round}`,
            h("span", { class: "pill" }, `matched: ${r.matched.theories.map((t) => THEORY_LABEL[t]).join(", ") || "none"}`),
            r.predictions?.divergent ? h("span", { class: "pill warn" }, "theories disagreed") : null,
          ),
          h("p", {}, didText(r, card.names)),
          r.score ? h("p", { class: "muted" }, `Score this round: ${num1(r.score.total)}.`) : null,
          cards
            ? h("details", {}, h("summary", {}, "The theories in plain words"), theoryCardList(cards, "h4"))
            : h("p", { class: "muted" }, "What the theories predicted is hidden until your teacher shows it or the game ends."),
        );
      }),
    ),
    h("h3", {}, "To think about"),
    h("p", { class: "card reflection" }, card.reflection),
  );
}
