// The projector: read-only, for the classroom screen, readable from the back
// of the room. A stage beside the map: the round and the clock large, "X of Y
// teams ready"; in the lobby the join code and a wall of nicknames; during
// the game crises and announcements as banners, the alliances and what
// happened; at resolution one card per event, then the scores; at the end a
// podium and the theories' fit. The join code stays in a corner. It joins as
// "projector", so nothing private ever reaches it. The parts are in
// client/src/projector/.
import "../common/no-eval.js";
import "../styles.css";
import "../projector/stage.css";
import { eventParts, type TextPart } from "../../../shared/classroom/event-text.js";
import { readyCount } from "../../../shared/classroom/readiness.js";
import { isJoinCode } from "../../../shared/ids.js";
import { asJoinError, GameConnection } from "../common/connection.js";
import { append, byId, fill, h, param, sentence } from "../common/dom.js";
import { follow, happeningOf } from "../common/live.js";
import { joinPanel } from "../common/join-panel.js";
import { mapDataOf, nameInTextOf, nameOf, type Synced } from "../common/synced.js";
import { mountMap } from "../map/mount.js";
import type { MapHandle, MapHappening } from "../map/types.js";
import { banners, type CrisisShown } from "../projector/banners.js";
import { finaleStage } from "../projector/finale.js";
import { dropUntilFit, trimToFit } from "../projector/fit.js";
import { JoinedLines, lobbyStage } from "../projector/people.js";
import { cardOf, crisisCard, ReviewShow, type EventCard } from "../projector/review.js";
import { themeToggle } from "../projector/theme.js";

const app = byId("app");
const code = (param("code") ?? "").toUpperCase();
if (!isJoinCode(code)) {
  fill(app, h("main", { class: "home" }, h("h1", {}, "Projector"), h("p", {}, "Open this page from the teacher console (it needs the game's code).")));
  throw new Error("no code");
}

const conn = new GameConnection(code, { role: "projector" });
const join = joinPanel(code, { picker: false });
let map: MapHandle | null = null;
/** What happened so far (newest last), for the feed during diplomacy. */
const feed: TextPart[][] = [];
const happenings: MapHappening[] = [];
/** This round's cards, shown when it resolves. */
let roundCards: EventCard[] = [];
const joined = new JoinedLines(() => rerender());
const review = new ReviewShow(() => rerender());

// The header: the round and the clock large, the ready count, the theme.
const roundEl = h("span", { class: "stage-round" });
const phaseEl = h("span", { class: "stage-phase" });
const clockEl = h("span", { class: "clock", role: "timer", "aria-label": "Time left" });
const statusEl = h("span", { class: "status", role: "status" });
const readyText = h("span", { class: "ready-text" });
const readyFill = h("span", { class: "ready-fill" });
const readyBar = h("span", { class: "ready-bar", role: "progressbar", "aria-label": "Teams ready", "aria-valuemin": 0 }, readyFill);
const readyBox = h("div", { class: "ready-box" }, readyText, readyBar);
const mapEl = h("div", { class: "map" });
const stageMain = h("section", { class: "stage-main", "aria-label": "Stage" });
const joinCorner = h("aside", { class: "stage-join", "aria-label": "Join the game" });
const main = h("main", { class: "stage" }, h("section", { class: "stage-map", "aria-label": "Map" }, mapEl), stageMain, joinCorner);
append(
  app,
  h(
    "header",
    { class: "topbar stage-bar" },
    h("div", { class: "pill stage-roundbox" }, roundEl, phaseEl),
    clockEl,
    readyBox,
    h("div", { class: "stage-meta" }, h("h1", {}, `Entente · ${code}`), themeToggle(remountMap), statusEl),
  ),
  main,
);

function phaseWord(state: Synced): string {
  if (state.paused) return "paused";
  return state.phase;
}

function renderHeader(state: Synced) {
  if (state.phase === "lobby") {
    roundEl.textContent = "Waiting to start";
    phaseEl.textContent = "";
  } else {
    roundEl.textContent = `Round ${state.round} of ${state.rounds}`;
    phaseEl.textContent = ` · ${phaseWord(state)}`;
  }
  phaseEl.className = `stage-phase${state.paused ? " paused" : ""}`;
  const count = readyCount(state.states);
  readyBox.hidden = state.phase !== "diplomacy";
  readyText.textContent = count.of === 0 ? "No team has players yet" : `${count.ready} of ${count.of} ${count.of === 1 ? "team" : "teams"} ready`;
  readyBar.setAttribute("aria-valuemax", String(count.of));
  readyBar.setAttribute("aria-valuenow", String(count.ready));
  readyBar.setAttribute("aria-valuetext", readyText.textContent);
  readyFill.style.width = `${count.of === 0 ? 0 : Math.round((100 * count.ready) / count.of)}%`;
}

/** The alliances in force and what happened, newest first; trimmed to fit. */
function diplomacyStage(state: Synced): { element: HTMLElement; lists: HTMLElement[] } {
  const alliances = h(
    "ul",
    { class: "alliance-list" },
    ...state.alliances.map(([a, b]) => h("li", {}, `${nameOf(state, a)} – ${nameOf(state, b)}`)),
  );
  const events = h("ol", { class: "events", reversed: true }, ...feed.slice(-12).reverse().map((f) => h("li", {}, ...sentence(f))));
  return {
    element: h(
      "div",
      { class: "diplomacy" },
      h("h2", { class: "stage-title" }, "Alliances"),
      state.alliances.length > 0 ? alliances : h("p", { class: "none" }, "None yet."),
      h("h2", { class: "stage-title" }, "What happened"),
      feed.length > 0 ? events : h("p", { class: "none" }, "Nothing yet."),
    ),
    lists: [events, alliances],
  };
}

function render(state: Synced) {
  main.dataset.phase = state.phase;
  renderHeader(state);
  let m = map;
  if (!m) m = map = mountMap(mapEl, { interactive: false, large: true });
  m.update(mapDataOf(state, null, null));

  if (state.phase === "lobby") {
    joinCorner.hidden = true;
    const lobby = lobbyStage(state, join.element);
    fill(stageMain, lobby.element);
    trimToFit(stageMain, lobby.wall, lobby.more, (n) => `…and ${n} who joined earlier:`);
    return;
  }
  // Late joiners are welcome until the game is over.
  joinCorner.hidden = state.phase === "ended";
  if (join.element.parentElement !== joinCorner) fill(joinCorner, join.element);
  // The crisis of this round while the teams decide (at resolution it has its own card).
  // From the synchronized state (not only the event), so that a reloaded projector shows it too.
  const latest = state.crises[state.crises.length - 1];
  const shownCrisis: CrisisShown | null = latest && latest.round === state.round && state.phase === "diplomacy" ? { round: latest.round, title: latest.title, text: latest.text } : null;
  const top = [...banners(state.announcement, shownCrisis), ...joined.lines()];
  if (state.phase === "ended") {
    fill(stageMain, ...top, state.finale ? finaleStage(state, state.finale) : h("h2", { class: "stage-title" }, "The game is over."));
    // The podium and the fit matter most at the end: lines and banners give way if they do not all fit.
    dropUntilFit(stageMain, [...stageMain.querySelectorAll(".joined-line, .other-teams, .banner-announcement, .banner")]);
    return;
  }
  if (state.phase === "review") {
    fill(stageMain, ...top, review.render(state));
    const list = stageMain.querySelector<HTMLElement>(".score-list");
    if (list) trimToFit(stageMain, list, null, () => "", "end");
    dropUntilFit(stageMain, [...stageMain.querySelectorAll(".joined-line, .banner-announcement")]);
    return;
  }
  const d = diplomacyStage(state);
  fill(stageMain, ...top, d.element);
  for (const list of d.lists) trimToFit(stageMain, list, null, () => "", "end");
  dropUntilFit(stageMain, [...stageMain.querySelectorAll(".joined-line")]);
}

/** The map takes its colours (light or dark) from its panel when it is mounted: a new theme mounts it again. */
function remountMap() {
  map?.destroy();
  map = null;
  rerender();
}

function rerender() {
  const s = live.synced();
  if (s) render(s);
}

const live = follow(conn, { status: statusEl, clock: clockEl }, render);
conn.onMessage((m) => {
  if (m.type !== "event") return;
  const e = m.payload.event;
  const text = eventParts(e, (id) => nameInTextOf(live.synced(), id));
  switch (e.type) {
    case "studentJoined":
      if (text && live.synced()?.phase !== "lobby") joined.add(text);
      break;
    case "roundStarted":
      roundCards = [];
      review.clear();
      break;
    case "roundResolved": {
      // The round's crises come from the synchronized state (a projector reloaded mid-round did not see their
      // events), first, as they broke out before the round's deeds; the other cards from this page's events.
      const crises = (live.synced()?.crises ?? []).filter((c) => c.round === e.round).map(crisisCard);
      review.start(e.round, [...crises, ...roundCards.splice(0).filter((c) => c.kind !== "crisis")]);
      break;
    }
    default:
      break;
  }
  const card = cardOf(e, text);
  if (card) roundCards.push(card);
  if (text && !["studentJoined", "studentMoved", "studentRemoved", "announcement", "crisis"].includes(e.type)) feed.push(text);
  const happening = happeningOf(e);
  if (happening) happenings.push(happening);
  if (e.type === "roundResolved" && map) void map.animate(happenings.splice(0));
  rerender();
});
conn.connect().catch((err: unknown) => {
  fill(app, h("main", { class: "home" }, h("h1", {}, "Projector"), h("p", { role: "alert" }, asJoinError(err).message || "Could not open the game.")));
});
