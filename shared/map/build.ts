// The map geometry of a scenario (see types.ts): a historical map from Natural
// Earth countries when its states name their territory, a generated one
// otherwise. Pure: the world topology comes in as an argument (the server loads
// it, server/maps/world.ts). See docs/scenarios.md, "Map and territories".
import type { Topology } from "topojson-specification";
import type { Scenario } from "../scenario/schema.js";
import { MapBuildError } from "./errors.js";
import { buildGenerated } from "./generated.js";
import { buildHistorical } from "./historical.js";
import type { MapGeometry } from "./types.js";

export { MapBuildError } from "./errors.js";

/** Format version of the geometry this builder makes (bump when its output changes). */
export const MAP_GEOMETRY_VERSION = 1;

/** True when the scenario's map is drawn from Natural Earth countries (its states have a territory). */
export function usesWorld(scenario: Scenario): boolean {
  return scenario.states.length > 0 && scenario.states.every((s) => s.territory !== undefined);
}

/**
 * The map of `scenario`, in map units (integers, x right, y down, long side 1000).
 * `world` is the world-atlas countries topology (countries-50m.json) for a
 * scenario whose states have territories, or null for a generated map.
 * Deterministic: the same scenario and world give the same object.
 * Throws MapBuildError (its `issues` name the path) when a territory names an
 * unknown country, when only some states have a territory, or when the world is missing.
 */
export function buildMapGeometry(scenario: Scenario, world: Topology | null): MapGeometry {
  const withTerritory = scenario.states.filter((s) => s.territory !== undefined).length;
  if (withTerritory === 0) return buildGenerated(scenario, MAP_GEOMETRY_VERSION);
  if (withTerritory < scenario.states.length) {
    const missing = scenario.states.flatMap((s, i) => (s.territory === undefined ? [`states[${i}]`] : []));
    throw new MapBuildError(missing.map((path) => `${path}.territory: missing; either every state has a territory or none has`));
  }
  if (!world) throw new MapBuildError(["scenario: its states have territories, but no world map (Natural Earth countries) was given to draw them"]);
  return buildHistorical(scenario, world, MAP_GEOMETRY_VERSION);
}
