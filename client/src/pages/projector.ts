// The projector: read-only, for the classroom screen. The large map, the
// round and clock, alliances, events as they happen, and during the lobby the
// join code. It joins as "projector", so nothing private ever reaches it.
import "../common/no-eval.js";
import "../styles.css";
import { eventParts, type TextPart } from "../../../shared/classroom/event-text.js";
import { isJoinCode } from "../../../shared/ids.js";
import { asJoinError, GameConnection } from "../common/connection.js";
import { append, byId, fill, h, param, sentence, userText } from "../common/dom.js";
import { follow, happeningOf } from "../common/live.js";
import { joinPanel } from "../common/join-panel.js";
import { mapDataOf, nameInTextOf, nameOf, type Synced } from "../common/synced.js";
import { mountMap } from "../map/mount.js";
import type { MapHandle, MapHappening } from "../map/types.js";

const app = byId("app");
const code = (param("code") ?? "").toUpperCase();
if (!isJoinCode(code)) {
  fill(app, h("main", { class: "home" }, h("h1", {}, "Projector"), h("p", {}, "Open this page from the teacher console (it needs the game's code).")));
  throw new Error("no code");
}

const conn = new GameConnection(code, { role: "projector" });
const join = joinPanel(code, { picker: false });
let map: MapHandle | null = null;
const feed: TextPart[][] = [];
const happenings: MapHappening[] = [];

const roundInfo = h("span", { class: "pill" });
const clockEl = h("span", { class: "clock", role: "timer" });
const statusEl = h("span", { class: "status", role: "status" });
const mapEl = h("div", { class: "map" });
const side = h("aside", { class: "side card", "aria-label": "Round, alliances and events" });
append(
  app,
  h("header", { class: "topbar" }, h("h1", {}, `Entente · ${code}`), roundInfo, clockEl, statusEl),
  h("main", { class: "projector" }, h("section", { "aria-label": "Map" }, mapEl), side),
);

function render(state: Synced) {
  roundInfo.textContent = state.phase === "lobby" ? "Waiting to start" : `Round ${state.round} of ${state.rounds} · ${state.paused ? "paused" : state.phase}`;
  let m = map;
  if (!m) m = map = mountMap(mapEl, { interactive: false, large: true });
  m.update(mapDataOf(state, null, null));
  const alliances = state.alliances.map(([a, b]) => `${nameOf(state, a)} – ${nameOf(state, b)}`);
  const joined = state.students.length;
  fill(
    side,
    state.phase === "lobby"
      ? h(
          "div",
          { class: "lobby-banner" },
          h("h2", {}, "Join the game"),
          join.element,
          h("p", {}, `${joined} joined`),
        )
      : null,
    state.announcement ? h("p", { class: "card" }, "Teacher: ", userText(state.announcement)) : null,
    h("h2", {}, "Alliances"),
    alliances.length > 0 ? h("ul", {}, ...alliances.map((a) => h("li", {}, a))) : h("p", {}, "None yet."),
    h("h2", {}, "What happened"),
    h("ol", { class: "events", reversed: true, "aria-live": "polite" }, ...feed.slice(-8).reverse().map((f) => h("li", {}, ...sentence(f)))),
  );
}

const live = follow(conn, { status: statusEl, clock: clockEl }, render);
conn.onMessage((m) => {
  if (m.type !== "event") return;
  const e = m.payload.event;
  const text = eventParts(e, (id) => nameInTextOf(live.synced(), id));
  if (text && !["studentJoined", "studentMoved", "studentRemoved"].includes(e.type)) feed.push(text);
  const happening = happeningOf(e);
  if (happening) happenings.push(happening);
  if (e.type === "roundResolved" && map) void map.animate(happenings.splice(0));
  const s = live.synced();
  if (s) render(s);
});
conn.connect().catch((err: unknown) => {
  fill(app, h("main", { class: "home" }, h("h1", {}, "Projector"), h("p", { role: "alert" }, asJoinError(err).message || "Could not open the game.")));
});
