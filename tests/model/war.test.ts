// Wars (rules/war.ts): who fights on which side (pacts honoured, chain-ganging),
// how much each side brings (distance discount), the chance A^2 / (A^2 + D^2),
// the draw, and the spoils. All numbers worked out by hand in the comments.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { resolveWar, warSides, type WarResult } from "../../shared/rules/war.js";
import * as T from "../../shared/rules/tuning.js";
import type { Pair } from "../../shared/theory/world.js";
import { world, type PowerSpec } from "./fixtures.js";

const always = (x: number) => () => x;

describe("warSides: who fights", () => {
  const ids = ["A", "B", "C", "D", "E", "F", "G"];
  const everyone = (alliances: Pair[]) => world(ids.map((id) => ({ id })), { alliances });

  it("a target without allies fights alone, and the attacker's allies stay out", () => {
    const sides = warSides(everyone([["A", "D"]]), "B", ["A"]);
    expect(sides).toEqual({ attackSide: ["A"], defendSide: ["B"], dragged: [] });
  });

  it("the target's ally joins the defence", () => {
    const sides = warSides(everyone([["B", "C"]]), "B", ["A"]);
    expect(sides.attackSide).toEqual(["A"]);
    expect(sides.defendSide).toEqual(["B", "C"]);
    expect(sides.dragged).toEqual(["C"]);
  });

  it("chain-ganging: once the war widens, each side's allies are dragged in, and theirs, and so on", () => {
    // A attacks B. B's ally C joins; the war has widened, so A's ally D is dragged in;
    // C's ally E joins the defence; D's ally F joins the attackers. G is allied with nobody.
    const w = everyone([
      ["B", "C"],
      ["A", "D"],
      ["C", "E"],
      ["D", "F"],
    ]);
    const sides = warSides(w, "B", ["A"]);
    expect(sides.attackSide).toEqual(["A", "D", "F"]);
    expect(sides.defendSide).toEqual(["B", "C", "E"]);
    expect([...sides.dragged].sort()).toEqual(["C", "D", "E", "F"]);
  });

  it("a state on one side stays there, even if it is also allied with the other side", () => {
    // C is allied with both A and B: the target's allies are called first, so C defends B.
    // The war has widened, so A's other ally D comes in on A's side.
    const sides = warSides(everyone([["B", "C"], ["A", "C"], ["A", "D"]]), "B", ["A"]);
    expect(sides.defendSide).toEqual(["B", "C"]);
    expect(sides.attackSide).toEqual(["A", "D"]);
    // Several attackers stay attackers even if one of them is allied with another attacker's ally.
    const two = warSides(everyone([["A", "G"], ["B", "C"]]), "B", ["A", "G"]);
    expect(two.attackSide).toEqual(["A", "G"]);
    expect(two.defendSide).toEqual(["B", "C"]);
  });
});

describe("resolveWar: strength and chance", () => {
  // T (target) at (0,0): defense 40, offense 20 -> home strength 1.5 x 40 + 20 = 80.
  // X (attacker) on T's border: offense 60 counts fully.
  const target: PowerSpec = { id: "T", economy: 100, defense: 40, offense: 20, position: [0, 0] };
  const attacker = (offense: number): PowerSpec => ({ id: "X", economy: 100, defense: 10, offense, position: [50, 0] });

  it("a helper far away contributes less than the same helper near (distance discount)", () => {
    // Helper H: offense 20, defense 40 -> sends 20 + 0.25 x 40 = 30, discounted by g(d) = 1 / (1 + d / 1000).
    //   at 500 km: 30 x 2/3 = 20  -> defence 100;    at 3000 km: 30 x 1/4 = 7.5 -> defence 87.5.
    const at = (y: number) =>
      world([target, attacker(60), { id: "H", defense: 40, offense: 20, position: [0, y] }], {
        alliances: [["T", "H"]],
        borders: [["X", "T"]],
      });
    const near = resolveWar(at(500), "T", ["X"], always(0.999)).event;
    const far = resolveWar(at(3000), "T", ["X"], always(0.999)).event;
    expect(near.defenders).toEqual(["H", "T"]);
    expect(near.defenseStrength).toBeCloseTo(100, 9);
    expect(far.defenseStrength).toBeCloseTo(87.5, 9);
    expect(near.defenseStrength).toBeGreaterThan(far.defenseStrength);
    // The attackers' chance: 60^2 / (60^2 + D^2).
    expect(near.attackStrength).toBeCloseTo(60, 9);
    expect(near.chance).toBeCloseTo(3600 / (3600 + 100 * 100), 12);
    expect(far.chance).toBeCloseTo(3600 / (3600 + 87.5 * 87.5), 12);
  });

  it("twice as strong means an 80% chance, not 67%: the contest is squared", () => {
    // X's 160 (on the border) against T's 80 at home: 160^2 / (160^2 + 80^2) = 0.8.
    const w = world([target, attacker(160)], { borders: [["X", "T"]] });
    expect(resolveWar(w, "T", ["X"], always(0.5)).event.chance).toBeCloseTo(0.8, 12);
  });

  it("the attackers' force is discounted by distance too", () => {
    // X 1000 km away: 60 x 0.5 = 30 against 80: 900 / (900 + 6400).
    const w = world([target, { ...attacker(60), position: [1000, 0] }]);
    const e = resolveWar(w, "T", ["X"], always(0.5)).event;
    expect(e.attackStrength).toBeCloseTo(30, 9);
    expect(e.defenseStrength).toBeCloseTo(80, 9);
    expect(e.chance).toBeCloseTo(900 / 7300, 12);
  });

  it("the chance is A^2 / (A^2 + D^2) for any forces and distances", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1, max: 500, noNaN: true }),
        fc.double({ min: 1, max: 500, noNaN: true }),
        fc.double({ min: 1, max: 500, noNaN: true }),
        fc.integer({ min: 0, max: 5000 }),
        fc.double({ min: 100, max: 3000, noNaN: true }),
        (xOffense, tDefense, tOffense, distance, scale) => {
          const w = world(
            [
              { id: "T", defense: tDefense, offense: tOffense, position: [0, 0] },
              { id: "X", defense: 10, offense: xOffense, position: [distance, 0] },
            ],
            { distanceScale: scale },
          );
          const a = xOffense / (1 + distance / scale);
          const d = 1.5 * tDefense + tOffense;
          const e = resolveWar(w, "T", ["X"], always(0.5)).event;
          expect(e.attackStrength).toBeCloseTo(a, 9);
          expect(e.defenseStrength).toBeCloseTo(d, 9);
          expect(Math.abs(e.chance - (a * a) / (a * a + d * d))).toBeLessThan(1e-12);
        },
      ),
      { numRuns: 150 },
    );
  });

  it("the winner is decided by the draw against the chance", () => {
    // Equal strength: 80 on the border against 80 at home -> chance 0.5 exactly.
    const w = world([target, attacker(80)], { borders: [["X", "T"]] });
    expect(resolveWar(w, "T", ["X"], always(0)).event.winner).toBe("attackers");
    expect(resolveWar(w, "T", ["X"], always(0.4999)).event.winner).toBe("attackers");
    expect(resolveWar(w, "T", ["X"], always(0.5)).event.winner).toBe("defenders");
    expect(resolveWar(w, "T", ["X"], always(0.999)).event.winner).toBe("defenders");
    // One draw per war.
    let draws = 0;
    resolveWar(w, "T", ["X"], () => {
      draws += 1;
      return 0.3;
    });
    expect(draws).toBe(1);
  });
});

describe("resolveWar: costs, spoils and points", () => {
  // X (offense 60, on T's border) and Y (offense 60 at 1000 km: 30) attack T (economy 100).
  // T's ally H joins, so the war widens and X's ally Z is dragged in on the attackers' side.
  const w = world(
    [
      { id: "T", economy: 100, defense: 40, offense: 20, position: [0, 0] },
      { id: "X", economy: 100, defense: 10, offense: 60, position: [50, 0] },
      { id: "Y", economy: 100, defense: 10, offense: 60, position: [1000, 0] },
      { id: "H", economy: 100, defense: 40, offense: 20, position: [0, 500] },
      { id: "Z", economy: 100, defense: 40, offense: 20, position: [0, -1000] },
    ],
    { alliances: [["T", "H"], ["X", "Z"]], borders: [["X", "T"]] },
  );

  /** A figure of each participant, by id; the participants are the attackers' side, then the defenders'. */
  const byParticipant = (r: WarResult, figures: number[]) => {
    expect(r.participants.map((i) => w.states[i]!.id)).toEqual([...r.event.attackers, ...r.event.defenders]);
    return Object.fromEntries(r.participants.map((i, k) => [w.states[i]!.id, figures[k]]));
  };

  it("the sides and their strengths", () => {
    const e = resolveWar(w, "T", ["X", "Y"], always(0)).event;
    expect(e.attackers).toEqual(["X", "Y", "Z"]);
    expect(e.defenders).toEqual(["H", "T"]);
    expect(e.draggedIn).toEqual(["H", "Z"]);
    // Attack: X 60 + Y 30 + Z (20 + 0.25 x 40) x g(1000) = 15 -> 105. Defence: T 80 + H 30 x 2/3 = 20 -> 100.
    expect(e.attackStrength).toBeCloseTo(105, 9);
    expect(e.defenseStrength).toBeCloseTo(100, 9);
    expect(e.chance).toBeCloseTo(105 ** 2 / (105 ** 2 + 100 ** 2), 12);
  });

  it("when the attackers win, the target loses 20% of its economy and the original attackers share half of it by strength", () => {
    const r = resolveWar(w, "T", ["X", "Y"], always(0));
    expect(r.event.winner).toBe("attackers");
    expect(r.event.economyLost).toBeCloseTo(20, 9);
    // 10 in spoils: X brought 60 and Y 30 of the original attackers' 90; Z, dragged in, gets nothing.
    expect(Object.keys(r.event.spoils).sort()).toEqual(["X", "Y"]);
    expect(r.event.spoils.X).toBeCloseTo(10 * (60 / 90), 9);
    expect(r.event.spoils.Y).toBeCloseTo(10 * (30 / 90), 9);
    expect([...r.economy.keys()].sort()).toEqual(["T", "X", "Y"]);
    expect(r.economy.get("T")).toBeCloseTo(-20, 9);
    expect(r.economy.get("X")).toBeCloseTo(r.event.spoils.X!, 12);
    expect(byParticipant(r, r.forceLoss)).toEqual({ X: 0.1, Y: 0.1, Z: 0.1, T: 0.3, H: 0.3 });
    // Main parties +5 / -10, helpers half.
    expect(byParticipant(r, r.points)).toEqual({ X: 5, Y: 5, Z: 2.5, T: -10, H: -5 });
  });

  it("when the defenders win, nobody takes spoils and the target keeps its economy", () => {
    const r = resolveWar(w, "T", ["X", "Y"], always(0.999));
    expect(r.event.winner).toBe("defenders");
    expect(r.event.economyLost).toBe(0);
    expect(r.event.spoils).toEqual({});
    expect(r.economy.size).toBe(0);
    expect(byParticipant(r, r.forceLoss)).toEqual({ X: 0.3, Y: 0.3, Z: 0.3, T: 0.1, H: 0.1 });
    expect(byParticipant(r, r.points)).toEqual({ X: -10, Y: -10, Z: -5, T: 5, H: 2.5 });
  });

  it("uses the documented constants", () => {
    expect([T.WAR_EXPONENT, T.CONQUEST_SHARE, T.SPOILS_SHARE, T.LOSER_FORCE_LOSS, T.WINNER_FORCE_LOSS]).toEqual([2, 0.2, 0.5, 0.3, 0.1]);
    expect([T.HOME_DEFENSE_BONUS, T.HELPER_DEFENSE_SHARE, T.WAR_WIN_POINTS, T.WAR_LOSS_POINTS]).toEqual([1.5, 0.25, 5, -10]);
  });

  it("does not change the world it is given", () => {
    const before = structuredClone(w);
    resolveWar(w, "T", ["X", "Y"], always(0));
    expect(w).toEqual(before);
  });
});
