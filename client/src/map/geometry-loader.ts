// Fetches a scenario's map geometry (/maps/<key>.json, server/maps/route.ts)
// once per address, checks its shape, and retries a failed network request a
// few times (a busy school network); a map that cannot be had leaves the
// states as discs on a plain ground (the game goes on without it).
import type { MapGeometry } from "../../../shared/map/types.js";

const loads = new Map<string, Promise<MapGeometry | null>>();

function isRings(v: unknown): v is number[][] {
  return Array.isArray(v) && v.every((r) => Array.isArray(r) && r.length % 2 === 0 && r.every((n) => typeof n === "number" && Number.isFinite(n)));
}

/** Whether a parsed JSON value has the shape of a MapGeometry (shared/map/types.ts). */
export function isMapGeometry(v: unknown): v is MapGeometry {
  if (!v || typeof v !== "object") return false;
  const g = v as Record<string, unknown>;
  const finite = (n: unknown) => typeof n === "number" && Number.isFinite(n) && n > 0;
  if (!finite(g.width) || !finite(g.height) || !isRings(g.land)) return false;
  if (!g.territories || typeof g.territories !== "object" || !g.markers || typeof g.markers !== "object") return false;
  if (!Object.values(g.territories).every(isRings)) return false;
  return Object.values(g.markers).every((m) => Array.isArray(m) && m.length === 2 && m.every((n) => typeof n === "number" && Number.isFinite(n)));
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The geometry at `url`, or null when there is none (404, a malformed file, or the network failed 4 times). */
export function loadGeometry(url: string): Promise<MapGeometry | null> {
  const known = loads.get(url);
  if (known) return known;
  let final = true;
  const load = (async () => {
    for (let attempt = 0; attempt < 4; attempt++) {
      try {
        const res = await fetch(url, { credentials: "same-origin" });
        if (res.status === 404 || res.status === 400) return null;
        if (res.ok) {
          const body: unknown = await res.json();
          if (isMapGeometry(body)) return body;
          console.warn(`The map at ${url} is not a map geometry; drawing the states without it.`);
          return null;
        }
      } catch {
        // network error: try again
      }
      await sleep(500 * 2 ** attempt);
    }
    final = false;
    return null;
  })();
  loads.set(url, load);
  // A network failure may be passing: let a later view try again (a missing or malformed map stays missing).
  void load.then(() => {
    if (!final) loads.delete(url);
  });
  return load;
}
