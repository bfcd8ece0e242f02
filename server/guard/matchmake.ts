// The matchmaking requests of colyseus.js (POST /matchmake/<method>/<room>),
// answered by Express instead of Colyseus's built-in listener, so that they go
// through the same guards as the API before a seat is reserved (the origin
// check comes first, http/origin-guard.ts): a small body limit before parsing,
// the join options validated, wrong codes and teacher keys counted against
// guessing, the room's own admission rules (screenJoin), and newcomers counted
// per address and per game. Then Colyseus's matchmaker
// does the rest through its documented entry point for other HTTP frameworks,
// `matchMaker.controller.invokeMethod`. Answers keep Colyseus's shape:
// `{ room, sessionId }`, or `{ code, error }` (which colyseus.js turns into a
// MatchMakeError with that code).
import { ErrorCode, getBearerToken, matchMaker } from "@colyseus/core";
import express, { type NextFunction, type Request, type Response } from "express";
import { CLOSE } from "../../shared/protocol/close-codes.js";
import { joinOptions } from "../../shared/protocol/messages.js";
import type { JoinScreen } from "../rooms/classroom-room.js";
import type { Guards, Verdict } from "./limits.js";

export interface MatchmakeGuards {
  guards: Guards;
  /** The client's address (Express's `req.ip`, with the server's trust-proxy setting). */
  addressOf: (req: Request) => string;
}

/** Join options are a few hundred bytes; anything near this is not a browser joining a class. */
export const MATCHMAKE_BODY_LIMIT = "16kb";
const BODY_LIMIT_BYTES = 16 * 1024;

const refuse = (res: Response, code: number, error: string, retryAfterSeconds?: number): void => {
  if (retryAfterSeconds !== undefined) res.set("Retry-After", String(retryAfterSeconds));
  res.json({ code, error });
};

const tooMany = (res: Response, verdict: Extract<Verdict, { ok: false }>, what: string): void => {
  refuse(res, CLOSE.TOO_MANY, `${what}: wait ${verdict.retryAfterSeconds} s and try again.`, verdict.retryAfterSeconds);
};

/** The router for /matchmake; mount it before anything else that reads bodies. */
export function matchmakeRouter({ guards, addressOf }: MatchmakeGuards): express.Router {
  const router = express.Router();
  const json = express.json({ limit: MATCHMAKE_BODY_LIMIT, type: () => true });

  // A body declared too large is refused before a byte of it is read, and the connection closed; one streamed
  // without a length is cut off by the JSON parser's limit (the rest is read and thrown away, never kept).
  const declaredSize = (req: Request, res: Response, next: NextFunction) => {
    if (Number(req.get("content-length") ?? 0) > BODY_LIMIT_BYTES) {
      res.set("Connection", "close").status(413).json({ code: CLOSE.BAD_JOIN, error: `Join requests are limited to ${MATCHMAKE_BODY_LIMIT}.` });
      return;
    }
    next();
  };

  router.post("/:method/:roomName", declaredSize, json, async (req: Request<{ method: string; roomName: string }>, res: Response) => {
    const { method, roomName } = req.params;
    if (matchMaker.state === matchMaker.MatchMakerState.SHUTTING_DOWN) {
      res.status(503).json({ code: CLOSE.NOT_READY, error: "The server is restarting: try again in a few seconds." });
      return;
    }
    if (!matchMaker.controller.exposedMethods.includes(method)) {
      refuse(res, ErrorCode.MATCHMAKE_NO_HANDLER, `invalid method "${method}"`);
      return;
    }
    const address = addressOf(req);
    const requests = await guards.matchmake(address);
    if (!requests.ok) {
      tooMany(res, requests, "Too many requests from your network");
      return;
    }
    const options: unknown = req.body ?? {};

    if (method === "joinById") {
      const parsed = joinOptions.safeParse(options);
      if (!parsed.success) {
        refuse(res, CLOSE.BAD_JOIN, "Join with a role: student (with a nickname), teacher (with the teacher key) or projector.");
        return;
      }
      const guessing = await guards.wrongCodes.allowed(address);
      if (!guessing.ok) {
        tooMany(res, guessing, "Too many wrong game codes from your network");
        return;
      }
      if (parsed.data.role === "teacher") {
        const keys = await guards.wrongKeys.allowed(address);
        if (!keys.ok) {
          tooMany(res, keys, "Too many wrong teacher keys from your network");
          return;
        }
      }
      // A room id that no process serves is a wrong code (or a finished game).
      if (!(await roomExists(roomName))) {
        await guards.wrongCodes.failed(address);
        refuse(res, ErrorCode.MATCHMAKE_INVALID_ROOM_ID, `room "${roomName}" not found`);
        return;
      }
      let screen: JoinScreen;
      try {
        screen = await matchMaker.remoteRoomCall<JoinScreen>(roomName, "screenJoin", [parsed.data]);
      } catch {
        // The process listed for this room does not answer (it stopped): another process takes the game over within
        // a lease (server/keeper.ts). The page tries again, as while a server restarts.
        refuse(res, CLOSE.NOT_READY, "The server that runs this game is not answering; the game is moving to another server. Trying again in a few seconds…");
        return;
      }
      if (!screen.ok) {
        if (screen.wrongKey) await guards.wrongKeys.failed(address);
        refuse(res, screen.close, screen.message);
        return;
      }
      // Newcomers are counted per address and per game; the teacher and students with their key never wait.
      if (screen.newcomer) {
        const joins = await guards.join(address);
        if (!joins.ok) {
          tooMany(res, joins, "Too many players joining from your network");
          return;
        }
      }
      if (screen.newcomer === "student") {
        const game = await guards.newStudent(roomName);
        if (!game.ok) {
          tooMany(res, game, "Many players are joining this game");
          return;
        }
      }
    }
    try {
      const response: unknown = await matchMaker.controller.invokeMethod(method, roomName, options, {
        token: getBearerToken(req.headers.authorization ?? ""),
        headers: req.headers,
        ip: address,
        req,
      });
      res.json(response);
    } catch (err) {
      const e = err as { code?: number; message?: string };
      refuse(res, e.code ?? ErrorCode.MATCHMAKE_UNHANDLED, e.message ?? "The join failed.");
    }
  });

  router.use((_req, res) => {
    res.status(404).json({ code: ErrorCode.MATCHMAKE_NO_HANDLER, error: "Not a matchmaking request." });
  });

  // A body over the limit, or one that is not JSON.
  router.use((err: { type?: string; status?: number }, _req: Request, res: Response, next: NextFunction) => {
    if (err.type === "entity.too.large") res.status(413).json({ code: CLOSE.BAD_JOIN, error: `Join requests are limited to ${MATCHMAKE_BODY_LIMIT}.` });
    else if (err.status === 400) res.status(400).json({ code: CLOSE.BAD_JOIN, error: "The join request is not valid JSON." });
    else next(err);
  });
  return router;
}

/** Whether any process serves this room (the driver's listing, which is shared with Redis). */
async function roomExists(roomId: string): Promise<boolean> {
  const listing = (await matchMaker.getRoomById(roomId)) as unknown;
  return listing !== undefined && listing !== null;
}
