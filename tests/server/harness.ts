// A real Entente server for tests: its own port, its own SQLite file in a
// temporary folder, the real colyseus.js client. One server per test file
// (Colyseus' matchMaker is one per process; Vitest runs each file apart).
import { Client, type Room } from "colyseus.js";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createEntenteServer, type EntenteServer, type ServerOptions } from "../../server/app.js";
import type { Db } from "../../server/storage/database.js";
import { SqliteStore } from "../../server/storage/sqlite-store.js";
import type { ServerConfig } from "../../server/config.js";

/** A clock the rooms read instead of Date.now(): tests move it forward instead of sleeping. */
export class TestClock {
  private offset = 0;
  now = (): number => Date.now() + this.offset;
  /** Moves time forward by `ms`; the rooms' 250 ms tick notices a passed deadline. */
  advance(ms: number): void {
    this.offset += ms;
  }
}

export interface TestServer {
  server: EntenteServer;
  /** The rooms' clock. */
  clock: TestClock;
  port: number;
  url: string;
  dataDir: string;
  client(): Client;
  /** POST /api/games; returns the response body (code, teacherKey, gameId). */
  createGame(body: Record<string, unknown>): Promise<{ code: string; teacherKey: string; gameId: string }>;
  api(path: string, init?: RequestInit): Promise<{ status: number; body: any }>;
  stop(): Promise<void>;
}

/** The clock of the test server this file started (one server per test file). */
let activeClock: TestClock | null = null;

/** Starts a server on a free port; `options.clientDir` serves pages built elsewhere than client/dist. */
export async function startTestServer(overrides: Partial<ServerConfig> = {}, options: Pick<ServerOptions, "clientDir"> = {}): Promise<TestServer> {
  const dataDir = overrides.dataDir ?? mkdtempSync(join(tmpdir(), "entente-test-"));
  const clock = new TestClock();
  activeClock = clock;
  const server = await createEntenteServer(
    { port: 0, hostname: "127.0.0.1", dataDir, reconnectSeconds: 5, endLingerMs: 60_000, ...overrides },
    { gracefullyShutdown: false, now: clock.now, ...options },
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
    clock,
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

// --- helpers for the room-* and http-* tests (appended) ----------------------

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Waits until every change the server has made so far has reached these clients: the room sends
 * its pending patch now, then each client makes a round trip (an unknown message whose error reply
 * comes after everything sent before it on the same connection). No sleeping.
 */
export async function settled(code: string, ...clients: Joined[]): Promise<void> {
  (await serverRoom(code)).broadcastPatch();
  await Promise.all(
    clients.map(async (c) => {
      const ref = `settle-${Math.random().toString(36).slice(2)}`;
      const reply = c.inbox.wait("error", (p) => p.ref === ref);
      c.room.send("settle", { ref });
      const got = await reply;
      // The round trip is the harness's, not the test's: its reply leaves the inbox.
      c.inbox.messages.splice(c.inbox.messages.findIndex((m) => m.payload === got), 1);
    }),
  );
  // Give back the rate-limit token the round trip used (10 a second).
  activeClock?.advance(150);
}

/** A joined client room with its inbox and its welcome message. */
export interface Joined {
  room: Room;
  inbox: Inbox;
  welcome: any;
  /** The decoded synchronized state (loosely typed for assertions). */
  state: any;
}

/** Joins a game by code with the given options, waits for the welcome and the first full state. */
export async function joinGame(client: Client, code: string, options: Record<string, unknown>): Promise<Joined> {
  const room = await client.joinById(code, options);
  const inbox = new Inbox(room);
  const welcome = await inbox.wait("welcome");
  const state = room.state;
  await until(() => state.code === code, 5000, "first state");
  return { room, inbox, welcome, state };
}

export const joinStudent = (client: Client, code: string, nickname: string) => joinGame(client, code, { role: "student", nickname });
export const joinTeacher = (client: Client, code: string, teacherKey: string) => joinGame(client, code, { role: "teacher", teacherKey });
export const joinProjector = (client: Client, code: string) => joinGame(client, code, { role: "projector" });

/** Cuts a client's connection without a goodbye (like a lost network): the server sees a non-consented leave. */
export function dropConnection(room: Room): void {
  const ws = (room.connection.transport as unknown as { ws: { terminate?: () => void; close: (code?: number) => void } }).ws;
  if (typeof ws.terminate === "function") ws.terminate();
  else ws.close(4001);
}

/** The keys of a (possibly absent) decoded MapSchema. */
export function mapKeys(map: any): string[] {
  if (!map || typeof map.keys !== "function") return [];
  return [...map.keys()] as string[];
}

/** Rejects with the join error, or fails if the join succeeded. */
export async function joinError(promise: Promise<Room>): Promise<{ code: number; message: string }> {
  try {
    const room = await promise;
    await room.leave();
  } catch (err) {
    const e = err as { code?: number; message?: string };
    return { code: e.code ?? -1, message: e.message ?? "" };
  }
  throw new Error("the join was expected to fail but succeeded");
}

/** The server-side room of a game (same process), for assertions on the model and the stored log. */
export async function serverRoom(code: string): Promise<import("../../server/rooms/classroom-room.js").ClassroomRoom> {
  const { matchMaker } = await import("@colyseus/core");
  const { ClassroomRoom } = await import("../../server/rooms/classroom-room.js");
  const room = matchMaker.getLocalRoomById(code) as unknown;
  if (!(room instanceof ClassroomRoom)) throw new Error(`no room ${code} on this process`);
  return room;
}

/** Waits until the server-side room satisfies `check` (e.g. has noticed a dropped connection). */
export async function untilServer(code: string, check: (room: import("../../server/rooms/classroom-room.js").ClassroomRoom) => boolean, what = "the server"): Promise<void> {
  const room = await serverRoom(code);
  await until(() => check(room), 5000, what);
}

/**
 * Keeps a client under the server's message limit (server/guard/limits.ts: 10 in any second, and 10 more
 * in any 5 seconds) when a test must send many messages: call `await pacer.next()` before each one.
 * A bucket of 9 refilled at 9 a second never sends more than 18 in a second, nor 54 in 5 seconds. It starts
 * empty, leaving room for what the client sent just before (joins, a start, round trips).
 */
export class Pacer {
  private tokens: number;
  private last = Date.now();
  constructor(
    private readonly capacity = 9,
    private readonly perSecond = 9,
  ) {
    this.tokens = 0;
  }
  async next(): Promise<void> {
    for (;;) {
      const now = Date.now();
      this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.perSecond);
      this.last = now;
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      await sleep(Math.ceil(((1 - this.tokens) / this.perSecond) * 1000));
    }
  }
}

/** The SQLite database behind a test server (its store must be the embedded one), for tests that count rows. */
export function sqliteOf(server: EntenteServer): Db {
  if (!(server.store instanceof SqliteStore)) throw new Error(`this test reads the SQLite file, but the server's store is ${server.store.kind}`);
  return server.store.db;
}
