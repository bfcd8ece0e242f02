// Accessible tabs (WAI-ARIA tabs pattern): arrow keys move between tabs; the
// chosen tab is remembered per page.
import { h } from "../common/dom.js";

export interface Tab {
  id: string;
  label: string;
  panel: HTMLElement;
}

export function tabs(name: string, list: Tab[]): HTMLElement {
  const key = `entente:tab:${name}`;
  let current = sessionStorage.getItem(key) ?? list[0]!.id;
  if (!list.some((t) => t.id === current)) current = list[0]!.id;
  const buttons = list.map((t) =>
    h("button", { type: "button", role: "tab", id: `tab-${t.id}`, "aria-controls": `panel-${t.id}`, class: "secondary" }, t.label),
  );
  const show = (id: string, focus = false) => {
    current = id;
    sessionStorage.setItem(key, id);
    list.forEach((t, i) => {
      const on = t.id === id;
      buttons[i]!.setAttribute("aria-selected", on ? "true" : "false");
      buttons[i]!.tabIndex = on ? 0 : -1;
      t.panel.hidden = !on;
      if (on && focus) buttons[i]!.focus();
    });
  };
  buttons.forEach((b, i) => {
    b.addEventListener("click", () => show(list[i]!.id));
    b.addEventListener("keydown", (e) => {
      const step = e.key === "ArrowRight" ? 1 : e.key === "ArrowLeft" ? -1 : 0;
      if (step === 0) return;
      e.preventDefault();
      show(list[(i + step + list.length) % list.length]!.id, true);
    });
  });
  for (const t of list) {
    t.panel.setAttribute("role", "tabpanel");
    t.panel.id = `panel-${t.id}`;
    t.panel.setAttribute("aria-labelledby", `tab-${t.id}`);
    t.panel.tabIndex = 0;
  }
  const wrapper = h("div", {}, h("div", { role: "tablist", class: "tabs", "aria-label": "Panels" }, ...buttons), ...list.map((t) => t.panel));
  show(current);
  return wrapper;
}
