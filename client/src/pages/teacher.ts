// The teacher's console: create a game, then run it. The teacher key lives in
// this browser (shown once, so it can be copied to another device); the
// console joins the game with it, so a reload lands back in the same game.
import "../styles.css";
import { GameConnection, STATUS_TEXT } from "../common/connection.js";
import { announce, append, byId, fill, h, param, toast } from "../common/dom.js";
import { describe } from "../common/events.js";
import { controlLabel, THEORY_LABEL } from "../common/format.js";
import { joinUrl, qrElement } from "../common/qr.js";
import { mapViewOf, nameInTextOf, nameOf, statesOf } from "../common/view.js";
import { mountMap } from "../map/mount.js";
import type { MapHandle } from "../map/types.js";
import { mountChat } from "../panels/chat.js";
import { clockText } from "../common/live.js";

/* eslint-disable @typescript-eslint/no-explicit-any */
const app = byId("app");
const KEY = "entente:teacherKey";
const code = (param("code") ?? "").toUpperCase();

function teacherKey(): string | null {
  return localStorage.getItem(KEY);
}

async function api(path: string, init: RequestInit = {}): Promise<{ ok: boolean; status: number; body: any }> {
  const key = teacherKey();
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (key) headers.authorization = `Bearer ${key}`;
  try {
    const res = await fetch(path, { ...init, headers: { ...headers, ...(init.headers as Record<string, string> | undefined) } });
    const body = await res.json().catch(() => ({}));
    return { ok: res.ok, status: res.status, body };
  } catch {
    return { ok: false, status: 0, body: { error: { message: "The server cannot be reached." } } };
  }
}

if (/^[A-Z0-9]{6}$/.test(code)) void runConsole(code);
else void setup();

// ---- setting up a game ---------------------------------------------------------
async function setup() {
  const keyLine = h("p", {});
  const keyInput = h("input", { id: "key-input", autocomplete: "off", spellcheck: "false" });
  const gamesBox = h("div", {});
  const renderKey = () => {
    const key = teacherKey();
    fill(keyLine, key ? "This browser holds your teacher key: your games are listed below." : "Your first game creates your teacher key. Keep it to open your games from another device.");
  };
  const scenarios: any[] = (await api("/api/scenarios")).body.scenarios ?? [];
  const scenarioSelect = h("select", { id: "scenario" }, ...scenarios.map((s) => h("option", { value: s.id }, `${s.title} (${s.states.length} states)`)));
  const fileInput = h("input", { id: "scenario-file", type: "file", accept: "application/json,.json" });
  const fileErrors = h("div", { role: "alert" });
  let uploaded: unknown = null;
  fileInput.addEventListener("change", async () => {
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
    const r = await api("/api/scenarios/validate", { method: "POST", body: JSON.stringify({ scenario: parsed }) });
    if (r.body.ok) {
      uploaded = parsed;
      fill(fileErrors, h("p", { class: "pill ok" }, `Valid: ${r.body.title} (${r.body.states} states). It will be used instead of the list.`));
    } else {
      fill(fileErrors, h("p", {}, "This scenario has errors:"), h("ul", {}, ...(r.body.errors ?? [r.body.error?.message]).map((e: string) => h("li", {}, e))));
    }
  });
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
    const settings: Record<string, unknown> = {
      diplomacySeconds: Math.round(Number(minutes.value) * 60),
      chatMode: chatMode.value,
      scoring: scoring.value,
      teams: { mode: teamMode.value, value: Number(teamValue.value) },
      emptySeats: emptySeats.value,
    };
    if (rounds.value) settings.rounds = Number(rounds.value);
    const body: Record<string, unknown> = { scenario: uploaded ?? scenarioSelect.value, settings };
    const key = teacherKey();
    if (key) body.teacherKey = key;
    if (passcode.value) body.passcode = passcode.value;
    const r = await api("/api/games", { method: "POST", body: JSON.stringify(body) });
    if (!r.ok) {
      createError.textContent = r.body?.error?.message ?? "The game could not be created.";
      createError.hidden = false;
      return;
    }
    if (r.body.teacherKeyIsNew) {
      localStorage.setItem(KEY, r.body.teacherKey);
      const keyField = h("input", { id: "new-key", readonly: true, value: r.body.teacherKey, size: 36 });
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
            h("button", { type: "button", class: "secondary", onclick: () => void navigator.clipboard?.writeText(r.body.teacherKey).then(() => toast("Copied.")) }, "Copy"),
            h("a", { class: "button", href: `/teacher.html?code=${r.body.code}` }, "I saved it: open the game"),
          ),
        ),
      );
      keyField.focus();
      keyField.select();
      return;
    }
    location.href = `/teacher.html?code=${r.body.code}`;
  }

  async function renderGames() {
    gamesBox.parentElement!.hidden = !teacherKey();
    if (!teacherKey()) return fill(gamesBox);
    const r = await api("/api/teacher/games");
    const games: any[] = r.body.games ?? [];
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
                  h("td", {}, g.status),
                  h("td", {}, new Date(g.createdAt).toLocaleString()),
                  h(
                    "td",
                    {},
                    g.status === "running" ? h("a", { href: `/teacher.html?code=${g.code}` }, "Console") : null,
                    " ",
                    h("a", { href: `/report.html?code=${g.code}` }, "Debrief"),
                    " ",
                    h("button", { type: "button", class: "small secondary", onclick: () => download(g.code, "rounds.csv") }, "CSV"),
                    " ",
                    h("button", { type: "button", class: "small danger", onclick: () => deleteGame(g.code) }, "Delete"),
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
          { class: "stack", onsubmit: create },
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
              if (!/^[A-Za-z0-9_-]{22,200}$/.test(v)) return toast("That is not a teacher key.", "error");
              localStorage.setItem(KEY, v);
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

/** Downloads an export with the teacher key (CSV for spreadsheets, or the whole log as JSON). */
async function download(gameCode: string, file: string) {
  const key = teacherKey();
  const path = file === "log.json" ? `/api/games/${gameCode}/log.json` : `/api/games/${gameCode}/export/${file}`;
  const res = await fetch(path, { headers: key ? { authorization: `Bearer ${key}` } : {} }).catch(() => null);
  if (!res || !res.ok) return toast("The download failed.", "error");
  const url = URL.createObjectURL(await res.blob());
  const a = h("a", { href: url, download: `entente-${gameCode}-${file}` });
  document.body.append(a);
  a.click();
  a.remove();
}

async function deleteGame(gameCode: string) {
  if (!confirm(`Delete game ${gameCode} and all its data (decisions, chats, report)? This cannot be undone.`)) return;
  const r = await api(`/api/games/${gameCode}`, { method: "DELETE" });
  if (!r.ok) return toast(r.body?.error?.message ?? "Not deleted.", "error");
  toast(`Game ${gameCode} deleted.`);
  location.reload();
}

// ---- running a game ------------------------------------------------------------
async function runConsole(gameCode: string) {
  const key = teacherKey();
  if (!key) {
    fill(app, h("main", { class: "home" }, h("h1", {}, "Teacher key needed"), h("p", {}, "This browser has no teacher key. Enter yours on the console's home page."), h("a", { class: "button", href: "/teacher.html" }, "Console home")));
    return;
  }
  const conn = new GameConnection(gameCode, { role: "teacher", teacherKey: key });
  let state: any = null;
  let crises: any[] = [];
  let map: MapHandle | null = null;
  const feed: string[] = [];

  const roundInfo = h("span", { class: "pill" });
  const clockEl = h("span", { class: "clock", role: "timer" });
  const statusEl = h("span", { class: "status", role: "status" });
  const joinBox = h("section", { class: "card", "aria-labelledby": "join-title" });
  const controls = h("section", { class: "card", "aria-labelledby": "controls-title" });
  const mapEl = h("div", { class: "map" });
  const teamsBox = h("section", { class: "card wide", "aria-labelledby": "teams-title" });
  const theoryBox = h("section", { class: "card wide", "aria-labelledby": "theory-title" });
  const chatBox = h("section", { class: "card", "aria-labelledby": "chat-title" }, h("h2", { id: "chat-title" }, "Every chat"));
  const eventsBox = h("section", { class: "card", "aria-labelledby": "events-title" });
  append(
    app,
    h("header", { class: "topbar" }, h("h1", {}, `Entente · console · ${gameCode}`), roundInfo, clockEl, statusEl, h("a", { class: "button secondary small", href: `/projector.html?code=${gameCode}`, target: "_blank" }, "Projector view")),
    h("main", { class: "console" }, joinBox, controls, h("section", { class: "card wide", "aria-label": "Map" }, mapEl), teamsBox, theoryBox, chatBox, eventsBox),
  );
  const chat = mountChat(chatBox, conn, () => ({ state, own: null, teacher: true }));

  async function act(type: string, payload: Record<string, unknown> = {}) {
    const r = await conn.send(type, payload);
    if (!r.ok) toast(r.message ?? "Refused.", "error");
    return r.ok;
  }

  function renderJoin() {
    if (!state) return;
    let students = 0;
    let online = 0;
    state.students?.forEach((s: any) => {
      students += 1;
      if (s.connected) online += 1;
    });
    const url = joinUrl(gameCode);
    fill(
      joinBox,
      h("h2", { id: "join-title" }, "Students join"),
      h("div", { class: "row" }, h("div", {}, h("div", { class: "bigcode", "aria-label": `Join code ${gameCode.split("").join(" ")}` }, gameCode), h("p", {}, "at ", h("strong", {}, location.host)), h("p", {}, `${students} joined, ${online} connected`)), qrElement(url, `QR code for ${url}`)),
    );
  }

  const announceInput = h("input", { id: "announce-text", maxlength: 500 });
  const crisisSelect = h("select", { id: "crisis-id" });
  const crisisTitle = h("input", { id: "crisis-title", maxlength: 80 });
  const crisisText = h("input", { id: "crisis-text", maxlength: 1000 });
  function renderControls() {
    if (!state) return;
    const phase = state.phase;
    const buttons: HTMLElement[] = [];
    if (phase === "lobby") buttons.push(h("button", { type: "button", onclick: () => act("start") }, "Start the game"));
    if (phase === "diplomacy") {
      buttons.push(
        state.paused ? h("button", { type: "button", onclick: () => act("resume") }, "Resume") : h("button", { type: "button", onclick: () => act("pause") }, "Pause"),
        h("button", { type: "button", class: "secondary", onclick: () => act("extend", { seconds: 60 }) }, "+1 minute"),
        h("button", { type: "button", class: "secondary", onclick: () => act("advance") }, "End the round now"),
      );
    }
    if (phase === "review") buttons.push(h("button", { type: "button", onclick: () => act("advance") }, state.round >= state.rounds ? "Finish the game" : "Start the next round"));
    if (phase !== "ended") buttons.push(h("button", { type: "button", class: "danger", onclick: () => confirm("End the game for everyone now?") && act("end") }, "End the game"));
    buttons.push(
      h("button", { type: "button", class: "secondary", "aria-pressed": state.showPredictions ? "true" : "false", onclick: () => act("predictions", { show: !state.showPredictions }) }, state.showPredictions ? "Hide predictions from students" : "Show predictions to students"),
    );
    buttons.push(h("a", { class: "button secondary", href: `/report.html?code=${gameCode}`, target: "_blank" }, phase === "ended" ? "Debrief report" : "Debrief so far"));
    if (phase === "ended") {
      for (const file of ["rounds.csv", "events.csv", "log.json"]) buttons.push(h("button", { type: "button", class: "secondary", onclick: () => download(gameCode, file) }, `Download ${file}`));
    }
    const fired = new Set(crises.filter((c) => c.fired).map((c) => c.id));
    const chosen = crisisSelect.value;
    fill(crisisSelect, ...crises.map((c) => h("option", { value: c.id }, `${c.title}${c.round ? ` (scheduled round ${c.round})` : ""}${fired.has(c.id) ? " – already out" : ""}`)));
    if (crises.some((c) => c.id === chosen)) crisisSelect.value = chosen;
    const running = phase !== "ended";
    fill(
      controls,
      h("h2", { id: "controls-title" }, "Run the class"),
      h("div", { class: "row" }, ...buttons),
      !running
        ? h("p", {}, "The game is over. Its report stays available with your teacher key.")
        : h(
        "form",
        {
          class: "row",
          onsubmit: async (e: Event) => {
            e.preventDefault();
            if (announceInput.value.trim() && (await act("announce", { text: announceInput.value.trim() }))) announceInput.value = "";
          },
        },
        h("label", { for: "announce-text" }, "Announcement"),
        announceInput,
        h("button", { type: "submit", class: "secondary" }, "Announce"),
      ),
      running && crises.length > 0
        ? h(
            "form",
            {
              class: "row",
              onsubmit: (e: Event) => {
                e.preventDefault();
                void act("crisis", { crisisId: crisisSelect.value });
              },
            },
            h("label", { for: "crisis-id" }, "Scenario crisis"),
            crisisSelect,
            h("button", { type: "submit", class: "secondary" }, "Inject"),
          )
        : null,
      !running
        ? null
        : h(
        "form",
        {
          class: "row",
          onsubmit: async (e: Event) => {
            e.preventDefault();
            if (!crisisTitle.value.trim() || !crisisText.value.trim()) return toast("A crisis needs a title and a text.", "error");
            if (await act("crisis", { title: crisisTitle.value.trim(), text: crisisText.value.trim() })) {
              crisisTitle.value = "";
              crisisText.value = "";
            }
          },
        },
        h("label", { for: "crisis-title" }, "Live crisis: title"),
        crisisTitle,
        h("label", { for: "crisis-text" }, "text"),
        crisisText,
        h("button", { type: "submit", class: "secondary" }, "Inject"),
      ),
    );
  }

  const CONTROLS = ["team", "balance-of-power", "balance-of-threat", "bandwagon", "random", "empty"];
  function renderTeams() {
    if (!state) return;
    const states = statesOf(state);
    const cards = states.map((s) => {
      const members: any[] = [];
      state.students?.forEach((st: any) => {
        if (st.state === s.id) members.push(st);
      });
      const control = h("select", { id: `control-${s.id}`, "aria-label": `Who plays ${s.name}`, onchange: (e: Event) => act("seat", { state: s.id, control: (e.target as HTMLSelectElement).value }) }, ...CONTROLS.map((c) => h("option", { value: c, selected: c === s.control }, controlLabel(c))));
      return h(
        "div",
        { class: "card" },
        h("h3", {}, s.name, " ", state.phase === "diplomacy" ? h("span", { class: `pill ${s.ready ? "ok" : "warn"}` }, s.ready ? "ready" : "deciding") : null),
        h("div", {}, control),
        members.length === 0
          ? h("p", { class: "muted" }, "No students.")
          : h(
              "ul",
              {},
              ...members.map((m) =>
                h(
                  "li",
                  {},
                  `${m.nickname} `,
                  h("span", { class: `pill ${m.connected ? "ok" : "bad"}` }, m.connected ? "online" : "away"),
                  m.muted ? h("span", { class: "pill warn" }, "muted") : null,
                  h(
                    "div",
                    { class: "row" },
                    h("select", { "aria-label": `Move ${m.nickname} to`, onchange: (e: Event) => act("move", { studentId: m.id, state: (e.target as HTMLSelectElement).value }) }, h("option", { value: "" }, "Move to…"), ...states.filter((x) => x.id !== s.id).map((x) => h("option", { value: x.id }, x.name))),
                    h("button", { type: "button", class: "small secondary", onclick: () => act("mute", { studentId: m.id, muted: !m.muted }) }, m.muted ? "Unmute" : "Mute"),
                    h("button", { type: "button", class: "small danger", onclick: () => confirm(`Remove ${m.nickname} from the game?`) && act("kick", { studentId: m.id }) }, "Remove"),
                  ),
                ),
              ),
            ),
      );
    });
    fill(teamsBox, h("h2", { id: "teams-title" }, "Teams"), h("div", { class: "teams" }, ...cards));
  }

  function renderTheory() {
    if (!state) return;
    const rows = statesOf(state).map((s) => {
      const t = state.teams?.get(s.id);
      const p = state.theory?.get(s.id);
      const draft = t ? `${t.economy}/${t.defense}/${t.offense}${t.actionKind !== "none" ? `; ${t.actionKind} ${nameOf(state, t.actionTarget)}` : ""}` : "";
      const offers = t ? [...t.offersOut].map((o: string) => `→ ${nameOf(state, o.split(":")[0]!)}${o.endsWith(":accepted") ? " ✓" : ""}`).join(", ") : "";
      return h(
        "tr",
        {},
        h("th", { scope: "row" }, s.name, t?.role ? h("div", { class: "muted" }, `secret: ${THEORY_LABEL[t.role]}`) : null),
        h("td", {}, draft, offers ? h("div", {}, offers) : null),
        h("td", {}, p?.balanceOfPower ?? ""),
        h("td", {}, p?.balanceOfThreat ?? ""),
        h("td", {}, p?.bandwagon ?? ""),
        h("td", {}, p?.divergent ? "yes" : ""),
        h("td", {}, p?.lastMatches ?? ""),
      );
    });
    fill(
      theoryBox,
      h("h2", { id: "theory-title" }, "Theory panel: what each theory predicts this round, and what each team has drafted"),
      h("div", { style: "overflow:auto" }, h("table", {}, h("thead", {}, h("tr", {}, h("th", {}, "State"), h("th", {}, "Draft (economy/defence/offence %; action; offers)"), h("th", {}, "Balance of power"), h("th", {}, "Balance of threat"), h("th", {}, "Bandwagoning"), h("th", {}, "Disagree"), h("th", {}, "Last round matched"))), h("tbody", {}, ...rows))),
    );
  }

  function renderEvents() {
    fill(eventsBox, h("h2", { id: "events-title" }, "Events"), h("ol", { reversed: true, "aria-live": "polite" }, ...feed.slice(-40).reverse().map((f) => h("li", {}, f))));
  }

  function renderAll() {
    if (!state) return;
    roundInfo.textContent = state.phase === "lobby" ? "Lobby" : `Round ${state.round} of ${state.rounds} · ${state.paused ? "paused" : state.phase}`;
    renderJoin();
    renderControls();
    let m = map;
    if (!m) m = map = mountMap(mapEl, { interactive: false });
    m.update(mapViewOf(state, null, null));
    renderTeams();
    renderTheory();
    chat.refresh();
  }

  setInterval(() => (clockEl.textContent = clockText(state, conn)), 500);

  conn.onStatus((status, detail) => {
    statusEl.textContent = detail ?? STATUS_TEXT[status];
    statusEl.className = `status ${status === "connected" ? "" : "bad"}`;
  });
  let queued = false;
  conn.onState((s) => {
    state = s;
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      // Do not rebuild forms while the teacher is typing in them.
      const typing = document.activeElement instanceof HTMLInputElement || document.activeElement instanceof HTMLSelectElement;
      if (typing) {
        roundInfo.textContent = state.phase === "lobby" ? "Lobby" : `Round ${state.round} of ${state.rounds} · ${state.paused ? "paused" : state.phase}`;
        map?.update(mapViewOf(state, null, null));
        renderTheory();
        renderJoin();
        return;
      }
      renderAll();
    });
  });
  conn.onMessage((type, payload) => {
    if (type === "welcome") {
      crises = payload.crises ?? [];
    } else if (type === "event") {
      const e = payload.event;
      if (e.type === "crisis") crises = crises.map((c) => (c.id === e.id ? { ...c, fired: true } : c));
      const text = describe(e, (id) => nameInTextOf(state, id));
      if (text) {
        feed.push(`Round ${payload.round}: ${text}`);
        renderEvents();
        if (["studentJoined", "roundResolved", "war", "gameEnded"].includes(e.type)) announce(text);
      }
    }
    chat.onMessage(type, payload);
  });
  renderEvents();
  try {
    await conn.connect();
  } catch (err) {
    fill(app, h("main", { class: "home" }, h("h1", {}, "Could not open the game"), h("p", { role: "alert" }, (err as Error).message), h("a", { class: "button", href: "/teacher.html" }, "Console home")));
  }
}
