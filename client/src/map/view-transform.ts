// From map units (the scenario's map geometry, shared/map/types.ts: x right,
// y down) to screen px, and the reader's zoom and pan on top (pure: no
// Phaser, no DOM, unit-tested).
//
//   screen = k * (frame * scale + offset) + pan
//
// `fitFrame` gives scale and offset (the whole frame centred in the map
// area); the Zoom {k, x, y} is what pinching, the wheel and dragging change.
import { clamp, type Rect, type Size } from "./geometry.js";

/** frame (map units) -> screen (px): screen = frame * scale + offset. */
export interface ViewTransform {
  /** px per map unit. */
  scale: number;
  offsetX: number;
  offsetY: number;
}

/** The reader's zoom: factor k (1 = the whole map) and pan (px) applied after fitting. */
export interface Zoom {
  k: number;
  x: number;
  y: number;
}

export const NO_ZOOM: Zoom = { k: 1, x: 0, y: 0 };
/** Closest zoom: 8 times the whole map (a Benelux state fills a phone at 8x on a world map). */
export const MAX_ZOOM = 8;

/** The largest scale that shows the whole frame (map units) inside `area` (px), centred. */
export function fitFrame(frame: Size, area: Rect): ViewTransform {
  const w = Math.max(1e-9, frame.width);
  const h = Math.max(1e-9, frame.height);
  const scale = Math.max(1e-9, Math.min(area.width / w, area.height / h));
  return {
    scale,
    offsetX: area.x + (area.width - w * scale) / 2,
    offsetY: area.y + (area.height - h * scale) / 2,
  };
}

/** The transform with the zoom applied (still frame -> screen px). */
export function zoomed(t: ViewTransform, z: Zoom): ViewTransform {
  return { scale: t.scale * z.k, offsetX: t.offsetX * z.k + z.x, offsetY: t.offsetY * z.k + z.y };
}

/** Screen position [x, y] (px) of a point of the frame (map units). */
export function toScreen(t: ViewTransform, x: number, y: number): [number, number] {
  return [x * t.scale + t.offsetX, y * t.scale + t.offsetY];
}

/** Frame position [x, y] (map units) of a screen point (px). */
export function toFrame(t: ViewTransform, sx: number, sy: number): [number, number] {
  return [(sx - t.offsetX) / t.scale, (sy - t.offsetY) / t.scale];
}

/**
 * Keeps a zoom within 1..MAX_ZOOM and its pan such that the zoomed map area
 * still covers the whole `area` (px): the map cannot be dragged away.
 */
export function clampZoom(z: Zoom, area: Rect): Zoom {
  const k = clamp(Number.isFinite(z.k) ? z.k : 1, 1, MAX_ZOOM);
  // The area's corners after zooming: area.x * k + x must stay <= area.x, (area.x + w) * k + x >= area.x + w.
  const x = clamp(Number.isFinite(z.x) ? z.x : 0, (area.x + area.width) * (1 - k), area.x * (1 - k));
  const y = clamp(Number.isFinite(z.y) ? z.y : 0, (area.y + area.height) * (1 - k), area.y * (1 - k));
  return { k, x, y };
}

/** Zooms by `factor` about the screen point (px, py) (px), which stays where it is; clamped to the area. */
export function zoomAbout(z: Zoom, factor: number, px: number, py: number, area: Rect): Zoom {
  const k = clamp(z.k * factor, 1, MAX_ZOOM);
  const f = k / z.k;
  return clampZoom({ k, x: px - (px - z.x) * f, y: py - (py - z.y) * f }, area);
}

/** Moves the zoomed map by (dx, dy) px; clamped to the area. */
export function panBy(z: Zoom, dx: number, dy: number, area: Rect): Zoom {
  return clampZoom({ k: z.k, x: z.x + dx, y: z.y + dy }, area);
}

/**
 * The zoom during a two-finger gesture: the two fingers started at a0, b0
 * (px) with zoom `start`, and are now at a1, b1. The point under the fingers'
 * midpoint follows the midpoint, and the zoom grows with their spread.
 */
export function pinchZoom(
  start: Zoom,
  a0: readonly [number, number],
  b0: readonly [number, number],
  a1: readonly [number, number],
  b1: readonly [number, number],
  area: Rect,
): Zoom {
  const d0 = Math.max(1, Math.hypot(b0[0] - a0[0], b0[1] - a0[1]));
  const d1 = Math.max(1, Math.hypot(b1[0] - a1[0], b1[1] - a1[1]));
  const m0x = (a0[0] + b0[0]) / 2;
  const m0y = (a0[1] + b0[1]) / 2;
  const m1x = (a1[0] + b1[0]) / 2;
  const m1y = (a1[1] + b1[1]) / 2;
  const about = zoomAbout(start, d1 / d0, m0x, m0y, { x: -1e9, y: -1e9, width: 2e9, height: 2e9 });
  return clampZoom({ k: about.k, x: about.x + (m1x - m0x), y: about.y + (m1y - m0y) }, area);
}
