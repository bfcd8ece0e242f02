// The network address a request comes from, as the limits count it. Behind a
// reverse proxy the address is in X-Forwarded-For, but only the proxies the
// school's IT trusts (TRUST_PROXY) may say so: otherwise a student could pick
// any address for each request. proxy-addr is the library Express itself uses
// for `req.ip`, so HTTP requests and WebSocket upgrades are counted alike.
import type { IncomingMessage } from "node:http";
import proxyaddr from "proxy-addr";
import { SpreadPingsTransport } from "../http/spread-pings.js";

/** Which proxies are trusted to report the client's address: `false` (none, the default), or proxy-addr's forms ("loopback", "10.0.0.0/8", a hop count...). */
export type TrustProxy = boolean | number | string;

/** A trust function for proxy-addr, from the TRUST_PROXY setting (same meaning as Express's "trust proxy"). */
export function trustFunction(trust: TrustProxy): (addr: string, i: number) => boolean {
  if (trust === true) return () => true;
  if (trust === false) return () => false;
  if (typeof trust === "number") return (_addr, i) => i < trust;
  return proxyaddr.compile(trust.split(",").map((s) => s.trim()).filter(Boolean));
}

/** The client's address of a request (the socket's peer unless a trusted proxy reports another). */
export function clientAddress(req: IncomingMessage, trust: (addr: string, i: number) => boolean): string {
  return proxyaddr(req, trust);
}

const addresses = new WeakMap<object, string>();

/** The address a WebSocket connection came from (recorded when it was opened), or "unknown". */
export function addressOf(ws: object): string {
  return addresses.get(ws) ?? "unknown";
}

/** Colyseus's WebSocket transport (its pings spread over their interval), remembering each connection's client address for the rooms' limits. */
export class AddressedTransport extends SpreadPingsTransport {
  constructor(options: ConstructorParameters<typeof SpreadPingsTransport>[0], trust: (addr: string, i: number) => boolean) {
    super(options);
    // Before Colyseus's own handler, which admits the client into its room.
    this.wss.prependListener("connection", (rawClient: object, req: IncomingMessage) => addresses.set(rawClient, clientAddress(req, trust)));
  }
}
