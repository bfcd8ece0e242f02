// The discs of the states on the screen (pure: no Phaser, no DOM).
//
// Each state's disc has an area proportional to its power share (within a
// readable minimum and a maximum), sits where the projection puts its
// position, and is nudged off its neighbours by separation.ts.
import { clamp, finiteOr, type Rect, type Size } from "./geometry.js";
import { fitProjection, project } from "./projection.js";
import { separate } from "./separation.js";

/** A state as the layout needs it. */
export interface LayoutState {
  id: string;
  /** km east */
  x: number;
  /** km north */
  y: number;
  /** Share of all power, 0 to 1. */
  share: number;
}

/** A state's disc on the screen (px, y down). */
export interface Disc {
  id: string;
  /** Screen position (px, y down) after overlaps were resolved. */
  x: number;
  y: number;
  /** Radius, px. */
  r: number;
  /** Screen position straight from the projection, before overlaps were resolved. */
  px: number;
  py: number;
}

/** Options of layoutDiscs and mapArea. */
export interface DiscLayoutOptions {
  /** Projector: bigger minimum size. */
  large?: boolean;
  /** Empty border around the map area (px). */
  padding?: number;
  /** Space kept free at the top / bottom of the screen (px), e.g. for a legend. */
  reserveTop?: number;
  reserveBottom?: number;
  /** Fraction of the map area that a state holding all the power would cover (default 0.08). */
  coverage?: number;
  /** Free space kept between discs (px); by default 3 to 24 px depending on how crowded the map is. */
  gap?: number;
}

/** What layoutDiscs computed. */
export interface DiscLayout {
  /** The rectangle the discs are kept in (px). */
  area: Rect;
  /** Pixels per km of the projection. */
  scale: number;
  /** Radius bounds (px) used for this layout. */
  minRadius: number;
  maxRadius: number;
  /** One disc per state, in the order of the states given. */
  discs: Disc[];
}

/** The rectangle (px) the states are drawn in: the screen `size` (px) less padding and reserved bands. */
export function mapArea(size: Size, options: DiscLayoutOptions = {}): Rect {
  const padding = options.padding ?? defaultPadding(size, options.large ?? false);
  const top = padding + (options.reserveTop ?? 0);
  const bottom = padding + (options.reserveBottom ?? 0);
  return {
    x: padding,
    y: top,
    width: Math.max(0, size.width - 2 * padding),
    height: Math.max(0, size.height - top - bottom),
  };
}

function defaultPadding(size: Size, large: boolean): number {
  return Math.round(Math.max(6, Math.min(large ? 24 : 16, Math.min(size.width, size.height) * 0.025)));
}

/** Smallest and largest disc radius (px) for this area (px); `large` for the projector. */
export function radiusBounds(area: Rect, large = false): { min: number; max: number } {
  const short = Math.max(0, Math.min(area.width, area.height));
  const min = large ? 13 : short < 420 ? 8 : 10;
  const max = Math.max(min, short * 0.15);
  return { min, max };
}

/**
 * Radius (px) of each disc: area proportional to the share (0 to 1;
 * r = c * sqrt(share)), where a state holding all the power would cover
 * `coverage` of the area (px); clamped to the bounds (px) so the smallest stay
 * readable and the largest fit. One radius per share, in order.
 */
export function radiiForShares(
  shares: readonly number[],
  area: Rect,
  bounds: { min: number; max: number },
  coverage = 0.08,
): number[] {
  const c = Math.sqrt((coverage * area.width * area.height) / Math.PI);
  return shares.map((s) => clamp(c * Math.sqrt(Math.max(0, finiteOr(s, 0))), bounds.min, bounds.max));
}

/**
 * The discs of all states (positions in km, shares 0 to 1) on a screen of
 * `size` (px): projected, sized by power share, shrunk a little if the map is
 * crowded, then nudged apart where they still overlap (a few pixels each; the
 * geography stays recognisable) and kept inside the area.
 */
export function layoutDiscs(states: readonly LayoutState[], size: Size, options: DiscLayoutOptions = {}): DiscLayout {
  const large = options.large ?? false;
  const area = mapArea(size, options);
  const bounds = radiusBounds(area, large);
  // Free space between discs, so that a line or arrow between neighbours stays visible:
  // up to 24 px (32 on the projector), less on crowded maps.
  const gap =
    options.gap ?? clamp(Math.sqrt((area.width * area.height) / Math.max(1, states.length)) * 0.3, 3, large ? 32 : 24);
  let radii = radiiForShares(
    states.map((s) => s.share),
    area,
    bounds,
    options.coverage ?? 0.08,
  );
  let projection = fitProjection(
    states.map((s, i) => ({ x: s.x, y: s.y, r: radii[i] ?? bounds.min })),
    area,
  );
  // Crowded maps: shrink all discs together (down to half, and never below the
  // minimum) so that most states clear their nearest neighbour.
  for (let round = 0; round < 2 && states.length > 1; round++) {
    const points = states.map((s) => project(projection, s.x, s.y));
    const ratios: number[] = [];
    for (let i = 0; i < states.length; i++) {
      let best = Infinity;
      let ratio = Infinity;
      const [xi, yi] = points[i] as [number, number];
      for (let j = 0; j < states.length; j++) {
        if (j === i) continue;
        const [xj, yj] = points[j] as [number, number];
        const d = Math.hypot(xj - xi, yj - yi);
        if (d < best) {
          best = d;
          ratio = (d - gap) / ((radii[i] ?? 0) + (radii[j] ?? 0));
        }
      }
      ratios.push(ratio);
    }
    ratios.sort((a, b) => a - b);
    // Aim for a clear stretch of line between neighbours: centre distance >= 1.5 x (r1 + r2).
    const factor = clamp((ratios[Math.floor(ratios.length * 0.3)] ?? 1.5) / 1.5, 0.5, 1);
    if (factor > 0.97) break;
    radii = radii.map((r) => Math.max(bounds.min, r * factor));
    projection = fitProjection(
      states.map((s, i) => ({ x: s.x, y: s.y, r: radii[i] ?? bounds.min })),
      area,
    );
  }
  const discs: Disc[] = states.map((s, i) => {
    const [x, y] = project(projection, s.x, s.y);
    return { id: s.id, x, y, r: radii[i] ?? bounds.min, px: x, py: y };
  });
  separate(discs, area, gap);
  return { area, scale: projection.scale, minRadius: bounds.min, maxRadius: bounds.max, discs };
}
