// Who joins, on the stage: in the lobby the join code large and a wall of
// nicknames that grows as students join; once the game runs, a short
// "Zoë joined Atlantia." line for a while after each late joiner.
import type { TextPart } from "../../../shared/classroom/event-text.js";
import { h, sentence, userText } from "../common/dom.js";
import type { Synced } from "../common/synced.js";
import { moreLine } from "./fit.js";

/** How long a "joined" line stays (ms). */
export const JOINED_MS = 20_000;
const JOINED_LINES = 3;

/** The lobby's stage: the join panel, the count, the wall (oldest first, so trimming drops the oldest). */
export function lobbyStage(state: Synced, joinElement: HTMLElement): { element: HTMLElement; wall: HTMLElement; more: HTMLElement } {
  const students = state.students;
  const wall = h("ul", { class: "name-wall", "aria-label": "Players who joined" }, ...students.map((s) => h("li", {}, userText(s.nickname))));
  const more = moreLine();
  return {
    element: h(
      "div",
      { class: "lobby" },
      h("h2", { class: "stage-title lobby-title" }, "Join the game"),
      h("div", { class: "lobby-join" }, joinElement),
      h("h2", { class: "stage-title joined-count" }, students.length === 0 ? "Nobody has joined yet" : `${students.length} joined`),
      more,
      wall,
    ),
    wall,
    more,
  };
}

/** The recent "X joined" lines, which leave by themselves. */
export class JoinedLines {
  private recent: { text: TextPart[]; at: number }[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly onChange: () => void) {}

  add(text: TextPart[]): void {
    this.recent.push({ text, at: Date.now() });
    this.recent = this.recent.slice(-JOINED_LINES);
    this.schedule();
  }

  private schedule(): void {
    if (this.timer || this.recent.length === 0) return;
    const first = this.recent[0]!;
    this.timer = setTimeout(() => {
      this.timer = null;
      const now = Date.now();
      this.recent = this.recent.filter((r) => now - r.at < JOINED_MS);
      this.onChange();
      this.schedule();
    }, Math.max(0, first.at + JOINED_MS - Date.now()) + 50);
  }

  lines(): HTMLElement[] {
    return this.recent.map((r) => h("p", { class: "joined-line" }, ...sentence(r.text)));
  }
}
