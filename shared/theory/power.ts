// Aggregate power: a state's share of the system, and blocs (a state with its
// allies). Shares are computed among the scenario's states, not the world.
import { allyMap, military, type World } from "./world.js";

/** Weight of military strength in the power share; the economy gets the rest (CINC-like mean). */
export const MILITARY_WEIGHT = 0.5;

/** Each state's power share: the weighted mean of its military share and its economic share. */
export function powerShares(world: Pick<World, "states">): Map<string, number> {
  let totalMilitary = 0;
  let totalEconomy = 0;
  for (const s of world.states) {
    totalMilitary += military(s);
    totalEconomy += s.economy;
  }
  const shares = new Map<string, number>();
  for (const s of world.states) {
    const m = totalMilitary > 0 ? military(s) / totalMilitary : 0;
    const e = totalEconomy > 0 ? s.economy / totalEconomy : 0;
    shares.set(s.id, MILITARY_WEIGHT * m + (1 - MILITARY_WEIGHT) * e);
  }
  return shares;
}

export interface Bloc {
  /** Members, strongest first (ties by id). */
  members: string[];
  /** The strongest member. */
  leader: string;
  /** Sum of the members' power shares. */
  share: number;
}

/**
 * Blocs are the connected groups of the alliance network: a state, its allies,
 * their allies, and so on; a state without allies is a bloc of its own.
 * Sorted strongest first (ties broken by the leader's share, then its id).
 */
export function blocs(world: Pick<World, "states" | "alliances">, shares = powerShares(world)): Bloc[] {
  const allies = allyMap(world);
  const seen = new Set<string>();
  const result: Bloc[] = [];
  const byStrength = (a: string, b: string) => (shares.get(b) ?? 0) - (shares.get(a) ?? 0) || (a < b ? -1 : a > b ? 1 : 0);
  for (const s of world.states) {
    if (seen.has(s.id)) continue;
    const members: string[] = [];
    const queue = [s.id];
    seen.add(s.id);
    while (queue.length > 0) {
      const id = queue.pop()!;
      members.push(id);
      for (const other of allies.get(id) ?? []) {
        if (!seen.has(other)) {
          seen.add(other);
          queue.push(other);
        }
      }
    }
    members.sort(byStrength);
    const share = members.reduce((sum, id) => sum + (shares.get(id) ?? 0), 0);
    result.push({ members, leader: members[0]!, share });
  }
  result.sort((a, b) => b.share - a.share || byStrength(a.leader, b.leader));
  return result;
}

/** The largest bloc (Levy and Thompson: balancing is strong once it holds a third or more). */
export function leadingBloc(world: Pick<World, "states" | "alliances">, shares = powerShares(world)): Bloc {
  return blocs(world, shares)[0]!;
}
