// The server's clock as a page reads it. The server's time arrives now and
// then (in "welcome", and in every heartbeat "pong"); between two samples the
// page counts the time passed on the browser's monotonic clock
// (performance.now()), which no correction of the device's date and time moves.
// Reading Date.now() instead, a device whose clock is set right mid-round (a
// Chromebook syncing its time, a student changing it) would make the countdown
// jump by the correction until the next sample.

/** A clock in milliseconds: `performance.now()` in the pages, a test's own in tests. */
export type Clock = () => number;

export class ServerClock {
  /** The server's time at the last sample, and the monotonic time then. */
  private sample: { server: number; at: number } | null = null;

  /**
   * @param monotonic milliseconds that only go forward at a steady pace (default performance.now()).
   * @param wall the device's date and time, only used before the first sample (default Date.now()).
   */
  constructor(
    private readonly monotonic: Clock = () => performance.now(),
    private readonly wall: Clock = () => Date.now(),
  ) {}

  /**
   * The server said its time was `serverTime`. `roundTripMs`: how long the question took to be answered
   * (the server's time is taken halfway), 0 when the message was not an answer (welcome).
   */
  heard(serverTime: number, roundTripMs = 0): void {
    if (!Number.isFinite(serverTime)) return;
    const halfway = Number.isFinite(roundTripMs) && roundTripMs > 0 ? roundTripMs / 2 : 0;
    this.sample = { server: serverTime + halfway, at: this.monotonic() };
  }

  /** Whether the server's time has been heard at least once. */
  get synchronized(): boolean {
    return this.sample !== null;
  }

  /** The server's time now (ms since the epoch): the last sample plus the monotonic time since; the device's clock before any sample. */
  now(): number {
    if (!this.sample) return this.wall();
    return this.sample.server + (this.monotonic() - this.sample.at);
  }
}
