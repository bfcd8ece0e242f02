// The geographic basemap (Phaser drawing): the sea is the camera's background;
// land of no state in `theme.land`; each state's territory filled with its
// colour and pattern (palette.ts: told apart by more than colour), its border,
// and the own and selected states' territories outlined. Drawn in screen px
// from the scenario's map geometry (shared/map/types.ts) through the view
// transform (view-transform.ts), so lines and patterns keep their on-screen
// size at any zoom.
import type Phaser from "./phaser.js";
import type { MapGeometry, Ring } from "../../../shared/map/types.js";
import type { Rect } from "./geometry.js";
import { hexToNumber, type MapTheme, type StateStyle } from "./palette.js";
import { dotsInside, hatch, ringsBounds } from "./polygons.js";
import type { ViewTransform } from "./view-transform.js";

/** What drawBasemap needs besides the geometry. */
export interface BasemapStyle {
  theme: MapTheme;
  styles: ReadonlyMap<string, StateStyle>;
  own: string | null;
  selected: string | null;
  /** Multiplier of line widths and pattern spacing (1.5 on the projector). */
  unit: number;
}

/** Rings of map units in screen px; rings wholly outside `view` (px) are left out. */
export function ringsOnScreen(rings: readonly Ring[], t: ViewTransform, view: Rect): number[][] {
  const out: number[][] = [];
  for (const ring of rings) {
    const s = new Array<number>(ring.length);
    for (let i = 0; i + 1 < ring.length; i += 2) {
      s[i] = ring[i]! * t.scale + t.offsetX;
      s[i + 1] = ring[i + 1]! * t.scale + t.offsetY;
    }
    const [x0, y0, x1, y1] = ringsBounds([s]);
    if (x1 < view.x || y1 < view.y || x0 > view.x + view.width || y0 > view.y + view.height) continue;
    out.push(s);
  }
  return out;
}

function tracePath(g: Phaser.GameObjects.Graphics, ring: readonly number[]): void {
  g.beginPath();
  g.moveTo(ring[0]!, ring[1]!);
  for (let i = 2; i + 1 < ring.length; i += 2) g.lineTo(ring[i]!, ring[i + 1]!);
  g.closePath();
}

function fillRings(g: Phaser.GameObjects.Graphics, rings: readonly number[][], color: number, alpha: number): void {
  g.fillStyle(color, alpha);
  for (const r of rings) {
    if (r.length < 6) continue;
    tracePath(g, r);
    g.fillPath();
  }
}

function strokeRings(g: Phaser.GameObjects.Graphics, rings: readonly number[][], width: number, color: number, alpha: number): void {
  g.lineStyle(width, color, alpha);
  for (const r of rings) {
    if (r.length < 6) continue;
    tracePath(g, r);
    g.strokePath();
  }
}

/** The state's pattern over its territory (screen rings), spacing in px. */
function drawTerritoryPattern(g: Phaser.GameObjects.Graphics, rings: readonly number[][], style: StateStyle, unit: number): void {
  const ink = hexToNumber(style.ink);
  const alpha = style.ink === "#000000" ? 0.35 : 0.5;
  const lines = (angle: number, spacing: number, width: number) => {
    g.lineStyle(width, ink, alpha);
    for (const s of hatch(rings, angle, spacing)) g.lineBetween(s.x1, s.y1, s.x2, s.y2);
  };
  switch (style.pattern) {
    case "none":
      return;
    case "stripes":
      lines(Math.PI / 4, 9 * unit, 1.6 * unit);
      return;
    case "crosshatch":
      lines(Math.PI / 4, 11 * unit, 1.1 * unit);
      lines(-Math.PI / 4, 11 * unit, 1.1 * unit);
      return;
    case "ring": // on a territory: horizontal lines
      lines(0, 8 * unit, 1.4 * unit);
      return;
    case "dots": {
      g.fillStyle(ink, alpha + 0.1);
      const r = 1.6 * unit;
      for (const [x, y] of dotsInside(rings, 9 * unit)) g.fillCircle(x, y, r);
      return;
    }
  }
}

/**
 * Draws the basemap into `base` (land, territories, borders) and the own and
 * selected territories' outlines into `marks`, for the visible rectangle
 * `view` (px). Both are cleared first.
 */
export function drawBasemap(
  base: Phaser.GameObjects.Graphics,
  marks: Phaser.GameObjects.Graphics,
  geometry: MapGeometry,
  t: ViewTransform,
  view: Rect,
  style: BasemapStyle,
): void {
  base.clear();
  marks.clear();
  const { theme, unit } = style;
  const land = ringsOnScreen(geometry.land, t, view);
  fillRings(base, land, hexToNumber(theme.land), 1);
  strokeRings(base, land, 0.8 * unit, hexToNumber(theme.landBorder), 0.8);
  const screen = new Map<string, number[][]>();
  for (const [id, rings] of Object.entries(geometry.territories)) {
    const s = ringsOnScreen(rings, t, view);
    if (s.length === 0) continue;
    screen.set(id, s);
    const st = style.styles.get(id);
    fillRings(base, s, st ? hexToNumber(st.color) : hexToNumber(theme.land), st ? theme.territoryAlpha : 1);
    if (st) drawTerritoryPattern(base, s, st, unit);
  }
  for (const s of screen.values()) strokeRings(base, s, 1.2 * unit, hexToNumber(theme.border), 0.9);
  const own = style.own ? screen.get(style.own) : undefined;
  if (own) {
    strokeRings(marks, own, 5 * unit, hexToNumber(theme.background), 0.9);
    strokeRings(marks, own, 3 * unit, hexToNumber(theme.own), 1);
  }
  const selected = style.selected ? screen.get(style.selected) : undefined;
  if (selected) strokeRings(marks, selected, 3 * unit, hexToNumber(theme.selection), 1);
}
