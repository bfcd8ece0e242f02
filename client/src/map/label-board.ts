// What is already on the map while labels are placed one by one (pure: no
// Phaser, no DOM): the discs, the chips and leader lines placed so far, and
// the lines to keep clear of, each in a bucket grid so that a check only looks
// at what is near. Screen px, y down.
import type { Disc } from "./disc-layout.js";
import { clippedLength, overlap, overlapDisc, type Rect, type Segment } from "./geometry.js";
import { inflate, pointSegmentDistance, rectCircleGap, rectGap, segmentsCross } from "./label-geometry.js";
import { Buckets } from "./buckets.js";
import { SpatialGrid } from "./spatial-grid.js";

/** Side of a grid cell (px): about two chips wide. */
const CELL = 64;

/** Clear space (px) kept between a leader line and any chip or disc it passes. */
export const LEADER_CLEARANCE = 1;

function segmentBox(s: Segment): [number, number, number, number] {
  return [Math.min(s.x1, s.x2), Math.min(s.y1, s.y2), Math.max(s.x1, s.x2), Math.max(s.y1, s.y2)];
}

/** The discs, placed chips, their leader lines and the lines to avoid, for the clearance checks of placeLabels. */
export class LabelBoard {
  private readonly chips = new SpatialGrid<Rect>(CELL);
  private readonly discs = new SpatialGrid<Disc>(CELL);
  private readonly leaders = new SpatialGrid<Segment>(CELL);
  private readonly lines = new SpatialGrid<Segment>(CELL);
  private readonly near: unknown[] = [];
  /** The same discs, chips and leaders again, for the yes/no checks. */
  private readonly discBuckets = new Buckets<Disc>(CELL);
  private readonly chipBuckets = new Buckets<Rect>(CELL);
  private readonly leaderBuckets = new Buckets<Segment>(CELL);

  /**
   * @param discs every state's disc (px)
   * @param lines lines to keep clear of where possible (px)
   * @param margin clear space (px) kept between two chips, and between a chip and another state's disc
   */
  constructor(
    discs: readonly Disc[],
    lines: readonly Segment[],
    private readonly margin: number,
  ) {
    for (const d of discs) {
      this.discs.insert(d, d.x - d.r, d.y - d.r, d.x + d.r, d.y + d.r);
      this.discBuckets.insert(d, d.x - d.r, d.y - d.r, d.x + d.r, d.y + d.r);
    }
    for (const s of lines) this.lines.insert(s, ...segmentBox(s));
  }

  private query<T>(grid: SpatialGrid<T>, x0: number, y0: number, x1: number, y1: number): T[] {
    this.near.length = 0;
    return grid.query(x0, y0, x1, y1, this.near as T[]);
  }

  /** Records a visible chip (px) and its leader line, if any. */
  add(rect: Rect, leader: Segment | null): void {
    this.chips.insert(rect, rect.x, rect.y, rect.x + rect.width, rect.y + rect.height);
    this.chipBuckets.insert(rect, rect.x, rect.y, rect.x + rect.width, rect.y + rect.height);
    if (leader) {
      this.leaders.insert(leader, ...segmentBox(leader));
      this.leaderBuckets.insert(leader, ...segmentBox(leader));
    }
  }

  /**
   * Whether a chip at `rect` keeps `margin` px from every placed chip and from
   * every disc but its own, stays off its own disc unless `inside` (a chip in
   * the middle of its disc), and covers no placed leader line.
   */
  chipIsClear(rect: Rect, own: Disc, inside: boolean): boolean {
    const m = this.margin;
    const { x, y, width: w, height: h } = rect;
    const c = LEADER_CLEARANCE;
    if (
      this.discBuckets.some(x - m, y - m, x + w + m, y + h + m, (d) =>
        d === own ? !inside && rectCircleGap(rect, d) < c : rectCircleGap(rect, d) < m,
      )
    ) {
      return false;
    }
    if (this.chipBuckets.some(x - m, y - m, x + w + m, y + h + m, (r) => rectGap(rect, r) < m)) return false;
    const grown = inflate(rect, c);
    return !this.leaderBuckets.some(x - c, y - c, x + w + c, y + h + c, (s) => clippedLength(s, grown) > 0);
  }

  /**
   * Whether a leader line from `own`'s rim passes clear of every placed chip and (unless `overDiscs`, the
   * last resort of a must-show chip) every other disc.
   */
  leaderIsClear(leader: Segment, own: Disc, overDiscs = false): boolean {
    const [x0, y0, x1, y1] = segmentBox(leader);
    const c = LEADER_CLEARANCE;
    if (!overDiscs && this.discBuckets.some(x0 - c, y0 - c, x1 + c, y1 + c, (d) => d !== own && pointSegmentDistance(d.x, d.y, leader) < d.r + c)) {
      return false;
    }
    return !this.chipBuckets.some(x0 - c, y0 - c, x1 + c, y1 + c, (r) => clippedLength(leader, inflate(r, c)) > 0);
  }

  /** Length (px) of the lines to avoid that run under the chip. */
  lineLength(rect: Rect): number {
    let sum = 0;
    for (const s of this.query(this.lines, rect.x, rect.y, rect.x + rect.width, rect.y + rect.height)) {
      sum += clippedLength(s, rect);
    }
    return sum;
  }

  /** How many placed leader lines the segment crosses. */
  leaderCrossings(leader: Segment): number {
    let n = 0;
    for (const s of this.query(this.leaders, ...segmentBox(leader))) if (segmentsCross(s, leader)) n++;
    return n;
  }

  /**
   * How badly a chip (and its leader) would cover what is there (px², for the
   * must-show chips that fit nowhere cleanly): overlap with placed chips
   * (x 100), other discs (x 10; approximated as squares), its own disc unless
   * `inside` (x 10), and placed leader lines under the chip or chips under its
   * leader (x 50 per px).
   */
  badness(rect: Rect, own: Disc, inside: boolean, leader: Segment | null): number {
    const m = this.margin;
    const grown = inflate(rect, m);
    let bad = 0;
    for (const c of this.query(this.chips, grown.x, grown.y, grown.x + grown.width, grown.y + grown.height)) {
      bad += 100 * overlap(grown, c);
    }
    for (const d of this.query(this.discs, grown.x, grown.y, grown.x + grown.width, grown.y + grown.height)) {
      if (d !== own || !inside) bad += 10 * overlapDisc(d === own ? rect : grown, d);
    }
    for (const s of this.query(this.leaders, grown.x, grown.y, grown.x + grown.width, grown.y + grown.height)) {
      bad += 50 * clippedLength(s, grown);
    }
    if (leader) {
      for (const r of this.query(this.chips, ...segmentBox(leader))) bad += 50 * clippedLength(leader, r);
    }
    return bad;
  }
}
