// Independent reference computations of the theory's quantities, written from
// the documented formulas (docs/rules.md and the comments at the top of
// shared/theory/proximity.ts, intentions.ts and threat.ts), not from the code
// under test. The tests compare the engine with these.
import fc from "fast-check";
import type { Claim, Deed, Pair, Power, World } from "../../shared/theory/world.js";

export function refShares(w: World): Map<string, number> {
  const totalM = w.states.reduce((s, p) => s + p.defense + p.offense, 0);
  const totalE = w.states.reduce((s, p) => s + p.economy, 0);
  return new Map(w.states.map((p) => [p.id, 0.5 * ((p.defense + p.offense) / totalM) + 0.5 * (p.economy / totalE)]));
}

const same = ([x, y]: Pair, a: string, b: string) => (x === a && y === b) || (x === b && y === a);
export const refAllied = (w: World, a: string, b: string) => w.alliances.some((p) => same(p, a, b));

export function refDistance(w: World, a: string, b: string): number {
  const pa = w.states.find((s) => s.id === a)!.position;
  const pb = w.states.find((s) => s.id === b)!.position;
  const d = Math.sqrt((pa[0] - pb[0]) ** 2 + (pa[1] - pb[1]) ** 2);
  // A declared border makes neighbours only of states at most 3,000 km apart.
  if (d <= 3000 && w.borders.some((p) => same(p, a, b))) return 0;
  return d;
}

/** Reach (km): 0.4 × distanceScale × sqrt(0.01 + offense / 30). */
export const refReach = (w: World, id: string) => 0.4 * w.distanceScale * Math.sqrt(0.01 + w.states.find((s) => s.id === id)!.offense / 30);

/** 1 / (1 + (d / (reach(i) + reach(j)))^2). */
export const refProximity = (w: World, from: string, target: string) =>
  1 / (1 + (refDistance(w, from, target) / (refReach(w, from) + refReach(w, target))) ** 2);

export function refIntentions(w: World, from: string, target: string): number {
  const weight = { attack: 1, threat: 0.5, betrayal: 0.75 } as const;
  let record = 0;
  for (const d of w.deeds) {
    if (d.from !== from || d.round >= w.round) continue;
    const age = w.round - d.round;
    record += weight[d.kind] * (d.to === target ? 1 : 0.5) * 0.7 ** (age - 1);
  }
  let claims = 0;
  for (const c of w.claims ?? []) if (c.from === from) claims += c.to === target ? 1 : 0.5;
  const j = w.states.find((s) => s.id === from)!;
  const i = w.states.find((s) => s.id === target)!;
  const revisionism = j.revisionist ? 0.5 : 0;
  let ideology = 1;
  if (j.ideology && i.ideology) {
    if (j.ideology === i.ideology) ideology = 0.8;
    else if ((w.rivalIdeologies ?? []).some((p) => same(p, j.ideology!, i.ideology!))) ideology = 1.25;
  }
  return (1 + record + claims + revisionism) * ideology * (refAllied(w, from, target) ? 0.5 : 1);
}

export function refThreat(w: World, from: string, target: string) {
  const j = w.states.find((s) => s.id === from)!;
  const power = refShares(w).get(from)!;
  const proximity = refProximity(w, from, target);
  const offense = 0.5 + j.offense / (j.defense + j.offense);
  const intentions = refIntentions(w, from, target);
  return { power, proximity, offense, intentions, score: power * proximity * offense * intentions };
}

export const close = (actual: number, expected: number, rel = 1e-9) => Math.abs(actual - expected) <= rel * Math.max(1, Math.abs(expected));

// ------------------------------------------------------------ random small worlds

export const KINDS = ["attack", "threat", "betrayal"] as const;
const IDEOLOGIES = ["red", "blue", "green"] as const;

/**
 * 3 to 8 states on a 12,000 km square with random forces, alliances, borders, deeds
 * (some of the round being played, which must not count), claims, revisionist aims,
 * ideologies and a rivalry between two of them.
 */
export const arbWorld: fc.Arbitrary<World> = fc.integer({ min: 3, max: 8 }).chain((n) => {
  const ids = Array.from({ length: n }, (_, k) => `S${k}`);
  const pairs: Pair[] = [];
  for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) pairs.push([ids[a]!, ids[b]!]);
  const arbPower = (id: string): fc.Arbitrary<Power> =>
    fc
      .record({
        economy: fc.double({ min: 1, max: 1000, noNaN: true }),
        defense: fc.double({ min: 1, max: 500, noNaN: true }),
        offense: fc.double({ min: 1, max: 500, noNaN: true }),
        x: fc.integer({ min: -6000, max: 6000 }),
        y: fc.integer({ min: -6000, max: 6000 }),
        revisionist: fc.boolean(),
        ideology: fc.option(fc.constantFrom(...IDEOLOGIES), { nil: undefined }),
      })
      .map(({ economy, defense, offense, x, y, revisionist, ideology }) => ({
        id,
        name: id,
        economy,
        defense,
        offense,
        position: [x, y] as [number, number],
        ...(revisionist ? { revisionist: true } : {}),
        ...(ideology ? { ideology } : {}),
      }));
  return fc.integer({ min: 1, max: 6 }).chain((round) =>
    fc.record({
      round: fc.constant(round),
      distanceScale: fc.double({ min: 100, max: 5000, noNaN: true }),
      states: fc.tuple(...ids.map(arbPower)),
      alliances: fc.subarray(pairs),
      borders: fc.subarray(pairs, { maxLength: 3 }),
      deeds: fc.array(
        fc
          .record({ pair: fc.constantFrom(...pairs), flip: fc.boolean(), kind: fc.constantFrom(...KINDS), age: fc.integer({ min: 0, max: 6 }) })
          .map(({ pair, flip, kind, age }): Deed => ({ round: round - age, from: flip ? pair[1] : pair[0], to: flip ? pair[0] : pair[1], kind })),
        { maxLength: 6 },
      ),
      claims: fc.uniqueArray(
        fc.record({ pair: fc.constantFrom(...pairs), flip: fc.boolean() }).map(({ pair, flip }): Claim => ({ from: flip ? pair[1] : pair[0], to: flip ? pair[0] : pair[1] })),
        { maxLength: 3, selector: (c) => `${c.from}>${c.to}` },
      ),
      rivalIdeologies: fc.subarray([["blue", "red"], ["green", "red"]] as Pair[], { maxLength: 1 }),
    }),
  );
});

/** A world with two distinct states i (the target) and j (the threatener) picked in it. */
export const arbWorldPair = fc.record({ w: arbWorld, a: fc.nat(), b: fc.nat() }).map(({ w, a, b }) => {
  const n = w.states.length;
  const i = a % n;
  const j = (i + 1 + (b % (n - 1))) % n;
  return { w, i: w.states[i]!.id, j: w.states[j]!.id };
});

export const withState = (w: World, id: string, change: (p: Power) => Power): World => ({
  ...w,
  states: w.states.map((p) => (p.id === id ? change({ ...p, position: [p.position[0], p.position[1]] }) : p)),
});
