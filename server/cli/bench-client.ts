// npm run bench (part 3): what a student's browser downloads, gzipped, from
// the built pages in client/dist (run `npm run build` first; npm start does).
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { table } from "./table.js";

const dist = resolve(import.meta.dirname, "..", "..", "client", "dist");

/** Every asset a page loads: its scripts, styles and preloads, and the chunks those scripts import. */
function assetsOf(page: string): string[] {
  const html = readFileSync(join(dist, page), "utf8");
  const queue = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
  const seen = new Set<string>();
  while (queue.length > 0) {
    const path = queue.shift()!;
    if (seen.has(path)) continue;
    seen.add(path);
    if (!path.endsWith(".js")) continue;
    const code = readFileSync(join(dist, path), "utf8");
    for (const m of code.matchAll(/(?:from|import)\s*\(?\s*["'](\.\/[^"']+\.js)["']/g)) {
      queue.push(join(dirname(path), m[1]!));
    }
  }
  return [...seen];
}

function main() {
  if (!existsSync(join(dist, "student.html"))) {
    process.stdout.write("\nClient bundle: not built (run `npm run build`).\n");
    return;
  }
  const rows: string[][] = [];
  for (const page of ["index.html", "student.html", "teacher.html", "projector.html"]) {
    const assets = assetsOf(page);
    let raw = 0;
    let gz = 0;
    let phaser = 0;
    for (const a of assets) {
      const buf = readFileSync(join(dist, a));
      raw += buf.length;
      const z = gzipSync(buf, { level: 9 }).length;
      gz += z;
      if (/phaser/.test(a)) phaser += z;
    }
    const html = gzipSync(readFileSync(join(dist, page)), { level: 9 }).length;
    rows.push([page, String(assets.length), `${(raw / 1024).toFixed(0)} kB`, `${((gz + html) / 1024).toFixed(0)} kB`, phaser ? `${(phaser / 1024).toFixed(0)} kB` : "-"]);
  }
  process.stdout.write("\nWhat each page downloads (JavaScript and CSS, with the HTML), from client/dist\n\n");
  process.stdout.write(`${table(["page", "files", "size", "gzipped", "of which Phaser (gzipped)"], rows)}\n`);
}

main();
