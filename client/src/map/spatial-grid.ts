// A bucket grid for "what is near here" on big maps (pure: no Phaser, no DOM).

/**
 * Buckets of items by the square grid cells (side `size` px) that their box
 * covers. Cell indices are clamped to ±32,768, far beyond any screen.
 */
export class SpatialGrid<T> {
  private readonly cells = new Map<number, T[]>();
  /** @param size side of a cell, px */
  constructor(private readonly size: number) {}

  /** Removes every item. */
  clear(): void {
    this.cells.clear();
  }

  private key(cx: number, cy: number): number {
    return (cx + 32768) * 65536 + (cy + 32768);
  }

  private range(v: number): number {
    return Math.max(-32768, Math.min(32767, Math.floor(v / this.size)));
  }

  /** Adds an item under every cell its box (x0, y0)-(x1, y1) (px, x0 <= x1, y0 <= y1) meets. */
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

  /** Items whose cells meet the box (x0, y0)-(x1, y1) (px), each once, appended to `out` (returned). */
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
