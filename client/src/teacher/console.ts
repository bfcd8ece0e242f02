// The console of a running game, as a monitor: a bar with the clock, the ready
// count and the next step; the grid of teams (who is online, ready, whose draft
// is complete, how each draft fits the theories); then the controls, the join
// box, every chat and the events, the map, the students, the downloads. It
// joins with the teacher key this browser holds, so a reload lands back in the
// same game.
import { eventParts, type TextPart } from "../../../shared/classroom/event-text.js";
import type { CrisisEntry, SeatRequestEntry } from "../../../shared/protocol/server-messages.js";
import { teacherKey } from "../common/api.js";
import { asJoinError, GameConnection, type ServerEnvelope } from "../common/connection.js";
import { announce, append, fill, h, sentence } from "../common/dom.js";
import { follow } from "../common/live.js";
import { mapDataOf, nameInTextOf, type Synced } from "../common/synced.js";
import { mountMap } from "../map/mount.js";
import type { MapHandle } from "../map/types.js";
import { mountChat } from "../panels/chat.js";
import type { ConsoleContext } from "./context.js";
import { mountControls } from "./controls.js";
import { renderJoinBox } from "./join-box.js";
import { renderTeams } from "./teams.js";
import { renderExports } from "./exports.js";
import { mountNextAction } from "./next-action.js";
import { consoleAct } from "./refusal-text.js";
import { renderTeamGrid } from "./team-grid.js";
import "./monitor.css";

export async function runConsole(app: HTMLElement, code: string): Promise<void> {
  const key = teacherKey();
  if (!key) {
    fill(app, h("main", { class: "home" }, h("h1", {}, "Teacher key needed"), h("p", {}, "This browser does not have your teacher key. Paste it under \"I have a teacher key\" on the teacher page to open your games."), h("a", { class: "button", href: "/teacher.html" }, "Console home")));
    return;
  }
  const conn = new GameConnection(code, { role: "teacher", teacherKey: key });
  let crises: CrisisEntry[] = [];
  let seatRequests: SeatRequestEntry[] = [];
  let map: MapHandle | null = null;
  const feed: TextPart[][] = [];

  const roundInfo = h("span", { class: "pill" });
  const clockEl = h("span", { class: "clock", role: "timer" });
  const statusEl = h("span", { class: "status", role: "status" });
  const readyEl = h("span", { class: "ready-count", "aria-live": "polite" });
  const nextSlot = h("span", { class: "next-slot" });
  const gridBox = h("section", { class: "card wide", "aria-labelledby": "grid-title" });
  const exportsBox = h("section", { class: "card", "aria-labelledby": "exports-title" });
  const joinBox = h("section", { class: "card", "aria-labelledby": "join-title" });
  const controlsBox = h("section", { class: "card", "aria-labelledby": "controls-title" });
  const mapEl = h("div", { class: "map" });
  const teamsBox = h("section", { class: "card wide", "aria-labelledby": "teams-title" });
  const chatBox = h("section", { class: "card", "aria-labelledby": "chat-title" }, h("h2", { id: "chat-title" }, "Every chat"));
  const eventsBox = h("section", { class: "card", "aria-labelledby": "events-title" });
  const main = h("main", { class: "console" }, gridBox, controlsBox, joinBox, chatBox, eventsBox, h("section", { class: "card wide", "aria-label": "Map" }, mapEl), teamsBox, exportsBox);
  append(
    app,
    h(
      "header",
      { class: "topbar console-bar" },
      h("h1", {}, `Entente · console · ${code}`),
      roundInfo,
      clockEl,
      readyEl,
      nextSlot,
      statusEl,
      h("a", { class: "button secondary small", href: `/projector.html?code=${code}`, target: "_blank" }, "Projector view"),
    ),
    main,
  );

  /** The game is over and its room is gone (e.g. after a server restart): nothing is left to run, the debrief stays. */
  function showGameOver() {
    roundInfo.textContent = "Game over";
    readyEl.textContent = "";
    fill(nextSlot);
    fill(
      main,
      h(
        "section",
        { class: "card wide", "aria-labelledby": "over-title" },
        h("h2", { id: "over-title" }, "This game is over"),
        h("p", {}, "Its room has closed. The debrief report and the exports are kept with your teacher key."),
        h("p", {}, h("a", { class: "button", href: `/report.html?code=${code}` }, "Debrief report"), " ", h("a", { class: "button secondary", href: "/teacher.html" }, "Console home")),
      ),
      exportsBox,
    );
  }

  const live = follow(conn, { status: statusEl, clock: clockEl }, render, (status) => {
    if (status === "ended") showGameOver();
  });
  const ctx: ConsoleContext = { code, conn, synced: live.synced, crises: () => crises, seatRequests: () => seatRequests, selected: new Set(), act: consoleAct(conn) };
  const controls = mountControls(controlsBox, ctx);
  const next = mountNextAction(readyEl, nextSlot, ctx);
  renderExports(exportsBox, code);
  const chat = mountChat(chatBox, conn, () => ({ synced: live.synced(), own: null, teacher: true }));

  const roundLine = (s: Synced) => (s.phase === "lobby" ? "Lobby" : `Round ${s.round} of ${s.rounds} · ${s.paused ? "paused" : s.phase}`);
  function renderMap(s: Synced) {
    let m = map;
    if (!m) m = map = mountMap(mapEl, { interactive: false });
    m.update(mapDataOf(s, null, null));
  }
  function renderEvents() {
    fill(eventsBox, h("h2", { id: "events-title" }, "Events"), h("ol", { reversed: true, "aria-live": "polite" }, ...feed.slice(-40).reverse().map((f) => h("li", {}, ...sentence(f)))));
  }

  function render(s: Synced) {
    roundInfo.textContent = roundLine(s);
    next.render(s);
    renderTeamGrid(gridBox, s);
    renderJoinBox(joinBox, ctx, s);
    renderMap(s);
    // Do not rebuild forms while the teacher is typing in them.
    const typing = document.activeElement instanceof HTMLInputElement || document.activeElement instanceof HTMLSelectElement;
    if (typing) return;
    controls.render(s);
    renderTeams(teamsBox, ctx, s);
    chat.refresh();
  }

  conn.onMessage((m: ServerEnvelope) => {
    if (m.type === "welcome") {
      crises = m.payload.crises;
    } else if (m.type === "seatRequests") {
      const asked = m.payload.requests.filter((r) => !seatRequests.some((old) => old.id === r.id));
      seatRequests = m.payload.requests;
      const s = live.synced();
      if (s) renderJoinBox(joinBox, ctx, s);
      for (const r of asked) announce(["Someone asks to come back as ", { user: r.nickname }, ": see \"Students join\"."]);
    } else if (m.type === "event") {
      const e = m.payload.event;
      if (e.type === "crisis") crises = crises.map((c) => (c.id === e.id ? { ...c, fired: true } : c));
      const parts = eventParts(e, (id) => nameInTextOf(live.synced(), id));
      if (parts) {
        feed.push([`Round ${m.payload.round}: `, ...parts]);
        renderEvents();
        if (["studentJoined", "roundResolved", "war", "gameEnded"].includes(e.type)) announce(parts);
      }
    }
    chat.onMessage(m);
  });
  renderEvents();
  try {
    await conn.connect();
  } catch (err) {
    if (conn.status === "ended") return; // already shown
    fill(app, h("main", { class: "home" }, h("h1", {}, "Could not open the game"), h("p", { role: "alert" }, asJoinError(err).message || "The game could not be opened."), h("a", { class: "button", href: "/teacher.html" }, "Console home")));
  }
}
