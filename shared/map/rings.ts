// Rings in map units: rounding a projected outline to integers, dropping
// repeated and collinear points, holes and specks, and the plane geometry the
// builder and its tests need (shoelace area, point in ring, label point).
import polylabel from "polylabel";
import type { Ring } from "./types.js";

/** Rings smaller than this (square map units) are specks: dropped, unless a state would be left with nothing. */
export const MIN_RING_AREA = 4;

/** Signed shoelace area of a flat ring [x0, y0, x1, y1, ...]; positive when clockwise on screen (y down). */
export function ringArea(ring: Ring): number {
  let sum = 0;
  const n = ring.length / 2;
  for (let i = 0; i < n; i++) {
    const j = (i + 1) % n;
    sum += ring[2 * i]! * ring[2 * j + 1]! - ring[2 * j]! * ring[2 * i + 1]!;
  }
  return sum / 2;
}

/**
 * Rounds a ring of [x, y] points to integers and removes what rounding makes
 * redundant: repeated points, the closing point, points on a straight line
 * between their neighbours. Null when fewer than three points remain.
 */
export function roundRing(points: ReadonlyArray<readonly [number, number]>): Ring | null {
  const pts: [number, number][] = [];
  for (const [x, y] of points) {
    const p: [number, number] = [Math.round(x) + 0, Math.round(y) + 0]; // + 0 turns -0 into 0
    const last = pts[pts.length - 1];
    if (!last || last[0] !== p[0] || last[1] !== p[1]) pts.push(p);
  }
  while (pts.length > 1 && pts[0]![0] === pts[pts.length - 1]![0] && pts[0]![1] === pts[pts.length - 1]![1]) pts.pop();
  // Collinear points, until none is left (removing one can make its neighbour collinear).
  let changed = true;
  while (changed && pts.length >= 3) {
    changed = false;
    for (let i = 0; i < pts.length && pts.length >= 3; i++) {
      const a = pts[(i + pts.length - 1) % pts.length]!;
      const b = pts[i]!;
      const c = pts[(i + 1) % pts.length]!;
      if ((b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]) === 0) {
        pts.splice(i, 1);
        i--;
        changed = true;
      }
    }
  }
  return pts.length >= 3 ? pts.flat() : null;
}

/**
 * The outer rings to keep, biggest first: rings of the outer winding `outerSign`
 * (holes have the other sign and are dropped: an enclave is drawn by its own
 * country), no specks under MIN_RING_AREA unless nothing else would remain.
 */
export function outerRings(rings: Ring[], outerSign: 1 | -1): Ring[] {
  const outer = rings
    .map((ring) => ({ ring, area: ringArea(ring) * outerSign }))
    .filter((r) => r.area > 0)
    .sort((a, b) => b.area - a.area || compareRings(a.ring, b.ring));
  const kept = outer.filter((r) => r.area >= MIN_RING_AREA);
  return (kept.length > 0 ? kept : outer.slice(0, 1)).map((r) => r.ring);
}

/** A total order on rings, so that ties in area sort the same way every time. */
function compareRings(a: Ring, b: Ring): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/** The same ring walked the other way. */
export function reversed(ring: Ring): Ring {
  const out: Ring = [];
  for (let i = ring.length - 2; i >= 0; i -= 2) out.push(ring[i]!, ring[i + 1]!);
  return out;
}

/** True when (x, y) lies inside the ring (even-odd rule; points on the outline may go either way). */
export function ringContains(ring: Ring, x: number, y: number): boolean {
  let inside = false;
  const n = ring.length / 2;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const xi = ring[2 * i]!;
    const yi = ring[2 * i + 1]!;
    const xj = ring[2 * j]!;
    const yj = ring[2 * j + 1]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Distance from (x, y) to the outline of the ring, in map units. */
export function distanceToRing(ring: Ring, x: number, y: number): number {
  let best = Infinity;
  const n = ring.length / 2;
  for (let i = 0, j = n - 1; i < n; j = i++) {
    const ax = ring[2 * j]!;
    const ay = ring[2 * j + 1]!;
    const dx = ring[2 * i]! - ax;
    const dy = ring[2 * i + 1]! - ay;
    const len2 = dx * dx + dy * dy;
    const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / len2));
    best = Math.min(best, Math.hypot(x - ax - t * dx, y - ay - t * dy));
  }
  return best;
}

/** The pole of inaccessibility of a ring (polylabel, Agafonkin 2016), rounded to integers. */
export function labelPoint(ring: Ring): [number, number] {
  const points: [number, number][] = [];
  for (let i = 0; i < ring.length; i += 2) points.push([ring[i]!, ring[i + 1]!]);
  const [x, y] = polylabel([points], 0.5);
  return [Math.round(x) + 0, Math.round(y) + 0];
}
