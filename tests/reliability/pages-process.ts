// A real server process (tests/server/processes.ts) that serves the real pages,
// stopped and started again on the same port and data folder, as a teacher's
// laptop restarts the server (or it crashes) under open pages. The pages are
// built once into a temporary folder (as tests/security/served.ts does), and a
// page can be opened while the server is down: a stand-in on its port serves
// the pages and nothing else, as a reverse proxy in front of a stopped server.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import { buildClient } from "../e2e/server.js";
import { freePort, startServerProcess, type ServerProcess } from "../server/processes.js";

export interface PagesServer {
  readonly port: number;
  readonly url: string;
  readonly dataDir: string;
  readonly clientDir: string;
  /** The running process, if any. */
  readonly process: ServerProcess | null;
  /** Starts the server on the port and data folder (it brings back the unfinished games). */
  start(): Promise<ServerProcess>;
  /** Stops it: SIGTERM is a clean stop (rooms close with 4000), SIGKILL a crash (connections just drop). */
  stop(signal: "SIGTERM" | "SIGKILL"): Promise<void>;
  /** Stops it if it runs, and deletes the data folder and the built pages. */
  dispose(): Promise<void>;
}

/** Builds the pages, picks a port and a data folder, and starts the server a first time. */
export async function startPagesServer(): Promise<PagesServer> {
  const clientDir = mkdtempSync(join(tmpdir(), "entente-client-"));
  const dataDir = mkdtempSync(join(tmpdir(), "entente-reliability-"));
  await buildClient(clientDir);
  const port = await freePort();
  let current: ServerProcess | null = null;
  const server: PagesServer = {
    port,
    url: `http://127.0.0.1:${port}`,
    dataDir,
    clientDir,
    get process() {
      return current;
    },
    async start() {
      current = await startServerProcess({ port, dataDir, entry: "tests/reliability/serve-built-pages.ts", env: { CLIENT_DIR: clientDir } });
      return current;
    },
    async stop(signal) {
      const running = current;
      current = null;
      await running?.stop(signal);
    },
    async dispose() {
      await server.stop("SIGKILL");
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(clientDir, { recursive: true, force: true });
    },
  };
  await server.start();
  return server;
}

/** Content types of the files a build has. */
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".ico": "image/x-icon",
  ".json": "application/json",
  ".woff2": "font/woff2",
};

/**
 * While the server is down, something else on its port that still has the pages: a reverse proxy in front of a
 * stopped server (docs/deploy.md), which serves the static files and answers 502 for everything the server itself
 * answers (the API, matchmaking, WebSocket upgrades). The page is then loaded from the server's own address, as in
 * class. Close it to leave the port to the server (later requests are refused).
 */
export async function startStandIn(port: number, clientDir: string): Promise<{ close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const { pathname } = new URL(req.url ?? "/", "http://stand-in");
    if (/^\/(api|matchmake)(\/|$)/.test(pathname)) {
      res.writeHead(502, { "content-type": "text/plain" }).end("Bad Gateway");
      return;
    }
    const file = join(clientDir, pathname === "/" ? "index.html" : normalize(pathname).slice(1));
    if (!file.startsWith(clientDir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream", "cache-control": "no-store" }).end(readFileSync(file));
  });
  server.on("upgrade", (_req, socket) => socket.end("HTTP/1.1 502 Bad Gateway\r\n\r\n"));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  return {
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
