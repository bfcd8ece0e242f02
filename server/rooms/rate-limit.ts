// A token bucket per client: a burst of `capacity` messages, refilled at
// `perSecond`. Colyseus 0.16 has no message rate limit of its own.
export class RateLimiter {
  private tokens: number;
  private last: number;

  constructor(
    private readonly capacity = 20,
    private readonly perSecond = 10,
    now = Date.now(),
  ) {
    this.tokens = capacity;
    this.last = now;
  }

  /** Takes one token; false when the client is sending too fast. */
  take(now = Date.now()): boolean {
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
