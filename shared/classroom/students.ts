// Students: their nicknames (cleaned and checked in nicknames.ts, compared by
// look-alike skeleton in look-alike.ts) and look-ups.
import { nicknameSkeleton } from "./look-alike.js";
import type { Session, Student } from "./types.js";

export { checkNickname, MAX_NICKNAME, nicknameInUse, normalizeNickname } from "./nicknames.js";
export { nicknameSkeleton } from "./look-alike.js";

/**
 * The student whose nickname looks the same as this one (same skeleton: case, invisible
 * characters, compatibility forms and confusable letters of other scripts aside), removed
 * students included: a removed "Bob" also holds "B\u200bob" and "Вob" (Cyrillic В).
 */
export function findStudentByNickname(session: Pick<Session, "students">, nickname: string): Student | undefined {
  const skeleton = nicknameSkeleton(nickname);
  return Object.values(session.students).find((s) => s.skeleton === skeleton);
}

/** A student by id; only the session's own entries count (an id like "constructor" is just unknown). */
export function studentOf(session: Pick<Session, "students">, id: string) {
  return Object.hasOwn(session.students, id) ? session.students[id] : undefined;
}

/** The student whose rejoin key has this hash (the server hashes; keys are never stored). */
export function studentByKeyHash(session: Pick<Session, "students">, keyHash: string) {
  return Object.values(session.students).find((s) => s.keyHash === keyHash);
}
