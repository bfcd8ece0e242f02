// The teacher key on a request (Authorization: Bearer <key>, or X-Teacher-Key),
// and the teacher's own game with the code in the path.
import type { Request } from "express";
import { isWellFormedKey, normalizeCode } from "../../shared/ids.js";
import { hashSecret } from "../keys.js";
import type { GameRecord, GameStore } from "../storage/store.js";
import { ApiError } from "./errors.js";

/** A key that is not well formed: what a teacher pasted wrong, and what to do. */
export const NOT_A_KEY = "That is not a teacher key. A teacher key is one long word of letters and digits (Entente showed it when you created your first game): copy it again whole and paste it without spaces.";

export function teacherKeyOf(req: Request): string {
  const header = req.get("authorization") ?? "";
  const key = header.startsWith("Bearer ") ? header.slice(7).trim() : (req.get("x-teacher-key") ?? "");
  if (!key) throw new ApiError(401, "teacher-key-required", "This browser does not have your teacher key. Paste it under 'I have a teacher key' on the teacher page (/teacher.html) to open your games.");
  if (!isWellFormedKey(key)) throw new ApiError(401, "bad-teacher-key", NOT_A_KEY);
  return key;
}

/** The teacher's own game with the code in the path, or 404 (also for another teacher's game). */
export async function ownedGame(store: GameStore, req: Request): Promise<GameRecord> {
  const hash = hashSecret(teacherKeyOf(req));
  const code = normalizeCode(String(req.params.code ?? ""));
  const game = await store.gameByCode(code);
  if (!game || game.teacherHash !== hash) {
    throw new ApiError(404, "unknown-game", `None of your games has the code ${code}. Check the code, or open this page in the browser where you created the game, or paste the teacher key you used for it under 'I have a teacher key' on the teacher page.`);
  }
  return game;
}
