// The HTTP API (JSON in, JSON out; every error is {"error": {"code", "message"}}).
// Request and response shapes are in shared/protocol/http.ts.
//   GET  /api/health                       is the server up, does its database work
//   GET  /api/join-address                 where students' devices reach the server (join-address.ts)
//   GET  /api/scenarios                    built-in scenarios                       (scenarios.ts)
//   POST /api/scenarios/validate           check an uploaded scenario
//   POST /api/games                        create a game (teacher)                  (games.ts)
//   GET  /api/games/:code                  does a game have this code (the join page)
//   GET  /api/teacher/games                the teacher's games (teacher key)
//   DELETE /api/games/:code                delete a game and all its data (teacher key)
//   GET  /api/games/:code/report           a game's report JSON (teacher key)       (reports.ts)
//   GET  /api/games/:code/debrief          the debrief JSON (?revealChat=1&anonymize=1) (teacher key)
//   GET  /api/games/:code/counterfactuals  the same game replayed by bots of each theory (teacher key)
//   GET  /api/games/:code/export/rounds.csv, events.csv, chat.csv (chat needs ?revealChat=1) (teacher key)
//   GET  /api/games/:code/log.json         the whole game log (teacher key)
//   GET  /api/games/:code/card             a student's report card (their rejoin key in X-Rejoin-Key)
import express from "express";
import type { HealthResponse, JoinAddressResponse } from "../../shared/protocol/http.js";
import type { Guards } from "../guard/limits.js";
import type { GameStore } from "../storage/store.js";
import { ApiError, errorHandler } from "./errors.js";
import { guessing } from "./guessing.js";
import { joinAddresses } from "./join-address.js";
import { gameRoutes } from "./games.js";
import { reportRoutes } from "./reports.js";
import { scenarioRoutes } from "./scenarios.js";

export interface ApiOptions {
  store: GameStore;
  /** This process's name in the games table (its public address when several processes share the work). */
  host: string;
  /** When set, creating a game needs it. */
  teacherPasscode?: string;
  /** The process's rate limiters, and the client's address as they count it. */
  guards: Guards;
  addressOf: (req: express.Request) => string;
  /** The interface the server listens on, and JOIN_URL: for the join address. */
  hostname: string;
  joinUrl?: string;
}

export function apiRouter(options: ApiOptions): express.Router {
  const router = express.Router();
  const guessed = guessing(options.guards, options.addressOf);
  router.use(guessed.before);
  router.use(express.json({ limit: "1mb" }));
  router.get("/health", (_req, res) => {
    // Never touches the database: it answers while the file is locked, and says what storage last did.
    res.json({ ok: true, uptimeSeconds: Math.round(process.uptime()), host: options.host, storage: options.store.health() } satisfies HealthResponse);
  });
  router.get("/join-address", (req, res) => {
    // The port the request came in on: the one the server listens on (JOIN_URL covers a proxy in front).
    res.json(joinAddresses(req.socket.localPort ?? 0, options.hostname, options.joinUrl) satisfies JoinAddressResponse);
  });
  router.use(scenarioRoutes());
  router.use(gameRoutes(options));
  router.use(reportRoutes(options.store));
  router.use(() => {
    throw new ApiError(404, "not-found", "No such API endpoint.");
  });
  router.use((err: unknown, req: express.Request, _res: express.Response, next: express.NextFunction) => {
    guessed.failed(err, req);
    next(err);
  });
  router.use(errorHandler);
  return router;
}
