// A scenario's map geometry, built once per key and kept (a few dozen kB each):
// the pure builder (shared/map/build.ts) given the Natural Earth shapes when
// the scenario's states have territories (world.ts).
import { buildMapGeometry, MapBuildError } from "../../shared/map/build.js";
import type { MapGeometry } from "../../shared/map/types.js";
import type { Scenario } from "../../shared/scenario/schema.js";
import { mapKey } from "./key.js";
import { worldFor } from "./world.js";

/** Most maps kept in memory (the oldest goes first): one per scenario in use. */
const MAX_KEPT = 64;
const kept = new Map<string, string>();

/**
 * The map of a scenario as JSON text (the `MapGeometry` of shared/map/types.ts).
 * Throws MapBuildError (its `issues` name the scenario paths) when the scenario's
 * territories name countries Natural Earth does not have.
 */
export function mapGeometryJson(scenario: Scenario): string {
  const key = mapKey(scenario);
  const known = kept.get(key);
  if (known !== undefined) return known;
  const geometry: MapGeometry = buildMapGeometry(scenario, worldFor(scenario));
  const json = JSON.stringify(geometry);
  kept.set(key, json);
  if (kept.size > MAX_KEPT) kept.delete(kept.keys().next().value as string);
  return json;
}

/**
 * The problems that stop the scenario's map from being built (each a sentence naming its path, like the
 * validator's: `states[3].territory[1]: "Austrai" is not a Natural Earth country name (did you mean "Austria"?)`),
 * or [] when it builds (it is then kept, ready for the first page that asks).
 */
export function mapProblems(scenario: Scenario): string[] {
  try {
    mapGeometryJson(scenario);
    return [];
  } catch (err) {
    if (err instanceof MapBuildError) return err.issues;
    throw err;
  }
}
