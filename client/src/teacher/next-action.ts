// The console's bar: beside the clock, the ready count ("5 of 8 teams ready")
// and the one next step as the primary button: Start the game, End the round
// now (with a confirm step), Start round N, Finish the game, See the debrief.
// It is enabled only when it makes sense (no start before a student joined).
import { readyCount } from "../../../shared/classroom/readiness.js";
import { fill, h } from "../common/dom.js";
import type { Synced } from "../common/synced.js";
import { confirmStep } from "./confirm.js";
import type { ConsoleContext } from "./context.js";

export interface NextStep {
  label: string;
  /** Why the button is disabled, or null when it is enabled. */
  blocked: string | null;
  run: ((ctx: ConsoleContext, s: Synced) => Promise<unknown>) | null;
  /** A link instead of a request (the debrief). */
  href: string | null;
}

/** The ready count in words, for the bar: during a round "5 of 8 teams ready"; else where the class stands. */
export function readyText(s: Synced): string {
  if (s.phase === "lobby") return `${s.students.length} student${s.students.length === 1 ? "" : "s"} joined`;
  if (s.phase === "ended") return "Game over";
  if (s.phase === "review") return `Round ${s.round} resolved`;
  const { ready, of } = readyCount(s.states);
  if (of === 0) return "No team has students";
  return `${ready} of ${of} team${of === 1 ? "" : "s"} ready`;
}

async function endRound(ctx: ConsoleContext, s: Synced): Promise<unknown> {
  const { ready, of } = readyCount(s.states);
  const waiting = of - ready;
  const consequence =
    (waiting > 0 ? `${waiting} of ${of} team${of === 1 ? " is" : "s are"} still deciding. ` : "") +
    `Round ${s.round} is resolved now: every team's draft counts as it stands, open offers expire, and nobody can change anything until you start the next round.`;
  if (!(await confirmStep({ title: "End the round now?", consequence, confirmLabel: "End the round now" }))) return;
  return ctx.act("advance", {});
}

export function nextStep(s: Synced, code: string): NextStep {
  switch (s.phase) {
    case "lobby":
      return { label: "Start the game", blocked: s.students.length === 0 ? "No student has joined yet." : null, run: (ctx) => ctx.act("start", {}), href: null };
    case "diplomacy":
      return { label: "End the round now", blocked: null, run: endRound, href: null };
    case "review":
      return s.round >= s.rounds
        ? { label: "Finish the game", blocked: null, run: (ctx) => ctx.act("advance", {}), href: null }
        : { label: `Start round ${s.round + 1}`, blocked: null, run: (ctx) => ctx.act("advance", {}), href: null };
    case "ended":
      return { label: "See the debrief", blocked: null, run: null, href: `/report.html?code=${code}` };
  }
}

/** The bar's ready count and primary button, rebuilt when the step changes. */
export function mountNextAction(countEl: HTMLElement, slot: HTMLElement, ctx: ConsoleContext): { render(s: Synced): void } {
  let shownKey = "";
  let busy = false;
  return {
    render(s: Synced) {
      const text = readyText(s);
      if (countEl.textContent !== text) countEl.textContent = text;
      const step = nextStep(s, ctx.code);
      const key = `${step.label}|${step.blocked ?? ""}`;
      if (key === shownKey) return;
      shownKey = key;
      if (step.href) {
        fill(slot, h("a", { class: "button primary-next", href: step.href, target: "_blank" }, step.label));
        return;
      }
      const run = step.run;
      const button = h(
        "button",
        {
          type: "button",
          class: "primary-next",
          disabled: step.blocked !== null,
          ...(step.blocked ? { "aria-describedby": "next-blocked" } : {}),
          onclick: () => {
            const now = ctx.synced();
            if (busy || !run || !now) return;
            busy = true;
            button.disabled = true;
            void run(ctx, now).finally(() => {
              busy = false;
              button.disabled = false;
            });
          },
        },
        step.label,
      );
      fill(slot, button, step.blocked ? h("span", { id: "next-blocked", class: "next-blocked" }, step.blocked) : null);
    },
  };
}
