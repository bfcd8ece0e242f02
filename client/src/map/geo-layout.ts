// The states' power markers on the geographic map (pure: no Phaser, no DOM,
// unit-tested): each state's disc sits at its marker point (its capital, or a
// point well inside its territory: shared/map/build.ts), sized by power share,
// through the view transform with the reader's zoom. Markers that would
// overlap are nudged apart a few pixels (separation.ts); markers outside the
// visible area (zoomed in) stay where they are, off-screen.
import { mapArea, radiiForShares, type Disc, type DiscLayout, type LayoutState } from "./disc-layout.js";
import { clamp, type Size } from "./geometry.js";
import { separate } from "./separation.js";
import { fitFrame, toScreen, zoomed, type ViewTransform, type Zoom } from "./view-transform.js";
import type { MapGeometry } from "../../../shared/map/types.js";

/** A disc layout on a geographic map, with the transforms it used. */
export interface GeoLayout extends DiscLayout {
  /** Frame -> screen without the reader's zoom (the whole map in the area). */
  base: ViewTransform;
  /** Frame -> screen as drawn (with the zoom). */
  transform: ViewTransform;
}

/** Options of layoutOnMap. */
export interface GeoLayoutOptions {
  large?: boolean;
  /** Space kept free at the bottom (px), for the legend. */
  reserveBottom?: number;
  /** Space kept free at the top (px). */
  reserveTop?: number;
}

/**
 * Discs (px) of the states (shares 0 to 1) on a surface of `size` (px) showing
 * `geometry` with zoom `zoom`. Radius: area proportional to the share (2.5%
 * of the map area for all the power), from 6 px (10 on the projector) to 6%
 * of the area's short side, growing gently (square root) with the zoom.
 * A state the geometry has no marker for goes to the centre of the map.
 */
export function layoutOnMap(
  states: readonly Pick<LayoutState, "id" | "share">[],
  geometry: Pick<MapGeometry, "width" | "height" | "markers">,
  size: Size,
  zoom: Zoom,
  options: GeoLayoutOptions = {},
): GeoLayout {
  const large = options.large ?? false;
  const area = mapArea(size, { large, reserveBottom: options.reserveBottom ?? 0, reserveTop: options.reserveTop ?? 0 });
  const base = fitFrame(geometry, area);
  const transform = zoomed(base, zoom);
  const short = Math.max(0, Math.min(area.width, area.height));
  const grow = Math.sqrt(clamp(zoom.k, 1, 16));
  const minRadius = (large ? 10 : 6) * Math.min(grow, 1.5);
  const maxRadius = Math.max(minRadius, short * 0.06 * grow);
  const radii = radiiForShares(
    states.map((s) => s.share),
    area,
    { min: minRadius, max: maxRadius },
    0.025 * zoom.k,
  );
  const discs: Disc[] = states.map((s, i) => {
    const m = geometry.markers[s.id];
    const [x, y] = m ? toScreen(transform, m[0], m[1]) : [area.x + area.width / 2, area.y + area.height / 2];
    return { id: s.id, x, y, r: radii[i] ?? minRadius, px: x, py: y };
  });
  const visible = discs.filter(
    (d) => d.x >= area.x && d.x <= area.x + area.width && d.y >= area.y && d.y <= area.y + area.height,
  );
  separate(visible, area, large ? 3 : 2);
  return { area, scale: transform.scale, minRadius, maxRadius, discs, base, transform };
}
