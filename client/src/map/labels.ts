// Where each state's label chip goes (pure: no Phaser, no DOM): inside its
// disc if it fits, else beside it, clear of other chips, discs and lines where
// possible, and never off-screen.
import type { Disc } from "./disc-layout.js";
import { clamp, clippedLength, overlap, overlapDisc, type Rect, type Segment, type Size } from "./geometry.js";
import { SpatialGrid } from "./spatial-grid.js";

/** The chip sizes a state's label can take (px). */
export interface LabelBox {
  id: string;
  /** Size of the full chip (id and name), or null when there is no name line. */
  full: Size | null;
  /** Size of the compact chip (id only). */
  compact: Size;
}

/** Where a chip sits relative to its disc. */
export type LabelAnchor =
  | "center"
  | "below"
  | "above"
  | "right"
  | "left"
  | "below-right"
  | "below-left"
  | "above-right"
  | "above-left";

/** Where a state's chip goes, and in which form. */
export interface LabelPlacement {
  id: string;
  /** Top-left corner and size of the chip (px). */
  x: number;
  y: number;
  width: number;
  height: number;
  /** Whether the chip shows the id only (no name). */
  compact: boolean;
  /** Crowded maps: labels that would cover others are not drawn (never the own or selected state's). */
  hidden: boolean;
  anchor: LabelAnchor;
}

/** Options of placeLabels. */
export interface LabelOptions {
  /** Ids placed first and never hidden (own state, selected state). */
  mustShow?: readonly string[];
  /** Gap between a disc and its chip (px). */
  gap?: number;
  /** Below this many states every label is drawn, even overlapping; above it, crowded labels are hidden. */
  alwaysShowUpTo?: number;
  /** Lines to keep clear of where possible (alliances, arrows): a chip over a line costs its length x 6. */
  segments?: readonly Segment[];
}

/** The anchors beside a disc, in order of preference. */
const ANCHORS: readonly LabelAnchor[] = [
  "below",
  "above",
  "right",
  "left",
  "below-right",
  "below-left",
  "above-right",
  "above-left",
];

/** Top-left corner [x, y] (px) of a chip of size w x h (px) at this anchor around the disc, `gap` px off its rim. */
export function anchorPosition(anchor: LabelAnchor, disc: Disc, w: number, h: number, gap: number): [number, number] {
  const { x, y, r } = disc;
  const k = r * Math.SQRT1_2 + gap * 0.5;
  switch (anchor) {
    case "center":
      return [x - w / 2, y - h / 2];
    case "below":
      return [x - w / 2, y + r + gap];
    case "above":
      return [x - w / 2, y - r - gap - h];
    case "right":
      return [x + r + gap, y - h / 2];
    case "left":
      return [x - r - gap - w, y - h / 2];
    case "below-right":
      return [x + k, y + k];
    case "below-left":
      return [x - k - w, y + k];
    case "above-right":
      return [x + k, y - k - h];
    case "above-left":
      return [x - k - w, y - k - h];
  }
}

/** Whether a chip of w x h px fits inside its disc, leaving most of the disc (and its pattern) visible. */
export function fitsInside(disc: Disc, w: number, h: number): boolean {
  const inner = disc.r - 3;
  return inner > 0 && (w / 2) ** 2 + (h / 2) ** 2 <= inner * inner && w * h <= 0.42 * Math.PI * disc.r * disc.r;
}

/**
 * Places one chip per state (by id), biggest states first (after the
 * must-show ones): inside the disc if it fits, else beside it, preferring
 * spots that cover no other chip or disc; every chip is shifted to stay inside
 * `bounds` (px). Boxes without a disc get no placement.
 */
export function placeLabels(
  discs: readonly Disc[],
  boxes: readonly LabelBox[],
  bounds: Rect,
  options: LabelOptions = {},
): Map<string, LabelPlacement> {
  const gap = options.gap ?? 3;
  const must = new Set(options.mustShow ?? []);
  const alwaysUpTo = options.alwaysShowUpTo ?? 40;
  const byId = new Map(discs.map((d) => [d.id, d]));
  const order = [...boxes].sort((a, b) => {
    const ma = must.has(a.id) ? 1 : 0;
    const mb = must.has(b.id) ? 1 : 0;
    if (ma !== mb) return mb - ma;
    const ra = byId.get(a.id)?.r ?? 0;
    const rb = byId.get(b.id)?.r ?? 0;
    return rb - ra || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
  const cell = 64;
  const placed = new SpatialGrid<Rect>(cell);
  const discGrid = new SpatialGrid<Disc>(cell);
  for (const d of discs) discGrid.insert(d, d.x - d.r, d.y - d.r, d.x + d.r, d.y + d.r);
  const lineGrid = new SpatialGrid<Segment>(cell);
  for (const sg of options.segments ?? []) {
    lineGrid.insert(sg, Math.min(sg.x1, sg.x2), Math.min(sg.y1, sg.y2), Math.max(sg.x1, sg.x2), Math.max(sg.y1, sg.y2));
  }
  const nearRects: Rect[] = [];
  const nearDiscs: Disc[] = [];
  const nearLines: Segment[] = [];
  const out = new Map<string, LabelPlacement>();
  for (const box of order) {
    const disc = byId.get(box.id);
    if (!disc) continue;
    let best: { score: number; placement: LabelPlacement } | null = null;
    const sizes: [Size, boolean][] = box.full ? [[box.full, false], [box.compact, true]] : [[box.compact, true]];
    for (const [size, compact] of sizes) {
      const anchors: LabelAnchor[] = fitsInside(disc, size.width, size.height) ? ["center", ...ANCHORS] : [...ANCHORS];
      for (const anchor of anchors) {
        const [x0, y0] = anchorPosition(anchor, disc, size.width, size.height, gap);
        const x = clamp(x0, bounds.x, bounds.x + bounds.width - size.width);
        const y = clamp(y0, bounds.y, bounds.y + bounds.height - size.height);
        const rect = { x, y, width: size.width, height: size.height };
        let score = Math.abs(x - x0) + Math.abs(y - y0);
        nearRects.length = 0;
        nearDiscs.length = 0;
        placed.query(x, y, x + size.width, y + size.height, nearRects);
        discGrid.query(x, y, x + size.width, y + size.height, nearDiscs);
        for (const p of nearRects) score += overlap(rect, p) * 4;
        for (const d of nearDiscs) {
          if (d.id === disc.id && anchor === "center") continue;
          score += overlapDisc(rect, d) * (d.id === disc.id ? 3 : 1);
        }
        if (anchor !== "center") {
          nearLines.length = 0;
          lineGrid.query(x, y, x + size.width, y + size.height, nearLines);
          for (const sg of nearLines) score += clippedLength(sg, rect) * 6;
        }
        // Names are a bonus: a full chip must be clean to beat a compact one.
        if (!compact) score += 0.01;
        if (!best || score < best.score) {
          best = { score, placement: { id: box.id, ...rect, compact, hidden: false, anchor } };
        }
        if (score <= 0.01 && !compact) break;
        if (score === 0) break;
      }
      if (best && best.score <= 0.01) break;
    }
    if (!best) continue;
    const crowded = best.score > 0.25 * best.placement.width * best.placement.height;
    if (crowded && !must.has(box.id) && discs.length > alwaysUpTo) best.placement.hidden = true;
    else {
      const p = best.placement;
      placed.insert(p, p.x, p.y, p.x + p.width, p.y + p.height);
    }
    out.set(box.id, best.placement);
  }
  return out;
}
