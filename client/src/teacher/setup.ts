// The console's home: create a game (scenario, settings, upload), the teacher
// key (made at the first game, shown once; or one from another device), and
// the teacher's games with their debrief, exports and deletion.
import { isWellFormedKey } from "../../../shared/ids.js";
import type { CreateGameRequest, CreateGameResponse, DeleteGameResponse, ScenariosResponse, TeacherGamesResponse, ValidateScenarioResponse } from "../../../shared/protocol/http.js";
import type { SettingsInput } from "../../../shared/classroom/settings.js";
import { api, download, setTeacherKey, teacherKey } from "../common/api.js";
import { append, copyText, fill, h, toast } from "../common/dom.js";

/** Downloads an export of a game with the teacher key (CSV for spreadsheets, or the whole log as JSON). */
export async function downloadExport(gameCode: string, file: string): Promise<void> {
  const path = file === "log.json" ? `/api/games/${gameCode}/log.json` : `/api/games/${gameCode}/export/${file}`;
  if (!(await download(path, `entente-${gameCode}-${file}`))) toast("The download failed.", "error");
}

async function deleteGame(gameCode: string) {
  if (!confirm(`Delete game ${gameCode} and all its data (decisions, chats, report)? This cannot be undone.`)) return;
  const r = await api<DeleteGameResponse>(`/api/games/${gameCode}`, { method: "DELETE", teacher: true });
  if (!r.ok) {
    toast(r.error.message, "error");
    return;
  }
  toast(`Game ${gameCode} deleted.`);
  location.reload();
}

export async function setup(app: HTMLElement): Promise<void> {
  const keyLine = h("p", {});
  const keyInput = h("input", { id: "key-input", autocomplete: "off", spellcheck: "false" });
  const gamesBox = h("div", {});
  const renderKey = () => {
    fill(keyLine, teacherKey() ? "This browser holds your teacher key: your games are listed below." : "Your first game creates your teacher key. Keep it to open your games from another device.");
  };
  const listed = await api<ScenariosResponse>("/api/scenarios");
  const scenarios = listed.ok ? listed.body.scenarios : [];
  const scenarioSelect = h("select", { id: "scenario" }, ...scenarios.map((s) => h("option", { value: s.id }, `${s.title} (${s.states.length} states)`)));
  const fileInput = h("input", { id: "scenario-file", type: "file", accept: "application/json,.json" });
  const fileErrors = h("div", { role: "alert" });
  let uploaded: Record<string, unknown> | null = null;
  const checkFile = async () => {
    uploaded = null;
    fill(fileErrors);
    const file = fileInput.files?.[0];
    if (!file) return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(await file.text());
    } catch (err) {
      fill(fileErrors, h("p", { class: "pill bad" }, `Not valid JSON: ${(err as Error).message}`));
      return;
    }
    const r = await api<ValidateScenarioResponse>("/api/scenarios/validate", { method: "POST", body: { scenario: parsed } });
    if (r.ok && r.body.ok) {
      uploaded = parsed as Record<string, unknown>;
      fill(fileErrors, h("p", { class: "pill ok" }, `Valid: ${r.body.title} (${r.body.states} states). It will be used instead of the list.`));
    } else {
      const errors = r.ok && !r.body.ok ? r.body.errors : [r.ok ? "The file was not checked." : r.error.message];
      fill(fileErrors, h("p", {}, "This scenario has errors:"), h("ul", {}, ...errors.map((e) => h("li", {}, e))));
    }
  };
  fileInput.addEventListener("change", () => void checkFile());
  const field = (id: string, labelText: string, input: HTMLElement, help?: string) =>
    h("div", {}, h("label", { for: id }, labelText), h("br"), input, help ? h("div", { class: "muted" }, help) : null);
  const rounds = h("input", { id: "rounds", type: "number", min: 1, max: 30, "aria-describedby": "rounds-help" });
  const minutes = h("input", { id: "minutes", type: "number", min: 1, max: 60, step: 0.5, value: 5 });
  const chatMode = h("select", { id: "chat-mode" }, h("option", { value: "open" }, "Open: public, private and team"), h("option", { value: "private" }, "Private and team only"), h("option", { value: "off" }, "Off"));
  const scoring = h("select", { id: "scoring" }, h("option", { value: "standard" }, "Standard"), h("option", { value: "challenge" }, "Theory challenge: each team secretly plays a theory"));
  const teamMode = h("select", { id: "team-mode" }, h("option", { value: "count" }, "A number of teams"), h("option", { value: "size" }, "Teams of a size"));
  const teamValue = h("input", { id: "team-value", type: "number", min: 1, max: 400, value: 4 });
  const emptySeats = h(
    "select",
    { id: "empty-seats" },
    h("option", { value: "balance-of-threat" }, "Bots playing balance of threat"),
    h("option", { value: "balance-of-power" }, "Bots playing balance of power"),
    h("option", { value: "bandwagon" }, "Bots that bandwagon"),
    h("option", { value: "random" }, "Random bots"),
    h("option", { value: "empty" }, "Left empty"),
  );
  const passcode = h("input", { id: "passcode", type: "password", autocomplete: "off" });
  const createError = h("p", { role: "alert", class: "pill bad", hidden: true });
  const keyBox = h("div", {});

  async function create(e: Event) {
    e.preventDefault();
    createError.hidden = true;
    const settings: SettingsInput = {
      diplomacySeconds: Math.round(Number(minutes.value) * 60),
      chatMode: chatMode.value as SettingsInput["chatMode"],
      scoring: scoring.value as SettingsInput["scoring"],
      teams: { mode: teamMode.value as "count" | "size", value: Number(teamValue.value) },
      emptySeats: emptySeats.value as SettingsInput["emptySeats"],
      ...(rounds.value ? { rounds: Number(rounds.value) } : {}),
    };
    const key = teacherKey();
    const body: CreateGameRequest = { scenario: uploaded ?? scenarioSelect.value, settings, ...(key ? { teacherKey: key } : {}), ...(passcode.value ? { passcode: passcode.value } : {}) };
    const r = await api<CreateGameResponse>("/api/games", { method: "POST", body });
    if (!r.ok) {
      createError.textContent = r.error.message || "The game could not be created.";
      createError.hidden = false;
      return;
    }
    const made = r.body;
    if (!made.teacherKeyIsNew) {
      location.href = `/teacher.html?code=${made.code}`;
      return;
    }
    setTeacherKey(made.teacherKey);
    const keyField = h("input", { id: "new-key", readonly: true, value: made.teacherKey, size: 36 });
    fill(
      keyBox,
      h(
        "section",
        { class: "card", "aria-labelledby": "key-title" },
        h("h2", { id: "key-title" }, "Your teacher key (shown once)"),
        h("p", {}, "Copy it somewhere safe: with it you open your games and reports from another device. Whoever has it controls your games."),
        h("label", { for: "new-key" }, "Teacher key"),
        h("br"),
        keyField,
        h(
          "div",
          { class: "row" },
          h("button", { type: "button", class: "secondary", onclick: () => copyText(made.teacherKey) }, "Copy"),
          h("a", { class: "button", href: `/teacher.html?code=${made.code}` }, "I saved it: open the game"),
        ),
      ),
    );
    keyField.focus();
    keyField.select();
  }

  async function renderGames() {
    gamesBox.parentElement!.hidden = !teacherKey();
    if (!teacherKey()) {
      fill(gamesBox);
      return;
    }
    const r = await api<TeacherGamesResponse>("/api/teacher/games", { teacher: true });
    const games = r.ok ? r.body.games : [];
    fill(
      gamesBox,
      h("h2", {}, "Your games"),
      games.length === 0
        ? h("p", {}, "None yet.")
        : h(
            "table",
            {},
            h("thead", {}, h("tr", {}, h("th", {}, "Game"), h("th", {}, "Code"), h("th", {}, "Status"), h("th", {}, "Started"), h("th", {}, "Open"))),
            h(
              "tbody",
              {},
              ...games.map((g) =>
                h(
                  "tr",
                  {},
                  h("td", {}, g.title),
                  h("td", {}, g.code),
                  h("td", {}, g.status === "damaged" ? `damaged: ${g.damage ?? "its saved log cannot be read"}` : g.status),
                  h("td", {}, new Date(g.createdAt).toLocaleString()),
                  h(
                    "td",
                    {},
                    g.status === "running" ? h("a", { href: `/teacher.html?code=${g.code}` }, "Console") : null,
                    " ",
                    h("a", { href: `/report.html?code=${g.code}` }, "Debrief"),
                    " ",
                    h("button", { type: "button", class: "small secondary", onclick: () => void downloadExport(g.code, "rounds.csv") }, "CSV"),
                    " ",
                    h("button", { type: "button", class: "small danger", onclick: () => void deleteGame(g.code) }, "Delete"),
                  ),
                ),
              ),
            ),
          ),
    );
  }

  append(
    app,
    h("header", { class: "topbar" }, h("h1", {}, "Entente · teacher")),
    h(
      "main",
      { class: "home" },
      keyBox,
      h(
        "section",
        { class: "card", "aria-labelledby": "create-title" },
        h("h2", { id: "create-title" }, "Create a game"),
        h(
          "form",
          { class: "stack", onsubmit: (e: Event) => void create(e) },
          field("scenario", "Scenario", scenarioSelect),
          field("scenario-file", "Or your own scenario file (JSON)", fileInput, "See docs/scenarios.md for the format."),
          fileErrors,
          h("div", {}, h("label", { for: "rounds" }, "Rounds"), h("br"), rounds, h("div", { id: "rounds-help", class: "muted" }, "Leave empty for the scenario's own number.")),
          field("minutes", "Minutes of diplomacy per round", minutes),
          field("chat-mode", "Chat", chatMode),
          field("scoring", "Scoring", scoring),
          h("div", { class: "row" }, field("team-mode", "Teams", teamMode), field("team-value", "How many / how big", teamValue)),
          field("empty-seats", "States no team plays", emptySeats),
          field("passcode", "Server passcode (only if your server asks for one)", passcode),
          createError,
          h("button", { type: "submit" }, "Create the game"),
        ),
      ),
      h(
        "section",
        { class: "card", "aria-labelledby": "key2-title" },
        h("h2", { id: "key2-title" }, "Teacher key"),
        keyLine,
        h(
          "form",
          {
            class: "row",
            onsubmit: (e: Event) => {
              e.preventDefault();
              const v = keyInput.value.trim();
              if (!isWellFormedKey(v)) {
                toast("That is not a teacher key.", "error");
                return;
              }
              setTeacherKey(v);
              keyInput.value = "";
              renderKey();
              void renderGames();
            },
          },
          h("label", { for: "key-input" }, "Use a key from another device"),
          keyInput,
          h("button", { type: "submit", class: "secondary" }, "Use this key"),
        ),
      ),
      h("section", { class: "card" }, gamesBox),
    ),
  );
  renderKey();
  void renderGames();
}
