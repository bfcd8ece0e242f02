// The pure helpers split out of the layout and the scene: plane geometry, the
// spatial grid and disc separation (no Phaser: these load fast).
import { describe, expect, it } from "vitest";
import type { Disc } from "../../client/src/map/disc-layout.js";
import {
  clamp,
  clippedLength,
  edgeGeometry,
  halves,
  overlap,
  overlapDisc,
  partial,
} from "../../client/src/map/geometry.js";
import { separate } from "../../client/src/map/separation.js";
import { SpatialGrid } from "../../client/src/map/spatial-grid.js";

describe("geometry", () => {
  it("clamps, and centres when the range is empty", () => {
    expect(clamp(5, 0, 10)).toBe(5);
    expect(clamp(-1, 0, 10)).toBe(0);
    expect(clamp(11, 0, 10)).toBe(10);
    expect(clamp(3, 10, 0)).toBe(5);
  });

  it("measures the overlap of rectangles and of a rectangle and a disc", () => {
    expect(overlap({ x: 0, y: 0, width: 10, height: 10 }, { x: 5, y: 5, width: 10, height: 10 })).toBe(25);
    expect(overlap({ x: 0, y: 0, width: 10, height: 10 }, { x: 10, y: 0, width: 10, height: 10 })).toBe(0);
    const half = 10 * 0.886;
    expect(overlapDisc({ x: -50, y: -50, width: 100, height: 100 }, { x: 0, y: 0, r: 10 })).toBeCloseTo(4 * half * half);
  });

  it("clips a segment to a rectangle", () => {
    const r = { x: 5, y: 0, width: 10, height: 10 };
    expect(clippedLength({ x1: 0, y1: 5, x2: 20, y2: 5 }, r)).toBeCloseTo(10);
    expect(clippedLength({ x1: 0, y1: 20, x2: 20, y2: 20 }, r)).toBe(0);
    expect(clippedLength({ x1: 5, y1: 0, x2: 15, y2: 10 }, r)).toBeCloseTo(Math.hypot(10, 10));
  });

  it("cuts segments: the first part, and both halves towards the middle", () => {
    const s = { x1: 0, y1: 0, x2: 10, y2: 20 };
    expect(partial(s, 0.25)).toEqual({ x1: 0, y1: 0, x2: 2.5, y2: 5 });
    expect(halves(s)).toEqual([
      { x1: 0, y1: 0, x2: 5, y2: 10 },
      { x1: 10, y1: 20, x2: 5, y2: 10 },
    ]);
  });

  it("runs an edge from rim to rim, on a side fixed by the pair", () => {
    const a = { id: "A", x: 0, y: 0, r: 10 };
    const b = { id: "B", x: 100, y: 0, r: 20 };
    // 2 px off a's rim, endGap px before b's.
    expect(edgeGeometry(a, b, 0, 3)).toEqual({ x1: 12, y1: 0, x2: 77, y2: 0 });
    const ab = edgeGeometry(a, b, 8, 1)!;
    const ba = edgeGeometry(b, a, 8, 1)!;
    expect(ab.y1).toBeCloseTo(8);
    expect(ba.y1).toBeCloseTo(8);
    expect(edgeGeometry(a, { ...b, x: 30 }, 0, 3)).toBeNull(); // too close for a line
    expect(edgeGeometry(a, { ...a, id: "B" }, 0, 3)).toBeNull(); // one place
  });
});

describe("SpatialGrid", () => {
  it("finds the items whose cells meet a box, each once", () => {
    const grid = new SpatialGrid<string>(10);
    grid.insert("wide", 0, 0, 35, 5);
    grid.insert("far", 500, 500, 505, 505);
    grid.insert("negative", -25, -25, -21, -21);
    expect(grid.query(0, 0, 40, 9, [])).toEqual(["wide"]);
    expect(grid.query(-30, -30, -20, -20, [])).toEqual(["negative"]);
    const out = ["kept"];
    expect(grid.query(499, 499, 501, 501, out)).toBe(out);
    expect(out).toEqual(["kept", "far"]);
    grid.clear();
    expect(grid.query(-1000, -1000, 1000, 1000, [])).toEqual([]);
  });
});

describe("separate", () => {
  const discs = (): Disc[] => [
    { id: "A", x: 100, y: 100, r: 20, px: 100, py: 100 },
    { id: "B", x: 100, y: 100, r: 10, px: 100, py: 100 },
    { id: "C", x: 5, y: 100, r: 10, px: 5, py: 100 },
  ];
  const area = { x: 0, y: 0, width: 300, height: 200 };

  it("pushes discs apart, keeps them in the area, and is deterministic", () => {
    const ds = discs();
    separate(ds, area, 4);
    const [a, b, c] = ds as [Disc, Disc, Disc];
    expect(Math.hypot(a.x - b.x, a.y - b.y)).toBeGreaterThanOrEqual(a.r + b.r + 4 - 0.5);
    expect(c.x).toBeGreaterThanOrEqual(area.x + c.r); // was half outside
    expect(ds.map((d) => [d.px, d.py])).toEqual(discs().map((d) => [d.px, d.py])); // projected positions untouched
    const again = discs();
    separate(again, area, 4);
    expect(again).toEqual(ds);
  });
});
