// Where things go on the screen (pure: no Phaser, no DOM, unit-tested).
//
// Scenario positions are kilometres with x east and y north; scenarios span
// from about 1,000 km to 15,000 km and hold 3 to 400 states. The map projects
// them into a screen rectangle (pixels, y down) with one scale for both axes,
// sizes each state's disc so that its area is proportional to its power share
// (within a readable minimum and a maximum), nudges overlapping discs apart,
// and places each label chip beside (or inside) its disc, never off-screen.

export interface Size {
  width: number;
  height: number;
}

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LayoutState {
  id: string;
  /** km east */
  x: number;
  /** km north */
  y: number;
  /** Share of all power, 0 to 1. */
  share: number;
}

export interface Disc {
  id: string;
  /** Screen position (px, y down) after overlaps were resolved. */
  x: number;
  y: number;
  r: number;
  /** Screen position straight from the projection, before overlaps were resolved. */
  px: number;
  py: number;
}

export interface DiscLayoutOptions {
  /** Projector: bigger minimum size. */
  large?: boolean;
  /** Empty border around the map area (px). */
  padding?: number;
  /** Space kept free at the top / bottom of the screen (px), e.g. for a legend. */
  reserveTop?: number;
  reserveBottom?: number;
  /** Fraction of the map area that a state holding all the power would cover (default 0.08). */
  coverage?: number;
  /** Free space kept between discs (px); by default 3 to 24 px depending on how crowded the map is. */
  gap?: number;
}

export interface DiscLayout {
  area: Rect;
  /** Pixels per km of the projection. */
  scale: number;
  minRadius: number;
  maxRadius: number;
  discs: Disc[];
}

/** The rectangle the states are drawn in. */
export function mapArea(size: Size, options: DiscLayoutOptions = {}): Rect {
  const padding = options.padding ?? defaultPadding(size, options.large ?? false);
  const top = padding + (options.reserveTop ?? 0);
  const bottom = padding + (options.reserveBottom ?? 0);
  return {
    x: padding,
    y: top,
    width: Math.max(0, size.width - 2 * padding),
    height: Math.max(0, size.height - top - bottom),
  };
}

function defaultPadding(size: Size, large: boolean): number {
  return Math.round(Math.max(6, Math.min(large ? 24 : 16, Math.min(size.width, size.height) * 0.025)));
}

/** Smallest and largest disc radius for this area (px). */
export function radiusBounds(area: Rect, large = false): { min: number; max: number } {
  const short = Math.max(0, Math.min(area.width, area.height));
  const min = large ? 13 : short < 420 ? 8 : 10;
  const max = Math.max(min, short * 0.15);
  return { min, max };
}

/**
 * Radius of each disc: area proportional to the share (r = c * sqrt(share)),
 * where a state holding all the power would cover `coverage` of the area;
 * clamped to the bounds (so the smallest stay readable and the largest fit).
 */
export function radiiForShares(
  shares: readonly number[],
  area: Rect,
  bounds: { min: number; max: number },
  coverage = 0.08,
): number[] {
  const c = Math.sqrt((coverage * area.width * area.height) / Math.PI);
  return shares.map((s) => clamp(c * Math.sqrt(Math.max(0, finiteOr(s, 0))), bounds.min, bounds.max));
}

export interface Projection {
  /** Pixels per km. */
  scale: number;
  offsetX: number;
  offsetY: number;
}

/** Screen position of a point in km with this projection (y flipped: north is up). */
export function project(p: Projection, x: number, y: number): [number, number] {
  return [x * p.scale + p.offsetX, -y * p.scale + p.offsetY];
}

/**
 * The largest single scale (same on both axes, so the aspect ratio is kept)
 * that fits every point, grown by its radius, inside the area; centred.
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

/**
 * The discs of all states: projected, sized by power share, shrunk a little if
 * the map is crowded, then nudged apart where they still overlap (a few pixels
 * each; the geography stays recognisable) and kept inside the area.
 */
export function layoutDiscs(states: readonly LayoutState[], size: Size, options: DiscLayoutOptions = {}): DiscLayout {
  const large = options.large ?? false;
  const area = mapArea(size, options);
  const bounds = radiusBounds(area, large);
  // Free space between discs, so that a line or arrow between neighbours stays visible:
  // up to 24 px (32 on the projector), less on crowded maps.
  const gap =
    options.gap ?? clamp(Math.sqrt((area.width * area.height) / Math.max(1, states.length)) * 0.3, 3, large ? 32 : 24);
  let radii = radiiForShares(
    states.map((s) => s.share),
    area,
    bounds,
    options.coverage ?? 0.08,
  );
  let projection = fitProjection(
    states.map((s, i) => ({ x: s.x, y: s.y, r: radii[i] ?? bounds.min })),
    area,
  );
  // Crowded maps: shrink all discs together (down to half, and never below the
  // minimum) so that most states clear their nearest neighbour.
  for (let round = 0; round < 2 && states.length > 1; round++) {
    const points = states.map((s) => project(projection, s.x, s.y));
    const ratios: number[] = [];
    for (let i = 0; i < states.length; i++) {
      let best = Infinity;
      let ratio = Infinity;
      const [xi, yi] = points[i] as [number, number];
      for (let j = 0; j < states.length; j++) {
        if (j === i) continue;
        const [xj, yj] = points[j] as [number, number];
        const d = Math.hypot(xj - xi, yj - yi);
        if (d < best) {
          best = d;
          ratio = (d - gap) / ((radii[i] ?? 0) + (radii[j] ?? 0));
        }
      }
      ratios.push(ratio);
    }
    ratios.sort((a, b) => a - b);
    // Aim for a clear stretch of line between neighbours: centre distance >= 1.5 x (r1 + r2).
    const factor = clamp((ratios[Math.floor(ratios.length * 0.3)] ?? 1.5) / 1.5, 0.5, 1);
    if (factor > 0.97) break;
    radii = radii.map((r) => Math.max(bounds.min, r * factor));
    projection = fitProjection(
      states.map((s, i) => ({ x: s.x, y: s.y, r: radii[i] ?? bounds.min })),
      area,
    );
  }
  const discs: Disc[] = states.map((s, i) => {
    const [x, y] = project(projection, s.x, s.y);
    return { id: s.id, x, y, r: radii[i] ?? bounds.min, px: x, py: y };
  });
  separate(discs, area, gap);
  return { area, scale: projection.scale, minRadius: bounds.min, maxRadius: bounds.max, discs };
}

/** Pushes overlapping discs apart (smaller ones move more), with a weak pull back home; keeps them in the area. */
export function separate(
  discs: Disc[],
  area: Rect,
  gap: number,
  iterations = Math.round(clamp(24000 / Math.max(1, discs.length), 40, 120)),
): void {
  const n = discs.length;
  const keepInside = (d: Disc) => {
    d.x = clamp(d.x, area.x + d.r, area.x + area.width - d.r);
    d.y = clamp(d.y, area.y + d.r, area.y + area.height - d.r);
    if (area.width < 2 * d.r) d.x = area.x + area.width / 2;
    if (area.height < 2 * d.r) d.y = area.y + area.height / 2;
  };
  discs.forEach(keepInside);
  if (n < 2) return;
  // Discs can only touch if their centres are in the same or neighbouring cells.
  const cell = 2 * Math.max(...discs.map((d) => d.r)) + gap;
  const cells = new Map<number, number[]>();
  const cellOf = (v: number) => Math.floor(v / cell);
  const key = (cx: number, cy: number) => cx * 100003 + cy;
  const near: number[] = [];
  for (let it = 0; it < iterations; it++) {
    let worst = 0;
    cells.clear();
    discs.forEach((d, i) => {
      const k = key(cellOf(d.x), cellOf(d.y));
      const list = cells.get(k);
      if (list) list.push(i);
      else cells.set(k, [i]);
    });
    for (let i = 0; i < n; i++) {
      const a = discs[i] as Disc;
      near.length = 0;
      const cx = cellOf(a.x);
      const cy = cellOf(a.y);
      for (let ox = -1; ox <= 1; ox++) {
        for (let oy = -1; oy <= 1; oy++) {
          for (const j of cells.get(key(cx + ox, cy + oy)) ?? []) if (j > i) near.push(j);
        }
      }
      near.sort((x, y) => x - y);
      for (const j of near) {
        const b = discs[j] as Disc;
        const dx = b.x - a.x;
        const dy = b.y - a.y;
        const need = a.r + b.r + gap;
        if (Math.abs(dx) >= need || Math.abs(dy) >= need) continue;
        const d = Math.hypot(dx, dy);
        if (d >= need) continue;
        let ux: number;
        let uy: number;
        if (d < 1e-6) {
          // Same place: split along a direction fixed by the pair, so the result is deterministic.
          const angle = (i * 7 + j * 13) * 2.399963;
          ux = Math.cos(angle);
          uy = Math.sin(angle);
        } else {
          ux = dx / d;
          uy = dy / d;
        }
        const push = need - d;
        worst = Math.max(worst, push);
        const wa = (b.r * b.r) / (a.r * a.r + b.r * b.r);
        const step = push * 0.55;
        a.x -= ux * step * wa;
        a.y -= uy * step * wa;
        b.x += ux * step * (1 - wa);
        b.y += uy * step * (1 - wa);
      }
    }
    // A weak pull home keeps the geography; it stops for the last rounds so they can settle.
    const pull = it < iterations * 0.6 ? 0.02 : 0;
    for (const d of discs) {
      d.x += (d.px - d.x) * pull;
      d.y += (d.py - d.y) * pull;
      keepInside(d);
    }
    if (worst < 0.5) break;
  }
}

/** Buckets of items by the grid cells their box covers (for "what is near here" on big maps). */
export class SpatialGrid<T> {
  private readonly cells = new Map<number, T[]>();
  constructor(private readonly size: number) {}

  clear(): void {
    this.cells.clear();
  }

  private key(cx: number, cy: number): number {
    return (cx + 32768) * 65536 + (cy + 32768);
  }

  private range(v: number): number {
    return Math.max(-32768, Math.min(32767, Math.floor(v / this.size)));
  }

  insert(item: T, x0: number, y0: number, x1: number, y1: number): void {
    for (let cx = this.range(x0); cx <= this.range(x1); cx++) {
      for (let cy = this.range(y0); cy <= this.range(y1); cy++) {
        const k = this.key(cx, cy);
        const list = this.cells.get(k);
        if (list) list.push(item);
        else this.cells.set(k, [item]);
      }
    }
  }

  /** Items whose cells meet the box, each once, appended to `out`. */
  query(x0: number, y0: number, x1: number, y1: number, out: T[]): T[] {
    const seen = new Set<T>();
    for (let cx = this.range(x0); cx <= this.range(x1); cx++) {
      for (let cy = this.range(y0); cy <= this.range(y1); cy++) {
        for (const item of this.cells.get(this.key(cx, cy)) ?? []) {
          if (!seen.has(item)) {
            seen.add(item);
            out.push(item);
          }
        }
      }
    }
    return out;
  }
}

// ---------------------------------------------------------------------------
// Labels

export interface LabelBox {
  id: string;
  /** Size of the full chip (id and name), or null when there is no name line. */
  full: Size | null;
  /** Size of the compact chip (id only). */
  compact: Size;
}

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

export interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/** Length of the part of a segment inside a rectangle (Liang-Barsky clipping). */
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

/** Top-left corner of a chip of size w x h at this anchor around the disc. */
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

/** Whether a chip fits inside its disc, leaving most of the disc (and its pattern) visible. */
export function fitsInside(disc: Disc, w: number, h: number): boolean {
  const inner = disc.r - 3;
  return inner > 0 && (w / 2) ** 2 + (h / 2) ** 2 <= inner * inner && w * h <= 0.42 * Math.PI * disc.r * disc.r;
}

/**
 * Places one chip per state, biggest states first (after the must-show ones):
 * inside the disc if it fits, else beside it, preferring spots that cover no
 * other chip or disc; every chip is shifted to stay inside `bounds`.
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

/** Area of the intersection of two rectangles. */
export function overlap(a: Rect, b: Rect): number {
  const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** Approximate overlap of a rectangle and a disc (the disc as a square of the same area). */
export function overlapDisc(a: Rect, d: Disc): number {
  const half = d.r * 0.886;
  return overlap(a, { x: d.x - half, y: d.y - half, width: 2 * half, height: 2 * half });
}

export function clamp(v: number, lo: number, hi: number): number {
  return hi < lo ? (lo + hi) / 2 : Math.min(hi, Math.max(lo, v));
}

function finiteOr(v: number, fallback: number): number {
  return Number.isFinite(v) ? v : fallback;
}
