// Simplification of a world-atlas topology at the level of its arcs: each arc
// (a stretch of border between two junctions) is thinned once, so two
// neighbouring countries keep exactly the same border and no gap or overlap
// opens between them.
import { transform } from "topojson-client";
import type { Topology } from "topojson-specification";

type Point = [number, number];

/** The arcs as absolute [lon, lat] points (undoing TopoJSON's quantization and delta encoding). */
export function decodeArcs(world: Topology): Point[][] {
  return world.arcs.map((arc) => {
    const decode = transform(world.transform ?? null);
    return arc.map((position, i) => {
      const [x, y] = decode(position, i > 0); // false restarts the delta decoding at each arc
      return [x!, y!] as Point;
    });
  });
}

/**
 * Douglas-Peucker (Douglas and Peucker 1973) on each arc, measured in map units:
 * a point is dropped when it lies within `tolerance` of the simplified line.
 * `project` gives map units for a [lon, lat] point (null or non-finite: kept).
 * An arc keeps its two ends, so junctions stay shared.
 */
export function simplifyArcs(arcs: Point[][], project: (p: Point) => [number, number] | null, tolerance: number): Point[][] {
  return arcs.map((arc) => {
    if (arc.length <= 2) return arc;
    const projected = arc.map((p) => {
      const q = project(p);
      return q && Number.isFinite(q[0]) && Number.isFinite(q[1]) ? q : null;
    });
    const keep = new Uint8Array(arc.length);
    keep[0] = keep[arc.length - 1] = 1;
    const stack: [number, number][] = [[0, arc.length - 1]];
    while (stack.length > 0) {
      const [first, last] = stack.pop()!;
      let worst = -1;
      let worstDistance = tolerance;
      for (let i = first + 1; i < last; i++) {
        const d = segmentDistance(projected[i]!, projected[first]!, projected[last]!);
        if (d > worstDistance) {
          worst = i;
          worstDistance = d;
        }
      }
      if (worst >= 0) {
        keep[worst] = 1;
        stack.push([first, worst], [worst, last]);
      }
    }
    return arc.filter((_, i) => keep[i] === 1);
  });
}

/** Distance from p to the segment a-b (to a when a = b); Infinity when a point did not project. */
function segmentDistance(p: [number, number] | null, a: [number, number] | null, b: [number, number] | null): number {
  if (!p || !a || !b) return Infinity;
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len2));
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

/** The same topology with other (absolute, unquantized) arcs. */
export function withArcs(world: Topology, arcs: Point[][]): Topology {
  return { type: "Topology", objects: world.objects, arcs };
}
