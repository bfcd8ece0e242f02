// A TCP proxy between a browser and a test server that can "freeze" like a dead
// Wi-Fi path (a laptop lid closed, a phone out of range): nothing passes in
// either direction and no close is passed on, so neither end is told anything.
// While frozen, new connections are accepted but wait (their first packets
// "in the air"). Thawing resets the connections that were frozen, as a server
// answers a packet of a connection it has forgotten, and lets the waiting ones
// through to the server.
import { createServer, connect, type Server, type Socket } from "node:net";

type State = "live" | "dead" | "waiting";

interface Pair {
  state: State;
  browser: Socket;
  server: Socket | null;
  /** What a waiting connection has sent so far. */
  held: Buffer[];
}

export class FreezingProxy {
  private frozen = false;
  private readonly pairs = new Set<Pair>();

  private constructor(
    private readonly listener: Server,
    readonly port: number,
    private readonly targetPort: number,
  ) {
    listener.on("connection", (browser) => this.accepted(browser));
  }

  /** A proxy on a free loopback port that forwards to 127.0.0.1:`targetPort`. */
  static async start(targetPort: number): Promise<FreezingProxy> {
    const listener = createServer();
    const port = await new Promise<number>((resolve, reject) => {
      listener.once("error", reject);
      listener.listen(0, "127.0.0.1", () => {
        const address = listener.address();
        resolve(typeof address === "object" && address ? address.port : 0);
      });
    });
    return new FreezingProxy(listener, port, targetPort);
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Every open connection goes dead (nothing more passes, no close is passed on); new ones wait. */
  freeze(): void {
    this.frozen = true;
    for (const pair of this.pairs) if (pair.state === "live") pair.state = "dead";
  }

  /** The path is back: the dead connections are reset, the waiting ones reach the server. */
  thaw(): void {
    this.frozen = false;
    for (const pair of [...this.pairs]) {
      if (pair.state === "dead") this.drop(pair, true);
      else if (pair.state === "waiting") this.link(pair);
    }
  }

  /** Stops listening and closes every connection. */
  async close(): Promise<void> {
    for (const pair of [...this.pairs]) this.drop(pair, false);
    await new Promise<void>((resolve) => this.listener.close(() => resolve()));
  }

  private accepted(browser: Socket): void {
    const pair: Pair = { state: this.frozen ? "waiting" : "live", browser, server: null, held: [] };
    this.pairs.add(pair);
    browser.on("error", () => undefined);
    browser.on("data", (chunk: Buffer) => {
      if (pair.state === "live") pair.server?.write(chunk);
      else if (pair.state === "waiting") pair.held.push(chunk);
    });
    browser.on("close", () => {
      if (pair.state !== "dead") this.drop(pair, false);
    });
    if (pair.state === "live") this.link(pair);
  }

  private link(pair: Pair): void {
    pair.state = "live";
    const server = connect(this.targetPort, "127.0.0.1");
    pair.server = server;
    for (const chunk of pair.held.splice(0)) server.write(chunk);
    server.on("error", () => undefined);
    server.on("data", (chunk: Buffer) => {
      if (pair.state === "live") pair.browser.write(chunk);
    });
    server.on("close", () => {
      if (pair.state !== "dead") this.drop(pair, false);
    });
  }

  /** Ends a connection on both sides: with a reset (`reset`), or as its other end did. */
  private drop(pair: Pair, reset: boolean): void {
    this.pairs.delete(pair);
    pair.state = "dead";
    if (reset) pair.browser.resetAndDestroy();
    else pair.browser.destroy();
    pair.server?.destroy();
  }
}
