// The theory engine: threat components, power shares, predictions and the
// classification of what a state did. Properties over random small worlds
// (compared with the independent reference in theory-reference.ts), then
// hand-made cases whose numbers are worked out in the comments. Blocs are in
// blocs.test.ts, regional threats, claims and ideology in threat-sources.test.ts.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { classifyAlignment } from "../../shared/theory/classify.js";
import { powerShares } from "../../shared/theory/power.js";
import { decidingComponents, predictAlignments, STRONG_LEADER_SHARE } from "../../shared/theory/predict.js";
import { COMPONENTS, threatBetween, threatTo, type Component, type ThreatComponents } from "../../shared/theory/threat.js";
import type { Deed, Pair, World } from "../../shared/theory/world.js";
import { world } from "./fixtures.js";
import { arbWorld, arbWorldPair, close, KINDS, refAllied, refShares, refThreat, withState } from "./theory-reference.js";

const RUNS = 150;
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
        expect(t.allied).toBe(refAllied(w, i, j));
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
        // Offensive forces also carry power farther: proximity never falls.
        expect(after.proximity).toBeGreaterThanOrEqual(before.proximity);
        expect(after.score).toBeGreaterThan(before.score);
      }),
      { numRuns: RUNS },
    );
  });

  it("more hostile deeds never lower it: one more deed by j, against anyone, raises it", () => {
    fc.assert(
      fc.property(arbWorldPair, fc.constantFrom(...KINDS), fc.integer({ min: 1, max: 6 }), fc.nat(), ({ w, i, j }, kind, age, pick) => {
        const others = w.states.map((s) => s.id).filter((id) => id !== j);
        const to = others[pick % others.length]!;
        const worse: World = { ...w, deeds: [...w.deeds, { round: w.round - age, from: j, to, kind }] };
        expect(threatBetween(worse, j, i).intentions).toBeGreaterThan(threatBetween(w, j, i).intentions);
        expect(score(worse, j, i)).toBeGreaterThan(score(w, j, i));
      }),
      { numRuns: RUNS },
    );
  });

  it("moving a threat farther never raises it (j moved away from i along the line between them)", () => {
    fc.assert(
      fc.property(arbWorldPair, fc.double({ min: 0.05, max: 3, noNaN: true }), ({ w, i, j }, t) => {
        // Neighbours count at distance 0 whatever their positions: take the border out.
        const w0: World = { ...w, borders: w.borders.filter(([a, b]) => !((a === i && b === j) || (a === j && b === i))) };
        const pi = w0.states.find((s) => s.id === i)!.position;
        const pj = w0.states.find((s) => s.id === j)!.position;
        fc.pre(pi[0] !== pj[0] || pi[1] !== pj[1]);
        const moved = withState(w0, j, (p) => ({ ...p, position: [pj[0] + t * (pj[0] - pi[0]), pj[1] + t * (pj[1] - pi[1])] }));
        const before = threatBetween(w0, j, i);
        const after = threatBetween(moved, j, i);
        expect(after.distance).toBeGreaterThan(before.distance);
        expect(after.proximity).toBeLessThan(before.proximity);
        expect(after.score).toBeLessThan(before.score);
      }),
      { numRuns: RUNS },
    );
  });

  it("counts neighbours at full strength (proximity 1, distance 0); g(0) = 1", () => {
    const w = world(
      [
        { id: "A", position: [0, 0] },
        { id: "B", position: [2000, 0] },
        { id: "C", position: [0, 5000] },
      ],
      { borders: [["B", "A"]] },
    );
    const t = threatBetween(w, "B", "A");
    expect(t.distance).toBe(0);
    expect(t.proximity).toBe(1);
    // Without the border: 2000 km over a range of two default reaches, 2 × 400 × sqrt(0.01 + 30/30) km.
    const range = 2 * 400 * Math.sqrt(1.01);
    expect(threatBetween({ ...w, borders: [] }, "B", "A").proximity).toBeCloseTo(1 / (1 + (2000 / range) ** 2), 12);
    expect(threatBetween({ ...w, borders: [] }, "B", "A").range).toBeCloseTo(range, 9);
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
});

describe("predictions over random worlds", () => {
  it("balance of power: the leader gets no prediction; the rest align against the leading bloc (never against themselves) with the states outside it", () => {
    fc.assert(
      fc.property(arbWorld, (w) => {
        const p = predictAlignments(w);
        fc.pre(p.leader.tie === null);
        const lead = new Set(p.leader.bloc);
        const shares = refShares(w);
        expect(close(p.leader.share, [...lead].reduce((s, id) => s + shares.get(id)!, 0))).toBe(true);
        for (const b of p.blocs) expect(p.leader.share).toBeGreaterThanOrEqual(b.share);
        const strongest = [...lead].reduce((a, b) => (shares.get(b)! > shares.get(a)! ? b : a));
        expect(p.leader.leader).toBe(strongest);
        for (const s of w.states) {
          const bop = p.states[s.id]!.balanceOfPower;
          if (s.id === strongest) {
            expect(bop.against).toBeNull();
            expect(bop.partners).toEqual([]);
            expect(bop.leaveBloc).toBe(false);
            continue;
          }
          expect(bop.against).not.toBeNull();
          expect(bop.against).not.toContain(s.id);
          expect(new Set([...bop.against!, ...(lead.has(s.id) ? [s.id] : [])])).toEqual(lead);
          const outside = w.states.map((x) => x.id).filter((id) => !lead.has(id) && id !== s.id);
          expect([...bop.partners].sort()).toEqual(outside.sort());
          for (let k = 1; k < bop.partners.length; k++) expect(shares.get(bop.partners[k - 1]!)!).toBeGreaterThanOrEqual(shares.get(bop.partners[k]!)! - 1e-12);
          expect(bop.leaveBloc).toBe(lead.has(s.id));
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("a state with over half of all power is named by balance of power", () => {
    fc.assert(
      fc.property(arbWorld, fc.constantFrom(0, 1, 2), (w0, k) => {
        // Make state k a giant: ten times everyone else together.
        const others = w0.states.filter((_, i) => i !== k);
        const w = withState(w0, w0.states[k]!.id, (p) => ({
          ...p,
          economy: 10 * others.reduce((s, o) => s + o.economy, 0),
          defense: 10 * others.reduce((s, o) => s + o.defense, 0),
          offense: 10 * others.reduce((s, o) => s + o.offense, 0),
        }));
        const giant = w.states[k]!.id;
        expect(refShares(w).get(giant)!).toBeGreaterThan(0.5);
        const p = predictAlignments(w);
        expect(p.leader.leader).toBe(giant);
        expect(p.leader.tie).toBeNull();
        for (const s of w.states) if (s.id !== giant) expect(p.states[s.id]!.balanceOfPower.against).toContain(giant);
      }),
      { numRuns: RUNS },
    );
  });

  it("balance of threat: against the top of the threat list; partners are everyone outside its bloc; bandwagon joins it", () => {
    fc.assert(
      fc.property(arbWorld, (w) => {
        const p = predictAlignments(w);
        const blocOf = new Map(p.blocs.flatMap((b) => b.members.map((m) => [m, b.members] as const)));
        for (const s of w.states) {
          const sp = p.states[s.id]!;
          const top = sp.threats[0]!;
          for (const other of w.states) {
            if (other.id === s.id) continue;
            expect(refThreat(w, top.from, s.id).score).toBeGreaterThanOrEqual(refThreat(w, other.id, s.id).score * (1 - 1e-9));
          }
          const bot = sp.balanceOfThreat;
          expect(bot.against).toBe(top.from);
          expect(bot.runnerUp).toBe(sp.threats[1]?.from ?? null);
          const camp = new Set([bot.against, ...bot.tiedWith].flatMap((t) => blocOf.get(t)!));
          expect(new Set(bot.camp)).toEqual(camp);
          const expected = w.states.map((x) => x.id).filter((id) => id !== s.id && !camp.has(id));
          expect([...bot.partners].sort()).toEqual(expected.sort());
          expect(sp.bandwagon.with).toBe(bot.against);
          const side = [bot.against, ...bot.tiedWith];
          expect(sp.divergent).toBe(sp.balanceOfPower.against !== null && !side.some((t) => sp.balanceOfPower.against!.includes(t)));
          expect(close(sp.powerShare, refShares(w).get(s.id)!)).toBe(true);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("renaming the states renames the predictions and changes nothing else (no hidden alphabetical choice)", () => {
    fc.assert(
      fc.property(arbWorld, fc.nat(), (w, seed) => {
        // A permutation of the ids that changes their alphabetical order.
        const ids = w.states.map((s) => s.id);
        const shifted = ids.map((_, k) => ids[(k + 1 + (seed % (ids.length - 1))) % ids.length]!);
        const rename = new Map(ids.map((id, k) => [id, `R${shifted[k]}`]));
        const r = (id: string) => rename.get(id)!;
        const renamedIdeology = (x: string) => x;
        const w2: World = {
          ...w,
          states: w.states.map((s) => ({ ...s, id: r(s.id), name: r(s.id) })),
          alliances: w.alliances.map(([a, b]) => [r(a), r(b)] as Pair),
          borders: w.borders.map(([a, b]) => [r(a), r(b)] as Pair),
          deeds: w.deeds.map((d) => ({ ...d, from: r(d.from), to: r(d.to) })),
          claims: (w.claims ?? []).map((c) => ({ from: r(c.from), to: r(c.to) })),
          rivalIdeologies: (w.rivalIdeologies ?? []).map(([a, b]) => [renamedIdeology(a), renamedIdeology(b)] as Pair),
        };
        const p1 = predictAlignments(w);
        const p2 = predictAlignments(w2);
        const set = (xs: readonly string[] | null) => (xs === null ? null : [...xs].map(r).sort());
        const set2 = (xs: readonly string[] | null) => (xs === null ? null : [...xs].sort());
        expect(set2(p2.leader.bloc)).toEqual(set(p1.leader.bloc));
        expect(set2(p2.leader.tie)).toEqual(set(p1.leader.tie));
        expect(new Set(p2.blocs.map((b) => set2(b.members)!.join(",")))).toEqual(new Set(p1.blocs.map((b) => set(b.members)!.join(","))));
        for (const s of w.states) {
          const a = p1.states[s.id]!;
          const b = p2.states[r(s.id)]!;
          expect(set2(b.balanceOfPower.against)).toEqual(set(a.balanceOfPower.against));
          expect(set2(b.balanceOfPower.partners)).toEqual(set(a.balanceOfPower.partners));
          expect(set2([b.balanceOfThreat.against, ...b.balanceOfThreat.tiedWith])).toEqual(set([a.balanceOfThreat.against, ...a.balanceOfThreat.tiedWith]));
          expect(set2(b.balanceOfThreat.camp)).toEqual(set(a.balanceOfThreat.camp));
          expect(set2(b.balanceOfThreat.partners)).toEqual(set(a.balanceOfThreat.partners));
          expect(b.divergent).toBe(a.divergent);
          expect(b.bandwagon.likely).toBe(a.bandwagon.likely);
        }
      }),
      { numRuns: RUNS },
    );
  });
});

describe("symmetric worlds give symmetric predictions", () => {
  // Four equal states at the corners of a 1,000 km square: each has two neighbours at
  // 1,000 km and one across the diagonal. Nobody leads and every top threat is a tie.
  const square = world([
    { id: "A", position: [0, 0] },
    { id: "B", position: [1000, 0] },
    { id: "C", position: [1000, 1000] },
    { id: "D", position: [0, 1000] },
  ]);

  it("names ties as ties: no leader, and two tied top threats for each state", () => {
    const p = predictAlignments(square);
    expect(p.leader.tie).not.toBeNull();
    expect([...p.leader.tie!].sort()).toEqual(["A", "B", "C", "D"]);
    const adjacent: Record<string, string[]> = { A: ["B", "D"], B: ["A", "C"], C: ["B", "D"], D: ["A", "C"] };
    for (const id of ["A", "B", "C", "D"]) {
      const s = p.states[id]!;
      expect(s.balanceOfPower.against).toBeNull();
      expect(s.balanceOfPower.reason).toMatch(/tied/);
      expect(s.balanceOfPower.reason).not.toMatch(/leads/);
      expect([s.balanceOfThreat.against, ...s.balanceOfThreat.tiedWith].sort()).toEqual(adjacent[id]);
      expect(s.balanceOfThreat.reason).toMatch(/tied as your top threat/);
      // The partner left is the one across the diagonal.
      expect(s.balanceOfThreat.partners).toHaveLength(1);
    }
  });

  it("classifies allying with either tied threat as bandwagoning", () => {
    const a = predictAlignments(square).states.A!;
    expect(classifyAlignment(a, ["B"]).bandwagon).toBe(true);
    expect(classifyAlignment(a, ["D"]).bandwagon).toBe(true);
    expect(classifyAlignment(a, ["C"]).matches).toEqual(["balance-of-threat"]);
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
    // B and C together hold 0.6; equal members are ordered by id, so B leads.
    expect(after.leader.bloc).toEqual(["B", "C"]);
    expect(after.leader.leader).toBe("B");
    expect(after.leader.share).toBeCloseTo(0.6, 12);
    expect(after.states.A!.balanceOfPower.against).toEqual(["B", "C"]);
    expect(after.states.A!.balanceOfPower.partners).toEqual([]);
    expect(after.states.B!.balanceOfPower.against).toBeNull();
    // C is told to leave its bloc, against B only (never against itself).
    expect(after.states.C!.balanceOfPower.against).toEqual(["B"]);
    expect(after.states.C!.balanceOfPower.leaveBloc).toBe(true);
    expect(after.states.C!.balanceOfPower.partners).toEqual(["A"]);
    expect(after.states.C!.balanceOfPower.reason).toMatch(/leave it for the weaker side/);
  });

  it("three equal states: a three-way tie, not a leader chosen by name", () => {
    const equal = world([
      { id: "A", position: [0, 0] },
      { id: "B", position: [900, 0] },
      { id: "C", position: [450, 779.4] },
    ]);
    const p = predictAlignments(equal);
    expect(p.leader.share).toBeCloseTo(1 / 3, 12);
    expect([...p.leader.tie!].sort()).toEqual(["A", "B", "C"]);
    for (const id of ["A", "B", "C"]) expect(p.states[id]!.balanceOfPower.against).toBeNull();
    expect(p.states.A!.balanceOfPower.reason).toMatch(/^State A, State B and State C are tied with 33% of all power each/);
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

  it("Levy and Thompson: strong only for a single land power with a third or more, never for a bloc as such", () => {
    // Five equal states (0.2 each), far apart.
    const five = world(["A", "B", "C", "D", "E"].map((id, k) => ({ id, position: [k * 3000, 0] as [number, number] })));
    // A and B allied: a bloc of 0.4, but no single state holds a third: weak.
    const bloc = predictAlignments({ ...five, alliances: [["A", "B"]] });
    expect(bloc.leader.share).toBeCloseTo(0.4, 12);
    expect(bloc.leader.strength).toBe("weak");
    expect(bloc.leader.strong).toBe(false);
    expect(bloc.states.C!.balanceOfPower.reason).toMatch(/no single land power holds a third/);
    // One land power with exactly a third: strong.
    const third = world([
      { id: "A", economy: 100, defense: 70, offense: 30, position: [0, 0] },
      { id: "B", economy: 100, defense: 70, offense: 30, position: [3000, 0] },
      { id: "C", economy: 50, defense: 35, offense: 15, position: [0, 3000] },
      { id: "D", economy: 50, defense: 35, offense: 15, position: [3000, 3000] },
    ]);
    const pThird = predictAlignments({ ...third, alliances: [] });
    expect(pThird.leader.tie).not.toBeNull(); // A and B tie at a third each
    const lead = predictAlignments({ ...third, states: third.states.map((s) => (s.id === "A" ? { ...s, economy: 101 } : s)) });
    expect(lead.leader.leader).toBe("A");
    expect(lead.leader.strength).toBe("strong");
    expect(lead.leader.strong).toBe(true);
    expect(STRONG_LEADER_SHARE).toBeCloseTo(1 / 3, 15);
  });

  it("a maritime leader is marked: states seldom balance against the leading sea power", () => {
    const w = world([
      { id: "SEA", economy: 300, defense: 100, offense: 100, position: [0, 0], maritime: true },
      { id: "B", position: [3000, 0] },
      { id: "C", position: [0, 3000] },
    ]);
    const p = predictAlignments(w);
    expect(p.leader.leader).toBe("SEA");
    expect(p.leader.strength).toBe("maritime");
    expect(p.leader.strong).toBe(false);
    expect(p.states.B!.balanceOfPower.against).toEqual(["SEA"]);
    expect(p.states.B!.balanceOfPower.reason).toMatch(/sea power; states seldom balance against the leading sea power/);
  });
});

describe("classifyAlignment", () => {
  // Everyone holds half its forces offensive (offense factor 1). Totals: military 100, economy 100.
  //   L 0.40 at (5000,0)   T 0.25 at (500,0)   P 0.15 at (0,500)   Q 0.10 at (0,-3000)   X 0.10 at (0,0)
  // Reaches (400 × sqrt(0.01 + offense / 30)): L 329.0, T 261.3, P 204.0, Q and X 168.1 km.
  // Threats to X: T 0.25 × 1/(1+(500/429.4)^2) = 0.1061; P 0.15 × 1/(1+(500/372.1)^2) = 0.0535;
  //   L 0.40 × 1/(1+(5000/497.1)^2) = 0.0039; Q 0.10 × 1/(1+(3000/336.2)^2) = 0.0012.
  // T and Q are allied; T's top threat is P (0.0453 against X's 0.0425) and P's is T: rivals, not allied. Blocs: [L] 0.40
  // (leads; a single land power over a third: strong), [T, Q] 0.35, [P] 0.15, [X] 0.10.
  // For X: balance of power against [L] with partners {T, Q, P}; balance of threat against T, whose
  // bloc is {T, Q}: partners {P, L}; bandwagon with T.
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
  const g = (d: number, range: number) => 1 / (1 + (d / range) ** 2);
  const reach = (offense: number) => 400 * Math.sqrt(0.01 + offense / 30);

  it("the hand-computed predictions hold", () => {
    // The predictions keep the top three threats (no tie here); threatTo gives all four.
    const all = threatTo(w, "X");
    expect(all.map((t) => t.from)).toEqual(["T", "P", "L", "Q"]);
    expect(x.threats).toStrictEqual(all.slice(0, 3));
    expect(all[0]!.score).toBeCloseTo(0.25 * g(500, reach(12.5) + reach(5)), 12);
    expect(all[1]!.score).toBeCloseTo(0.15 * g(500, reach(7.5) + reach(5)), 12);
    expect(all[2]!.score).toBeCloseTo(0.4 * g(5000, reach(20) + reach(5)), 12);
    expect(all[3]!.score).toBeCloseTo(0.1 * g(3000, reach(5) + reach(5)) * 1, 12);
    expect(x.balanceOfPower.against).toEqual(["L"]);
    expect([...x.balanceOfPower.partners].sort()).toEqual(["P", "Q", "T"]);
    expect(x.balanceOfThreat.against).toBe("T");
    expect([...x.balanceOfThreat.camp].sort()).toEqual(["Q", "T"]);
    // Usefulness against T: share × g(distance to T) / (1 + own threat to X / top threat):
    //   P: 0.15 × g(707, 465.3) / (1 + 0.0535/0.1061) = 0.0301;  L: 0.40 × g(4500, 590.3) / 1.037 = 0.0065.
    expect(x.balanceOfThreat.partners).toEqual(["P", "L"]);
    expect(x.bandwagon.with).toBe("T");
    // Weak (0.10 <= 0.5 x 0.25) but P and L with X (0.65) outweigh the bloc of T and Q (0.35): not likely.
    expect(x.bandwagon.likely).toBe(false);
    expect(x.divergent).toBe(true);
    expect(predictions.leader.strong).toBe(true);
    expect(predictions.rivals).toEqual([{ a: "P", b: "T", reason: "top-threats" }]);
  });

  it("balance of power only: allied with T's ally Q (outside the leading bloc, but in the threat's bloc)", () => {
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

  it("a partner with one foot in the threat's bloc does not count as balancing against it", () => {
    // Allied with P (a partner) and with Q (T's ally): balance of threat is not matched.
    expect(classifyAlignment(x, ["P", "Q"]).balanceOfThreat).toBe(false);
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
  // -> shares 0.60, 0.25, 0.15. FRA at (0,0), SOV 2,500 km east, USA 4,000 km west.
  // Reaches: USA (offense 30) 402.0 km, SOV (12.5) 261.3, FRA (7.5) 204.0.
  //   USA: 0.60 × g(4000, 606.0) = 0.60 × 0.0224 = 0.0135   SOV: 0.25 × g(2500, 465.3) = 0.25 × 0.0335 = 0.0084
  //   -> power and distance alone: the USA.
  // SOV's record last round, both against France: a threat (0.5) and an attack (1): intentions 2.5,
  //   SOV: 0.0084 × 2.5 = 0.0209 > 0.0135 -> intentions flip it.
  // Log-ratios SOV/USA: power ln(0.25/0.6) = -0.875, proximity ln(0.0335/0.0224) = 0.400,
  //   intentions ln 2.5 = 0.916, total 0.441. Without intentions: -0.48 < 0 (decisive);
  //   without proximity: +0.04 > 0 (not decisive).
  const powers = [
    { id: "USA", economy: 60, defense: 30, offense: 30, position: [-4000, 0] as [number, number] },
    { id: "SOV", economy: 25, defense: 12.5, offense: 12.5, position: [2500, 0] as [number, number] },
    { id: "FRA", economy: 15, defense: 7.5, offense: 7.5, position: [0, 0] as [number, number] },
  ];
  const deeds: Deed[] = [
    { round: 0, from: "SOV", to: "FRA", kind: "threat" },
    { round: 0, from: "SOV", to: "FRA", kind: "attack" },
  ];
  const g = (d: number, range: number) => 1 / (1 + (d / range) ** 2);
  const reach = (offense: number) => 400 * Math.sqrt(0.01 + offense / 30);

  it("power discounted by distance alone makes the far, stronger state the top threat", () => {
    const t = threatTo(world(powers), "FRA");
    expect(t[0]!.from).toBe("USA");
    expect(t[0]!.score).toBeCloseTo(0.6 * g(4000, reach(30) + reach(7.5)), 12);
    expect(t[1]!.score).toBeCloseTo(0.25 * g(2500, reach(12.5) + reach(7.5)), 12);
  });

  it("with the hostile record the near state becomes the top threat and intentions decided it", () => {
    const w = world(powers, { deeds });
    const fra = predictAlignments(w).states.FRA!;
    expect(fra.threats[0]!.from).toBe("SOV");
    expect(fra.threats[0]!.intentions).toBeCloseTo(2.5, 12);
    expect(fra.threats[0]!.score).toBeCloseTo(0.25 * g(2500, reach(12.5) + reach(7.5)) * 2.5, 12);
    expect(fra.balanceOfThreat.against).toBe("SOV");
    expect(fra.balanceOfThreat.runnerUp).toBe("USA");
    expect(fra.balanceOfThreat.decidedBy).toEqual(["intentions"]);
    expect(fra.balanceOfThreat.reason).toMatch(/^State SOV is your top threat \(more than State USA\): aggressive: 2 hostile acts, 2 against you;/);
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
    range: 1000,
    offensiveShare: 0.5,
    deeds: 0,
    deedsAgainstTarget: 0,
    allied: false,
    intent: {
      record: 0,
      claims: 0,
      revisionism: 0,
      ideology: 1,
      trust: 1,
      claimsOnTarget: false,
      claimsOnOthers: 0,
      revisionist: false,
      ideologyRelation: null,
      ideologies: null,
    },
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

  it("gives what its plain form gives (a filter, a stable sort and a sum), equal advantages, zeros and infinities included", () => {
    const plain = (t: ThreatComponents, o: ThreatComponents): Component[] => {
      const ratio = (c: Component) => Math.log(t[c] / o[c]);
      const favourable = COMPONENTS.filter((c) => ratio(c) > 1e-12).sort((a, b) => ratio(b) - ratio(a));
      const total = COMPONENTS.reduce((sum, c) => sum + ratio(c), 0);
      const decisive = favourable.filter((c) => total - ratio(c) <= 0);
      return decisive.length > 0 ? decisive : favourable;
    };
    // Figures from a few values, so that advantages are often equal (and sometimes 0 or infinite).
    const figure = fc.constantFrom(0, 0.1, 0.2, 0.4, 0.5, 1, 2, 2 + 1e-13);
    const figures = fc.record({ power: figure, proximity: figure, offense: figure, intentions: figure });
    fc.assert(
      fc.property(figures, figures, (a, b) => {
        expect(decidingComponents(comps(a), comps(b))).toEqual(plain(comps(a), comps(b)));
      }),
      { numRuns: 2000 },
    );
  });
});
