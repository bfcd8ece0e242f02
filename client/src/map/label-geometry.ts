// The plane geometry of label placement (pure: no Phaser, no DOM): clearances
// between chips, discs and leader lines, and the leader line itself. Screen
// px, y down.
import type { Circle, Rect, Segment } from "./geometry.js";

/**
 * Clear space (px) between two rectangles: the larger of their horizontal and
 * vertical gaps, negative when they overlap (minus the depth of the shallower
 * axis), 0 when they touch.
 */
export function rectGap(a: Rect, b: Rect): number {
  const gx = Math.max(a.x - (b.x + b.width), b.x - (a.x + a.width));
  const gy = Math.max(a.y - (b.y + b.height), b.y - (a.y + a.height));
  return Math.max(gx, gy);
}

/** Distance (px) from the point (x, y) to the rectangle; 0 inside it. */
export function pointRectDistance(x: number, y: number, r: Rect): number {
  const dx = Math.max(r.x - x, 0, x - (r.x + r.width));
  const dy = Math.max(r.y - y, 0, y - (r.y + r.height));
  return Math.hypot(dx, dy);
}

/** Clear space (px) between a rectangle and a circle's rim; negative when they overlap (down to -r). */
export function rectCircleGap(r: Rect, c: Circle): number {
  return pointRectDistance(c.x, c.y, r) - c.r;
}

/** Distance (px) from the point (x, y) to the segment s (its nearest point, ends included). */
export function pointSegmentDistance(x: number, y: number, s: Segment): number {
  const dx = s.x2 - s.x1;
  const dy = s.y2 - s.y1;
  const len2 = dx * dx + dy * dy;
  const t = len2 > 0 ? Math.max(0, Math.min(1, ((x - s.x1) * dx + (y - s.y1) * dy) / len2)) : 0;
  return Math.hypot(x - (s.x1 + t * dx), y - (s.y1 + t * dy));
}

/** Whether two segments cross or touch (orientation test; collinear overlaps count). */
export function segmentsCross(a: Segment, b: Segment): boolean {
  const o = (px: number, py: number, qx: number, qy: number, rx: number, ry: number) =>
    Math.sign((qx - px) * (ry - py) - (qy - py) * (rx - px));
  const o1 = o(a.x1, a.y1, a.x2, a.y2, b.x1, b.y1);
  const o2 = o(a.x1, a.y1, a.x2, a.y2, b.x2, b.y2);
  const o3 = o(b.x1, b.y1, b.x2, b.y2, a.x1, a.y1);
  const o4 = o(b.x1, b.y1, b.x2, b.y2, a.x2, a.y2);
  if (o1 !== o2 && o3 !== o4) return true;
  const within = (px: number, py: number, s: Segment) =>
    Math.min(s.x1, s.x2) <= px && px <= Math.max(s.x1, s.x2) && Math.min(s.y1, s.y2) <= py && py <= Math.max(s.y1, s.y2);
  return (
    (o1 === 0 && within(b.x1, b.y1, a)) ||
    (o2 === 0 && within(b.x2, b.y2, a)) ||
    (o3 === 0 && within(a.x1, a.y1, b)) ||
    (o4 === 0 && within(a.x2, a.y2, b))
  );
}

/** The rectangle grown by m px on every side. */
export function inflate(r: Rect, m: number): Rect {
  return { x: r.x - m, y: r.y - m, width: r.width + 2 * m, height: r.height + 2 * m };
}

/**
 * The leader line (px) of a chip set apart from its disc: from the disc's rim
 * to the chip's point nearest the disc's centre, along the ray from the centre
 * through that point, so it starts on the rim and ends on the chip's edge.
 * Null when the chip reaches the rim or covers the centre.
 */
export function leaderLine(c: Circle, chip: Rect): Segment | null {
  const x2 = Math.max(chip.x, Math.min(chip.x + chip.width, c.x));
  const y2 = Math.max(chip.y, Math.min(chip.y + chip.height, c.y));
  const d = Math.hypot(x2 - c.x, y2 - c.y);
  if (d <= c.r) return null;
  return { x1: c.x + ((x2 - c.x) / d) * c.r, y1: c.y + ((y2 - c.y) / d) * c.r, x2, y2 };
}
