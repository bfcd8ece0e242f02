// The Natural Earth countries (world-atlas package, public domain) read from
// node_modules once per resolution: the only I/O behind a scenario's map. The
// builder itself (shared/map/build.ts) is pure.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Topology } from "topojson-specification";
import { usesWorld } from "../../shared/map/build.js";
import type { Scenario } from "../../shared/scenario/schema.js";

export type WorldResolution = "50m" | "110m";

const cache = new Map<WorldResolution, Topology>();

/** The world-atlas countries topology at 1:50m or 1:110m scale (objects.countries, each named by properties.name); read once, then cached. */
export function loadWorld(resolution: WorldResolution): Topology {
  let world = cache.get(resolution);
  if (!world) {
    const path = createRequire(import.meta.url).resolve(`world-atlas/countries-${resolution}.json`);
    world = JSON.parse(readFileSync(path, "utf8")) as Topology;
    cache.set(resolution, world);
  }
  return world;
}

/** What buildMapGeometry needs for `scenario`: the 1:50m countries when its states have territories, else null (a generated map). */
export function worldFor(scenario: Scenario): Topology | null {
  return usesWorld(scenario) ? loadWorld("50m") : null;
}
