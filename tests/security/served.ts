// A real server with the real pages for the security tests, and a record of
// every request it receives. Each browser test file builds the client into its
// own temporary folder (not client/dist, which tests/e2e builds), so that no
// two builds race, and the server serves that folder.
import type { IncomingMessage } from "node:http";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ServerConfig } from "../../server/config.js";
import { startTestServer, type TestServer } from "../server/harness.js";
import { buildClient } from "../e2e/server.js";

/** One request as the server received it: the request line's URL and the headers a leak would hide in. */
export interface SeenRequest {
  kind: "http" | "upgrade";
  method: string;
  url: string;
  referer: string | null;
  origin: string | null;
}

export interface ServedClient {
  server: TestServer;
  /** Every request and WebSocket upgrade the server has received so far, in order. */
  seen: SeenRequest[];
  /** Stops the server and deletes the built pages. */
  stop(): Promise<void>;
}

const record = (kind: SeenRequest["kind"], req: IncomingMessage): SeenRequest => ({
  kind,
  method: req.method ?? "",
  url: req.url ?? "",
  referer: req.headers.referer ?? null,
  origin: req.headers.origin ?? null,
});

/** Builds the pages into a fresh temporary folder and starts a server that serves them, recording every request. */
export async function startServedClient(overrides: Partial<ServerConfig> = {}): Promise<ServedClient> {
  const clientDir = mkdtempSync(join(tmpdir(), "entente-client-"));
  await buildClient(clientDir);
  const server = await startTestServer({ reconnectSeconds: 30, ...overrides }, { clientDir });
  const seen: SeenRequest[] = [];
  // Extra listeners only watch, and come first (Express rewrites req.url while it routes): its own listeners still answer.
  server.server.httpServer.prependListener("request", (req: IncomingMessage) => seen.push(record("http", req)));
  server.server.httpServer.on("upgrade", (req: IncomingMessage) => seen.push(record("upgrade", req)));
  const stop = async () => {
    await server.stop();
    rmSync(clientDir, { recursive: true, force: true });
  };
  return { server, seen, stop };
}

/** The directives of a Content-Security-Policy header, by name, each with its list of sources. */
export function parseCsp(header: string | null): Map<string, string[]> {
  const directives = new Map<string, string[]>();
  for (const part of (header ?? "").split(";")) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), sources);
  }
  return directives;
}
