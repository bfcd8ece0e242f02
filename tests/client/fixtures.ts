// Map views built from the built-in scenarios, and a synthetic crowded one.
import type { MapGeometry } from "../../shared/map/types.js";
import { builtinScenario } from "../../shared/scenario/builtin/index.js";
import type { MapState, MapData } from "../../client/src/map/types.js";

/** The scenario's states as the pages would pass them (power share from military + economy). */
export function scenarioStates(id: string, bots: readonly string[] = []): MapState[] {
  const scenario = builtinScenario(id);
  if (!scenario) throw new Error(`no scenario ${id}`);
  const total = scenario.states.reduce((t, s) => t + s.military + s.economy, 0);
  return scenario.states.map((s) => ({
    id: s.id,
    name: s.name,
    color: s.color ?? "",
    x: s.position[0],
    y: s.position[1],
    powerShare: (s.military + s.economy) / total,
    control: bots.includes(s.id) ? "balance-of-threat" : "team",
  }));
}

export function scenarioAlliances(id: string): [string, string][] {
  return (builtinScenario(id)?.alliances ?? []).map(([a, b]) => [a, b] as [string, string]);
}

/** Rival Shores as a Borealis student sees it after round 2. */
export function rivalView(overrides: Partial<MapData> = {}): MapData {
  return {
    mapUrl: "",
    states: scenarioStates("rival-shores", ["FJO", "WES"]),
    alliances: [
      ["ATL", "GAL"],
      ["CAS", "DRV"],
    ],
    own: "BOR",
    offers: [
      { from: "BOR", to: "ELM", accepted: false },
      { from: "BOR", to: "FJO", accepted: true },
    ],
    deeds: [
      { from: "BOR", to: "CAS", kind: "attack", round: 2 },
      { from: "BOR", to: "DRV", kind: "threat", round: 2 },
      { from: "GAL", to: "ATL", kind: "betrayal", round: 2 },
    ],
    selected: "CAS",
    ...overrides,
  };
}

/** n states spread over 15,000 x 8,000 km with very unequal power (deterministic). */
export function crowdedStates(n: number, seed = 7): MapState[] {
  let s = seed;
  const rnd = () => (s = (s * 16807) % 2147483647) / 2147483647;
  const raw = Array.from({ length: n }, (_, i) => ({
    id: `S${String(i).padStart(3, "0")}`,
    power: rnd() ** 3 * 50 + 1,
    x: (rnd() - 0.5) * 15000,
    y: (rnd() - 0.5) * 8000,
  }));
  const total = raw.reduce((t, r) => t + r.power, 0);
  return raw.map((r) => ({
    id: r.id,
    name: `State ${r.id}`,
    color: "",
    x: r.x,
    y: r.y,
    powerShare: r.power / total,
    control: "team",
  }));
}

export const SIZES = {
  phone: { width: 360, height: 518 },
  desktop: { width: 1280, height: 560 },
  projector: { width: 1920, height: 1080 },
} as const;

/**
 * A made-up map geometry for the states of `rivalView()`: a 4 x 2 grid of
 * square territories in a 800 x 400 frame (map units), markers at their
 * centres, a strip of land belonging to no state along the bottom.
 */
export function gridGeometry(): MapGeometry {
  const ids = rivalView().states.map((s) => s.id);
  const territories: Record<string, number[][]> = {};
  const markers: Record<string, [number, number]> = {};
  ids.forEach((id, i) => {
    const x = (i % 4) * 200;
    const y = Math.floor(i / 4) * 180;
    territories[id] = [[x, y, x + 190, y, x + 190, y + 170, x, y + 170]];
    markers[id] = [x + 95, y + 85];
  });
  return {
    version: 1,
    scenarioId: "rival-shores",
    width: 800,
    height: 400,
    projection: "generated",
    schematic: false,
    credit: "Invented geography",
    land: [[0, 370, 800, 370, 800, 400, 0, 400]],
    territories,
    markers,
  };
}
