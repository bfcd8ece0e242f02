// The states' markers: the per-state game objects (a touch-sized hit circle
// and a label chip), and the discs drawn with their patterns, the own state's
// outline and the selection ring.
import Phaser from "./phaser.js";
import { updateLabelContent } from "./chips.js";
import { textStyle, type SceneContext } from "./context.js";
import type { Disc, DiscLayout } from "./disc-layout.js";
import type { LabelPlacement } from "./labels.js";
import { hexToNumber, type StateStyle } from "./palette.js";
import { drawPattern } from "./patterns.js";
import type { MapState, MapData } from "./types.js";

/** Per-state game objects. (Taps and clicks are read on the page by gestures.ts, which asks the scene's stateAt.) */
export interface StateSprite {
  id: string;
  disc: Disc;
  style: StateStyle;
  /** Invisible, touch-sized circle that takes clicks and taps (named "disc:<id>"). */
  hit: Phaser.GameObjects.Arc;
  /** Label chip (named "label:<id>"): background, id line, optional name line. */
  chip: Phaser.GameObjects.Container;
  chipBg: Phaser.GameObjects.Rectangle;
  idText: Phaser.GameObjects.Text;
  botText: Phaser.GameObjects.Text | null;
  nameText: Phaser.GameObjects.Text | null;
  label: LabelPlacement | null;
  contentKey: string;
}

/** Radius (px) of a disc's hit circle: at least 22 px when the map takes input. */
function hitRadius(ctx: SceneContext, disc: Disc): number {
  return Math.max(disc.r, ctx.options.interactive ? 22 : 0);
}

/**
 * Creates, updates and removes the per-state objects in `sprites` (by id) to
 * match the view and the layout (px). Map order is creation order; depths order the drawing.
 */
export function syncSprites(
  ctx: SceneContext,
  sprites: Map<string, StateSprite>,
  layout: DiscLayout | null,
  styles: ReadonlyMap<string, StateStyle>,
  view: MapData,
): void {
  if (!layout) return;
  const discs = new Map(layout.discs.map((d) => [d.id, d]));
  const keep = new Set(view.states.map((s) => s.id));
  for (const [id, sprite] of sprites) {
    if (!keep.has(id)) {
      sprite.hit.destroy();
      sprite.chip.destroy();
      sprites.delete(id);
    }
  }
  // Bigger discs first, so smaller ones (drawn and hit-tested on top) stay reachable.
  const order = [...view.states].sort((a, b) => (discs.get(b.id)?.r ?? 0) - (discs.get(a.id)?.r ?? 0));
  order.forEach((state, index) => {
    const disc = discs.get(state.id);
    const style = styles.get(state.id);
    if (!disc || !style) return;
    let sprite = sprites.get(state.id);
    if (!sprite) {
      sprite = createSprite(ctx, state, disc, style);
      sprites.set(state.id, sprite);
    }
    sprite.disc = disc;
    sprite.style = style;
    updateLabelContent(ctx, sprite, state, view);
    const hitR = hitRadius(ctx, disc);
    sprite.hit.setPosition(disc.x, disc.y);
    if (sprite.hit.radius !== hitR) {
      sprite.hit.setRadius(hitR);
      const area = sprite.hit.input?.hitArea as Phaser.Geom.Circle | undefined;
      area?.setTo(hitR, hitR, hitR);
    }
    sprite.hit.setDepth(3 + index / 10000);
    sprite.chip.setDepth(5 + index / 10000);
  });
}

function createSprite(
  ctx: SceneContext,
  state: MapState,
  disc: Disc,
  style: StateStyle,
): StateSprite {
  const hitR = hitRadius(ctx, disc);
  const hit = ctx.add.circle(disc.x, disc.y, hitR);
  hit.setName(`disc:${state.id}`);
  const chip = ctx.add.container(0, 0).setName(`label:${state.id}`);
  const chipBg = ctx.add.rectangle(0, 0, 10, 10, hexToNumber(ctx.theme.chip)).setOrigin(0, 0);
  const idText = ctx.add.text(0, 0, state.id, textStyle(ctx, "id"));
  chip.add([chipBg, idText]);
  const sprite: StateSprite = {
    id: state.id,
    disc,
    style,
    hit,
    chip,
    chipBg,
    idText,
    botText: null,
    nameText: null,
    label: null,
    contentKey: "",
  };
  return sprite;
}

/** Width (px) of the own state's outline around a disc of radius r (px). */
function ownOutline(r: number, unit: number): number {
  return (3 + Math.min(3, r * 0.05)) * unit;
}

/**
 * Redraws the discs (fill, pattern, outline; biggest first) into `g`, and
 * the own state's outline and the selection ring into `marks`.
 */
export function drawDiscs(
  ctx: SceneContext,
  g: Phaser.GameObjects.Graphics,
  marks: Phaser.GameObjects.Graphics,
  sprites: ReadonlyMap<string, StateSprite>,
  view: MapData,
): void {
  g.clear();
  marks.clear();
  const t = ctx.theme;
  const u = ctx.unit;
  const ordered = [...sprites.values()].sort((a, b) => b.disc.r - a.disc.r);
  for (const s of ordered) {
    const { x, y, r } = s.disc;
    g.fillStyle(hexToNumber(s.style.color), 1);
    g.fillCircle(x, y, r);
    drawPattern(g, s.style, x, y, r);
    g.lineStyle(1.5 * u, hexToNumber(t.discOutline), 0.9);
    g.strokeCircle(x, y, r);
  }
  const own = view.own ? sprites.get(view.own) : undefined;
  if (own) {
    const { x, y, r } = own.disc;
    const w = ownOutline(r, u);
    marks.lineStyle(w + 4, hexToNumber(t.background), 1);
    marks.strokeCircle(x, y, r + w / 2);
    marks.lineStyle(w, hexToNumber(t.own), 1);
    marks.strokeCircle(x, y, r + w / 2);
  }
  const selected = view.selected ? sprites.get(view.selected) : undefined;
  if (selected) {
    const { x, y, r } = selected.disc;
    const extra = selected === own ? ownOutline(r, u) + 2 : 0;
    const ring = r + extra + 6 * u;
    marks.lineStyle(3 * u, hexToNumber(t.selection), 1);
    marks.strokeCircle(x, y, ring);
    // Four ticks, so the ring reads as "selected" even where it crosses lines.
    for (let k = 0; k < 4; k++) {
      const a = (Math.PI / 2) * k + Math.PI / 4;
      marks.lineBetween(
        x + Math.cos(a) * ring,
        y + Math.sin(a) * ring,
        x + Math.cos(a) * (ring + 6 * u),
        y + Math.sin(a) * (ring + 6 * u),
      );
    }
  }
}
