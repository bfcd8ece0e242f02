// A tiny DOM toolkit: elements from data, a polite live region for news, and
// text only through textContent (never innerHTML with data).

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

export function byId(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`missing #${id}`);
  return el;
}

let liveRegion: HTMLElement | null = null;

/** Tells screen-reader users (and everyone, in the status line) about news. */
export function announce(text: string): void {
  if (!liveRegion) {
    liveRegion = h("div", { class: "visually-hidden", "aria-live": "polite", role: "status" });
    document.body.append(liveRegion);
  }
  liveRegion.textContent = text;
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
