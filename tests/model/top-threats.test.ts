// The predictions keep each state's top threats only (StatePrediction.threats), selected
// without sorting every list: the selection must be exactly the head of the full sort,
// ties broken the same way, and keep every state tied with the top one.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { bucketOrderDescending, sortByKeyDescending, sortNearlySorted, topByKeyDescending } from "../../shared/theory/dense-sort.js";
import { predictAlignments } from "../../shared/theory/predict.js";
import { THREAT_LIST_LENGTH, threatAt, threatBasis, threatMatrix, threatTo, type ThreatComponents } from "../../shared/theory/threat.js";
import type { Power, World } from "../../shared/theory/world.js";
import { arbWorld } from "./theory-reference.js";

const RUNS = 150;

/** How many entries of a full list (highest first) are tied with its top one, the top included. */
function tiedCount(full: ThreatComponents[]): number {
  let k = full.length > 0 ? 1 : 0;
  while (k < full.length && Math.abs(full[k]!.score - full[0]!.score) <= 1e-9 * Math.max(1, full[0]!.score)) k++;
  return k;
}

/**
 * A random world with four copies of one of its states set around another on the axes, all at
 * the same distance: their threats to it are equal, bit for bit (or `nudge` apart, inside the
 * tie tolerance), and with `strong` copies they are its top threats.
 */
const arbTiedWorld = fc
  .record({ w: arbWorld, target: fc.nat(), template: fc.nat(), r: fc.integer({ min: 100, max: 4000 }), strong: fc.boolean(), nudge: fc.boolean() })
  .map(({ w, target, template, r, strong, nudge }): World => {
    const c = w.states[target % w.states.length]!;
    const t = w.states[template % w.states.length]!;
    const [x, y] = c.position;
    const offsets: [number, number][] = [[r, 0], [-r, 0], [0, r], [0, -r]];
    const copies: Power[] = offsets.map(([dx, dy], k) => ({
      ...t,
      id: `C${k}`,
      name: `C${k}`,
      economy: (strong ? t.economy * 50 : t.economy) * (nudge && k === 2 ? 1 + 1e-13 : 1),
      position: [x + dx, y + dy],
    }));
    // Listed before the others so that the order in `states` differs from the order of ids.
    return { ...w, states: [...copies.slice(0, 2), ...w.states, ...copies.slice(2)] };
  });

const anyWorld = fc.oneof(arbWorld, arbTiedWorld);

/** Sort keys from the items' values, and ranks (a permutation: ties of key broken by rank) from their `order`. */
function keysAndRanks(items: readonly { value: number; order: number }[]): { key: Float64Array; rank: Int32Array } {
  const key = Float64Array.from(items, (x) => x.value);
  const rank = new Int32Array(items.length);
  items
    .map((x, i) => [x.order, i] as const)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1])
    .forEach(([, i], r) => (rank[i] = r));
  return { key, rank };
}

describe("topByKeyDescending", () => {
  it("gives the first k of the full sort, equal keys by rank", () => {
    fc.assert(
      fc.property(
        // Keys from a few values, so that many are equal; `order` gives the ranks (a permutation).
        fc.array(fc.record({ value: fc.constantFrom(0, 0.25, 0.5, 0.5 + 1e-15, 1, 3), order: fc.nat() }), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 0, max: 45 }),
        fc.nat(),
        (items, k, shift) => {
          const n = items.length;
          const { key, rank } = keysAndRanks(items);
          const indices = Int32Array.from({ length: n }, (_, i) => (i + shift) % n);
          const before = indices.slice();
          const top = topByKeyDescending(indices, key, rank, k);
          expect(indices).toEqual(before);
          expect(Array.from(top)).toEqual(Array.from(sortByKeyDescending(indices.slice(), key, rank)).slice(0, k));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("sortNearlySorted", () => {
  it("gives the order of sortByKeyDescending from any start: nearly sorted (insertion) or not (past its budget of moves)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ value: fc.constantFrom(0, 0.25, 0.5, 0.5 + 1e-15, 1, 3), order: fc.nat() }), { minLength: 0, maxLength: 60 }),
        fc.array(fc.nat(), { maxLength: 5 }),
        fc.boolean(),
        (items, swaps, reversed) => {
          const n = items.length;
          const { key, rank } = keysAndRanks(items);
          const sorted = sortByKeyDescending(Int32Array.from({ length: n }, (_, i) => i), key, rank);
          // A start a few swaps away from the sorted order, or the sorted order reversed (the worst case).
          const start = reversed ? sorted.slice().reverse() : sorted.slice();
          for (const x of swaps) if (n > 1) [start[x % n], start[(x + 1) % n]] = [start[(x + 1) % n]!, start[x % n]!];
          expect(Array.from(sortNearlySorted(start, key, rank))).toEqual(Array.from(sorted));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("bucketOrderDescending", () => {
  it("gives every index once, keys more than 2% apart in order, zeros last, and sortNearlySorted finishes it", () => {
    fc.assert(
      fc.property(
        // Keys that are equal, nearly equal, zero, subnormal, or spread over a few or very many powers of two.
        fc.array(
          fc.record({
            value: fc.oneof(
              fc.constantFrom(0, 0.25, 0.5, 0.5 + 1e-15, 0.505, 1, 3, 5e-324, 1e-300),
              fc.double({ min: 1e-4, max: 1, noNaN: true }),
              fc.double({ min: 0, max: 1e6, noNaN: true }),
            ),
            order: fc.nat(),
          }),
          { maxLength: 300 },
        ),
        (items) => {
          const n = items.length;
          const { key, rank } = keysAndRanks(items);
          const guess = bucketOrderDescending(key, rank, new Int32Array(n));
          expect(Array.from(guess).sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
          for (let r = 1; r < n; r++) {
            const a = key[guess[r - 1]!]!;
            const b = key[guess[r]!]!;
            // Zeros and the smallest subnormal keys share the last bucket, in any order.
            if (b === 0 || a > 1.02 * b || Math.max(a, b) < 1e-300) continue;
            // Otherwise out of order only within a bucket (about 1%).
            expect(a).toBeGreaterThan(0);
            expect(b).toBeLessThanOrEqual(1.02 * a);
          }
          const sorted = sortByKeyDescending(Int32Array.from({ length: n }, (_, i) => i), key, rank);
          expect(Array.from(sortNearlySorted(guess, key, rank))).toEqual(Array.from(sorted));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe("each state's top threats", () => {
  it("are the head of the full list (the same figures, in the same order), with every tie", () => {
    fc.assert(
      fc.property(anyWorld, fc.integer({ min: 1, max: 5 }), (w, keep) => {
        const basis = threatBasis(w);
        const matrix = threatMatrix(basis, keep);
        const n = w.states.length;
        w.states.forEach((s, i) => {
          const full = threatTo(w, s.id, basis);
          expect(matrix.top[i]).toStrictEqual(full.slice(0, Math.max(keep, tiedCount(full))));
          // The scores of the pairs not built are those threatAt gives, bit for bit.
          for (let j = 0; j < n; j++) {
            if (j === i) continue;
            const t = threatAt(basis, j, i);
            expect(matrix.score[i * n + j]).toBe(t.score);
            expect(matrix.proximity[i * n + j]).toBe(t.proximity);
          }
        });
      }),
      { numRuns: RUNS },
    );
  });

  it("in the predictions: the top THREAT_LIST_LENGTH, and more only for a tie with the top one", () => {
    fc.assert(
      fc.property(anyWorld, (w) => {
        const p = predictAlignments(w);
        for (const s of w.states) {
          const full = threatTo(w, s.id);
          const sp = p.states[s.id]!;
          const ties = tiedCount(full);
          expect(sp.threats).toStrictEqual(full.slice(0, Math.max(THREAT_LIST_LENGTH, ties)));
          expect(sp.balanceOfThreat.tiedWith).toEqual(full.slice(1, ties).map((t) => t.from));
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("the tied copies are all kept, beyond THREAT_LIST_LENGTH, and ordered by id", () => {
    // Four equal states around T, far stronger than anyone else: a four-way tie at the top.
    const copy = (id: string, position: [number, number]): Power => ({ id, name: id, economy: 100, defense: 50, offense: 50, position });
    const w: World = {
      round: 1,
      distanceScale: 1000,
      states: [copy("D", [0, -500]), copy("B", [500, 0]), { id: "T", name: "T", economy: 10, defense: 5, offense: 5, position: [0, 0] }, copy("C", [0, 500]), copy("A", [-500, 0]), { id: "E", name: "E", economy: 1, defense: 1, offense: 1, position: [3000, 0] }],
      alliances: [],
      borders: [],
      deeds: [],
    };
    const t = predictAlignments(w).states.T!;
    expect(t.threats.map((x) => x.from)).toEqual(["A", "B", "C", "D"]);
    expect(t.balanceOfThreat.tiedWith).toEqual(["B", "C", "D"]);
  });
});
