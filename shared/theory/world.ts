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
  /** Done by a state to its own ally (pressure inside an alliance, from a scenario's history or a crisis). */
  withinAlliance?: true;
}

export interface Power {
  id: string;
  name: string;
  /** "the" when the name reads with an article ("the Soviet Union"); see `nameInText`. */
  article?: "the";
  economy: number;
  /** Forces that can only defend their own territory. */
  defense: number;
  /** Forces that can project power and attack. */
  offense: number;
  /** [x, y] in kilometres. */
  position: [number, number];
  /** A sea power (Levy and Thompson 2010: states seldom balance against the leading sea power). */
  maritime?: boolean;
  /** Aims to overturn the existing order: counts in its offensive intentions towards everyone. */
  revisionist?: boolean;
  /** Regime or ideology label ("communist"): a shared one lowers perceived threat, a rival one raises it. */
  ideology?: string;
}

/** A standing territorial claim: `from` claims land held by `to`. */
export interface Claim {
  from: string;
  to: string;
}

export interface World {
  /** The round about to be played (predictions are made at its start). */
  round: number;
  /**
   * Kilometres of the world's distance scale. Force in war fades as 1 / (1 + d / distanceScale)
   * (rules/strength.ts); an average state's reach in perceived threat is half of it (theory/proximity.ts).
   */
  distanceScale: number;
  states: Power[];
  /** Alliances in force, each pair sorted by id. */
  alliances: Pair[];
  /** Declared neighbours, each pair sorted by id: they count at distance 0 (when actually near). */
  borders: Pair[];
  deeds: Deed[];
  /** Standing territorial claims (none when absent). */
  claims?: Claim[];
  /** Pairs of ideologies hostile to each other, each sorted (none when absent). */
  rivalIdeologies?: Pair[];
}

export const THEORIES = ["balance-of-power", "balance-of-threat", "bandwagon"] as const;
export type Theory = (typeof THEORIES)[number];

export const THEORY_NAMES: Record<Theory, string> = {
  "balance-of-power": "balance of power",
  "balance-of-threat": "balance of threat",
  bandwagon: "bandwagoning",
};

/**
 * A state's name as it reads inside a sentence: "the Soviet Union", "France".
 * Uses the scenario's `article`; without one, names that read with "the" in English
 * (United ..., Soviet ..., ... Union, Kingdom, Republic, Empire, Netherlands, Islands, States) get it.
 * `start` capitalises the first letter, for the start of a sentence.
 */
export function nameInText(state: Pick<Power, "name" | "article">, start = false): string {
  let known = namesInText.get(state);
  if (!known || known.name !== state.name || known.article !== state.article) {
    const the =
      state.article === "the" ||
      /^(United|Soviet|Republic|Kingdom|Empire|Federation|Union)\b|\b(Union|Kingdom|Republic|Empire|Emirates|Netherlands|Islands|States|Federation)$/.test(state.name);
    known = { name: state.name, article: state.article, text: the ? `the ${state.name}` : state.name };
    namesInText.set(state, known);
  }
  const text = known.text;
  return start ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

/**
 * `nameInText`'s text by state object, with the name and article it was made from (a changed
 * name is worked out again): the predictions of a round name each state about ten times.
 */
const namesInText = new WeakMap<Pick<Power, "name" | "article">, { name: string; article: string | undefined; text: string }>();

export function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

export function sortedPair(a: string, b: string): Pair {
  return a < b ? [a, b] : [b, a];
}

// Look-ups below are cached per array (and its length, since the rules only
// ever append to or replace these arrays), so that worlds of hundreds of
// states stay fast without the callers having to carry an index around.
const allyCache = new WeakMap<Pair[], { length: number; states: number; map: Map<string, Set<string>> }>();
const idCache = new WeakMap<Power[], { length: number; map: Map<string, Power> }>();
const pairCache = new WeakMap<Pair[], { length: number; set: Set<string> }>();

/** Map from each state to the set of its direct allies (do not modify the result). */
export function allyMap(world: Pick<World, "states" | "alliances">): Map<string, Set<string>> {
  const cached = allyCache.get(world.alliances);
  if (cached && cached.length === world.alliances.length && cached.states === world.states.length) return cached.map;
  const map = new Map<string, Set<string>>();
  for (const s of world.states) map.set(s.id, new Set());
  for (const [a, b] of world.alliances) {
    map.get(a)?.add(b);
    map.get(b)?.add(a);
  }
  allyCache.set(world.alliances, { length: world.alliances.length, states: world.states.length, map });
  return map;
}

const neighbourCache = new WeakMap<Pair[], { length: number; map: Map<string, Set<string>> }>();

/** Map from each state to the set of its declared neighbours, from `world.borders` (do not modify the result). */
export function neighbourMap(world: Pick<World, "borders">): Map<string, Set<string>> {
  const cached = neighbourCache.get(world.borders);
  if (cached && cached.length === world.borders.length) return cached.map;
  const map = new Map<string, Set<string>>();
  for (const [a, b] of world.borders) {
    map.set(a, (map.get(a) ?? new Set()).add(b));
    map.set(b, (map.get(b) ?? new Set()).add(a));
  }
  neighbourCache.set(world.borders, { length: world.borders.length, map });
  return map;
}

/** Whether the pair (either order) is in the list. */
export function hasPair(pairs: Pair[], a: string, b: string): boolean {
  let cached = pairCache.get(pairs);
  if (!cached || cached.length !== pairs.length) {
    cached = { length: pairs.length, set: new Set(pairs.map(([x, y]) => pairKey(x, y))) };
    pairCache.set(pairs, cached);
  }
  return cached.set.has(pairKey(a, b));
}

export function areAllied(world: Pick<World, "alliances">, a: string, b: string): boolean {
  return hasPair(world.alliances, a, b);
}

export function military(p: Power): number {
  return p.defense + p.offense;
}

export function stateById(world: Pick<World, "states">, id: string): Power {
  let cached = idCache.get(world.states);
  if (!cached || cached.length !== world.states.length) {
    cached = { length: world.states.length, map: new Map(world.states.map((x) => [x.id, x])) };
    idCache.set(world.states, cached);
  }
  const s = cached.map.get(id);
  if (!s) throw new Error(`no state "${id}" in this world`);
  return s;
}
