// The debrief's appendix, after the summary and on a new printed page: the
// detail behind it (scores, the disagreement table, charts, fit, the theory
// table, counterfactuals, the timeline, chat excerpts).
import type { Counterfactuals } from "../../../shared/report/counterfactual.js";
import type { Debrief } from "../../../shared/report/debrief.js";
import { pct } from "../../../shared/format.js";
import { h, sentence, userText } from "../common/dom.js";
import { controlLabel, THEORY_LABEL } from "../common/format.js";
import { networkMap, powerChart } from "./charts.js";
import { fitLine, scroller, section, table } from "./sections.js";

type Names = { name: (id: string) => string; names: (ids: string[]) => string };

function scores(d: Debrief): HTMLElement {
  const s = d.summary;
  return section(
    "teams-title",
    "Teams and scores",
    "h3",
    table(
      "",
      ["Rank", "State", "Played by", h("th", { scope: "col", class: "num" }, "Score")],
      s.ranking.map((r, i) => {
        const team = s.teams.find((t) => t.state === r.id);
        const control = team?.control ?? d.states.find((st) => st.id === r.id)?.control ?? "empty";
        const playedBy = team?.members.length ? team.members.flatMap((m, j) => [j > 0 ? ", " : "", userText(m)]) : [control === "team" ? "team (no one)" : controlLabel(control)];
        return h("tr", {}, h("td", {}, String(i + 1)), h("th", { scope: "row" }, r.name), h("td", {}, ...playedBy), h("td", { class: "num" }, String(r.total)));
      }),
    ),
  );
}

const CHOSE: Record<Debrief["divergent"]["table"][number]["chose"], string> = {
  threat: "balance of threat",
  power: "balance of power",
  both: "both balancing theories",
  bandwagon: "bandwagoning",
  alone: "none (stood alone)",
  neither: "neither balancing theory",
};

function disagreements(d: Debrief): HTMLElement {
  const rows = d.divergent.table;
  return section(
    "divergent-title",
    `Where the theories disagreed: ${rows.length} state${rows.length === 1 ? "" : "s"} and round${rows.length === 1 ? "" : "s"}`,
    "h3",
    rows.length === 0
      ? h("p", {}, "In this game the two balancing theories always pointed at the same adversary.")
      : scroller(
          "Where the theories disagreed (scrolls sideways)",
          table(
            "divergent-table",
            ["State", h("th", { scope: "col", class: "num" }, "Round"), "Balance of power said", "Balance of threat said", "Bandwagoning said", "What it did", "Which fit"],
            rows.map((r) =>
              h(
                "tr",
                {},
                h("th", { scope: "row" }, r.name, r.team ? null : h("span", { class: "muted" }, " (bot)")),
                h("td", { class: "num" }, String(r.round)),
                h("td", {}, r.power),
                h("td", {}, r.threat),
                h("td", {}, r.bandwagon),
                h("td", {}, r.did),
                h("td", {}, r.matched.length > 0 ? r.matched.map((t) => THEORY_LABEL[t]).join(", ") : CHOSE[r.chose]),
              ),
            ),
          ),
        ),
  );
}

function power(d: Debrief): HTMLElement {
  const series = d.states.map((st) => ({ id: st.id, name: st.name, values: d.power.shares[st.id] ?? [] }));
  return section(
    "power-title",
    "Power over time",
    "h3",
    h("figure", {}, scroller("Power chart (scrolls sideways)", powerChart(series, d.power.rounds, "Power share of each state, round by round")), h("figcaption", {}, "Share of all power at the start and at the end of each round.")),
    h(
      "details",
      {},
      h("summary", {}, "The same as a table"),
      h("p", { class: "muted" }, "Each state's share of all power, at the start and after each round."),
      scroller(
        "Power shares (scrolls sideways)",
        table(
          "power-table",
          ["State", ...d.power.rounds.map((r) => h("th", { scope: "col", class: "num" }, r === 0 ? "start" : `R${r}`))],
          series.map((se) => h("tr", {}, h("th", { scope: "row" }, se.name), ...se.values.map((v) => h("td", { class: "num" }, pct(v))))),
        ),
      ),
    ),
  );
}

function network(d: Debrief): HTMLElement {
  return section(
    "network-title",
    "Alliances round by round",
    "h3",
    h(
      "div",
      { class: "multiples" },
      ...d.alliances.map((a) =>
        h(
          "figure",
          {},
          networkMap(
            d.states.map((st) => ({ id: st.id, name: st.name, x: st.position[0], y: st.position[1], share: d.power.shares[st.id]?.[d.power.rounds.indexOf(a.round)] ?? 0.05 })),
            a.pairs,
            a.round === 0 ? "Alliances at the start" : `Alliances after round ${a.round}`,
          ),
          h("figcaption", {}, a.round === 0 ? "Start" : `After round ${a.round}`),
        ),
      ),
    ),
  );
}

function fit(d: Debrief, n: Names): HTMLElement {
  return section(
    "fit-title",
    "Which theories the class's choices were consistent with",
    "h3",
    h("p", {}, `Your teams: ${fitLine(d.fit.teams)}.`),
    d.fit.bots.alignments > 0 ? h("p", {}, `Bot-played states, apart: ${fitLine(d.fit.bots)}.`) : null,
    h("p", { class: "muted" }, "“None”: the state had partners, but no theory predicted them. “Alone”: no ally and no offer at all."),
    table("", ["Round", "Your teams' fit"], d.fit.byRound.map((r) => h("tr", {}, h("th", { scope: "row" }, String(r.round)), h("td", {}, fitLine(r))))),
    h("h4", {}, "By team"),
    table("", ["State", "Fit"], d.fit.byTeam.map((r) => h("tr", {}, h("th", { scope: "row" }, n.name(r.state)), h("td", {}, fitLine(r))))),
  );
}

function challenge(d: Debrief, n: Names): HTMLElement | null {
  const c = d.challenge;
  if (!c) return null;
  return section(
    "challenge-title",
    "Theory challenge: who played what",
    "h3",
    table(
      "",
      ["State", "Dealt theory", h("th", { scope: "col", class: "num" }, "Rounds matching it"), "The class guessed"],
      c.roles.map((r) => {
        const g = c.guesses.find((x) => x.state === r.state);
        const guessed = g && g.guesses.length > 0 ? `${g.right} of ${g.guesses.length} right (${g.guesses.map((x) => `${n.name(x.by)}: ${THEORY_LABEL[x.theory]}`).join("; ")})` : "no guesses";
        return h("tr", {}, h("th", { scope: "row" }, r.name), h("td", {}, THEORY_LABEL[r.role]), h("td", { class: "num" }, `${r.matched} of ${r.rounds}`), h("td", {}, guessed));
      }),
    ),
  );
}

function theoryTable(d: Debrief, n: Names): HTMLElement {
  return section(
    "table-title",
    "The theory table: what each theory predicted, and what each state did",
    "h3",
    scroller(
      "Theory table (scrolls sideways)",
      table(
        "theory-table",
        ["Round", "State", "Balance of power", "Balance of threat", "Bandwagoning", "What it did", "Matched"],
        d.theoryTable.map((r) =>
          h(
            "tr",
            { class: r.predictions.divergent ? "divergent" : "" },
            h("td", {}, String(r.round), r.predictions.divergent ? h("span", { class: "pill warn" }, "disagree") : null),
            h("th", { scope: "row" }, r.name),
            h("td", {}, r.predictions.balanceOfPower.against ? `against ${n.names(r.predictions.balanceOfPower.against)} (${pct(r.predictions.balanceOfPower.leadingShare)})` : "leader: no prediction"),
            h("td", {}, `against ${n.name(r.predictions.balanceOfThreat.against)} (decided by ${r.predictions.balanceOfThreat.decidedBy.join(", ")})`),
            h("td", {}, `with ${n.name(r.predictions.bandwagon.with)}`),
            h("td", {}, r.matched.alone ? "stood alone" : `allies ${n.names(r.did.allies)}${r.did.offers.length ? `; offered ${n.names(r.did.offers)}` : ""}`, r.did.actionText && r.did.actionText !== "none" ? h("div", {}, r.did.actionText) : null),
            h("td", {}, r.matched.theories.map((t) => THEORY_LABEL[t]).join(", ") || (r.matched.alone ? "none (alone)" : "none")),
          ),
        ),
      ),
    ),
  );
}

function counterfactuals(cf: Counterfactuals | null, n: Names): HTMLElement | null {
  if (!cf) return null;
  return section(
    "cf-title",
    "The same world, played by bots of each theory",
    "h3",
    h("p", {}, "Same scenario, same seed: what if every state had followed one theory?"),
    scroller(
      "Counterfactual runs (scrolls sideways)",
      table(
        "",
        ["Who played", h("th", { scope: "col", class: "num" }, "Wars"), "Alliances at the end", "Strongest at the end", "Dominant?"],
        cf.runs.map((run) =>
          h(
            "tr",
            {},
            h("th", { scope: "row" }, run.label === "class" ? "The class" : `Bots: ${THEORY_LABEL[run.label]}`),
            h("td", { class: "num" }, String(run.wars.count)),
            h("td", {}, run.alliances.map((p) => `${n.name(p[0])}–${n.name(p[1])}`).join(", ") || "none"),
            h("td", {}, `${n.name(run.strongest.state)} ${pct(run.strongest.share)}; bloc ${pct(run.strongest.blocShare)}`),
            h("td", {}, run.dominant.state ? `yes: ${n.name(run.dominant.state)}` : run.dominant.bloc ? `yes: bloc of ${n.names(run.dominant.bloc)}` : "no"),
          ),
        ),
      ),
    ),
  );
}

function timeline(d: Debrief): HTMLElement {
  return section("timeline-title", "What happened", "h3", h("ol", { class: "timeline" }, ...d.timeline.map((t) => h("li", {}, h("strong", {}, `Round ${t.round}: `), ...sentence(t.parts)))));
}

function chat(d: Debrief, n: Names): HTMLElement | null {
  if (!d.chat) return null;
  return section(
    "chat-title",
    "Chat excerpts",
    "h3",
    h("ul", {}, ...d.chat.map((m) => h("li", {}, h("strong", {}, `Round ${m.round}, `, userText(m.from), `${m.state ? ` (${n.name(m.state)})` : ""}: `), userText(m.text)))),
  );
}

/** The appendix, starting on a new printed page. */
export function renderAppendix(d: Debrief, cf: Counterfactuals | null): HTMLElement {
  const name = (id: string) => d.states.find((s) => s.id === id)?.name ?? id;
  const n: Names = { name, names: (ids) => ids.map(name).join(", ") || "—" };
  return h(
    "section",
    { class: "appendix", "aria-labelledby": "appendix-title" },
    h("h2", { id: "appendix-title" }, "Appendix: the detail"),
    scores(d),
    disagreements(d),
    power(d),
    network(d),
    fit(d, n),
    challenge(d, n),
    theoryTable(d, n),
    counterfactuals(cf, n),
    timeline(d),
    chat(d, n),
    h("footer", { class: "muted" }, "Power figures of historical scenarios: Correlates of War National Material Capabilities v6.0 (Singer, Bremer and Stuckey 1972; Greig and Enterline 2021)."),
  );
}
