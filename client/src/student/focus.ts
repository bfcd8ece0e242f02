// Keeping a keyboard user's place when a panel is drawn again. Controls may
// carry a stable key (data-key, e.g. "act:BOR:0": the first action button of
// Borealis's row, whatever it says now) and a fallback (data-fallback). Any
// other element is found again by its tag and text and its rank among the
// container's elements with the same tag and text (the third "balance of
// threat" link of the results). If the focused element is replaced, focus goes
// to the one found again, instead of falling to the page's body: a panel drawn
// again at each state patch would otherwise throw a keyboard user out of it.

/** Where an element stands in a container, to find its replacement after a redraw. */
export interface Place {
  key: string | undefined;
  fallback: string | undefined;
  tag: string;
  text: string;
  /** Its rank (from 0) among the container's elements with the same tag and text. */
  nth: number;
}

function sameTagAndText(container: ParentNode, tag: string, text: string): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(tag)].filter((el) => el.textContent === text);
}

/** The place of `el` in `container` (`el` must be inside it). */
export function placeOf(el: HTMLElement, container: ParentNode): Place {
  const tag = el.tagName.toLowerCase();
  const text = el.textContent;
  return { key: el.dataset.key, fallback: el.dataset.fallback, tag, text, nth: sameTagAndText(container, tag, text).indexOf(el) };
}

/** The element at `place` in `container` now: by its key, else its fallback, else its tag, text and rank; null if none (or disabled). */
export function findPlace(place: Place, container: ParentNode): HTMLElement | null {
  const usable = (el: HTMLElement | null | undefined) => (el && !(el as HTMLButtonElement).disabled ? el : null);
  const byKey = (k: string | undefined) => (k ? container.querySelector<HTMLElement>(`[data-key="${CSS.escape(k)}"]`) : null);
  if (place.key) return usable(byKey(place.key)) ?? usable(byKey(place.fallback));
  return usable(sameTagAndText(container, place.tag, place.text)[place.nth]);
}

/** Runs `draw` (which replaces the container's children) and gives focus back to the focused element's replacement, if it had focus inside. */
export function redrawKeepingFocus(container: HTMLElement, draw: () => void): void {
  const active = document.activeElement;
  const inside = active instanceof HTMLElement && container.contains(active) ? active : null;
  const place = inside ? placeOf(inside, container) : null;
  draw();
  if (!inside || !place || inside.isConnected) return;
  findPlace(place, container)?.focus({ preventScroll: true });
}
