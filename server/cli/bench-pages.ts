// What the page benchmarks (bench-client.ts, bench-map.ts) share: the built
// pages served by an in-process server with a fresh data folder, a headless
// Chromium with the tests' flags, and games made over HTTP.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser } from "playwright-core";
import { createEntenteServer } from "../app.js";

/** The served pages and the browser a page benchmark works with. */
export interface ServedPages {
  /** http://127.0.0.1:<port> */
  url: string;
  browser: Browser;
  /** POST /api/games for a built-in scenario (2 rounds, 2 teams); resolves to the join code. */
  createGame: (scenario: string) => Promise<string>;
}

/**
 * Runs `work` with the pages of `dist` served and Chromium launched (CHROMIUM_PATH or /usr/bin/chromium), then
 * closes both and deletes the data folder. Without Chromium it prints that `what` was skipped and returns null.
 */
export async function withServedPages<T>(dist: string, what: string, work: (pages: ServedPages) => Promise<T>): Promise<T | null> {
  const chromiumPath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
  if (!existsSync(chromiumPath)) {
    process.stdout.write(`\n${what}: skipped (no Chromium at ${chromiumPath}; set CHROMIUM_PATH).\n`);
    return null;
  }
  const dataDir = mkdtempSync(join(tmpdir(), "entente-bench-pages-"));
  const server = await createEntenteServer(
    { port: 0, hostname: "127.0.0.1", dataDir, reconnectSeconds: 30, endLingerMs: 60_000 },
    { gracefullyShutdown: false, clientDir: dist },
  );
  const port = await server.start();
  const url = `http://127.0.0.1:${port}`;
  // The same flags as the tests' browser (tests/e2e/browser.ts): WebGL through SwiftShader, no GPU.
  const browser = await chromium.launch({ executablePath: chromiumPath, headless: true, args: ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run", "--disable-background-networking"] });
  const createGame = async (scenario: string) => {
    const res = await fetch(`${url}/api/games`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ scenario, settings: { rounds: 2, teams: { mode: "count", value: 2 } } }) });
    return ((await res.json()) as { code: string }).code;
  };
  try {
    return await work({ url, browser, createGame });
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
