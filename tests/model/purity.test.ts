// The model in shared/ must stay pure: no framework, no I/O, no hidden clock or chance.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

const sharedDir = join(import.meta.dirname, "..", "..", "shared");

/**
 * The packages the model may import besides itself. Each is pure data and functions: no I/O,
 * no clock, no chance, nothing of Node or the browser.
 * - zod: the schemas of scenarios and messages.
 * - unhomoglyph: Unicode's confusables table (UTS #39) as JSON and one replace function, for
 *   the look-alike nickname skeleton (shared/classroom/look-alike.ts).
 * - d3-geo, topojson-client, d3-delaunay, polylabel (and the types of topojson-specification):
 *   projections, TopoJSON merging, Voronoi cells and label points for a scenario's map
 *   (shared/map/); the world data they work on comes in as an argument.
 */
const ALLOWED_PACKAGES = new Set(["zod", "unhomoglyph", "d3-geo", "topojson-client", "topojson-specification", "d3-delaunay", "polylabel"]);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith(".ts") ? [path] : [];
  });
}

describe("shared/ is pure", () => {
  const files = sources(sharedDir);

  it("has source files to check", () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files.map((f) => [relative(sharedDir, f), f]))("%s imports only the model itself and the allowed pure packages", (_name, file) => {
    const text = readFileSync(file, "utf8");
    const specifiers = [...text.matchAll(/\bfrom\s+["']([^"']+)["']|\bimport\s*\(\s*["']([^"']+)["']/g)].map((m) => m[1] ?? m[2]!);
    for (const spec of specifiers) {
      expect(spec.startsWith(".") || ALLOWED_PACKAGES.has(spec), `${spec} imported`).toBe(true);
    }
    expect(text).not.toMatch(/\bMath\.random\s*\(/);
    expect(text).not.toMatch(/\bDate\.now\s*\(|\bnew Date\s*\(/);
    expect(text).not.toMatch(/\bprocess\.|\brequire\s*\(/);
  });
});
