// The whole server on one port: Express for the HTTP API and the client pages,
// Colyseus rooms over WebSocket, SQLite for storage (or PostgreSQL, with
// DATABASE_URL). With REDIS_URL, Colyseus' own Redis presence and driver let
// several processes serve the same classes; with PostgreSQL too, on several
// machines, each taking over the games of a process that stops (keeper.ts).
import { matchMaker, Server } from "@colyseus/core";
import { RedisDriver } from "@colyseus/redis-driver";
import { RedisPresence } from "@colyseus/redis-presence";
import { Encoder } from "@colyseus/schema";
import express from "express";
import expressStaticGzip from "express-static-gzip";
import { existsSync } from "node:fs";
import { createServer as createHttpServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import type { ServerConfig } from "./config.js";
import { AddressedTransport, trustFunction } from "./guard/address.js";
import { Guards } from "./guard/limits.js";
import { matchmakeRouter } from "./guard/matchmake.js";
import { matchmakeOrigins, verifyUpgradeOrigin } from "./http/origin-guard.js";
import { apiRouter } from "./http/routes.js";
import { securityHeaders } from "./http/security-headers.js";
import { mapRoutes } from "./maps/route.js";
import { GameKeeper } from "./keeper.js";
import { ClassroomRoom, setRoomContext } from "./rooms/classroom-room.js";
import { openStore } from "./storage/open.js";
import type { GameStore } from "./storage/store.js";

export interface EntenteServer {
  app: express.Express;
  httpServer: HttpServer;
  gameServer: Server;
  store: GameStore;
  /**
   * Listens, then brings back every unfinished game of this process (finishing those whose log ended them, reporting
   * damaged ones) and keeps looking for games whose process stopped (keeper.ts). Returns the port.
   */
  start(): Promise<number>;
  /** Closes rooms (their games stay safe in the database, free for another process to take over), connections and the database. */
  stop(): Promise<void>;
}

const builtClient = join(import.meta.dirname, "..", "client", "dist");

// The default 8 KB encoding buffer overflows with the teacher's full view of a
// historical scenario, and schema 3.0.76 then sends a corrupted patch: make it
// large enough for the largest scenario (400 states) from the start.
Encoder.BUFFER_SIZE = 1024 * 1024;

export interface ServerOptions {
  /** Let Colyseus handle SIGTERM/SIGINT (true for npm start; tests stop the server themselves). */
  gracefullyShutdown?: boolean;
  /** The clock the rooms use (ms since the epoch); tests pass one they can move forward. */
  now?: () => number;
  /** The built pages to serve (default client/dist); browser tests build their own copy elsewhere. */
  clientDir?: string;
}

/** How often the write-ahead file is folded into the database file by default (ms). */
const CHECKPOINT_MS = 10_000;

/** How long a game's lease lasts by default (ms): LEASE_SECONDS. */
const LEASE_MS = 15_000;

/**
 * Makes the server (nothing listens yet) on its store. Throws the SQLite or file-system error when the data
 * folder cannot be used, a StorageError when the PostgreSQL database cannot: server/main.ts turns either into
 * one sentence (storage/faults.ts, startUpProblem).
 */
export async function createEntenteServer(config: ServerConfig, options: ServerOptions = {}): Promise<EntenteServer> {
  const host = config.publicAddress ?? "local";
  const leaseMs = config.leaseMs ?? LEASE_MS;
  const now = options.now ?? Date.now;
  const store = await openStore(config, { host, leaseMs });
  // SQLite: the games go into the database file itself regularly, and the write-ahead file is truncated (a reader
  // that held it open cannot leave it large for long). A checkpoint that cannot be done now is tried again.
  const upkeep = setInterval(() => void store.maintain(), config.checkpointMs ?? CHECKPOINT_MS);
  upkeep.unref();
  const keeper = new GameKeeper(store, leaseMs, now);
  const guards = new Guards();
  setRoomContext({ store, reconnectSeconds: config.reconnectSeconds, endLingerMs: config.endLingerMs, now, guards, heartbeat: keeper });

  const clientDist = options.clientDir ?? builtClient;
  const allowedOrigins = config.allowedOrigins ?? [];
  const app = express();
  app.disable("x-powered-by");
  // Which proxies may report the client's address (req.ip), for the limits: none unless TRUST_PROXY says so.
  const trust = trustFunction(config.trustProxy ?? false);
  app.set("trust proxy", trust);
  const addressOf = (req: express.Request) => req.ip ?? req.socket.remoteAddress ?? "unknown";
  app.use(securityHeaders(allowedOrigins));
  app.use("/matchmake", matchmakeOrigins(allowedOrigins), matchmakeRouter({ guards, addressOf }));
  app.use("/api", apiRouter({ store, host, teacherPasscode: config.teacherPasscode, guards, addressOf, hostname: config.hostname, joinUrl: config.joinUrl }));
  // Maps not built into the client (a teacher's own scenario), built on demand; after the built ones when there is a build.
  const maps = mapRoutes(store);
  if (existsSync(clientDist)) {
    // The build wrote each page, script and style also compressed (name.br, name.gz: client/vite.config.ts); the
    // browser gets the smallest one it accepts (Content-Encoding, Vary: Accept-Encoding), nothing is compressed per
    // request, and the WebSocket never passes here. Hashed assets never change; pages are checked on every load.
    const compressed = { enableBrotli: true, orderPreference: ["br", "gzip"] };
    app.use("/assets", expressStaticGzip(join(clientDist, "assets"), { ...compressed, serveStatic: { immutable: true, maxAge: "365d" } }));
    // The built-in scenarios' maps, named by a hash of their content (server/maps/key.ts): they never change either.
    app.use("/maps", expressStaticGzip(join(clientDist, "maps"), { ...compressed, index: false, serveStatic: { immutable: true, maxAge: "365d", fallthrough: true } }));
    const pages = expressStaticGzip(clientDist, { ...compressed, index: "index.html", serveStatic: { index: "index.html", extensions: ["html"], maxAge: 0 } });
    app.use(pages);
    app.use("/maps", maps);
    // Any other path is the home page (compressed too).
    app.get("/{*splat}", (req, res, next) => {
      req.url = "/index.html";
      pages(req, res, next);
    });
  } else {
    app.use("/maps", maps);
    app.get("/", (_req, res) => {
      res.type("html").send(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Entente</title></head>
<body><h1>Entente server</h1><p>The server is running. The pages for teachers and students are not built in this version.</p></body></html>`);
    });
  }
  // The Colyseus server must be made after the HTTP server exists with its app (it takes over its request listener).
  const httpServer = createHttpServer(app);
  const gameServer = new Server({
    transport: new AddressedTransport({ server: httpServer, maxPayload: 16 * 1024, verifyClient: verifyUpgradeOrigin(allowedOrigins) }, trust),
    ...(config.redisUrl
      ? {
          presence: new RedisPresence(config.redisUrl),
          driver: new RedisDriver(config.redisUrl),
          publicAddress: config.publicAddress,
          selectProcessIdToCreateRoom: () => Promise.resolve(matchMaker.processId),
        }
      : {}),
    greet: false,
    gracefullyShutdown: options.gracefullyShutdown ?? true,
  });
  // Colyseus answers /matchmake itself in front of Express; give those requests back to Express, whose
  // /matchmake route guards them and then calls Colyseus's matchmaker (server/guard/matchmake.ts).
  httpServer.removeAllListeners("request");
  httpServer.on("request", app);
  gameServer.define("classroom", ClassroomRoom);
  // Browsers may only join and reconnect; games are created through POST /api/games.
  matchMaker.controller.exposedMethods = ["joinById", "reconnect"];
  // npm start's SIGTERM/SIGINT: Colyseus disposes the rooms (each stores what waits and ends its lease), then this.
  gameServer.onShutdown(async () => {
    clearInterval(upkeep);
    await keeper.stop();
    await store.close();
  });

  return {
    app,
    httpServer,
    gameServer,
    store,
    async start() {
      await gameServer.listen(config.port, config.hostname);
      await keeper.start();
      return (httpServer.address() as AddressInfo).port;
    },
    async stop() {
      clearInterval(upkeep);
      await keeper.stop();
      await gameServer.gracefullyShutdown(false);
      await store.close();
    },
  };
}
