// Plane geometry of the map (pure: no Phaser, no DOM). Screen coordinates are
// CSS pixels with y down, unless a function says otherwise.

/** A width and height in px. */
export interface Size {
  width: number;
  height: number;
}

/** An axis-aligned rectangle: top-left corner and size, px. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A straight segment from (x1, y1) to (x2, y2), px. */
export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** A circle: centre (x, y) and radius r, px. A layout Disc is one. */
export interface Circle {
  x: number;
  y: number;
  r: number;
}

/** v limited to [lo, hi]; the middle of the two when hi < lo (a box larger than its room is centred). */
export function clamp(v: number, lo: number, hi: number): number {
  return hi < lo ? (lo + hi) / 2 : Math.min(hi, Math.max(lo, v));
}

/** v if it is a finite number, else the fallback. */
export function finiteOr(v: number, fallback: number): number {
  return Number.isFinite(v) ? v : fallback;
}

/** Area of the intersection of two rectangles (px²; 0 when they only touch or are apart). */
export function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** Approximate overlap of a rectangle and a disc (px²; the disc as a square of the same area). */
export function overlapDisc(a: Rect, d: Circle): number {
  const half = d.r * 0.886;
  return overlap(a, { x: d.x - half, y: d.y - half, width: 2 * half, height: 2 * half });
}

/** Length (px) of the part of a segment inside a rectangle (Liang-Barsky clipping). */
export function clippedLength(s: Segment, r: Rect): number {
  const dx = s.x2 - s.x1;
  const dy = s.y2 - s.y1;
  let t0 = 0;
  let t1 = 1;
  const edges: [number, number][] = [
    [-dx, s.x1 - r.x],
    [dx, r.x + r.width - s.x1],
    [-dy, s.y1 - r.y],
    [dy, r.y + r.height - s.y1],
  ];
  for (const [p, q] of edges) {
    if (p === 0) {
      if (q < 0) return 0;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 > t1) return 0;
  }
  return (t1 - t0) * Math.hypot(dx, dy);
}

/** The first fraction p (0 to 1) of a segment, from its start. */
export function partial(s: Segment, p: number): Segment {
  return { x1: s.x1, y1: s.y1, x2: s.x1 + (s.x2 - s.x1) * p, y2: s.y1 + (s.y2 - s.y1) * p };
}

/** The two halves of a segment, each running from its end to the middle. */
export function halves(s: Segment): [Segment, Segment] {
  const mx = (s.x1 + s.x2) / 2;
  const my = (s.y1 + s.y2) / 2;
  return [
    { x1: s.x1, y1: s.y1, x2: mx, y2: my },
    { x1: s.x2, y1: s.y2, x2: mx, y2: my },
  ];
}

/**
 * The segment (px) from disc a's rim to disc b's rim, moved sideways by
 * `offset` px (positive to the left of the direction from the smaller id to
 * the larger, so that a→b and b→a edges keep apart), leaving `endGap` px
 * before b. Null when the discs are in one place or too close for a line.
 */
export function edgeGeometry(
  a: Circle & { id: string },
  b: Circle & { id: string },
  offset: number,
  endGap: number,
): Segment | null {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const d = Math.hypot(dx, dy);
  if (d < 1e-6) return null;
  const ux = dx / d;
  const uy = dy / d;
  const flip = a.id < b.id ? 1 : -1;
  const nx = -uy * flip;
  const ny = ux * flip;
  const inA = Math.sqrt(Math.max(0, a.r * a.r - offset * offset)) + 2;
  const inB = Math.sqrt(Math.max(0, b.r * b.r - offset * offset)) + endGap;
  if (inA + inB >= d - 4) return null;
  return {
    x1: a.x + nx * offset + ux * inA,
    y1: a.y + ny * offset + uy * inA,
    x2: b.x + nx * offset - ux * inB,
    y2: b.y + ny * offset - uy * inB,
  };
}
