// npm run bench (part 3): what a student's browser downloads, from the built
// pages in client/dist (run `npm run build` first; npm start does): the size
// of each page's files, raw and as the server sends them (the build's brotli
// and gzip copies), then the student page loaded for real in Chromium over a
// 2 Mbit/s connection (Chromium's own network emulation): the bytes that came
// over the network and how long until the first thing is shown, the page's
// code has run and the map is drawn, with and without compression.
import { existsSync, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { dirname, join, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import type { Browser } from "playwright-core";
import { withTimeout } from "./bench-kit.js";
import { withServedPages } from "./bench-pages.js";
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

/** The size of the copy the server sends to a browser that accepts brotli (the file itself when the build made none). */
function sentSize(path: string): number {
  const file = join(dist, path);
  return readFileSync(existsSync(`${file}.br`) ? `${file}.br` : file).length;
}

function bundleTable(): void {
  const rows: string[][] = [];
  for (const page of ["index.html", "student.html", "teacher.html", "projector.html"]) {
    const assets = assetsOf(page);
    let raw = readFileSync(join(dist, page)).length;
    let gz = gzipSync(readFileSync(join(dist, page)), { level: 9 }).length;
    let br = sentSize(page);
    let phaser = 0;
    for (const a of assets) {
      const buf = readFileSync(join(dist, a));
      raw += buf.length;
      gz += gzipSync(buf, { level: 9 }).length;
      const sent = sentSize(a);
      br += sent;
      if (/phaser/.test(a)) phaser += sent;
    }
    const kB = (n: number) => `${(n / 1024).toFixed(0)} kB`;
    rows.push([page, String(assets.length), kB(raw), kB(gz), kB(br), phaser ? kB(phaser) : "-"]);
  }
  process.stdout.write(`\nWhat each page downloads (the HTML, its JavaScript and CSS), from client/dist; target (issue 15): the student page at most 300 kB as sent\n\n`);
  process.stdout.write(`${table(["page", "files", "size", "gzipped", "as sent (brotli)", "of which Phaser (as sent)"], rows)}\n`);
}

/** 2 Mbit/s down, 1 Mbit/s up and 40 ms each way: a busy school network as one student's device sees it. */
const SLOW_NETWORK = { offline: false, latency: 80, downloadThroughput: 2_000_000 / 8, uploadThroughput: 1_000_000 / 8 };

interface LoadFigures {
  bytes: number;
  firstPaintMs: number;
  codeRanMs: number;
  mapMs: number;
}

/** Loads the student page once in a fresh context over the slow network; `compressed: false` asks for identity encoding. */
async function loadStudentPage(browser: Browser, url: string, code: string, nickname: string, compressed: boolean): Promise<LoadFigures> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 });
  try {
    const page = await context.newPage();
    // The nickname the home page leaves for the student page, and the moment the page's code first puts something in #app.
    await page.addInitScript({
      content: `sessionStorage.setItem(${JSON.stringify(`entente:nickname:${code}`)}, ${JSON.stringify(nickname)});
        const observer = new MutationObserver(() => {
          if ((document.getElementById("app")?.childElementCount ?? 0) > 0) {
            globalThis.__codeRan = performance.now();
            observer.disconnect();
          }
        });
        observer.observe(document, { childList: true, subtree: true });`,
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await cdp.send("Network.emulateNetworkConditions", SLOW_NETWORK);
    if (!compressed) await cdp.send("Network.setExtraHTTPHeaders", { headers: { "Accept-Encoding": "identity" } });
    let bytes = 0;
    cdp.on("Network.loadingFinished", (e) => (bytes += e.encodedDataLength));
    await page.goto(`${url}/student.html?code=${code}`, { waitUntil: "commit" });
    await page.locator("[data-map-ready=true] canvas").first().waitFor({ state: "attached", timeout: 120_000 });
    const times = await page.evaluate(() => {
      const paint = performance.getEntriesByName("first-contentful-paint")[0];
      const g = globalThis as unknown as { __codeRan?: number };
      return { firstPaint: paint ? paint.startTime : NaN, codeRan: g.__codeRan ?? NaN, now: performance.now() };
    });
    return { bytes, firstPaintMs: times.firstPaint, codeRanMs: times.codeRan, mapMs: times.now };
  } finally {
    await context.close();
  }
}

/** The student page loaded in Chromium over SLOW_NETWORK, compressed and not; skipped without Chromium. */
async function slowNetworkTable(): Promise<void> {
  await withServedPages(dist, "The student page over a slow network", async ({ url, browser, createGame }) => {
    const code = await createGame("rival-shores");
    const rows: string[][] = [];
    const s = (ms: number) => (Number.isNaN(ms) ? "-" : `${(ms / 1000).toFixed(1)} s`);
    let n = 0;
    // BENCH_QUICK: the compressed load only (what browsers get).
    for (const compressed of process.env.BENCH_QUICK === "1" ? [true] : [false, true]) {
      const figures = await withTimeout(loadStudentPage(browser, url, code, `Bench${++n}`, compressed), 180_000, "the student page over the slow network");
      rows.push([compressed ? "compressed (brotli)" : "uncompressed", `${(figures.bytes / 1024).toFixed(0)} kB`, s(figures.firstPaintMs), s(figures.codeRanMs), s(figures.mapMs)]);
    }
    process.stdout.write(`\nThe student page in Chromium over ${SLOW_NETWORK.downloadThroughput * 8 / 1e6} Mbit/s (${SLOW_NETWORK.latency} ms latency), no cache; load average ${loadavg()[0]!.toFixed(2)}\n\n`);
    process.stdout.write(`${table(["sent", "over the network", "first paint", "page's code ran", "map drawn"], rows)}\n`);
    process.stdout.write("First paint is the 'Loading Entente…' indicator; before it existed the page stayed blank until its code ran.\n");
  });
}

async function main(): Promise<void> {
  if (!existsSync(join(dist, "student.html"))) {
    process.stdout.write("\nClient bundle: not built (run `npm run build`).\n");
    return;
  }
  bundleTable();
  await slowNetworkTable();
}

await main();
