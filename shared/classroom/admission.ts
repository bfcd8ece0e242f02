// Who may join a game, and as whom: the teacher with the game's teacher key,
// a projector, a student with their rejoin key, or a student with a nickname
// (a new seat; or, for a nickname already in the game, the seat back only with
// the teacher's approval). The room supplies what only it can know: whether a
// key matches (hashing is the server's) and who is connected or about to be;
// the decision is here. The room asks twice: when a seat is reserved (the
// matchmaking request) and when the WebSocket connects.
import { CLOSE, type CloseCode } from "../protocol/close-codes.js";
import type { JoinOptions } from "../protocol/messages.js";
import { checkNickname, findStudentByNickname, nicknameInUse } from "./students.js";
import type { Actor, Session } from "./types.js";

/** How many of each a game takes. */
export const ADMISSION_LIMITS = {
  /** Students in one game, removed ones included (the classroom handbook: 10 to 400). */
  students: 600,
  /** Projector connections, connected or reserved. */
  projectors: 10,
  /** Connections one student may have open at once (a phone, a laptop, a reload in progress). */
  connectionsPerStudent: 4,
  /** New students (and projectors) whose seat is reserved but who have not connected yet. */
  pendingNewcomers: 60,
} as const;

export interface AdmissionFacts {
  /** The teacher key given (if any) is this game's. */
  teacherKeyMatches: boolean;
  /** The student whose rejoin key was given, if the key opens a seat of this game. */
  rejoinStudentId: string | null;
  /** The student whose key matches the claim key given (once the teacher let its browser in). */
  claimStudentId: string | null;
  /** How many connections a student has open now (or reserved). */
  connections: (studentId: string) => number;
  /** Projector connections open or reserved now. */
  projectors: number;
  /** New students and projectors with a reserved seat, not yet connected. */
  pendingNewcomers: number;
}

export type Admission =
  /** In, as this actor (a returning student keeps their id). */
  | { ok: true; actor: Actor; nickname?: string }
  /** A new student with this (normalized) nickname: the room gives them an id and a rejoin key, then stores the join. */
  | { ok: true; newStudent: { nickname: string } }
  /**
   * Refused. `askTeacher`: the nickname belongs to a student who is not connected: with a claim key, the
   * room files a request to come back (requestSeat) for the teacher to answer. `wrongKey`: a teacher key
   * that does not open this game (counted against guessing).
   */
  | { ok: false; close: CloseCode; message: string; askTeacher?: { studentId: string }; wrongKey?: true };

type Refusal = Extract<Admission, { ok: false }>;
const no = (close: CloseCode, message: string): Refusal => ({ ok: false, close, message });

/** Decides a join. `options` have been validated against the catalogue's join options. */
export function admit(session: Session, options: JoinOptions, facts: AdmissionFacts): Admission {
  if (options.role === "projector") {
    if (facts.projectors >= ADMISSION_LIMITS.projectors) return no(CLOSE.FULL, `This game already has ${ADMISSION_LIMITS.projectors} projectors.`);
    if (facts.pendingNewcomers >= ADMISSION_LIMITS.pendingNewcomers) return no(CLOSE.TOO_MANY, "Many people are joining right now: try again in a few seconds.");
    return { ok: true, actor: { kind: "projector" } };
  }
  if (options.role === "teacher") {
    return facts.teacherKeyMatches ? { ok: true, actor: { kind: "teacher" } } : { ...no(CLOSE.FORBIDDEN, "This teacher key does not open this game."), wrongKey: true };
  }
  if (options.rejoinKey) {
    const student = facts.rejoinStudentId ? session.students[facts.rejoinStudentId] : undefined;
    if (!student) return no(CLOSE.NOT_FOUND, "This rejoin link is not valid for this game.");
    return returning(session, student.id, facts);
  }
  const checked = checkNickname(options.nickname ?? "");
  if (!checked.ok) return no(CLOSE.BAD_NICKNAME, checked.message);
  const nickname = checked.nickname;
  const existing = findStudentByNickname(session, nickname);
  if (existing?.removed) return no(CLOSE.FORBIDDEN, "The teacher removed this player from the game.");
  if (existing) {
    // The teacher let this browser in: its claim key is now the student's rejoin key.
    if (facts.claimStudentId === existing.id) return returning(session, existing.id, facts);
    if (facts.connections(existing.id) > 0) return no(CLOSE.NICKNAME_TAKEN, `${nicknameInUse(nickname, existing.nickname)} is already playing in this game: choose another nickname.`);
    return {
      ...no(CLOSE.NEEDS_APPROVAL, `"${existing.nickname}" is already in this game. If that is you, your teacher can let you back in: they have been asked. Otherwise, choose another nickname.`),
      askTeacher: { studentId: existing.id },
    };
  }
  if (session.phase === "ended") return no(CLOSE.GAME_OVER, "This game is over: it takes no new players.");
  if (session.locked) return no(CLOSE.LOCKED, "The teacher has closed this game to new players: ask them to open it.");
  if (Object.keys(session.students).length >= ADMISSION_LIMITS.students) return no(CLOSE.FULL, `This game is full (${ADMISSION_LIMITS.students} players).`);
  if (facts.pendingNewcomers >= ADMISSION_LIMITS.pendingNewcomers) return no(CLOSE.TOO_MANY, "Many people are joining right now: try again in a few seconds.");
  return { ok: true, newStudent: { nickname } };
}

/** A student who proved who they are (rejoin key, or a claim the teacher approved). */
function returning(session: Session, studentId: string, facts: AdmissionFacts): Admission {
  const student = session.students[studentId]!;
  if (student.removed) return no(CLOSE.FORBIDDEN, "The teacher removed you from this game.");
  if (facts.connections(studentId) >= ADMISSION_LIMITS.connectionsPerStudent) {
    return no(CLOSE.TOO_MANY, `You are already connected on ${ADMISSION_LIMITS.connectionsPerStudent} devices or tabs: close one and try again.`);
  }
  return { ok: true, actor: { kind: "student", studentId }, nickname: student.nickname };
}

/** The close code for a refused "join" entry (the reducer's refusal code, or `storage` when it could not be saved: try again). */
export function joinRefusalClose(code: string): CloseCode {
  if (code === "storage") return CLOSE.NOT_READY;
  return code === "game-over" ? CLOSE.GAME_OVER : code === "nickname" ? CLOSE.NICKNAME_TAKEN : CLOSE.BAD_NICKNAME;
}
