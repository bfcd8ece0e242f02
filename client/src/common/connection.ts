// The connection to a classroom room, kept alive: it stores the reconnection
// token after every join, reconnects by itself after a drop or a reload (first
// with the token, then by joining again with the rejoin key, the nickname or the
// teacher key), shows its status, and matches replies to requests. Its messages
// are typed by the shared catalogue both ways.
import { Client, type Room } from "colyseus.js";
import type { ClassroomSchema } from "../../../server/rooms/schema.js";
import { CLOSE } from "../../../shared/protocol/close-codes.js";
import type { ClientMessage, JoinOptions, Payload } from "../../../shared/protocol/messages.js";
import type { ErrorCode, ServerMessage, ServerMessages } from "../../../shared/protocol/server-messages.js";
import { hasArrived } from "./synced.js";

export type Status = "connecting" | "connected" | "reconnecting" | "offline" | "removed" | "ended";

/** The answer to a request: accepted (stored as entry `seq`), or refused with the server's code and reason. */
export type Reply = { ok: true; seq: number } | { ok: false; code: ErrorCode | "offline" | "timeout"; message: string };

/** A message from the server, with its type and typed payload. */
export type ServerEnvelope = { [K in ServerMessage]: { type: K; payload: ServerMessages[K] } }[ServerMessage];

/** A payload as the pages write it: the request id is the connection's business. */
export type Request<K extends ClientMessage> = Omit<Payload<K>, "ref">;

/** A join refused by the server: Colyseus gives the close code and the server's sentence. */
export type JoinError = Error & { code?: number };

/** A rejection of connect() as the pages read it: a JoinError, though anything thrown can arrive here, so each field may be missing. */
export function asJoinError(err: unknown): Partial<JoinError> {
  return typeof err === "object" && err !== null ? err : {};
}

const TOKEN_KEY = (code: string, role: string) => `entente:token:${role}:${code}`;

export class GameConnection {
  room: Room<ClassroomSchema> | null = null;
  status: Status = "connecting";
  /** Milliseconds to add to Date.now() to get the server's clock. */
  clockOffset = 0;
  private readonly client = new Client(`${location.protocol === "https:" ? "wss" : "ws"}://${location.host}`);
  private readonly messageHandlers: ((m: ServerEnvelope) => void)[] = [];
  private readonly stateHandlers: ((state: ClassroomSchema) => void)[] = [];
  private readonly statusHandlers: ((status: Status, detail?: string) => void)[] = [];
  private readonly pending = new Map<string, (r: Reply) => void>();
  private nextRef = 1;
  private retrying = false;
  private closedByUs = false;

  constructor(
    readonly code: string,
    private options: JoinOptions,
  ) {}

  onMessage(handler: (m: ServerEnvelope) => void): void {
    this.messageHandlers.push(handler);
  }

  /** Called with the schema state on every patch (pages decode it once per frame: see live.ts). */
  onState(handler: (state: ClassroomSchema) => void): void {
    this.stateHandlers.push(handler);
    if (this.room && hasArrived(this.room.state)) handler(this.room.state);
  }

  onStatus(handler: (status: Status, detail?: string) => void): void {
    this.statusHandlers.push(handler);
    handler(this.status);
  }

  /** After the first join: what to join with next time (e.g. the student's rejoin key). */
  setJoinOptions(options: JoinOptions): void {
    this.options = options;
  }

  /** Joins (or reconnects with a stored token). Throws a JoinError with the server's code and message when the join is refused. */
  async connect(): Promise<void> {
    this.setStatus("connecting");
    const token = sessionStorage.getItem(TOKEN_KEY(this.code, this.options.role));
    if (token) {
      try {
        this.attach(await this.client.reconnect<ClassroomSchema>(token));
        return;
      } catch {
        sessionStorage.removeItem(TOKEN_KEY(this.code, this.options.role));
      }
    }
    this.attach(await this.client.joinById<ClassroomSchema>(this.code, this.options));
  }

  /** Sends a message; resolves with the server's ack or error. */
  send<K extends ClientMessage>(type: K, payload: Request<K>): Promise<Reply> {
    const room = this.room;
    if (!room || this.status !== "connected") {
      return Promise.resolve({ ok: false, code: "offline", message: "Not connected: wait for the connection to come back." });
    }
    const ref = `r${this.nextRef++}`;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(ref);
        resolve({ ok: false, code: "timeout", message: "No answer from the server: try again." });
      }, 10_000);
      this.pending.set(ref, (r) => {
        clearTimeout(timer);
        resolve(r);
      });
      room.send(type, { ...payload, ref });
    });
  }

  serverNow(): number {
    return Date.now() + this.clockOffset;
  }

  leave(): void {
    this.closedByUs = true;
    void this.room?.leave(true);
  }

  private attach(room: Room<ClassroomSchema>): void {
    this.room = room;
    sessionStorage.setItem(TOKEN_KEY(this.code, this.options.role), room.reconnectionToken);
    // The server sends the payloads of shared/protocol/server-messages.ts, each under its type.
    room.onMessage<unknown>("*", (type, payload) => this.received({ type: String(type), payload } as ServerEnvelope));
    room.onStateChange((state) => {
      if (!hasArrived(state)) return;
      for (const h of this.stateHandlers) h(state);
    });
    room.onLeave((code) => this.dropped(code));
    this.setStatus("connected");
    if (hasArrived(room.state)) for (const h of this.stateHandlers) h(room.state);
  }

  private received(m: ServerEnvelope): void {
    if (m.type === "welcome") this.clockOffset = m.payload.serverTime - Date.now();
    if (m.type === "ack" || m.type === "error") {
      const ref = m.payload.ref === null ? null : String(m.payload.ref);
      const done = ref === null ? undefined : this.pending.get(ref);
      if (ref !== null && done) {
        this.pending.delete(ref);
        done(m.type === "ack" ? { ok: true, seq: m.payload.seq } : { ok: false, code: m.payload.code, message: m.payload.message });
      }
    }
    for (const h of this.messageHandlers) h(m);
  }

  private dropped(code: number): void {
    this.room = null;
    for (const [, done] of this.pending) done({ ok: false, code: "offline", message: "The connection dropped." });
    this.pending.clear();
    if (this.closedByUs) return;
    if (code === CLOSE.FORBIDDEN) {
      this.setStatus("removed", "The teacher removed you from this game.");
      return;
    }
    void this.retry();
  }

  /** Tries again and again (token first, then a fresh join) until it works or the game is gone. */
  private async retry(): Promise<void> {
    if (this.retrying) return;
    this.retrying = true;
    this.setStatus("reconnecting");
    for (let attempt = 0; ; attempt++) {
      await new Promise((r) => setTimeout(r, Math.min(10_000, 500 * 2 ** Math.min(attempt, 5))));
      try {
        await this.connect();
        this.retrying = false;
        return;
      } catch (err) {
        const code = (err as JoinError).code;
        if (code === CLOSE.FORBIDDEN) {
          this.retrying = false;
          this.setStatus("removed", (err as Error).message);
          return;
        }
        if (code === CLOSE.GAME_OVER) {
          this.retrying = false;
          this.setStatus("ended", "The game is over.");
          return;
        }
        this.setStatus(navigator.onLine ? "reconnecting" : "offline");
      }
    }
  }

  private setStatus(status: Status, detail?: string): void {
    this.status = status;
    for (const h of this.statusHandlers) h(status, detail);
  }
}

export const STATUS_TEXT: Record<Status, string> = {
  connecting: "Connecting…",
  connected: "Connected",
  reconnecting: "Connection lost: reconnecting…",
  offline: "Offline: waiting for the network…",
  removed: "Removed from the game",
  ended: "The game is over",
};
