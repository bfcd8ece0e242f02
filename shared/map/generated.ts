// The map of a scenario without territories (invented or generated worlds):
// each state's territory is its Voronoi cell (d3-delaunay) clipped to a noisy
// disc around its position, so close states share a border and lone ones
// become islands. Seeded by the scenario id: the same scenario, the same map.
import { Delaunay } from "d3-delaunay";
import { mixSeed, seedFromText, seededRandom } from "../random.js";
import type { Scenario } from "../scenario/schema.js";
import { FRAME_LONG_SIDE } from "./projection.js";
import { labelPoint, outerRings, reversed, ringArea, ringContains, roundRing } from "./rings.js";
import type { MapGeometry, Ring } from "./types.js";

type Point = [number, number];

/**
 * A disc's radius as a share of the distance to the second-nearest other state
 * (at least the nearest: above 1/2 even at the lowest noise, so nearest
 * neighbours always meet; the Voronoi cells cut the rest).
 */
export const DISC_SHARE = 0.75;
/** The largest disc, as a multiple of the median second-nearest distance: a state farther than about twice that from all others is an island. */
export const DISC_CAP = 1.1;
/** The outline wanders by up to this share of the radius, in and out. */
export const NOISE = 0.2;
/** States closer than this share of the world's extent are moved apart (1/100: at least about 8 map units). */
export const MIN_SEPARATION = 0.01;

/**
 * Positions (km, y north) flipped to y down and moved apart where two (nearly)
 * coincide: a later state steps out by MIN_SEPARATION of the extent along a
 * golden-angle spiral until it is clear of every earlier one.
 */
function separatedPositions(scenario: Scenario): Point[] {
  const points: Point[] = scenario.states.map((s) => [s.position[0], -s.position[1]]);
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const extent = Math.max(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys), 1);
  const gap = extent * MIN_SEPARATION;
  const out: Point[] = [];
  points.forEach((p, i) => {
    let q: Point = p;
    for (let step = 1; step <= 400 && out.some((o) => Math.hypot(o[0] - q[0], o[1] - q[1]) < gap); step++) {
      const angle = step * 2.399963 + i; // golden angle, turned per state
      const reach = gap * Math.sqrt(step);
      q = [p[0] + reach * Math.cos(angle), p[1] + reach * Math.sin(angle)];
    }
    out.push(q);
  });
  return out;
}

/** Each point's distance to its second-nearest other point (the nearest when there is only one other). */
function secondNearestDistances(points: Point[]): number[] {
  return points.map((p, i) => {
    let [first, second] = [Infinity, Infinity];
    points.forEach((q, j) => {
      if (j === i) return;
      const d = Math.hypot(p[0] - q[0], p[1] - q[1]);
      if (d < first) [first, second] = [d, first];
      else if (d < second) second = d;
    });
    return Number.isFinite(second) ? second : first;
  });
}

/** A closed noisy circle: radius * (1 + smooth noise of two harmonics and a little jitter), never beyond 1 +- NOISE. */
function noisyDisc(centre: Point, radius: number, random: () => number): Point[] {
  const count = Math.max(16, Math.min(72, Math.round((2 * Math.PI * radius) / 5)));
  const harmonics = [2, 3, 5].map((k) => ({ k, phase: random() * 2 * Math.PI, amp: random() }));
  const total = harmonics.reduce((s, h) => s + h.amp, 0) + 0.3;
  return Array.from({ length: count }, (_, i) => {
    const theta = (2 * Math.PI * i) / count;
    const wave = harmonics.reduce((s, h) => s + h.amp * Math.sin(h.k * theta + h.phase), 0) + 0.3 * (2 * random() - 1);
    const r = radius * (1 + (NOISE * wave) / total);
    return [centre[0] + r * Math.cos(theta), centre[1] + r * Math.sin(theta)] as Point;
  });
}

/** Sutherland-Hodgman (1974): the part of `subject` inside the convex polygon `clip` (either winding). */
export function clipToConvex(subject: Point[], clip: Point[]): Point[] {
  let area = 0;
  for (let i = 0; i < clip.length; i++) {
    const [a, b] = [clip[i]!, clip[(i + 1) % clip.length]!];
    area += a[0] * b[1] - b[0] * a[1];
  }
  const sign = area >= 0 ? 1 : -1;
  let output = subject;
  for (let i = 0; i < clip.length && output.length > 0; i++) {
    const [a, b] = [clip[i]!, clip[(i + 1) % clip.length]!];
    const side = (p: Point) => sign * ((b[0] - a[0]) * (p[1] - a[1]) - (b[1] - a[1]) * (p[0] - a[0]));
    const input = output;
    output = [];
    for (let j = 0; j < input.length; j++) {
      const [p, q] = [input[j]!, input[(j + 1) % input.length]!];
      const [sp, sq] = [side(p), side(q)];
      if (sp >= 0) output.push(p);
      if ((sp >= 0) !== (sq >= 0)) {
        const t = sp / (sp - sq);
        output.push([p[0] + t * (q[0] - p[0]), p[1] + t * (q[1] - p[1])]);
      }
    }
  }
  return output;
}

/** The generated map of a scenario whose states have no territory. Never throws for a valid scenario. */
export function buildGenerated(scenario: Scenario, version: number): MapGeometry {
  const km = separatedPositions(scenario);
  const nearest = secondNearestDistances(km);
  const median = [...nearest].sort((a, b) => a - b)[Math.floor(nearest.length / 2)]!;
  const radiusKm = nearest.map((d) => Math.min(DISC_SHARE * d, DISC_CAP * median));

  // Frame: every disc (at its widest) inside, long side FRAME_LONG_SIDE.
  const reach = (i: number) => radiusKm[i]! * (1 + NOISE) * 1.05;
  const x0 = Math.min(...km.map((p, i) => p[0] - reach(i)));
  const y0 = Math.min(...km.map((p, i) => p[1] - reach(i)));
  const x1 = Math.max(...km.map((p, i) => p[0] + reach(i)));
  const y1 = Math.max(...km.map((p, i) => p[1] + reach(i)));
  const k = FRAME_LONG_SIDE / Math.max(x1 - x0, y1 - y0);
  const width = Math.max(1, Math.round((x1 - x0) * k));
  const height = Math.max(1, Math.round((y1 - y0) * k));
  const sites: Point[] = km.map((p) => [(p[0] - x0) * k, (p[1] - y0) * k]);

  const voronoi = Delaunay.from(sites).voronoi([0, 0, width, height]);
  const seed = seedFromText(scenario.id);
  const territories: Record<string, Ring[]> = {};
  const markers: Record<string, [number, number]> = {};
  scenario.states.forEach((state, i) => {
    const site = sites[i]!;
    const marker: [number, number] = [Math.round(site[0]) + 0, Math.round(site[1]) + 0];
    // A cell can be missing when two sites coincide (separatedPositions prevents it; the check stays).
    const polygon = voronoi.cellPolygon(i) as Point[] | null;
    const cell = (polygon ?? []).slice(0, -1);
    const disc = noisyDisc(site, radiusKm[i]! * k, seededRandom(mixSeed(seed, i)));
    const ring = cell.length >= 3 ? roundRing(clipToConvex(disc, cell)) : null;
    let rings = ring ? outerRings([ringArea(ring) < 0 ? reversed(ring) : ring], 1) : [];
    // A sliver that rounding emptied, or that misses the marker: a small square around the marker instead.
    if (rings.length === 0 || !rings.some((r) => ringContains(r, marker[0], marker[1]))) {
      rings = [[marker[0] - 1, marker[1] - 1, marker[0] + 1, marker[1] - 1, marker[0] + 1, marker[1] + 1, marker[0] - 1, marker[1] + 1]];
    }
    territories[state.id] = rings.slice(0, 1);
    markers[state.id] = ringContains(rings[0]!, marker[0], marker[1]) ? marker : labelPoint(rings[0]!);
  });

  return { version, scenarioId: scenario.id, width, height, projection: "generated", schematic: false, credit: "Invented geography", land: [], territories, markers };
}
