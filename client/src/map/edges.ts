// The lines between states: alliances, offers, and arrows for deeds. Which
// edges exist and their styles (dash, width, arrowhead) come from relations.ts;
// this module draws them on a Phaser Graphics.
import type Phaser from "./phaser.js";
import type { SceneContext } from "./context.js";
import { edgeGeometry, type Segment } from "./geometry.js";
import type { StateSprite } from "./markers.js";
import { buildEdges, EDGE_STYLES, type Dash, type Edge, type EdgeKind } from "./relations.js";
import { hexToNumber } from "./palette.js";
import type { MapData } from "./types.js";

/** Key of an edge for suppression during the animation (alliances in either order). */
export function edgeKey(kind: EdgeKind, from: string, to: string): string {
  if (kind === "alliance") return `alliance:${from < to ? `${from}|${to}` : `${to}|${from}`}`;
  return `${kind}:${from}>${to}`;
}

/**
 * Draws a line along the segment (px) with this dash, width (px), colour
 * (0xRRGGBB) and alpha (0 to 1), with an arrowhead at its end if `arrow`.
 * Segments shorter than half a pixel, and invisible lines, are not drawn.
 */
export function drawLine(
  g: Phaser.GameObjects.Graphics,
  s: Segment,
  dash: Dash,
  width: number,
  color: number,
  alpha: number,
  arrow: boolean,
): void {
  const len = Math.hypot(s.x2 - s.x1, s.y2 - s.y1);
  if (len < 0.5 || alpha <= 0) return;
  const ux = (s.x2 - s.x1) / len;
  const uy = (s.y2 - s.y1) / len;
  const head = arrow ? Math.min(len * 0.6, Math.max(9, width * 2.6)) : 0;
  const bodyLen = len - head * 0.8;
  const ex = s.x1 + ux * bodyLen;
  const ey = s.y1 + uy * bodyLen;
  if (dash === "solid") {
    g.lineStyle(width, color, alpha);
    g.lineBetween(s.x1, s.y1, ex, ey);
  } else if (dash === "dotted") {
    const step = Math.max(5, width * 2.4);
    g.fillStyle(color, alpha);
    for (let t = width / 2; t <= bodyLen; t += step) g.fillCircle(s.x1 + ux * t, s.y1 + uy * t, width * 0.62);
  } else {
    const on = dash === "long-dashed" ? Math.max(12, width * 4) : Math.max(7, width * 2.8);
    const off = dash === "long-dashed" ? Math.max(5, width * 1.6) : Math.max(5, width * 2);
    g.lineStyle(width, color, alpha);
    for (let t = 0; t < bodyLen; t += on + off) {
      const t2 = Math.min(bodyLen, t + on);
      g.lineBetween(s.x1 + ux * t, s.y1 + uy * t, s.x1 + ux * t2, s.y1 + uy * t2);
    }
  }
  if (arrow) {
    const bx = s.x2 - ux * head;
    const by = s.y2 - uy * head;
    const hw = head * 0.55;
    g.fillStyle(color, alpha);
    g.fillTriangle(s.x2, s.y2, bx - uy * hw, by + ux * hw, bx + uy * hw, by - ux * hw);
  }
}

/** A check mark of `size` px at the middle of the segment (an accepted offer), on a white dot. */
function drawCheck(g: Phaser.GameObjects.Graphics, s: Segment, size: number, color: number, alpha: number): void {
  const mx = (s.x1 + s.x2) / 2;
  const my = (s.y1 + s.y2) / 2;
  g.fillStyle(0xffffff, alpha);
  g.fillCircle(mx, my, size * 1.15);
  g.lineStyle(size * 0.38, color, alpha);
  g.lineBetween(mx - size * 0.6, my, mx - size * 0.15, my + size * 0.5);
  g.lineBetween(mx - size * 0.15, my + size * 0.5, mx + size * 0.65, my - size * 0.55);
}

/**
 * Redraws the view's edges between the states' discs: alliances and offers
 * into `links`, deeds into `deeds`, leaving out those whose edgeKey is in
 * `suppressed` (being animated). Returns the edges drawn (suppressed ones left out).
 */
export function drawEdges(
  ctx: SceneContext,
  links: Phaser.GameObjects.Graphics,
  deeds: Phaser.GameObjects.Graphics,
  sprites: ReadonlyMap<string, StateSprite>,
  view: MapData,
  suppressed: ReadonlySet<string> | undefined,
): Edge[] {
  const all = buildEdges(view);
  const edges = suppressed ? all.filter((e) => !suppressed.has(edgeKey(e.kind, e.from, e.to))) : all;
  const unit = ctx.unit;
  links.clear();
  deeds.clear();
  for (const e of edges) {
    const a = sprites.get(e.from)?.disc;
    const b = sprites.get(e.to)?.disc;
    if (!a || !b) continue;
    const g = e.kind === "alliance" || e.kind === "offer" || e.kind === "offer-accepted" ? links : deeds;
    const style = EDGE_STYLES[e.kind];
    const color = hexToNumber(ctx.theme[style.color]);
    const geometry = edgeGeometry(a, b, e.lane * 8 * unit, style.arrow ? 3 : 1);
    if (!geometry) continue;
    const alpha = e.faded ? 0.45 : 1;
    if (e.kind === "alliance") {
      // A thin halo of the background, so the line reads over other lines.
      drawLine(g, geometry, "solid", (style.width + 3) * unit, hexToNumber(ctx.theme.background), 0.8, false);
    }
    drawLine(g, geometry, style.dash, style.width * unit, color, alpha, style.arrow);
    if (e.kind === "offer-accepted") drawCheck(g, geometry, 7 * unit, color, alpha);
  }
  return edges;
}
