// A classroom session around one game: who is in which team, who controls each
// state (a team, a bot of some theory, or nobody), the phase clock, chat and
// announcements. Like the game itself it is plain data, changed only by the
// pure reducer in ./reduce.ts, so that a session is rebuilt exactly from its
// log of entries (each with its time), e.g. after a server restart.
import type { Policy } from "../bots/policies.js";
import type { Crisis, Scenario } from "../scenario/schema.js";
import type { GameEvent, GameState, StateCommand } from "../rules/types.js";

export const CHAT_MODES = ["open", "private", "off"] as const;
/** open: public, private and team chat; private: private and team chat only; off: no chat. */
export type ChatMode = (typeof CHAT_MODES)[number];

/** Who plays a state: its team, a bot of a theory (or random), or nobody (its default decisions stand). */
export type SeatControl = "team" | "empty" | Policy;

export interface SessionSettings {
  rounds: number;
  /** Length of the diplomacy phase, in seconds. */
  diplomacySeconds: number;
  chatMode: ChatMode;
  scoring: "standard" | "challenge";
  /** "count": this many states are played by teams; "size": a new team opens when every team has this many students. */
  teams: { mode: "count" | "size"; value: number };
  /** What plays the states no team plays. */
  emptySeats: "empty" | Policy;
  seed: number;
}

export interface Student {
  id: string;
  /** As cleaned at the join (shared/classroom/nicknames.ts). */
  nickname: string;
  /** The nickname's look-alike key (nicknameSkeleton): one skeleton, one player. Computed when the join is reduced, never logged. */
  skeleton: string;
  /** The state whose team the student is in (null only if there is no team to join). */
  state: string | null;
  muted: boolean;
  /** Removed by the teacher: cannot come back under this nickname. */
  removed: boolean;
  /** Hash of the student's personal rejoin key (the key itself is only in the student's browser and link). */
  keyHash: string;
}

export type Speaker = { kind: "teacher" } | { kind: "student"; studentId: string; nickname: string; state: string | null };

export interface ChatMessage {
  id: number;
  at: number;
  round: number;
  from: Speaker;
  /** "public", "team:<state>" or "private:<a>|<b>" (the two state ids sorted). */
  channel: string;
  text: string;
}

export interface Clock {
  /** When the diplomacy phase ends (ms since the epoch), while it runs. */
  deadline: number | null;
  /** Milliseconds left, while paused. */
  remaining: number | null;
}

export type Phase = "lobby" | "diplomacy" | "review" | "ended";

export interface Guess {
  /** The guessing team's state, and the state whose theory it guesses. */
  by: string;
  about: string;
  theory: import("../theory/world.js").Theory;
  at: number;
}

/**
 * Someone asked to come back as a student who is not connected, without that student's rejoin key
 * (a new device, or an impostor): the teacher lets them in or refuses. `claimHash` is the hash of the
 * key the asking browser made; letting in makes it the student's rejoin key.
 */
export interface SeatRequest {
  id: number;
  studentId: string;
  claimHash: string;
  at: number;
}

export interface Session {
  code: string;
  scenario: Scenario;
  settings: SessionSettings;
  phase: Phase;
  paused: boolean;
  clock: Clock;
  game: GameState;
  students: Record<string, Student>;
  /** States designated for teams, in the order they were opened. */
  teams: string[];
  control: Record<string, SeatControl>;
  chat: ChatMessage[];
  announcements: { at: number; round: number; text: string }[];
  /** The teacher took the latest announcement down (until the next one): see currentAnnouncement in announcements.ts. */
  announcementCleared: boolean;
  /** Whether students see the theories' predictions and reasons (at the start: true, but false in the theory challenge; the teacher's `predictions` command). */
  showPredictions: boolean;
  /** Theory-challenge mode: each team's latest guess of another team's dealt theory. */
  guesses: Guess[];
  /** Everything that happened, in order, for the timeline and the report. */
  timeline: TimelineEntry[];
  createdAt: number;
  /** The teacher closed the game to new students (students already in come back as before). */
  locked: boolean;
  /** Requests to come back as a disconnected student, waiting for the teacher. */
  seatRequests: SeatRequest[];
  /** Hashes of the claim keys the teacher refused: they are refused again at once. */
  refusedClaims: string[];
}

export type SessionEvent =
  | GameEvent
  | { type: "studentJoined"; studentId: string; nickname: string; state: string | null }
  | { type: "studentMoved"; studentId: string; from: string | null; to: string }
  | { type: "studentRemoved"; studentId: string; nickname: string }
  | { type: "studentMuted"; studentId: string; muted: boolean }
  | { type: "gameStarted" }
  | { type: "paused" }
  | { type: "resumed"; remainingMs: number }
  | { type: "extended"; seconds: number }
  | { type: "seatChanged"; state: string; control: SeatControl }
  | { type: "announcement"; text: string }
  | { type: "announcementCleared" }
  | { type: "chat"; message: ChatMessage }
  | { type: "predictionsShown"; show: boolean }
  | { type: "guessed"; by: string; about: string }
  | { type: "clockRestored"; remainingMs: number }
  | { type: "lobbyLocked"; locked: boolean }
  | { type: "seatRequested"; requestId: number; studentId: string; nickname: string }
  | { type: "seatRequestAnswered"; requestId: number; studentId: string; nickname: string; approved: boolean };

export interface TimelineEntry {
  at: number;
  round: number;
  event: SessionEvent;
}

/** Who sent an entry: the teacher, a student, the server itself (joins, the clock), or a projector (which may do nothing). */
export type Actor = { kind: "teacher" } | { kind: "student"; studentId: string } | { kind: "system" } | { kind: "projector" };

/** A state command as a student sends it: the state is the student's own, filled in by the reducer. */
export type GameMove = StateCommand extends infer C ? (C extends { by: string } ? Omit<C, "by"> : never) : never;

export type SessionCommand =
  | { type: "join"; studentId: string; nickname: string; keyHash: string }
  /** Removes students (several at once). `{studentId}` is the form stored by earlier versions, still replayed. */
  | { type: "kick"; studentIds: string[] }
  | { type: "kick"; studentId: string }
  | { type: "lock"; locked: boolean }
  /** The server: someone asked to come back as this student (see SeatRequest). */
  | { type: "requestSeat"; studentId: string; claimHash: string }
  /** The teacher's answer to a request: let in (the claim becomes the student's rejoin key) or refuse. */
  | { type: "answerSeat"; requestId: number; approve: boolean }
  | { type: "move"; studentId: string; state: string }
  | { type: "mute"; studentId: string; muted: boolean }
  | { type: "start" }
  | { type: "pause" }
  | { type: "resume" }
  | { type: "extend"; seconds: number }
  | { type: "advance" }
  | { type: "deadline" }
  | { type: "end" }
  | { type: "seat"; state: string; control: SeatControl }
  | { type: "announce"; text: string }
  /** Take the announcement down: pages stop showing it (it stays in the timeline). */
  | { type: "clearAnnouncement" }
  /** A crisis of the scenario, by id, or one the teacher typed live (its id is "live-<seq>"). */
  | { type: "crisis"; crisisId: string }
  | { type: "crisis"; title: string; text: string }
  /** The form stored by earlier versions: the whole crisis. Still replayed. */
  | { type: "crisis"; crisis: Crisis }
  | { type: "chat"; channel: string; text: string }
  | { type: "play"; move: GameMove }
  | { type: "showPredictions"; show: boolean }
  | { type: "guess"; about: string; theory: import("../theory/world.js").Theory }
  | { type: "clockRestored"; remainingMs: number };

export interface LogEntry {
  seq: number;
  at: number;
  actor: Actor;
  command: SessionCommand;
}

export const SESSION_REFUSALS = [
  "not-allowed",
  "challenge-only",
  "no-such-request",
  "lobby",
  "started",
  "paused",
  "bot-seat",
  "no-team",
  "nickname",
  "removed",
  "unknown-student",
  "chat",
  "muted",
  "stale",
] as const;

export interface SessionRefusal {
  code: (typeof SESSION_REFUSALS)[number] | import("../rules/types.js").RefusalCode;
  message: string;
}

export type SessionOutcome =
  | { ok: true; state: Session; events: SessionEvent[] }
  | { ok: false; refusal: SessionRefusal };
