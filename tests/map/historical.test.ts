// The maps of the built-in historical scenarios, drawn from Natural Earth
// countries: every state at home, nothing on top of anything else, Europe the
// right way round, small enough to send, and the same every time.
import { MIN_FRAME_ASPECT } from "../../shared/map/projection.js";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { buildMapGeometry, MapBuildError, MAP_GEOMETRY_VERSION, usesWorld } from "../../shared/map/build.js";
import { builtinScenario, builtinScenarios } from "../../shared/scenario/builtin/index.js";
import type { Scenario } from "../../shared/scenario/schema.js";
import { validateScenario } from "../../shared/scenario/validate.js";
import { loadWorld, worldFor } from "../../server/maps/world.js";
import { labelPoint } from "../../shared/map/rings.js";
import { distanceTo, expectIntegersInFrame, expectNoOverlap, expectStatesAtHome, inTerritory, touching } from "./checks.js";

const historical = builtinScenarios().filter(usesWorld);
const built = new Map(historical.map((s) => [s.id, buildMapGeometry(s, worldFor(s))]));
const mapOf = (id: string) => built.get(id)!;

/** A built-in scenario as plain JSON, to edit and validate again. */
const copyOf = (id: string): Record<string, any> => structuredClone(builtinScenario(id)!) as Record<string, any>;

describe("historical maps of the built-in scenarios", () => {
  it("covers every built-in scenario with territories (all but rival-shores)", () => {
    expect(historical.map((s) => s.id).sort()).toEqual(["cold-war-1947", "europe-1914", "europe-1936"]);
    expect(usesWorld(builtinScenario("rival-shores")!)).toBe(false);
    expect(worldFor(builtinScenario("rival-shores")!)).toBeNull();
  });

  it.each(historical.map((s) => [s.id, s] as const))("%s: integer points in the frame, a territory and a marker at home for every state", (id, scenario) => {
    const g = mapOf(id);
    expect(g.version).toBe(MAP_GEOMETRY_VERSION);
    expect(g.scenarioId).toBe(id);
    expect(g.schematic).toBe(true);
    expect(g.credit).toMatch(/Natural Earth/);
    expect(g.land.length).toBeGreaterThan(0);
    expectIntegersInFrame(g);
    expectStatesAtHome(g, scenario, 3);
  });

  it.each(historical.map((s) => [s.id] as const))("%s: no territory lies on another", (id) => {
    expectNoOverlap(mapOf(id));
  });

  it.each(historical.map((s) => [s.id, s] as const))("%s: each capital sits in its own state and in no other", (id, scenario) => {
    const g = mapOf(id);
    for (const state of scenario.states) {
      const [x, y] = g.markers[state.id]!;
      for (const other of scenario.states) {
        if (other.id !== state.id) expect(inTerritory(g.territories[other.id]!, x, y), `${state.id}'s marker inside ${other.id}`).toBe(false);
      }
    }
  });

  it.each(historical.map((s) => [s.id, s] as const))("%s: capitals keep their compass directions (west left, north up)", (id, scenario) => {
    const g = mapOf(id);
    const caps = scenario.states.map((s) => ({ id: s.id, ...s.capital!, at: g.markers[s.id]! }));
    let compared = 0;
    for (const a of caps) {
      for (const b of caps) {
        if (a.lon + 5 < b.lon && Math.abs(a.lat - b.lat) < 8) {
          expect(a.at[0], `${a.id} west of ${b.id}`).toBeLessThan(b.at[0]);
          compared++;
        }
        if (a.lat > b.lat + 5 && Math.abs(a.lon - b.lon) < 15) {
          expect(a.at[1], `${a.id} north of ${b.id}`).toBeLessThan(b.at[1]);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(5);
  });

  it.each(historical.map((s) => [s.id, s] as const))("%s: the scenario's land borders are shared borders on the map", (id, scenario) => {
    // Known gap of the approximation: in 1936 Czechoslovakia and Poland touched Romania through
    // Ruthenia and Galicia, which lie in modern Ukraine, drawn as Soviet.
    const gaps = new Set(["CZE-ROU", "ROU-POL"]);
    const g = mapOf(id);
    const pairs = (scenario.borders ?? []).filter(([a, b]) => !(id === "europe-1936" && gaps.has(`${a}-${b}`)));
    expect(pairs.length).toBeGreaterThan(5);
    for (const [a, b] of pairs) expect(touching(g.territories[a]!, g.territories[b]!, 1.5), `${a} and ${b} share a border`).toBe(true);
    // And the distant ones do not: Britain touches nobody.
    for (const other of scenario.states) if (other.id !== "GBR") expect(touching(g.territories["GBR"]!, g.territories[other.id]!, 1.5), `GBR and ${other.id}`).toBe(false);
  });

  it("draws Europe with a conic projection and the cold war, from the USA to the Soviet Union, on a world projection", () => {
    expect(mapOf("europe-1914").projection).toBe("conic conformal");
    expect(mapOf("europe-1936").projection).toBe("conic conformal");
    expect(mapOf("cold-war-1947").projection).toBe("Natural Earth");
    // The world view is wider than high, but never a thin strip that leaves a screen's map area empty.
    for (const id of ["cold-war-1947", "europe-1914", "europe-1936"]) {
      const g = mapOf(id);
      expect(Math.min(g.width, g.height) / Math.max(g.width, g.height), id).toBeGreaterThanOrEqual(MIN_FRAME_ASPECT - 0.01);
    }
    expect(mapOf("cold-war-1947").width).toBeGreaterThan(mapOf("cold-war-1947").height);
  });

  it("gives a big state a big territory: Russia outsizes Belgium, the Soviet Union outsizes France", () => {
    const area = (id: string, state: string) => mapOf(id).territories[state]!.reduce((s, r) => s + Math.abs(ringAreaOf(r)), 0);
    expect(area("europe-1914", "RUS")).toBeGreaterThan(20 * area("europe-1914", "BEL"));
    expect(area("cold-war-1947", "SOV")).toBeGreaterThan(10 * area("cold-war-1947", "FRA"));
  });

  it.each(historical.map((s) => [s.id, s] as const))("%s: the same scenario gives the same JSON, byte for byte, and leaves the world untouched", (id, scenario) => {
    const world = structuredClone(loadWorld("50m"));
    const before = JSON.stringify(world);
    const again = JSON.stringify(buildMapGeometry(structuredClone(scenario), world));
    expect(again).toBe(JSON.stringify(mapOf(id)));
    expect(JSON.stringify(world)).toBe(before);
  });

  it.each(historical.map((s) => [s.id] as const))("%s: under 60 kB gzipped as JSON", (id) => {
    const json = JSON.stringify(mapOf(id));
    expect(gzipSync(json).length).toBeLessThan(60_000);
  });

  it("puts a marker at the capital, not in the middle of the territory: St Petersburg on Russia's coast", () => {
    const g = mapOf("europe-1914");
    const russia = g.territories["RUS"]!;
    const [x, y] = g.markers["RUS"]!;
    const [lx, ly] = labelPoint(russia[0]!);
    expect(distanceTo(russia, x, y)).toBeLessThan(20); // at the head of the Gulf of Finland
    expect(distanceTo(russia, lx, ly)).toBeGreaterThan(50); // the pole of inaccessibility is deep inland
  });
});

function ringAreaOf(ring: number[]): number {
  let sum = 0;
  for (let i = 0; i < ring.length; i += 2) {
    const j = (i + 2) % ring.length;
    sum += ring[i]! * ring[j + 1]! - ring[j]! * ring[i + 1]!;
  }
  return sum / 2;
}

describe("errors in territories", () => {
  const world = loadWorld("50m");

  it("names the path of an unknown country and suggests the close Natural Earth name", () => {
    const input = copyOf("europe-1914");
    const i = (input.states as { id: string }[]).findIndex((s) => s.id === "AUH");
    input.states[i].territory[0] = "Austrai";
    input.states[i].territory[6] = "Bosnia";
    const result = validateScenario(input);
    expect(result.ok).toBe(true); // the names are checked where the atlas is
    const scenario = (result as { scenario: Scenario }).scenario;
    let error: unknown;
    try {
      buildMapGeometry(scenario, world);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MapBuildError);
    expect((error as MapBuildError).issues).toEqual([
      `states[${i}].territory[0]: "Austrai" is not a Natural Earth country name (did you mean "Austria"?)`,
      `states[${i}].territory[6]: "Bosnia" is not a Natural Earth country name (did you mean "Bosnia and Herz."?)`,
    ]);
  });

  it("says so when a name is close to nothing", () => {
    const input = copyOf("europe-1936");
    input.states[0].territory = ["Atlantis of the North"];
    const scenario = (validateScenario(input) as { scenario: Scenario }).scenario;
    expect(() => buildMapGeometry(scenario, world)).toThrow(/states\[0\]\.territory\[0\]: "Atlantis of the North" is not a Natural Earth country name/);
  });

  it("refuses a country in two states, naming the path and the first owner", () => {
    const input = copyOf("europe-1914");
    const states = input.states as { id: string; territory: string[] }[];
    const srb = states.findIndex((s) => s.id === "SRB");
    states[srb]!.territory.push("Austria");
    const result = validateScenario(input);
    expect(result.ok).toBe(false);
    expect((result as { errors: string[] }).errors).toContain(`states[${srb}].territory[3]: "Austria" already belongs to AUH`);
  });

  it("refuses a country listed twice in one state", () => {
    const input = copyOf("europe-1936");
    input.states[0].territory.push("Germany");
    expect((validateScenario(input) as { errors: string[] }).errors).toContain('states[0].territory[1]: "Germany" is listed twice');
  });

  it("refuses a scenario where only some states have a territory, and the builder refuses it too", () => {
    const input = copyOf("europe-1936");
    delete input.states[2].territory;
    delete input.states[5].territory;
    const result = validateScenario(input);
    expect(result.ok).toBe(false);
    const errors = (result as { errors: string[] }).errors;
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^states\[2\], states\[5\]: have no territory; either every state has a territory .* or none has/);
    const partial = structuredClone(builtinScenario("europe-1936")!);
    delete partial.states[3]!.territory;
    expect(() => buildMapGeometry(partial, world)).toThrow(MapBuildError);
    expect(() => buildMapGeometry(partial, world)).toThrow(/states\[3\]\.territory: missing/);
  });

  it("refuses to draw territories without the world", () => {
    expect(() => buildMapGeometry(builtinScenario("europe-1914")!, null)).toThrow(MapBuildError);
  });

  it("checks the size of a territory list", () => {
    const empty = copyOf("europe-1914");
    empty.states[0].territory = [];
    expect((validateScenario(empty) as { errors: string[] }).errors).toContain("states[0].territory: must name at least one country");
    const long = copyOf("europe-1914");
    long.states[0].territory = Array.from({ length: 41 }, (_, i) => `Country ${i}`);
    expect((validateScenario(long) as { errors: string[] }).errors).toContain("states[0].territory: must name at most 40 countries");
  });
});
