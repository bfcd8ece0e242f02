// What the server sends to a client, by message type, with each payload's
// shape. The room sends exactly these; the client's connection types its
// handlers by them (see docs/protocol.md).
import type { ChatMessage, SessionEvent, SessionRefusal } from "../classroom/types.js";
import type { ClientMessage } from "./messages.js";

/** A request id chosen by the client, echoed in the ack or error reply. */
export type Ref = string | number;

/** The protocol's own refusals (the model's refusals have their own codes). */
export const PROTOCOL_ERRORS = ["bad-message", "unknown-message", "rate-limited", "storage"] as const;
export type ProtocolError = (typeof PROTOCOL_ERRORS)[number];
export type ErrorCode = ProtocolError | SessionRefusal["code"];

export interface CrisisEntry {
  id: string;
  title: string;
  round: number | null;
  /** It has broken out already (scheduled, or injected by the teacher). */
  fired: boolean;
}

export interface ServerMessages {
  /** After joining (and after every reconnection): who you are. */
  welcome: {
    role: "teacher" | "student" | "projector";
    code: string;
    studentId: string | null;
    nickname: string | null;
    /** The student's team's state, or null. */
    state: string | null;
    /** Only at a student's first join: their personal rejoin key (keep it: it is their way back). */
    rejoinKey: string | null;
    /** The server's clock (ms since the epoch), so that a client counts down to `deadline` whatever its own clock says. */
    serverTime: number;
    /** The teacher's list of the scenario's crises; empty for others. */
    crises: CrisisEntry[];
  };
  /** A command was accepted and stored. */
  ack: { ref: Ref | null; type: ClientMessage; seq: number };
  /** A command was refused, or a message was malformed or rate-limited. Nothing changed. */
  error: { ref: Ref | null; type: string; code: ErrorCode; message: string };
  /** Something happened that this client may see. */
  event: { round: number; at: number; event: SessionEvent };
  /** A chat message this client may read. */
  chat: ChatMessage;
  /** On join: the chat messages this client may read so far (the latest CHAT_HISTORY_LIMIT). */
  chatHistory: { messages: ChatMessage[] };
  /** To the teacher, on join and whenever they change: the requests to come back as a student, oldest first. */
  seatRequests: { requests: SeatRequestEntry[] };
  /** The answer to a "ping" (the heartbeat): its request id and the server's clock (ms since the epoch). */
  pong: { ref: Ref | null; serverTime: number };
}

/** A request to come back as a student who is not connected (see the "answerSeat" message). */
export interface SeatRequestEntry {
  id: number;
  studentId: string;
  nickname: string;
  /** The student's team's state, or null. */
  state: string | null;
  /** When it was asked (server time, ms). */
  at: number;
}

/** How many chat messages a client gets on join (the latest ones it may read). */
export const CHAT_HISTORY_LIMIT = 200;

export type ServerMessage = keyof ServerMessages;
export const SERVER_MESSAGES: readonly ServerMessage[] = ["welcome", "ack", "error", "event", "chat", "chatHistory", "seatRequests", "pong"];
