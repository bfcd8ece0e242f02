// "Teams": each state with who plays it (team, a bot of a theory, nobody), its
// readiness, and its students (online or away, muted) with move, mute and remove.
import { CONTROL_VALUES } from "../../../shared/protocol/messages.js";
import { fill, h, isolated, userText } from "../common/dom.js";
import { controlLabel } from "../common/format.js";
import { membersOf, type Synced } from "../common/synced.js";
import type { ConsoleContext } from "./context.js";

export function renderTeams(box: HTMLElement, ctx: ConsoleContext, s: Synced): void {
  const { act } = ctx;
  const cards = s.states.map((x) => {
    const members = membersOf(s, x.id);
    const control = h(
      "select",
      { id: `control-${x.id}`, "aria-label": `Who plays ${x.name}`, onchange: (e: Event) => void act("seat", { state: x.id, control: (e.target as HTMLSelectElement).value as (typeof CONTROL_VALUES)[number] }) },
      ...CONTROL_VALUES.map((c) => h("option", { value: c, selected: c === x.control }, controlLabel(c))),
    );
    return h(
      "div",
      { class: "card" },
      h("h3", {}, x.name, " ", s.phase === "diplomacy" ? h("span", { class: `pill ${x.ready ? "ok" : "warn"}` }, x.ready ? "ready" : "deciding") : null),
      h("div", {}, control),
      members.length === 0
        ? h("p", { class: "muted" }, "No students.")
        : h(
            "ul",
            {},
            ...members.map((m) =>
              h(
                "li",
                {},
                userText(m.nickname),
                " ",
                h("span", { class: `pill ${m.connected ? "ok" : "bad"}` }, m.connected ? "online" : "away"),
                m.muted ? h("span", { class: "pill warn" }, "muted") : null,
                h(
                  "div",
                  { class: "row" },
                  h(
                    "select",
                    { "aria-label": `Move ${m.nickname} to`, onchange: (e: Event) => void act("move", { studentId: m.id, state: (e.target as HTMLSelectElement).value }) },
                    h("option", { value: "" }, "Move to…"),
                    ...s.states.filter((y) => y.id !== x.id).map((y) => h("option", { value: y.id }, y.name)),
                  ),
                  h("button", { type: "button", class: "small secondary", onclick: () => void act("mute", { studentId: m.id, muted: !m.muted }) }, m.muted ? "Unmute" : "Mute"),
                  h("button", { type: "button", class: "small danger", onclick: () => void (confirm(`Remove ${isolated(m.nickname)} from the game?`) && act("kick", { studentId: m.id })) }, "Remove"),
                ),
              ),
            ),
          ),
    );
  });
  fill(box, h("h2", { id: "teams-title" }, "Teams"), h("div", { class: "teams" }, ...cards));
}
