// The student's turn as one guided round: four steps in order (alliances,
// budget, action, ready), one at a time, with "step n of 4", Back and Next.
// Leaving a step sends what is pending in it; a new step takes the focus to its
// heading (so the next Tab is its first control). The step is remembered for
// the round, so a reload lands on the same one.
import { fill, h } from "../common/dom.js";
import { allied, nameOf, type Synced } from "../common/synced.js";
import type { Panel, StudentContext } from "./context.js";

export interface Step {
  id: string;
  title: string;
  body: HTMLElement;
}

export interface Stepper extends Panel {
  element: HTMLElement;
  current(): number;
  go(index: number, focus?: boolean): Promise<void>;
}

/** Step 4's content: the team's draft in words, and what "We are ready" does. */
export function readySummary(ctx: StudentContext): { element: HTMLElement; render(s: Synced): void } {
  const list = h("ul", { class: "summary" });
  const element = h(
    "div",
    {},
    h("p", {}, "This is what your team has saved for this round. When you all agree, press “We are ready” at the bottom of the screen. You can change things until the round ends."),
    list,
  );
  let drawn = "";
  function render(s: Synced) {
    const id = ctx.own();
    const t = ctx.team();
    if (!id || !t) return;
    const name = (x: string) => nameOf(s, x);
    const allies = s.states.filter((x) => x.id !== id && allied(s, id, x.id)).map((x) => x.id);
    const items = [
      `Allies: ${allies.map((a) => name(a) + (t.leaving.includes(a) ? " (you are leaving)" : "")).join(", ") || "none"}.`,
      `Your offers: ${t.offersOut.map((o) => name(o.state) + (o.accepted ? " (accepted)" : "")).join(", ") || "none"}.`,
      `Offers to you: ${t.offersIn.map((o) => name(o.state) + (o.accepted ? " (you accepted)" : " (not answered)")).join(", ") || "none"}.`,
      `Budget: economy ${t.budget.economy}%, defence ${t.budget.defense}%, offence ${t.budget.offense}%.`,
      `Action: ${t.action.kind === "none" ? "none" : `${t.action.kind === "attack" ? "attack" : "threaten"} ${name(t.action.target)}`}.`,
    ];
    const signature = items.join("|");
    if (signature === drawn) return;
    drawn = signature;
    fill(list, ...items.map((text) => h("li", {}, text)));
  }
  return { element, render };
}

export function mountSteps(ctx: StudentContext, steps: Step[], onLeave: (from: Step) => Promise<unknown>): Stepper {
  const key = `entente:step:${ctx.code}`;
  let index = 0;
  let round = -1;
  const progress = h(
    "ol",
    { class: "step-progress", "aria-label": "Steps of your turn" },
    ...steps.map((s, i) => h("li", { "data-step": s.id }, h("span", { class: "step-number", "aria-hidden": "true" }, String(i + 1)), ` ${s.title}`)),
  );
  const headings = steps.map((s, i) => h("h2", { id: `step-title-${s.id}`, tabindex: -1, class: "step-title" }, `Step ${i + 1} of ${steps.length}: ${s.title}`));
  const sections = steps.map((s, i) => h("section", { class: "step", "data-step": s.id, "aria-labelledby": `step-title-${s.id}` }, headings[i], s.body));
  const back = h("button", { type: "button", class: "secondary", id: "step-back" }, "Back");
  const next = h("button", { type: "button", id: "step-next" }, "Next");
  const element = h("div", { class: "stepper" }, progress, ...sections, h("div", { class: "step-nav" }, back, next));

  function show() {
    sections.forEach((el, i) => (el.hidden = i !== index));
    [...progress.children].forEach((li, i) => {
      if (i === index) li.setAttribute("aria-current", "step");
      else li.removeAttribute("aria-current");
      li.classList.toggle("done", i < index);
    });
    back.hidden = index === 0;
    next.hidden = index === steps.length - 1;
    back.textContent = index > 0 ? `Back: ${steps[index - 1]!.title}` : "Back";
    next.textContent = index < steps.length - 1 ? `Next: ${steps[index + 1]!.title}` : "Next";
    // Remembered once the round is known (before the first state, nothing is kept over the step of a reload).
    if (round !== -1) sessionStorage.setItem(key, JSON.stringify({ round, step: steps[index]!.id }));
  }

  async function go(to: number, focus = true) {
    if (to < 0 || to >= steps.length || to === index) return;
    const from = steps[index]!;
    index = to;
    show();
    if (focus) headings[index]!.focus();
    await onLeave(from);
  }
  back.addEventListener("click", () => void go(index - 1));
  next.addEventListener("click", () => void go(index + 1));

  function render(s: Synced) {
    if (s.round === round) return;
    // A new round starts at step 1; a reload in the same round comes back to the step it was on.
    const first = round === -1;
    round = s.round;
    index = 0;
    if (first) {
      try {
        const kept = JSON.parse(sessionStorage.getItem(key) ?? "null") as { round: number; step: string } | null;
        if (kept?.round === s.round) index = Math.max(0, steps.findIndex((st) => st.id === kept.step));
      } catch {
        /* nothing kept */
      }
    }
    show();
  }
  show();
  return { element, render, current: () => index, go };
}
