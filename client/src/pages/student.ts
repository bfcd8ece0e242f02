// The student's page: the student's turn as one guided round (alliances,
// budget, action, ready: client/src/student/steps.ts), the map beside it on
// wide screens, the intel, chat and results tabs, and a bar at the bottom with
// the clock and "We are ready". Everything a student changes saves itself
// (autosave.ts); what they see comes back from the synchronized state, decoded
// once per frame.
import "../common/no-eval.js";
import "../styles.css";
import "../student/student.css";
import { isJoinCode } from "../../../shared/ids.js";
import { CLOSE } from "../../../shared/protocol/close-codes.js";
import { eventParts, type TextPart } from "../../../shared/classroom/event-text.js";
import { actOn } from "../common/act.js";
import { asJoinError, GameConnection, type ServerEnvelope } from "../common/connection.js";
import { announce, append, byId, copyText, fill, h, param, toast, userText } from "../common/dom.js";
import { follow, happeningOf } from "../common/live.js";
import { rejoinLink, takeRejoinKeyFromAddress } from "../common/rejoin-link.js";
import { forgetRejoin, rejoinFor, rememberRejoin } from "../common/rejoin-memory.js";
import { mapDataOf, membersOf, nameInTextOf, nameOf, type Synced } from "../common/synced.js";
import { mountMap } from "../map/mount.js";
import type { MapHandle, MapHappening } from "../map/types.js";
import { mountBanners } from "../panels/banners.js";
import { mountChat } from "../panels/chat.js";
import { fetchCard, reportCard } from "../panels/report-card.js";
import { tabs } from "../panels/tabs.js";
import { lockedReason, mountAlliances } from "../student/alliances.js";
import { mountBottomBar } from "../student/bottom-bar.js";
import type { Me, StudentContext } from "../student/context.js";
import { mountDecide } from "../student/decide.js";
import { mountSteps, readySummary } from "../student/steps.js";
import { mountIntel } from "../student/intel.js";
import { joinPatiently } from "../student/joining.js";
import { mountResults } from "../student/results.js";

const code = (param("code") ?? "").toUpperCase();
const app = byId("app");
if (!isJoinCode(code)) {
  location.href = "/";
  throw new Error("no code");
}

// A rejoin link's key (in the fragment, or an old link's query) leaves the address bar at once and is
// stored, so that a reload before the server answers still finds it. The link wins over a remembered key.
const keyFromLink = takeRejoinKeyFromAddress();
const remembered = rejoinFor(code);
if (keyFromLink) rememberRejoin({ code, nickname: remembered?.rejoinKey === keyFromLink ? remembered.nickname : "", rejoinKey: keyFromLink });
const nickname = sessionStorage.getItem(`entente:nickname:${code}`);
const joinOptions = keyFromLink
  ? { role: "student" as const, rejoinKey: keyFromLink }
  : remembered
    ? { role: "student" as const, rejoinKey: remembered.rejoinKey }
    : nickname
      ? { role: "student" as const, nickname }
      : null;
if (!joinOptions) {
  location.href = `/?code=${code}`;
  throw new Error("no nickname");
}

const conn = new GameConnection(code, joinOptions);
let me: Me | null = null;
let selected: string | null = null;
let map: MapHandle | null = null;
let rejoinKey: string | null = joinOptions.rejoinKey ?? null;
const roundNews: TextPart[][] = [];
let lastRoundSeen = 0;
/** Once the game is over: whether the report card replaced the game (asked once). */
let gameOver: Promise<boolean> | null = null;

// ---- layout -------------------------------------------------------------------
// The guided round first (on a phone, each step is one screen; on wide screens the map sits beside it), the map
// after it in the reading order, and the bar at the bottom with the clock and "We are ready", always in view.
document.body.classList.add("student-page");
const title = h("h1", {}, "Entente");
const roundInfo = h("span", { class: "pill" }, "");
const statusEl = h("span", { class: "status", role: "status" }, "");
const mapEl = h("div", { id: "map", class: "map" });
/** What the student waits for, or why nothing can be changed now (lobby, pause, review, a bot's seat). */
const noticeEl = h("div", { class: "notice", role: "status", hidden: true });
const decidePanel = h("div", {});
const intelPanel = h("div", {});
const chatPanel = h("div", {});
const resultsPanel = h("div", {});
const rejoinBox = h("details", { class: "card rejoin", hidden: true });
/** What the student waits for before they are in (the teacher's approval, a busy game). */
const waitingEl = h("section", { class: "card waiting", role: "status", hidden: true });
const bannersEl = h("div", { id: "student-banners", class: "banners" });
const gameEl = h(
  "main",
  { class: "game guided" },
  h(
    "section",
    { class: "panels", "aria-label": "Your turn and information" },
    tabs("student", [
      { id: "decide", label: "Your turn", panel: decidePanel },
      { id: "intel", label: "Intel", panel: intelPanel },
      { id: "chat", label: "Chat", panel: chatPanel },
      { id: "results", label: "Results", panel: resultsPanel },
    ]),
  ),
  h("section", { class: "map-area", "aria-label": "Map" }, mapEl),
);

const ctx: StudentContext = {
  conn,
  code,
  synced: () => live.synced(),
  me: () => me,
  own: () => me?.state ?? null,
  team: () => {
    const own = me?.state;
    return own ? live.synced()?.teams.get(own) : undefined;
  },
  selected: () => selected,
  select(id) {
    selected = id;
    const s = live.synced();
    if (s) {
      renderMap(s);
      alliances.render(s);
    }
  },
  act: actOn(conn),
};
const alliances = mountAlliances(ctx);
const decide = mountDecide(ctx);
const summary = readySummary(ctx);
const steps = mountSteps(
  ctx,
  [
    { id: "alliances", title: "Alliances", body: alliances.element },
    { id: "budget", title: "Budget", body: decide.budget },
    { id: "action", title: "Action", body: decide.action },
    { id: "ready", title: "Ready", body: summary.element },
  ],
  // Leaving a step sends what is pending in it.
  (from) => (from.id === "budget" ? decide.flushBudget() : from.id === "action" ? decide.flushAction() : Promise.resolve()),
);
const bar = mountBottomBar(ctx, () => decide.flush());
append(decidePanel, noticeEl, decide.teamLine, steps.element, rejoinBox);
append(
  app,
  h("header", { class: "topbar" }, title, roundInfo, statusEl),
  // Crises, the announcement and news of the team's seat (panels/banners.ts).
  bannersEl,
  waitingEl,
  gameEl,
  bar.element,
);
// The page keeps room for the bar below its content (its height changes with the width and the text).
new ResizeObserver(() => document.documentElement.style.setProperty("--bar-h", `${bar.element.offsetHeight}px`)).observe(bar.element);

const live = follow(conn, { status: statusEl, clock: bar.clock }, renderAll, (status) => {
  if (status === "removed") forgetRejoin(code);
  if (status === "ended") void showGameOver();
});
const intel = mountIntel(intelPanel, ctx);
const results = mountResults(resultsPanel, ctx, { news: () => roundNews, rejoinKey: () => rejoinKey });
const chat = mountChat(chatPanel, conn, () => ({ synced: live.synced(), own: me?.state ?? null, teacher: false, studentId: me?.studentId ?? null }));
const banners = mountBanners(bannersEl, { code, studentId: () => me?.studentId ?? null });

// ---- header and map -------------------------------------------------------------
function renderHeader(s: Synced) {
  const id = me?.state;
  fill(title, id ? `Entente · ${nameOf(s, id)}` : "Entente");
  const phase = s.phase === "lobby" ? "waiting for the teacher" : s.phase === "diplomacy" ? (s.paused ? "paused" : "diplomacy") : s.phase === "review" ? "review" : "game over";
  roundInfo.textContent = s.phase === "lobby" ? "Lobby" : `Round ${s.round} of ${s.rounds} · ${phase}`;
}

function renderMap(s: Synced) {
  let m = map;
  if (!m) {
    m = map = mountMap(mapEl, { interactive: true });
    m.onSelect((id) => ctx.select(id === selected ? null : id));
  }
  m.update(mapDataOf(s, me?.state ?? null, selected));
}

/** The lobby's waiting text, or why nothing can be changed now; hidden while the team may act. */
function renderNotice(s: Synced) {
  const own = me?.state ?? null;
  let parts: (string | HTMLElement)[] | null = null;
  if (s.phase === "lobby" && own) {
    const others = membersOf(s, own).filter((m) => m.id !== me?.studentId);
    const names = others.flatMap((m, i) => [i === 0 ? "" : i === others.length - 1 ? " and " : ", ", userText(m.nickname)]);
    parts = [
      `Waiting for the teacher to start. You are in team ${nameOf(s, own)}, playing ${nameInTextOf(s, own)}`,
      ...(others.length > 0 ? [" with ", ...names, "."] : [" (no teammates yet)."]),
      " Meanwhile, look at the map and the Intel tab.",
    ];
  } else if (s.phase === "lobby") parts = ["Waiting for the teacher to start and to put you in a team."];
  else {
    const reason = lockedReason(s, own);
    if (reason) parts = [reason];
  }
  noticeEl.hidden = parts === null;
  noticeEl.classList.toggle("paused", s.paused && s.phase === "diplomacy");
  const text = parts?.map((p) => (typeof p === "string" ? p : p.textContent)).join("") ?? "";
  // Only when it changes: the element is a live region.
  if (parts && noticeEl.dataset.text !== text) {
    noticeEl.dataset.text = text;
    fill(noticeEl, h("p", {}, ...parts));
  }
}

function renderAll(s: Synced) {
  renderHeader(s);
  renderNotice(s);
  banners.render(s);
  renderMap(s);
  steps.render(s);
  for (const panel of [decide, alliances, summary, bar, intel, results]) panel.render(s);
  chat.refresh();
}

/** The rejoin link, once the server has given (or confirmed) the student's key. */
function showRejoinLink(key: string) {
  const link = rejoinLink(code, key);
  const field = h("input", { id: "rejoin-link", readonly: true, value: link });
  fill(
    rejoinBox,
    h("summary", {}, "Your personal rejoin link (to continue on another device)"),
    h("p", { class: "muted" }, "Keep it to yourself: whoever opens it plays as you."),
    h("label", { for: "rejoin-link" }, "Rejoin link"),
    h("br"),
    field,
    h("button", { type: "button", class: "small secondary", onclick: () => copyText(link) }, "Copy"),
  );
  rejoinBox.hidden = false;
}

// ---- messages --------------------------------------------------------------------
const happenings: MapHappening[] = [];

function received(m: ServerEnvelope) {
  if (m.type === "welcome") {
    const w = m.payload;
    me = { studentId: w.studentId ?? "", nickname: w.nickname ?? "", state: w.state };
    if (w.rejoinKey) {
      rememberRejoin({ code, nickname: me.nickname, rejoinKey: w.rejoinKey });
      conn.setJoinOptions({ role: "student", rejoinKey: w.rejoinKey });
    } else if (joinOptions?.rejoinKey) {
      rememberRejoin({ code, nickname: me.nickname, rejoinKey: joinOptions.rejoinKey });
    }
    const key = w.rejoinKey ?? joinOptions?.rejoinKey;
    if (key) {
      rejoinKey = key;
      showRejoinLink(key);
    }
    const s = live.synced();
    if (s) renderAll(s);
  } else if (m.type === "event") {
    const e = m.payload.event;
    if (e.type === "studentMoved" && me && e.studentId === me.studentId) me.state = e.to;
    const happening = happeningOf(e);
    if (happening) happenings.push(happening);
    const text = eventParts(e, (id) => nameInTextOf(live.synced(), id));
    if (e.type === "roundStarted") {
      roundNews.length = 0;
      lastRoundSeen = e.round;
    }
    if (text && e.type !== "studentJoined") {
      if (["allianceFormed", "allianceLeft", "threat", "war", "crisis", "offerExpired", "actionCancelled"].includes(e.type)) roundNews.push(text);
      announce(text);
    }
    if (e.type === "roundResolved") {
      void playRound(m.payload.round);
      toast(`Round ${e.round} is over: see the Results tab.`);
    }
  } else if (m.type === "error" && m.payload.ref === null) {
    toast(m.payload.message, "error");
  }
  chat.onMessage(m);
}
conn.onMessage(received);

async function playRound(round: number) {
  const list = happenings.splice(0);
  if (map && list.length > 0) await map.animate(list);
  if (round >= lastRoundSeen) results.refresh();
}

function showWaiting(message: string | null) {
  waitingEl.hidden = message === null;
  gameEl.hidden = message !== null;
  if (message === null) return;
  fill(waitingEl, h("p", {}, message), h("p", {}, h("a", { href: `/?code=${code}` }, "Choose another nickname")));
}

/**
 * The game is over and its room has closed (the connection stopped trying, or the first join found it so): the
 * report card still comes from the server with the rejoin key. Without a card, the game screen stays, with its status.
 */
function showGameOver(): Promise<boolean> {
  gameOver ??= (async () => {
    const card = rejoinKey ? await fetchCard(code, rejoinKey) : null;
    if (card) fill(app, h("header", { class: "topbar" }, h("h1", {}, `Entente · ${card.stateName}`)), h("main", { class: "home" }, reportCard(card), h("p", {}, h("a", { href: "/" }, "Home"))));
    return card !== null;
  })();
  return gameOver;
}

joinPatiently(conn, code, joinOptions, showWaiting).catch(async (caught: unknown) => {
  const err = asJoinError(caught);
  if ((err.code === CLOSE.ROOM_NOT_FOUND || err.code === CLOSE.GAME_OVER) && (await showGameOver())) return;
  if (err.code === CLOSE.NOT_FOUND || err.code === CLOSE.ROOM_NOT_FOUND) forgetRejoin(code);
  fill(
    app,
    h(
      "main",
      { class: "home" },
      h("h1", {}, "Could not join"),
      h("p", { role: "alert" }, err.message || "The game could not be joined."),
      h("a", { class: "button", href: `/?code=${code}` }, "Back"),
    ),
  );
});
