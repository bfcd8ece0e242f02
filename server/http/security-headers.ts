// The security headers of every HTTP response the Express app sends (helmet),
// and Cache-Control: no-store on the whole API.
//
// The policy: the pages load and connect to nothing but this server (no CDN,
// no other origin), run no inline or eval'd script, cannot be framed by any
// page (a decoy page once framed the console invisibly and a click paused the
// game), send no Referer (a URL may carry a code), and browsers must not guess
// content types. Every API answer may carry a secret or a student's data (the
// teacher key from POST /api/games, reports, logs, CSVs, report cards), so no
// browser or proxy may store one.
import express from "express";
import helmet from "helmet";
import type { IncomingMessage } from "node:http";
import { isHost, websocketOrigin, type Origin } from "./origins.js";

/**
 * connect-src beyond 'self': the page's own host over ws: and wss: (CSP3 lets 'self' match them,
 * but Safari before 15.4 and older WebViews do not), and the WebSocket origins of ALLOWED_ORIGINS
 * (with several processes, a page opens its game connection to the process that runs the game).
 */
function websocketSources(req: IncomingMessage, configured: readonly Origin[]): string {
  const host = req.headers.host;
  const own = host !== undefined && isHost(host) ? [`ws://${host}`, `wss://${host}`] : [];
  return [...own, ...configured.map(websocketOrigin)].join(" ");
}

/**
 * Middleware for the whole app (mount it first): helmet with a strict Content-Security-Policy,
 * X-Frame-Options: DENY, Referrer-Policy: no-referrer, nosniff and helmet's other defaults (no
 * Strict-Transport-Security: HTTPS is the reverse proxy's business, see docs/deploy.md), plus
 * Cache-Control: no-store on everything under /api.
 *
 * @param configured the origins of ALLOWED_ORIGINS (see origins.ts); their WebSocket origins join connect-src.
 */
export function securityHeaders(configured: readonly Origin[] = []): express.Router {
  const router = express.Router();
  router.use(
    helmet({
      contentSecurityPolicy: {
        useDefaults: false,
        directives: {
          defaultSrc: ["'self'"],
          scriptSrc: ["'self'"],
          scriptSrcAttr: ["'none'"],
          styleSrc: ["'self'"],
          // Phaser makes its default textures from data: URIs.
          imgSrc: ["'self'", "data:"],
          connectSrc: ["'self'", (req) => websocketSources(req, configured)],
          objectSrc: ["'none'"],
          baseUri: ["'self'"],
          formAction: ["'self'"],
          frameAncestors: ["'none'"],
        },
      },
      xFrameOptions: { action: "deny" },
      referrerPolicy: { policy: "no-referrer" },
      strictTransportSecurity: false,
    }),
  );
  router.use("/api", (_req, res, next) => {
    res.setHeader("Cache-Control", "no-store");
    next();
  });
  return router;
}
