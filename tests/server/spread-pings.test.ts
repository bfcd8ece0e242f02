// The liveness pings of the WebSocket transport (server/http/spread-pings.ts):
// every connection is pinged once per interval, never all of them in the same
// timer callback, and one that stops answering is cut off after the same
// number of unanswered pings as Colyseus's own rule. Real sockets (ws) on a
// real HTTP server; only the transport's admission into rooms is left out.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { PING_SLICES, SpreadPingsTransport } from "../../server/http/spread-pings.js";
import { until } from "./harness.js";

type Raw = WebSocket & { pingCount: number };

/** When each server-side ping was sent, and to which connection. */
const pings: { at: number; raw: Raw }[] = [];

/** The transport without Colyseus's rooms: answered pongs reset a connection's count (as Colyseus does), and its pings are recorded. */
class PingsOnly extends SpreadPingsTransport {
  // Colyseus calls it as a plain function (`this` is not the transport).
  protected override onConnection(raw: Raw): Promise<void> {
    raw.pingCount = 0;
    raw.on("pong", () => (raw.pingCount = 0));
    const ping = raw.ping.bind(raw);
    raw.ping = (...args: Parameters<WebSocket["ping"]>) => {
      pings.push({ at: performance.now(), raw });
      ping(...args);
    };
    return Promise.resolve();
  }
}

const INTERVAL_MS = 600;
let server: Server | null = null;
const sockets: WebSocket[] = [];

afterEach(async () => {
  for (const s of sockets.splice(0)) s.terminate();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  server = null;
});

async function start(): Promise<{ url: string }> {
  server = createServer();
  new PingsOnly({ server, pingInterval: INTERVAL_MS, pingMaxRetries: 2 });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return { url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

async function connect(url: string, answersPings = true): Promise<WebSocket> {
  const ws = new WebSocket(url, { autoPong: answersPings });
  sockets.push(ws);
  await new Promise<void>((resolve, reject) => {
    ws.once("open", () => resolve());
    ws.once("error", reject);
  });
  return ws;
}

describe("spread liveness pings", () => {
  it("pings each connection once per interval, a slice at a time, and cuts off one that stops answering", async () => {
    const { url } = await start();
    const live = await Promise.all(Array.from({ length: 2 * PING_SLICES }, () => connect(url)));
    const silent = await connect(url, false);
    let silentClosedAt: number | null = null;
    silent.once("close", () => (silentClosedAt = performance.now()));
    const since = performance.now();
    await until(() => silentClosedAt !== null, 10 * INTERVAL_MS, "the silent connection cut off");

    // Never more than one slice (2 or 3 connections here) pinged in the same timer callback.
    const byTick = new Map<number, number>();
    for (const p of pings) byTick.set(Math.round(p.at), (byTick.get(Math.round(p.at)) ?? 0) + 1);
    expect(Math.max(...byTick.values())).toBeLessThanOrEqual(3);
    // Every live connection pinged, each about once per interval (the whole run lasted several intervals).
    const intervals = (performance.now() - since) / INTERVAL_MS;
    const perConnection = new Map<Raw, number>();
    for (const p of pings) perConnection.set(p.raw, (perConnection.get(p.raw) ?? 0) + 1);
    expect(perConnection.size).toBe(live.length + 1);
    for (const n of perConnection.values()) {
      expect(n).toBeGreaterThanOrEqual(Math.floor(intervals) - 1);
      expect(n).toBeLessThanOrEqual(Math.ceil(intervals) + 1);
    }
    // The silent one went after its third unanswered turn (2 pings unanswered, as Colyseus's rule); the live ones stay.
    expect(silentClosedAt! - since).toBeGreaterThan(2 * INTERVAL_MS - INTERVAL_MS / PING_SLICES);
    for (const ws of live) expect(ws.readyState).toBe(WebSocket.OPEN);
  });
});
