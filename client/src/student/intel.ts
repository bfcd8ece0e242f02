// The Intel panel: every other state's threat to the student's state, with
// Walt's four sources and the parts of intentions, computed in the browser by
// the same theory engine as the server's.
import "./theories.css";
import type { ThreatComponents } from "../../../shared/theory/threat.js";
import { threatBand, THREAT_LEVELS } from "../../../shared/theory/threat-bands.js";
import { fill, h } from "../common/dom.js";
import { glossaryButton, termButton } from "./glossary.js";
import { redrawKeepingFocus } from "./focus.js";
import { km, pct } from "../../../shared/format.js";
import { intelFor, nameOf, type Synced } from "../common/synced.js";
import type { Panel, StudentContext } from "./context.js";

/** The intentions column: hostile acts, claims, aims and ideology, each shown (the model's own parts). */
function intentionsText(t: ThreatComponents): string {
  const parts: string[] = [];
  if (t.deeds > 0) parts.push(`${t.deeds} hostile act${t.deeds === 1 ? "" : "s"}${t.deedsAgainstTarget > 0 ? ` (${t.deedsAgainstTarget} vs you)` : ""}`);
  if (t.intent.claimsOnTarget) parts.push("claims your land");
  if (t.intent.revisionist) parts.push("revisionist");
  if (t.intent.ideologyRelation === "rival") parts.push("rival ideology");
  if (t.intent.ideologyRelation === "shared") parts.push("same ideology");
  if (t.allied) parts.push("ally");
  return parts.length > 0 ? parts.join(", ") : "none";
}

/** A threat on the scale: its word ("high"), and a bar of five steps beside it for the eye. */
function threatScale(score: number): HTMLElement {
  const band = threatBand(score);
  return h(
    "span",
    { class: `threat-level threat-step-${band.step}` },
    h("span", {}, band.level),
    h("span", { class: "threat-bar", "aria-hidden": "true" }, ...THREAT_LEVELS.map((_, i) => h("i", { class: i < band.filled ? "on" : "off" }))),
  );
}

export function mountIntel(panel: HTMLElement, ctx: StudentContext): Panel {
  function render(s: Synced) {
    const id = ctx.own();
    if (!id) return;
    const rows = intelFor(s, id).map((t, i) =>
      h(
        "tr",
        {},
        h("th", { scope: "row" }, `${i + 1}. ${nameOf(s, t.from)}`),
        h("td", { class: "num" }, threatScale(t.score)),
        h("td", { class: "num" }, pct(t.power, 1)),
        h("td", { class: "num" }, t.distance === 0 ? "neighbour" : km(t.distance)),
        h("td", { class: "num" }, pct(t.offensiveShare)),
        h("td", {}, intentionsText(t)),
      ),
    );
    const mine = s.states.find((x) => x.id === id);
    const content = [
      h(
        "div",
        { class: "theories-head" },
        h("p", {}, `Your power: ${pct(mine?.powerShare ?? 0, 1)} of all.`),
        glossaryButton(),
      ),
      h(
        "p",
        {},
        "The ",
        termButton("threat", "threat"),
        ` each state poses to you, from ${THREAT_LEVELS[0]} to ${THREAT_LEVELS[THREAT_LEVELS.length - 1]}, highest first. Walt's four sources are multiplied: its `,
        termButton("power", "power"),
        ", how ",
        termButton("proximity", "near"),
        " it is, its ",
        termButton("offensive-forces", "offensive forces"),
        " and its ",
        termButton("intentions", "intentions"),
        ".",
      ),
      h(
        "div",
        { class: "table-scroll", tabindex: 0, role: "region", "aria-label": "Threat table (scrolls sideways on small screens)" },
        h(
          "table",
          {},
          h("caption", { class: "visually-hidden" }, "Threat each state poses to you, with its four sources"),
          h(
            "thead",
            {},
            h("tr", {}, h("th", {}, "State"), h("th", { class: "num" }, "Threat to you"), h("th", { class: "num" }, "Power"), h("th", { class: "num" }, "Distance"), h("th", { class: "num" }, "Offensive forces"), h("th", {}, "Intentions")),
          ),
          h("tbody", {}, ...rows),
        ),
      ),
    ];
    redrawKeepingFocus(panel, () => fill(panel, ...content));
  }
  return { render };
}
