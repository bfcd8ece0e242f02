// Charts for the printed debrief, as plain SVG (prints cleanly, scales, and
// carries a title and description for screen readers; every chart is also
// given as a table on the page).
import { layoutDiscs } from "../map/layout.js";
import { stateStyles } from "../map/palette.js";

const NS = "http://www.w3.org/2000/svg";

function svg(width: number, height: number, title: string, desc: string): SVGSVGElement {
  const el = document.createElementNS(NS, "svg");
  el.setAttribute("viewBox", `0 0 ${width} ${height}`);
  el.setAttribute("role", "img");
  el.setAttribute("width", "100%");
  const id = `c${Math.random().toString(36).slice(2, 8)}`;
  el.setAttribute("aria-labelledby", `${id}-t ${id}-d`);
  const t = document.createElementNS(NS, "title");
  t.id = `${id}-t`;
  t.textContent = title;
  const d = document.createElementNS(NS, "desc");
  d.id = `${id}-d`;
  d.textContent = desc;
  el.append(t, d);
  return el;
}

function node(name: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const el = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

const DASHES = ["", "6 3", "2 3", "10 4 2 4", "1 5", "8 2 2 2 2 2"];

export interface Series {
  id: string;
  name: string;
  values: number[];
}

/** Power share over the rounds, one line per state, told apart by colour, dash and an end label. */
export function powerChart(series: Series[], rounds: number[], title: string): SVGSVGElement {
  const width = 720;
  const height = 320;
  const m = { left: 48, right: 120, top: 16, bottom: 36 };
  const max = Math.max(0.05, ...series.flatMap((s) => s.values));
  const x = (i: number) => m.left + (rounds.length <= 1 ? 0 : (i / (rounds.length - 1)) * (width - m.left - m.right));
  const y = (v: number) => m.top + (1 - v / max) * (height - m.top - m.bottom);
  const styles = stateStyles(series.map((s) => ({ id: s.id })));
  const el = svg(width, height, title, `Power share of ${series.length} states over ${rounds.length} points in time, highest at the end: ${[...series].sort((a, b) => (b.values.at(-1) ?? 0) - (a.values.at(-1) ?? 0)).slice(0, 3).map((s) => `${s.name} ${Math.round((s.values.at(-1) ?? 0) * 100)}%`).join(", ")}.`);
  el.append(node("line", { x1: m.left, y1: height - m.bottom, x2: width - m.right, y2: height - m.bottom, stroke: "#333" }));
  el.append(node("line", { x1: m.left, y1: m.top, x2: m.left, y2: height - m.bottom, stroke: "#333" }));
  for (const frac of [0, 0.5, 1]) {
    const v = max * frac;
    el.append(node("text", { x: m.left - 6, y: y(v) + 4, "text-anchor": "end", "font-size": 11, fill: "#222" }, `${Math.round(v * 100)}%`));
  }
  rounds.forEach((r, i) => el.append(node("text", { x: x(i), y: height - m.bottom + 16, "text-anchor": "middle", "font-size": 11, fill: "#222" }, r === 0 ? "start" : `R${r}`)));
  const ends: { y: number; text: string; color: string }[] = [];
  series.forEach((s, k) => {
    const color = styles.get(s.id)?.color ?? "#333";
    const points = s.values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(" ");
    el.append(node("polyline", { points, fill: "none", stroke: color, "stroke-width": 2.5, "stroke-dasharray": DASHES[k % DASHES.length]! }));
    ends.push({ y: y(s.values.at(-1) ?? 0), text: `${s.id} ${Math.round((s.values.at(-1) ?? 0) * 100)}%`, color });
  });
  // End labels, pushed apart so that they do not overlap.
  ends.sort((a, b) => a.y - b.y);
  for (let i = 1; i < ends.length; i++) ends[i]!.y = Math.max(ends[i]!.y, ends[i - 1]!.y + 12);
  for (const e of ends) el.append(node("text", { x: width - m.right + 6, y: e.y + 4, "font-size": 11, fill: "#111" }, e.text));
  return el;
}

export interface NetworkState {
  id: string;
  x: number;
  y: number;
  share: number;
}

/** One small map of the alliance network: states at their positions, sized by power, alliances as lines. */
export function networkMap(states: NetworkState[], alliances: [string, string][], title: string): SVGSVGElement {
  const width = 260;
  const height = 190;
  const layout = layoutDiscs(states, { width, height }, { padding: 14, coverage: 0.06 });
  const where = new Map(layout.discs.map((d) => [d.id, d]));
  const styles = stateStyles(states.map((s) => ({ id: s.id })));
  const el = svg(width, height, title, alliances.length > 0 ? `Alliances: ${alliances.map(([a, b]) => `${a}–${b}`).join(", ")}.` : "No alliances.");
  el.append(node("rect", { x: 0, y: 0, width, height, fill: "#fff", stroke: "#999" }));
  for (const [a, b] of alliances) {
    const p = where.get(a);
    const q = where.get(b);
    if (p && q) el.append(node("line", { x1: p.x, y1: p.y, x2: q.x, y2: q.y, stroke: "#111", "stroke-width": 2 }));
  }
  for (const d of layout.discs) {
    el.append(node("circle", { cx: d.x, cy: d.y, r: Math.max(4, d.r * 0.8), fill: styles.get(d.id)?.color ?? "#777", stroke: "#111", "stroke-width": 1 }));
    el.append(node("text", { x: d.x, y: d.y - Math.max(4, d.r * 0.8) - 2, "text-anchor": "middle", "font-size": 10, fill: "#111" }, d.id));
  }
  return el;
}
