// The map's zoom buttons (HTML, so keyboards and screen readers reach them):
// zoom in, zoom out, and back to the whole map, in the map's bottom-right corner.
// They appear once the map has its geometry (there is nothing to zoom before).
import "./zoom-controls.css";
import { NO_ZOOM, zoomAbout, type Zoom } from "./view-transform.js";
import type { Rect } from "./geometry.js";

/** What the buttons drive (the same target as the gestures). */
export interface ZoomTarget {
  zoom(): Zoom;
  area(): Rect;
  canZoom(): boolean;
  setZoom(z: Zoom): void;
}

/** Zoom factor of one press of "+" or "−". */
const STEP = 1.6;

export function mountZoomControls(parent: HTMLElement, target: ZoomTarget): { element: HTMLElement; update(): void; destroy(): void } {
  const box = document.createElement("div");
  box.className = "map-zoom";
  box.setAttribute("role", "group");
  box.setAttribute("aria-label", "Map zoom");
  const button = (label: string, text: string, action: () => void) => {
    const b = document.createElement("button");
    b.type = "button";
    b.textContent = text;
    b.setAttribute("aria-label", label);
    b.title = label;
    b.addEventListener("click", () => {
      action();
      update();
    });
    box.append(b);
    return b;
  };
  const centre = (): [number, number] => {
    const a = target.area();
    return [a.x + a.width / 2, a.y + a.height / 2];
  };
  const zoomIn = button("Zoom in", "+", () => target.setZoom(zoomAbout(target.zoom(), STEP, ...centre(), target.area())));
  const zoomOut = button("Zoom out", "−", () => target.setZoom(zoomAbout(target.zoom(), 1 / STEP, ...centre(), target.area())));
  const reset = button("Show the whole map", "⤢", () => target.setZoom(NO_ZOOM));
  reset.classList.add("map-zoom-reset");
  parent.append(box);

  function update(): void {
    const can = target.canZoom();
    box.hidden = !can;
    const k = target.zoom().k;
    zoomIn.disabled = !can || k >= 7.999;
    zoomOut.disabled = !can || k <= 1.001;
    reset.disabled = !can || (k <= 1.001 && target.zoom().x === 0 && target.zoom().y === 0);
  }
  update();
  return {
    element: box,
    update,
    destroy() {
      box.remove();
    },
  };
}
