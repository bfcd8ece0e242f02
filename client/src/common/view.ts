// From the synchronized state to what the pages show: the model's World (so
// the theory engine runs in the browser for the intel panel) and the map view.
import { threatTo, type ThreatComponents } from "../../../shared/theory/threat.js";
import type { DeedKind } from "../../../shared/scenario/schema.js";
import { nameInText, type World } from "../../../shared/theory/world.js";
import type { MapView } from "../map/types.js";

/* eslint-disable @typescript-eslint/no-explicit-any */
type State = any;

export function pairOf(s: string): [string, string] {
  const [a, b] = s.split("|");
  return [a ?? "", b ?? ""];
}

export function statesOf(state: State): any[] {
  const out: any[] = [];
  state?.states?.forEach((s: any) => out.push(s));
  return out;
}

export function worldOf(state: State): World {
  const deeds: World["deeds"] = [];
  state.deeds?.forEach((d: any) => deeds.push({ round: d.round, from: d.from, to: d.to, kind: d.kind as DeedKind }));
  return {
    round: state.round || 1,
    distanceScale: state.distanceScale || 1000,
    states: statesOf(state).map((s) => ({
      id: s.id,
      name: s.name,
      economy: s.economy,
      defense: s.defense,
      offense: s.offense,
      position: [s.x, s.y] as [number, number],
      ...(s.article === "the" ? { article: "the" as const } : {}),
      ...(s.maritime ? { maritime: true } : {}),
      ...(s.revisionist ? { revisionist: true } : {}),
      ...(s.ideology ? { ideology: s.ideology as string } : {}),
    })),
    alliances: [...(state.alliances ?? [])].map(pairOf),
    borders: [...(state.borders ?? [])].map(pairOf),
    deeds,
    claims: [...(state.claims ?? [])].map((c: any) => ({ from: c.from as string, to: c.to as string })),
    rivalIdeologies: [...(state.rivalIdeologies ?? [])].map((r: any) => [r.a, r.b] as [string, string]),
  };
}

/** Every other state's threat to `own`, highest first, with its four components. */
export function intelFor(state: State, own: string): ThreatComponents[] {
  const world = worldOf(state);
  if (!world.states.some((s) => s.id === own)) return [];
  return threatTo(world, own);
}

export function mapViewOf(state: State, own: string | null, selected: string | null, team?: any): MapView {
  const offers: MapView["offers"] = [];
  if (team && own) {
    team.offersOut?.forEach((o: string) => {
      const [to, flag] = o.split(":");
      offers.push({ from: own, to: to!, accepted: flag === "accepted" });
    });
    team.offersIn?.forEach((o: string) => {
      const [from, flag] = o.split(":");
      offers.push({ from: from!, to: own, accepted: flag === "accepted" });
    });
  }
  const lastRound = (state.round || 1) - (state.phase === "review" || state.phase === "ended" ? 0 : 1);
  const deeds: MapView["deeds"] = [];
  state.deeds?.forEach((d: any) => {
    if (d.round >= lastRound && d.round >= 1) deeds.push({ from: d.from, to: d.to, kind: d.kind, round: d.round });
  });
  return {
    states: statesOf(state).map((s) => ({
      id: s.id,
      name: s.name,
      color: s.color,
      x: s.x,
      y: s.y,
      powerShare: s.powerShare,
      control: s.control,
    })),
    alliances: [...(state.alliances ?? [])].map(pairOf),
    own,
    offers,
    deeds,
    selected,
  };
}

export function nameOf(state: State, id: string): string {
  return state?.states?.get?.(id)?.name ?? id;
}

/** A state's name inside a sentence: "the Soviet Union", "France" (the scenario's article, or English usage). */
export function nameInTextOf(state: State, id: string): string {
  const s = state?.states?.get?.(id);
  return s ? nameInText({ name: s.name, ...(s.article === "the" ? { article: "the" as const } : {}) }) : id;
}
