// npm run bench (part 4): the map (issue 14's targets), from the built pages
// in client/dist: each scenario's map geometry as sent (target: under 60 kB
// gzipped), how soon the map draws its first frame and its basemap once the
// page's code has run, on loopback in headless Chromium (target: within 1 s),
// and the frame rate on the projector while a round's resolution is animated
// (target: 60 frames per second).
import { existsSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import type { Browser } from "playwright-core";
import { buildMapGeometry } from "../../shared/map/build.js";
import { BUILTIN_IDS, builtinScenario } from "../../shared/scenario/builtin/index.js";
import { generateScenario } from "../../shared/scenario/generate.js";
import { mapKey } from "../maps/key.js";
import { withTimeout } from "./bench-kit.js";
import { withServedPages } from "./bench-pages.js";
import { table } from "./table.js";

const dist = resolve(import.meta.dirname, "..", "..", "client", "dist");
const quick = process.env.BENCH_QUICK === "1";
const kB = (n: number) => `${(n / 1024).toFixed(1)} kB`;

function assetTable(): void {
  const rows: string[][] = [];
  for (const id of BUILTIN_IDS) {
    const file = join(dist, "maps", `${mapKey(builtinScenario(id)!)}.json`);
    if (!existsSync(file)) continue;
    const raw = readFileSync(file);
    const br = existsSync(`${file}.br`) ? readFileSync(`${file}.br`).length : NaN;
    rows.push([id, "built at build time", kB(raw.length), kB(gzipSync(raw, { level: 9 }).length), kB(br)]);
  }
  for (const n of quick ? [50] : [50, 200, 400]) {
    const raw = Buffer.from(JSON.stringify(buildMapGeometry(generateScenario(n, 1), null)));
    rows.push([`generated, ${n} states`, "built by the server", kB(raw.length), kB(gzipSync(raw, { level: 9 }).length), "-"]);
  }
  process.stdout.write("\nMap geometry per scenario (target: under 60 kB gzipped)\n\n");
  process.stdout.write(`${table(["scenario", "made", "JSON", "gzipped", "brotli (as sent)"], rows)}\n`);
}

interface PaintFigures {
  codeRan: number;
  firstFrame: number;
  basemap: number;
}

/** The student page on a phone, no throttling: ms from navigation to its code running, the map's first frame, the basemap. */
async function studentPaint(browser: Browser, url: string, code: string, nickname: string): Promise<PaintFigures> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  try {
    const page = await context.newPage();
    await page.addInitScript({
      content: `sessionStorage.setItem(${JSON.stringify(`entente:nickname:${code}`)}, ${JSON.stringify(nickname)});
        const marks = (globalThis.__marks = {});
        const observer = new MutationObserver(() => {
          if (marks.codeRan === undefined && (document.getElementById("app")?.childElementCount ?? 0) > 0) marks.codeRan = performance.now();
          const map = document.querySelector("[data-map-ready]");
          if (map && marks.firstFrame === undefined && map.dataset.mapReady === "true") {
            requestAnimationFrame(() => (marks.firstFrame = performance.now()));
          }
          if (map && marks.basemap === undefined && map.dataset.mapGeometry === "loaded") {
            marks.basemap = -1;
            requestAnimationFrame(() => (marks.basemap = performance.now()));
          }
        });
        observer.observe(document, { childList: true, subtree: true, attributes: true });`,
    });
    await page.goto(`${url}/student.html?code=${code}`);
    await page.waitForFunction(() => ((globalThis as unknown as { __marks: { basemap?: number } }).__marks.basemap ?? -1) > 0, undefined, { timeout: 60_000 });
    return await page.evaluate(() => (globalThis as unknown as { __marks: PaintFigures }).__marks);
  } finally {
    await context.close();
  }
}

/** Frames the projector's map renders per second while a round with wars and alliances is animated. */
async function projectorFps(browser: Browser, url: string, code: string, scenarioId: string): Promise<{ fps: number; ms: number }> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  try {
    const page = await context.newPage();
    await page.goto(`${url}/projector.html?code=${code}`);
    await page.locator("[data-map-geometry=loaded]").first().waitFor({ timeout: 60_000 });
    const ids = builtinScenario(scenarioId)!.states.map((s) => s.id);
    const [a, b, c, d, e] = ids as [string, string, string, string, string];
    return await page.locator("[data-map-ready=true]").first().evaluate(
      async (el, h) => {
        const map = (el as unknown as { ententeMap: { game: { loop: { frame: number } }; animate(x: unknown[]): Promise<void> } }).ententeMap;
        const f0 = map.game.loop.frame;
        const t0 = performance.now();
        await map.animate(h);
        const ms = performance.now() - t0;
        return { fps: ((map.game.loop.frame - f0) * 1000) / ms, ms };
      },
      [
        { kind: "allianceFormed", a, b },
        { kind: "allianceLeft", by: c, ally: d },
        { kind: "threat", from: e, to: a, yielded: false },
        { kind: "war", target: b, attackers: [c, e], defenders: [b, a], winner: "defenders" },
      ],
    );
  } finally {
    await context.close();
  }
}

async function browserTables(): Promise<void> {
  await withServedPages(dist, "The map in Chromium", async ({ url, browser, createGame }) => {
    const paintRows: string[][] = [];
    const fpsRows: string[][] = [];
    const ms = (v: number) => `${Math.round(v)} ms`;
    let n = 0;
    for (const id of quick ? ["europe-1914"] : BUILTIN_IDS) {
      const code = await createGame(id);
      const p = await withTimeout(studentPaint(browser, url, code, `Bench${++n}`), 90_000, `the student page of ${id}`);
      paintRows.push([id, ms(p.codeRan), ms(p.firstFrame - p.codeRan), ms(p.basemap - p.codeRan)]);
      const f = await withTimeout(projectorFps(browser, url, code, id), 90_000, `the projector of ${id}`);
      fpsRows.push([id, f.fps.toFixed(1), ms(f.ms)]);
    }
    process.stdout.write(`\nThe student page's map on a phone (360x740), loopback, headless Chromium; load average ${loadavg()[0]!.toFixed(2)} (target: first frame within 1 s of the code)\n\n`);
    process.stdout.write(`${table(["scenario", "page's code ran", "then: first map frame", "then: basemap drawn"], paintRows)}\n`);
    process.stdout.write(`\nThe projector's map (1920x1080) while a round is animated (target: 60 frames per second); load average ${loadavg()[0]!.toFixed(2)}\n\n`);
    process.stdout.write(`${table(["scenario", "frames per second", "animation"], fpsRows)}\n`);
  });
}

async function main(): Promise<void> {
  if (!existsSync(join(dist, "student.html"))) {
    process.stdout.write("\nThe map: not built (run `npm run build`).\n");
    return;
  }
  assetTable();
  await browserTables();
}

await main();
