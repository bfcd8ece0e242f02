// Students: their nicknames (normalized, compared without case) and look-ups.
import type { Session } from "./types.js";

export const MAX_NICKNAME = 24;

/** Nicknames: trimmed, inner spaces collapsed, 1 to 24 characters, no control characters. */
export function normalizeNickname(raw: string): string | null {
  // eslint-disable-next-line no-control-regex -- the point of this regex: strip control characters (U+0000 to U+001F, DEL) from nicknames
  const clean = raw.replace(/[\u0000-\u001f\u007f]/g, "").replace(/\s+/g, " ").trim();
  if (clean.length === 0 || clean.length > MAX_NICKNAME) return null;
  return clean;
}

function nicknameKey(n: string): string {
  return n.toLocaleLowerCase("en-US");
}

export function findStudentByNickname(session: Session, nickname: string) {
  const key = nicknameKey(nickname);
  return Object.values(session.students).find((s) => nicknameKey(s.nickname) === key);
}

/** A student by id; only the session's own entries count (an id like "constructor" is just unknown). */
export function studentOf(session: Pick<Session, "students">, id: string) {
  return Object.hasOwn(session.students, id) ? session.students[id] : undefined;
}

/** The student whose rejoin key has this hash (the server hashes; keys are never stored). */
export function studentByKeyHash(session: Pick<Session, "students">, keyHash: string) {
  return Object.values(session.students).find((s) => s.keyHash === keyHash);
}
