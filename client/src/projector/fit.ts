// Nothing on the projector is cut off: a list that does not fit its box loses
// its oldest items (the newest stay), and says how many it left out.
import { h } from "../common/dom.js";

/** Whether an element's content fits its box's height (1 px of rounding allowed); lists wrap, so width is the CSS's job. */
export function fits(box: HTMLElement): boolean {
  return box.scrollHeight <= box.clientHeight + 1;
}

/**
 * Removes items of `list` (first children first, or last first with `from` "end") until `box` fits, and
 * then shows "and N more" in `more` (an element inside the box). Synchronous (it measures the
 * layout), so call it after the DOM is filled. Returns how many were left out.
 */
export function trimToFit(box: HTMLElement, list: HTMLElement, more: HTMLElement | null, moreText: (n: number) => string, from: "start" | "end" = "start"): number {
  let removed = 0;
  if (more) more.hidden = true;
  const next = () => (from === "start" ? list.firstElementChild : list.lastElementChild);
  for (let item = next(); item && !fits(box); item = next()) {
    item.remove();
    removed += 1;
    if (more) {
      more.hidden = false;
      more.textContent = moreText(removed);
    }
  }
  return removed;
}

/** A line for what was left out, hidden until needed. */
export function moreLine(): HTMLElement {
  return h("p", { class: "more", hidden: true });
}

/** Removes optional elements, in the order given, until `box` fits (what matters most stays). */
export function dropUntilFit(box: HTMLElement, optional: readonly (Element | null)[]): void {
  for (const el of optional) {
    if (fits(box)) return;
    el?.remove();
  }
}
