// The console's home (teacher.html without a code): the teacher's games at the
// top, then the form that creates a game, then "I have a teacher key". The
// parts are in teacher/setup/: the scenario (with its description and the
// teacher's own file), the time fields with the estimated length, the team
// fields, the games list and the key. The form locks while a game is being
// created and after: one click, a double-click or Enter twice make one game.
import type { SettingsInput } from "../../../shared/classroom/settings.js";
import type { CreateGameRequest, CreateGameResponse } from "../../../shared/protocol/http.js";
import { api, forgetTeacherKey, setTeacherKey, teacherKey } from "../common/api.js";
import { append, fill, h } from "../common/dom.js";
import { gamesList } from "./setup/games-list.js";
import { keySection, newKeyBox } from "./setup/key-section.js";
import { failureText } from "./setup/messages.js";
import { scenarioField } from "./setup/scenario-field.js";
import { teamFields } from "./setup/team-fields.js";
import { timeFields } from "./setup/time-fields.js";
import "./setup/setup.css";

export { downloadExport } from "./setup/downloads.js";

export async function setup(app: HTMLElement): Promise<void> {
  const scenario = await scenarioField();
  const time = timeFields();
  const teams = teamFields();
  const games = gamesList();
  const keyBox = h("div", {});
  const keys = keySection(() => void games.refresh());
  const field = (id: string, labelText: string, input: HTMLElement, help?: string) =>
    h("div", { class: "setup-field" }, h("label", { for: id }, labelText), input, help ? h("div", { id: `${id}-help`, class: "muted" }, help) : null);

  const chatMode = h(
    "select",
    { id: "chat-mode", "aria-describedby": "chat-mode-help" },
    h("option", { value: "open" }, "Open: to everyone, privately to one state, and within the team"),
    h("option", { value: "private" }, "Private only: to one state, and within the team"),
    h("option", { value: "off" }, "Off: no chat"),
  );
  const scoring = h(
    "select",
    { id: "scoring", "aria-describedby": "scoring-help" },
    h("option", { value: "standard" }, "Standard"),
    h("option", { value: "challenge" }, "Theory challenge: each team secretly plays a theory"),
  );
  const passcode = h("input", { id: "passcode", type: "password", autocomplete: "off", "aria-describedby": "passcode-help" });
  const createError = h("div", { id: "create-error", role: "alert", class: "setup-error", hidden: true, tabindex: -1 });
  const submit = h("button", { type: "submit", id: "create" }, "Create the game");
  const created = h("p", { class: "muted", role: "status" });
  const fields = h(
    "fieldset",
    { class: "setup-form-fields" },
    h("legend", { class: "visually-hidden" }, "The new game"),
    scenario.element,
    time.element,
    teams.element,
    h(
      "fieldset",
      {},
      h("legend", {}, "Play"),
      field("chat-mode", "Chat", chatMode, "You see every message in the console; chats are shown in the debrief only if you choose."),
      field("scoring", "Scoring", scoring, "In the theory challenge the class guesses at the end which theory each team played."),
    ),
    field("passcode", "Server passcode", passcode, "Leave empty unless whoever started this server gave you one."),
  );

  const onScenario = () => {
    time.propose(scenario.rounds());
    teams.setStates(scenario.states());
  };
  scenario.onChange(onScenario);
  onScenario();

  /** idle: the form can be sent; busy: a request is under way; done: the game exists (the form stays locked). */
  let state: "idle" | "busy" | "done" = "idle";
  const showError = (...content: (string | HTMLElement)[]) => {
    fill(createError, ...content);
    createError.hidden = false;
  };
  const unlock = () => {
    state = "idle";
    fields.disabled = false;
    submit.disabled = false;
    submit.textContent = "Create the game";
  };

  async function create(e: Event) {
    e.preventDefault();
    if (state !== "idle") return;
    createError.hidden = true;
    const timing = time.read();
    const teamChoice = teams.read();
    const problem = "problem" in timing ? timing : "problem" in teamChoice ? teamChoice : null;
    if (problem) {
      showError(problem.problem);
      problem.field.focus();
      return;
    }
    if ("problem" in timing || "problem" in teamChoice) return;
    state = "busy";
    submit.disabled = true;
    fields.disabled = true;
    submit.textContent = "Creating the game…";
    const settings: SettingsInput = {
      rounds: timing.rounds,
      diplomacySeconds: timing.diplomacySeconds,
      chatMode: chatMode.value as SettingsInput["chatMode"],
      scoring: scoring.value as SettingsInput["scoring"],
      teams: teamChoice.teams,
      emptySeats: teamChoice.emptySeats,
    };
    const key = teacherKey();
    const body: CreateGameRequest = { scenario: scenario.chosen(), settings, ...(key ? { teacherKey: key } : {}), ...(passcode.value ? { passcode: passcode.value } : {}) };
    const r = await api<CreateGameResponse>("/api/games", { method: "POST", body });
    if (!r.ok) {
      unlock();
      const message = failureText(r, "creating the game");
      if (r.error.code === "unknown-teacher-key") {
        const forget = h("button", { type: "button", class: "secondary" }, "Forget this key");
        forget.addEventListener("click", () => {
          forgetTeacherKey();
          keys.render();
          createError.hidden = true;
          void games.refresh();
          submit.focus();
        });
        showError(h("p", {}, message), forget);
      } else if (r.error.code === "invalid-scenario" && r.error.errors) {
        showError(h("p", {}, message), h("ul", {}, ...r.error.errors.map((x) => h("li", {}, x))));
      } else {
        showError(h("p", {}, message));
      }
      if (r.error.code === "passcode") passcode.focus();
      else createError.focus();
      return;
    }
    state = "done";
    submit.textContent = "Game created";
    const made = r.body;
    fill(created, `Game ${made.code} is created. To create another game, reload this page.`);
    if (!made.teacherKeyIsNew) {
      location.href = `/teacher.html?code=${made.code}`;
      return;
    }
    setTeacherKey(made.teacherKey);
    fill(keyBox, newKeyBox(made.teacherKey, made.code));
    keys.render();
    void games.refresh();
  }

  append(
    app,
    h("header", { class: "topbar" }, h("h1", {}, "Entente · teacher")),
    h(
      "main",
      { class: "home setup" },
      keyBox,
      games.element,
      h(
        "section",
        { class: "card", "aria-labelledby": "create-title" },
        h("h2", { id: "create-title" }, "Create a game"),
        h("form", { class: "stack", novalidate: true, onsubmit: (e: Event) => void create(e) }, fields, createError, submit, created),
      ),
      keys.element,
    ),
  );
  await games.refresh();
}
