// The end of the game on the stage: the podium (the top three states, with
// the nicknames of the class's teams that played them) and which theories the
// class's alignments fit, from the public finale (shared/report/finale.ts).
import type { Finale, FinalePlace } from "../../../shared/report/finale.js";
import { capitalise, pct } from "../../../shared/format.js";
import { h, userText } from "../common/dom.js";
import { membersOf, type Synced } from "../common/synced.js";

const PLACE_WORD = ["", "1st", "2nd", "3rd"];
const placeWord = (n: number) => PLACE_WORD[n] ?? `${n}th`;

function step(state: Synced, p: FinalePlace, position: number): HTMLElement {
  const names = p.team ? membersOf(state, p.id).map((m) => m.nickname) : [];
  const who = p.team ? (names.length > 0 ? names : null) : null;
  return h(
    "li",
    { class: `podium-step pos-${position}` },
    h("span", { class: "podium-place" }, placeWord(p.place)),
    h("span", { class: "podium-name" }, p.name),
    h("span", { class: "podium-total" }, `${p.total.toFixed(1)} points`),
    who
      ? h("span", { class: "podium-team" }, ...who.flatMap((n, i) => [i > 0 ? ", " : "", userText(n)]))
      : h("span", { class: "podium-team bot" }, p.team ? "class team" : "played by a bot"),
  );
}

/** The filled part of a bar (set through the CSSOM: the pages' CSP refuses style attributes). */
function barFill(share: number): HTMLElement {
  const fill = h("span");
  fill.style.width = `${Math.round(share * 100)}%`;
  return fill;
}

/** The finale's stage: podium, the class's other teams, the theory fit. */
export function finaleStage(state: Synced, finale: Finale): HTMLElement {
  // Drawn 2nd, 1st, 3rd (a podium), read in rank order by screen readers (aria order = DOM order: ranked, CSS places them).
  const podium = h("ol", { class: "podium", "aria-label": "Podium" }, ...finale.podium.map((p, i) => step(state, p, i + 1)));
  const onPodium = new Set(finale.podium.map((p) => p.id));
  const others = finale.teams.filter((t) => !onPodium.has(t.id));
  const fitOf = finale.fitOf === "teams" ? "the class's teams" : "the bots (no team played a round)";
  return h(
    "div",
    { class: "finale" },
    h("h2", { class: "stage-title" }, "Final scores"),
    podium,
    others.length > 0 ? h("p", { class: "other-teams" }, "Class teams: ", others.map((t) => `${t.name} ${placeWord(t.place)} (${t.total.toFixed(1)})`).join(" · ")) : null,
    h("h2", { class: "stage-title" }, `Which theory fits ${fitOf}?`),
    finale.fit.length > 0
      ? h(
          "ul",
          { class: "fit-list" },
          ...finale.fit.map((f) =>
            h(
              "li",
              {},
              h("span", { class: "fit-name" }, capitalise(f.name)),
              h("span", { class: "fit-bar", "aria-hidden": "true" }, barFill(f.share)),
              h("span", { class: "fit-share" }, `${pct(f.share)} (${f.matched} of ${f.predicted})`),
            ),
          ),
        )
      : null,
    h("p", { class: "verdict" }, finale.verdict),
  );
}
