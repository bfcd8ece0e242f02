// Zoom, pan and tap on the map (DOM pointer events on the map's parent
// element; the arithmetic is in view-transform.ts):
//   - two fingers pinch to zoom and move together to pan (touch);
//   - the wheel zooms about the pointer, a drag pans (mouse, pen; and one
//     finger once zoomed in);
//   - a tap or a click that did not move selects the state under it (not
//     one on the zoom buttons, which lie over the map).
// At the whole-map zoom one finger still scrolls the page (touch-action:
// pan-y), so a student can scroll past the map on a phone; zoomed in, the
// map takes every touch (touch-action: none) until it is reset.
import { panBy, pinchZoom, zoomAbout, type Zoom } from "./view-transform.js";
import type { Rect } from "./geometry.js";

/** What the gestures drive (the MapScene through mount.ts). */
export interface GestureTarget {
  /** The current zoom, and the map area (px) it is kept in. */
  zoom(): Zoom;
  area(): Rect;
  /** Whether the map can zoom now (it has its geometry). */
  canZoom(): boolean;
  setZoom(z: Zoom): void;
  /** A tap or a click at (x, y) CSS px from the canvas's top-left; the id of the state there, or null. */
  stateAt(x: number, y: number): string | null;
  select(id: string): void;
}

/**
 * The CSS touch-action the map's element needs for the target's zoom: "pan-y" at the
 * whole-map zoom (one finger scrolls the page), "none" zoomed in (every touch is the map's).
 * The browser reads it when a touch starts, so it is set after every change of the zoom,
 * whatever made it: a gesture here, a zoom button or new geometry (mount.ts).
 */
export function touchActionFor(target: Pick<GestureTarget, "canZoom" | "zoom">): "none" | "pan-y" {
  return target.canZoom() && target.zoom().k > 1.001 ? "none" : "pan-y";
}

/** Movement (px) under which a press counts as a tap. */
const TAP_SLOP = 8;
/** Zoom factor per wheel notch (100 px of deltaY). */
const WHEEL_STEP = 1.25;

/**
 * Listens on `element` (the map's parent) and drives `target`; `selectable`
 * says whether a tap selects. Returns the function that stops listening.
 */
export function followGestures(element: HTMLElement, target: GestureTarget, selectable: boolean): () => void {
  const pointers = new Map<number, { x0: number; y0: number; x: number; y: number; type: string }>();
  let gesture: { zoom: Zoom; a0: [number, number]; b0: [number, number] } | null = null;
  let drag: { zoom: Zoom; x0: number; y0: number } | null = null;
  let moved = false;

  const firstTwo = (): [{ x: number; y: number }, { x: number; y: number }] => {
    const [a, b] = [...pointers.values()];
    return [a ?? { x: 0, y: 0 }, b ?? a ?? { x: 0, y: 0 }];
  };
  const local = (e: PointerEvent | WheelEvent): [number, number] => {
    const r = element.getBoundingClientRect();
    return [e.clientX - r.left, e.clientY - r.top];
  };
  const touchAction = () => {
    element.style.touchAction = touchActionFor(target);
  };

  /** A press on a control over the map (a zoom button): the control's, not a tap or a drag of the map below it. */
  const onControl = (e: PointerEvent): boolean => {
    const control = e.target instanceof Element ? e.target.closest("button, a, input, select, textarea, .map-zoom") : null;
    return control !== null && control !== element && element.contains(control);
  };

  const down = (e: PointerEvent) => {
    if (e.button !== 0 && e.pointerType === "mouse") return;
    if (onControl(e)) return;
    const [x, y] = local(e);
    pointers.set(e.pointerId, { x0: x, y0: y, x, y, type: e.pointerType });
    if (pointers.size === 1) {
      moved = false;
      drag = { zoom: target.zoom(), x0: x, y0: y };
      gesture = null;
    } else if (pointers.size === 2 && target.canZoom()) {
      const [a, b] = firstTwo();
      gesture = { zoom: target.zoom(), a0: [a.x, a.y], b0: [b.x, b.y] };
      drag = null;
      moved = true;
    }
  };
  const move = (e: PointerEvent) => {
    const p = pointers.get(e.pointerId);
    if (!p) return;
    const [x, y] = local(e);
    p.x = x;
    p.y = y;
    if (Math.hypot(x - p.x0, y - p.y0) > TAP_SLOP) moved = true;
    if (gesture && pointers.size >= 2) {
      const [a, b] = firstTwo();
      target.setZoom(pinchZoom(gesture.zoom, gesture.a0, gesture.b0, [a.x, a.y], [b.x, b.y], target.area()));
      e.preventDefault();
    } else if (drag && moved && target.canZoom()) {
      // One finger pans only once zoomed in (before, the page scrolls); a mouse or pen always drags.
      if (p.type !== "touch" || drag.zoom.k > 1.001) {
        target.setZoom(panBy(drag.zoom, x - drag.x0, y - drag.y0, target.area()));
      }
    }
  };
  const up = (e: PointerEvent) => {
    const p = pointers.get(e.pointerId);
    if (!p) return;
    pointers.delete(e.pointerId);
    if (e.type === "pointerup" && !moved && pointers.size === 0 && selectable) {
      const id = target.stateAt(p.x, p.y);
      if (id) target.select(id);
    }
    if (pointers.size < 2) gesture = null;
    if (pointers.size === 0) drag = null;
    touchAction();
  };
  const wheel = (e: WheelEvent) => {
    if (!target.canZoom()) return;
    e.preventDefault();
    const [x, y] = local(e);
    const notches = (e.deltaMode === 1 ? e.deltaY * 33 : e.deltaMode === 2 ? e.deltaY * 400 : e.deltaY) / 100;
    target.setZoom(zoomAbout(target.zoom(), WHEEL_STEP ** -notches, x, y, target.area()));
    touchAction();
  };
  const hover = (e: PointerEvent) => {
    if (!selectable || e.pointerType !== "mouse" || pointers.size > 0) return;
    const [x, y] = local(e);
    element.style.cursor = target.stateAt(x, y) ? "pointer" : target.canZoom() && target.zoom().k > 1.001 ? "grab" : "";
  };

  touchAction();
  element.addEventListener("pointerdown", down);
  element.addEventListener("pointermove", move);
  element.addEventListener("pointermove", hover);
  element.addEventListener("pointerup", up);
  element.addEventListener("pointercancel", up);
  element.addEventListener("wheel", wheel, { passive: false });
  return () => {
    element.removeEventListener("pointerdown", down);
    element.removeEventListener("pointermove", move);
    element.removeEventListener("pointermove", hover);
    element.removeEventListener("pointerup", up);
    element.removeEventListener("pointercancel", up);
    element.removeEventListener("wheel", wheel);
  };
}
