// From scenario kilometres to screen pixels (pure: no Phaser, no DOM).
//
// Scenario positions are km with x east and y north; the screen is px with y
// down. One scale serves both axes, so the map keeps its aspect ratio.
import { finiteOr, type Rect } from "./geometry.js";

/** A km-to-px mapping: screen = (x * scale + offsetX, -y * scale + offsetY). */
export interface Projection {
  /** Pixels per km. */
  scale: number;
  /** Screen position (px) of x = 0 km and y = 0 km. */
  offsetX: number;
  offsetY: number;
}

/** Screen position [x, y] (px, y down) of a point at (x km east, y km north); north is up. */
export function project(p: Projection, x: number, y: number): [number, number] {
  return [x * p.scale + p.offsetX, -y * p.scale + p.offsetY];
}

/**
 * The largest single scale (same on both axes, so the aspect ratio is kept)
 * that fits every point (km), grown by its radius `r` (px, default 0), inside
 * the area (px); centred. No points: scale 1 and the area's centre as origin.
 */
export function fitProjection(points: readonly { x: number; y: number; r?: number }[], area: Rect): Projection {
  if (points.length === 0) return { scale: 1, offsetX: area.x + area.width / 2, offsetY: area.y + area.height / 2 };
  const xs = points.map((p) => ({ v: finiteOr(p.x, 0), r: p.r ?? 0 }));
  const ys = points.map((p) => ({ v: -finiteOr(p.y, 0), r: p.r ?? 0 }));
  const sx = largestScale(xs, area.width);
  const sy = largestScale(ys, area.height);
  let scale = Math.min(sx, sy);
  if (!Number.isFinite(scale)) scale = 1; // all points in one place
  const [loX, hiX] = extent(xs, scale);
  const [loY, hiY] = extent(ys, scale);
  return {
    scale,
    offsetX: area.x + (area.width - (hiX - loX)) / 2 - loX,
    offsetY: area.y + (area.height - (hiY - loY)) / 2 - loY,
  };
}

function extent(values: readonly { v: number; r: number }[], scale: number): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const { v, r } of values) {
    lo = Math.min(lo, v * scale - r);
    hi = Math.max(hi, v * scale + r);
  }
  return [lo, hi];
}

/** Largest s with extent width <= room (the width grows with s); Infinity if all values are equal. */
function largestScale(values: readonly { v: number; r: number }[], room: number): number {
  let min = Infinity;
  let max = -Infinity;
  for (const { v } of values) {
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  if (max - min < 1e-9) return Infinity;
  const width = (s: number) => {
    const [lo, hi] = extent(values, s);
    return hi - lo;
  };
  if (width(0) >= room) return 0;
  let lo = 0;
  let hi = room / (max - min); // at this scale the centres alone fill the room
  for (let i = 0; i < 48; i++) {
    const mid = (lo + hi) / 2;
    if (width(mid) <= room) lo = mid;
    else hi = mid;
  }
  return lo;
}
