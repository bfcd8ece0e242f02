// Games: create one (POST /api/games), look a code up (GET /api/games/:code),
// a teacher's games (GET /api/teacher/games), delete one (DELETE /api/games/:code).
import { matchMaker } from "@colyseus/core";
import express from "express";
import { settingsFor } from "../../shared/classroom/settings.js";
import { isJoinCode, isWellFormedKey, normalizeCode } from "../../shared/ids.js";
import {
  createGameRequest,
  type CreateGameResponse,
  type DeleteGameResponse,
  type GameLookupResponse,
  type GameStatus,
  type TeacherGamesResponse,
} from "../../shared/protocol/http.js";
import { builtinScenario } from "../../shared/scenario/builtin/index.js";
import type { Scenario } from "../../shared/scenario/schema.js";
import { validateScenario } from "../../shared/scenario/validate.js";
import { hashSecret, newId, newJoinCode, newSecret, newSeed } from "../keys.js";
import type { ClassroomRoom } from "../rooms/classroom-room.js";
import type { GameRecord } from "../storage/store.js";
import type { ApiOptions } from "./routes.js";
import { mapProblems } from "../maps/geometry.js";
import { ApiError } from "./errors.js";
import { NOT_A_KEY, ownedGame, teacherKeyOf } from "./teacher-key.js";

function resolveScenario(input: string | Record<string, unknown>): Scenario {
  if (typeof input === "string") {
    const s = builtinScenario(input);
    if (!s) throw new ApiError(404, "unknown-scenario", `There is no built-in scenario "${input}": choose one from the list, or upload your own scenario file.`);
    return s;
  }
  const result = validateScenario(input);
  // A valid scenario whose territories name unknown countries cannot be drawn: those are errors too.
  const errors = result.ok ? mapProblems(result.scenario) : result.errors;
  if (!result.ok || errors.length > 0) throw new ApiError(422, "invalid-scenario", `The scenario file has ${errors.length === 1 ? "an error" : `${errors.length} errors`}: fix ${errors.length === 1 ? "it" : "them"} in the file and choose it again.`, { errors });
  return result.scenario;
}

/** What the join page and the teacher's list call a game: a damaged game is neither running nor finished. */
function statusOf(game: GameRecord): GameStatus {
  return game.damage !== null && game.status === "running" ? "damaged" : game.status;
}

/** Closes a finished game's room still open for its end screens on another process (best effort: it closes by itself later). */
async function closeElsewhere(code: string, gameId: string): Promise<void> {
  try {
    const listing = (await matchMaker.getRoomById(code)) as { metadata?: { gameId?: unknown } } | undefined;
    if (listing?.metadata?.gameId === gameId) await matchMaker.remoteRoomCall(code, "disconnect");
  } catch (err) {
    console.warn(`game ${code} was deleted, but its room on another process could not be closed: ${(err as Error).message}`);
  }
}

export function gameRoutes(options: ApiOptions): express.Router {
  const { store } = options;
  const router = express.Router();
  router.post("/games", async (req, res) => {
    const parsed = createGameRequest.safeParse(req.body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new ApiError(400, "bad-request", `A setting is not allowed (${issue.path.join(".") || "body"}: ${issue.message}): change it and try again.`);
    }
    const input = parsed.data;
    if (options.teacherPasscode && input.passcode !== options.teacherPasscode) {
      throw new ApiError(
        403,
        "passcode",
        input.passcode
          ? "That passcode is not the right one. Check it with whoever started this server (it is the TEACHER_PASSCODE they set), type it again and create the game."
          : "This server asks for a passcode before it creates a game. Type it under 'Server passcode' (whoever started this server set it as TEACHER_PASSCODE) and create the game again.",
      );
    }
    let teacherKey = input.teacherKey;
    let keyIsNew = false;
    if (teacherKey === undefined) {
      teacherKey = newSecret();
      keyIsNew = true;
    } else if (!isWellFormedKey(teacherKey)) {
      throw new ApiError(400, "bad-teacher-key", NOT_A_KEY);
    } else if ((await store.teacherGames(hashSecret(teacherKey))).length === 0) {
      // Only keys this server made: a key a teacher chose ("aaaa…") would be easy to guess.
      throw new ApiError(403, "unknown-teacher-key", "This server has no games under the teacher key this browser holds (its games were all deleted, or the key comes from another Entente server). Choose 'Forget this key' and create the game again: you will get a new key.");
    }
    const scenario = resolveScenario(input.scenario);
    const settings = settingsFor(scenario, input.settings ?? {}, newSeed());
    let code = newJoinCode();
    for (let tries = 0; await store.isCodeRunning(code); tries++) {
      if (tries > 50) throw new ApiError(503, "busy", "Every join code the server tried was already in use: create the game again.");
      code = newJoinCode();
    }
    const id = newId();
    // A storage fault here is answered `503 storage` (errors.ts) and nothing is stored.
    await store.createGame({ id, code, teacherHash: hashSecret(teacherKey), title: scenario.title, scenario, settings, createdAt: Date.now() });
    try {
      await matchMaker.createRoom("classroom", { gameId: id });
    } catch (err) {
      // No room, no game: a teacher must not find a "running" game that nobody can join.
      try {
        await store.deleteGame(id);
      } catch {
        // The row stays; it is listed "running" and comes back (with its room) at the next start.
      }
      throw err;
    }
    res.status(201).json({ gameId: id, code, teacherKey, teacherKeyIsNew: keyIsNew, settings } satisfies CreateGameResponse);
  });

  router.get("/games/:code", async (req, res) => {
    const code = normalizeCode(req.params.code);
    if (!isJoinCode(code)) throw new ApiError(400, "bad-code", "A join code has 6 letters and digits, like R3555Z: check it on the projector.");
    const game = await store.gameByCode(code);
    if (!game) throw new ApiError(404, "unknown-code", `No game has the code ${code}: check it on the projector.`);
    res.json({ code, title: game.title, status: statusOf(game) } satisfies GameLookupResponse);
  });

  router.get("/teacher/games", async (req, res) => {
    const hash = hashSecret(teacherKeyOf(req));
    const games = await store.teacherGames(hash);
    // A key that owns nothing is answered with an empty list, but counts as a guess.
    if (games.length === 0) void options.guards.wrongKeys.failed(options.addressOf(req));
    res.json({
      games: games.map((g) => ({
        gameId: g.id,
        code: g.code,
        title: g.title,
        scenarioId: g.scenario.id,
        status: statusOf(g),
        createdAt: g.createdAt,
        finishedAt: g.finishedAt,
        damage: g.damage,
      })),
    } satisfies TeacherGamesResponse);
  });

  router.delete("/games/:code", async (req, res) => {
    const game = await ownedGame(store, req);
    const local = matchMaker.getLocalRoomById(game.code) as ClassroomRoom | undefined;
    const room = local?.gameId === game.id ? local : undefined;
    if (game.status === "running" && !room && (local || game.host !== options.host)) {
      throw new ApiError(409, "running-elsewhere", "This game is running on another server process, so it cannot be deleted from here: end the game in its console first, then delete it.");
    }
    // The data first (a storage fault refuses the whole request and the room stays), then the room, running
    // or open for its end screens: nobody stays in a game that is gone.
    await store.deleteGame(game.id);
    if (room) await room.disconnect();
    else if (game.status === "finished") await closeElsewhere(game.code, game.id);
    res.json({ deleted: true, code: game.code, gameId: game.id } satisfies DeleteGameResponse);
  });
  return router;
}
