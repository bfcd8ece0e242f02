// The benchmarks' clients: a colyseus.js Client per simulated device, each
// with its own address on a pretend school LAN, and a Participant wrapper that
// sends messages with a numeric ref and matches the server's replies to them.
import { performance } from "node:perf_hooks";
import { Client, type Room } from "colyseus.js";
import type { ServerMessage, ServerMessages } from "../../shared/protocol/server-messages.js";
import { withTimeout } from "./bench-kit.js";

/** The server env for clients standing for their own devices: it trusts the bench's X-Forwarded-For (it comes from 127.0.0.1). */
export const LAN_ENV = { TRUST_PROXY: "loopback" } as const;

/** Device number `device` (0, 1, 2...) as an address 10.x.y.z, never 10.0.0.0. */
export function lanAddress(device: number): string {
  const n = device + 1;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

/**
 * A client for one device of the school LAN: its matchmaking requests and its WebSocket carry the device's
 * address in X-Forwarded-For, which a server started with LAN_ENV takes as the client's own, so the limits
 * per address count each device apart, as they would count students' phones.
 */
export function deviceClient(wsUrl: string, device: number): Client {
  const client = new Client(wsUrl);
  client.http.headers = { "x-forwarded-for": lanAddress(device) };
  return client;
}

/** A message from the server: its type and that type's payload. */
export type Envelope = { [K in ServerMessage]: { type: K; payload: ServerMessages[K] } }[ServerMessage];

/** The server's reply to a request: `ack`, or `error` with its code and message. */
export interface Reply {
  ok: boolean;
  code?: string;
  message?: string;
}

/** Colyseus's protocol code of a state patch frame (colyseus.js Protocol.ROOM_STATE_PATCH). */
const ROOM_STATE_PATCH = 15;

/** One connected client: collects its replies by ref, its welcome and the events it has seen. */
export class Participant {
  welcome: { studentId: string | null; state: string | null } | null = null;
  private readonly pending = new Map<number, (reply: Reply) => void>();
  private eventWaiters: { type: string; resolve: () => void }[] = [];
  readonly seenEvents = new Set<string>();
  /** Bytes of state patches received since this was last set to 0 (whole WebSocket frames, as sent). */
  patchBytes = 0;
  private nextRef = 1;

  /** `timeoutMs`: how long a request waits for its reply before it rejects. */
  constructor(
    readonly room: Room,
    private readonly timeoutMs = 30_000,
  ) {
    // The server sends the payloads of shared/protocol/server-messages.ts, each under its type.
    room.onMessage<unknown>("*", (type, payload) => this.received({ type: String(type), payload } as Envelope));
    // State patches counted off the socket (colyseus.js's node transport is a `ws` WebSocket): the first byte says
    // what a frame is; 15 is Colyseus's ROOM_STATE_PATCH.
    const ws = (room.connection.transport as unknown as { ws?: { on?: (event: "message", listener: (data: ArrayBuffer | Buffer) => void) => void } }).ws;
    ws?.on?.("message", (data) => {
      const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : data;
      if (bytes[0] === ROOM_STATE_PATCH) this.patchBytes += bytes.byteLength;
    });
  }

  private received(m: Envelope): void {
    if (m.type === "welcome") this.welcome = m.payload;
    else if (m.type === "ack" || m.type === "error") {
      const ref = m.payload.ref;
      const done = typeof ref === "number" ? this.pending.get(ref) : undefined;
      if (typeof ref === "number" && done) {
        this.pending.delete(ref);
        done(m.type === "ack" ? { ok: true } : { ok: false, code: m.payload.code, message: m.payload.message });
      }
    } else if (m.type === "event") {
      const t = m.payload.event.type;
      this.seenEvents.add(t);
      const due = this.eventWaiters.filter((x) => x.type === t);
      this.eventWaiters = this.eventWaiters.filter((x) => x.type !== t);
      for (const w of due) w.resolve();
    }
  }

  /** Sends a message with a numeric ref; resolves with the reply and the time it took (ms). */
  async request(type: string, payload: Record<string, unknown> = {}): Promise<Reply & { latencyMs: number }> {
    const ref = this.nextRef++;
    const reply = new Promise<Reply>((resolve) => this.pending.set(ref, resolve));
    const sent = performance.now();
    this.room.send(type, { ...payload, ref });
    try {
      const r = await withTimeout(reply, this.timeoutMs, `reply to "${type}"`);
      return { ...r, latencyMs: performance.now() - sent };
    } finally {
      this.pending.delete(ref);
    }
  }

  /** Resolves when an event of this type has arrived (or already had). */
  event(type: string): Promise<void> {
    if (this.seenEvents.has(type)) return Promise.resolve();
    return new Promise((resolve) => this.eventWaiters.push({ type, resolve }));
  }
}

/** A random budget that adds up to 100, as a student's slider might leave it. */
export function randomBudget(): { economy: number; defense: number; offense: number } {
  const economy = 20 + Math.floor(Math.random() * 60);
  const defense = Math.floor(Math.random() * (100 - economy));
  return { economy, defense, offense: 100 - economy - defense };
}
