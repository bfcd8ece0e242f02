// The projector's two themes: dark (the default: a dark room, a bright
// projector) and a high-contrast light one for washed-out projectors in a
// bright room. Chosen with the button in the header, the T key, or
// ?theme=light|dark in the address; remembered in this browser.
import { h, param } from "../common/dom.js";

export type Theme = "dark" | "light";
export const THEME_KEY = "entente:projectorTheme";
/** The keyboard shortcut (without modifiers). */
export const THEME_SHORTCUT = "t";

function isTheme(v: string | null): v is Theme {
  return v === "dark" || v === "light";
}

function stored(): Theme | null {
  try {
    const v = localStorage.getItem(THEME_KEY);
    return isTheme(v) ? v : null;
  } catch {
    return null;
  }
}

function remember(theme: Theme): void {
  try {
    localStorage.setItem(THEME_KEY, theme);
  } catch {
    /* storage refused (private mode): the theme holds for this page only */
  }
}

/**
 * Applies the theme from the address, else the remembered one, else dark; returns the toggle button for the header.
 * `changed` is called after each switch (the map, drawn on a canvas, takes its colours when it is mounted).
 */
export function themeToggle(changed: (theme: Theme) => void = () => undefined): HTMLButtonElement {
  const fromUrl = param("theme");
  let theme: Theme = isTheme(fromUrl) ? fromUrl : (stored() ?? "dark");
  if (isTheme(fromUrl)) remember(fromUrl);
  const button = h("button", { type: "button", class: "secondary theme-toggle", "aria-keyshortcuts": "T" });
  const apply = () => {
    document.documentElement.dataset.theme = theme;
    button.setAttribute("aria-pressed", String(theme === "light"));
    button.textContent = "Light theme (T)";
    button.title = theme === "light" ? "Back to the dark theme" : "High-contrast light theme for a washed-out projector";
  };
  const toggle = () => {
    theme = theme === "light" ? "dark" : "light";
    remember(theme);
    apply();
    changed(theme);
  };
  button.addEventListener("click", toggle);
  document.addEventListener("keydown", (e) => {
    if (e.key.toLowerCase() !== THEME_SHORTCUT || e.ctrlKey || e.metaKey || e.altKey) return;
    if (e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLSelectElement) return;
    toggle();
  });
  apply();
  return button;
}
