// The projection of a historical map and its frame: a conic conformal for a
// regional scenario, Natural Earth for one that spans the world, fitted to the
// points that must show (the states' territories, not the whole world).
import { geoConicConformal, geoNaturalEarth1, type GeoProjection } from "d3-geo";

/** Long side of every map frame, in map units; the short side follows the fitted extent. */
export const FRAME_LONG_SIDE = 1000;
/** Empty border kept around the fitted points, in map units. */
export const FRAME_MARGIN = 16;
/**
 * Short side of a frame at least this fraction of its long side: a map much wider than high would leave most of
 * a phone's or a projector's map area empty, so the fitted box grows on its short side (more land around it shows).
 */
export const MIN_FRAME_ASPECT = 0.7;
/** Capitals spread over more longitude than this (degrees) call for a world projection. */
export const WORLD_VIEW_SPAN = 80;

export interface LongitudeRange {
  /** Width of the smallest arc of longitude holding every value, degrees (0 to 360). */
  span: number;
  /** The middle of that arc, degrees in [-180, 180). */
  centre: number;
}

/** The smallest arc of longitude holding every value (the complement of the widest empty gap). */
export function longitudeRange(longitudes: readonly number[]): LongitudeRange {
  const sorted = [...new Set(longitudes.map(wrap))].sort((a, b) => a - b);
  if (sorted.length === 0) return { span: 0, centre: 0 };
  let gap = 360 - (sorted[sorted.length - 1]! - sorted[0]!);
  let start = sorted[0]!;
  for (let i = 1; i < sorted.length; i++) {
    const g = sorted[i]! - sorted[i - 1]!;
    if (g > gap) {
      gap = g;
      start = sorted[i]!;
    }
  }
  const span = 360 - gap;
  return { span, centre: wrap(start + span / 2) };
}

/** A longitude in [-180, 180). */
function wrap(lon: number): number {
  return ((((lon + 180) % 360) + 360) % 360) - 180;
}

/**
 * Conic conformal (Lambert) about a central meridian, with standard parallels at
 * one sixth and five sixths of the latitude range (the usual rule of thumb,
 * Snyder 1987, Map Projections: A Working Manual, p. 104).
 */
export function regionalProjection(centreLon: number, latMin: number, latMax: number): GeoProjection {
  const sixth = (latMax - latMin) / 6;
  let [p1, p2] = [latMin + sixth, latMax - sixth];
  if (Math.abs(p1 + p2) < 1) [p1, p2] = [p1 + 1, p2 + 1]; // a cone needs n = sin-mean of the parallels away from 0
  return geoConicConformal()
    .parallels([p1, p2])
    .rotate([-centreLon, 0])
    .center([0, (latMin + latMax) / 2])
    .precision(0.2);
}

/** Natural Earth (Šavrič et al. 2015) turned so that `centreLon` is the central meridian. */
export function worldProjection(centreLon: number): GeoProjection {
  return geoNaturalEarth1().rotate([-centreLon, 0]).precision(0.2);
}

/**
 * Scales and moves `projection` so that `points` ([lon, lat]) fill a frame whose
 * long side is FRAME_LONG_SIDE map units, with FRAME_MARGIN around them (the
 * short side grown to MIN_FRAME_ASPECT of the long one if need be); sets
 * its clip extent to the frame. Returns the frame size (integers).
 */
export function fitFrame(projection: GeoProjection, points: ReadonlyArray<[number, number]>): { width: number; height: number } {
  projection.scale(1).translate([0, 0]).clipExtent(null);
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const point of points) {
    const p = projection(point);
    if (!p || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) continue;
    [x0, y0, x1, y1] = [Math.min(x0, p[0]), Math.min(y0, p[1]), Math.max(x1, p[0]), Math.max(y1, p[1])];
  }
  if (!(x1 > x0) || !(y1 > y0)) [x0, y0, x1, y1] = [-0.1, -0.1, 0.1, 0.1];
  // Grow the short side about its middle up to MIN_FRAME_ASPECT of the long one.
  const [w, h] = [x1 - x0, y1 - y0];
  if (h < w * MIN_FRAME_ASPECT) [y0, y1] = [y0 - (w * MIN_FRAME_ASPECT - h) / 2, y1 + (w * MIN_FRAME_ASPECT - h) / 2];
  else if (w < h * MIN_FRAME_ASPECT) [x0, x1] = [x0 - (h * MIN_FRAME_ASPECT - w) / 2, x1 + (h * MIN_FRAME_ASPECT - w) / 2];
  const inner = FRAME_LONG_SIDE - 2 * FRAME_MARGIN;
  const k = inner / Math.max(x1 - x0, y1 - y0);
  const width = Math.max(1, Math.round((x1 - x0) * k + 2 * FRAME_MARGIN));
  const height = Math.max(1, Math.round((y1 - y0) * k + 2 * FRAME_MARGIN));
  // Centre the fitted box in the (rounded) frame.
  const tx = (width - (x1 - x0) * k) / 2 - x0 * k;
  const ty = (height - (y1 - y0) * k) / 2 - y0 * k;
  projection.scale(k).translate([tx, ty]).clipExtent([[0, 0], [width, height]]);
  return { width, height };
}
