// The label chips of the states (Phaser objects): their text (id, "YOU",
// "bot", name), their size, where they go (placement by labels.ts), and the
// leader lines of chips set apart from their disc.
import type Phaser from "./phaser.js";
import { fontSizes, textStyle, type SceneContext } from "./context.js";
import type { DiscLayout } from "./disc-layout.js";
import type { Rect, Size } from "./geometry.js";
import { placeLabels, type LabelBox, type LabelPlacement } from "./labels.js";
import type { StateSprite } from "./markers.js";
import { buildEdges, isBot } from "./relations.js";
import { hexToNumber, type MapTheme } from "./palette.js";
import type { MapState, MapData } from "./types.js";

/** Sizes of a chip's parts (px). */
export interface ChipMetrics {
  /** Inner padding, and the space between the id and the "bot" tag. */
  pad: number;
  gap: number;
  /** The first line: id and tag. */
  line1: Size;
  /** The chip with its name line, or null when it has none. */
  full: Size | null;
  /** The chip with the first line only. */
  compact: Size;
}

/**
 * The lines (pairs of state ids) that labels keep clear of: alliance lines and
 * deed arrows, not offers, which change often during a round (the labels
 * would move under the students' eyes).
 */
export function labelLines(view: MapData): (readonly [string, string])[] {
  return buildEdges(view)
    .filter((e) => e.kind !== "offer" && e.kind !== "offer-accepted")
    .map((e) => [e.from, e.to] as const);
}

/** Whether labels carry the state's name: on the projector, or on surfaces 560 px wide or more. */
export function showNames(ctx: SceneContext): boolean {
  return ctx.options.large || ctx.viewSize.width >= 560;
}

/**
 * Sets a chip's texts and colours for the state (own state: "YOU · id" on an
 * inverted chip; a "bot" tag; the name when there is room). Does nothing when
 * none of what it depends on changed since the last call.
 */
export function updateLabelContent(ctx: SceneContext, sprite: StateSprite, state: MapState, view: MapData): void {
  const own = view.own === state.id;
  const bot = isBot(state.control);
  const withName = showNames(ctx) && !!state.name && state.name !== state.id;
  const key = JSON.stringify([own, bot, withName, state.name, fontSizes(ctx), ctx.pixelRatio]);
  if (key === sprite.contentKey) return;
  sprite.contentKey = key;
  const t = ctx.theme;
  sprite.idText.setText(own ? `YOU · ${state.id}` : state.id);
  sprite.idText.setStyle(textStyle(ctx, "id", own));
  if (bot && !sprite.botText) {
    sprite.botText = ctx.add.text(0, 0, "bot", textStyle(ctx, "tag", own));
    sprite.chip.add(sprite.botText);
  } else if (!bot && sprite.botText) {
    sprite.botText.destroy();
    sprite.botText = null;
  }
  sprite.botText?.setStyle(textStyle(ctx, "tag", own));
  if (withName && !sprite.nameText) {
    sprite.nameText = ctx.add.text(0, 0, state.name, textStyle(ctx, "name", own));
    sprite.chip.add(sprite.nameText);
  } else if (!withName && sprite.nameText) {
    sprite.nameText.destroy();
    sprite.nameText = null;
  }
  sprite.nameText?.setText(state.name).setStyle(textStyle(ctx, "name", own));
  sprite.chipBg.setFillStyle(hexToNumber(own ? t.own : t.chip), 1);
  sprite.chipBg.setStrokeStyle(1, hexToNumber(own ? t.own : t.discOutline), own ? 1 : 0.35);
}

/** The sizes of a chip (px), from its texts as they are now. */
export function chipMetrics(ctx: SceneContext, sprite: StateSprite): ChipMetrics {
  const pad = ctx.options.large ? 6 : 4;
  const gap = ctx.options.large ? 6 : 4;
  const botW = sprite.botText ? sprite.botText.width + gap : 0;
  const line1 = {
    width: sprite.idText.width + botW,
    height: Math.max(sprite.idText.height, sprite.botText?.height ?? 0),
  };
  const compact = { width: Math.ceil(line1.width + 2 * pad), height: Math.ceil(line1.height + pad) };
  const full = sprite.nameText
    ? {
        width: Math.ceil(Math.max(line1.width, sprite.nameText.width) + 2 * pad),
        height: Math.ceil(line1.height + sprite.nameText.height + pad),
      }
    : null;
  return { pad, gap, line1, full, compact };
}

/**
 * Places every chip (see placeLabels) on a surface of `size` (px) less the
 * legend band of `legendHeight` px at the bottom, keeping clear of `lines`
 * (pairs of state ids whose centres are joined), then lays out its texts;
 * chips placeLabels hides are made invisible. Returns the placements by state
 * id (also kept as each sprite's `label`; empty without a layout): pass them
 * to drawLeaders for the leader lines of chips set apart from their disc.
 */
export function placeChips(
  ctx: SceneContext,
  sprites: ReadonlyMap<string, StateSprite>,
  layout: DiscLayout | null,
  view: MapData,
  size: Size,
  lines: readonly (readonly [string, string])[],
  legendHeight: number,
  keepOut: readonly Rect[] = [],
): Map<string, LabelPlacement> {
  if (!layout) return new Map();
  const boxes: LabelBox[] = [];
  const metrics = new Map<string, ChipMetrics>();
  for (const sprite of sprites.values()) {
    const m = chipMetrics(ctx, sprite);
    metrics.set(sprite.id, m);
    boxes.push({ id: sprite.id, full: m.full, compact: m.compact });
  }
  const must = [view.own, view.selected].filter((x): x is string => !!x);
  const legend = legendHeight ? legendHeight + 4 : 0;
  const bounds = { x: 2, y: 2, width: size.width - 4, height: size.height - 4 - legend };
  const segments = lines.flatMap(([from, to]) => {
    const a = sprites.get(from)?.disc;
    const b = sprites.get(to)?.disc;
    return a && b ? [{ x1: a.x, y1: a.y, x2: b.x, y2: b.y }] : [];
  });
  // The selected state first joins the own one among the must-show chips only if it would be hidden
  // otherwise: selecting a state that already shows its label does not move the other labels around.
  const place = (mustShow: string[]) =>
    placeLabels(layout.discs, boxes, bounds, { mustShow, gap: ctx.options.large ? 4 : 3, segments, keepOut });
  const ownOnly = must.filter((id) => id === view.own);
  let placements = place(ownOnly);
  const first = placements;
  const missing = (id: string) => layout.discs.some((d) => d.id === id) && first.get(id)?.hidden !== false;
  if (must.some(missing)) placements = place(must);
  for (const sprite of sprites.values()) {
    const p = placements.get(sprite.id) ?? null;
    const m = metrics.get(sprite.id);
    sprite.label = p;
    if (!p || !m || p.hidden) {
      sprite.chip.setVisible(false);
      continue;
    }
    sprite.chip.setVisible(true).setPosition(Math.round(p.x), Math.round(p.y));
    sprite.chipBg.setSize(p.width, p.height);
    sprite.chipBg.setRounded(Math.min(6, p.height / 3));
    // The hit area setInteractive() made from the rectangle's size (Phaser types it as any).
    if (sprite.chipBg.input) (sprite.chipBg.input.hitArea as Phaser.Geom.Rectangle).setTo(0, 0, p.width, p.height);
    const w = p.width;
    sprite.idText.setPosition(Math.round((w - m.line1.width) / 2), Math.round(m.pad / 2));
    sprite.botText?.setPosition(
      Math.round(sprite.idText.x + sprite.idText.width + m.gap),
      Math.round(m.pad / 2 + (sprite.idText.height - sprite.botText.height) / 2 + 1),
    );
    if (sprite.nameText) {
      sprite.nameText.setVisible(!p.compact);
      sprite.nameText.setPosition(Math.round((w - sprite.nameText.width) / 2), Math.round(m.pad / 2 + m.line1.height));
    }
  }
  return placements;
}

/**
 * Draws the leader lines of the visible chips that placeLabels set apart from
 * their disc (`leader` not null) into `g`, cleared first: 1 px (`unit` x 1)
 * lines in the disc outline colour at 70 % opacity, from the disc's rim to the
 * chip's nearest edge. The scene owns `g` and sets its depth: above the discs
 * and marks (4), below the chips (5), e.g. 4.8.
 */
export function drawLeaders(
  g: Phaser.GameObjects.Graphics,
  placements: Iterable<LabelPlacement | null>,
  theme: MapTheme,
  unit = 1,
): void {
  g.clear();
  // A dark (light) halo under a light (dark) line, and a dot on the rim: readable over any territory's colour.
  for (const [width, color, alpha] of [
    [3.5 * unit, hexToNumber(theme.background), 0.8],
    [1.5 * unit, hexToNumber(theme.discOutline), 1],
  ] as const) {
    g.lineStyle(width, color, alpha);
    for (const p of placements) {
      if (!p || p.hidden || !p.leader) continue;
      g.lineBetween(p.leader.x1, p.leader.y1, p.leader.x2, p.leader.y2);
    }
  }
  g.fillStyle(hexToNumber(theme.discOutline), 1);
  for (const p of placements) {
    if (p && !p.hidden && p.leader) g.fillCircle(p.leader.x1, p.leader.y1, 2.2 * unit);
  }
}
