// A real Entente server for tests: its own port, its own SQLite file in a
// temporary folder, the real colyseus.js client. One server per test file
// (Colyseus' matchMaker is one per process; Vitest runs each file apart).
import { Client, type Room } from "colyseus.js";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createEntenteServer, type EntenteServer } from "../../server/app.js";
import type { ServerConfig } from "../../server/config.js";

export interface TestServer {
  server: EntenteServer;
  port: number;
  url: string;
  dataDir: string;
  client(): Client;
  /** POST /api/games; returns the response body (code, teacherKey, gameId). */
  createGame(body: Record<string, unknown>): Promise<{ code: string; teacherKey: string; gameId: string }>;
  api(path: string, init?: RequestInit): Promise<{ status: number; body: any }>;
  stop(): Promise<void>;
}

export async function startTestServer(overrides: Partial<ServerConfig> = {}): Promise<TestServer> {
  const dataDir = overrides.dataDir ?? mkdtempSync(join(tmpdir(), "entente-test-"));
  const server = createEntenteServer(
    { port: 0, hostname: "127.0.0.1", dataDir, reconnectSeconds: 5, endLingerMs: 60_000, ...overrides },
    { gracefullyShutdown: false },
  );
  const port = await server.start();
  const url = `http://127.0.0.1:${port}`;
  const api = async (path: string, init?: RequestInit) => {
    const res = await fetch(url + path, init);
    const text = await res.text();
    let body: any = text;
    try {
      body = JSON.parse(text);
    } catch {
      /* not JSON */
    }
    return { status: res.status, body };
  };
  return {
    server,
    port,
    url,
    dataDir,
    client: () => new Client(`ws://127.0.0.1:${port}`),
    api,
    async createGame(body) {
      const r = await api("/api/games", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
      if (r.status !== 201) throw new Error(`create game failed: ${r.status} ${JSON.stringify(r.body)}`);
      return r.body;
    },
    stop: () => server.stop(),
  };
}

/** Collects every message a client room receives, by type, and lets a test wait for one. */
export class Inbox {
  readonly messages: { type: string; payload: any }[] = [];
  private waiters: { type: string; match: (p: any) => boolean; resolve: (p: any) => void }[] = [];

  constructor(room: Room) {
    room.onMessage("*", (type, payload) => {
      const t = String(type);
      this.messages.push({ type: t, payload });
      this.waiters = this.waiters.filter((w) => {
        if (w.type === t && w.match(payload)) {
          w.resolve(payload);
          return false;
        }
        return true;
      });
    });
  }

  of(type: string): any[] {
    return this.messages.filter((m) => m.type === type).map((m) => m.payload);
  }

  /** Resolves with the first message of `type` (already received or to come) that matches. */
  wait(type: string, match: (p: any) => boolean = () => true, timeoutMs = 5000): Promise<any> {
    const seen = this.messages.find((m) => m.type === type && match(m.payload));
    if (seen) return Promise.resolve(seen.payload);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no "${type}" message within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.push({
        type,
        match,
        resolve: (p) => {
          clearTimeout(timer);
          resolve(p);
        },
      });
    });
  }
}

/** Sends a message with a ref and waits for its ack or error. */
export async function request(room: Room, inbox: Inbox, type: string, payload: Record<string, unknown> = {}): Promise<{ ok: boolean; body: any }> {
  const ref = `${type}-${Math.random().toString(36).slice(2)}`;
  const reply = Promise.race([
    inbox.wait("ack", (p) => p.ref === ref).then((body) => ({ ok: true, body })),
    inbox.wait("error", (p) => p.ref === ref).then((body) => ({ ok: false, body })),
  ]);
  room.send(type, { ...payload, ref });
  return reply;
}

/** Waits until `check()` is true, polling (state patches arrive asynchronously). */
export async function until(check: () => boolean, timeoutMs = 5000, what = "condition"): Promise<void> {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
