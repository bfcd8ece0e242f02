// The map of a historical scenario: each state's territory merged from the
// modern countries it lists (Natural Earth via world-atlas), projected into a
// frame fitted to those territories, with the other countries as background land.
import { geoArea, geoCentroid, geoContains, geoDistance, geoStream, type GeoProjection, type GeoStream } from "d3-geo";
import { feature, merge } from "topojson-client";
import type { GeometryObject, Topology } from "topojson-specification";
import type { Scenario } from "../scenario/schema.js";
import { closestName, countriesByName } from "./countries.js";
import { MapBuildError } from "./errors.js";
import { WORLD_VIEW_SPAN, fitFrame, longitudeRange, regionalProjection, worldProjection } from "./projection.js";
import { labelPoint, outerRings, roundRing } from "./rings.js";
import { decodeArcs, simplifyArcs, withArcs } from "./simplify.js";
import type { MapGeometry, Ring } from "./types.js";

/** Douglas-Peucker tolerance in map units (about 1.5 px on a 1920 px projector, sharp at 4x zoom on a phone). */
export const SIMPLIFY_TOLERANCE = 0.7;
/** A piece of a territory farther than this from its state's capital (and not holding it) is left out of the fit: Alaska, Hawaii, overseas France. */
export const FAR_PIECE_KM = 3000;
/** In a regional view, the fit keeps territory within the capitals' box widened by these degrees (Russia's Siberia does not widen a map of Europe). */
export const REGIONAL_PAD_LON = 14;
export const REGIONAL_PAD_LAT = 10;
const EARTH_RADIUS_KM = 6371;

type Polygon = GeoJSON.Polygon;
type Point = [number, number];

/** The country geometries of each state, or a MapBuildError listing every unknown name (with the path and a suggestion). */
function territoryGeometries(scenario: Scenario, world: Topology): GeometryObject[][] {
  const countries = countriesByName(world);
  const issues: string[] = [];
  const result = scenario.states.map((state, i) =>
    (state.territory ?? []).flatMap((name, k) => {
      const geometry = countries.get(name);
      if (geometry) return [geometry];
      const suggestion = closestName(name, countries.keys());
      issues.push(
        `states[${i}].territory[${k}]: "${name}" is not a Natural Earth country name` +
          (suggestion ? ` (did you mean "${suggestion}"?)` : " (see docs/scenarios.md, \"Map and territories\")"),
      );
      return [];
    }),
  );
  if (issues.length > 0) throw new MapBuildError(issues);
  return result;
}

/** The polygons of a (Multi)Polygon geometry. */
function polygonsOf(geometry: GeoJSON.Geometry): Polygon[] {
  if (geometry.type === "Polygon") return [geometry];
  if (geometry.type === "MultiPolygon") return geometry.coordinates.map((coordinates) => ({ type: "Polygon", coordinates }));
  return [];
}

/** Where a state is "at home": its capital, else the centroid of its largest piece. */
function homeOf(capital: { lat: number; lon: number } | undefined, pieces: Polygon[]): Point {
  if (capital) return [capital.lon, capital.lat];
  const biggest = [...pieces].sort((a, b) => geoArea(b) - geoArea(a))[0];
  return biggest ? geoCentroid(biggest) : [0, 0];
}

/** The pieces of a territory that count for the fit: those holding the home, or whose centroid lies within FAR_PIECE_KM of it. */
function nearPieces(pieces: Polygon[], home: Point): Polygon[] {
  return pieces.filter(
    (piece) => geoContains(piece, home) || geoDistance(geoCentroid(piece), home) * EARTH_RADIUS_KM <= FAR_PIECE_KM,
  );
}

/**
 * The outer rings of a merged geometry, as a MultiPolygon on the sphere. Holes
 * go (an enclave is drawn by its own country), and so do rings that
 * simplification turned inside out: a ring enclosing more than a hemisphere, or
 * none of it, is a speck collapsed to a line, which d3 would read as the whole globe.
 */
function outerPolygons(geometry: GeoJSON.Geometry): GeoJSON.MultiPolygon {
  const coordinates = polygonsOf(geometry)
    .map((polygon) => [polygon.coordinates[0]!])
    .filter((coordinates) => {
      const area = geoArea({ type: "Polygon", coordinates });
      return area > 1e-12 && area < 2 * Math.PI;
    });
  return { type: "MultiPolygon", coordinates };
}

/** Projects a geometry through `projection` (clipped to its frame) into rounded rings, holes included. */
function projectRings(geometry: GeoJSON.Geometry, projection: GeoProjection): Ring[] {
  const rings: Ring[] = [];
  let current: Point[] = [];
  const sink: GeoStream = {
    point: (x, y) => void current.push([x, y]),
    lineStart: () => void (current = []),
    lineEnd: () => {
      const ring = roundRing(current);
      if (ring) rings.push(ring);
    },
    polygonStart: () => undefined,
    polygonEnd: () => undefined,
    sphere: () => undefined,
  };
  geoStream(geometry, projection.stream(sink));
  return rings;
}

/**
 * Projected outer rings turn this way (shoelace sign, y down): d3 streams a
 * polygon's exterior clockwise on the sphere, which stays clockwise on screen.
 */
const OUTER_SIGN = 1;

/**
 * The projection and the points it must fit ([lon, lat]). Regional (conic)
 * unless the homes spread over more than WORLD_VIEW_SPAN degrees of longitude;
 * then Natural Earth about the homes' spherical centroid. The points are the
 * territories' near pieces within the homes' box widened by REGIONAL_PAD_LON
 * and REGIONAL_PAD_LAT degrees (in both views).
 */
function chooseView(pieces: Polygon[][], homes: Point[]): { projection: GeoProjection; regional: boolean; fitPoints: Point[] } {
  const homeRange = longitudeRange(homes.map((h) => h[0]));
  const near = pieces.flatMap((p, i) => nearPieces(p, homes[i]!).flatMap((piece) => piece.coordinates[0] as Point[]));
  const lats = homes.map((h) => h[1]);
  const [latMin, latMax] = [Math.min(...lats) - REGIONAL_PAD_LAT, Math.max(...lats) + REGIONAL_PAD_LAT];
  const halfWidth = homeRange.span / 2 + REGIONAL_PAD_LON;
  const offset = (lon: number) => ((((lon - homeRange.centre + 180) % 360) + 360) % 360) - 180;
  let fitPoints = near.filter(([lon, lat]) => Math.abs(offset(lon)) <= halfWidth && lat >= latMin && lat <= latMax);
  if (fitPoints.length === 0) fitPoints = homes; // territories that all miss their capitals' box
  if (homeRange.span > WORLD_VIEW_SPAN) {
    // The same box: the USA and the Soviet Union run off the frame's edges (Siberia would shrink Europe to a dot).
    const centre = geoCentroid({ type: "MultiPoint", coordinates: homes })[0]; // NaN when the homes cancel out
    return { projection: worldProjection(Number.isFinite(centre) ? centre : homeRange.centre), regional: false, fitPoints };
  }
  const fitLats = fitPoints.map((p) => p[1]);
  const projection = regionalProjection(
    longitudeRange(fitPoints.map((p) => p[0])).centre,
    fitLats.reduce((a, b) => Math.min(a, b)),
    fitLats.reduce((a, b) => Math.max(a, b)),
  );
  return { projection, regional: true, fitPoints };
}

/** The map of a scenario whose states all have a territory. Throws MapBuildError for unknown country names. */
export function buildHistorical(scenario: Scenario, world: Topology, version: number): MapGeometry {
  const geometries = territoryGeometries(scenario, world);
  const raw = withArcs(world, decodeArcs(world));
  const pieces = geometries.map((g) => polygonsOf(merge(raw, g as never)));
  const homes = scenario.states.map((state, i) => homeOf(state.capital, pieces[i]!));

  const { projection, regional, fitPoints } = chooseView(pieces, homes);
  const { width, height } = fitFrame(projection, fitPoints);

  // Simplify the shared arcs once, in map units, then merge and project.
  const simplified = withArcs(world, simplifyArcs(decodeArcs(world), (p) => projection(p), SIMPLIFY_TOLERANCE));
  const territories: Record<string, Ring[]> = {};
  const markers: Record<string, [number, number]> = {};
  scenario.states.forEach((state, i) => {
    const rings = outerRings(projectRings(outerPolygons(merge(simplified, geometries[i]! as never)), projection), OUTER_SIGN);
    if (rings.length === 0) throw new MapBuildError([`states[${i}].territory: none of it falls inside the map's frame`]);
    territories[state.id] = rings;
    const capital = state.capital ? projection([state.capital.lon, state.capital.lat]) : null;
    markers[state.id] =
      capital && capital[0] >= 0 && capital[0] <= width && capital[1] >= 0 && capital[1] <= height
        ? [Math.round(capital[0]) + 0, Math.round(capital[1]) + 0]
        : labelPoint(rings[0]!);
  });

  // Background land: every other country with a point near the frame, merged (its inner borders do not matter).
  const used = new Set(geometries.flat());
  const near = (p: Point) => {
    const q = projection(p);
    return !!q && q[0] >= -width * 0.1 && q[0] <= width * 1.1 && q[1] >= -height * 0.1 && q[1] <= height * 1.1;
  };
  const others = [...countriesByName(world).values()].filter(
    (g) => !used.has(g) && polygonsOf(feature(simplified, g as never).geometry as GeoJSON.Geometry).some((p) => p.coordinates.some((ring) => ring.some((pt) => near(pt as Point)))),
  );
  const land = others.length > 0 ? outerRings(projectRings(outerPolygons(merge(simplified, others as never)), projection), OUTER_SIGN) : [];

  return {
    version,
    scenarioId: scenario.id,
    width,
    height,
    projection: regional ? "conic conformal" : "Natural Earth",
    schematic: true,
    credit: "Made with Natural Earth",
    land,
    territories,
    markers,
  };
}
