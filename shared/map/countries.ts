// Natural Earth countries by name: the world-atlas TopoJSON keeps one geometry
// per country in `objects.countries`, named by `properties.name` ("Czechia",
// "Bosnia and Herz."). A scenario's `territory` lists such names.
import type { GeometryCollection, GeometryObject, Topology } from "topojson-specification";

/** The country geometries of a world-atlas topology, by Natural Earth name. */
export function countriesByName(world: Topology): Map<string, GeometryObject> {
  const collection = world.objects["countries"] as GeometryCollection | undefined;
  const out = new Map<string, GeometryObject>();
  for (const geometry of collection?.geometries ?? []) {
    const properties: { name?: unknown } | undefined = geometry.properties;
    const name = properties?.name;
    if (typeof name === "string" && geometry.type !== null) out.set(name, geometry);
  }
  return out;
}

/**
 * Edit distance with transpositions (optimal string alignment, Damerau 1964):
 * an insertion, deletion, substitution or swap of two neighbouring letters each count 1.
 */
function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The known name closest to `name` (case-insensitive edit distance at most a
 * third of its length, or a name that contains it, or that it contains:
 * "Bosnia" -> "Bosnia and Herz."), or null when none is close.
 */
export function closestName(name: string, known: Iterable<string>): string | null {
  const wanted = name.trim().toLowerCase();
  let best: string | null = null;
  let bestScore = Infinity;
  for (const candidate of known) {
    const lower = candidate.toLowerCase();
    const distance = editDistance(wanted, lower);
    const contained = wanted.length >= 4 && (lower.includes(wanted) || wanted.includes(lower.replace(/\.$/, "")));
    const score = contained ? Math.min(distance, 0.5) : distance;
    if (score < bestScore || (score === bestScore && best !== null && candidate < best)) {
      best = candidate;
      bestScore = score;
    }
  }
  return bestScore <= Math.max(2, Math.floor(wanted.length / 3)) ? best : null;
}
