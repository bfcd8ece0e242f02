// The round's resolution on the stage: one large card per event in turn
// (alliances formed and broken, threats, wars with their outcome, crises),
// then the scores. The cards advance by themselves; the teacher can step with
// the arrow keys or the buttons. Cards slide in, unless the viewer prefers
// reduced motion (stage.css).
import type { SessionEvent } from "../../../shared/classroom/types.js";
import type { TextPart } from "../../../shared/classroom/event-text.js";
import { h, sentence } from "../common/dom.js";
import type { Synced } from "../common/synced.js";

/** How long each card stays before the next (ms). */
export const CARD_MS = 7000;

export interface EventCard {
  kind: "alliance" | "broken" | "threat" | "war" | "crisis";
  title: string;
  text: TextPart[];
}

/** The card for an event, or null for events that get none. */
export function cardOf(e: SessionEvent, text: TextPart[] | null): EventCard | null {
  if (!text) return null;
  switch (e.type) {
    case "allianceFormed":
      return { kind: "alliance", title: "Alliance formed", text };
    case "allianceLeft":
      return { kind: "broken", title: "Alliance broken", text };
    case "threat":
      return { kind: "threat", title: e.yielded ? "Threat: they gave in" : "Threat: they stood firm", text };
    case "war":
      return { kind: "war", title: e.winner === "attackers" ? "War: the attackers won" : "War: the defenders held", text };
    case "crisis":
      return crisisCard(e);
    default:
      return null;
  }
}

/** A crisis's card. The title as the card's heading would repeat it: "Crisis" above, the title and text below. */
export function crisisCard(c: { title: string; text: string }): EventCard {
  return { kind: "crisis", title: "Crisis", text: c.text ? [{ user: c.title }, ": ", { user: c.text }] : [{ user: c.title }] };
}

/** The sequence of one round's cards, then the scores. */
export class ReviewShow {
  private cards: EventCard[] = [];
  private index = 0;
  private timer: ReturnType<typeof setInterval> | null = null;
  private round = 0;
  /** The card changed since the last render: it slides in (once, not on every state patch). */
  private entering = false;

  constructor(private readonly onChange: () => void) {
    document.addEventListener("keydown", (e) => {
      if (this.cards.length === 0 || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === "ArrowRight" || e.key === "PageDown") this.step(1);
      else if (e.key === "ArrowLeft" || e.key === "PageUp") this.step(-1);
    });
  }

  /** A new round's cards (the scores come after them). */
  start(round: number, cards: EventCard[]): void {
    this.round = round;
    this.cards = cards;
    this.index = 0;
    this.entering = true;
    this.stopTimer();
    if (cards.length > 0) this.timer = setInterval(() => this.step(1, true), CARD_MS);
    this.onChange();
  }

  clear(): void {
    this.cards = [];
    this.index = 0;
    this.stopTimer();
  }

  private stopTimer(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** One card on (or back); the automatic pace stops at the scores. */
  step(by: number, automatic = false): void {
    const next = Math.min(Math.max(this.index + by, 0), this.cards.length);
    if (!automatic) this.stopTimer();
    if (next === this.cards.length) this.stopTimer();
    if (next === this.index) return;
    this.index = next;
    this.entering = true;
    this.onChange();
  }

  /** The stage for the review phase: the current card, or the scores after the last one. */
  render(state: Synced): HTMLElement {
    const total = this.cards.length;
    const onScores = this.index >= total;
    const nav = h(
      "div",
      { class: "card-nav" },
      h("button", { type: "button", class: "secondary", disabled: this.index === 0, onclick: () => this.step(-1) }, "◀ Previous"),
      h("span", { class: "card-count" }, onScores ? `Scores after round ${state.round}` : `Event ${this.index + 1} of ${total}`),
      onScores ? null : h("button", { type: "button", class: "secondary", onclick: () => this.step(1) }, "Next ▶"),
    );
    const card = this.cards[this.index];
    const enter = this.entering ? " enter" : "";
    this.entering = false;
    const body =
      onScores || !card
        ? scoresCard(state, this.round === state.round ? total : null, enter)
        : h("article", { class: `event-card kind-${card.kind}${enter}` }, h("h2", { class: "event-kind" }, card.title), h("p", { class: "event-text" }, ...sentence(card.text)));
    return h("div", { class: "review" }, body, total > 0 ? nav : null);
  }
}

/** The scores: every state's total, best first, the class's teams marked. */
function scoresCard(state: Synced, events: number | null, enter: string): HTMLElement {
  const ranked = [...state.states].sort((a, b) => b.score - a.score || a.name.localeCompare(b.name));
  const list = h(
    "ol",
    { class: "score-list" },
    ...ranked.map((s) =>
      h("li", { class: s.control === "team" ? "team" : "" }, h("span", { class: "score-name" }, s.control === "team" && s.members > 0 ? h("span", { class: "team-mark", "aria-hidden": "true" }, "★ ") : null, s.name, s.control === "team" && s.members > 0 ? h("span", { class: "visually-hidden" }, " (class team)") : null), h("span", { class: "score-total" }, s.score.toFixed(1))),
    ),
  );
  // Two columns, read down the first then the second.
  list.style.setProperty("--score-rows", String(Math.ceil(ranked.length / 2)));
  return h(
    "article",
    { class: `event-card scores-card${enter}` },
    h("h2", { class: "event-kind" }, `Scores after round ${state.round}`),
    events === 0 ? h("p", { class: "quiet" }, "A quiet round: no alliance, threat or war.") : null,
    state.states.some((s) => s.control === "team" && s.members > 0) ? h("p", { class: "quiet" }, "★ a class team") : null,
    list,
  );
}
