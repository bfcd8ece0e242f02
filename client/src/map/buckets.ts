// A bucket grid for "is anything near here in the way?" (pure: no Phaser, no
// DOM). Unlike SpatialGrid.query it allocates nothing per look-up and may
// visit an item more than once (once per cell it shares with the box), which
// a yes/no question does not mind.

/** Items bucketed by the square cells (side `size` px) that their box covers; cell indices clamped to ±32,768. */
export class Buckets<T> {
  private readonly cells = new Map<number, T[]>();
  /** @param size side of a cell, px */
  constructor(private readonly size: number) {}

  private index(v: number): number {
    return Math.max(-32768, Math.min(32767, Math.floor(v / this.size)));
  }

  /** Adds an item under every cell its box (x0, y0)-(x1, y1) (px, x0 <= x1, y0 <= y1) meets. */
  insert(item: T, x0: number, y0: number, x1: number, y1: number): void {
    for (let cx = this.index(x0); cx <= this.index(x1); cx++) {
      for (let cy = this.index(y0); cy <= this.index(y1); cy++) {
        const k = (cx + 32768) * 65536 + (cy + 32768);
        const list = this.cells.get(k);
        if (list) list.push(item);
        else this.cells.set(k, [item]);
      }
    }
  }

  /** Whether `test` holds for some item whose cells meet the box (x0, y0)-(x1, y1) (px); stops at the first. */
  some(x0: number, y0: number, x1: number, y1: number, test: (item: T) => boolean): boolean {
    const cx1 = this.index(x1);
    const cy1 = this.index(y1);
    for (let cx = this.index(x0); cx <= cx1; cx++) {
      for (let cy = this.index(y0); cy <= cy1; cy++) {
        const list = this.cells.get((cx + 32768) * 65536 + (cy + 32768));
        if (list) for (const item of list) if (test(item)) return true;
      }
    }
    return false;
  }
}
