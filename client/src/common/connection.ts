// The connection to a classroom room, kept alive: it stores the reconnection
// token after every join, checks by a heartbeat that the connection still
// works (heartbeat.ts), reconnects by itself after a drop, a dead connection or
// a reload (first with the token, then by joining again with the rejoin key,
// the nickname or the teacher key), keeps trying while the server cannot be
// reached, stops when the game is over (join-failure.ts decides), shows its
// status, and matches replies to requests. Its messages are typed by the
// shared catalogue both ways.
import { Client, type Room } from "colyseus.js";
import type { ClassroomSchema } from "../../../server/rooms/schema.js";
import { CLOSE } from "../../../shared/protocol/close-codes.js";
import type { ClientMessage, HeartbeatMessage, JoinOptions, Payload, PingPayload } from "../../../shared/protocol/messages.js";
import type { ErrorCode, ServerMessage, ServerMessages } from "../../../shared/protocol/server-messages.js";
import { Heartbeat } from "./heartbeat.js";
import { codeAndMessage, isUnreachable, nextStepAfter, retryingText, type NextStep } from "./join-failure.js";
import { ServerClock } from "./server-clock.js";
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

/** How long one join or reconnection may take before it counts as failed: on a dead path it would never answer. */
const ATTEMPT_MS = 10_000;

/** The wait before the next try after `failures` failed ones: 0.5 s, 1 s, 2 s… up to 10 s, each up to a quarter longer (pages do not all come back at once). */
function backoffMs(failures: number): number {
  return Math.min(10_000, 500 * 2 ** Math.min(failures, 5)) * (1 + Math.random() / 4);
}

/** A join with no answer in time fails without a code (the server counts as unreachable); if it succeeds later, that room is left at once. */
function bounded(join: Promise<Room<ClassroomSchema>>): Promise<Room<ClassroomSchema>> {
  return new Promise((resolve, reject) => {
    let late = false;
    const timer = setTimeout(() => {
      late = true;
      reject(new Error("No answer from the server in time."));
    }, ATTEMPT_MS);
    join.then(
      (room) => {
        clearTimeout(timer);
        if (late) void room.leave(true);
        else resolve(room);
      },
      (err: unknown) => {
        clearTimeout(timer);
        if (late) return;
        // colyseus.js rejects with its errors, or with the browser's ProgressEvent when a request fails.
        const { code, message } = codeAndMessage(err);
        reject(err instanceof Error ? err : Object.assign(new Error(message), { code }));
      },
    );
  });
}

export class GameConnection {
  room: Room<ClassroomSchema> | null = null;
  status: Status = "connecting";
  /** The server's clock, from its last sample (welcome, pong) and the monotonic time since (server-clock.ts). */
  readonly clock = new ServerClock();
  private readonly client = new Client(`${location.protocol === "https:" ? "wss" : "ws"}://${location.host}`);
  private readonly messageHandlers: ((m: ServerEnvelope) => void)[] = [];
  private readonly stateHandlers: ((state: ClassroomSchema) => void)[] = [];
  private readonly statusHandlers: ((status: Status, detail?: string) => void)[] = [];
  private readonly pending = new Map<string, (r: Reply) => void>();
  private readonly heartbeat = new Heartbeat({
    // Not on a socket that is already closing (its close comes next, and stops the heartbeat).
    send: (ref) => {
      if (this.room?.connection.isOpen) this.room.send("ping" satisfies HeartbeatMessage, { ref } satisfies PingPayload);
    },
    answered: (serverTime, roundTripMs) => this.clock.heard(serverTime, roundTripMs),
    dead: () => this.lost(),
  });
  private nextRef = 1;
  private rejoining = false;
  /** The close code the connection last ended with while in the game (dropped), or null when it was found dead. */
  private droppedWith: number | null = null;
  private closedByUs = false;
  /** Ends the wait before the next try early (the network is back, the page is visible again). */
  private wake: (() => void) | null = null;

  constructor(
    readonly code: string,
    private options: JoinOptions,
  ) {
    window.addEventListener("online", () => this.wake?.());
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "visible") this.wake?.();
    });
  }

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

  /**
   * Joins (or reconnects with a stored token), trying again with backoff while the server cannot be reached or the
   * game's room is not open yet. Throws a JoinError with the server's code and message when the join is refused; when
   * the game is over (its room is gone and the server says it finished), sets the status "ended" and throws a
   * JoinError with code CLOSE.GAME_OVER.
   */
  async connect(): Promise<void> {
    this.setStatus("connecting");
    await this.keepJoining(false);
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

  /** The server's time now (ms since the epoch), whatever the device's own clock says. */
  serverNow(): number {
    return this.clock.now();
  }

  leave(): void {
    this.closedByUs = true;
    this.heartbeat.stop();
    this.wake?.();
    void this.room?.leave(true);
  }

  /**
   * Tries to join until it is in, waiting longer after each failure that may pass (see join-failure.ts). `afterDrop`:
   * the page was in and lost its connection; it then stops only when the game is over or the student was removed.
   * A first join throws on a refusal, and on a game that is over (code CLOSE.GAME_OVER).
   */
  private async keepJoining(afterDrop: boolean): Promise<void> {
    for (let failures = 0; ; failures++) {
      if (failures > 0 || afterDrop) await this.pause(backoffMs(failures));
      if (this.left()) return;
      let next: NextStep;
      try {
        const room = await this.attempt();
        if (this.left()) void room.leave(true);
        else this.attach(room);
        return;
      } catch (err) {
        if (this.left()) return;
        next = await nextStepAfter(this.code, err, afterDrop);
        if (next.kind === "refused" && !afterDrop) throw err;
      }
      if (next.kind === "ended") {
        this.setStatus("ended", next.message);
        if (afterDrop) return;
        throw Object.assign(new Error(next.message ?? STATUS_TEXT.ended), { code: CLOSE.GAME_OVER });
      }
      if (next.kind === "removed") {
        this.setStatus("removed", next.message);
        return;
      }
      this.showRetrying(next.kind === "retry" ? next : { kind: "retry", why: "busy" }, afterDrop);
    }
  }

  /** The status while a join is tried again: offline (the browser's network, or a first join that cannot reach the server), reconnecting after a drop. */
  private showRetrying(next: Extract<NextStep, { kind: "retry" }>, afterDrop: boolean): void {
    const notOpen = retryingText(next, afterDrop ? this.droppedWith : null);
    if (!navigator.onLine) this.setStatus("offline");
    else if (notOpen !== null) this.setStatus(afterDrop ? "reconnecting" : "connecting", notOpen);
    else if (afterDrop) this.setStatus("reconnecting");
    else this.setStatus("offline", "The server cannot be reached: trying again…");
  }

  /** One try: the stored reconnection token first (the seat the server keeps after a drop), then a fresh join with the options. */
  private async attempt(): Promise<Room<ClassroomSchema>> {
    const key = TOKEN_KEY(this.code, this.options.role);
    const token = sessionStorage.getItem(key);
    if (token) {
      try {
        return await bounded(this.client.reconnect<ClassroomSchema>(token));
      } catch (err) {
        // The server could not be asked: keep the token (the seat may still be kept) for the next try.
        if (isUnreachable(err)) throw err;
        sessionStorage.removeItem(key);
      }
    }
    return bounded(this.client.joinById<ClassroomSchema>(this.code, this.options));
  }

  /** The page left the game (read after each wait: leave() may have come meanwhile). */
  private left(): boolean {
    return this.closedByUs;
  }

  /** Waits `ms`, or less if the network comes back or the page becomes visible (then trying at once is worth it). */
  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }

  private attach(room: Room<ClassroomSchema>): void {
    this.room = room;
    sessionStorage.setItem(TOKEN_KEY(this.code, this.options.role), room.reconnectionToken);
    // Events of a room given up (a dead connection whose close comes late) are ignored.
    // The server sends the payloads of shared/protocol/server-messages.ts, each under its type.
    room.onMessage<unknown>("*", (type, payload) => {
      if (this.room !== room) return;
      this.heartbeat.heard();
      this.received({ type: String(type), payload } as ServerEnvelope);
    });
    room.onStateChange((state) => {
      if (this.room !== room) return;
      this.heartbeat.heard();
      if (!hasArrived(state)) return;
      for (const h of this.stateHandlers) h(state);
    });
    room.onLeave((code) => {
      if (this.room === room) this.dropped(code);
    });
    this.setStatus("connected");
    this.heartbeat.start();
    if (hasArrived(room.state)) for (const h of this.stateHandlers) h(room.state);
  }

  private received(m: ServerEnvelope): void {
    if (m.type === "pong") {
      this.heartbeat.pong(m.payload.ref, m.payload.serverTime);
      return;
    }
    if (m.type === "welcome") this.clock.heard(m.payload.serverTime);
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

  /** The server closed the connection, or it dropped. */
  private dropped(code: number): void {
    this.room = null;
    this.droppedWith = code;
    if (this.closedByUs) {
      this.failPending();
      return;
    }
    if (code === CLOSE.FORBIDDEN) {
      this.heartbeat.stop();
      this.failPending();
      this.setStatus("removed", "The teacher removed you from this game.");
      return;
    }
    this.rejoin();
  }

  /** The heartbeat found the connection dead: give the socket up without waiting for its close (which may take minutes) and join again. */
  private lost(): void {
    const room = this.room;
    if (!room) return;
    this.room = null;
    this.droppedWith = null;
    room.removeAllListeners();
    void room.leave(false);
    this.rejoin();
  }

  /** Reconnects in the background (token first, then a fresh join), showing "reconnecting" meanwhile. */
  private rejoin(): void {
    this.heartbeat.stop();
    this.failPending();
    this.setStatus(navigator.onLine ? "reconnecting" : "offline");
    if (this.rejoining) return;
    this.rejoining = true;
    void this.keepJoining(true).finally(() => (this.rejoining = false));
  }

  private failPending(): void {
    for (const [, done] of this.pending) done({ ok: false, code: "offline", message: "The connection dropped." });
    this.pending.clear();
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
