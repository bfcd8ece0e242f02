// The teacher key: the one a first game makes (shown once, to copy), and the
// one a teacher brings from another device ("I have a teacher key").
import { isWellFormedKey } from "../../../../shared/ids.js";
import { setTeacherKey, teacherKey } from "../../common/api.js";
import { copyText, fill, h } from "../../common/dom.js";

/** The new key, shown once, with the link to open the game just created. */
export function newKeyBox(key: string, code: string): HTMLElement {
  const keyField = h("input", { id: "new-key", readonly: true, value: key, size: 36, "aria-describedby": "new-key-help" });
  const box = h(
    "section",
    { class: "card setup-new-key", "aria-labelledby": "key-title-new" },
    h("h2", { id: "key-title-new" }, `Game ${code} is ready. Your teacher key (shown once)`),
    h("p", { id: "new-key-help" }, "Copy it somewhere safe: with it you open your games and reports from another device. Whoever has it controls your games."),
    h("label", { for: "new-key" }, "Teacher key"),
    h("br"),
    keyField,
    h("div", { class: "row" }, h("button", { type: "button", class: "secondary", onclick: () => copyText(key) }, "Copy"), h("a", { class: "button", href: `/teacher.html?code=${code}` }, "I saved it: open the game")),
  );
  queueMicrotask(() => {
    keyField.focus();
    keyField.select();
  });
  return box;
}

/** "I have a teacher key": paste a key to list and open its games in this browser. */
export function keySection(onKey: () => void): { element: HTMLElement; render: () => void } {
  const line = h("p", {});
  const input = h("input", { id: "key-input", autocomplete: "off", spellcheck: "false", "aria-describedby": "key-input-help key-input-problem" });
  const problem = h("p", { id: "key-input-problem", role: "alert", class: "setup-problem", hidden: true });
  const render = () =>
    fill(line, teacherKey() ? "This browser holds your teacher key: your games are listed at the top of the page." : "Your first game makes your teacher key. Keep it: with it you open your games from another device.");
  render();
  const element = h(
    "section",
    { class: "card", "aria-labelledby": "key-title" },
    h("h2", { id: "key-title" }, "I have a teacher key"),
    line,
    h(
      "form",
      {
        class: "stack",
        onsubmit: (e: Event) => {
          e.preventDefault();
          const v = input.value.trim();
          if (!isWellFormedKey(v)) {
            problem.textContent = "That is not a teacher key. A teacher key is one long word of letters and digits (Entente showed it when you created your first game): copy it again whole and paste it without spaces.";
            problem.hidden = false;
            input.focus();
            return;
          }
          problem.hidden = true;
          setTeacherKey(v);
          input.value = "";
          render();
          onKey();
        },
      },
      h("label", { for: "key-input" }, "Teacher key"),
      h("div", { class: "row" }, input, h("button", { type: "submit", class: "secondary" }, "Use this key")),
      h("div", { id: "key-input-help", class: "muted" }, "Paste the key you saved from your first game to see and open your games on this device."),
      problem,
    ),
  );
  return { element, render };
}
