// The bar at the bottom of the student's screen, always in view: the clock,
// "We are ready" (a toggle, with what it means next to it) and how many teams
// are still deciding (teams played by bots or by nobody never count). Marking
// ready first sends every pending change and waits for the server to have
// them; if one is refused, the team is not marked ready and the bar says why.
import { teamsStillDeciding } from "../../../shared/classroom/draft-input.js";
import { h } from "../common/dom.js";
import type { Synced } from "../common/synced.js";
import { lockedReason } from "./alliances.js";
import type { Panel, StudentContext } from "./context.js";

export interface BottomBar extends Panel {
  element: HTMLElement;
  /** The clock's element (live.ts writes the time left into it). */
  clock: HTMLElement;
}

export function mountBottomBar(ctx: StudentContext, flushAll: () => Promise<string | null>): BottomBar {
  const clock = h("span", { class: "clock", role: "timer", "aria-live": "off", "aria-label": "Time left in this round" }, "");
  const deciding = h("p", { class: "deciding", role: "status" });
  const ready = h("button", { type: "button", id: "ready", "aria-pressed": "false", "aria-describedby": "ready-meaning" }, "We are ready");
  const meaning = h("p", { id: "ready-meaning", class: "ready-meaning", "aria-live": "polite" });
  const element = h(
    "div",
    { class: "bottom-bar", role: "region", "aria-label": "Round status and ready" },
    h("div", { class: "bar-clock" }, h("span", { class: "bar-label" }, "Time left"), clock),
    deciding,
    ready,
    meaning,
  );
  /** A message of the last press (a refusal), kept until the next render that changes readiness. */
  let note: string | null = null;
  let busy = false;
  let lastReady: boolean | null = null;

  ready.addEventListener("click", () => {
    if (busy) return;
    const s = ctx.synced();
    const own = ctx.own();
    const isReady = s?.states.find((x) => x.id === own)?.ready ?? false;
    busy = true;
    void (async () => {
      try {
        if (!isReady) {
          meaning.textContent = "Saving your changes first…";
          const problem = await flushAll();
          if (problem) {
            note = `Not marked ready: ${problem}`;
            meaning.textContent = note;
            return;
          }
        }
        const reply = await ctx.conn.send("ready", { ready: !isReady });
        note = reply.ok ? null : `Not changed: ${reply.message}`;
        if (note) meaning.textContent = note;
      } finally {
        busy = false;
        const latest = ctx.synced();
        if (latest) render(latest);
      }
    })();
  });

  function render(s: Synced) {
    const own = ctx.own();
    const mine = s.states.find((x) => x.id === own);
    const isReady = mine?.ready ?? false;
    const locked = lockedReason(s, own);
    ready.disabled = locked !== null;
    ready.setAttribute("aria-pressed", isReady ? "true" : "false");
    if (lastReady !== isReady) note = null;
    lastReady = isReady;
    const waiting = teamsStillDeciding(s.states);
    deciding.textContent =
      s.phase !== "diplomacy"
        ? s.phase === "lobby"
          ? "The round has not started."
          : s.phase === "review"
            ? "Round over."
            : "Game over."
        : waiting.length === 0
          ? "Every team is ready."
          : `${waiting.length} team${waiting.length === 1 ? "" : "s"} still deciding`;
    if (busy) return;
    const text =
      note ??
      (locked
        ? s.paused && s.phase === "diplomacy"
          ? "Paused by the teacher."
          : "You can press it once the round runs."
        : isReady
          ? "Your team said it is done. Press again to keep deciding."
          : "Press when your team is done: the round ends early once all teams are.");
    if (meaning.textContent !== text) meaning.textContent = text;
  }
  return { element, clock, render };
}
