// Small pieces shared by the debrief's summary and appendix.
import type { FitTable } from "../../../shared/report/debrief.js";
import { h } from "../common/dom.js";
import { THEORY_LABEL } from "../common/format.js";

/** A section with its heading (h2 in the summary, h3 inside the appendix), labelled by it. */
export function section(id: string, title: string, level: "h2" | "h3", ...children: (Node | string | null)[]): HTMLElement {
  return h("section", { class: "report-section", "aria-labelledby": id }, h(level, { id }, title), ...children);
}

/** A table with its header row (repeated on every printed page the table spans). */
export function table(className: string, headers: (string | HTMLElement)[], rows: HTMLElement[]): HTMLElement {
  return h(
    "table",
    className ? { class: className } : {},
    h("thead", {}, h("tr", {}, ...headers.map((x) => (typeof x === "string" ? h("th", { scope: "col" }, x) : x)))),
    h("tbody", {}, ...rows),
  );
}

/** A fit table in one line: "balance of threat 57% (12 of 21); balance of power …; 3 none, 2 alone". */
export function fitLine(fit: FitTable): string {
  if (fit.alignments === 0) return "no alignment";
  const part = (t: "balance-of-power" | "balance-of-threat" | "bandwagon") =>
    fit[t].predicted > 0 ? `${THEORY_LABEL[t]} ${Math.round(fit[t].share * 100)}% (${fit[t].matched} of ${fit[t].predicted})` : `${THEORY_LABEL[t]}: no prediction`;
  return `${part("balance-of-threat")}; ${part("balance-of-power")}; ${part("bandwagon")}; ${fit.none} none, ${fit.alone} alone`;
}

/** A wide table or chart in a box that scrolls sideways on narrow screens (and prints whole). */
export function scroller(label: string, child: Node): HTMLElement {
  return h("div", { class: "table-scroll", tabindex: 0, role: "region", "aria-label": label }, child);
}
