// The teacher's debrief report: a page to project and to print ("Save as PDF").
// First a summary that fits on two printed pages (discussion questions, the
// verdict for the class's teams, the podium, where the theories disagreed),
// then the appendix with the detail, from a new page. Everything comes from
// the server's debrief of the stored game log, so a live game and an archived
// one give the same report. The sections are drawn in client/src/report/.
import "../common/no-eval.js";
import "../styles.css";
import "../report/report.css";
import { isJoinCode } from "../../../shared/ids.js";
import type { Counterfactuals } from "../../../shared/report/counterfactual.js";
import type { Debrief } from "../../../shared/report/debrief.js";
import { api } from "../common/api.js";
import { byId, fill, h, param } from "../common/dom.js";
import { renderAppendix } from "../report/appendix.js";
import { openFoldOutsWhenPrinted } from "../report/print.js";
import { renderSummary } from "../report/summary.js";

const app = byId("app");
const code = (param("code") ?? "").toUpperCase();
const revealChat = param("revealChat") === "1";
const anonymize = param("anonymize") === "1";

async function getJson<T>(path: string): Promise<T> {
  const r = await api<T>(path, { teacher: true });
  if (!r.ok) throw new Error(r.error.message);
  return r.body;
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
  fill(app, h("main", { class: "report" }, ...renderSummary(d, options()), renderAppendix(d, cf)));
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
    openFoldOutsWhenPrinted(app);
    document.title = `Debrief: ${debrief.summary.scenario.title} (${code})`;
    app.dataset.reportReady = "true";
  } catch (err) {
    fill(app, h("main", { class: "home" }, h("h1", {}, "Debrief"), h("p", { role: "alert" }, (err as Error).message), h("a", { class: "button", href: "/teacher.html" }, "Console")));
  }
}

void main();
