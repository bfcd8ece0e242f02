// Keeping a keyboard user's place when a panel is drawn again. Controls carry
// a stable key (data-key, e.g. "act:BOR:0": the first action button of
// Borealis's row, whatever it says now); if the focused control is replaced,
// focus goes to the control with the same key, else to its fallback
// (data-fallback), instead of falling to the page's body.
export function redrawKeepingFocus(container: HTMLElement, draw: () => void): void {
  const active = document.activeElement;
  const inside = active instanceof HTMLElement && container.contains(active) ? active : null;
  const key = inside?.dataset.key;
  const fallback = inside?.dataset.fallback;
  draw();
  if (!inside || inside.isConnected || !key) return;
  const find = (k: string | undefined) => (k ? container.querySelector<HTMLElement>(`[data-key="${CSS.escape(k)}"]`) : null);
  const usable = (el: HTMLElement | null) => (el && !(el as HTMLButtonElement).disabled ? el : null);
  (usable(find(key)) ?? usable(find(fallback)))?.focus({ preventScroll: true });
}
