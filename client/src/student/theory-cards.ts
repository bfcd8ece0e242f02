// The theories in plain words on a student's page: one short card per theory
// (shared/report/plain-words.ts builds the words from the engine's results),
// its terms linked to the glossary, and whether the team's alliances fit it.
// Used by the Results tab after each round and by the report card.
import "./theories.css";
import type { PlainPart, TheoryCard } from "../../../shared/report/plain-words.js";
import { h } from "../common/dom.js";
import { termButton } from "./glossary.js";

/** A sentence in parts: our words as text, the field's terms as links that open the glossary. */
export function plainParts(parts: readonly PlainPart[]): (string | HTMLElement)[] {
  return parts.map((p) => (typeof p === "string" ? p : termButton(p.term, p.text)));
}

function verdict(fits: boolean | null): HTMLElement {
  if (fits === null) return h("span", { class: "pill" }, "says nothing for you");
  return fits ? h("span", { class: "pill ok" }, "✓ fits") : h("span", { class: "pill bad" }, "✗ does not fit");
}

/** The cards of one round, as a list; `level` is the heading level of each card's title. */
export function theoryCardList(cards: readonly TheoryCard[], level: "h3" | "h4" = "h3"): HTMLElement {
  return h(
    "ul",
    { class: "theory-cards" },
    ...cards.map((c) =>
      h(
        "li",
        { class: `theory-card theory-${c.theory}`, "data-theory": c.theory },
        h("div", { class: "theory-card-head" }, h(level, {}, ...plainParts(c.title)), verdict(c.fits)),
        h("p", {}, ...plainParts(c.said)),
        h("p", { class: "theory-did" }, ...plainParts(c.did)),
      ),
    ),
  );
}
