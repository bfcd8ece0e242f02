// The pages and a real server for the browser tests: the client is built with
// Vite (client/dist, which server/app.ts serves when it exists), then a real
// Entente server starts in this process on a free port with its own SQLite
// folder (tests/server/harness.ts). Only one e2e test file builds, so no two
// builds race on client/dist.
import { execFile } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { startTestServer, type TestServer } from "../server/harness.js";
import { ROOT } from "./browser.js";

const run = promisify(execFile);

/**
 * `vite build --config client/vite.config.ts` (Vite 8: a few seconds) into `outDir` (default client/dist;
 * other browser test files build into their own folder, so that no two builds race). Throws with Vite's
 * output on failure. With E2E_NO_MINIFY=1 the build is not minified, so page errors name real functions.
 */
export async function buildClient(outDir = join(ROOT, "client", "dist")): Promise<void> {
  const vite = join(ROOT, "node_modules", ".bin", "vite");
  const args = ["build", "--config", "client/vite.config.ts", "--logLevel", "warn", "--outDir", outDir, "--emptyOutDir"];
  try {
    await run(vite, [...args, ...(process.env.E2E_NO_MINIFY ? ["--minify", "false"] : [])], { cwd: ROOT, timeout: 90_000, maxBuffer: 16 * 1024 * 1024 });
  } catch (err) {
    const e = err as { stdout?: string; stderr?: string; message: string };
    throw new Error(`the client build failed:\n${e.stderr ?? ""}\n${e.stdout ?? ""}\n${e.message}`, { cause: err });
  }
  for (const page of ["index", "student", "teacher", "projector", "report"]) {
    if (!existsSync(join(outDir, `${page}.html`))) throw new Error(`the build made no ${page}.html in ${outDir}`);
  }
}

/** A built client and a server that serves it. */
export async function startE2eServer(): Promise<TestServer> {
  await buildClient();
  // A generous reconnection window: a reload comes back with the stored token well within it.
  return startTestServer({ reconnectSeconds: 30 });
}
