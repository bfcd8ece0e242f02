// The name of a scenario's map geometry: a hash of everything the builder reads
// (shared/map/build.ts) and of the builder's version, so that the same
// geography always has the same name and a changed one never reuses a cached
// file. Built-in maps are written at build time as client/dist/maps/<key>.json
// (client/vite.config.ts); the server builds the others on demand (route.ts).
import { createHash } from "node:crypto";
import { MAP_GEOMETRY_VERSION } from "../../shared/map/build.js";
import type { Scenario } from "../../shared/scenario/schema.js";

const keys = new WeakMap<Scenario, string>();

/** 16 hex digits naming the map of this scenario (cached per scenario object). */
export function mapKey(scenario: Scenario): string {
  const known = keys.get(scenario);
  if (known) return known;
  const input = JSON.stringify([
    MAP_GEOMETRY_VERSION,
    scenario.id,
    scenario.states.map((s) => [s.id, s.position, s.territory ?? null, s.capital ?? null]),
  ]);
  const key = createHash("sha256").update(input).digest("hex").slice(0, 16);
  keys.set(scenario, key);
  return key;
}
