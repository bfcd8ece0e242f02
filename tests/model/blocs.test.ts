// Blocs are camps, not chains (shared/theory/blocs.ts): rival camps never merge,
// a single bridge alliance does not join two camps, friendly chains form one.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { builtinScenario } from "../../shared/scenario/builtin/index.js";
import { createGame } from "../../shared/rules/setup.js";
import { assignPolicies, playGame } from "../../shared/sim/play.js";
import { buildCounterfactuals } from "../../shared/report/counterfactual.js";
import { createSession } from "../../shared/classroom/setup.js";
import { DEFAULT_SETTINGS } from "../../shared/classroom/settings.js";
import { predictAlignments } from "../../shared/theory/predict.js";
import { sortedPair, type World } from "../../shared/theory/world.js";
import { THEORIES } from "../../shared/theory/world.js";
import { world } from "./fixtures.js";
import { arbWorld } from "./theory-reference.js";

const coldWar = () => createGame(builtinScenario("cold-war-1947")!, { seed: 1 });
const blocWith = (p: ReturnType<typeof predictAlignments>, id: string) => p.blocs.find((b) => b.members.includes(id))!.members;

describe("blocs: the issue's reproduction on cold-war-1947", () => {
  it("one state allied to both camps (Canada with Britain and the Soviet Union) does not merge them", () => {
    const game = coldWar();
    game.alliances.push(sortedPair("GBR", "USA"), sortedPair("CAN", "GBR"), sortedPair("CAN", "SOV"));
    const p = predictAlignments(game);
    for (const b of p.blocs) expect(b.members.includes("USA") && b.members.includes("SOV")).toBe(false);
    // The leading bloc is the Western camp, well short of 90% of all power.
    expect(p.leader.bloc).toContain("USA");
    expect(p.leader.bloc).not.toContain("SOV");
    expect(p.leader.share).toBeLessThan(0.7);
    // France, in the leading bloc, is told to leave it, but never to balance against itself or against a bloc holding the USSR.
    const fra = p.states.FRA!.balanceOfPower;
    expect(fra.against).not.toContain("FRA");
    expect(fra.against).not.toContain("SOV");
    // The theories still disagree somewhere.
    expect(Object.values(p.states).filter((s) => s.divergent).length).toBeGreaterThan(0);
    // Canada sits with the camp it is more strongly tied to (the Soviet Union is stronger than Britain).
    expect(blocWith(p, "CAN")).toContain("SOV");
  });

  it("a friendly chain (USA-GBR, GBR-CAN, nobody hostile) is one camp", () => {
    const game = coldWar();
    game.alliances.push(sortedPair("GBR", "USA"), sortedPair("CAN", "GBR"));
    const p = predictAlignments(game);
    expect([...blocWith(p, "USA")].sort()).toEqual(["CAN", "FRA", "GBR", "USA"]);
  });

  it("pressure inside an alliance does not split it: the Soviet bloc of 1947 holds Poland and Czechoslovakia", () => {
    const p = predictAlignments(coldWar());
    expect([...blocWith(p, "SOV")].sort()).toEqual(["CZE", "POL", "SOV", "YUG"]);
    // ...although the USSR's record towards them makes it their top threat.
    expect(p.states.POL!.balanceOfThreat.against).toBe("SOV");
  });
});

describe("blocs on hand-made worlds", () => {
  // Two camps of two, far apart, and a bridge state C between them.
  //   A1 (0,0)  A2 (600,0)  C (3000,0)  B2 (5400,0)  B1 (6000,0); A1-A2, B1-B2, A2-C, C-B2 allied.
  const base = (extra: Partial<World> = {}): World => ({
    ...world(
      [
        { id: "A1", economy: 200, defense: 140, offense: 60, position: [0, 0] },
        { id: "A2", economy: 100, position: [600, 0] },
        { id: "C", economy: 50, defense: 35, offense: 15, position: [3000, 0] },
        { id: "B2", economy: 100, position: [5400, 0] },
        { id: "B1", economy: 150, defense: 105, offense: 45, position: [6000, 0] },
      ],
      { alliances: [["A1", "A2"], ["B1", "B2"], ["A2", "C"], ["B2", "C"]] },
    ),
    ...extra,
  });

  it("with nobody hostile, a chain of alliances is one camp", () => {
    const p = predictAlignments(base());
    expect(p.blocs).toHaveLength(1);
    expect(p.rivals).toEqual([]);
  });

  it("when the two camps are rivals (a threat last round), the bridge does not join them; it sits with the camp it is more tied to", () => {
    const p = predictAlignments(base({ round: 2, deeds: [{ round: 1, from: "B1", to: "A1", kind: "threat" }] }));
    expect(p.rivals).toContainEqual({ a: "A1", b: "B1", reason: "hostile-acts" });
    expect([...blocWith(p, "A1")].sort()).toEqual(["A1", "A2", "C"]); // A2 (0.2 of power) outweighs B2 as a tie
    expect([...blocWith(p, "B1")].sort()).toEqual(["B1", "B2"]);
  });

  it("an attack last round (war) or two states being each other's top threat also make rivals", () => {
    const war = predictAlignments(base({ round: 2, deeds: [{ round: 1, from: "A2", to: "B2", kind: "attack" }] }));
    expect(war.rivals).toContainEqual({ a: "A2", b: "B2", reason: "attack" });
    expect(war.blocs.length).toBeGreaterThan(1);
    // Old deeds are forgotten for this purpose: three rounds ago is not recent.
    const old = predictAlignments(base({ round: 4, deeds: [{ round: 1, from: "A2", to: "B2", kind: "attack" }] }));
    expect(old.rivals.some((r) => r.reason !== "top-threats")).toBe(false);
  });

  it("a pact with a recent enemy (a Nazi-Soviet pact) is not one bloc", () => {
    const w = world(
      [
        { id: "GER", economy: 200, defense: 100, offense: 100, position: [0, 0] },
        { id: "SOV", economy: 200, defense: 140, offense: 60, position: [1600, 0] },
        { id: "POL", economy: 50, position: [800, 0] },
      ],
      { round: 2, alliances: [["GER", "SOV"]], deeds: [{ round: 1, from: "GER", to: "SOV", kind: "threat" }] },
    );
    const p = predictAlignments(w);
    expect(blocWith(p, "GER")).toEqual(["GER"]);
    expect(blocWith(p, "SOV")).toEqual(["SOV"]);
  });
});

describe("blocs over random worlds", () => {
  it("no two rivals share a bloc; every bloc is held together by its own alliances; no two blocs could merge without rivals", () => {
    fc.assert(
      fc.property(arbWorld, (w) => {
        const p = predictAlignments(w);
        const rival = new Set(p.rivals.map((r) => `${r.a}|${r.b}`));
        const isRival = (a: string, b: string) => rival.has(a < b ? `${a}|${b}` : `${b}|${a}`);
        const blocOf = new Map(p.blocs.flatMap((b, i) => b.members.map((m) => [m, i] as const)));
        for (const b of p.blocs) {
          for (const x of b.members) for (const y of b.members) if (x < y) expect(isRival(x, y)).toBe(false);
          // connected through alliances between its own members
          const seen = new Set([b.members[0]!]);
          const queue = [b.members[0]!];
          while (queue.length) {
            const x = queue.pop()!;
            for (const [a, c] of w.alliances) {
              const other = a === x ? c : c === x ? a : null;
              if (other && b.members.includes(other) && !seen.has(other)) {
                seen.add(other);
                queue.push(other);
              }
            }
          }
          expect(seen.size).toBe(b.members.length);
        }
        for (const [a, c] of w.alliances) {
          const [ia, ic] = [blocOf.get(a)!, blocOf.get(c)!];
          if (ia === ic) continue;
          const merged = [...p.blocs[ia]!.members, ...p.blocs[ic]!.members];
          expect(merged.some((x) => merged.some((y) => x < y && isRival(x, y)))).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
  // With no rivals at all, the last check means the blocs are exactly the connected groups of the
  // alliance network (every alliance lies inside one bloc, and each bloc is connected).
});

describe("blocs in bot games", () => {
  const SCENARIOS = ["cold-war-1947", "europe-1914", "europe-1936", "rival-shores"];

  it.each(SCENARIOS)("%s: balance-of-threat bots never build one bloc of every state", (id) => {
    const scenario = builtinScenario(id)!;
    for (const seed of [1, 2, 3]) {
      const played = playGame(scenario, { seed }, assignPolicies(scenario, "balance-of-threat", seed));
      for (const h of played.final.history) {
        expect(h.predictions.blocs.length, `${id} seed ${seed} round ${h.round}`).toBeGreaterThan(1);
        expect(h.predictions.leader.share).toBeLessThan(0.95);
      }
    }
  });

  it("the rival-shores counterfactuals never report a bloc of all 8 states", () => {
    const scenario = builtinScenario("rival-shores")!;
    const room = createSession(scenario, { ...DEFAULT_SETTINGS, seed: 5, rounds: scenario.rounds }, "RIVAL1", 0);
    const runs = buildCounterfactuals(room, THEORIES).runs;
    for (const run of runs) expect(run.strongest.bloc.length).toBeLessThan(scenario.states.length);
  });
});

