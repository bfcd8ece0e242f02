// The part of a game's state that the theories read: who is where, how strong,
// who is allied with whom, and who did what to whom. The rules keep a richer
// state (see rules/types.ts) that extends this one.
import type { DeedKind } from "../scenario/schema.js";

export type Pair = [string, string];

export interface Deed {
  /** Round in which it happened; scenario history before the game has round <= 0. */
  round: number;
  from: string;
  to: string;
  kind: DeedKind;
}

export interface Power {
  id: string;
  name: string;
  economy: number;
  /** Forces that can only defend their own territory. */
  defense: number;
  /** Forces that can project power and attack. */
  offense: number;
  /** [x, y] in kilometres. */
  position: [number, number];
}

export interface World {
  /** The round about to be played (predictions are made at its start). */
  round: number;
  /** Distance in km at which power counts half: g(d) = 1 / (1 + d / distanceScale). */
  distanceScale: number;
  states: Power[];
  /** Alliances in force, each pair sorted by id. */
  alliances: Pair[];
  /** Declared neighbours, each pair sorted by id: they count at distance 0. */
  borders: Pair[];
  deeds: Deed[];
}

export const THEORIES = ["balance-of-power", "balance-of-threat", "bandwagon"] as const;
export type Theory = (typeof THEORIES)[number];

export const THEORY_NAMES: Record<Theory, string> = {
  "balance-of-power": "balance of power",
  "balance-of-threat": "balance of threat",
  bandwagon: "bandwagoning",
};

export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

export function sortedPair(a: string, b: string): Pair {
  return a < b ? [a, b] : [b, a];
}

/** Map from each state to the set of its direct allies. */
export function allyMap(world: Pick<World, "states" | "alliances">): Map<string, Set<string>> {
  const map = new Map<string, Set<string>>();
  for (const s of world.states) map.set(s.id, new Set());
  for (const [a, b] of world.alliances) {
    map.get(a)?.add(b);
    map.get(b)?.add(a);
  }
  return map;
}

export function areAllied(world: Pick<World, "alliances">, a: string, b: string): boolean {
  return world.alliances.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
}

export function military(p: Power): number {
  return p.defense + p.offense;
}

export function stateById(world: Pick<World, "states">, id: string): Power {
  const s = world.states.find((x) => x.id === id);
  if (!s) throw new Error(`no state "${id}" in this world`);
  return s;
}
