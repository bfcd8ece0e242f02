// The message catalogue: every message a client may send to a classroom session,
// with its payload schema, and the messages the server sends back. Client and
// server both import this module; docs/protocol.md describes the same list.
import { z } from "zod";
import { POLICIES } from "../bots/policies.js";
import { KEY, STATE_ID } from "../ids.js";
import { THEORIES } from "../theory/world.js";

const id = z.string().regex(STATE_ID, { error: "must be a state id" });
/** Optional request id, echoed in the "ack" or "error" reply. */
const ref = z.union([z.string().max(64), z.number().int()]).optional();
const percent = z.number().int().min(0).max(100);

export const CONTROL_VALUES = ["team", "empty", ...POLICIES] as const;

/** Messages a student sends for their own state (the state is never in the payload: the server knows it). */
export const studentMessages = {
  offer: z.strictObject({ ref, to: id }),
  accept: z.strictObject({ ref, from: id }),
  decline: z.strictObject({ ref, from: id }),
  withdraw: z.strictObject({ ref, to: id }),
  leave: z.strictObject({ ref, ally: id }),
  stay: z.strictObject({ ref, ally: id }),
  budget: z.strictObject({ ref, economy: percent, defense: percent, offense: percent }),
  /** At most one action a round: none, or a threat or an attack, which need a target. */
  action: z.union([
    z.strictObject({ ref, kind: z.literal("none"), target: id.optional() }),
    z.strictObject({ ref, kind: z.enum(["threaten", "attack"]), target: id }),
  ], { error: 'must be {"kind": "none"} or {"kind": "threaten" or "attack", "target": a state id}' }),
  ready: z.strictObject({ ref, ready: z.boolean() }),
  /** Theory-challenge mode, after a round: guess another state's secret theory. */
  guess: z.strictObject({ ref, about: id, theory: z.enum(THEORIES) }),
} as const;

/** Chat, from a student or the teacher. Channel: "public", "team:<state>" or "private:<a>|<b>". */
export const chatMessages = {
  chat: z.strictObject({ ref, channel: z.string().max(40), text: z.string().min(1).max(500) }),
} as const;

const studentId = z.string().min(1).max(64);

/** Messages only the teacher may send. */
export const teacherMessages = {
  start: z.strictObject({ ref }),
  pause: z.strictObject({ ref }),
  resume: z.strictObject({ ref }),
  extend: z.strictObject({ ref, seconds: z.number().int().min(1).max(1800) }),
  advance: z.strictObject({ ref }),
  end: z.strictObject({ ref }),
  /** Remove one student, or several at once. */
  kick: z.union([z.strictObject({ ref, studentId }), z.strictObject({ ref, studentIds: z.array(studentId).min(1).max(600) })]),
  /** Close the game to new students (true) or open it again (false). */
  lock: z.strictObject({ ref, locked: z.boolean() }),
  /** Answer a request to come back as a student (the "seatRequests" message lists them). */
  answerSeat: z.strictObject({ ref, requestId: z.number().int().min(1), approve: z.boolean() }),
  move: z.strictObject({ ref, studentId, state: id }),
  mute: z.strictObject({ ref, studentId, muted: z.boolean() }),
  seat: z.strictObject({ ref, state: id, control: z.enum(CONTROL_VALUES) }),
  announce: z.strictObject({ ref, text: z.string().min(1).max(500) }),
  /** Take the announcement down (refused with "stale" when none is shown). */
  clearAnnouncement: z.strictObject({ ref }),
  crisis: z.union([
    z.strictObject({ ref, crisisId: z.string().min(1).max(40) }),
    z.strictObject({ ref, title: z.string().min(1).max(80), text: z.string().min(1).max(1000) }),
  ]),
  predictions: z.strictObject({ ref, show: z.boolean() }),
} as const;

/**
 * Not a game command: the connection's heartbeat, from any role. The room answers "pong" with the request id
 * and its clock, and changes nothing (no ack, no log entry); it counts against the message limits like any message.
 */
export const heartbeatMessages = {
  ping: z.strictObject({ ref }),
} as const;

export type HeartbeatMessage = keyof typeof heartbeatMessages;
export type PingPayload = z.infer<typeof heartbeatMessages.ping>;

export type StudentMessage = keyof typeof studentMessages;
export type TeacherMessage = keyof typeof teacherMessages;
export type ClientMessage = StudentMessage | TeacherMessage | "chat";
export type Payload<K extends ClientMessage> = K extends StudentMessage
  ? z.infer<(typeof studentMessages)[K]>
  : K extends TeacherMessage
    ? z.infer<(typeof teacherMessages)[K]>
    : z.infer<(typeof chatMessages)["chat"]>;

export const CLIENT_MESSAGES: readonly ClientMessage[] = [
  ...(Object.keys(studentMessages) as StudentMessage[]),
  ...(Object.keys(teacherMessages) as TeacherMessage[]),
  "chat",
];

export function schemaFor(type: string): z.ZodType | undefined {
  if (type in studentMessages) return studentMessages[type as StudentMessage];
  if (type in teacherMessages) return teacherMessages[type as TeacherMessage];
  if (type === "chat") return chatMessages.chat;
  return undefined;
}

/** Join options, by role (sent with `joinById`). */
export const joinOptions = z.union([
  z.strictObject({
    role: z.literal("student"),
    nickname: z.string().max(1000).optional(),
    /** The personal rejoin key given at the first join (also in the rejoin link). */
    rejoinKey: z.string().max(100).optional(),
    /**
     * A random key this browser made (22+ URL-safe characters), sent with a nickname that is already in the
     * game: the teacher is asked to let this browser in, and if they do, the key becomes the student's rejoin key.
     */
    claim: z.string().regex(KEY, { error: "must be 22 to 200 letters, digits, - or _" }).optional(),
  }),
  z.strictObject({ role: z.literal("teacher"), teacherKey: z.string().min(1).max(200) }),
  z.strictObject({ role: z.literal("projector") }),
]);
export type JoinOptions = z.infer<typeof joinOptions>;

/**
 * Validates a message of a known type against the catalogue: its payload, or a
 * "bad-message" refusal naming the first problem (`Malformed "offer" message: to: must be a state id.`).
 */
export function parseMessage<K extends ClientMessage>(type: K, payload: unknown): Parsed<Payload<K>> {
  return parseWith(schemaFor(type)!, type, payload) as Parsed<Payload<K>>;
}

/** Validates a "ping" payload, as parseMessage does a command's. */
export function parsePing(payload: unknown): Parsed<PingPayload> {
  return parseWith(heartbeatMessages.ping, "ping", payload);
}

type Parsed<T> = { ok: true; payload: T } | { ok: false; refusal: { code: "bad-message"; message: string } };

function parseWith<T>(schema: z.ZodType<T>, type: string, payload: unknown): Parsed<T> {
  const parsed = schema.safeParse(payload ?? {});
  if (parsed.success) return { ok: true, payload: parsed.data };
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
  return { ok: false, refusal: { code: "bad-message", message: `Malformed "${type}" message: ${where}${issue?.message ?? "invalid"}.` } };
}

/** The request id of a payload, if it has a usable one (any other value is ignored, never converted). */
export function refOf(payload: unknown): string | number | undefined {
  if (payload && typeof payload === "object" && "ref" in payload) {
    const ref = payload.ref;
    if (typeof ref === "string" && ref.length <= 64) return ref;
    if (typeof ref === "number" && Number.isInteger(ref)) return ref;
  }
  return undefined;
}
