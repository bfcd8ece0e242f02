// Generated maps (scenarios without territories): a noisy territory around each
// state's position, shared borders between close states, islands for lone
// ones, and no crash or NaN for any set of positions, even coinciding ones.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildMapGeometry, usesWorld } from "../../shared/map/build.js";
import { builtinScenario } from "../../shared/scenario/builtin/index.js";
import { generateScenario } from "../../shared/scenario/generate.js";
import type { Scenario } from "../../shared/scenario/schema.js";
import { validateScenario } from "../../shared/scenario/validate.js";
import { expectIntegersInFrame, expectNoOverlap, expectStatesAtHome, inTerritory, touching } from "./checks.js";

/** A valid scenario with states at the given positions (km). */
function scenarioAt(id: string, positions: [number, number][]): Scenario {
  const result = validateScenario({
    id,
    title: "Positions",
    rounds: 3,
    states: positions.map((position, i) => ({ id: `S${i + 1}`, name: `State ${i + 1}`, military: 10, economy: 10, position, offensive: 0.5 })),
  });
  if (!result.ok) throw new Error(result.errors.join("\n"));
  return result.scenario;
}

/** Pairs of states that are each other's nearest neighbour, no farther apart than the median nearest distance. */
function closeMutualNeighbours(scenario: Scenario): [string, string][] {
  const pos = scenario.states.map((s) => s.position);
  const nearest = pos.map((p, i) => {
    let best = -1;
    pos.forEach((q, j) => {
      if (j !== i && (best < 0 || Math.hypot(p[0] - q[0], p[1] - q[1]) < Math.hypot(p[0] - pos[best]![0], p[1] - pos[best]![1]))) best = j;
    });
    return best;
  });
  const d = nearest.map((j, i) => Math.hypot(pos[i]![0] - pos[j]![0], pos[i]![1] - pos[j]![1]));
  const median = [...d].sort((a, b) => a - b)[Math.floor(d.length / 2)]!;
  return nearest.flatMap((j, i) => (nearest[j] === i && i < j && d[i]! <= median ? [[scenario.states[i]!.id, scenario.states[j]!.id] as [string, string]] : []));
}

const cases: [string, Scenario][] = [
  ["rival-shores", builtinScenario("rival-shores")!],
  ["3 generated states", generateScenario(3, 11)],
  ["50 generated states", generateScenario(50, 12)],
  ["400 generated states", generateScenario(400, 13)],
];

describe("generated maps", () => {
  it.each(cases)("%s: integer points in the frame, a territory and its marker for every state, no overlap", (_name, scenario) => {
    expect(usesWorld(scenario)).toBe(false);
    const g = buildMapGeometry(scenario, null);
    expect(g.projection).toBe("generated");
    expect(g.schematic).toBe(false);
    expect(g.credit).toBe("Invented geography");
    expect(g.land).toEqual([]);
    expect(JSON.stringify(g)).not.toMatch(/null|NaN/);
    expectIntegersInFrame(g);
    expectStatesAtHome(g, scenario, 0);
    expectNoOverlap(g);
  });

  it.each(cases)("%s: close neighbours share a border", (_name, scenario) => {
    const g = buildMapGeometry(scenario, null);
    const pairs = closeMutualNeighbours(scenario);
    expect(pairs.length).toBeGreaterThan(0);
    for (const [a, b] of pairs) expect(touching(g.territories[a]!, g.territories[b]!, 1.5), `${a} and ${b} share a border`).toBe(true);
  });

  it.each(cases)("%s: the same scenario gives the same JSON, byte for byte", (_name, scenario) => {
    expect(JSON.stringify(buildMapGeometry(structuredClone(scenario), null))).toBe(JSON.stringify(buildMapGeometry(scenario, null)));
  });

  it("lays the states out as their positions do: west left, north up", () => {
    const scenario = builtinScenario("rival-shores")!;
    const g = buildMapGeometry(scenario, null);
    for (const a of scenario.states) {
      for (const b of scenario.states) {
        if (a.position[0] < b.position[0]) expect(g.markers[a.id]![0], `${a.id} west of ${b.id}`).toBeLessThanOrEqual(g.markers[b.id]![0]);
        if (a.position[1] > b.position[1]) expect(g.markers[a.id]![1], `${a.id} north of ${b.id}`).toBeLessThanOrEqual(g.markers[b.id]![1]);
      }
    }
  });

  it("gives rival-shores' listed land borders a shared border on the map", () => {
    const scenario = builtinScenario("rival-shores")!;
    const g = buildMapGeometry(scenario, null);
    for (const [a, b] of scenario.borders ?? []) expect(touching(g.territories[a]!, g.territories[b]!, 1.5), `${a} and ${b}`).toBe(true);
  });

  it("makes the far western pair of rival-shores an island of its own", () => {
    const g = buildMapGeometry(builtinScenario("rival-shores")!, null);
    const west = ["ATL", "WES"];
    expect(touching(g.territories["ATL"]!, g.territories["WES"]!, 1.5)).toBe(true);
    for (const id of Object.keys(g.territories).filter((id) => !west.includes(id))) {
      for (const w of west) expect(touching(g.territories[w]!, g.territories[id]!, 5), `${w} and ${id}`).toBe(false);
    }
  });

  it("draws another outline for another scenario id (the noise is seeded by the id)", () => {
    const positions: [number, number][] = [[0, 0], [800, 100], [300, 700], [-500, 400]];
    const a = buildMapGeometry(scenarioAt("noise-a", positions), null);
    const b = buildMapGeometry(scenarioAt("noise-b", positions), null);
    expect(b.markers).toEqual(a.markers);
    expect(JSON.stringify(b.territories)).not.toBe(JSON.stringify(a.territories));
  });

  it.each([
    ["three states at one point", [[0, 0], [0, 0], [0, 0]]],
    ["two of five at one point", [[0, 0], [700, 0], [700, 0], [0, 700], [700, 700]]],
    ["two a metre apart among far ones", [[0, 0], [0.001, 0], [3000, 0], [0, 3000]]],
    ["all on one line", [[0, 0], [100, 0], [200, 0], [300, 0], [400, 0]]],
  ] as [string, [number, number][]][])("%s: nudged apart, a territory each, no NaN", (_name, positions) => {
    const scenario = scenarioAt("crowded", positions);
    const g = buildMapGeometry(scenario, null);
    expect(JSON.stringify(g)).not.toMatch(/null|NaN/);
    expectIntegersInFrame(g);
    expectStatesAtHome(g, scenario, 0);
    expectNoOverlap(g);
    const markers = Object.values(g.markers).map((m) => m.join(","));
    expect(new Set(markers).size).toBe(markers.length);
  });

  it("holds for any small set of positions (property)", () => {
    const position = fc.tuple(fc.integer({ min: -2000, max: 2000 }), fc.integer({ min: -2000, max: 2000 }));
    fc.assert(
      fc.property(fc.array(position, { minLength: 3, maxLength: 12 }), (positions) => {
        const scenario = scenarioAt("property", positions);
        const g = buildMapGeometry(scenario, null);
        expectIntegersInFrame(g);
        expectStatesAtHome(g, scenario, 0);
        expectNoOverlap(g);
        for (const state of scenario.states) {
          const [x, y] = g.markers[state.id]!;
          for (const other of scenario.states) if (other.id !== state.id) expect(inTerritory(g.territories[other.id]!, x, y)).toBe(false);
        }
      }),
      { numRuns: 60, seed: 20261130 },
    );
  });
});
