// Colyseus's WebSocket transport pings every connection to find the dead ones
// (a phone that lost its network: no close ever arrives). It pings them all in
// one timer callback every 3 s: with 10,000 students connected that callback
// took 0.4-0.7 s, during which no decision was answered (issue 15's paced
// step: the pings were its longest stalls). Here each connection is pinged
// just as often, with the same rule for giving up on it, but the connections
// are split into slices pinged in turn across the interval.
import type { IncomingMessage } from "node:http";
import { WebSocketTransport } from "@colyseus/ws-transport";
import type WebSocket from "ws";

/** Into how many slices the connections are split: one slice is pinged every interval / PING_SLICES (100 ms at 3 s). */
export const PING_SLICES = 30;

/** A raw connection as Colyseus's transport keeps it: `pingCount` is reset by each pong (its own handler). */
type Pinged = WebSocket & { pingCount: number };

function noop(): void {}

/** Colyseus's WebSocket transport, with its liveness pings spread over the ping interval. */
export class SpreadPingsTransport extends WebSocketTransport {
  private readonly slices: Set<Pinged>[] = Array.from({ length: PING_SLICES }, () => new Set());
  private nextSlice = 0;

  constructor(options: ConstructorParameters<typeof WebSocketTransport>[0]) {
    super(options);
    this.wss.on("connection", (raw: Pinged, _req: IncomingMessage) => {
      const slice = this.slices[this.nextSlice]!;
      this.nextSlice = (this.nextSlice + 1) % PING_SLICES;
      slice.add(raw);
      raw.once("close", () => slice.delete(raw));
    });
  }

  /**
   * Replaces Colyseus's version (called once the server listens, with its `pingInterval` in ms and `pingMaxRetries`):
   * every `pingInterval / PING_SLICES` ms, the next slice's connections are pinged; one that has not answered
   * `pingMaxRetries` pings in a row is terminated, as Colyseus does (so a dead one goes after 6-9 s by default).
   */
  protected override autoTerminateUnresponsiveClients(pingInterval: number, pingMaxRetries: number): void {
    let turn = 0;
    this.pingInterval = setInterval(() => {
      for (const raw of this.slices[turn]!) {
        if (raw.pingCount >= pingMaxRetries) {
          raw.terminate();
          continue;
        }
        raw.pingCount++;
        raw.ping(noop);
      }
      turn = (turn + 1) % PING_SLICES;
    }, pingInterval / PING_SLICES);
  }
}
