// The connection to a classroom room, kept alive: it stores the reconnection
// token after every join, reconnects by itself after a drop or a reload (first
// with the token, then by joining again with the rejoin key, the nickname or the
// teacher key), shows its status, and matches replies to requests.
import { Client, type Room } from "colyseus.js";

export type Status = "connecting" | "connected" | "reconnecting" | "offline" | "removed" | "ended";

export type JoinOptions =
  | { role: "student"; nickname?: string; rejoinKey?: string }
  | { role: "teacher"; teacherKey: string }
  | { role: "projector" };

export interface Reply {
  ok: boolean;
  code?: string;
  message?: string;
}

type MessageHandler = (type: string, payload: any) => void;

const TOKEN_KEY = (code: string, role: string) => `entente:token:${role}:${code}`;

export class GameConnection {
  room: Room<any> | null = null;
  status: Status = "connecting";
  /** Milliseconds to add to Date.now() to get the server's clock. */
  clockOffset = 0;
  private readonly client = new Client(`${location.protocol === "https:" ? "wss" : "ws"}://${location.host}`);
  private readonly messageHandlers: MessageHandler[] = [];
  private readonly stateHandlers: ((state: any) => void)[] = [];
  private readonly statusHandlers: ((status: Status, detail?: string) => void)[] = [];
  private readonly pending = new Map<string, (r: Reply) => void>();
  private nextRef = 1;
  private retrying = false;
  private closedByUs = false;

  constructor(
    readonly code: string,
    private options: JoinOptions,
  ) {}

  onMessage(handler: MessageHandler): void {
    this.messageHandlers.push(handler);
  }

  onState(handler: (state: any) => void): void {
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

  /** Joins (or reconnects with a stored token). Throws with the server's message when the join is refused. */
  async connect(): Promise<void> {
    this.setStatus("connecting");
    const token = sessionStorage.getItem(TOKEN_KEY(this.code, this.options.role));
    if (token) {
      try {
        this.attach(await this.client.reconnect(token));
        return;
      } catch {
        sessionStorage.removeItem(TOKEN_KEY(this.code, this.options.role));
      }
    }
    this.attach(await this.client.joinById(this.code, this.options));
  }

  /** Sends a message; resolves with the server's ack or error. */
  send(type: string, payload: Record<string, unknown> = {}): Promise<Reply> {
    if (!this.room || this.status !== "connected") {
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
      this.room!.send(type, { ...payload, ref });
    });
  }

  serverNow(): number {
    return Date.now() + this.clockOffset;
  }

  leave(): void {
    this.closedByUs = true;
    void this.room?.leave(true);
  }

  private attach(room: Room<any>): void {
    this.room = room;
    sessionStorage.setItem(TOKEN_KEY(this.code, this.options.role), room.reconnectionToken);
    room.onMessage("*", (type, payload) => {
      const t = String(type);
      if (t === "welcome" && typeof payload?.serverTime === "number") this.clockOffset = payload.serverTime - Date.now();
      if ((t === "ack" || t === "error") && payload?.ref && this.pending.has(payload.ref)) {
        const done = this.pending.get(payload.ref)!;
        this.pending.delete(payload.ref);
        done(t === "ack" ? { ok: true } : { ok: false, code: payload.code, message: payload.message });
      }
      for (const h of this.messageHandlers) h(t, payload);
    });
    room.onStateChange((state) => {
      if (!hasArrived(state)) return;
      for (const h of this.stateHandlers) h(state);
    });
    room.onLeave((code) => this.dropped(code));
    this.setStatus("connected");
    if (hasArrived(room.state)) for (const h of this.stateHandlers) h(room.state);
  }

  private dropped(code: number): void {
    this.room = null;
    for (const [, done] of this.pending) done({ ok: false, code: "offline", message: "The connection dropped." });
    this.pending.clear();
    if (this.closedByUs) return;
    if (code === 4403) {
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
        const code = (err as { code?: number }).code;
        if (code === 4403) {
          this.retrying = false;
          this.setStatus("removed", (err as Error).message);
          return;
        }
        if (code === 4410) {
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

/** The first full state has arrived (right after a join, `room.state` is still empty). */
function hasArrived(state: any): boolean {
  return typeof state?.code === "string" && state.code.length > 0;
}

export const STATUS_TEXT: Record<Status, string> = {
  connecting: "Connecting…",
  connected: "Connected",
  reconnecting: "Connection lost: reconnecting…",
  offline: "Offline: waiting for the network…",
  removed: "Removed from the game",
  ended: "The game is over",
};
