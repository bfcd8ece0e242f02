// The teacher's debrief report: a page to project and to print ("Save as PDF").
// Everything comes from the server's debrief of the stored game log, so a
// live game and an archived one give the same report.
import "../common/no-eval.js";
import "../styles.css";
import "../report/report.css";
import { isJoinCode } from "../../../shared/ids.js";
import type { Counterfactuals } from "../../../shared/report/counterfactual.js";
import type { Debrief, FitTable } from "../../../shared/report/debrief.js";
import { api } from "../common/api.js";
import { byId, fill, h, param, sentence, userText } from "../common/dom.js";
import { controlLabel, THEORY_LABEL } from "../common/format.js";
import { networkMap, powerChart } from "../report/charts.js";
import { pct } from "../../../shared/format.js";

const app = byId("app");
const code = (param("code") ?? "").toUpperCase();
const revealChat = param("revealChat") === "1";
const anonymize = param("anonymize") === "1";

async function getJson<T>(path: string): Promise<T> {
  const r = await api<T>(path, { teacher: true });
  if (!r.ok) throw new Error(r.error.message);
  return r.body;
}

function section(id: string, title: string, ...children: (Node | string | null)[]): HTMLElement {
  return h("section", { class: "report-section", "aria-labelledby": id }, h("h2", { id }, title), ...children);
}

function fitLine(fit: FitTable): string {
  if (fit.alignments === 0) return "no alignment";
  const part = (t: "balance-of-power" | "balance-of-threat" | "bandwagon") =>
    fit[t].predicted > 0 ? `${THEORY_LABEL[t]} ${Math.round(fit[t].share * 100)}% (${fit[t].matched} of ${fit[t].predicted})` : `${THEORY_LABEL[t]}: no prediction`;
  return `${part("balance-of-threat")}; ${part("balance-of-power")}; ${part("bandwagon")}; ${fit.none} none, ${fit.alone} alone`;
}

function options(): HTMLElement {
  const link = (chat: boolean, anon: boolean, text: string) =>
    h("a", { href: `/report.html?code=${code}${chat ? "&revealChat=1" : ""}${anon ? "&anonymize=1" : ""}` }, text);
  return h(
    "nav",
    { class: "no-print row", "aria-label": "Report options" },
    revealChat ? link(false, anonymize, "Hide chat excerpts") : link(true, anonymize, "Reveal chat excerpts"),
    anonymize ? link(revealChat, false, "Show nicknames") : link(revealChat, true, "Hide nicknames"),
    h("button", { type: "button", onclick: () => window.print() }, "Print or save as PDF"),
    h("a", { href: `/teacher.html` }, "Console"),
  );
}

function render(d: Debrief, cf: Counterfactuals | null) {
  const name = (id: string) => d.states.find((s) => s.id === id)?.name ?? id;
  const names = (ids: string[]) => ids.map(name).join(", ") || "—";
  const s = d.summary;
  const parts: (HTMLElement | null)[] = [];
  parts.push(
    h(
      "header",
      { class: "report-header" },
      h("h1", {}, `Debrief: ${s.scenario.title}`),
      h("p", {}, `Game ${d.code} · ${s.roundsPlayed} of ${s.rounds} rounds played · ${s.teams.filter((t) => t.members.length > 0).length} teams${s.scoring === "challenge" ? " · theory challenge" : ""}`),
      h("p", { class: "verdict" }, s.verdict),
      s.specificity ? h("p", {}, s.specificity) : null,
      s.bots ? h("p", { class: "muted" }, s.bots) : null,
      s.winner ? h("p", {}, `Highest score: ${s.winner.names.join(" and ")} (${s.winner.total}).`) : null,
    ),
    options(),
  );
  parts.push(
    section(
      "teams-title",
      "Teams and scores",
      h(
        "table",
        {},
        h("thead", {}, h("tr", {}, h("th", {}, "Rank"), h("th", {}, "State"), h("th", {}, "Played by"), h("th", { class: "num" }, "Score"))),
        h(
          "tbody",
          {},
          ...s.ranking.map((r, i) => {
            const team = s.teams.find((t) => t.state === r.id);
            const control = team?.control ?? d.states.find((st) => st.id === r.id)?.control ?? "empty";
            const playedBy = team?.members.length ? team.members.flatMap((m, j) => [j > 0 ? ", " : "", userText(m)]) : [control === "team" ? "team (no one)" : controlLabel(control)];
            return h("tr", {}, h("td", {}, String(i + 1)), h("th", { scope: "row" }, r.name), h("td", {}, ...playedBy), h("td", { class: "num" }, String(r.total)));
          }),
        ),
      ),
    ),
  );
  const series = d.states.map((st) => ({ id: st.id, name: st.name, values: d.power.shares[st.id] ?? [] }));
  parts.push(
    section(
      "power-title",
      "Power over time",
      h("figure", {}, powerChart(series, d.power.rounds, "Power share of each state, round by round"), h("figcaption", {}, "Share of all power at the start and at the end of each round.")),
      h(
        "details",
        {},
        h("summary", {}, "The same as a table"),
        h("table", {}, h("thead", {}, h("tr", {}, h("th", {}, "State"), ...d.power.rounds.map((r) => h("th", { class: "num" }, r === 0 ? "start" : `R${r}`)))), h("tbody", {}, ...series.map((se) => h("tr", {}, h("th", { scope: "row" }, se.name), ...se.values.map((v) => h("td", { class: "num" }, pct(v))))))),
      ),
    ),
  );
  parts.push(
    section(
      "network-title",
      "Alliances round by round",
      h(
        "div",
        { class: "multiples" },
        ...d.alliances.map((a) =>
          h(
            "figure",
            {},
            networkMap(
              d.states.map((st) => ({ id: st.id, x: st.position[0], y: st.position[1], share: d.power.shares[st.id]?.[d.power.rounds.indexOf(a.round)] ?? 0.05 })),
              a.pairs,
              a.round === 0 ? "Alliances at the start" : `Alliances after round ${a.round}`,
            ),
            h("figcaption", {}, a.round === 0 ? "Start" : `After round ${a.round}`),
          ),
        ),
      ),
    ),
  );
  parts.push(
    section(
      "divergent-title",
      `Where the theories disagreed (${d.divergent.count})`,
      d.divergent.rounds.length === 0
        ? h("p", {}, "In this game the two balancing theories always pointed at the same adversary.")
        : h("ul", {}, ...d.divergent.rounds.map((r) => h("li", {}, h("strong", {}, `Round ${r.round}: `), r.text))),
    ),
  );
  parts.push(
    section(
      "fit-title",
      "Which theories the class's choices were consistent with",
      h("p", {}, `Your teams: ${fitLine(d.fit.teams)}.`),
      d.fit.bots.alignments > 0 ? h("p", {}, `Bot-played states, apart: ${fitLine(d.fit.bots)}.`) : null,
      h("p", { class: "muted" }, "“None”: the state had partners, but no theory predicted them. “Alone”: no ally and no offer at all."),
      h("table", {}, h("thead", {}, h("tr", {}, h("th", {}, "Round"), h("th", {}, "Your teams' fit"))), h("tbody", {}, ...d.fit.byRound.map((r) => h("tr", {}, h("th", { scope: "row" }, String(r.round)), h("td", {}, fitLine(r)))))),
      h("h3", {}, "By team"),
      h("table", {}, h("thead", {}, h("tr", {}, h("th", {}, "State"), h("th", {}, "Fit"))), h("tbody", {}, ...d.fit.byTeam.map((r) => h("tr", {}, h("th", { scope: "row" }, name(r.state)), h("td", {}, fitLine(r)))))),
    ),
  );
  const challenge = d.challenge;
  if (challenge) {
    parts.push(
      section(
        "challenge-title",
        "Theory challenge: who played what",
        h(
          "table",
          {},
          h("thead", {}, h("tr", {}, h("th", {}, "State"), h("th", {}, "Dealt theory"), h("th", { class: "num" }, "Rounds matching it"), h("th", {}, "The class guessed"))),
          h(
            "tbody",
            {},
            ...challenge.roles.map((r) => {
              const g = challenge.guesses.find((x) => x.state === r.state);
              const guessed = g && g.guesses.length > 0 ? `${g.right} of ${g.guesses.length} right (${g.guesses.map((x) => `${name(x.by)}: ${THEORY_LABEL[x.theory]}`).join("; ")})` : "no guesses";
              return h("tr", {}, h("th", { scope: "row" }, r.name), h("td", {}, THEORY_LABEL[r.role]), h("td", { class: "num" }, `${r.matched} of ${r.rounds}`), h("td", {}, guessed));
            }),
          ),
        ),
      ),
    );
  }
  parts.push(
    section(
      "table-title",
      "The theory table: what each theory predicted, and what each state did",
      h(
        "div",
        { class: "table-scroll", tabindex: 0, role: "region", "aria-label": "Theory table (scrolls sideways)" },
        h(
          "table",
          { class: "theory-table" },
          h("thead", {}, h("tr", {}, h("th", {}, "Round"), h("th", {}, "State"), h("th", {}, "Balance of power"), h("th", {}, "Balance of threat"), h("th", {}, "Bandwagoning"), h("th", {}, "What it did"), h("th", {}, "Matched"))),
          h(
            "tbody",
            {},
            ...d.theoryTable.map((r) =>
              h(
                "tr",
                { class: r.predictions.divergent ? "divergent" : "" },
                h("td", {}, String(r.round), r.predictions.divergent ? h("span", { class: "pill warn" }, "disagree") : null),
                h("th", { scope: "row" }, r.name),
                h("td", {}, r.predictions.balanceOfPower.against ? `against ${names(r.predictions.balanceOfPower.against)} (${pct(r.predictions.balanceOfPower.leadingShare)})` : "leader: no prediction"),
                h("td", {}, `against ${name(r.predictions.balanceOfThreat.against)} (decided by ${r.predictions.balanceOfThreat.decidedBy.join(", ")})`),
                h("td", {}, `with ${name(r.predictions.bandwagon.with)}`),
                h("td", {}, r.matched.alone ? "stood alone" : `allies ${names(r.did.allies)}${r.did.offers.length ? `; offered ${names(r.did.offers)}` : ""}`, r.did.actionText && r.did.actionText !== "none" ? h("div", {}, r.did.actionText) : null),
                h("td", {}, r.matched.theories.map((t) => THEORY_LABEL[t]).join(", ") || (r.matched.alone ? "none (alone)" : "none")),
              ),
            ),
          ),
        ),
      ),
    ),
  );
  if (cf) {
    parts.push(
      section(
        "cf-title",
        "The same world, played by bots of each theory",
        h("p", {}, "Same scenario, same seed: what if every state had followed one theory?"),
        h(
          "table",
          {},
          h("thead", {}, h("tr", {}, h("th", {}, "Who played"), h("th", { class: "num" }, "Wars"), h("th", {}, "Alliances at the end"), h("th", {}, "Strongest at the end"), h("th", {}, "Dominant?"))),
          h(
            "tbody",
            {},
            ...cf.runs.map((run) =>
              h(
                "tr",
                {},
                h("th", { scope: "row" }, run.label === "class" ? "The class" : `Bots: ${THEORY_LABEL[run.label]}`),
                h("td", { class: "num" }, String(run.wars.count)),
                h("td", {}, run.alliances.map((p) => `${p[0]}–${p[1]}`).join(", ") || "none"),
                h("td", {}, `${name(run.strongest.state)} ${pct(run.strongest.share)}; bloc ${pct(run.strongest.blocShare)}`),
                h("td", {}, run.dominant.state ? `yes: ${name(run.dominant.state)}` : run.dominant.bloc ? `yes: bloc of ${names(run.dominant.bloc)}` : "no"),
              ),
            ),
          ),
        ),
      ),
    );
  }
  parts.push(
    section(
      "timeline-title",
      "What happened",
      h("ol", { class: "timeline" }, ...d.timeline.map((t) => h("li", {}, h("strong", {}, `Round ${t.round}: `), ...sentence(t.parts)))),
    ),
  );
  parts.push(
    section(
      "questions-title",
      "Questions for discussion",
      d.questions.length === 0 ? h("p", {}, "No event of this game called for a question.") : h("ol", {}, ...d.questions.map((q) => h("li", {}, q.question, h("div", { class: "muted" }, `${q.theory}. ${q.sources.join("; ")}`)))),
    ),
  );
  if (d.chat) {
    parts.push(section("chat-title", "Chat excerpts", h("ul", {}, ...d.chat.map((m) => h("li", {}, h("strong", {}, `Round ${m.round}, `, userText(m.from), `${m.state ? ` (${name(m.state)})` : ""}: `), userText(m.text))))));
  }
  parts.push(h("footer", { class: "muted" }, "Power figures of historical scenarios: Correlates of War National Material Capabilities v6.0 (Singer, Bremer and Stuckey 1972; Greig and Enterline 2021)."));
  fill(app, h("main", { class: "report" }, ...parts));
}

async function main() {
  if (!isJoinCode(code)) {
    fill(app, h("main", { class: "home" }, h("h1", {}, "Debrief"), h("p", {}, "Open the report from the teacher console.")));
    return;
  }
  fill(app, h("main", { class: "home" }, h("p", { role: "status" }, "Preparing the debrief…")));
  try {
    const query = `?revealChat=${revealChat ? 1 : 0}&anonymize=${anonymize ? 1 : 0}`;
    const [debrief, counterfactuals] = await Promise.all([getJson<Debrief>(`/api/games/${code}/debrief${query}`), getJson<Counterfactuals>(`/api/games/${code}/counterfactuals`).catch(() => null)]);
    render(debrief, counterfactuals);
    document.title = `Debrief: ${debrief.summary.scenario.title} (${code})`;
    app.dataset.reportReady = "true";
  } catch (err) {
    fill(app, h("main", { class: "home" }, h("h1", {}, "Debrief"), h("p", { role: "alert" }, (err as Error).message), h("a", { class: "button", href: "/teacher.html" }, "Console")));
  }
}

void main();
