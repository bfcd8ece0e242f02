// Charts for the printed debrief, as plain SVG (prints cleanly, scales, and
// carries a title and description for screen readers; every chart is also
// given as a table on the page). Every text label is placed from a generous
// estimate of its size so that no two labels overlap and none crosses the
// chart's edge; a chart scales as a whole (viewBox), so what holds at one
// width holds at every width and on paper.
import { layoutDiscs, overlap, placeLabels, type Rect } from "../map/layout.js";
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

/** Height of a text line, in em: above the ascent plus descent of common sans-serif fonts (DejaVu Sans: 1.16). */
const LINE = 1.3;
/** From a line's vertical centre to its baseline, in em (DejaVu Sans: ascent 0.93, descent 0.24). */
const CENTRE_TO_BASELINE = 0.35;

/** The width of a text in px at a font size, estimated on the generous side (wide letters, capitals and "%" count more). */
export function textWidth(text: string, size: number): number {
  let em = 0;
  for (const ch of text) em += /[MWmw%@]/.test(ch) ? 1.0 : /[A-Z0-9]/.test(ch) ? 0.76 : /[ilI.,:;'|!]/.test(ch) ? 0.34 : /\s/.test(ch) ? 0.34 : 0.64;
  return Math.ceil(em * size) + 2;
}

/** A label whose box is centred on (x, cy); `anchor` says where x is: the start, middle or end of the text. */
function label(x: number, cy: number, text: string, size: number, anchor: "start" | "middle" | "end", fill = "#111"): SVGElement {
  return node("text", { x: x.toFixed(1), y: (cy + CENTRE_TO_BASELINE * size).toFixed(1), "text-anchor": anchor, "font-size": size, fill }, text);
}

/**
 * Vertical centres for labels wanted at `wanted` (sorted or not; returned in the same order), each at least
 * `step` from the next and all within [min, max]: pushed down where they crowd, then back up from the bottom.
 */
export function stackLabels(wanted: readonly number[], step: number, min: number, max: number): number[] {
  const order = wanted.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y || a.i - b.i);
  const ys = order.map((o) => Math.min(max, Math.max(min, o.y)));
  for (let k = 1; k < ys.length; k++) ys[k] = Math.max(ys[k]!, ys[k - 1]! + step);
  if (ys.length > 0) ys[ys.length - 1] = Math.min(ys[ys.length - 1]!, max);
  for (let k = ys.length - 2; k >= 0; k--) ys[k] = Math.min(ys[k]!, ys[k + 1]! - step);
  const out = new Array<number>(wanted.length);
  order.forEach((o, k) => (out[o.i] = ys[k]!));
  return out;
}

/** Which of n evenly spaced tick labels to show so that neighbours never touch: every k-th, and always the last. */
export function visibleTicks(n: number, spacing: number, widest: number): number[] {
  const k = Math.max(1, Math.ceil((widest + 8) / Math.max(1, spacing)));
  const shown: number[] = [];
  for (let i = 0; i < n; i += k) shown.push(i);
  if (n > 0 && shown.at(-1) !== n - 1) {
    if (shown.length > 1 && n - 1 - shown.at(-1)! < k) shown.pop();
    shown.push(n - 1);
  }
  return shown;
}

export interface Series {
  id: string;
  name: string;
  values: number[];
}

/** Power share over the rounds, one line per state, told apart by colour, dash and an end label with its name. */
export function powerChart(series: Series[], rounds: number[], title: string): SVGSVGElement {
  const font = 13;
  const lh = Math.ceil(font * LINE) + 1;
  const ends = series.map((s) => `${s.name} ${Math.round((s.values.at(-1) ?? 0) * 100)}%`);
  const labelsWidth = Math.max(0, ...ends.map((t) => textWidth(t, font)));
  const m = { left: 56, right: labelsWidth + 16, top: 14, bottom: 34 };
  const plotHeight = Math.max(240, series.length * lh + 4);
  const width = Math.max(720, m.left + 320 + m.right);
  const height = m.top + plotHeight + m.bottom;
  const bottom = height - m.bottom;
  const max = Math.max(0.05, ...series.flatMap((s) => s.values));
  const x = (i: number) => m.left + (rounds.length <= 1 ? 0 : (i / (rounds.length - 1)) * (width - m.left - m.right));
  const y = (v: number) => m.top + (1 - v / max) * plotHeight;
  const styles = stateStyles(series.map((s) => ({ id: s.id })));
  const el = svg(width, height, title, `Power share of ${series.length} states over ${rounds.length} points in time, highest at the end: ${[...series].sort((a, b) => (b.values.at(-1) ?? 0) - (a.values.at(-1) ?? 0)).slice(0, 3).map((s) => `${s.name} ${Math.round((s.values.at(-1) ?? 0) * 100)}%`).join(", ")}.`);
  el.classList.add("power-chart");
  el.append(node("line", { x1: m.left, y1: bottom, x2: width - m.right, y2: bottom, stroke: "#333" }));
  el.append(node("line", { x1: m.left, y1: m.top, x2: m.left, y2: bottom, stroke: "#333" }));
  for (const frac of [0, 0.5, 1]) el.append(label(m.left - 6, y(max * frac), `${Math.round(max * frac * 100)}%`, font, "end", "#222"));
  const ticks = rounds.map((r) => (r === 0 ? "start" : `R${r}`));
  const spacing = rounds.length <= 1 ? Infinity : (width - m.left - m.right) / (rounds.length - 1);
  for (const i of visibleTicks(ticks.length, spacing, Math.max(0, ...ticks.map((t) => textWidth(t, font))))) {
    el.append(label(x(i), bottom + 24 - CENTRE_TO_BASELINE * font, ticks[i]!, font, "middle", "#222"));
  }
  series.forEach((s, k) => {
    const color = styles.get(s.id)?.color ?? "#333";
    const points = s.values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(" ");
    el.append(node("polyline", { points, fill: "none", stroke: color, "stroke-width": 2.5, "stroke-dasharray": DASHES[k % DASHES.length]! }));
  });
  // End labels beside the lines' ends, pushed apart so that none overlaps another, above the round labels.
  const centres = stackLabels(series.map((s) => y(s.values.at(-1) ?? 0)), lh, m.top, bottom);
  series.forEach((_, k) => el.append(label(width - m.right + 8, centres[k]!, ends[k]!, font, "start")));
  return el;
}

export interface NetworkState {
  id: string;
  name: string;
  x: number;
  y: number;
  share: number;
}

/**
 * One small map of the alliance network: states at their positions, sized by power, alliances as lines, each
 * state labelled by name (by its code where the name does not fit); a label that would still cover another is
 * left out (the states are named in the chart's description and the tables).
 */
export function networkMap(states: NetworkState[], alliances: [string, string][], title: string): SVGSVGElement {
  const width = 300;
  const height = 220;
  const font = 11;
  const lh = Math.ceil(font * LINE) + 1;
  const layout = layoutDiscs(states, { width, height }, { padding: 14, coverage: 0.06 });
  const discs = layout.discs.map((d) => ({ ...d, r: Math.max(4, d.r * 0.8) }));
  const where = new Map(discs.map((d) => [d.id, d]));
  const byId = new Map(states.map((s) => [s.id, s]));
  const nameOf = (id: string) => byId.get(id)?.name ?? id;
  const styles = stateStyles(states.map((s) => ({ id: s.id })));
  const el = svg(width, height, title, alliances.length > 0 ? `Alliances: ${alliances.map(([a, b]) => `${nameOf(a)}–${nameOf(b)}`).join(", ")}.` : "No alliances.");
  el.classList.add("network-map");
  el.append(node("rect", { x: 0, y: 0, width, height, fill: "#fff", stroke: "#999" }));
  for (const [a, b] of alliances) {
    const p = where.get(a);
    const q = where.get(b);
    if (!p || !q) continue;
    el.append(node("line", { x1: p.x, y1: p.y, x2: q.x, y2: q.y, stroke: "#111", "stroke-width": 2 }));
  }
  for (const d of discs) el.append(node("circle", { cx: d.x, cy: d.y, r: d.r, fill: styles.get(d.id)?.color ?? "#777", stroke: "#111", "stroke-width": 1 }));
  const boxes = states.map((s) => ({ id: s.id, full: { width: textWidth(s.name, font), height: lh }, compact: { width: textWidth(s.id, font), height: lh } }));
  const bounds: Rect = { x: 1, y: 1, width: width - 2, height: height - 2 };
  // Alliance lines are not avoided (a name over a line stays readable on its white halo): names win over codes.
  const placed = placeLabels(discs, boxes, bounds, { gap: 2, leaders: false });
  const drawn: Rect[] = [];
  for (const s of states) {
    const p = placed.get(s.id);
    if (!p || p.hidden || drawn.some((r) => overlap(r, p) > 0)) continue;
    drawn.push(p);
    const text = label(p.x + p.width / 2, p.y + p.height / 2, p.compact ? s.id : s.name, font, "middle");
    text.setAttribute("class", "halo");
    el.append(text);
  }
  return el;
}
