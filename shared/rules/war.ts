// Wars: every state attacking the same target fights on one side; the target's
// allies honour their pact and join it; once the war has widened, the
// attackers' own allies are dragged in to defend them, and so on (chain-ganging,
// as in 1914). A state already on one side stays there. Distant helpers count
// less (their force is discounted by distance). The result is drawn by chance:
// the attackers win with probability A^k / (A^k + D^k).
import { allyMap, stateById, type Power, type World } from "../theory/world.js";
import { helperForce, helperForceOver, homeStrength, projectedForce, projectedForceOver } from "./strength.js";
import { distanceTable } from "../theory/proximity.js";
import type { GameEvent } from "./types.js";
import {
  CONQUEST_SHARE,
  LOSER_FORCE_LOSS,
  SPOILS_SHARE,
  WAR_EXPONENT,
  WAR_LOSS_POINTS,
  WAR_WIN_POINTS,
  WINNER_FORCE_LOSS,
} from "./tuning.js";

export type WarEvent = Extract<GameEvent, { type: "war" }>;

export interface WarResult {
  event: WarEvent;
  /** Share of its forces each participant loses (attackers' side first, then defenders', each by id). */
  forceLoss: Map<string, number>;
  /** Economy change for each state (target loses, attackers gain spoils). */
  economy: Map<string, number>;
  /** War points of each participant (in the order of `forceLoss`). */
  points: Map<string, number>;
}

const byId = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Each state's allies sorted by id, per ally map (`allyMap` makes a new map when the alliances change). */
const sortedAlliesCache = new WeakMap<ReadonlyMap<string, ReadonlySet<string>>, Map<string, string[]>>();

function sortedAllies(allies: ReadonlyMap<string, ReadonlySet<string>>, id: string): string[] {
  let byState = sortedAlliesCache.get(allies);
  if (!byState) {
    byState = new Map();
    sortedAlliesCache.set(allies, byState);
  }
  let list = byState.get(id);
  if (!list) {
    list = [...(allies.get(id) ?? [])].sort(byId);
    byState.set(id, list);
  }
  return list;
}

/** The states' ids sorted by id, per states array (and its length). */
const idOrderCache = new WeakMap<readonly Power[], { length: number; ids: string[] }>();

function idsInOrder(world: Pick<World, "states">): string[] {
  const cached = idOrderCache.get(world.states);
  if (cached && cached.length === world.states.length) return cached.ids;
  const ids = world.states.map((s) => s.id).sort(byId);
  idOrderCache.set(world.states, { length: world.states.length, ids });
  return ids;
}

/**
 * The ids of `ids` (distinct) for which `keep` holds, sorted by id: picked from the world's ids
 * in order (O(states), no string sort), or sorted when some are not states of the world.
 */
function sortedSubset(world: World, ids: Iterable<string>, count: number, keep: (id: string) => boolean): string[] {
  const picked = idsInOrder(world).filter(keep);
  return picked.length === count ? picked : [...ids].filter(keep).sort(byId);
}

/** The two sides of the war on `target`, grown through the alliance network. */
export function warSides(world: World, target: string, attackers: string[]) {
  const allies = allyMap(world);
  const side = new Map<string, "attackers" | "defenders">();
  for (const a of attackers) side.set(a, "attackers");
  side.set(target, "defenders");
  const dragged: string[] = [];
  const join = (members: string[], which: "attackers" | "defenders"): string[] => {
    const joined: string[] = [];
    for (const member of members) {
      for (const ally of sortedAllies(allies, member)) {
        if (side.has(ally)) continue;
        side.set(ally, which);
        dragged.push(ally);
        joined.push(ally);
      }
    }
    return joined;
  };
  // The target's allies honour their pact. If none does, the war stays small.
  let defenders = join([target], "defenders");
  let attackersFrontier = defenders.length > 0 ? [...attackers] : [];
  while (defenders.length > 0 || attackersFrontier.length > 0) {
    // The war has widened: each side's allies are dragged in to defend their partners.
    const newAttackers = join(attackersFrontier, "attackers");
    const newDefenders = join(defenders, "defenders");
    if (newAttackers.length === 0 && newDefenders.length === 0) break;
    attackersFrontier = newAttackers;
    defenders = newDefenders;
  }
  let attackCount = 0;
  for (const s of side.values()) if (s === "attackers") attackCount++;
  const attackSide = sortedSubset(world, side.keys(), attackCount, (id) => side.get(id) === "attackers");
  const defendSide = sortedSubset(world, side.keys(), side.size - attackCount, (id) => side.get(id) === "defenders");
  return { attackSide, defendSide, dragged };
}

export function resolveWar(world: World, target: string, attackers: string[], random: () => number): WarResult {
  const { attackSide, defendSide, dragged } = warSides(world, target, attackers);
  const isDragged = new Set(dragged);
  const isAttacker = new Set(attackers);
  const onAttackSide = new Set(attackSide);
  // Each side's force at the target: projectedForce for the attackers, helperForce for the states
  // helping either side, read through the distance table (no look-ups by id for each of them).
  const table = distanceTable(world);
  const at = table.of.get(target);
  const forceAtTarget = (id: string, attacker: boolean): number => {
    const i = table.of.get(id);
    if (i === undefined || at === undefined) return attacker ? projectedForce(world, id, target) : helperForce(world, id, target);
    const s = world.states[i]!;
    const d = table.km[i * table.n + at]!;
    return attacker ? projectedForceOver(s, d, world.distanceScale) : helperForceOver(s, d, world.distanceScale);
  };
  // Each side's strength: its members' forces added up in the side's order (by id). The original
  // attackers' own forces are kept for sharing the spoils.
  const contribution = new Map<string, number>();
  let attackStrength = 0;
  for (const a of attackSide) {
    const force = forceAtTarget(a, isAttacker.has(a));
    if (isAttacker.has(a)) contribution.set(a, force);
    attackStrength += force;
  }
  let defenseStrength = 0;
  for (const d of defendSide) defenseStrength += d === target ? homeStrength(world, d) : forceAtTarget(d, false);
  const a = attackStrength ** WAR_EXPONENT;
  const d = defenseStrength ** WAR_EXPONENT;
  const chance = a + d > 0 ? a / (a + d) : 0;
  const winner: WarEvent["winner"] = random() < chance ? "attackers" : "defenders";

  const forceLoss = new Map<string, number>();
  const points = new Map<string, number>();
  const economy = new Map<string, number>();
  const spoils: Record<string, number> = {};
  for (const sideIds of [attackSide, defendSide]) {
    for (const id of sideIds) {
      const won = (winner === "attackers") === onAttackSide.has(id);
      forceLoss.set(id, won ? WINNER_FORCE_LOSS : LOSER_FORCE_LOSS);
      const main = id === target || isAttacker.has(id);
      points.set(id, (won ? WAR_WIN_POINTS : WAR_LOSS_POINTS) * (main ? 1 : 0.5));
    }
  }
  let economyLost = 0;
  if (winner === "attackers") {
    economyLost = stateById(world, target).economy * CONQUEST_SHARE;
    economy.set(target, -economyLost);
    const original = attackers.filter((x) => onAttackSide.has(x));
    const total = original.reduce((s, x) => s + (contribution.get(x) ?? 0), 0);
    for (const x of original) {
      const share = total > 0 ? (contribution.get(x) ?? 0) / total : 1 / original.length;
      const taken = economyLost * SPOILS_SHARE * share;
      spoils[x] = taken;
      economy.set(x, taken);
    }
  }
  return {
    event: {
      type: "war",
      target,
      attackers: attackSide,
      defenders: defendSide,
      draggedIn: sortedSubset(world, dragged, dragged.length, (id) => isDragged.has(id)),
      attackStrength,
      defenseStrength,
      chance,
      winner,
      economyLost,
      spoils,
    },
    forceLoss,
    economy,
    points,
  };
}
