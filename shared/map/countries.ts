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

/** Levenshtein edit distance (insertions, deletions, substitutions each count 1). */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
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
