// Label placement (client/src/map/labels.ts): no two visible chips overlap, no
// chip covers another state's disc or leaves the bounds, leader lines run from
// the rim to the chip and cross no other chip, must-show chips are always
// visible. On the built-in scenarios, generated worlds and random discs.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clippedLength, placeLabels, type Disc, type LabelBox, type LabelPlacement, type Rect, type Segment, type Size } from "../../client/src/map/layout.js";
import { drawLeaders } from "../../client/src/map/chips.js";
import { THEMES } from "../../client/src/map/palette.js";
import { pointRectDistance, rectCircleGap, rectGap } from "../../client/src/map/label-geometry.js";
import { layoutOnMap } from "../../client/src/map/geo-layout.js";
import { NO_ZOOM } from "../../client/src/map/view-transform.js";
import { worldFor } from "../../server/maps/world.js";
import { buildMapGeometry } from "../../shared/map/build.js";
import type { MapGeometry } from "../../shared/map/types.js";
import { BUILTIN_IDS, builtinScenario } from "../../shared/scenario/builtin/index.js";
import { generateScenario } from "../../shared/scenario/generate.js";
import type { Scenario } from "../../shared/scenario/schema.js";

/** The map sizes tried (px): the phone's map area, a tall phone, the projector. */
const SIZES = {
  "phone map area": { width: 360, height: 300 },
  "tall phone": { width: 360, height: 740 },
  projector: { width: 1920, height: 1080 },
} as const;
type SizeName = keyof typeof SIZES;

const MARGIN = 2;
const EPS = 1e-6;

/** Map geometries built once per scenario (a historical one takes a few hundred ms). */
const geometries = new Map<string, MapGeometry>();

/**
 * The discs (px) of a scenario's states on a map of this size, as the scene
 * lays them out: on its map geometry (shared/map/build.ts), markers at the
 * capitals, whole-map zoom (geo-layout.ts). Generated worlds get a generated map.
 */
function discsFor(scenario: Scenario, size: SizeName): Disc[] {
  let geometry = geometries.get(scenario.id);
  if (!geometry) {
    geometry = buildMapGeometry(scenario, worldFor(scenario));
    geometries.set(scenario.id, geometry);
  }
  const total = scenario.states.reduce((t, s) => t + s.military + s.economy, 0);
  const states = scenario.states.map((s) => ({ id: s.id, share: (s.military + s.economy) / total }));
  return layoutOnMap(states, geometry, SIZES[size], NO_ZOOM, { large: size === "projector" }).discs;
}

/**
 * Chip sizes estimated from the text (chips.ts measures the real ones): on a
 * phone 7.5 px per character plus 8 px padding, ids only (names need 560 px);
 * on the projector 13 px per character of the id and 11 of the name, plus
 * 12 px. The own state's chip reads "YOU · id".
 */
function boxesFor(scenario: Scenario, size: SizeName, own: string | null): LabelBox[] {
  const large = size === "projector";
  return scenario.states.map((s) => {
    const id = s.id === own ? `YOU · ${s.id}` : s.id;
    const compact = large ? { width: 13 * id.length + 12, height: 33 } : { width: 7.5 * id.length + 8, height: 20 };
    const full = large ? { width: Math.max(13 * id.length, 11 * s.name.length) + 12, height: 55 } : null;
    return { id: s.id, full, compact };
  });
}

/** The bounds chips.ts gives: the surface less 2 px on each side. */
function boundsFor(size: Size): Rect {
  return { x: 2, y: 2, width: size.width - 4, height: size.height - 4 };
}

function allianceSegments(scenario: Scenario, discs: readonly Disc[]): Segment[] {
  const at = new Map(discs.map((d) => [d.id, d]));
  return (scenario.alliances ?? []).flatMap(([a, b]) => {
    const p = at.get(a);
    const q = at.get(b);
    return p && q ? [{ x1: p.x, y1: p.y, x2: q.x, y2: q.y }] : [];
  });
}

/**
 * Every guarantee of placeLabels, as a list of the breaches found (empty when
 * all hold). Chips of must-show states are exempt from the clearance checks
 * between themselves and from other discs when `strictMust` is false (a
 * must-show chip that fits nowhere takes the least-bad spot).
 */
function breaches(
  discs: readonly Disc[],
  placed: ReadonlyMap<string, LabelPlacement>,
  bounds: Rect,
  must: readonly string[],
  strictMust = true,
): string[] {
  const out: string[] = [];
  const at = new Map(discs.map((d) => [d.id, d]));
  const shown = [...placed.values()].filter((p) => !p.hidden);
  const exempt = (p: LabelPlacement) => !strictMust && must.includes(p.id);
  for (const id of must) if (placed.get(id)?.hidden !== false) out.push(`${id} must show but is hidden`);
  for (const p of shown) {
    const e = EPS;
    if (p.x < bounds.x - e || p.y < bounds.y - e || p.x + p.width > bounds.x + bounds.width + e || p.y + p.height > bounds.y + bounds.height + e) {
      out.push(`${p.id} outside the bounds`);
    }
    if (!exempt(p)) {
      for (const d of discs) {
        if (d.id !== p.id && rectCircleGap(p, d) < MARGIN - e) out.push(`${p.id} over the disc of ${d.id}`);
      }
    }
    const own = at.get(p.id)!;
    if (p.anchor !== "center" && !exempt(p) && rectCircleGap(p, own) < -e) out.push(`${p.id} over its own disc`);
    if (p.leader) out.push(...leaderBreaches(p, own, shown));
  }
  for (let i = 0; i < shown.length; i++) {
    for (let j = i + 1; j < shown.length; j++) {
      const a = shown[i]!;
      const b = shown[j]!;
      if (exempt(a) && exempt(b)) continue;
      if (rectGap(a, b) < MARGIN - EPS) out.push(`${a.id} and ${b.id} overlap`);
    }
  }
  return out;
}

/** Breaches of a leader line: it starts on the disc's rim (within 1 px), ends on the chip's edge, crosses no other chip. */
function leaderBreaches(p: LabelPlacement, own: Disc, shown: readonly LabelPlacement[]): string[] {
  const out: string[] = [];
  const l = p.leader!;
  if (Math.abs(Math.hypot(l.x1 - own.x, l.y1 - own.y) - own.r) > 1) out.push(`${p.id}'s leader starts off the rim`);
  const onEdge =
    pointRectDistance(l.x2, l.y2, p) < EPS &&
    Math.min(Math.abs(l.x2 - p.x), Math.abs(l.x2 - p.x - p.width), Math.abs(l.y2 - p.y), Math.abs(l.y2 - p.y - p.height)) < EPS;
  if (!onEdge) out.push(`${p.id}'s leader does not end on its chip's edge`);
  for (const q of shown) if (q.id !== p.id && clippedLength(l, q) > 0) out.push(`${p.id}'s leader crosses ${q.id}`);
  return out;
}

const shownCount = (placed: ReadonlyMap<string, LabelPlacement>) => [...placed.values()].filter((p) => !p.hidden).length;

describe("placeLabels on the built-in scenarios", () => {
  for (const id of BUILTIN_IDS) {
    const scenario = builtinScenario(id)!;
    for (const size of Object.keys(SIZES) as SizeName[]) {
      it(`${id}, ${size}: clean for every choice of own state, which is always shown`, () => {
        const discs = discsFor(scenario, size);
        const bounds = boundsFor(SIZES[size]);
        const segments = allianceSegments(scenario, discs);
        for (const own of scenario.states.map((s) => s.id)) {
          const placed = placeLabels(discs, boxesFor(scenario, size, own), bounds, { mustShow: [own], segments, margin: MARGIN });
          expect(placed.size).toBe(scenario.states.length);
          expect(breaches(discs, placed, bounds, [own]), `own ${own}`).toEqual([]);
        }
      });
    }
  }

  it("keeps the own and the selected state both shown and clean (every pair, tall phone and projector)", () => {
    for (const id of BUILTIN_IDS) {
      const scenario = builtinScenario(id)!;
      for (const size of ["tall phone", "projector"] as const) {
        const discs = discsFor(scenario, size);
        const bounds = boundsFor(SIZES[size]);
        for (const own of scenario.states) {
          for (const selected of scenario.states) {
            if (selected === own) continue;
            const must = [own.id, selected.id];
            const placed = placeLabels(discs, boxesFor(scenario, size, own.id), bounds, { mustShow: must });
            expect(breaches(discs, placed, bounds, must), `${id} ${size} ${must.join("+")}`).toEqual([]);
          }
        }
      }
    }
  });
});

describe("placeLabels on generated worlds", () => {
  for (const count of [50, 200, 400]) {
    const scenario = generateScenario(count, 11);
    for (const size of Object.keys(SIZES) as SizeName[]) {
      it(`${count} states, ${size}: clean, own and selected states shown`, () => {
        const discs = discsFor(scenario, size);
        const bounds = boundsFor(SIZES[size]);
        const must = [scenario.states[3]!.id, scenario.states[count - 1]!.id];
        const placed = placeLabels(discs, boxesFor(scenario, size, must[0]!), bounds, {
          mustShow: must,
          segments: allianceSegments(scenario, discs),
        });
        // Must-show chips on a map this crowded may have to take the least-bad spot.
        expect(breaches(discs, placed, bounds, must, false)).toEqual([]);
        expect(shownCount(placed)).toBeGreaterThanOrEqual(must.length);
      });
    }
  }
});

describe("placeLabels on random discs (property)", () => {
  const world = fc
    .record({
      width: fc.integer({ min: 150, max: 900 }),
      height: fc.integer({ min: 150, max: 700 }),
      discs: fc.array(
        fc.record({
          fx: fc.double({ min: 0, max: 1, noNaN: true }),
          fy: fc.double({ min: 0, max: 1, noNaN: true }),
          r: fc.double({ min: 3, max: 45, noNaN: true }),
          cw: fc.integer({ min: 12, max: 90 }),
          ch: fc.integer({ min: 10, max: 30 }),
          named: fc.boolean(),
        }),
        { minLength: 1, maxLength: 60 },
      ),
      mustCount: fc.integer({ min: 0, max: 2 }),
      leaders: fc.boolean(),
    })
    .map(({ width, height, discs, mustCount, leaders }) => {
      const bounds = { x: 0, y: 0, width, height };
      const ds: Disc[] = discs.map((d, i) => {
        const x = d.fx * width;
        const y = d.fy * height;
        return { id: `D${i}`, x, y, r: d.r, px: x, py: y };
      });
      const boxes: LabelBox[] = discs.map((d, i) => ({
        id: `D${i}`,
        compact: { width: d.cw, height: d.ch },
        full: d.named ? { width: d.cw + 40, height: d.ch * 2 } : null,
      }));
      return { bounds, discs: ds, boxes, must: ds.slice(0, mustCount).map((d) => d.id), leaders };
    });

  it("never lets a visible chip cover another, a foreign disc or the edge, and always shows the must-show ones", () => {
    fc.assert(
      fc.property(world, ({ bounds, discs, boxes, must, leaders }) => {
        const placed = placeLabels(discs, boxes, bounds, { mustShow: must, leaders });
        expect(breaches(discs, placed, bounds, must, false)).toEqual([]);
        if (!leaders) expect([...placed.values()].every((p) => p.leader === null)).toBe(true);
      }),
      { numRuns: 300, seed: 20261130 },
    );
  });
});

describe("placeLabels: forms and leader lines", () => {
  const bounds = { x: 0, y: 0, width: 400, height: 400 };
  const box = (id: string, named = false): LabelBox => ({
    id,
    full: named ? { width: 80, height: 30 } : null,
    compact: { width: 30, height: 16 },
  });
  const disc = (id: string, x: number, y: number, r: number): Disc => ({ id, x, y, r, px: x, py: y });

  it("sets a chip apart with a leader line when its disc is hemmed in by others", () => {
    // A small disc in a tight ring of seven big ones, open to the right: no chip fits
    // beside it, but a leader line can leave through the opening.
    const centre = disc("C", 200, 200, 8);
    const ring = Array.from({ length: 7 }, (_, k) => {
      const a = ((k + 1) * Math.PI) / 4;
      return disc(`R${k}`, 200 + 34 * Math.cos(a), 200 + 34 * Math.sin(a), 22);
    });
    const discs = [centre, ...ring];
    const placed = placeLabels(discs, discs.map((d) => box(d.id)), bounds, { mustShow: ["C"] });
    const c = placed.get("C")!;
    expect(c.hidden).toBe(false);
    expect(c.anchor).toBe("displaced");
    expect(c.leader).not.toBeNull();
    expect(c.x).toBeGreaterThan(200); // out through the opening
    expect(breaches(discs, placed, bounds, ["C"])).toEqual([]);
  });

  it("prefers the full chip, then the compact one, before a leader line", () => {
    const a = disc("A", 200, 200, 10);
    expect(placeLabels([a], [box("A", true)], bounds).get("A")).toMatchObject({ compact: false, leader: null });
    // A neighbour right below leaves room for the compact chip only (above, 30 px wide, but not 80).
    const walls = [disc("W1", 155, 170, 20), disc("W2", 245, 170, 20), disc("B", 200, 240, 20)];
    const placed = placeLabels([a, ...walls], [box("A", true), ...walls.map((d) => box(d.id))], bounds, { mustShow: ["A"] });
    expect(placed.get("A")).toMatchObject({ compact: true, leader: null, hidden: false });
  });

  it("hides a low-priority chip that fits nowhere rather than overlapping, and never a must-show one", () => {
    // Two discs in a low strip: each one's 70 px chip fits only below it, and the two spots overlap.
    const strip = { x: 0, y: 0, width: 120, height: 60 };
    const discs = [disc("BIG", 30, 20, 10), disc("SML", 90, 20, 8)];
    const boxes = discs.map((d) => ({ id: d.id, full: null, compact: { width: 70, height: 16 } }));
    const free = placeLabels(discs, boxes, strip);
    const forced = placeLabels(discs, boxes, strip, { mustShow: ["SML"] });
    expect(free.get("BIG")!.hidden).toBe(false); // the bigger state first
    expect(free.get("SML")!.hidden).toBe(true);
    expect(forced.get("SML")!.hidden).toBe(false); // must-show first: the bigger one gives way
    expect(forced.get("BIG")!.hidden).toBe(true);
    for (const placed of [free, forced]) expect(breaches(discs, placed, strip, [])).toEqual([]);
  });
});

describe("drawLeaders", () => {
  it("draws each visible chip's leader, from its rim end to its chip end, over a halo, with a dot on the rim, after clearing", () => {
    const calls: [string, ...number[]][] = [];
    const g = {
      clear: () => calls.push(["clear"]),
      lineStyle: (w: number) => calls.push(["lineStyle", w]),
      lineBetween: (...xy: number[]) => calls.push(["lineBetween", ...xy]),
      fillStyle: () => calls.push(["fillStyle"]),
      fillCircle: (...xyr: number[]) => calls.push(["fillCircle", ...xyr]),
    } as unknown as Parameters<typeof drawLeaders>[0];
    const base = { x: 0, y: 0, width: 10, height: 10, compact: true, anchor: "displaced" as const };
    const leader = { x1: 1, y1: 2, x2: 3, y2: 4 };
    drawLeaders(
      g,
      [
        { ...base, id: "A", hidden: false, leader },
        { ...base, id: "B", hidden: true, leader: { x1: 5, y1: 6, x2: 7, y2: 8 } },
        { ...base, id: "C", hidden: false, leader: null, anchor: "below" },
        null,
      ],
      THEMES.light,
      1.5,
    );
    expect(calls[0]).toEqual(["clear"]);
    // The line twice (a halo under it, then the line itself, scaled by the unit), and a dot on the rim.
    expect(calls.filter((c) => c[0] === "lineBetween")).toEqual([
      ["lineBetween", 1, 2, 3, 4],
      ["lineBetween", 1, 2, 3, 4],
    ]);
    const widths = calls.filter((c) => c[0] === "lineStyle").map((c) => c[1]!);
    expect(widths[1]).toBeCloseTo(1.5 * 1.5);
    expect(widths[0]).toBeGreaterThan(widths[1]!);
    expect(calls.filter((c) => c[0] === "fillCircle").map((c) => c.slice(1, 3))).toEqual([[1, 2]]);
  });
});
