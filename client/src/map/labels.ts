// Where each state's label chip goes (pure: no Phaser, no DOM): inside its
// disc if it fits, else beside it, else set apart with a leader line, else
// hidden; never over another chip or another state's disc, never off-screen.
import type { Disc } from "./disc-layout.js";
import { clamp, type Rect, type Segment, type Size } from "./geometry.js";
import { LabelBoard } from "./label-board.js";
import { leaderLine, rectCircleGap } from "./label-geometry.js";

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
  | "above-left"
  /** Set apart from the disc, joined to its rim by a leader line. */
  | "displaced";

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
  /** A chip that fits nowhere without covering another chip or disc is not drawn (never the own or selected state's). */
  hidden: boolean;
  anchor: LabelAnchor;
  /** The line (px) from the disc's rim to the chip's nearest edge, for a chip set apart from its disc; else null. */
  leader: Segment | null;
}

/** Options of placeLabels. */
export interface LabelOptions {
  /** Ids placed first and never hidden (own state, selected state). */
  mustShow?: readonly string[];
  /** Gap between a disc and its chip (px). */
  gap?: number;
  /** Clear space (px) kept between two chips, and between a chip and another state's disc (default 2). */
  margin?: number;
  /** Whether a chip that fits nowhere beside its disc may be set apart with a leader line (default true). */
  leaders?: boolean;
  /** Lines to keep clear of where possible (alliances, arrows): a chip over a line costs its length x 6. */
  segments?: readonly Segment[];
  /** Rectangles no chip may cover (px), like buttons over the map: treated as chips already placed. */
  keepOut?: readonly Rect[];
}

/** The anchors of a chip that touches its disc (all but "displaced"). */
export type NearAnchor = Exclude<LabelAnchor, "displaced">;

/** The anchors beside a disc, in order of preference. */
const ANCHORS: readonly NearAnchor[] = [
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
export function anchorPosition(anchor: NearAnchor, disc: Disc, w: number, h: number, gap: number): [number, number] {
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
 * Distances (in chip heights beyond the disc's rim) of the rings of spots
 * where a chip may be set apart with a leader line: every chip tries the
 * first (close: a label far from its state, over another country, misleads
 * more than a missing one, which zooming in brings back), a must-show chip
 * the second too.
 */
const RING_STEPS = [1.5, 2, 2.5];
const MUST_RING_STEPS = [3, 4, 5, 6, 8, 10, 13, 17, 22, 28];
/** Directions of a ring, starting straight below and going clockwise on screen. */
const RING_DIRECTIONS = Array.from({ length: 16 }, (_, k) => {
  const a = Math.PI / 2 + (k * Math.PI) / 8;
  return [Math.cos(a), Math.sin(a)] as const;
});

/** A spot a chip could take, before it is checked. */
interface Candidate {
  rect: Rect;
  compact: boolean;
  anchor: LabelAnchor;
  /** Cost of the spot itself (px): order of preference, shift to stay on screen, length of the leader. */
  cost: number;
}

function inBounds(r: Rect, b: Rect): boolean {
  const e = 1e-9;
  return r.x >= b.x - e && r.y >= b.y - e && r.x + r.width <= b.x + b.width + e && r.y + r.height <= b.y + b.height + e;
}

/**
 * The spots beside the disc for a chip of this size: inside it first when the
 * chip fits, then the anchors in order; each shifted onto the screen, by at
 * most half the chip's size (further, and it no longer sits by its disc).
 */
function besideCandidates(disc: Disc, size: Size, compact: boolean, bounds: Rect, gap: number): Candidate[] {
  const { width: w, height: h } = size;
  const anchors: NearAnchor[] = fitsInside(disc, w, h) ? ["center", ...ANCHORS] : [...ANCHORS];
  const out: Candidate[] = [];
  anchors.forEach((anchor, i) => {
    const [x0, y0] = anchorPosition(anchor, disc, w, h, gap);
    const x = clamp(x0, bounds.x, bounds.x + bounds.width - w);
    const y = clamp(y0, bounds.y, bounds.y + bounds.height - h);
    if (Math.abs(x - x0) > w / 2 || Math.abs(y - y0) > h / 2) return;
    out.push({ rect: { x, y, width: w, height: h }, compact, anchor, cost: i + Math.abs(x - x0) + Math.abs(y - y0) });
  });
  return out;
}

/** The spots of one ring `step` chip heights beyond the disc's rim, for a chip of this size; each costs its distance. */
function ringCandidates(disc: Disc, size: Size, step: number): Candidate[] {
  const { width: w, height: h } = size;
  return RING_DIRECTIONS.map(([ux, uy], k) => {
    // The chip's centre goes so far out that its nearest edge is about `step` heights off the rim.
    const d = disc.r + step * h + Math.abs(ux) * (w / 2) + Math.abs(uy) * (h / 2);
    const rect = { x: disc.x + ux * d - w / 2, y: disc.y + uy * d - h / 2, width: w, height: h };
    return { rect, compact: true, anchor: "displaced" as const, cost: step * h + k * 0.01 };
  });
}

/**
 * Places one chip per state (by id). Every visible chip lies inside `bounds`,
 * keeps `margin` px from every other visible chip and from every other
 * state's disc, and covers no leader line; a leader line (from the disc's rim
 * to the chip's nearest edge) crosses no other chip and no other disc.
 *
 * States are taken in order of priority: the must-show ids, then by disc
 * radius (largest first), then by id. Each takes the first of these that is
 * clear, the cheapest spot within it: the full chip (id and name) inside its
 * disc when it fits or at the anchors around it; the compact chip (id only)
 * there; the compact chip on rings 1.5 to 4 chip heights beyond the rim (16
 * directions, nearest ring first) with a leader line. A chip over one of
 * `segments` costs 6 per px of line, one whose leader crosses another leader
 * two chip heights. A state with none is hidden, except a must-show one: it
 * tries rings further out, and failing those takes the least-bad spot on the
 * screen (see LabelBoard.badness). Since must-show chips are placed first,
 * every other chip gives way to them. Boxes without a disc get no placement;
 * a hidden chip gets its compact spot below its disc, shifted onto the screen.
 *
 * Cost: bucket grids (label-board.ts) keep each check local; 400 states take
 * about 20 ms on a 2-core machine (tests/client/labels.test.ts checks the
 * rules, not the time).
 */
export function placeLabels(
  discs: readonly Disc[],
  boxes: readonly LabelBox[],
  bounds: Rect,
  options: LabelOptions = {},
): Map<string, LabelPlacement> {
  const gap = options.gap ?? 3;
  const margin = options.margin ?? 2;
  const withLeaders = options.leaders ?? true;
  const mustOrder = new Map((options.mustShow ?? []).map((id, i) => [id, i]));
  const byId = new Map(discs.map((d) => [d.id, d]));
  const order = [...boxes].sort((a, b) => {
    const ma = mustOrder.get(a.id) ?? Infinity;
    const mb = mustOrder.get(b.id) ?? Infinity;
    if (ma !== mb) return ma < mb ? -1 : 1;
    const ra = byId.get(a.id)?.r ?? 0;
    const rb = byId.get(b.id)?.r ?? 0;
    return rb - ra || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  });
  const board = new LabelBoard(discs, options.segments ?? [], margin);
  for (const r of options.keepOut ?? []) board.add(r, null);
  const out = new Map<string, LabelPlacement>();

  /** The cheapest clear candidate with its leader (which may cross other discs when `overDiscs`), or null. */
  const cheapestClear = (disc: Disc, candidates: Candidate[], overDiscs = false): LabelPlacement | null => {
    let best: { cost: number; placement: LabelPlacement } | null = null;
    for (const c of candidates) {
      if (!inBounds(c.rect, bounds)) continue;
      if (!board.chipIsClear(c.rect, disc, c.anchor === "center")) continue;
      let leader: Segment | null = null;
      let cost = c.cost;
      if (c.anchor === "displaced") {
        leader = leaderLine(disc, c.rect);
        if (!leader || !board.leaderIsClear(leader, disc, overDiscs)) continue;
        cost += board.leaderCrossings(leader) * 2 * c.rect.height;
      }
      if (c.anchor !== "center") cost += board.lineLength(c.rect) * 6;
      if (!best || cost < best.cost) {
        best = { cost, placement: { id: disc.id, ...c.rect, compact: c.compact, hidden: false, anchor: c.anchor, leader } };
      }
    }
    return best?.placement ?? null;
  };

  for (const box of order) {
    const disc = byId.get(box.id);
    if (!disc) continue;
    const must = mustOrder.has(box.id);
    let placement: LabelPlacement | null = null;
    const sizes: [Size, boolean][] = box.full ? [[box.full, false], [box.compact, true]] : [[box.compact, true]];
    const steps = !withLeaders ? [] : must ? [...RING_STEPS, ...MUST_RING_STEPS] : RING_STEPS;
    for (const [size, compact] of sizes) {
      placement ??= cheapestClear(disc, besideCandidates(disc, size, compact, bounds, gap));
    }
    for (const step of steps) {
      if (placement) break;
      placement = cheapestClear(disc, ringCandidates(disc, box.compact, step));
    }
    // A must-show chip hemmed in by discs: rather a leader line over a disc than a chip covering one.
    for (const step of must && withLeaders ? [...RING_STEPS, ...MUST_RING_STEPS] : []) {
      if (placement) break;
      placement = cheapestClear(disc, ringCandidates(disc, box.compact, step), true);
    }
    if (!placement && must) placement = leastBad(disc, sizes, bounds, gap, board, withLeaders);
    if (placement) {
      board.add(placement, placement.leader);
      out.set(box.id, placement);
      continue;
    }
    const [x0, y0] = anchorPosition("below", disc, box.compact.width, box.compact.height, gap);
    const x = clamp(x0, bounds.x, bounds.x + bounds.width - box.compact.width);
    const y = clamp(y0, bounds.y, bounds.y + bounds.height - box.compact.height);
    out.set(box.id, { id: box.id, x, y, ...box.compact, compact: true, hidden: true, anchor: "below", leader: null });
  }
  return out;
}

/**
 * The least-bad spot for a must-show chip that fits nowhere cleanly: of every
 * spot beside the disc and on every ring, shifted onto the screen, the one
 * that covers least (LabelBoard.badness plus its own cost). A spot set apart
 * from the disc by more than twice the gap gets a leader line. Rings only
 * `withLeaders`.
 */
function leastBad(
  disc: Disc,
  sizes: [Size, boolean][],
  bounds: Rect,
  gap: number,
  board: LabelBoard,
  withLeaders: boolean,
): LabelPlacement | null {
  let best: { bad: number; placement: LabelPlacement } | null = null;
  const compact = sizes[sizes.length - 1]?.[0];
  const candidates: Candidate[] = sizes.flatMap(([size, isCompact]) => besideCandidates(disc, size, isCompact, bounds, gap));
  if (compact && withLeaders) for (const step of [...RING_STEPS, ...MUST_RING_STEPS]) candidates.push(...ringCandidates(disc, compact, step));
  for (const c of candidates) {
    const { width: w, height: h } = c.rect;
    const rect = {
      x: clamp(c.rect.x, bounds.x, bounds.x + bounds.width - w),
      y: clamp(c.rect.y, bounds.y, bounds.y + bounds.height - h),
      width: w,
      height: h,
    };
    const inside = c.anchor === "center";
    const leader = !inside && rectCircleGap(rect, disc) > 2 * gap ? leaderLine(disc, rect) : null;
    const bad = board.badness(rect, disc, inside, leader) + c.cost + board.lineLength(rect) * 6;
    if (!best || bad < best.bad) {
      const anchor = leader ? "displaced" : c.anchor;
      best = { bad, placement: { id: disc.id, ...rect, compact: c.compact, hidden: false, anchor, leader } };
    }
  }
  return best?.placement ?? null;
}
