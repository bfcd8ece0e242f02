// The connection's heartbeat: a browser's WebSocket can stay "open" for minutes
// on a path that died without a word (a laptop lid closed and opened, a phone
// out of range), so the page asks the server itself. While the page is
// visible it sends a "ping" every few seconds, and one at once when the page
// becomes visible again or the browser comes back online; when neither the
// pong nor anything else from the server arrives in time, the connection is
// dead. Pings count against the server's message limits like any message:
// never more than one every MIN_GAP_MS. Times are read on the monotonic clock
// (performance.now()): a device whose date is corrected neither skips nor
// floods pings, and the round trip that sets the page's server clock is right.

/** How often a visible page checks its connection (ms). */
export const PING_EVERY_MS = 5000;
/** How long the server may take to answer before the connection counts as dead (ms). */
export const PONG_WITHIN_MS = 4000;
/** The least time between two pings, whatever asks for them (ms). */
export const MIN_GAP_MS = 3000;

export interface HeartbeatHooks {
  /** Sends a ping with this request id. */
  send(ref: number): void;
  /** The pong came: the server's clock then, and the round trip (ms). */
  answered(serverTime: number, roundTripMs: number): void;
  /** Nothing came back in time: the connection is dead. */
  dead(): void;
}

export class Heartbeat {
  private running = false;
  private every: ReturnType<typeof setInterval> | null = null;
  private soon: ReturnType<typeof setTimeout> | null = null;
  /** The last ping, until its pong (for the clock). */
  private lastPing: { ref: number; sentAt: number } | null = null;
  /** Set while the server has said nothing since the last ping: when it fires, the connection is dead. */
  private deadline: ReturnType<typeof setTimeout> | null = null;
  private lastSentAt = -Infinity;
  private nextRef = 1;

  /** @param monotonic the clock pings are timed by (default performance.now(); tests pass their own). */
  constructor(
    private readonly hooks: HeartbeatHooks,
    private readonly monotonic: () => number = () => performance.now(),
  ) {
    document.addEventListener("visibilitychange", () => {
      this.schedule();
      if (document.visibilityState === "visible") this.check();
    });
    window.addEventListener("online", () => this.check());
  }

  /** Starts checking (the connection has just joined). */
  start(): void {
    this.running = true;
    this.schedule();
  }

  /** Stops checking (the connection is gone or being replaced). */
  stop(): void {
    this.running = false;
    this.schedule();
    if (this.soon) clearTimeout(this.soon);
    this.soon = null;
    this.heard();
    this.lastPing = null;
  }

  /** Sends a ping now, unless one is waiting for its answer or the last one was too recent (then a little later). */
  check(): void {
    if (!this.running || this.deadline || this.soon) return;
    const since = this.monotonic() - this.lastSentAt;
    if (since < MIN_GAP_MS) {
      this.soon = setTimeout(() => {
        this.soon = null;
        this.check();
      }, MIN_GAP_MS - since);
      return;
    }
    const ref = this.nextRef++;
    this.lastSentAt = this.monotonic();
    this.lastPing = { ref, sentAt: this.lastSentAt };
    this.deadline = setTimeout(() => this.expired(), PONG_WITHIN_MS);
    this.hooks.send(ref);
  }

  /** Something arrived from the server (a pong, a message, a patch): the path works. */
  heard(): void {
    if (this.deadline) clearTimeout(this.deadline);
    this.deadline = null;
  }

  /** A pong: the path works, and it brings the server's clock. */
  pong(ref: unknown, serverTime: number): void {
    const ping = this.lastPing;
    if (ping && ping.ref === ref) {
      this.lastPing = null;
      this.hooks.answered(serverTime, this.monotonic() - ping.sentAt);
    }
    this.heard();
  }

  private expired(): void {
    this.deadline = null;
    if (!this.running) return;
    this.stop();
    this.hooks.dead();
  }

  /** The regular pings run while started and the page is visible. */
  private schedule(): void {
    const wanted = this.running && document.visibilityState === "visible";
    if (wanted && !this.every) this.every = setInterval(() => this.check(), PING_EVERY_MS);
    if (!wanted && this.every) {
      clearInterval(this.every);
      this.every = null;
    }
  }
}
