// The student's page: the map, and beside it the panels in HTML (decide,
// alliances, intel, chat, results). Everything a student changes goes to the
// server; what they see comes back from the synchronized state.
import "../styles.css";
import { GameConnection, STATUS_TEXT } from "../common/connection.js";
import { announce, append, byId, fill, h, param, toast } from "../common/dom.js";
import { describe } from "../common/events.js";
import { km, num1, pct, THEORY_LABEL } from "../common/format.js";
import { forgetSeat, saveSeat, seatFor } from "../common/seats.js";
import { intelFor, mapViewOf, nameInTextOf, nameOf, statesOf, worldOf } from "../common/view.js";
import { mountMap } from "../map/mount.js";
import type { MapHandle, MapHappening } from "../map/types.js";
import { distanceBetween } from "../../../shared/theory/proximity.js";
import { inReach } from "../../../shared/rules/strength.js";
import { mountChat } from "../panels/chat.js";
import { clockText, happeningOf } from "../common/live.js";
import { tabs } from "../panels/tabs.js";
import { fetchCard, reportCard } from "../panels/report-card.js";

/* eslint-disable @typescript-eslint/no-explicit-any */
const code = (param("code") ?? "").toUpperCase();
const app = byId("app");
if (!/^[A-Z0-9]{6}$/.test(code)) {
  location.href = "/";
  throw new Error("no code");
}

const keyFromLink = param("key");
const seat = seatFor(code);
const nickname = sessionStorage.getItem(`entente:nickname:${code}`);
const joinOptions = keyFromLink
  ? { role: "student" as const, rejoinKey: keyFromLink }
  : seat
    ? { role: "student" as const, rejoinKey: seat.rejoinKey }
    : nickname
      ? { role: "student" as const, nickname }
      : null;
if (!joinOptions) {
  location.href = `/?code=${code}`;
  throw new Error("no nickname");
}

const conn = new GameConnection(code, joinOptions);
let me: { studentId: string; nickname: string; state: string | null } | null = null;
let state: any = null;
let selected: string | null = null;
let map: MapHandle | null = null;
const roundNews: string[] = [];
let lastRoundSeen = 0;

// ---- layout -------------------------------------------------------------------
const title = h("h1", {}, "Entente");
const roundInfo = h("span", { class: "pill" }, "");
const clockEl = h("span", { class: "clock", role: "timer", "aria-live": "off" }, "");
const statusEl = h("span", { class: "status", role: "status" }, "");
const announcementEl = h("p", { class: "card", hidden: true, role: "status" });
const mapEl = h("div", { id: "map", class: "map" });
const decidePanel = h("div", {});
const alliancesPanel = h("div", {});
const intelPanel = h("div", {});
const chatPanel = h("div", {});
const resultsPanel = h("div", {});
append(
  app,
  h("header", { class: "topbar" }, title, roundInfo, clockEl, statusEl),
  h(
    "main",
    { class: "game" },
    h("section", { "aria-label": "Map" }, mapEl),
    h(
      "section",
      { class: "panels", "aria-label": "Your decisions and information" },
      announcementEl,
      tabs("student", [
        { id: "decide", label: "Decide", panel: decidePanel },
        { id: "alliances", label: "Alliances", panel: alliancesPanel },
        { id: "intel", label: "Intel", panel: intelPanel },
        { id: "chat", label: "Chat", panel: chatPanel },
        { id: "results", label: "Results", panel: resultsPanel },
      ]),
    ),
  ),
);

const chat = mountChat(chatPanel, conn, () => ({ state, own: me?.state ?? null, teacher: false }));

// ---- helpers ------------------------------------------------------------------
const name = (id: string) => nameOf(state, id);
const own = () => me?.state ?? null;
const team = () => (own() ? state?.teams?.get(own()) : undefined);
const allied = (a: string, b: string) => [...(state?.alliances ?? [])].some((p: string) => p === [a, b].sort().join("|"));

async function act(type: string, payload: Record<string, unknown> = {}) {
  const reply = await conn.send(type, payload);
  if (!reply.ok) toast(reply.message ?? "Refused.", "error");
  return reply.ok;
}

function select(id: string | null) {
  selected = id;
  renderMap();
  renderAlliances();
}

// ---- decide ---------------------------------------------------------------------
const budgetInputs = (["economy", "defense", "offense"] as const).map((k) =>
  h("input", { type: "number", id: `budget-${k}`, min: 0, max: 100, step: 5, inputmode: "numeric", "aria-describedby": "budget-total" }),
);
const budgetTotal = h("p", { id: "budget-total", class: "muted", "aria-live": "polite" });
const actionKind = h(
  "select",
  { id: "action-kind" },
  h("option", { value: "none" }, "No action"),
  h("option", { value: "threaten" }, "Threaten a state"),
  h("option", { value: "attack" }, "Attack a state"),
);
const actionTarget = h("select", { id: "action-target" });
const readyButton = h("button", { type: "button", id: "ready" }, "We are ready");
const teamLine = h("p", { class: "muted" });
const rejoinBox = h("details", { class: "card", hidden: true });

let lastSavedBudget = "";
let endCard: any = null;
let endCardAsked = false;
let currentRejoinKey: string | null = joinOptions.rejoinKey ?? null;
let lastSavedAction = "";

function budgetSum() {
  return budgetInputs.reduce((s, i) => s + (Number(i.value) || 0), 0);
}
for (const input of budgetInputs) {
  input.addEventListener("input", () => {
    budgetTotal.textContent = `Total: ${budgetSum()}% (must be 100%)`;
  });
}

append(
  decidePanel,
  teamLine,
  rejoinBox,
  h(
    "form",
    {
      onsubmit: (e: Event) => {
        e.preventDefault();
        if (budgetSum() !== 100) return toast("The three parts must add up to 100%.", "error");
        void act("budget", { economy: Number(budgetInputs[0]!.value), defense: Number(budgetInputs[1]!.value), offense: Number(budgetInputs[2]!.value) });
      },
    },
    h(
      "fieldset",
      {},
      h("legend", {}, "Budget this round"),
      h("p", { class: "muted" }, "Split what you can spend: economy grows your wealth; defence protects your land; offence can attack, threaten and help allies far away."),
      h(
        "div",
        { class: "row" },
        ...budgetInputs.map((input, i) =>
          h("div", {}, h("label", { for: input.id }, ["Economy %", "Defence %", "Offence %"][i]!), h("br"), input),
        ),
      ),
      budgetTotal,
      h("button", { type: "submit" }, "Save budget"),
    ),
  ),
  h(
    "form",
    {
      onsubmit: (e: Event) => {
        e.preventDefault();
        const kind = actionKind.value;
        void act("action", kind === "none" ? { kind } : { kind, target: actionTarget.value });
      },
    },
    h(
      "fieldset",
      {},
      h("legend", {}, "Action (at most one)"),
      h("div", { class: "row" }, h("div", {}, h("label", { for: "action-kind" }, "What"), h("br"), actionKind), h("div", {}, h("label", { for: "action-target" }, "Target"), h("br"), actionTarget)),
      h("p", { class: "muted" }, "A threat or attack is a hostile act: others will see you as more threatening."),
      h("button", { type: "submit" }, "Save action"),
    ),
  ),
  h("div", { class: "row" }, readyButton),
);
readyButton.addEventListener("click", () => {
  const ready = !(state?.states?.get(own() ?? "")?.ready ?? false);
  void act("ready", { ready });
});

function renderDecide() {
  const t = team();
  const id = own();
  if (!state || !id) {
    fill(teamLine, me ? "You are not in a team yet." : "");
    return;
  }
  const members: string[] = [];
  state.students?.forEach((s: any) => {
    if (s.state === id) members.push(`${s.nickname}${s.connected ? "" : " (away)"}`);
  });
  fill(teamLine, `You play ${nameInTextOf(state, id)} with: ${members.join(", ")}. Any of you can change the team's decisions; all of you see them.`);
  if (t) {
    // Only when the team's saved values change: a patch must not undo what someone is typing.
    const saved = `${t.economy}/${t.defense}/${t.offense}`;
    if (saved !== lastSavedBudget) {
      lastSavedBudget = saved;
      const values = [t.economy, t.defense, t.offense];
      budgetInputs.forEach((input, i) => (input.value = String(values[i])));
    }
    budgetTotal.textContent = `Total: ${budgetSum()}% (must be 100%)`;
    if (t.actionKind !== lastSavedAction) {
      lastSavedAction = t.actionKind;
      actionKind.value = t.actionKind;
    }
  }
  const world = worldOf(state);
  const current = document.activeElement === actionTarget ? actionTarget.value : (t?.actionTarget ?? "");
  fill(
    actionTarget,
    h("option", { value: "" }, "(choose)"),
    ...statesOf(state)
      .filter((s) => s.id !== id)
      .map((s) => {
        const d = distanceBetween(world, id, s.id);
        const far = !inReach(world, state.reach, id, s.id);
        const ally = allied(id, s.id);
        return h(
          "option",
          { value: s.id, disabled: far || ally },
          `${s.name}${ally ? " (ally)" : far ? ` (out of reach: ${km(d)})` : ` (${km(d)})`}`,
        );
      }),
  );
  actionTarget.value = current;
  const mine = state.states?.get(id);
  const diplomacy = state.phase === "diplomacy" && !state.paused;
  readyButton.textContent = mine?.ready ? "Not ready after all" : "We are ready";
  readyButton.setAttribute("aria-pressed", mine?.ready ? "true" : "false");
  for (const el of [readyButton, ...budgetInputs, actionKind, actionTarget]) (el as HTMLButtonElement).disabled = !diplomacy || mine?.control !== "team";
}

// ---- alliances ------------------------------------------------------------------
function renderAlliances() {
  const id = own();
  if (!state || !id) return fill(alliancesPanel, h("p", {}, "Waiting for your team…"));
  const t = team();
  const outs = new Map<string, boolean>();
  const ins = new Map<string, boolean>();
  t?.offersOut?.forEach((o: string) => {
    const [to, f] = o.split(":");
    outs.set(to!, f === "accepted");
  });
  t?.offersIn?.forEach((o: string) => {
    const [from, f] = o.split(":");
    ins.set(from!, f === "accepted");
  });
  const leaving = new Set<string>([...(t?.leaving ?? [])]);
  const rows = statesOf(state)
    .filter((s) => s.id !== id)
    .map((s) => {
      const buttons: HTMLElement[] = [];
      let status = "";
      if (allied(id, s.id)) {
        status = leaving.has(s.id) ? "ally: you are leaving" : "ally";
        buttons.push(
          leaving.has(s.id)
            ? h("button", { class: "small secondary", type: "button", onclick: () => act("stay", { ally: s.id }) }, "Stay")
            : h("button", { class: "small secondary", type: "button", onclick: () => act("leave", { ally: s.id }) }, "Leave"),
        );
      } else if (ins.has(s.id)) {
        status = ins.get(s.id) ? "you accepted: forms at the end of the round" : "offers you an alliance";
        if (!ins.get(s.id)) {
          buttons.push(h("button", { class: "small", type: "button", onclick: () => act("accept", { from: s.id }) }, "Accept"));
          buttons.push(h("button", { class: "small secondary", type: "button", onclick: () => act("decline", { from: s.id }) }, "Decline"));
        }
      } else if (outs.has(s.id)) {
        status = outs.get(s.id) ? "accepted: forms at the end of the round" : "you offered";
        if (!outs.get(s.id)) buttons.push(h("button", { class: "small secondary", type: "button", onclick: () => act("withdraw", { to: s.id }) }, "Withdraw"));
      } else {
        buttons.push(h("button", { class: "small", type: "button", onclick: () => act("offer", { to: s.id }) }, "Offer alliance"));
      }
      return h(
        "tr",
        { class: selected === s.id ? "selected" : "" },
        h("th", { scope: "row" }, h("button", { type: "button", class: "small secondary", onclick: () => select(s.id), "aria-pressed": selected === s.id ? "true" : "false" }, s.name)),
        h("td", {}, status || "—"),
        h("td", {}, h("div", { class: "row" }, ...buttons)),
      );
    });
  fill(
    alliancesPanel,
    h("p", { class: "muted" }, "Offers and answers count at the end of the round. Leaving an alliance is a betrayal in your partner's eyes. Select a state to see it on the map."),
    h("table", {}, h("caption", { class: "visually-hidden" }, "Your relations with every state"), h("thead", {}, h("tr", {}, h("th", {}, "State"), h("th", {}, "Relation"), h("th", {}, "Do"))), h("tbody", {}, ...rows)),
  );
}

// ---- intel ----------------------------------------------------------------------
/** The intentions column: hostile acts, claims, aims and ideology, each shown (the model's own parts). */
function intentionsText(t: ReturnType<typeof intelFor>[number]): string {
  const parts: string[] = [];
  if (t.deeds > 0) parts.push(`${t.deeds} hostile act${t.deeds === 1 ? "" : "s"}${t.deedsAgainstTarget > 0 ? ` (${t.deedsAgainstTarget} vs you)` : ""}`);
  if (t.intent.claimsOnTarget) parts.push("claims your land");
  if (t.intent.revisionist) parts.push("revisionist");
  if (t.intent.ideologyRelation === "rival") parts.push("rival ideology");
  if (t.intent.ideologyRelation === "shared") parts.push("same ideology");
  if (t.allied) parts.push("ally");
  return parts.length > 0 ? parts.join(", ") : "none";
}

function renderIntel() {
  const id = own();
  if (!state || !id) return;
  const threats = intelFor(state, id);
  const rows = threats.map((t, i) =>
    h(
      "tr",
      {},
      h("th", { scope: "row" }, `${i + 1}. ${name(t.from)}`),
      h("td", { class: "num" }, t.score.toFixed(3)),
      h("td", { class: "num" }, pct(t.power, 1)),
      h("td", { class: "num" }, t.distance === 0 ? "neighbour" : km(t.distance)),
      h("td", { class: "num" }, pct(t.offensiveShare)),
      h("td", {}, intentionsText(t)),
    ),
  );
  const mine = state.states.get(id);
  fill(
    intelPanel,
    h("p", {}, `Your power: ${pct(mine?.powerShare ?? 0, 1)} of all. Threat to you = power × proximity × offence × intentions (Walt's four sources). Highest first.`),
    h("div", { class: "table-scroll", tabindex: 0, role: "region", "aria-label": "Threat table (scrolls sideways on small screens)" }, h(
      "table",
      {},
      h("caption", { class: "visually-hidden" }, "Threat each state poses to you, with its four sources"),
      h(
        "thead",
        {},
        h("tr", {}, h("th", {}, "State"), h("th", { class: "num" }, "Threat to you"), h("th", { class: "num" }, "Power"), h("th", { class: "num" }, "Distance"), h("th", { class: "num" }, "Offensive forces"), h("th", {}, "Intentions")),
      ),
      h("tbody", {}, ...rows),
    )),
  );
}

// ---- results --------------------------------------------------------------------
function renderResults() {
  const id = own();
  if (!state || !id) return;
  const t = team();
  const scores: any[] = JSON.parse(t?.scoresJson ?? "[]");
  const history: any[] = JSON.parse(t?.historyJson ?? "[]");
  const theory = state.theory?.get(id);
  const parts: HTMLElement[] = [];
  if (state.phase === "ended") {
    const ranking = statesOf(state).sort((a, b) => b.score - a.score);
    parts.push(
      h("h2", {}, `Report card: ${name(id)}`),
      h("p", {}, `Final score ${num1(scores.reduce((s, l) => s + l.total, 0))}, rank ${ranking.findIndex((s) => s.id === id) + 1} of ${ranking.length}.`),
    );
    if (endCard) parts.push(h("h3", {}, "To think about"), h("p", { class: "card reflection" }, endCard.reflection));
    else if (!endCardAsked && currentRejoinKey) {
      endCardAsked = true;
      void fetchCard(code, currentRejoinKey).then((card) => {
        endCard = card;
        if (card) renderResults();
      });
    }
  }
  if (roundNews.length > 0) parts.push(h("h2", {}, "What happened"), h("ul", {}, ...roundNews.map((n) => h("li", {}, n))));
  if (scores.length > 0) {
    parts.push(
      h("h2", {}, "Your score"),
      h(
        "table",
        {},
        h("caption", { class: "visually-hidden" }, "Score by round"),
        h("thead", {}, h("tr", {}, h("th", {}, "Round"), h("th", { class: "num" }, "Total"), h("th", { class: "num" }, "Prosperity"), h("th", { class: "num" }, "Security"), h("th", { class: "num" }, "War"), h("th", { class: "num" }, "Theory"))),
        h(
          "tbody",
          {},
          ...scores.map((l) =>
            h("tr", {}, h("th", { scope: "row" }, String(l.round)), h("td", { class: "num" }, num1(l.total)), h("td", { class: "num" }, num1(l.prosperity)), h("td", { class: "num" }, num1(l.security)), h("td", { class: "num" }, num1(l.war)), h("td", { class: "num" }, num1(l.theory))),
          ),
        ),
      ),
      h("p", { class: "muted" }, "Prosperity: your economy against where you started. Security: your defence (with allies' help) against the strongest force that could reach you. War: +5 won, −10 lost."),
    );
  }
  if (history.length > 0) {
    parts.push(
      h("h2", {}, "Your alliances and the theories"),
      h(
        "ul",
        {},
        ...history.map((r) =>
          h(
            "li",
            {},
            h("strong", {}, `Round ${r.round}: `),
            r.alone ? "you stood alone." : `allies ${r.allies.map(name).join(", ") || "none"}${r.offers.length ? `, offers to ${r.offers.map(name).join(", ")}` : ""}: matched ${r.matches.map((m: string) => THEORY_LABEL[m]).join(", ") || "no theory"}.`,
            r.divergent ? " (The theories disagreed for you.)" : "",
            r.predictions ? h("ul", {}, h("li", {}, `Balance of power: ${r.predictions.balanceOfPower}`), h("li", {}, `Balance of threat: ${r.predictions.balanceOfThreat}`), h("li", {}, `Bandwagoning: ${r.predictions.bandwagon}`)) : null,
          ),
        ),
      ),
    );
  }
  if (theory) {
    parts.push(
      h("h2", {}, "What the theories predict for you now"),
      h("ul", {}, h("li", {}, `Balance of power: ${theory.balanceOfPower}`), h("li", {}, `Balance of threat: ${theory.balanceOfThreat}`), h("li", {}, `Bandwagoning: ${theory.bandwagon}`)),
    );
  }
  if (t?.role) parts.push(h("p", { class: "card" }, `Your secret theory: ${THEORY_LABEL[t.role] ?? t.role}. Play it: +5 points each round your alliances match it.`));
  if (state.scoring === "challenge" && (state.phase === "review" || state.phase === "ended")) parts.push(guessForm(id, t));
  if (parts.length === 0) parts.push(h("p", {}, "Results appear here after each round."));
  fill(resultsPanel, ...parts);
}

/** Theory challenge: guess which theory each other team was dealt (the guesses go into the debrief). */
function guessForm(id: string, t: any): HTMLElement {
  const guesses: Record<string, string> = JSON.parse(t?.guessesJson ?? "{}");
  const others = statesOf(state).filter((s) => s.id !== id && s.control === "team");
  return h(
    "section",
    { class: "card", "aria-labelledby": "guess-title" },
    h("h2", { id: "guess-title" }, "Guess the other teams' secret theories"),
    others.length === 0
      ? h("p", {}, "No other team to guess.")
      : h(
          "ul",
          {},
          ...others.map((s) => {
            const select = h(
              "select",
              { id: `guess-${s.id}`, onchange: (e: Event) => act("guess", { about: s.id, theory: (e.target as HTMLSelectElement).value }) },
              h("option", { value: "", disabled: true, selected: !guesses[s.id] }, "(your guess)"),
              ...["balance-of-power", "balance-of-threat", "bandwagon"].map((th) => h("option", { value: th, selected: guesses[s.id] === th }, THEORY_LABEL[th]!)),
            );
            return h("li", {}, h("label", { for: select.id }, `${s.name}: `), select);
          }),
        ),
  );
}

// ---- header and map -------------------------------------------------------------
function renderHeader() {
  if (!state) return;
  const id = own();
  fill(title, id ? `Entente · ${name(id)}` : "Entente");
  const phase = state.phase === "lobby" ? "waiting for the teacher" : state.phase === "diplomacy" ? (state.paused ? "paused" : "diplomacy") : state.phase === "review" ? "review" : "game over";
  roundInfo.textContent = state.phase === "lobby" ? "Lobby" : `Round ${state.round} of ${state.rounds} · ${phase}`;
  if (state.announcement) {
    announcementEl.hidden = false;
    announcementEl.textContent = `Teacher: ${state.announcement}`;
  }
}

function tickClock() {
  clockEl.textContent = clockText(state, conn);
}
setInterval(tickClock, 500);

function renderMap() {
  if (!state) return;
  let m = map;
  if (!m) {
    m = map = mountMap(mapEl, { interactive: true });
    m.onSelect((id) => select(id === selected ? null : id));
  }
  m.update(mapViewOf(state, own(), selected, team()));
}

function renderAll() {
  renderHeader();
  renderMap();
  renderDecide();
  renderAlliances();
  renderIntel();
  renderResults();
  chat.refresh();
  tickClock();
}

// ---- connection ----------------------------------------------------------------
conn.onStatus((status, detail) => {
  statusEl.textContent = detail ?? STATUS_TEXT[status];
  statusEl.className = `status ${status === "connected" ? "" : "bad"}`;
  if (status === "removed") forgetSeat(code);
});
let renderQueued = false;
conn.onState((s) => {
  state = s;
  if (renderQueued) return;
  renderQueued = true;
  requestAnimationFrame(() => {
    renderQueued = false;
    renderAll();
  });
});
conn.onMessage((type, payload) => {
  if (type === "welcome") {
    me = { studentId: payload.studentId, nickname: payload.nickname, state: payload.state };
    if (payload.rejoinKey) {
      saveSeat({ code, nickname: payload.nickname, rejoinKey: payload.rejoinKey });
      conn.setJoinOptions({ role: "student", rejoinKey: payload.rejoinKey });
    } else if (joinOptions.rejoinKey) {
      saveSeat({ code, nickname: payload.nickname, rejoinKey: joinOptions.rejoinKey });
    }
    if (keyFromLink) history.replaceState(null, "", `/student.html?code=${code}`);
    const key = payload.rejoinKey ?? joinOptions.rejoinKey;
    if (key) currentRejoinKey = key;
    if (key) {
      const link = `${location.origin}/student.html?code=${code}&key=${encodeURIComponent(key)}`;
      const field = h("input", { id: "rejoin-link", readonly: true, value: link });
      fill(
        rejoinBox,
        h("summary", {}, "Your personal rejoin link (to continue on another device)"),
        h("p", { class: "muted" }, "Keep it to yourself: whoever opens it plays as you."),
        h("label", { for: "rejoin-link" }, "Rejoin link"),
        h("br"),
        field,
        h("button", { type: "button", class: "small secondary", onclick: () => void navigator.clipboard?.writeText(link).then(() => toast("Copied.")) }, "Copy"),
      );
      rejoinBox.hidden = false;
    }
    renderAll();
  } else if (type === "event") {
    const e = payload.event;
    if (e.type === "studentMoved" && me && e.studentId === me.studentId) me.state = e.to;
    const text = describe(e, (id) => nameInTextOf(state, id));
    if (e.type === "roundStarted") {
      roundNews.length = 0;
      lastRoundSeen = e.round;
    }
    if (text && e.type !== "studentJoined") {
      if (["allianceFormed", "allianceLeft", "threat", "war", "crisis", "offerExpired", "actionCancelled"].includes(e.type)) roundNews.push(text);
      announce(text);
    }
    if (e.type === "roundResolved") {
      void playRound(payload.round);
      toast(`Round ${e.round} is over: see the Results tab.`);
    }
  } else if (type === "error" && !payload.ref) {
    toast(payload.message ?? "Error", "error");
  }
  chat.onMessage(type, payload);
});

const happenings: MapHappening[] = [];
conn.onMessage((type, payload) => {
  if (type !== "event") return;
  const e = payload.event;
  const happening = happeningOf(e);
  if (happening) happenings.push(happening);
});

async function playRound(round: number) {
  const list = happenings.splice(0);
  if (map && list.length > 0) await map.animate(list);
  if (round >= lastRoundSeen) renderResults();
}

conn.connect().catch(async (err: Error & { code?: number }) => {
  // A finished game whose room has closed: the report card still comes from the server with the rejoin key.
  const key = joinOptions.rejoinKey;
  if (key && (err.code === 4212 || err.code === 4410)) {
    const card = await fetchCard(code, key);
    if (card) {
      fill(app, h("header", { class: "topbar" }, h("h1", {}, `Entente · ${card.stateName}`)), h("main", { class: "home" }, reportCard(card), h("p", {}, h("a", { href: "/" }, "Home"))));
      return;
    }
  }
  if (err.code === 4404 || err.code === 4212) forgetSeat(code);
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

