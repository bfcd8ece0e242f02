// The Node side of the map: world-atlas read from node_modules once, and the
// right world (or none) for each scenario.
import { describe, expect, it } from "vitest";
import { countriesByName } from "../../shared/map/countries.js";
import { builtinScenario } from "../../shared/scenario/builtin/index.js";
import { loadWorld, worldFor } from "../../server/maps/world.js";

describe("loadWorld and worldFor", () => {
  it("reads the Natural Earth countries at both scales, once each", () => {
    const fine = loadWorld("50m");
    const coarse = loadWorld("110m");
    expect(loadWorld("50m")).toBe(fine);
    expect(countriesByName(fine).has("Bosnia and Herz.")).toBe(true);
    expect(countriesByName(coarse).size).toBeLessThan(countriesByName(fine).size);
    expect(coarse.arcs.length).toBeLessThan(fine.arcs.length);
  });

  it("gives a historical scenario the 1:50m world and a generated one none", () => {
    expect(worldFor(builtinScenario("europe-1914")!)).toBe(loadWorld("50m"));
    expect(worldFor(builtinScenario("rival-shores")!)).toBeNull();
  });
});
