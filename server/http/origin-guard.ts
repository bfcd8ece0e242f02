// The Origin rule of origins.ts applied where the game connects: WebSocket
// upgrades (the ws library's verifyClient) and the matchmaking route
// (/matchmake/…, server/guard/matchmake.ts).
// A page of another site gets 403 and no CORS header that would let it read
// an answer; Colyseus' own default reflects any Origin with credentials.
import type { TransportOptions } from "@colyseus/ws-transport";
import type { NextFunction, Request, Response } from "express";
import type { IncomingMessage } from "node:http";
import { CLOSE } from "../../shared/protocol/close-codes.js";
import { originAllowed, type Origin } from "./origins.js";

type VerifyClient = NonNullable<TransportOptions["verifyClient"]>;

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
 * The Origin rule for the matchmaking route (server/guard/matchmake.ts), as Express middleware:
 * - a request (or its CORS preflight) with a refused Origin is answered 403, `{"code": 4403, "error"}`,
 *   and never reaches the matchmaker (no seat is reserved);
 * - an allowed Origin is echoed with credentials (Colyseus' own default reflected any Origin), a request
 *   without Origin gets no CORS header; a preflight of an allowed Origin is answered 204 here;
 * - matchmaking answers (seat reservations) say `Cache-Control: no-store`.
 */
export function matchmakeOrigins(configured: readonly Origin[]): (req: Request, res: Response, next: NextFunction) => void {
  return (req, res, next) => {
    const origin = req.headers.origin;
    res.set({ "Cache-Control": "no-store", Vary: "Origin" });
    if (!originAllowed(origin, req.headers.host, configured)) {
      res.status(403).json({ code: CLOSE.FORBIDDEN, error: REFUSAL });
      return;
    }
    if (origin !== undefined) res.set({ "Access-Control-Allow-Origin": origin, "Access-Control-Allow-Credentials": "true" });
    if (req.method === "OPTIONS") {
      res.set({ "Access-Control-Allow-Headers": "Origin, X-Requested-With, Content-Type, Accept, Authorization", "Access-Control-Allow-Methods": "OPTIONS, POST", "Access-Control-Max-Age": "600" });
      res.status(204).end();
      return;
    }
    next();
  };
}
