// The teacher key on a request (Authorization: Bearer <key>, or X-Teacher-Key),
// and the teacher's own game with the code in the path.
import type { Request } from "express";
import { isWellFormedKey, normalizeCode } from "../../shared/ids.js";
import { hashSecret } from "../keys.js";
import type { GameRecord, GameStore } from "../storage/games.js";
import { ApiError } from "./errors.js";

export function teacherKeyOf(req: Request): string {
  const header = req.get("authorization") ?? "";
  const key = header.startsWith("Bearer ") ? header.slice(7).trim() : (req.get("x-teacher-key") ?? "");
  if (!key) throw new ApiError(401, "teacher-key-required", "Send the teacher key (Authorization: Bearer <key>).");
  if (!isWellFormedKey(key)) throw new ApiError(401, "bad-teacher-key", "That is not a teacher key.");
  return key;
}

/** The teacher's own game with the code in the path, or 404 (also for another teacher's game). */
export function ownedGame(store: GameStore, req: Request): GameRecord {
  const hash = hashSecret(teacherKeyOf(req));
  const code = normalizeCode(String(req.params.code ?? ""));
  const game = store.gameByCode(code);
  if (!game || game.teacherHash !== hash) throw new ApiError(404, "unknown-game", "No game of yours has that code.");
  return game;
}
