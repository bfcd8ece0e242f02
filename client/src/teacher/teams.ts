// "Students": each state with who plays it (team, a bot of a theory, nobody)
// and its students (online or away, muted) with move, mute and
// remove; students can be ticked to remove several at once (a class flooded
// with made-up players).
import { CONTROL_VALUES } from "../../../shared/protocol/messages.js";
import { fill, h, isolated, userText } from "../common/dom.js";
import { controlLabel } from "../common/format.js";
import { membersOf, type Synced } from "../common/synced.js";
import type { ConsoleContext } from "./context.js";

export function renderTeams(box: HTMLElement, ctx: ConsoleContext, s: Synced): void {
  const { act, selected } = ctx;
  // Forget ticks of students who are gone.
  for (const id of selected) if (!s.students.some((st) => st.id === id)) selected.delete(id);
  const removeLabel = () => `Remove selected (${selected.size})`;
  const removeSelected = h(
    "button",
    {
      type: "button",
      class: "small danger",
      disabled: selected.size === 0,
      onclick: () => {
        const ids = [...selected];
        if (ids.length === 0 || !confirm(`Remove ${ids.length} student${ids.length === 1 ? "" : "s"} from the game? They cannot come back.`)) return;
        void act("kick", { studentIds: ids }).then((ok) => {
          if (ok) selected.clear();
        });
      },
    },
    removeLabel(),
  );
  const tick = (id: string, on: boolean) => {
    if (on) selected.add(id);
    else selected.delete(id);
    removeSelected.textContent = removeLabel();
    removeSelected.disabled = selected.size === 0;
  };
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
      h("h3", {}, x.name),
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
                h("input", { type: "checkbox", "aria-label": `Select ${m.nickname}`, checked: selected.has(m.id), onchange: (e: Event) => tick(m.id, (e.target as HTMLInputElement).checked) }),
                " ",
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
  fill(
    box,
    h("h2", { id: "teams-title" }, "Students: move, mute, remove, and who plays each state"),
    s.students.length > 0 ? h("p", { class: "row" }, removeSelected, h("span", { class: "muted" }, "Tick students to remove several at once.")) : null,
    h("div", { class: "teams" }, ...cards),
  );
}
