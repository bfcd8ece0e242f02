// The Origin rule of origins.ts applied where Colyseus listens: WebSocket
// upgrades (the ws library's verifyClient) and its matchmaking routes
// (/matchmake/…, which Colyseus answers before Express sees the request).
// A page of another site gets 403 and no CORS header that would let it read
// an answer; Colyseus' own default reflects any Origin with credentials.
import { matchMaker } from "@colyseus/core";
import type { TransportOptions } from "@colyseus/ws-transport";
import type { IncomingMessage, Server as HttpServer, ServerResponse } from "node:http";
import { CLOSE } from "../../shared/protocol/close-codes.js";
import { originAllowed, type Origin } from "./origins.js";

type VerifyClient = NonNullable<TransportOptions["verifyClient"]>;
type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

const REFUSAL = "This page's address may not use this server. If it should, add its origin to ALLOWED_ORIGINS (see docs/deploy.md).";

/**
 * The `verifyClient` option of WebSocketTransport: accepts an upgrade whose Origin passes
 * {@link originAllowed} (or that has none), and answers any other with HTTP 403 (the socket is never opened).
 */
export function verifyUpgradeOrigin(configured: readonly Origin[]): VerifyClient {
  return (info: { req: IncomingMessage }, done: (ok: boolean, code?: number, message?: string) => void) => {
    if (originAllowed(info.req.headers.origin, info.req.headers.host, configured)) done(true);
    else done(false, 403, "Forbidden");
  };
}

/**
 * Puts the Origin rule in front of Colyseus' matchmaking on `httpServer` (call it once, after the
 * Colyseus Server is made, since Colyseus takes over the server's request listeners then):
 * - a request to a matchmaking route with a refused Origin is answered 403, `{"code": 4403, "error"}`,
 *   and never reaches Colyseus (no seat is reserved);
 * - Colyseus no longer sends `Access-Control-Allow-Origin: *` and `Access-Control-Allow-Credentials`
 *   by default: an allowed Origin is echoed with credentials, a request without Origin gets neither;
 * - matchmaking answers (seat reservations) say `Cache-Control: no-store` and `nosniff`.
 */
export function guardMatchmaking(httpServer: HttpServer, configured: readonly Origin[]): void {
  const controller = matchMaker.controller as { DEFAULT_CORS_HEADERS: Record<string, string>; getCorsHeaders: (req: IncomingMessage) => Record<string, string> };
  // Colyseus' declared type lists the two headers removed here as required: the object is replaced whole.
  controller.DEFAULT_CORS_HEADERS = {
    "Access-Control-Allow-Headers": "Origin, X-Requested-With, Content-Type, Accept, Authorization",
    "Access-Control-Allow-Methods": "OPTIONS, POST, GET",
    "Access-Control-Max-Age": "2592000",
    "Cache-Control": "no-store",
    "X-Content-Type-Options": "nosniff",
  };
  controller.getCorsHeaders = (req): Record<string, string> => {
    const origin = req.headers.origin;
    if (origin === undefined || !originAllowed(origin, req.headers.host, configured)) return { Vary: "Origin" };
    return { "Access-Control-Allow-Origin": origin, "Access-Control-Allow-Credentials": "true", Vary: "Origin" };
  };

  const route = `/${matchMaker.controller.matchmakeRoute}`;
  const listeners = httpServer.listeners("request") as RequestListener[];
  httpServer.removeAllListeners("request");
  httpServer.on("request", (req: IncomingMessage, res: ServerResponse) => {
    if ((req.url ?? "").includes(route) && !originAllowed(req.headers.origin, req.headers.host, configured)) {
      res.writeHead(403, { "Content-Type": "application/json", "Cache-Control": "no-store", Vary: "Origin" });
      res.end(JSON.stringify({ code: CLOSE.FORBIDDEN, error: REFUSAL }));
      return;
    }
    for (const listener of listeners) listener.call(httpServer, req, res);
  });
}
