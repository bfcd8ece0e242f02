// The debrief's summary, the first two printed pages: the discussion questions
// first, then the verdict for the class's own teams (one line per team, the
// states bots played apart), the podium, and the rounds where the theories
// disagreed, with states by name. The detail follows in the appendix.
import type { Debrief, StateVerdict } from "../../../shared/report/debrief.js";
import { h, userText } from "../common/dom.js";
import { THEORY_LABEL } from "../common/format.js";
import { section } from "./sections.js";

/** At most this many states are named per divergent round in the summary (the appendix's table has them all). */
const NAMED_PER_ROUND = 12;

/** The game's date for the header, e.g. "30 November 2026". */
export function gameDate(ms: number): string {
  return new Date(ms).toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
}

/** "Ann, Ben" as isolated user texts (nicknames), or nothing. */
function members(names: string[]): (string | HTMLElement)[] {
  return names.length === 0 ? [] : [" (", ...names.flatMap((m, i) => [i > 0 ? ", " : "", userText(m)]), ")"];
}

function teamLine(v: StateVerdict): HTMLElement {
  return h("li", {}, h("strong", {}, v.name), ...members(v.members), `: ${v.line}`);
}

function botsLine(bots: StateVerdict[]): string {
  const best = (v: StateVerdict) => (v.best.length === 0 ? "no theory matched" : v.best.map((t) => THEORY_LABEL[t]).join(" and "));
  return `Best explained, state by state: ${bots.map((v) => `${v.name}, ${best(v)}`).join("; ")}.`;
}

function questions(d: Debrief): HTMLElement {
  return section(
    "questions-title",
    "Questions for discussion",
    "h2",
    d.questions.length === 0
      ? h("p", {}, "No event of this game called for a question.")
      : h("ol", { class: "questions" }, ...d.questions.map((q) => h("li", {}, q.question, h("div", { class: "muted source" }, `${q.theory}. ${q.sources.join("; ")}`)))),
  );
}

function verdict(d: Debrief): HTMLElement {
  const s = d.summary;
  const { teams, bots } = s.verdicts;
  const el = section(
    "verdict-title",
    "Verdict: which theory explained your teams' choices",
    "h2",
    h("p", { class: "verdict" }, s.verdict),
    teams.length > 0 ? h("ul", { class: "team-verdicts" }, ...teams.map(teamLine)) : null,
    s.specificity ? h("p", { class: "muted" }, s.specificity) : null,
    s.bots || bots.length > 0
      ? h("div", { class: "bots-apart" }, h("h3", {}, "States played by bots, apart"), s.bots ? h("p", {}, s.bots) : null, bots.length > 0 ? h("p", { class: "muted" }, botsLine(bots)) : null)
      : null,
  );
  // Printed, the questions fill the first page and the results start the second.
  if (d.questions.length > 0) el.classList.add("starts-page");
  return el;
}

function podium(d: Debrief): HTMLElement {
  const places = d.summary.podium;
  return section(
    "podium-title",
    "Podium",
    "h2",
    places.length === 0
      ? h("p", {}, "No round was scored.")
      : h(
          "ol",
          { class: "podium" },
          ...places.map((p) =>
            h("li", { value: p.place }, h("strong", {}, p.name), ...members(p.members), p.team ? "" : " (played by a bot)", `: ${p.total} points`),
          ),
        ),
  );
}

function divergent(d: Debrief): HTMLElement {
  const rounds = d.divergent.rounds;
  const total = d.states.length;
  return section(
    "divergent-summary-title",
    "Where the theories disagreed",
    "h2",
    rounds.length === 0
      ? h("p", {}, "In this game the two balancing theories always pointed at the same adversary.")
      : h(
          "ul",
          { class: "divergent-rounds" },
          ...rounds.map((r) => {
            const named = r.names.slice(0, NAMED_PER_ROUND);
            const more = r.names.length - named.length;
            return h("li", {}, h("strong", {}, `Round ${r.round}: `), `${named.join(", ")}${more > 0 ? ` and ${more} more` : ""} (${r.names.length} of ${total} states)`);
          }),
        ),
    rounds.length > 0 ? h("p", { class: "muted" }, "Balance of power and balance of threat pointed at different adversaries for these states. What each theory said and what each state did: the table in the appendix.") : null,
  );
}

/** The summary: header facts, then questions, verdict, podium, divergent rounds. */
export function renderSummary(d: Debrief, options: HTMLElement): HTMLElement[] {
  const s = d.summary;
  const teamsPlaying = s.teams.filter((t) => t.members.length > 0).length;
  const header = h(
    "header",
    { class: "report-header" },
    h("h1", {}, `Debrief: ${s.scenario.title}`),
    h(
      "p",
      { class: "meta" },
      `Game ${d.code} · ${gameDate(s.createdAt)} · ${s.roundsPlayed} of ${s.rounds} rounds played · ${teamsPlaying} team${teamsPlaying === 1 ? "" : "s"}${s.scoring === "challenge" ? " · theory challenge" : ""}`,
    ),
  );
  return [header, options, h("div", { class: "report-summary" }, questions(d), verdict(d), podium(d), divergent(d))];
}
