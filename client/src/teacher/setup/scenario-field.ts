// Choosing the scenario: the built-in ones with what each is about (its
// description, and its states, rounds and crises in words), or the teacher's
// own file, checked by the server with every error listed readably.
import type { ScenariosResponse, ValidateScenarioResponse } from "../../../../shared/protocol/http.js";
import { api } from "../../common/api.js";
import { fill, h } from "../../common/dom.js";
import { count, failureText } from "./messages.js";
import { describeProblem } from "./scenario-errors.js";
import { scenarioGuide } from "./scenario-guide.js";

type Listed = ScenariosResponse["scenarios"][number];

export interface ScenarioField {
  element: HTMLElement;
  /** What to send: the uploaded scenario when a valid file is chosen, else the built-in id. */
  chosen(): string | Record<string, unknown>;
  /** The chosen scenario's rounds and states (for the time and team fields). */
  rounds(): number;
  states(): number;
  /** Called when the choice changes (another scenario, a file checked or removed). */
  onChange(listener: () => void): void;
}

/** "14 states, 6 rounds and 4 crises": what a scenario holds, in words. */
export function scenarioFacts(s: { states: number; rounds: number; crises: number }): string {
  const crises = s.crises === 0 ? "no crises" : count(s.crises, "crisis", "crises");
  return `${count(s.states, "state")} to play, ${count(s.rounds, "round")}, and ${crises} that break out during the game.`;
}

export async function scenarioField(): Promise<ScenarioField> {
  const listeners: (() => void)[] = [];
  const changed = () => listeners.forEach((l) => l());
  const listed = await api<ScenariosResponse>("/api/scenarios");
  const scenarios: Listed[] = listed.ok ? listed.body.scenarios : [];
  const select = h("select", { id: "scenario", "aria-describedby": "scenario-about" }, ...scenarios.map((s) => h("option", { value: s.id }, s.title)));
  const about = h("div", { id: "scenario-about", class: "setup-about", "aria-live": "polite" });
  const fileInput = h("input", { id: "scenario-file", type: "file", accept: "application/json,.json", "aria-describedby": "scenario-file-help" });
  const fileReport = h("div", { id: "scenario-file-report", role: "status" });
  let uploaded: { scenario: Record<string, unknown>; title: string; states: number; rounds: number } | null = null;

  const current = (): Listed | undefined => scenarios.find((s) => s.id === select.value);
  const renderAbout = () => {
    const s = current();
    if (uploaded) {
      fill(about, h("p", { class: "setup-facts" }, `Your file: ${uploaded.title}. ${scenarioFacts({ states: uploaded.states, rounds: uploaded.rounds, crises: Array.isArray(uploaded.scenario.crises) ? uploaded.scenario.crises.length : 0 })}`));
    } else if (s) {
      fill(about, h("p", { class: "setup-facts" }, scenarioFacts({ states: s.states.length, rounds: s.rounds, crises: s.crises.length })), s.description ? h("p", { class: "setup-description" }, s.description) : null);
    } else {
      fill(about, h("p", { class: "setup-problem" }, listed.ok ? "This server has no built-in scenarios: upload your own file." : failureText(listed, "loading the scenarios")));
    }
  };
  select.addEventListener("change", () => {
    renderAbout();
    changed();
  });

  const problems = (errors: string[], file: unknown) =>
    h(
      "div",
      { class: "setup-problems" },
      h("p", {}, errors.length === 1 ? "This file cannot be used yet: 1 thing to fix." : `This file cannot be used yet: ${errors.length} things to fix.`),
      h(
        "ul",
        {},
        ...errors.map((e) => {
          const p = describeProblem(e, file);
          return h("li", {}, h("strong", {}, `${p.where}: `), p.what);
        }),
      ),
      h("p", { class: "muted" }, "Fix them in the file, save it and choose it again. Until then the game uses the scenario chosen in the list."),
    );

  const checkFile = async () => {
    uploaded = null;
    fill(fileReport);
    const file = fileInput.files?.[0];
    if (file) {
      let parsed: unknown;
      try {
        parsed = JSON.parse(await file.text());
      } catch (err) {
        fill(fileReport, problems([`The file: it is not a scenario in JSON (${(err as Error).message})`], null));
      }
      if (parsed !== undefined) {
        const r = await api<ValidateScenarioResponse>("/api/scenarios/validate", { method: "POST", body: { scenario: parsed } });
        if (r.ok && r.body.ok) {
          const rounds = (parsed as { rounds?: unknown }).rounds;
          uploaded = { scenario: parsed as Record<string, unknown>, title: r.body.title, states: r.body.states, rounds: typeof rounds === "number" ? rounds : 1 };
          fill(fileReport, h("p", { class: "setup-ok" }, `Your file is ready: ${r.body.title}. It is used instead of the list.`));
        } else if (r.ok && !r.body.ok) {
          fill(fileReport, problems(r.body.errors, parsed));
        } else if (!r.ok) {
          fill(fileReport, h("p", { class: "setup-problem" }, failureText(r, "checking the file")));
        }
      }
    }
    renderAbout();
    changed();
  };
  fileInput.addEventListener("change", () => void checkFile());
  renderAbout();

  const element = h(
    "div",
    { class: "setup-scenario" },
    h("div", {}, h("label", { for: "scenario" }, "Scenario"), h("br"), select, about),
    h(
      "div",
      {},
      h("label", { for: "scenario-file" }, "Or your own scenario file (optional)"),
      h("br"),
      fileInput,
      h("div", { id: "scenario-file-help", class: "muted" }, "A .json file written for Entente. It is checked as soon as you choose it."),
      fileReport,
      scenarioGuide(),
    ),
  );
  return {
    element,
    chosen: () => uploaded?.scenario ?? select.value,
    rounds: () => uploaded?.rounds ?? current()?.rounds ?? 1,
    states: () => uploaded?.states ?? current()?.states.length ?? 1,
    onChange: (l) => listeners.push(l),
  };
}
