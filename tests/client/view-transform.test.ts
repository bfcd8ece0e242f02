import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clampZoom, fitFrame, MAX_ZOOM, NO_ZOOM, panBy, pinchZoom, toFrame, toScreen, zoomAbout, zoomed } from "../../client/src/map/view-transform.js";

const area = { x: 10, y: 20, width: 340, height: 260 };

describe("the map's view transform", () => {
  it("fits the whole frame inside the area, centred on the long axis", () => {
    const t = fitFrame({ width: 1000, height: 500 }, area);
    const [x0, y0] = toScreen(t, 0, 0);
    const [x1, y1] = toScreen(t, 1000, 500);
    expect(x0).toBeCloseTo(area.x);
    expect(x1).toBeCloseTo(area.x + area.width);
    expect(y0).toBeGreaterThanOrEqual(area.y);
    expect(y1).toBeLessThanOrEqual(area.y + area.height);
    expect((y0 + y1) / 2).toBeCloseTo(area.y + area.height / 2);
  });

  it("toFrame undoes toScreen at any zoom", () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: MAX_ZOOM, noNaN: true }), fc.double({ min: 0, max: 1000, noNaN: true }), fc.double({ min: 0, max: 500, noNaN: true }), (k, x, y) => {
        const t = zoomed(fitFrame({ width: 1000, height: 500 }, area), clampZoom({ k, x: -50, y: -30 }, area));
        const [sx, sy] = toScreen(t, x, y);
        const [fx, fy] = toFrame(t, sx, sy);
        expect(fx).toBeCloseTo(x, 6);
        expect(fy).toBeCloseTo(y, 6);
      }),
    );
  });

  it("zooming about a point keeps that point still", () => {
    const base = fitFrame({ width: 1000, height: 500 }, area);
    const z = zoomAbout(NO_ZOOM, 2, 200, 150, area);
    expect(z.k).toBe(2);
    const before = toFrame(zoomed(base, NO_ZOOM), 200, 150);
    const after = toFrame(zoomed(base, z), 200, 150);
    expect(after[0]).toBeCloseTo(before[0], 9);
    expect(after[1]).toBeCloseTo(before[1], 9);
  });

  it("never zooms out past the whole map nor in past the limit, and the map always covers its area", () => {
    fc.assert(
      fc.property(fc.double({ min: -5, max: 50, noNaN: true }), fc.double({ min: -5000, max: 5000, noNaN: true }), fc.double({ min: -5000, max: 5000, noNaN: true }), (k, x, y) => {
        const z = clampZoom({ k, x, y }, area);
        expect(z.k).toBeGreaterThanOrEqual(1);
        expect(z.k).toBeLessThanOrEqual(MAX_ZOOM);
        // The zoomed area's corners (screen = k * p + pan) lie outside or on the area's corners.
        expect(area.x * z.k + z.x).toBeLessThanOrEqual(area.x + 1e-6);
        expect((area.x + area.width) * z.k + z.x).toBeGreaterThanOrEqual(area.x + area.width - 1e-6);
        expect(area.y * z.k + z.y).toBeLessThanOrEqual(area.y + 1e-6);
        expect((area.y + area.height) * z.k + z.y).toBeGreaterThanOrEqual(area.y + area.height - 1e-6);
      }),
    );
  });

  it("a drag at the whole-map zoom moves nothing; zoomed in it moves the map with the finger", () => {
    expect(panBy(NO_ZOOM, 80, -40, area)).toEqual({ k: 1, x: 0, y: 0 });
    const z = zoomAbout(NO_ZOOM, 3, 180, 150, area);
    const moved = panBy(z, 15, -12, area);
    expect(moved.x - z.x).toBeCloseTo(15);
    expect(moved.y - z.y).toBeCloseTo(-12);
  });

  it("a pinch that doubles the fingers' spread doubles the zoom and keeps the frame point under their midpoint", () => {
    const base = fitFrame({ width: 1000, height: 500 }, area);
    const a0: [number, number] = [150, 150];
    const b0: [number, number] = [210, 150];
    const z = pinchZoom(NO_ZOOM, a0, b0, [120, 150], [240, 150], area);
    expect(z.k).toBeCloseTo(2);
    const before = toFrame(zoomed(base, NO_ZOOM), 180, 150);
    const after = toFrame(zoomed(base, z), 180, 150);
    expect(after[0]).toBeCloseTo(before[0], 6);
    expect(after[1]).toBeCloseTo(before[1], 6);
  });
});
