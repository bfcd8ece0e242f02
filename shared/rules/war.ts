// Wars: every state attacking the same target fights on one side; the target's
// allies honour their pact and join it; once the war has widened, the
// attackers' own allies are dragged in to defend them, and so on (chain-ganging,
// as in 1914). A state already on one side stays there. Distant helpers count
// less (their force is discounted by distance). The result is drawn by chance:
// the attackers win with probability A^k / (A^k + D^k).
import { allyMap, stateById, type World } from "../theory/world.js";
import { helperForceOver, homeStrength, projectedForceOver } from "./strength.js";
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
  /**
   * The participants, as indices of `world.states`: the attackers' side, then the defenders',
   * each by id (the event's `attackers`, then its `defenders`).
   */
  participants: number[];
  /** Share of its forces each participant loses, in the order of `participants`. */
  forceLoss: number[];
  /** War points of each participant, in the order of `participants`. */
  points: number[];
  /** Economy change for each state (target loses, attackers gain spoils). */
  economy: Map<string, number>;
}

/** String order of ids (what `sort()` without a comparator gives for strings). */
const compareIds = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The alliance network of one world (its states and alliances as they stand) for its wars, by
 * state index (the place in `world.states`): what every war of a round reads, worked out once
 * (`warNetwork`) instead of by id in each war (a war of a 200-state world drags in ~140 states).
 */
export interface WarNetwork {
  world: Pick<World, "states" | "alliances">;
  /** Each state's index by id. */
  of: ReadonlyMap<string, number>;
  /** The states' indices in the order of their ids, and each state's place in that order (`byId[rank[i]] === i`). */
  byId: Int32Array;
  rank: Int32Array;
  /** Each state's allies (`allyMap`), as indices in the order of their ids; worked out on first use. */
  allies: (Int32Array | undefined)[];
}

/**
 * The network of `world` as it stands (its states and alliances must not change while it is in use):
 * O(states log states), each state's allies worked out when a war first reaches it.
 */
export function warNetwork(world: Pick<World, "states" | "alliances">): WarNetwork {
  const { states } = world;
  const of = new Map<string, number>();
  states.forEach((s, i) => of.set(s.id, i));
  const byId = Int32Array.from(states.map((_, i) => i).sort((a, b) => compareIds(states[a]!.id, states[b]!.id)));
  const rank = new Int32Array(states.length);
  byId.forEach((i, r) => (rank[i] = r));
  return { world, of, byId, rank, allies: new Array<Int32Array | undefined>(states.length).fill(undefined) };
}

/** The index of state `id` in the network's world; throws, as `stateById` does, for an unknown state. */
function indexOf(network: WarNetwork, id: string): number {
  const i = network.of.get(id);
  if (i === undefined) stateById(network.world, id); // throws: no such state
  return i!;
}

/** State i's allies, in the order of their ids (indices). */
function alliesOf(network: WarNetwork, i: number): Int32Array {
  let list = network.allies[i];
  if (!list) {
    // Their places in the order of ids, sorted as numbers (a typed array's own sort), then the states there.
    const ranks = Int32Array.from(allyMap(network.world).get(network.world.states[i]!.id) ?? [], (id) => network.rank[indexOf(network, id)]!);
    list = ranks.sort().map((r) => network.byId[r]!);
    network.allies[i] = list;
  }
  return list;
}

const ATTACKERS = 1;
const DEFENDERS = 2;

/**
 * Who fights on which side of the war on `target` (indices): `side[i]` is ATTACKERS, DEFENDERS or
 * 0 (out of it), grown through the alliance network; `dragged`: the states drawn in, in the
 * order they joined.
 */
function sidesAt(network: WarNetwork, target: number, attackers: readonly number[]): { side: Uint8Array; dragged: number[] } {
  const side = new Uint8Array(network.byId.length);
  for (const a of attackers) side[a] = ATTACKERS;
  side[target] = DEFENDERS;
  const dragged: number[] = [];
  const join = (members: readonly number[], which: number): number[] => {
    const joined: number[] = [];
    for (const member of members) {
      for (const ally of alliesOf(network, member)) {
        if (side[ally] !== 0) continue;
        side[ally] = which;
        dragged.push(ally);
        joined.push(ally);
      }
    }
    return joined;
  };
  // The target's allies honour their pact. If none does, the war stays small.
  let defenders = join([target], DEFENDERS);
  let attackersFrontier = defenders.length > 0 ? [...attackers] : [];
  while (defenders.length > 0 || attackersFrontier.length > 0) {
    // The war has widened: each side's allies are dragged in to defend their partners.
    const newAttackers = join(attackersFrontier, ATTACKERS);
    const newDefenders = join(defenders, DEFENDERS);
    if (newAttackers.length === 0 && newDefenders.length === 0) break;
    attackersFrontier = newAttackers;
    defenders = newDefenders;
  }
  return { side, dragged };
}

/** The indices i (in the order of ids) for which flags[i] === value. */
function inIdOrder(network: WarNetwork, flags: Uint8Array, value: number): number[] {
  const out: number[] = [];
  for (const i of network.byId) if (flags[i] === value) out.push(i);
  return out;
}

const idsAt = (world: Pick<World, "states">, indices: readonly number[]): string[] => indices.map((i) => world.states[i]!.id);

/**
 * The two sides of the war on `target`, grown through the alliance network: each side by id, and
 * the states dragged in, in the order they joined. Every state named (and every ally of one drawn
 * in) must be a state of the world: an unknown one throws, as the forces of `resolveWar` would.
 */
export function warSides(world: World, target: string, attackers: string[], network: WarNetwork = warNetwork(world)) {
  const { side, dragged } = sidesAt(
    network,
    indexOf(network, target),
    attackers.map((a) => indexOf(network, a)),
  );
  return { attackSide: idsAt(world, inIdOrder(network, side, ATTACKERS)), defendSide: idsAt(world, inIdOrder(network, side, DEFENDERS)), dragged: idsAt(world, dragged) };
}

/**
 * The war of `attackers` on `target`: its sides, strengths, the draw (one call of `random`) and
 * what it costs each side. `network`: `warNetwork(world)`, to share between the wars of a round.
 */
export function resolveWar(world: World, target: string, attackers: string[], random: () => number, network: WarNetwork = warNetwork(world)): WarResult {
  const n = network.byId.length;
  const t = indexOf(network, target);
  const attackerAt = attackers.map((a) => indexOf(network, a));
  const { side, dragged } = sidesAt(network, t, attackerAt);
  const isAttacker = new Uint8Array(n);
  for (const a of attackerAt) isAttacker[a] = 1;
  const attackSide = inIdOrder(network, side, ATTACKERS);
  const defendSide = inIdOrder(network, side, DEFENDERS);
  // Each side's force at the target: projectedForce for the attackers, helperForce for the states
  // helping either side, over the distance table's km (indices of `world.states`, as the network's).
  const table = distanceTable(world);
  const forceAtTarget = (i: number, attacker: boolean): number => {
    const d = table.km[i * n + t]!;
    return attacker ? projectedForceOver(world.states[i]!, d, world.distanceScale) : helperForceOver(world.states[i]!, d, world.distanceScale);
  };
  // Each side's strength: its members' forces added up in the side's order (by id). The original
  // attackers' own forces are kept for sharing the spoils.
  const contribution = new Map<number, number>();
  let attackStrength = 0;
  for (const a of attackSide) {
    const force = forceAtTarget(a, isAttacker[a] === 1);
    if (isAttacker[a] === 1) contribution.set(a, force);
    attackStrength += force;
  }
  let defenseStrength = 0;
  for (const d of defendSide) defenseStrength += d === t ? homeStrength(world, target) : forceAtTarget(d, false);
  const a = attackStrength ** WAR_EXPONENT;
  const d = defenseStrength ** WAR_EXPONENT;
  const chance = a + d > 0 ? a / (a + d) : 0;
  const winner: WarEvent["winner"] = random() < chance ? "attackers" : "defenders";

  const participants = [...attackSide, ...defendSide];
  const forceLoss: number[] = [];
  const points: number[] = [];
  for (const i of participants) {
    const won = (winner === "attackers") === (side[i] === ATTACKERS);
    forceLoss.push(won ? WINNER_FORCE_LOSS : LOSER_FORCE_LOSS);
    const main = i === t || isAttacker[i] === 1;
    points.push((won ? WAR_WIN_POINTS : WAR_LOSS_POINTS) * (main ? 1 : 0.5));
  }
  const economy = new Map<string, number>();
  const spoils: Record<string, number> = {};
  let economyLost = 0;
  if (winner === "attackers") {
    economyLost = stateById(world, target).economy * CONQUEST_SHARE;
    economy.set(target, -economyLost);
    const original = attackers.filter((x) => side[indexOf(network, x)] === ATTACKERS);
    const total = original.reduce((sum, x) => sum + (contribution.get(indexOf(network, x)) ?? 0), 0);
    for (const x of original) {
      const share = total > 0 ? (contribution.get(indexOf(network, x)) ?? 0) / total : 1 / original.length;
      const taken = economyLost * SPOILS_SHARE * share;
      spoils[x] = taken;
      economy.set(x, taken);
    }
  }
  const isDragged = new Uint8Array(n);
  for (const i of dragged) isDragged[i] = 1;
  return {
    event: {
      type: "war",
      target,
      attackers: idsAt(world, attackSide),
      defenders: idsAt(world, defendSide),
      draggedIn: idsAt(world, inIdOrder(network, isDragged, 1)),
      attackStrength,
      defenseStrength,
      chance,
      winner,
      economyLost,
      spoils,
    },
    participants,
    forceLoss,
    points,
    economy,
  };
}
