// A game's report and debrief, its exports and a student's report card:
//   GET /api/games/:code/report, /debrief (?revealChat=1&anonymize=1), /counterfactuals,
//   /export/rounds.csv|events.csv|chat.csv, /log.json (teacher key); /card (a student's rejoin key in X-Rejoin-Key).
import { matchMaker } from "@colyseus/core";
import express, { type Request, type Response } from "express";
import { replaySession } from "../../shared/classroom/reduce.js";
import { createSession } from "../../shared/classroom/setup.js";
import type { Session } from "../../shared/classroom/types.js";
import { normalizeCode } from "../../shared/ids.js";
import { buildReportCard } from "../../shared/report/card.js";
import { buildCounterfactuals } from "../../shared/report/counterfactual.js";
import { chatCsv, eventsCsv, exportLog, roundsCsv, UTF8_BOM } from "../../shared/report/csv.js";
import { buildDebrief, type DebriefOptions } from "../../shared/report/debrief.js";
import { buildGameReport } from "../../shared/report/game-report.js";
import { hashSecret } from "../keys.js";
import type { ClassroomRoom } from "../rooms/classroom-room.js";
import type { GameRecord, GameStore } from "../storage/store.js";
import { ApiError } from "./errors.js";
import { ownedGame } from "./teacher-key.js";

export function reportRoutes(store: GameStore): express.Router {
  const router = express.Router();
  /** The session as it stands: the live room when it is here, else rebuilt from the stored log. */
  const sessionOf = async (game: GameRecord): Promise<Session> => {
    const room = matchMaker.getLocalRoomById(game.code) as ClassroomRoom | undefined;
    if (room && room.gameId === game.id) return room.session;
    const initial = createSession(game.scenario, game.settings, game.code, game.createdAt);
    return replaySession(initial, await store.entries(game.id)).state;
  };

  router.get("/games/:code/report", async (req, res) => {
    const game = await ownedGame(store, req);
    res.json((await store.savedReport(game.id)) ?? buildGameReport(await sessionOf(game)));
  });

  const flag = (v: unknown) => v === "1" || v === "true" || v === "yes";
  const debriefOptions = (req: Request): DebriefOptions => ({ revealChat: flag(req.query.revealChat), anonymize: flag(req.query.anonymize) });
  const sendCsv = (res: Response, code: string, name: string, body: string) => {
    res.set("Content-Type", "text/csv; charset=utf-8");
    res.set("Content-Disposition", `attachment; filename="entente-${code}-${name}.csv"`);
    res.send(UTF8_BOM + body);
  };

  router.get("/games/:code/debrief", async (req, res) => {
    const game = await ownedGame(store, req);
    res.json(buildDebrief(await sessionOf(game), debriefOptions(req)));
  });

  // A student's report card, with their personal rejoin key (X-Rejoin-Key, the key of their rejoin link): no teacher key
  // needed. Never from the URL, where request lines, Referer headers and proxy logs would keep it.
  router.get("/games/:code/card", async (req, res) => {
    if (req.query.key !== undefined) {
      throw new ApiError(400, "key-in-url", "Send the rejoin key in the X-Rejoin-Key header, not in the address.");
    }
    const code = normalizeCode(req.params.code);
    const key = req.get("x-rejoin-key") ?? "";
    const game = await store.gameByCode(code);
    if (!game || !key) throw new ApiError(404, "unknown-card", "This link does not open a report card: use your own rejoin link, on the device you played on.");
    const room = await sessionOf(game);
    const hash = hashSecret(key);
    const student = Object.values(room.students).find((s) => s.keyHash === hash);
    const card = student ? buildReportCard(room, student.id) : null;
    if (!card) throw new ApiError(404, "unknown-card", "This link does not open a report card: use your own rejoin link, on the device you played on.");
    res.json(card);
  });

  router.get("/games/:code/counterfactuals", async (req, res) => {
    const game = await ownedGame(store, req);
    res.json(buildCounterfactuals(await sessionOf(game)));
  });

  router.get("/games/:code/export/:file", async (req, res) => {
    const game = await ownedGame(store, req);
    const file = req.params.file;
    if (file !== "rounds.csv" && file !== "events.csv" && file !== "chat.csv") {
      throw new ApiError(404, "not-found", "There is no such download: the downloads are rounds.csv, events.csv and chat.csv.");
    }
    const options = debriefOptions(req);
    if (file === "chat.csv" && !options.revealChat) {
      throw new ApiError(400, "reveal-chat-required", "The chat is downloaded only when you reveal the chats: choose 'Reveal chat excerpts' on the debrief page first (?revealChat=1).");
    }
    const debrief = buildDebrief(await sessionOf(game), options);
    const body = file === "rounds.csv" ? roundsCsv(debrief) : file === "events.csv" ? eventsCsv(debrief) : chatCsv(debrief)!;
    sendCsv(res, game.code, file.slice(0, -4), body);
  });

  router.get("/games/:code/log.json", async (req, res) => {
    const game = await ownedGame(store, req);
    res.set("Content-Disposition", `attachment; filename="entente-${game.code}-log.json"`);
    res.json(exportLog(game, await store.entries(game.id)));
  });
  return router;
}
