import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { dotsInside, hatch, pointInRings } from "../../client/src/map/polygons.js";
import { ringArea, ringContains as pointInRing } from "../../shared/map/rings.js";

const square = [0, 0, 100, 0, 100, 100, 0, 100];
/** An L shape: the square less its top-right quarter. */
const ell = [0, 0, 50, 0, 50, 50, 100, 50, 100, 100, 0, 100];

describe("territory polygons", () => {
  it("tells inside from outside, concave shapes included", () => {
    expect(pointInRing(square, 50, 50)).toBe(true);
    expect(pointInRing(square, 150, 50)).toBe(false);
    expect(pointInRing(ell, 75, 25)).toBe(false);
    expect(pointInRing(ell, 25, 25)).toBe(true);
    expect(pointInRings([square.map((v) => v + 200), ell], 75, 75)).toBe(true);
  });

  it("measures areas with the shoelace formula", () => {
    expect(ringArea(square)).toBe(10000);
    expect(ringArea(ell)).toBe(7500);
    expect(Math.abs(ringArea([...square].reverse()))).toBe(10000);
  });

  it("hatches only inside the shape, at the spacing asked", () => {
    const segments = hatch([ell], Math.PI / 4, 7);
    expect(segments.length).toBeGreaterThan(10);
    let inkLength = 0;
    for (const s of segments) {
      // Every point along a hatch line is inside (checked a little within its ends).
      for (const t of [0.02, 0.25, 0.5, 0.75, 0.98]) {
        expect(pointInRing(ell, s.x1 + (s.x2 - s.x1) * t, s.y1 + (s.y2 - s.y1) * t)).toBe(true);
      }
      inkLength += Math.hypot(s.x2 - s.x1, s.y2 - s.y1);
    }
    // Lines `spacing` apart cover about area / spacing of length.
    expect(inkLength).toBeGreaterThan((7500 / 7) * 0.85);
    expect(inkLength).toBeLessThan((7500 / 7) * 1.15);
  });

  it("hatch segments stay inside any triangle, at any angle", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 200 }), { minLength: 6, maxLength: 6 }),
        fc.double({ min: -Math.PI, max: Math.PI, noNaN: true }),
        (pts, angle) => {
          const ring = pts;
          if (ringArea(ring) < 50) return;
          for (const s of hatch([ring], angle, 5)) {
            expect(pointInRing(ring, (s.x1 + s.x2) / 2, (s.y1 + s.y2) / 2)).toBe(true);
          }
        },
      ),
    );
  });

  it("puts dots inside only", () => {
    const dots = dotsInside([ell], 10);
    expect(dots.length).toBeGreaterThan(50);
    for (const [x, y] of dots) expect(pointInRing(ell, x, y)).toBe(true);
  });
});
