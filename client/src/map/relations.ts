// What the map draws for a view, as plain data (pure: no Phaser, no DOM):
// the lines and arrows between states, and the text summary for screen readers.
import type { MapTheme } from "./palette.js";
import type { MapHappening, MapData } from "./types.js";

export type EdgeKind = "alliance" | "offer" | "offer-accepted" | "attack" | "threat" | "betrayal";

export type Dash = "solid" | "dashed" | "long-dashed" | "dotted";

export interface EdgeStyle {
  color: keyof Pick<MapTheme, "alliance" | "offer" | "attack" | "threat" | "betrayal">;
  /** Line width in px at normal size (the projector multiplies it). */
  width: number;
  dash: Dash;
  arrow: boolean;
  /** Legend text. */
  label: string;
}

/** Line kinds differ by dash pattern and arrowhead, not only by colour. */
export const EDGE_STYLES: Record<EdgeKind, EdgeStyle> = {
  alliance: { color: "alliance", width: 4, dash: "solid", arrow: false, label: "alliance" },
  offer: { color: "offer", width: 2.5, dash: "dashed", arrow: true, label: "offer" },
  "offer-accepted": { color: "offer", width: 3.5, dash: "long-dashed", arrow: true, label: "offer accepted" },
  attack: { color: "attack", width: 5, dash: "solid", arrow: true, label: "attack" },
  threat: { color: "threat", width: 3, dash: "dashed", arrow: true, label: "threat" },
  betrayal: { color: "betrayal", width: 3, dash: "dotted", arrow: true, label: "betrayal" },
};

export interface Edge {
  kind: EdgeKind;
  from: string;
  to: string;
  /** Lateral slot among the edges between the same two states (0 = on the centre line). */
  lane: number;
  /** Deeds of earlier rounds than the latest shown: drawn fainter. */
  faded: boolean;
}

function pairKey(a: string, b: string): string {
  return a < b ? `${a}|${b}` : `${b}|${a}`;
}

/**
 * The edges to draw: one per alliance (either order counts once), one per offer
 * (the latest for a from→to pair), one per deed kind and direction. Edges with
 * an unknown or identical end are dropped. Edges between the same two states
 * get side-by-side lanes so none hides another.
 */
export function buildEdges(view: MapData): Edge[] {
  const known = new Set(view.states.map((s) => s.id));
  const ok = (a: string, b: string) => a !== b && known.has(a) && known.has(b);
  const edges: Edge[] = [];
  const seen = new Set<string>();
  const add = (edge: Omit<Edge, "lane">, key: string) => {
    if (!ok(edge.from, edge.to) || seen.has(key)) return;
    seen.add(key);
    edges.push({ ...edge, lane: 0 });
  };
  for (const [a, b] of view.alliances) {
    const [from, to] = a < b ? [a, b] : [b, a];
    add({ kind: "alliance", from, to, faded: false }, `alliance:${pairKey(a, b)}`);
  }
  const offers = new Map<string, (typeof view.offers)[number]>();
  for (const o of view.offers) offers.set(`${o.from}>${o.to}`, o); // the last one wins
  for (const o of offers.values()) {
    add({ kind: o.accepted ? "offer-accepted" : "offer", from: o.from, to: o.to, faded: false }, `offer:${o.from}>${o.to}`);
  }
  const latest = view.deeds.reduce((m, d) => Math.max(m, d.round), -Infinity);
  const deeds = [...view.deeds].sort((x, y) => y.round - x.round); // newest first: it wins the key
  for (const d of deeds) {
    add({ kind: d.kind, from: d.from, to: d.to, faded: d.round < latest }, `${d.kind}:${d.from}>${d.to}`);
  }
  const byPair = new Map<string, Edge[]>();
  for (const e of edges) {
    const key = pairKey(e.from, e.to);
    const list = byPair.get(key);
    if (list) list.push(e);
    else byPair.set(key, [e]);
  }
  for (const list of byPair.values()) {
    list.forEach((e, i) => {
      e.lane = i - (list.length - 1) / 2;
    });
  }
  return edges;
}

/** Whether a control value means a bot plays the state. */
export function isBot(control: string): boolean {
  return control !== "team" && control !== "empty" && control !== "";
}

const VERBS: Record<MapData["deeds"][number]["kind"], string> = {
  attack: "attacked",
  threat: "threatened",
  betrayal: "left its alliance with",
};

/** Short text of a list, "a, b, c and 4 more". */
function list(items: string[], max = 10): string {
  if (items.length <= max) return items.join(", ");
  return `${items.slice(0, max).join(", ")} and ${items.length - max} more`;
}

/** The map in one paragraph, for the canvas's aria-label (details are in the HTML panels). */
export function describeMap(view: MapData): string {
  const names = new Map(view.states.map((s) => [s.id, s.name || s.id]));
  const name = (id: string) => names.get(id) ?? id;
  if (view.states.length === 0) return "Map: no states yet.";
  const parts = [`Map of ${view.states.length} state${view.states.length === 1 ? "" : "s"}.`];
  if (view.own && names.has(view.own)) parts.push(`You play ${name(view.own)}.`);
  const edges = buildEdges(view);
  const alliances = edges.filter((e) => e.kind === "alliance").map((e) => `${name(e.from)}–${name(e.to)}`);
  parts.push(alliances.length ? `Alliances: ${list(alliances)}.` : "No alliances.");
  const offers = edges
    .filter((e) => e.kind === "offer" || e.kind === "offer-accepted")
    .map((e) => `${name(e.from)} to ${name(e.to)}${e.kind === "offer-accepted" ? " (accepted)" : ""}`);
  if (offers.length) parts.push(`Offers: ${list(offers)}.`);
  const deeds = edges
    .filter((e) => e.kind === "attack" || e.kind === "threat" || e.kind === "betrayal")
    .filter((e) => !e.faded)
    .map((e) => `${name(e.from)} ${VERBS[e.kind as keyof typeof VERBS]} ${name(e.to)}`);
  if (deeds.length) parts.push(`Last round: ${list(deeds)}.`);
  if (view.selected && names.has(view.selected)) parts.push(`Selected: ${name(view.selected)}.`);
  return parts.join(" ");
}

/** The happenings of a round in one sentence, for a live region or a log (the pages may use it). */
export function describeHappenings(happenings: readonly MapHappening[], names: ReadonlyMap<string, string>): string {
  const name = (id: string) => names.get(id) ?? id;
  const out: string[] = [];
  for (const h of happenings) {
    switch (h.kind) {
      case "allianceFormed":
        out.push(`${name(h.a)} and ${name(h.b)} formed an alliance`);
        break;
      case "allianceLeft":
        out.push(`${name(h.by)} left its alliance with ${name(h.ally)}`);
        break;
      case "threat":
        out.push(`${name(h.from)} threatened ${name(h.to)}, which ${h.yielded ? "yielded" : "stood firm"}`);
        break;
      case "war":
        out.push(`${list(h.attackers.map(name))} attacked ${name(h.target)}; the ${h.winner} won`);
        break;
      case "crisis":
        out.push(`Crisis: ${h.title}`);
        break;
    }
  }
  return out.length ? `${out.join(". ")}.` : "";
}
