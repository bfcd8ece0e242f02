// A tiny DOM toolkit: elements from data, a polite live region for news, and
// text only through textContent (never innerHTML with data). What a person
// typed (nicknames, chat, announcements, crises the teacher wrote) goes in its
// own bidi isolate, through userText() or sentence().
import type { TextPart } from "../../../shared/classroom/event-text.js";

export type { TextPart };

type Child = Node | string | number | null | undefined | false;
type Attrs = Record<string, string | number | boolean | null | undefined | ((e: Event) => void)>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Attrs = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === "function") el.addEventListener(key.replace(/^on/, "").toLowerCase(), value);
    else if (value === true) el.setAttribute(key, "");
    else el.setAttribute(key, String(value));
  }
  append(el, ...children);
  return el;
}

export function append(el: Element, ...children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    el.append(typeof c === "string" || typeof c === "number" ? document.createTextNode(String(c)) : c);
  }
}

/** Replaces an element's children. */
export function fill(el: Element, ...children: Child[]): void {
  el.replaceChildren();
  append(el, ...children);
}

/**
 * Text a person typed, in a <bdi> element: the browser isolates it (unicode-bidi: isolate) and
 * takes its direction from its own first strong letter, so an Arabic or Hebrew nickname or
 * message reads right and cannot reorder the words around it (the model has already removed
 * bidi overrides; this holds for any text that reaches the page).
 */
export function userText(text: string, attrs: Attrs = {}): HTMLElement {
  return h("bdi", attrs, text);
}

/** A sentence in parts (shared/classroom/event-text.ts) as children: our words as text, the typed parts as userText. */
export function sentence(parts: readonly TextPart[]): (string | HTMLElement)[] {
  return parts.map((p) => (typeof p === "string" ? p : userText(p.user)));
}

/**
 * Typed text inside a plain string, where no element can go (a confirm() dialog, an <option>):
 * between FSI (U+2068) and PDI (U+2069), the isolate characters of the Unicode bidi algorithm.
 */
export function isolated(text: string): string {
  return `\u2068${text}\u2069`;
}

export function byId(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`missing #${id}`);
  return el;
}

let liveRegion: HTMLElement | null = null;

/** Tells screen-reader users (and everyone, in the status line) about news: a string, or a sentence in parts whose typed parts are isolated. */
export function announce(text: string | readonly TextPart[]): void {
  if (!liveRegion) {
    liveRegion = h("div", { class: "visually-hidden", "aria-live": "polite", role: "status" });
    document.body.append(liveRegion);
  }
  fill(liveRegion, ...(typeof text === "string" ? [text] : sentence(text)));
}

/** A transient message at the bottom of the screen (refusals, errors); also announced. */
export function toast(text: string, kind: "info" | "error" = "info"): void {
  let box = document.getElementById("toasts");
  if (!box) {
    box = h("div", { id: "toasts", class: "toasts", role: "alert" });
    document.body.append(box);
  }
  const item = h("div", { class: `toast toast-${kind}` }, text);
  box.append(item);
  setTimeout(() => item.remove(), 6000);
}

export function param(name: string): string | null {
  return new URLSearchParams(location.search).get(name);
}

/**
 * Copies text and says so. Browsers leave navigator.clipboard out outside a secure
 * context (a class server on plain http), though the DOM types always declare it:
 * there the button does nothing.
 */
export function copyText(text: string): void {
  const nav: { clipboard?: Clipboard } = navigator;
  void nav.clipboard?.writeText(text).then(() => toast("Copied."));
}
