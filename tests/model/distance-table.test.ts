// Distances come from one table per game (distanceTable in shared/theory/proximity.ts), cached
// per states array and carried over to a copy of the states with the same ids at the same
// positions and the same borders: a copy that moved a state, or borders that changed, must not
// read the old table.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { distanceBetween, distanceTable } from "../../shared/theory/proximity.js";
import type { World } from "../../shared/theory/world.js";
import { arbWorld, refDistance } from "./theory-reference.js";

const everyPair = (w: World) => w.states.flatMap((a) => w.states.map((b) => [a.id, b.id] as const));

describe("distanceTable", () => {
  it("gives every pair's distance, and follows copies of the states that moved one or changed the borders", () => {
    fc.assert(
      fc.property(arbWorld, fc.nat(), fc.integer({ min: -5000, max: 5000 }), (w, k, dx) => {
        for (const [a, b] of everyPair(w)) expect(distanceBetween(w, a, b)).toBeCloseTo(refDistance(w, a, b), 6);
        // A copy as the rules make each round: the same table.
        const copy = { ...w, states: w.states.map((s) => ({ ...s, position: [s.position[0], s.position[1]] as [number, number] })) };
        expect(distanceTable(copy)).toBe(distanceTable(w));
        // A copy with one state moved: new distances.
        const moved = { ...w, states: copy.states.map((s, i) => (i === k % w.states.length ? { ...s, position: [s.position[0] + dx, s.position[1]] as [number, number] } : s)) };
        for (const [a, b] of everyPair(moved)) expect(distanceBetween(moved, a, b)).toBeCloseTo(refDistance(moved, a, b), 6);
        // Borders added to the same array: the neighbours now at 0.
        const [x, y] = [w.states[0]!.id, w.states[1]!.id];
        const bordered = { ...moved, borders: [...moved.borders] };
        distanceTable(bordered);
        bordered.borders.push([x, y]);
        for (const [a, b] of everyPair(bordered)) expect(distanceBetween(bordered, a, b)).toBeCloseTo(refDistance(bordered, a, b), 6);
      }),
      { numRuns: 100 },
    );
  });
});
