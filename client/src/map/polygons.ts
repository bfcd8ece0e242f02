// Plane geometry of territories (pure: no Phaser, no DOM, unit-tested). A ring
// is a flat list [x0, y0, x1, y1, ...] (shared/map/types.ts), closed implicitly;
// single rings are shared/map/rings.ts's (ringContains, ringArea).
import { ringContains } from "../../../shared/map/rings.js";
import type { Segment } from "./geometry.js";

/** Whether (x, y) lies inside any of the rings. */
export function pointInRings(rings: readonly (readonly number[])[], x: number, y: number): boolean {
  return rings.some((r) => ringContains(r as number[], x, y));
}

/** Bounding box [minX, minY, maxX, maxY] of the rings (Infinity-filled when empty). */
export function ringsBounds(rings: readonly (readonly number[])[]): [number, number, number, number] {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const r of rings) {
    for (let i = 0; i + 1 < r.length; i += 2) {
      const x = r[i]!;
      const y = r[i + 1]!;
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    }
  }
  return [minX, minY, maxX, maxY];
}

/**
 * Parallel hatching lines clipped to the rings (even-odd: a hole or an
 * overlap cancels out): lines at `angle` (radians) `spacing` apart (same
 * units as the rings), as segments inside. For each line, the crossings with
 * every edge are sorted and paired (scan-line clipping).
 */
export function hatch(rings: readonly (readonly number[])[], angle: number, spacing: number): Segment[] {
  if (!(spacing > 0) || rings.length === 0) return [];
  const dx = Math.cos(angle);
  const dy = Math.sin(angle);
  // Rotate so hatch lines are horizontal: v = -x*dy + y*dx is constant along a line, u = x*dx + y*dy runs along it.
  const vOf = (x: number, y: number) => -x * dy + y * dx;
  const uOf = (x: number, y: number) => x * dx + y * dy;
  let vMin = Infinity;
  let vMax = -Infinity;
  for (const r of rings) {
    for (let i = 0; i + 1 < r.length; i += 2) {
      const v = vOf(r[i]!, r[i + 1]!);
      if (v < vMin) vMin = v;
      if (v > vMax) vMax = v;
    }
  }
  const out: Segment[] = [];
  if (!Number.isFinite(vMin)) return out;
  const first = Math.ceil(vMin / spacing) * spacing + spacing / 2;
  const crossings: number[] = [];
  for (let v = first - spacing; v <= vMax; v += spacing) {
    if (v < vMin) continue;
    crossings.length = 0;
    for (const r of rings) {
      const n = r.length / 2;
      for (let i = 0, j = n - 1; i < n; j = i++) {
        const ax = r[2 * j]!;
        const ay = r[2 * j + 1]!;
        const bx = r[2 * i]!;
        const by = r[2 * i + 1]!;
        const va = vOf(ax, ay);
        const vb = vOf(bx, by);
        if (va > v === vb > v) continue;
        const t = (v - va) / (vb - va);
        crossings.push(uOf(ax, ay) + t * (uOf(bx, by) - uOf(ax, ay)));
      }
    }
    crossings.sort((a, b) => a - b);
    for (let i = 0; i + 1 < crossings.length; i += 2) {
      const u1 = crossings[i]!;
      const u2 = crossings[i + 1]!;
      if (u2 - u1 < 0.5) continue;
      // Back from (u, v) to (x, y): x = u*dx - v*dy, y = u*dy + v*dx.
      out.push({ x1: u1 * dx - v * dy, y1: u1 * dy + v * dx, x2: u2 * dx - v * dy, y2: u2 * dy + v * dx });
    }
  }
  return out;
}

/** Grid points `spacing` apart (staggered rows) inside the rings: where a dotted pattern puts its dots. */
export function dotsInside(rings: readonly (readonly number[])[], spacing: number, max = 4000): [number, number][] {
  const out: [number, number][] = [];
  if (!(spacing > 0)) return out;
  const [minX, minY, maxX, maxY] = ringsBounds(rings);
  if (!Number.isFinite(minX)) return out;
  let row = 0;
  for (let y = Math.ceil(minY / spacing) * spacing; y <= maxY; y += spacing, row++) {
    const shift = row % 2 === 0 ? 0 : spacing / 2;
    for (let x = Math.ceil(minX / spacing) * spacing + shift; x <= maxX; x += spacing) {
      if (pointInRings(rings, x, y)) {
        out.push([x, y]);
        if (out.length >= max) return out;
      }
    }
  }
  return out;
}
