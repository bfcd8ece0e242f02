// The HTTP API (JSON in, JSON out; every error is {"error": {"code", "message"}}):
//   GET  /api/health                       is the server up
//   GET  /api/scenarios                    built-in scenarios
//   POST /api/scenarios/validate           check an uploaded scenario
//   POST /api/games                        create a game (teacher)
//   GET  /api/games/:code                  does a running game have this code (for the join page)
//   GET  /api/teacher/games                the teacher's games (teacher key)
//   GET  /api/games/:code/report           a game's report JSON (teacher key)
//   GET  /api/games/:code/debrief          the debrief JSON (?revealChat=1&anonymize=1) (teacher key)
//   GET  /api/games/:code/counterfactuals  the same game replayed by bots of each theory (teacher key)
//   GET  /api/games/:code/export/rounds.csv, events.csv, chat.csv (chat needs ?revealChat=1) (teacher key)
//   GET  /api/games/:code/log.json         the whole game log (teacher key)
//   DELETE /api/games/:code                delete a game and all its data (teacher key)
import { matchMaker } from "@colyseus/core";
import express, { type NextFunction, type Request, type Response } from "express";
import { z } from "zod";
import { replaySession } from "../../shared/classroom/reduce.js";
import { createSession } from "../../shared/classroom/setup.js";
import { settingsFor, settingsInput } from "../../shared/classroom/settings.js";
import { buildCounterfactuals } from "../../shared/report/counterfactual.js";
import { chatCsv, eventsCsv, exportLog, roundsCsv, UTF8_BOM } from "../../shared/report/csv.js";
import { buildDebrief, type DebriefOptions } from "../../shared/report/debrief.js";
import { buildGameReport } from "../../shared/report/game-report.js";
import { buildReportCard } from "../../shared/report/card.js";
import { builtinScenario, builtinScenarios } from "../../shared/scenario/builtin/index.js";
import type { Scenario } from "../../shared/scenario/schema.js";
import { validateScenario } from "../../shared/scenario/validate.js";
import { isJoinCode, isWellFormedKey, normalizeCode } from "../../shared/ids.js";
import { hashSecret, newId, newJoinCode, newSecret, newSeed } from "../keys.js";
import type { ClassroomRoom } from "../rooms/classroom-room.js";
import type { GameRecord, GameStore } from "../storage/games.js";
import type { Session } from "../../shared/classroom/types.js";

export interface ApiOptions {
  store: GameStore;
  /** This process's name in the games table (its public address when several processes share the work). */
  host: string;
  /** When set, creating a game needs it. */
  teacherPasscode?: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

const createGameInput = z.strictObject({
  /** A built-in scenario id, or a whole scenario object (uploaded). */
  scenario: z.union([z.string().max(60), z.record(z.string(), z.unknown())]),
  settings: settingsInput.optional(),
  teacherKey: z.string().max(200).optional(),
  passcode: z.string().max(200).optional(),
});

function teacherKeyOf(req: Request): string {
  const header = req.get("authorization") ?? "";
  const key = header.startsWith("Bearer ") ? header.slice(7).trim() : (req.get("x-teacher-key") ?? "");
  if (!key) throw new ApiError(401, "teacher-key-required", "Send the teacher key (Authorization: Bearer <key>).");
  if (!isWellFormedKey(key)) throw new ApiError(401, "bad-teacher-key", "That is not a teacher key.");
  return key;
}

function resolveScenario(input: string | Record<string, unknown>): Scenario {
  if (typeof input === "string") {
    const s = builtinScenario(input);
    if (!s) throw new ApiError(404, "unknown-scenario", `There is no built-in scenario "${input}".`);
    return s;
  }
  const result = validateScenario(input);
  if (!result.ok) throw new ApiError(422, "invalid-scenario", "The scenario file has errors.", { errors: result.errors });
  return result.scenario;
}

export function apiRouter(options: ApiOptions): express.Router {
  const { store } = options;
  const router = express.Router();
  router.use(express.json({ limit: "1mb" }));

  router.get("/health", (_req, res) => {
    res.json({ ok: true, uptimeSeconds: Math.round(process.uptime()), host: options.host });
  });

  router.get("/scenarios", (_req, res) => {
    res.json({
      scenarios: builtinScenarios().map((s) => ({
        id: s.id,
        title: s.title,
        description: s.description ?? "",
        rounds: s.rounds,
        states: s.states.map((x) => ({ id: x.id, name: x.name })),
        crises: (s.crises ?? []).map((c) => ({ id: c.id, title: c.title, round: c.round ?? null })),
      })),
    });
  });

  router.post("/scenarios/validate", (req, res) => {
    const body = req.body as { scenario?: unknown } | undefined;
    if (!body || typeof body !== "object" || !("scenario" in body)) {
      throw new ApiError(400, "bad-request", 'Send {"scenario": { ... the scenario ... }}.');
    }
    const result = validateScenario(body.scenario);
    res.json(result.ok ? { ok: true, id: result.scenario.id, title: result.scenario.title, states: result.scenario.states.length } : { ok: false, errors: result.errors });
  });

  router.post("/games", async (req, res) => {
    const parsed = createGameInput.safeParse(req.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new ApiError(400, "bad-request", `${issue.path.join(".") || "body"}: ${issue.message}`);
    }
    const input = parsed.data;
    if (options.teacherPasscode && input.passcode !== options.teacherPasscode) {
      throw new ApiError(403, "passcode", "Creating a game on this server needs the teacher passcode.");
    }
    let teacherKey = input.teacherKey;
    let keyIsNew = false;
    if (teacherKey === undefined) {
      teacherKey = newSecret();
      keyIsNew = true;
    } else if (!isWellFormedKey(teacherKey)) {
      throw new ApiError(400, "bad-teacher-key", "That is not a teacher key.");
    }
    const scenario = resolveScenario(input.scenario);
    const settings = settingsFor(scenario, input.settings ?? {}, newSeed());
    let code = newJoinCode();
    for (let tries = 0; store.isCodeRunning(code); tries++) {
      if (tries > 50) throw new ApiError(503, "busy", "Could not find a free join code; try again.");
      code = newJoinCode();
    }
    const id = newId();
    store.createGame({
      id,
      code,
      teacherHash: hashSecret(teacherKey),
      title: scenario.title,
      scenario,
      settings,
      host: options.host,
      createdAt: Date.now(),
    });
    await matchMaker.createRoom("classroom", { gameId: id });
    res.status(201).json({ gameId: id, code, teacherKey, teacherKeyIsNew: keyIsNew, settings });
  });

  router.get("/games/:code", async (req, res) => {
    const code = normalizeCode(req.params.code ?? "");
    if (!isJoinCode(code)) throw new ApiError(400, "bad-code", "A join code has 6 letters and digits.");
    const game = store.gameByCode(code);
    if (!game) throw new ApiError(404, "unknown-code", `No game has the code ${code}: check it on the projector.`);
    res.json({ code, title: game.title, status: game.status });
  });

  router.get("/teacher/games", (req, res) => {
    const hash = hashSecret(teacherKeyOf(req));
    res.json({
      games: store.teacherGames(hash).map((g) => ({
        gameId: g.id,
        code: g.code,
        title: g.title,
        scenarioId: g.scenario.id,
        status: g.status,
        createdAt: g.createdAt,
        finishedAt: g.finishedAt,
      })),
    });
  });

  router.get("/games/:code/report", async (req, res) => {
    const hash = hashSecret(teacherKeyOf(req));
    const code = normalizeCode(req.params.code ?? "");
    const game = store.gameByCode(code);
    if (!game || game.teacherHash !== hash) throw new ApiError(404, "unknown-game", "No game of yours has that code.");
    const saved = store.savedReport(game.id);
    if (saved) {
      res.json(saved);
      return;
    }
    // A running game: its report so far, from the live room when it is here, else rebuilt from the stored log.
    const room = matchMaker.getLocalRoomById(code) as ClassroomRoom | undefined;
    if (room && room.gameId === game.id) {
      res.json(buildGameReport(room.session));
      return;
    }
    const initial = createSession(game.scenario, game.settings, game.code, game.createdAt);
    res.json(buildGameReport(replaySession(initial, store.entries(game.id)).state));
  });

  // --- the debrief, exports and deletion (teacher key) ---------------------------

  /** The teacher's own game with this code, or 404 (also for another teacher's game). */
  const ownedGame = (req: Request): GameRecord => {
    const hash = hashSecret(teacherKeyOf(req));
    const code = normalizeCode(String(req.params.code ?? ""));
    const game = store.gameByCode(code);
    if (!game || game.teacherHash !== hash) throw new ApiError(404, "unknown-game", "No game of yours has that code.");
    return game;
  };
  /** The session as it stands: the live room when it is here, else rebuilt from the stored log. */
  const sessionOf = (game: GameRecord): Session => {
    const room = matchMaker.getLocalRoomById(game.code) as ClassroomRoom | undefined;
    if (room && room.gameId === game.id) return room.session;
    const initial = createSession(game.scenario, game.settings, game.code, game.createdAt);
    return replaySession(initial, store.entries(game.id)).state;
  };
  const flag = (v: unknown) => v === "1" || v === "true" || v === "yes";
  const debriefOptions = (req: Request): DebriefOptions => ({ revealChat: flag(req.query.revealChat), anonymize: flag(req.query.anonymize) });
  const sendCsv = (res: Response, code: string, name: string, body: string) => {
    res.set("Content-Type", "text/csv; charset=utf-8");
    res.set("Content-Disposition", `attachment; filename="entente-${code}-${name}.csv"`);
    res.send(UTF8_BOM + body);
  };

  router.get("/games/:code/debrief", (req, res) => {
    const game = ownedGame(req);
    res.json(buildDebrief(sessionOf(game), debriefOptions(req)));
  });

  // A student's report card, with their personal rejoin key (?key=, as in their rejoin link): no teacher key needed.
  router.get("/games/:code/card", (req, res) => {
    const code = normalizeCode(String(req.params.code ?? ""));
    const key = typeof req.query.key === "string" ? req.query.key : "";
    const game = store.gameByCode(code);
    if (!game || !key) throw new ApiError(404, "unknown-card", "No report card for this link.");
    const room = sessionOf(game);
    const hash = hashSecret(key);
    const student = Object.values(room.students).find((s) => s.keyHash === hash);
    const card = student ? buildReportCard(room, student.id) : null;
    if (!card) throw new ApiError(404, "unknown-card", "No report card for this link.");
    res.json(card);
  });

  router.get("/games/:code/counterfactuals", (req, res) => {
    const game = ownedGame(req);
    res.json(buildCounterfactuals(sessionOf(game)));
  });

  router.get("/games/:code/export/:file", (req, res) => {
    const game = ownedGame(req);
    const file = String(req.params.file);
    if (file !== "rounds.csv" && file !== "events.csv" && file !== "chat.csv") {
      throw new ApiError(404, "not-found", "Exports are rounds.csv, events.csv and chat.csv.");
    }
    const options = debriefOptions(req);
    if (file === "chat.csv" && !options.revealChat) {
      throw new ApiError(400, "reveal-chat-required", "The chat is exported only when you choose to reveal chats (?revealChat=1).");
    }
    const debrief = buildDebrief(sessionOf(game), options);
    const body = file === "rounds.csv" ? roundsCsv(debrief) : file === "events.csv" ? eventsCsv(debrief) : chatCsv(debrief)!;
    sendCsv(res, game.code, file.slice(0, -4), body);
  });

  router.get("/games/:code/log.json", (req, res) => {
    const game = ownedGame(req);
    res.set("Content-Disposition", `attachment; filename="entente-${game.code}-log.json"`);
    res.json(exportLog(game, store.entries(game.id)));
  });

  router.delete("/games/:code", async (req, res) => {
    const game = ownedGame(req);
    if (game.status === "running") {
      const room = matchMaker.getLocalRoomById(game.code) as ClassroomRoom | undefined;
      if (room && room.gameId === game.id) {
        await room.disconnect();
      } else if (room || game.host !== options.host) {
        throw new ApiError(409, "running-elsewhere", "This game is running on another server process: end it there first, then delete it.");
      }
    }
    store.deleteGame(game.id);
    res.json({ deleted: true, code: game.code, gameId: game.id });
  });

  router.use((_req, _res) => {
    throw new ApiError(404, "not-found", "No such API endpoint.");
  });

  router.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    if (err instanceof ApiError) {
      res.status(err.status).json({ error: { code: err.code, message: err.message, ...(err.details ? (err.details as object) : {}) } });
      return;
    }
    const status = (err as { status?: number; type?: string }).status;
    if (status === 400 || (err as { type?: string }).type === "entity.parse.failed") {
      res.status(400).json({ error: { code: "bad-json", message: "The request body is not valid JSON." } });
      return;
    }
    if (status === 413) {
      res.status(413).json({ error: { code: "too-large", message: "The request is too large (1 MB at most)." } });
      return;
    }
    console.error(err);
    res.status(500).json({ error: { code: "server-error", message: "Something went wrong on the server; nothing was changed." } });
  });
  return router;
}
