// Checks shared by the map tests: what every MapGeometry must satisfy,
// whatever the scenario (integers in the frame, a territory per state,
// markers at home, no two territories on top of each other).
import { expect } from "vitest";
import { distanceToRing, labelPoint, ringArea, ringContains } from "../../shared/map/rings.js";
import type { MapGeometry, Ring } from "../../shared/map/types.js";
import type { Scenario } from "../../shared/scenario/schema.js";

export const inTerritory = (rings: Ring[], x: number, y: number) => rings.some((r) => ringContains(r, x, y));
export const distanceTo = (rings: Ring[], x: number, y: number) => Math.min(...rings.map((r) => distanceToRing(r, x, y)));

/** Every coordinate an integer within [0, width] x [0, height]; every ring has at least three points. */
export function expectIntegersInFrame(g: MapGeometry): void {
  expect(Number.isInteger(g.width) && Number.isInteger(g.height)).toBe(true);
  expect(Math.max(g.width, g.height)).toBe(1000);
  const rings = [...g.land, ...Object.values(g.territories).flat()];
  for (const ring of rings) {
    expect(ring.length % 2).toBe(0);
    expect(ring.length).toBeGreaterThanOrEqual(6);
    for (let i = 0; i < ring.length; i += 2) {
      const [x, y] = [ring[i]!, ring[i + 1]!];
      if (!Number.isInteger(x) || !Number.isInteger(y) || x < 0 || x > g.width || y < 0 || y > g.height) {
        expect.fail(`point (${x}, ${y}) is not an integer point of the ${g.width} x ${g.height} frame`);
      }
    }
  }
}

/** Each state a territory of positive area (biggest ring first) and a marker in the frame, at home (within `slack` units). */
export function expectStatesAtHome(g: MapGeometry, scenario: Scenario, slack: number): void {
  expect(Object.keys(g.territories).sort()).toEqual(scenario.states.map((s) => s.id).sort());
  expect(Object.keys(g.markers).sort()).toEqual(scenario.states.map((s) => s.id).sort());
  for (const state of scenario.states) {
    const rings = g.territories[state.id]!;
    expect(rings.length, state.id).toBeGreaterThan(0);
    const areas = rings.map((r) => Math.abs(ringArea(r)));
    expect(areas[0], state.id).toBeGreaterThan(0);
    expect(areas, state.id).toEqual([...areas].sort((a, b) => b - a));
    const [x, y] = g.markers[state.id]!;
    expect(Number.isInteger(x) && Number.isInteger(y), state.id).toBe(true);
    expect(x >= 0 && x <= g.width && y >= 0 && y <= g.height, `${state.id} marker (${x}, ${y}) in the frame`).toBe(true);
    const home = inTerritory(rings, x, y) || distanceTo(rings, x, y) <= slack;
    expect(home, `${state.id} marker (${x}, ${y}) in or within ${slack} units of its territory`).toBe(true);
  }
}

/** No territory overlaps another: the label point of each state's biggest ring lies in no other state's territory. */
export function expectNoOverlap(g: MapGeometry): void {
  for (const [id, rings] of Object.entries(g.territories)) {
    const [x, y] = labelPoint(rings[0]!);
    expect(inTerritory(rings, x, y), `${id} label point in its own territory`).toBe(true);
    for (const [other, otherRings] of Object.entries(g.territories)) {
      if (other !== id) expect(inTerritory(otherRings, x, y), `${id}'s label point (${x}, ${y}) inside ${other}`).toBe(false);
    }
  }
}

/** True when the two territories touch: some outline point of either lies within `tolerance` units of the other's outline. */
export function touching(a: Ring[], b: Ring[], tolerance: number): boolean {
  const near = (from: Ring[], to: Ring[]) =>
    from.some((ring) => {
      for (let i = 0; i < ring.length; i += 2) if (distanceTo(to, ring[i]!, ring[i + 1]!) <= tolerance) return true;
      return false;
    });
  return near(a, b) || near(b, a);
}
