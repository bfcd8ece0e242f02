// The theory engine: threat components, power shares, blocs, predictions and
// the classification of what a state did. Properties over random small worlds,
// then hand-made cases whose numbers are worked out in the comments.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { classifyAlignment } from "../../shared/theory/classify.js";
import { blocs, leadingBloc, powerShares } from "../../shared/theory/power.js";
import { decidingComponents, predictAlignments, STRONG_LEADER_SHARE } from "../../shared/theory/predict.js";
import { threatBetween, threatTo, type ThreatComponents } from "../../shared/theory/threat.js";
import type { Deed, Pair, Power, World } from "../../shared/theory/world.js";
import { world } from "./fixtures.js";

const RUNS = 150;

// ------------------------------------------------------------ independent reference computations
// Written from the documented formulas (theory.md and the comment at the top of
// theory/threat.ts), not from the code under test.

function refShares(w: World): Map<string, number> {
  const totalM = w.states.reduce((s, p) => s + p.defense + p.offense, 0);
  const totalE = w.states.reduce((s, p) => s + p.economy, 0);
  return new Map(w.states.map((p) => [p.id, 0.5 * ((p.defense + p.offense) / totalM) + 0.5 * (p.economy / totalE)]));
}

function refDistance(w: World, a: string, b: string): number {
  if (w.borders.some(([x, y]) => (x === a && y === b) || (x === b && y === a))) return 0;
  const pa = w.states.find((s) => s.id === a)!.position;
  const pb = w.states.find((s) => s.id === b)!.position;
  return Math.sqrt((pa[0] - pb[0]) ** 2 + (pa[1] - pb[1]) ** 2);
}

const allied = (w: World, a: string, b: string) => w.alliances.some(([x, y]) => (x === a && y === b) || (x === b && y === a));

function refIntentions(w: World, from: string, target: string): number {
  const weight = { attack: 1, threat: 0.5, betrayal: 0.75 } as const;
  let record = 0;
  for (const d of w.deeds) {
    if (d.from !== from || d.round >= w.round) continue;
    const age = w.round - d.round;
    record += weight[d.kind] * (d.to === target ? 1 : 0.5) * 0.7 ** (age - 1);
  }
  return (1 + record) * (allied(w, from, target) ? 0.5 : 1);
}

function refThreat(w: World, from: string, target: string) {
  const j = w.states.find((s) => s.id === from)!;
  const power = refShares(w).get(from)!;
  const proximity = 1 / (1 + refDistance(w, from, target) / w.distanceScale);
  const offense = 0.5 + j.offense / (j.defense + j.offense);
  const intentions = refIntentions(w, from, target);
  return { power, proximity, offense, intentions, score: power * proximity * offense * intentions };
}

/** Connected components of the alliance graph with their total share (union-find). */
function refBlocs(w: World): { members: Set<string>; share: number }[] {
  const parent = new Map(w.states.map((s) => [s.id, s.id]));
  const find = (x: string): string => (parent.get(x) === x ? x : find(parent.get(x)!));
  for (const [a, b] of w.alliances) parent.set(find(a), find(b));
  const shares = refShares(w);
  const groups = new Map<string, { members: Set<string>; share: number }>();
  for (const s of w.states) {
    const root = find(s.id);
    const g = groups.get(root) ?? { members: new Set<string>(), share: 0 };
    g.members.add(s.id);
    g.share += shares.get(s.id)!;
    groups.set(root, g);
  }
  return [...groups.values()].sort((a, b) => b.share - a.share);
}

const close = (actual: number, expected: number, rel = 1e-9) =>
  Math.abs(actual - expected) <= rel * Math.max(1, Math.abs(expected));

// ------------------------------------------------------------ random small worlds

const KINDS = ["attack", "threat", "betrayal"] as const;

const arbWorld: fc.Arbitrary<World> = fc.integer({ min: 3, max: 8 }).chain((n) => {
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
      })
      .map(({ economy, defense, offense, x, y }) => ({ id, name: id, economy, defense, offense, position: [x, y] as [number, number] }));
  return fc.integer({ min: 1, max: 6 }).chain((round) =>
    fc.record({
      round: fc.constant(round),
      distanceScale: fc.double({ min: 100, max: 5000, noNaN: true }),
      states: fc.tuple(...ids.map(arbPower)),
      alliances: fc.subarray(pairs),
      borders: fc.subarray(pairs, { maxLength: 3 }),
      deeds: fc.array(
        fc
          .record({
            pair: fc.constantFrom(...pairs),
            flip: fc.boolean(),
            kind: fc.constantFrom(...KINDS),
            // age 0: a deed of the round being played, which must not count yet
            age: fc.integer({ min: 0, max: 6 }),
          })
          .map(({ pair, flip, kind, age }): Deed => ({
            round: round - age,
            from: flip ? pair[1] : pair[0],
            to: flip ? pair[0] : pair[1],
            kind,
          })),
        { maxLength: 6 },
      ),
    }),
  );
});

/** A world with two distinct states i (the target) and j (the threatener) picked in it. */
const arbWorldPair = fc.record({ w: arbWorld, a: fc.nat(), b: fc.nat() }).map(({ w, a, b }) => {
  const n = w.states.length;
  const i = a % n;
  const j = (i + 1 + (b % (n - 1))) % n;
  return { w, i: w.states[i]!.id, j: w.states[j]!.id };
});

const withState = (w: World, id: string, change: (p: Power) => Power): World => ({
  ...w,
  states: w.states.map((p) => (p.id === id ? change({ ...p, position: [p.position[0], p.position[1]] }) : p)),
});

const score = (w: World, from: string, target: string) => threatBetween(w, from, target).score;

describe("threat(j -> i): Walt's four sources", () => {
  it("equals the product of its four components, each computed as documented", () => {
    fc.assert(
      fc.property(arbWorldPair, ({ w, i, j }) => {
        const t = threatBetween(w, j, i);
        const ref = refThreat(w, j, i);
        expect(t.from).toBe(j);
        expect(t.score).toBe(t.power * t.proximity * t.offense * t.intentions);
        expect(close(t.power, ref.power)).toBe(true);
        expect(close(t.proximity, ref.proximity)).toBe(true);
        expect(close(t.offense, ref.offense)).toBe(true);
        expect(close(t.intentions, ref.intentions)).toBe(true);
        expect(close(t.score, ref.score)).toBe(true);
        expect(t.allied).toBe(allied(w, i, j));
      }),
      { numRuns: RUNS },
    );
  });

  it("is strictly increasing in j's power: more military (same offensive share)", () => {
    fc.assert(
      fc.property(arbWorldPair, fc.double({ min: 1.05, max: 5, noNaN: true }), ({ w, i, j }, k) => {
        const stronger = withState(w, j, (p) => ({ ...p, defense: p.defense * k, offense: p.offense * k }));
        expect(score(stronger, j, i)).toBeGreaterThan(score(w, j, i));
        expect(threatBetween(stronger, j, i).power).toBeGreaterThan(threatBetween(w, j, i).power);
      }),
      { numRuns: RUNS },
    );
  });

  it("is strictly increasing in j's power: a larger economy", () => {
    fc.assert(
      fc.property(arbWorldPair, fc.double({ min: 1, max: 500, noNaN: true }), ({ w, i, j }, extra) => {
        const richer = withState(w, j, (p) => ({ ...p, economy: p.economy + extra }));
        expect(score(richer, j, i)).toBeGreaterThan(score(w, j, i));
      }),
      { numRuns: RUNS },
    );
  });

  it("is strictly increasing in j's offensive share (forces moved from defence to offence, same total)", () => {
    fc.assert(
      fc.property(arbWorldPair, fc.double({ min: 0.05, max: 0.95, noNaN: true }), ({ w, i, j }, frac) => {
        const armed = withState(w, j, (p) => ({ ...p, defense: p.defense * (1 - frac), offense: p.offense + p.defense * frac }));
        const before = threatBetween(w, j, i);
        const after = threatBetween(armed, j, i);
        expect(after.offense).toBeGreaterThan(before.offense);
        expect(after.score).toBeGreaterThan(before.score);
      }),
      { numRuns: RUNS },
    );
  });

  it("is strictly increasing in j's hostile record (one more deed by j, against anyone)", () => {
    fc.assert(
      fc.property(
        arbWorldPair,
        fc.constantFrom(...KINDS),
        fc.integer({ min: 1, max: 6 }),
        fc.nat(),
        ({ w, i, j }, kind, age, pick) => {
          const others = w.states.map((s) => s.id).filter((id) => id !== j);
          const to = others[pick % others.length]!;
          const worse: World = { ...w, deeds: [...w.deeds, { round: w.round - age, from: j, to, kind }] };
          expect(threatBetween(worse, j, i).intentions).toBeGreaterThan(threatBetween(w, j, i).intentions);
          expect(score(worse, j, i)).toBeGreaterThan(score(w, j, i));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("is strictly decreasing in distance (j moved away from i along the line between them)", () => {
    fc.assert(
      fc.property(arbWorldPair, fc.double({ min: 0.05, max: 3, noNaN: true }), ({ w, i, j }, t) => {
        // Neighbours count at distance 0 whatever their positions: take the border out.
        const w0: World = { ...w, borders: w.borders.filter(([a, b]) => !((a === i && b === j) || (a === j && b === i))) };
        const pi = w0.states.find((s) => s.id === i)!.position;
        const pj = w0.states.find((s) => s.id === j)!.position;
        fc.pre(pi[0] !== pj[0] || pi[1] !== pj[1]);
        const moved = withState(w0, j, (p) => ({
          ...p,
          position: [pj[0] + t * (pj[0] - pi[0]), pj[1] + t * (pj[1] - pi[1])],
        }));
        const before = threatBetween(w0, j, i);
        const after = threatBetween(moved, j, i);
        expect(after.distance).toBeGreaterThan(before.distance);
        expect(after.proximity).toBeLessThan(before.proximity);
        expect(after.score).toBeLessThan(before.score);
      }),
      { numRuns: RUNS },
    );
  });

  it("counts neighbours at full strength (proximity 1, distance 0)", () => {
    const w = world(
      [
        { id: "A", position: [0, 0] },
        { id: "B", position: [5000, 0] },
        { id: "C", position: [0, 5000] },
      ],
      { borders: [["B", "A"]] },
    );
    const t = threatBetween(w, "B", "A");
    expect(t.distance).toBe(0);
    expect(t.proximity).toBe(1);
    // Without the border: 5000 km at scale 1000 -> g = 1 / 6.
    expect(threatBetween({ ...w, borders: [] }, "B", "A").proximity).toBeCloseTo(1 / 6, 12);
  });

  it("lists every other state once, highest threat first", () => {
    fc.assert(
      fc.property(arbWorld, (w) => {
        for (const target of w.states) {
          const threats = threatTo(w, target.id);
          expect(threats.map((t) => t.from).sort()).toEqual(w.states.map((s) => s.id).filter((id) => id !== target.id).sort());
          for (let k = 1; k < threats.length; k++) expect(threats[k - 1]!.score).toBeGreaterThanOrEqual(threats[k]!.score);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe("aggregate power", () => {
  it("power shares sum to 1 and match the mean of military and economic shares", () => {
    fc.assert(
      fc.property(arbWorld, (w) => {
        const shares = powerShares(w);
        const ref = refShares(w);
        let sum = 0;
        for (const s of w.states) {
          sum += shares.get(s.id)!;
          expect(close(shares.get(s.id)!, ref.get(s.id)!)).toBe(true);
        }
        expect(sum).toBeCloseTo(1, 9);
      }),
      { numRuns: RUNS },
    );
  });

  it("blocs are the connected groups of the alliance network, strongest first", () => {
    fc.assert(
      fc.property(arbWorld, (w) => {
        const got = blocs(w);
        const ref = refBlocs(w);
        expect(got.length).toBe(ref.length);
        const asSets = got.map((b) => [...b.members].sort().join(","));
        expect(new Set(asSets)).toEqual(new Set(ref.map((b) => [...b.members].sort().join(","))));
        for (let k = 1; k < got.length; k++) expect(got[k - 1]!.share).toBeGreaterThanOrEqual(got[k]!.share);
        const shares = refShares(w);
        for (const b of got) {
          // the leader is the strongest member
          for (const m of b.members) expect(shares.get(b.leader)!).toBeGreaterThanOrEqual(shares.get(m)! - 1e-12);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe("predictions over random worlds", () => {
  it("balance of power: the leader gets against=null; everyone else aligns against the leading bloc with the states outside it", () => {
    fc.assert(
      fc.property(arbWorld, (w) => {
        const ref = refBlocs(w);
        // With real-valued shares a tie between the two largest blocs is a measure-zero event; skip it.
        fc.pre(ref.length < 2 || ref[0]!.share - ref[1]!.share > 1e-9);
        const lead = ref[0]!;
        const p = predictAlignments(w);
        expect(new Set(p.leader.bloc)).toEqual(lead.members);
        expect(close(p.leader.share, lead.share)).toBe(true);
        expect(p.leader.strong).toBe(lead.share >= 1 / 3);
        const shares = refShares(w);
        const strongest = [...lead.members].reduce((a, b) => (shares.get(b)! > shares.get(a)! ? b : a));
        expect(p.leader.leader).toBe(strongest);
        for (const s of w.states) {
          const bop = p.states[s.id]!.balanceOfPower;
          expect(bop.strong).toBe(lead.share >= 1 / 3);
          if (s.id === strongest) {
            expect(bop.against).toBeNull();
            expect(bop.partners).toEqual([]);
            expect(bop.leaveBloc).toBe(false);
          } else {
            expect(bop.against).not.toBeNull();
            expect(new Set(bop.against)).toEqual(lead.members);
            const outside = w.states.map((x) => x.id).filter((id) => !lead.members.has(id) && id !== s.id);
            expect([...bop.partners].sort()).toEqual(outside.sort());
            // strongest first
            for (let k = 1; k < bop.partners.length; k++) {
              expect(shares.get(bop.partners[k - 1]!)!).toBeGreaterThanOrEqual(shares.get(bop.partners[k]!)! - 1e-12);
            }
            expect(bop.leaveBloc).toBe(lead.members.has(s.id));
          }
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("balance of threat: against the top of the threat list; partners exclude it and its direct allies; bandwagon joins it", () => {
    fc.assert(
      fc.property(arbWorld, (w) => {
        const p = predictAlignments(w);
        for (const s of w.states) {
          const sp = p.states[s.id]!;
          const top = sp.threats[0]!;
          // the top threat really is the highest, computed independently
          for (const other of w.states) {
            if (other.id === s.id) continue;
            expect(refThreat(w, top.from, s.id).score).toBeGreaterThanOrEqual(refThreat(w, other.id, s.id).score * (1 - 1e-9));
          }
          const bot = sp.balanceOfThreat;
          expect(bot.against).toBe(top.from);
          expect(bot.runnerUp).toBe(sp.threats[1]?.from ?? null);
          const expected = w.states
            .map((x) => x.id)
            .filter((id) => id !== s.id && id !== top.from && !allied(w, id, top.from));
          expect([...bot.partners].sort()).toEqual(expected.sort());
          expect(sp.bandwagon.with).toBe(bot.against);
          expect(sp.divergent).toBe(sp.balanceOfPower.against !== null && !sp.balanceOfPower.against.includes(bot.against));
          expect(close(sp.powerShare, refShares(w).get(s.id)!)).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe("predictions on hand-made worlds", () => {
  // Shares 0.4, 0.3, 0.3 (military and economy in the same proportions).
  const base = world([
    { id: "A", economy: 40, defense: 28, offense: 12, position: [0, 0] },
    { id: "B", economy: 30, defense: 21, offense: 9, position: [800, 0] },
    { id: "C", economy: 30, defense: 21, offense: 9, position: [0, 800] },
  ]);

  it("forming an alliance changes the leading bloc and so the balance-of-power prediction", () => {
    const before = predictAlignments(base);
    expect(before.leader.bloc).toEqual(["A"]);
    expect(before.leader.share).toBeCloseTo(0.4, 12);
    expect(before.leader.strong).toBe(true);
    expect(before.states.A!.balanceOfPower.against).toBeNull();
    expect(before.states.B!.balanceOfPower.against).toEqual(["A"]);
    expect(before.states.B!.balanceOfPower.partners).toEqual(["C"]);

    const after = predictAlignments({ ...base, alliances: [["B", "C"]] });
    // B and C together hold 0.6; tied members are ordered by id, so B leads.
    expect(after.leader.bloc).toEqual(["B", "C"]);
    expect(after.leader.leader).toBe("B");
    expect(after.leader.share).toBeCloseTo(0.6, 12);
    expect(after.states.A!.balanceOfPower.against).toEqual(["B", "C"]);
    expect(after.states.A!.balanceOfPower.partners).toEqual([]);
    expect(after.states.B!.balanceOfPower.against).toBeNull();
    expect(after.states.C!.balanceOfPower.against).toEqual(["B", "C"]);
    expect(after.states.C!.balanceOfPower.leaveBloc).toBe(true);
    expect(after.states.C!.balanceOfPower.partners).toEqual(["A"]);
  });

  it("exactly a third of all power counts as strong", () => {
    const equal = world([
      { id: "A", position: [0, 0] },
      { id: "B", position: [900, 0] },
      { id: "C", position: [0, 900] },
    ]);
    const p = predictAlignments(equal);
    expect(p.leader.share).toBe(1 / 3);
    expect(p.leader.strong).toBe(true);
    expect(p.leader.leader).toBe("A"); // ties broken by id
  });

  it("bandwagoning is likely for a weak state when no coalition can stop its top threat", () => {
    // Shares: T 0.60, X 0.10, P 0.15, Q 0.15; T is X's neighbour and top threat.
    // X is weak (0.10 <= 0.5 x 0.60) and X + P + Q = 0.40 < 0.60: likely.
    const w = world(
      [
        { id: "T", economy: 60, defense: 30, offense: 30, position: [0, 0] },
        { id: "X", economy: 10, defense: 5, offense: 5, position: [300, 0] },
        { id: "P", economy: 15, defense: 7.5, offense: 7.5, position: [0, 400] },
        { id: "Q", economy: 15, defense: 7.5, offense: 7.5, position: [-400, 0] },
      ],
      { borders: [["T", "X"]] },
    );
    const p = predictAlignments(w);
    expect(p.states.X!.bandwagon.with).toBe("T");
    expect(p.states.X!.bandwagon.likely).toBe(true);
    // With T's economy and military halved: T 3/7 = 0.43, X 1/7 = 0.14, P and Q 0.21 each. X is still weak
    // (0.14 <= 0.21) but X + P + Q = 0.57 > 0.43: a coalition could stop T, so not likely.
    const weaker = world(
      [
        { id: "T", economy: 30, defense: 15, offense: 15, position: [0, 0] },
        { id: "X", economy: 10, defense: 5, offense: 5, position: [300, 0] },
        { id: "P", economy: 15, defense: 7.5, offense: 7.5, position: [0, 400] },
        { id: "Q", economy: 15, defense: 7.5, offense: 7.5, position: [-400, 0] },
      ],
      { borders: [["T", "X"]] },
    );
    expect(predictAlignments(weaker).states.X!.bandwagon.with).toBe("T");
    expect(predictAlignments(weaker).states.X!.bandwagon.likely).toBe(false);
  });

  it("marks balancing strong at a third of all power or more, weak below", () => {
    // Five equal states: the leader holds 0.2 < 1/3.
    const five = world(["A", "B", "C", "D", "E"].map((id, k) => ({ id, position: [k * 700, 0] as [number, number] })));
    expect(predictAlignments(five).leader.strong).toBe(false);
    expect(leadingBloc(five).share).toBeCloseTo(0.2, 12);
    // Allying two of them gives a bloc of 0.4 >= 1/3.
    const allied2 = { ...five, alliances: [["A", "B"]] as Pair[] };
    expect(predictAlignments(allied2).leader.strong).toBe(true);
    expect(STRONG_LEADER_SHARE).toBeCloseTo(1 / 3, 15);
  });
});

describe("classifyAlignment", () => {
  // Everyone holds half its forces offensive (offense factor 1). Totals: military 100, economy 100.
  //   L 0.40 at (5000,0)   T 0.25 at (500,0)   P 0.15 at (0,500)   Q 0.10 at (0,-3000)   X 0.10 at (0,0)
  // T and Q are allied. Blocs: [L] 0.40 (leads, strong), [T,Q] 0.35, [P] 0.15, [X] 0.10.
  // Threats to X (scale 1000): T 0.25/1.5 = 0.1667, P 0.15/1.5 = 0.1, L 0.4/6 = 0.0667, Q 0.1/4 = 0.025.
  // For X: balance of power against [L] with partners {T, Q, P}; balance of threat against T,
  // partners {P, L} (Q is T's ally); bandwagon with T.
  const w = world(
    [
      { id: "L", economy: 40, defense: 20, offense: 20, position: [5000, 0] },
      { id: "T", economy: 25, defense: 12.5, offense: 12.5, position: [500, 0] },
      { id: "P", economy: 15, defense: 7.5, offense: 7.5, position: [0, 500] },
      { id: "Q", economy: 10, defense: 5, offense: 5, position: [0, -3000] },
      { id: "X", economy: 10, defense: 5, offense: 5, position: [0, 0] },
    ],
    { alliances: [["T", "Q"]] },
  );
  const predictions = predictAlignments(w);
  const x = predictions.states.X!;

  it("the hand-computed predictions hold", () => {
    expect(x.threats.map((t) => t.from)).toEqual(["T", "P", "L", "Q"]);
    expect(x.threats[0]!.score).toBeCloseTo(0.25 / 1.5, 12);
    expect(x.threats[1]!.score).toBeCloseTo(0.15 / 1.5, 12);
    expect(x.threats[2]!.score).toBeCloseTo(0.4 / 6, 12);
    expect(x.threats[3]!.score).toBeCloseTo(0.1 / 4, 12);
    expect(x.balanceOfPower.against).toEqual(["L"]);
    expect([...x.balanceOfPower.partners].sort()).toEqual(["P", "Q", "T"]);
    expect(x.balanceOfThreat.against).toBe("T");
    // Usefulness against T: share x g(distance to T) / (1 + own threat to X / top threat)
    //   P: 0.15 / (1 + 707.1/1000) / (1 + 0.1/0.1667) = 0.0549;  L: 0.4 / 5.5 / 1.4 = 0.0519.
    expect(x.balanceOfThreat.partners).toEqual(["P", "L"]);
    expect(x.bandwagon.with).toBe("T");
    // Weak (0.10 <= 0.5 x 0.25) but P and L with X (0.65) outweigh the bloc of T and Q (0.35): not likely.
    expect(x.bandwagon.likely).toBe(false);
    expect(x.divergent).toBe(true);
    expect(predictions.leader.strong).toBe(true);
  });

  it("balance of power only: allied with T's ally Q (outside the leading bloc, but not a balance-of-threat partner)", () => {
    const a = classifyAlignment(x, ["Q"]);
    expect(a.balanceOfPower).toBe(true);
    expect(a.balanceOfThreat).toBe(false);
    expect(a.bandwagon).toBe(false);
    expect(a.alone).toBe(false);
    expect(a.matches).toEqual(["balance-of-power"]);
    expect(a.divergent).toBe(true);
  });

  it("balance of threat only: allied with the leader L against the nearer threat T", () => {
    const a = classifyAlignment(x, ["L"]);
    expect(a.balanceOfPower).toBe(false);
    expect(a.balanceOfThreat).toBe(true);
    expect(a.bandwagon).toBe(false);
    expect(a.matches).toEqual(["balance-of-threat"]);
  });

  it("bandwagon only: allied with T (and with the leading bloc)", () => {
    const a = classifyAlignment(x, ["T", "L"]);
    expect(a.balanceOfPower).toBe(false);
    expect(a.balanceOfThreat).toBe(false);
    expect(a.bandwagon).toBe(true);
    expect(a.matches).toEqual(["bandwagon"]);
  });

  it("alone: no allies and no offers matches no theory", () => {
    const a = classifyAlignment(x, []);
    expect(a.alone).toBe(true);
    expect(a.balanceOfPower).toBe(false);
    expect(a.balanceOfThreat).toBe(false);
    expect(a.bandwagon).toBe(false);
    expect(a.matches).toEqual([]);
  });

  it("several theories at once: allied with P matches both balancing theories; allied with T matches balance of power and bandwagoning", () => {
    expect(classifyAlignment(x, ["P"]).matches).toEqual(["balance-of-power", "balance-of-threat"]);
    expect(classifyAlignment(x, ["T"]).matches).toEqual(["balance-of-power", "bandwagon"]);
  });

  it("an offer counts as a choice of side", () => {
    const a = classifyAlignment(x, [], ["L"]);
    expect(a.alone).toBe(false);
    expect(a.matches).toEqual(["balance-of-threat"]);
    expect(a.offers).toEqual(["L"]);
    expect(classifyAlignment(x, [], ["T"]).bandwagon).toBe(true);
  });

  it("the leader gets balanceOfPower = null", () => {
    const leader = predictions.states.L!;
    expect(leader.balanceOfPower.against).toBeNull();
    const a = classifyAlignment(leader, ["P"]);
    expect(a.balanceOfPower).toBeNull();
    expect(a.matches).not.toContain("balance-of-power");
    expect(classifyAlignment(leader, []).balanceOfPower).toBeNull();
  });
});

describe("decidingComponents", () => {
  // France 1949-like, three states, all half offensive. Military = economy: USA 60, SOV 25, FRA 15
  // -> shares 0.60, 0.25, 0.15. FRA at (0,0), SOV 2500 km east, USA 6000 km west; scale 1000:
  //   USA: 0.60 x 1/7 = 0.0857   SOV: 0.25 x 1/3.5 = 0.0714  -> power and distance alone: the USA.
  // SOV's record last round, both against France: a threat (0.5) and an attack (1): intentions 2.5,
  //   SOV: 0.0714 x 2.5 = 0.1786 > 0.0857 -> intentions flip it.
  // Log-ratios SOV/USA: power ln(0.25/0.6) = -0.875, proximity ln 2 = 0.693, intentions ln 2.5 = 0.916,
  //   total 0.734. Without intentions: -0.182 < 0 (decisive); without proximity: +0.041 > 0 (not decisive).
  const powers = [
    { id: "USA", economy: 60, defense: 30, offense: 30, position: [-6000, 0] as [number, number] },
    { id: "SOV", economy: 25, defense: 12.5, offense: 12.5, position: [2500, 0] as [number, number] },
    { id: "FRA", economy: 15, defense: 7.5, offense: 7.5, position: [0, 0] as [number, number] },
  ];
  const deeds: Deed[] = [
    { round: 0, from: "SOV", to: "FRA", kind: "threat" },
    { round: 0, from: "SOV", to: "FRA", kind: "attack" },
  ];

  it("power discounted by distance alone makes the far, stronger state the top threat", () => {
    const t = threatTo(world(powers), "FRA");
    expect(t[0]!.from).toBe("USA");
    expect(t[0]!.score).toBeCloseTo(0.6 / 7, 12);
    expect(t[1]!.score).toBeCloseTo(0.25 / 3.5, 12);
  });

  it("with the hostile record the near state becomes the top threat and intentions decided it", () => {
    const w = world(powers, { deeds });
    const fra = predictAlignments(w).states.FRA!;
    expect(fra.threats[0]!.from).toBe("SOV");
    expect(fra.threats[0]!.intentions).toBeCloseTo(2.5, 12);
    expect(fra.threats[0]!.score).toBeCloseTo((0.25 / 3.5) * 2.5, 12);
    expect(fra.balanceOfThreat.against).toBe("SOV");
    expect(fra.balanceOfThreat.runnerUp).toBe("USA");
    expect(fra.balanceOfThreat.decidedBy).toContain("intentions");
    expect(fra.balanceOfThreat.decidedBy).toEqual(["intentions"]);
    // Balance of power points the other way: the theories diverge.
    expect(fra.balanceOfPower.against).toEqual(["USA"]);
    expect(fra.divergent).toBe(true);
  });

  const comps = (over: Partial<ThreatComponents>): ThreatComponents => ({
    from: "J",
    score: 0,
    power: 0.2,
    proximity: 0.5,
    offense: 1,
    intentions: 1,
    distance: 1000,
    offensiveShare: 0.5,
    deeds: 0,
    deedsAgainstTarget: 0,
    allied: false,
    ...over,
  });

  it("names every component whose advantage alone decides it, largest advantage first", () => {
    // top: proximity x3 and intentions x1.5 against power x0.8: product 3.6.
    //   without proximity: 0.8 x 1.5 = 1.2 > 1 -> not decisive; without intentions: 0.8 x 3 = 2.4 -> not decisive.
    //   Neither alone is decisive: together they are, so both are named, the larger advantage first.
    const top = comps({ power: 0.16, proximity: 0.9, intentions: 1.5 });
    const other = comps({ power: 0.2, proximity: 0.3, intentions: 1 });
    expect(decidingComponents(top, other)).toEqual(["proximity", "intentions"]);
    // top: power x2, offense x1.6 against proximity x0.45 -> product 1.44;
    //   without power 0.72 (decisive), without offense 0.9 (decisive); power's advantage is the larger.
    const top2 = comps({ power: 0.4, offense: 1.6, proximity: 0.225 });
    const other2 = comps({ power: 0.2, offense: 1, proximity: 0.5 });
    expect(decidingComponents(top2, other2)).toEqual(["power", "offense"]);
    // No runner-up: power.
    expect(decidingComponents(top, undefined)).toEqual(["power"]);
  });
});
