// The pure geometry of the map: projection, disc sizes, overlaps, labels.
import { describe, expect, it } from "vitest";
import {
  clippedLength,
  fitProjection,
  layoutDiscs,
  mapArea,
  overlap,
  placeLabels,
  project,
  radiiForShares,
  radiusBounds,
  type Disc,
  type DiscLayout,
  type LabelBox,
  type Rect,
} from "../../client/src/map/layout.js";
import { BUILTIN_IDS } from "../../shared/scenario/builtin/index.js";
import { crowdedStates, scenarioStates, SIZES } from "./fixtures.js";

const toLayout = (states: ReturnType<typeof scenarioStates>) =>
  states.map((s) => ({ id: s.id, x: s.x, y: s.y, share: s.powerShare }));

function inside(d: Disc, area: Rect, slack = 0.01): boolean {
  return (
    d.x - d.r >= area.x - slack &&
    d.x + d.r <= area.x + area.width + slack &&
    d.y - d.r >= area.y - slack &&
    d.y + d.r <= area.y + area.height + slack
  );
}

function overlaps(layout: DiscLayout): number {
  let worst = 0;
  const ds = layout.discs;
  for (let i = 0; i < ds.length; i++) {
    for (let j = i + 1; j < ds.length; j++) {
      const a = ds[i] as Disc;
      const b = ds[j] as Disc;
      worst = Math.max(worst, a.r + b.r - Math.hypot(a.x - b.x, a.y - b.y));
    }
  }
  return worst;
}

describe("projection", () => {
  it("keeps the aspect ratio and puts north up", () => {
    const area = { x: 10, y: 20, width: 800, height: 600 };
    const p = fitProjection(
      [
        { x: 0, y: 0 },
        { x: 2000, y: 0 },
        { x: 0, y: 1000 },
      ],
      area,
    );
    const [ax, ay] = project(p, 0, 0);
    const [bx, by] = project(p, 2000, 0);
    const [cx, cy] = project(p, 0, 1000);
    expect(by).toBeCloseTo(ay);
    expect(cx).toBeCloseTo(ax);
    expect(cy).toBeLessThan(ay); // north is up
    expect((bx - ax) / (ay - cy)).toBeCloseTo(2, 6); // 2000 km east : 1000 km north
    // The limiting axis (x: 2000 km into 800 px) is filled, the other centred.
    expect(bx - ax).toBeCloseTo(800, 3);
    expect((ay + cy) / 2).toBeCloseTo(area.y + area.height / 2, 3);
  });

  it("fits points grown by their radii", () => {
    const area = { x: 0, y: 0, width: 500, height: 500 };
    const pts = [
      { x: -100, y: 0, r: 50 },
      { x: 100, y: 0, r: 10 },
    ];
    const p = fitProjection(pts, area);
    const [lx] = project(p, -100, 0);
    const [rx] = project(p, 100, 0);
    expect(lx - 50).toBeCloseTo(0, 3);
    expect(rx + 10).toBeCloseTo(500, 3);
  });

  it("copes with a single point and identical points", () => {
    const area = { x: 0, y: 0, width: 300, height: 200 };
    for (const pts of [[{ x: 5, y: 5 }], [{ x: 1, y: 1 }, { x: 1, y: 1 }], []]) {
      const p = fitProjection(pts, area);
      expect(Number.isFinite(p.scale)).toBe(true);
      if (pts.length) {
        const [x, y] = project(p, 1 * (pts[0]?.x ?? 0), pts[0]?.y ?? 0);
        expect(x).toBeCloseTo(150);
        expect(y).toBeCloseTo(100);
      }
    }
  });
});

describe("disc radii", () => {
  const area = mapArea(SIZES.desktop);
  const bounds = radiusBounds(area);

  it("grow with the power share, with area proportional to share between the bounds", () => {
    const shares = [0.005, 0.02, 0.05, 0.1, 0.2, 0.4];
    const r = radiiForShares(shares, area, bounds);
    for (let i = 1; i < r.length; i++) expect(r[i] as number).toBeGreaterThanOrEqual(r[i - 1] as number);
    // 0.05 and 0.1 are both unclamped here: area ratio = share ratio.
    expect(((r[3] as number) / (r[2] as number)) ** 2).toBeCloseTo(2, 6);
    expect(Math.min(...r)).toBeGreaterThanOrEqual(bounds.min);
    expect(Math.max(...r)).toBeLessThanOrEqual(bounds.max);
  });

  it("have a readable minimum, larger on the projector, and scale with the screen", () => {
    expect(radiiForShares([0], area, bounds)[0]).toBe(bounds.min);
    expect(radiusBounds(mapArea(SIZES.projector, { large: true }), true).min).toBeGreaterThan(bounds.min);
    const small = radiiForShares([0.1], mapArea(SIZES.phone), radiusBounds(mapArea(SIZES.phone)))[0] as number;
    const big = radiiForShares([0.1], mapArea(SIZES.projector), radiusBounds(mapArea(SIZES.projector)))[0] as number;
    expect(big).toBeGreaterThan(small);
  });

  it("ignore bad shares", () => {
    const r = radiiForShares([Number.NaN, -1, Infinity], area, bounds);
    for (const x of r) {
      expect(Number.isFinite(x)).toBe(true);
      expect(x).toBeGreaterThanOrEqual(bounds.min);
      expect(x).toBeLessThanOrEqual(bounds.max);
    }
  });
});

describe("layoutDiscs", () => {
  const cases = [
    ...BUILTIN_IDS.map((id) => ({ name: id, states: toLayout(scenarioStates(id)) })),
    { name: "3 states", states: toLayout(scenarioStates("rival-shores").slice(0, 3)) },
    { name: "400 states", states: toLayout(crowdedStates(400)) },
  ];

  for (const { name, states } of cases) {
    for (const [sizeName, size] of Object.entries(SIZES)) {
      it(`${name} at ${sizeName} size: every state inside the area`, () => {
        const large = sizeName === "projector";
        const layout = layoutDiscs(states, size, { large });
        expect(layout.discs).toHaveLength(states.length);
        for (const d of layout.discs) {
          expect(inside(d, layout.area), `${d.id} at ${d.x},${d.y} r ${d.r}`).toBe(true);
          expect(d.r).toBeGreaterThanOrEqual(layout.minRadius - 1e-9);
          expect(d.r).toBeLessThanOrEqual(layout.maxRadius + 1e-9);
        }
      });
    }
  }

  it("gives a bigger disc to a bigger share (Rival Shores)", () => {
    const states = scenarioStates("rival-shores");
    const layout = layoutDiscs(toLayout(states), SIZES.desktop);
    const r = new Map(layout.discs.map((d) => [d.id, d.r]));
    const byShare = [...states].sort((a, b) => a.powerShare - b.powerShare);
    for (let i = 1; i < byShare.length; i++) {
      expect(r.get(byShare[i]!.id)).toBeGreaterThanOrEqual(r.get(byShare[i - 1]!.id)!);
    }
    expect(r.get("ATL")).toBeGreaterThan(r.get("WES")!);
  });

  it("keeps the geography: west stays west, north stays north (Rival Shores)", () => {
    const layout = layoutDiscs(toLayout(scenarioStates("rival-shores")), SIZES.desktop);
    const at = new Map(layout.discs.map((d) => [d.id, d]));
    expect(at.get("ATL")!.x).toBeLessThan(at.get("BOR")!.x); // -4200 km vs 600 km
    expect(at.get("FJO")!.y).toBeLessThan(at.get("GAL")!.y); // 1600 km north vs -400 km
    expect(at.get("WES")!.x).toBeLessThan(at.get("GAL")!.x);
  });

  it("resolves overlaps on the built-in scenarios", () => {
    for (const id of BUILTIN_IDS) {
      for (const size of Object.values(SIZES)) {
        const layout = layoutDiscs(toLayout(scenarioStates(id)), size);
        expect(overlaps(layout), `${id} ${size.width}x${size.height}`).toBeLessThan(1);
      }
    }
  });

  it("is deterministic, and handles states in one place", () => {
    const states = toLayout(crowdedStates(60));
    expect(layoutDiscs(states, SIZES.phone)).toEqual(layoutDiscs(states, SIZES.phone));
    const stacked = [
      { id: "A", x: 100, y: 100, share: 0.5 },
      { id: "B", x: 100, y: 100, share: 0.3 },
      { id: "C", x: 100, y: 100, share: 0.2 },
    ];
    const layout = layoutDiscs(stacked, SIZES.desktop);
    expect(overlaps(layout)).toBeLessThan(1);
    for (const d of layout.discs) expect(inside(d, layout.area)).toBe(true);
  });

  it("keeps the reserved strips free", () => {
    const layout = layoutDiscs(toLayout(scenarioStates("europe-1914")), SIZES.desktop, { reserveBottom: 60 });
    for (const d of layout.discs) expect(d.y + d.r).toBeLessThanOrEqual(SIZES.desktop.height - 60);
  });
});

describe("placeLabels", () => {
  const boxesFor = (ids: string[], withNames: boolean): LabelBox[] =>
    ids.map((id) => ({
      id,
      full: withNames ? { width: 90, height: 34 } : null,
      compact: { width: 8 * id.length + 8, height: 20 },
    }));

  it("keeps every label on screen and apart on a roomy map", () => {
    const states = scenarioStates("rival-shores");
    for (const [name, size] of Object.entries(SIZES)) {
      const layout = layoutDiscs(toLayout(states), size);
      const bounds = { x: 0, y: 0, width: size.width, height: size.height };
      const placed = placeLabels(layout.discs, boxesFor(states.map((s) => s.id), name !== "phone"), bounds, {
        mustShow: ["BOR"],
      });
      expect(placed.size).toBe(states.length);
      const shown = [...placed.values()].filter((p) => !p.hidden);
      expect(shown).toHaveLength(states.length); // few states: all labels shown
      for (const p of shown) {
        expect(p.x).toBeGreaterThanOrEqual(0);
        expect(p.y).toBeGreaterThanOrEqual(0);
        expect(p.x + p.width).toBeLessThanOrEqual(size.width + 1e-9);
        expect(p.y + p.height).toBeLessThanOrEqual(size.height + 1e-9);
      }
      if (name !== "phone") {
        for (let i = 0; i < shown.length; i++) {
          for (let j = i + 1; j < shown.length; j++) {
            expect(overlap(shown[i]!, shown[j]!), `${name}: ${shown[i]!.id} / ${shown[j]!.id}`).toBe(0);
          }
        }
      }
    }
  });

  it("uses the compact label where a name does not fit, and hides crowded labels on big maps but never the must-show ones", () => {
    const states = crowdedStates(400);
    const layout = layoutDiscs(toLayout(states), SIZES.phone);
    const bounds = { x: 0, y: 0, ...SIZES.phone };
    const placed = placeLabels(layout.discs, boxesFor(states.map((s) => s.id), true), bounds, {
      mustShow: ["S005", "S009"],
    });
    const all = [...placed.values()];
    expect(all.some((p) => p.hidden)).toBe(true);
    expect(all.some((p) => p.compact)).toBe(true);
    expect(placed.get("S005")!.hidden).toBe(false);
    expect(placed.get("S009")!.hidden).toBe(false);
    for (const p of all) {
      expect(p.x).toBeGreaterThanOrEqual(0);
      expect(p.y + p.height).toBeLessThanOrEqual(SIZES.phone.height + 1e-9);
    }
  });

  it("puts a small label inside a big disc", () => {
    const disc = { id: "A", x: 100, y: 100, r: 60, px: 100, py: 100 };
    const placed = placeLabels([disc], boxesFor(["A"], false), { x: 0, y: 0, width: 400, height: 400 });
    expect(placed.get("A")!.anchor).toBe("center");
  });

  it("shifts a label at the edge back on screen", () => {
    const disc = { id: "EDGE", x: 395, y: 395, r: 10, px: 395, py: 395 };
    const p = placeLabels([disc], boxesFor(["EDGE"], true), { x: 0, y: 0, width: 400, height: 400 }).get("EDGE")!;
    expect(p.x + p.width).toBeLessThanOrEqual(400);
    expect(p.y + p.height).toBeLessThanOrEqual(400);
  });

  it("keeps labels off the given lines where it can", () => {
    const disc = { id: "A", x: 200, y: 200, r: 10, px: 200, py: 200 };
    const box = boxesFor(["A"], false);
    const bounds = { x: 0, y: 0, width: 400, height: 400 };
    expect(placeLabels([disc], box, bounds).get("A")!.anchor).toBe("below");
    // A vertical line through the disc: below and above are covered, so the chip goes to the side.
    const segments = [{ x1: 200, y1: 0, x2: 200, y2: 400 }];
    const p = placeLabels([disc], box, bounds, { segments }).get("A")!;
    expect(["right", "left"]).toContain(p.anchor);
    expect(clippedLength(segments[0]!, p)).toBe(0);
  });
});

describe("clippedLength", () => {
  const r = { x: 0, y: 0, width: 10, height: 10 };
  it("measures the part of a segment inside a rectangle", () => {
    expect(clippedLength({ x1: -5, y1: 5, x2: 15, y2: 5 }, r)).toBeCloseTo(10);
    expect(clippedLength({ x1: 2, y1: 2, x2: 4, y2: 2 }, r)).toBeCloseTo(2);
    expect(clippedLength({ x1: -5, y1: -5, x2: 15, y2: 15 }, r)).toBeCloseTo(Math.SQRT2 * 10);
    expect(clippedLength({ x1: 20, y1: 0, x2: 20, y2: 10 }, r)).toBe(0);
    expect(clippedLength({ x1: -5, y1: 20, x2: 15, y2: 20 }, r)).toBe(0);
  });
});
