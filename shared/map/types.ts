// The map geometry of a scenario: the basemap and one territory per state,
// already projected into a flat frame (map units, x right, y down), so that
// the client only scales and translates it. Built by build.ts (pure) from the
// scenario and, for historical scenarios, Natural Earth country shapes
// (world-atlas); served as /maps/<key>.json (see docs/scenarios.md).

/** A closed ring as a flat list [x0, y0, x1, y1, ...] in map units (integers), first point not repeated. */
export type Ring = number[];

export interface MapGeometry {
  /** Format version of this object (bumped when the shape or the builder changes). */
  version: number;
  /** The scenario it was built for. */
  scenarioId: string;
  /** Size of the frame in map units; every coordinate lies within [0, width] x [0, height]. */
  width: number;
  height: number;
  /** The projection, in words for the map's credit line: "conic conformal", "Natural Earth", "generated". */
  projection: string;
  /** True when territories approximate historical states from modern countries ("schematic borders"). */
  schematic: boolean;
  /** Source line shown on the map, e.g. "Made with Natural Earth" or "Invented geography". */
  credit: string;
  /** Land that belongs to no state of the scenario (background), outer rings only. */
  land: Ring[];
  /** Each state's territory (by state id): outer rings, biggest first. Every state of the scenario has one. */
  territories: Record<string, Ring[]>;
  /** Where each state's power marker sits (by state id): its capital, or a point well inside its territory. */
  markers: Record<string, [number, number]>;
}
