// The legend of the line styles (the projector's, or where asked): the
// alliance line always, and the other kinds of line the view shows.
import type Phaser from "./phaser.js";
import { textStyle, type SceneContext } from "./context.js";
import { drawLine } from "./edges.js";
import type { Size } from "./geometry.js";
import { buildEdges, EDGE_STYLES, type EdgeKind } from "./relations.js";
import { hexToNumber } from "./palette.js";
import type { MapData } from "./types.js";

/** The order of the kinds in the legend. */
const ORDER: readonly EdgeKind[] = ["alliance", "offer", "offer-accepted", "threat", "attack", "betrayal"];

/**
 * Draws the legend for the view in its bottom-left corner of a surface of
 * `size` (px), in rows that wrap to the width: a container named "legend"
 * (depth 7), which replaces `current`; its rows leave `rightReserve` px free at
 * the right (the zoom buttons sit there). Returns it with the height (px) kept
 * free for it at the bottom of the map, or null when `current` already shows
 * the same kinds at the same size and pixel ratio (it is then kept).
 */
export function drawLegend(
  ctx: SceneContext,
  current: Phaser.GameObjects.Container | null,
  size: Size,
  view: MapData,
  rightReserve = 0,
): { legend: Phaser.GameObjects.Container; height: number } | null {
  const present = new Set<EdgeKind>(buildEdges(view).map((e) => e.kind));
  const kinds = ORDER.filter((k) => k === "alliance" || present.has(k));
  const key = `${size.width}x${size.height}@${ctx.pixelRatio}-${rightReserve}:${kinds.join()}`;
  if (current && current.getData("key") === key) return null;
  current?.destroy();
  const u = ctx.unit;
  const c = ctx.add.container(0, 0).setDepth(7).setName("legend");
  c.setData("key", key);
  const pad = 6 * u;
  const sample = 30 * u;
  const bg = ctx.add.rectangle(0, 0, 10, 10, hexToNumber(ctx.theme.chip), 0.95).setOrigin(0, 0);
  bg.setStrokeStyle(1, hexToNumber(ctx.theme.discOutline), 0.35);
  c.add(bg);
  const g = ctx.add.graphics();
  c.add(g);
  let x = pad;
  let y = pad;
  let rowH = 0;
  let maxW = 0;
  const maxRowW = size.width - 16 - rightReserve;
  for (const kind of kinds) {
    const style = EDGE_STYLES[kind];
    const text = ctx.add.text(0, 0, style.label, textStyle(ctx, "name"));
    const itemW = sample + 4 * u + text.width;
    if (x > pad && x + itemW > maxRowW) {
      x = pad;
      y += rowH + 4 * u;
      rowH = 0;
    }
    const h = Math.max(text.height, 10);
    const cy = y + h / 2;
    const geometry = { x1: x, y1: cy, x2: x + sample, y2: cy };
    drawLine(g, geometry, style.dash, style.width * u * 0.8, hexToNumber(ctx.theme[style.color]), 1, style.arrow);
    text.setPosition(x + sample + 4 * u, y);
    c.add(text);
    x += itemW + 14 * u;
    maxW = Math.max(maxW, x - 14 * u);
    rowH = Math.max(rowH, h);
  }
  const height = y + rowH + pad;
  bg.setSize(maxW + pad, height);
  c.setPosition(8, size.height - height - 8);
  return { legend: c, height: height + 8 };
}
