// Dense look-ups over one world as it stands, for the computations that visit
// every pair of states (predictions, scores): each state gets a number (its
// place in `world.states`), alliances become an n × n table of flags and distances
// an n × n table of km, so that the inner loops make no strings and no look-ups by id.
// Build one per batch of work on a world that does not change meanwhile; the
// quantities are the same as those of world.ts and proximity.ts, pair by pair.
import { distanceTable } from "./proximity.js";
import type { Pair, Power, World } from "./world.js";

export interface WorldIndex {
  /** The states, in the order of `world.states` (index i is `states[i]`). */
  states: readonly Power[];
  n: number;
  /** Each state's index by id. */
  of: ReadonlyMap<string, number>;
  /** Alliances in force: `allied[i * n + j]` is 1 when states i and j are allied (both orders), else 0. */
  allied: Uint8Array;
  /** Distances in km: `km[i * n + j]`, see `distanceAt`. */
  km: Float64Array;
}

/** The pairs as an n × n table of flags, set in both orders (pairs naming an unknown state are skipped). */
function pairTable(pairs: readonly Pair[], of: ReadonlyMap<string, number>, n: number): Uint8Array {
  const table = new Uint8Array(n * n);
  for (const [a, b] of pairs) {
    const i = of.get(a);
    const j = of.get(b);
    if (i === undefined || j === undefined) continue;
    table[i * n + j] = 1;
    table[j * n + i] = 1;
  }
  return table;
}

/**
 * Indexes the world's states, alliances and distances: O(states² + alliances) (the alliance table
 * is n × n bytes; the distances come from `distanceTable`, computed once per game).
 */
export function indexWorld(world: Pick<World, "states" | "alliances" | "borders">): WorldIndex {
  const n = world.states.length;
  const of = new Map<string, number>();
  world.states.forEach((s, i) => of.set(s.id, i));
  return { states: world.states, n, of, allied: pairTable(world.alliances, of, n), km: distanceTable(world).km };
}

/** Whether states i and j are allied. */
export function alliedAt(ix: WorldIndex, i: number, j: number): boolean {
  return ix.allied[i * ix.n + j] === 1;
}

/**
 * Distance in km between states i and j, exactly as `distanceBetween` (proximity.ts) gives it:
 * the straight line between their positions, or 0 for declared neighbours at most
 * MAX_BORDER_DISTANCE apart. Symmetric in i and j.
 */
export function distanceAt(ix: WorldIndex, i: number, j: number): number {
  return ix.km[i * ix.n + j]!;
}
