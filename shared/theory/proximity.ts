// Geographic proximity, Walt's second source of threat: how near two states
// are, and how much of one's power reaches the other.
//
// Distance is the straight line between two positions (km), or 0 for declared
// neighbours that are actually near. Proximity is a loss-of-strength gradient
// (Boulding 1962) whose length depends on both states' reach:
//
//     proximity(i, j) = 1 / (1 + (d / (reach(i) + reach(j)))^2)
//     reach(k)        = 0.4 × distanceScale × sqrt(0.01 + offensive forces of k / 30)
//
// - Power projection: offensive forces carry power far, defensive forces do
//   not, so a state with large offensive forces reaches far (reach(j)).
// - Regional and global horizons (Walt 1987, ch. 5; Lemke 2002, "relevant
//   neighbourhoods"): small states balance against those close by, great
//   powers against the largest capabilities anywhere. A state's own reach is
//   also how far it looks (reach(i)): two great powers weigh each other across
//   oceans, a small state looks at its own region.
// - The inverse-square form (as in gravity models of interaction) is flat near
//   home and falls fast far away: steep enough that a distant great power with
//   no record does not outrank a small state's hostile neighbour, which the
//   gentler 1 / (1 + d / 1000 km) could not achieve at any scale.
// g(0) = 1 and g is strictly decreasing in d. Sources: Boulding, K. (1962)
// Conflict and Defense; Walt, S. (1987) The Origins of Alliances; Lemke, D.
// (2002) Regions of War and Peace, Cambridge UP.
import { neighbourMap, stateById, type Pair, type Power, type World } from "./world.js";

/** Farthest apart (km, between positions) two states declared neighbours in `borders` may be. */
export const MAX_BORDER_DISTANCE = 3000;
/** An average state's reach is this share of the world's distance scale (400 km at the default 1,000 km). */
export const REACH_SHARE_OF_SCALE = 0.4;
/** A state with no offensive forces still reaches this share of an average state's reach (its own region). */
export const MIN_REACH_FACTOR = 0.1;
/**
 * Offensive forces of an average state at the start of a game (a game puts forces on a
 * scale where the average state has 100; 30% offensive). An absolute yardstick, so that
 * one state's arms race never shrinks another's reach.
 */
export const REFERENCE_OFFENSE = 30;

/** Straight-line distance in km between the two positions. */
export function rawDistance(world: Pick<World, "states">, a: string, b: string): number {
  if (a === b) return 0;
  const pa = stateById(world, a).position;
  const pb = stateById(world, b).position;
  return Math.hypot(pa[0] - pb[0], pa[1] - pb[1]);
}

/**
 * Distance in km between two states: 0 for declared neighbours whose positions
 * are at most MAX_BORDER_DISTANCE apart (a border list cannot make two states
 * 8,000 km apart neighbours; the scenario validator refuses such a border),
 * otherwise the straight-line distance. Read from `distanceTable`.
 */
export function distanceBetween(world: Pick<World, "states" | "borders">, a: string, b: string): number {
  if (a === b) return 0;
  const table = distanceTable(world);
  const i = table.of.get(a);
  const j = table.of.get(b);
  if (i === undefined || j === undefined) return rawDistance(world, a, b); // throws: no such state
  return table.km[i * table.n + j]!;
}

/** Every pair's distance in one world: `km[i * n + j]` between the states at i and j of `world.states`. */
export interface DistanceTable {
  n: number;
  /** Each state's index by id. */
  of: ReadonlyMap<string, number>;
  /** Km, as `distanceBetween` defines it; symmetric, 0 on the diagonal. */
  km: Float64Array;
}

interface DistanceEntry {
  /** The states' ids and positions ([x, y] after each other) when the entry was made. */
  ids: string[];
  xy: Float64Array;
  length: number;
  borders: readonly Pair[];
  bordersLength: number;
  table: DistanceTable;
}

/** Tables by states array, and the last table made for each borders array (see `distanceTable`). */
const distanceByStates = new WeakMap<readonly Power[], DistanceEntry>();
const distanceByBorders = new WeakMap<readonly Pair[], DistanceEntry>();

/** The states' positions, [x, y] after each other. */
function positionsOf(states: readonly Power[]): Float64Array {
  const xy = new Float64Array(2 * states.length);
  states.forEach((s, i) => {
    xy[2 * i] = s.position[0];
    xy[2 * i + 1] = s.position[1];
  });
  return xy;
}

/** Whether the entry was made for these states: the same ids at the same positions, in the same order. */
function samePlaces(entry: DistanceEntry, states: readonly Power[]): boolean {
  if (entry.length !== states.length) return false;
  for (let i = 0; i < states.length; i++) {
    const s = states[i]!;
    if (entry.ids[i] !== s.id || entry.xy[2 * i] !== s.position[0] || entry.xy[2 * i + 1] !== s.position[1]) return false;
  }
  return true;
}

/**
 * Every pair's distance (see `distanceBetween`), computed once: O(n²) for n states, then O(1) a
 * look-up. Cached per states array (and its length), like the other look-ups of world.ts; a game
 * copies its states every round but never moves them, so a new states array with the same ids at
 * the same positions and the same borders array reuses the table (O(n) to check).
 */
export function distanceTable(world: Pick<World, "states" | "borders">): DistanceTable {
  const { states, borders } = world;
  const cached = distanceByStates.get(states);
  if (cached && cached.length === states.length && cached.borders === borders && cached.bordersLength === borders.length) return cached.table;
  const previous = distanceByBorders.get(borders);
  let table: DistanceTable;
  if (previous && previous.bordersLength === borders.length && samePlaces(previous, states)) {
    table = previous.table;
  } else {
    const n = states.length;
    const of = new Map<string, number>();
    states.forEach((s, i) => of.set(s.id, i));
    const neighbours = neighbourMap(world);
    const km = new Float64Array(n * n);
    for (let i = 0; i < n; i++) {
      const pa = states[i]!.position;
      const near = neighbours.get(states[i]!.id);
      for (let j = i + 1; j < n; j++) {
        const pb = states[j]!.position;
        // As rawDistance (symmetric bit for bit: |a - b| = |b - a|), then declared borders.
        let d = Math.hypot(pa[0] - pb[0], pa[1] - pb[1]);
        if (d <= MAX_BORDER_DISTANCE && near?.has(states[j]!.id) === true) d = 0;
        km[i * n + j] = d;
        km[j * n + i] = d;
      }
    }
    table = { n, of, km };
  }
  // Positions copied, so that a later change in place is not mistaken for the same places.
  const entry: DistanceEntry = {
    ids: states.map((s) => s.id),
    xy: positionsOf(states),
    length: states.length,
    borders,
    bordersLength: borders.length,
    table,
  };
  distanceByStates.set(states, entry);
  distanceByBorders.set(borders, entry);
  return table;
}

/**
 * A state's reach in km: distanceScale × REACH_SHARE_OF_SCALE × sqrt(0.01 + offense / REFERENCE_OFFENSE),
 * so 400 km for an average state at the default scale, about 40 km with no offensive forces,
 * and growing with the square root of offensive forces.
 */
export function reachOf(state: { offense: number }, distanceScale: number): number {
  return distanceScale * REACH_SHARE_OF_SCALE * Math.sqrt(MIN_REACH_FACTOR ** 2 + Math.max(0, state.offense) / REFERENCE_OFFENSE);
}

/** Every state's reach (km), see `reachOf`. */
export function reaches(world: Pick<World, "states" | "distanceScale">): Map<string, number> {
  return new Map(world.states.map((s) => [s.id, reachOf(s, world.distanceScale)]));
}

/**
 * The loss-of-strength gradient between two states: 1 / (1 + (d / range)^2), where
 * range = reach(i) + reach(j) in km. 1 at distance 0, strictly decreasing in d.
 */
export function proximityDiscount(distance: number, range: number): number {
  const x = Math.max(0, distance) / Math.max(range, 1e-9);
  return 1 / (1 + x * x);
}
