// Who may join a game, and as whom: the teacher with the game's teacher key,
// a projector, a student with their rejoin key, or a student with a nickname
// (their own seat back if it is free, else a new seat). The room supplies what
// only it can know: whether a key matches (hashing is the server's) and who is
// connected now; the decision is here.
import { CLOSE, type CloseCode } from "../protocol/close-codes.js";
import type { JoinOptions } from "../protocol/messages.js";
import { checkNickname, findStudentByNickname, nicknameInUse } from "./students.js";
import type { Actor, Session } from "./types.js";

export interface AdmissionFacts {
  /** The teacher key given (if any) is this game's. */
  teacherKeyMatches: boolean;
  /** The student whose rejoin key was given, if the key opens a seat of this game. */
  rejoinStudentId: string | null;
  /** How many connections a student has open now. */
  connections: (studentId: string) => number;
}

export type Admission =
  /** In, as this actor (a returning student keeps their id). */
  | { ok: true; actor: Actor; nickname?: string }
  /** A new student with this (normalized) nickname: the room gives them an id and a rejoin key, then stores the join. */
  | { ok: true; newStudent: { nickname: string } }
  | { ok: false; close: CloseCode; message: string };

const no = (close: CloseCode, message: string): Admission => ({ ok: false, close, message });

/** Decides a join. `options` have been validated against the catalogue's join options. */
export function admit(session: Session, options: JoinOptions, facts: AdmissionFacts): Admission {
  if (options.role === "projector") return { ok: true, actor: { kind: "projector" } };
  if (options.role === "teacher") {
    return facts.teacherKeyMatches ? { ok: true, actor: { kind: "teacher" } } : no(CLOSE.FORBIDDEN, "This teacher key does not open this game.");
  }
  if (options.rejoinKey) {
    const student = facts.rejoinStudentId ? session.students[facts.rejoinStudentId] : undefined;
    if (!student) return no(CLOSE.NOT_FOUND, "This rejoin link is not valid for this game.");
    if (student.removed) return no(CLOSE.FORBIDDEN, "The teacher removed you from this game.");
    return { ok: true, actor: { kind: "student", studentId: student.id }, nickname: student.nickname };
  }
  const checked = checkNickname(options.nickname ?? "");
  if (!checked.ok) return no(CLOSE.BAD_NICKNAME, checked.message);
  const nickname = checked.nickname;
  const existing = findStudentByNickname(session, nickname);
  if (existing?.removed) return no(CLOSE.FORBIDDEN, "The teacher removed this player from the game.");
  if (existing) {
    if (facts.connections(existing.id) > 0) return no(CLOSE.NICKNAME_TAKEN, `${nicknameInUse(nickname, existing.nickname)} is already playing in this game: choose another nickname.`);
    // Same code and nickname, not connected: the student gets their seat back.
    return { ok: true, actor: { kind: "student", studentId: existing.id }, nickname: existing.nickname };
  }
  if (session.phase === "ended") return no(CLOSE.GAME_OVER, "This game is over: it takes no new players.");
  return { ok: true, newStudent: { nickname } };
}

/** The close code for a refused "join" entry (the reducer's refusal code). */
export function joinRefusalClose(code: string): CloseCode {
  return code === "game-over" ? CLOSE.GAME_OVER : code === "nickname" ? CLOSE.NICKNAME_TAKEN : CLOSE.BAD_NICKNAME;
}
