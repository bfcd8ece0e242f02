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
import type { Browser } from "playwright-core";
import { launchBrowser, User } from "../e2e/browser.js";
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

/** A served client and one Chromium for a browser test file: everyone opened on it is closed with it (call stop in afterAll). */
export class ServedBrowser {
  /** Everyone opened so far, in order. */
  readonly users: User[] = [];

  private constructor(
    readonly served: ServedClient,
    readonly browser: Browser,
  ) {}

  /** Builds the pages, starts the server (with `overrides`) and launches the browser. */
  static async start(overrides: Partial<ServerConfig> = {}): Promise<ServedBrowser> {
    const served = await startServedClient(overrides);
    return new ServedBrowser(served, await launchBrowser());
  }

  /** A person in their own browser context (own storage), at this server. */
  async open(name: string, options: Parameters<Browser["newContext"]>[0]): Promise<User> {
    const user = await User.open(this.browser, name, this.served.server.url, options);
    this.users.push(user);
    return user;
  }

  /** Closes everyone's pages, the browser and the server. */
  async stop(): Promise<void> {
    for (const u of this.users) await u.close();
    await this.browser.close();
    await this.served.stop();
  }
}
