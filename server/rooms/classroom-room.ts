// One classroom game. The room is a thin keeper: it validates each message
// against the shared catalogue, turns it into a session command, lets the
// session reducer decide (who may do what included), stores the accepted entry
// before acknowledging it, mirrors the result into the synchronized state and
// sends each event to those who may see it. No game rule lives here.
import { Room, ServerError, type Client } from "@colyseus/core";
import { StateView } from "@colyseus/schema";
import { admit, joinRefusalClose } from "../../shared/classroom/admission.js";
import { canRead } from "../../shared/classroom/chat.js";
import { crisisMenu } from "../../shared/classroom/crises.js";
import { reduceSession, replaySession } from "../../shared/classroom/reduce.js";
import { createSession } from "../../shared/classroom/setup.js";
import { studentByKeyHash, studentOf } from "../../shared/classroom/students.js";
import type { Actor, LogEntry, Session, SessionCommand, SessionEvent, SessionRefusal } from "../../shared/classroom/types.js";
import { viewerOf } from "../../shared/classroom/visibility.js";
import { CLOSE } from "../../shared/protocol/close-codes.js";
import { toCommand } from "../../shared/protocol/commands.js";
import { CLIENT_MESSAGES, joinOptions, parseMessage, refOf, type ClientMessage } from "../../shared/protocol/messages.js";
import type { ErrorCode, Ref } from "../../shared/protocol/server-messages.js";
import { buildGameReport } from "../../shared/report/game-report.js";
import { hashSecret, newId, newSecret } from "../keys.js";
import type { GameRecord, GameStore } from "../storage/games.js";
import { deliver, send } from "./delivery.js";
import { mirror } from "./mirror.js";
import { RateLimiter } from "./rate-limit.js";
import { ClassroomSchema } from "./schema.js";
import { clientsOfStudent, ConnectedStudents, connectionOf, type Connection } from "./connections.js";
import { NOTHING_SHOWN, refreshView } from "./views.js";

export interface RoomContext {
  store: GameStore;
  /** Seconds a dropped client keeps its seat for automatic reconnection. */
  reconnectSeconds: number;
  /** How long a finished game's room stays open for the end screens, in ms. */
  endLingerMs: number;
  /** The time (ms since the epoch): Date.now, or a test's clock. */
  now: () => number;
}

let context: RoomContext | null = null;

/** Set once by the server before any room is created (rooms need the store and the clock). */
export function setRoomContext(c: RoomContext): void {
  context = c;
}

interface Auth {
  actor: Actor;
  nickname?: string;
  /** A new student: given their personal rejoin key, and joined (stored) in onJoin. */
  rejoinKey?: string;
}

type Result = { ok: true; seq: number } | { ok: false; refusal: { code: ErrorCode; message: string } };

export class ClassroomRoom extends Room<ClassroomSchema> {
  override maxClients = 2000;
  /** The session as it stands (for tests and the HTTP API: read only). */
  session!: Session;
  private ctx!: RoomContext;
  private record!: GameRecord;
  private seq = 0;
  private finished = false;
  private readonly connected = new ConnectedStudents();
  private readonly pendingReconnections = new Map<string, ReturnType<Room["allowReconnection"]>>();

  override onCreate(options: { gameId?: string; restore?: boolean }): void {
    if (!context) throw new ServerError(CLOSE.NOT_READY, "the server is not ready");
    this.ctx = context;
    const record = options.gameId ? this.ctx.store.game(options.gameId) : null;
    if (!record) throw new ServerError(CLOSE.NOT_FOUND, "no such game");
    this.record = record;
    this.roomId = record.code;
    this.autoDispose = false;
    const log = this.ctx.store.entries(record.id);
    const { state, skipped } = replaySession(createSession(record.scenario, record.settings, record.code, record.createdAt), log);
    if (skipped.length > 0) console.warn(`game ${record.code}: ${skipped.length} stored entries were refused on replay`);
    this.session = state;
    this.seq = log[log.length - 1]?.seq ?? 0;
    this.state = new ClassroomSchema();
    mirror(this.session, this.state, new Set());
    if (options.restore && this.session.phase === "diplomacy" && !this.session.paused && this.session.clock.deadline !== null) {
      // The server stopped with the clock running: give back the time that was left when it was last seen.
      this.apply({ kind: "system" }, { type: "clockRestored", remainingMs: Math.max(0, this.session.clock.deadline - record.lastSeenAt) });
    }
    for (const type of CLIENT_MESSAGES) this.onMessage(type, (client, payload) => this.handle(client, type, payload));
    // Unknown types (also Colyseus' own fallback name, which would otherwise close the client).
    this.onMessage("*", (client, type, payload) => this.unknown(client, type, payload));
    this.onMessage("__no_message_handler", (client, payload) => this.unknown(client, "__no_message_handler", payload));
    this.clock.setInterval(() => this.tick(), 250);
    this.clock.setInterval(() => this.ctx.store.heartbeat(record.id, this.ctx.now()), 2000);
    this.ctx.store.heartbeat(record.id, this.ctx.now());
    void this.setMetadata({ title: record.title });
  }

  // --- joining ---------------------------------------------------------------

  override onAuth(_client: Client, raw: unknown): Auth {
    const parsed = joinOptions.safeParse(raw ?? {});
    if (!parsed.success) throw new ServerError(CLOSE.BAD_JOIN, "Join with a role: student (with a nickname), teacher (with the teacher key) or projector.");
    const options = parsed.data;
    const decision = admit(this.session, options, {
      teacherKeyMatches: options.role === "teacher" && hashSecret(options.teacherKey) === this.record.teacherHash,
      rejoinStudentId: options.role === "student" && options.rejoinKey ? (studentByKeyHash(this.session, hashSecret(options.rejoinKey))?.id ?? null) : null,
      connections: (id) => this.connected.of(id),
    });
    if (!decision.ok) throw new ServerError(decision.close, decision.message);
    if ("newStudent" in decision) {
      return { actor: { kind: "student", studentId: newId().slice(0, 12) }, nickname: decision.newStudent.nickname, rejoinKey: newSecret() };
    }
    return { actor: decision.actor, ...(decision.nickname !== undefined ? { nickname: decision.nickname } : {}) };
  }

  override onJoin(client: Client, _options: unknown, auth: Auth): void {
    if (auth.rejoinKey !== undefined && auth.actor.kind === "student") {
      const joined = this.apply({ kind: "system" }, { type: "join", studentId: auth.actor.studentId, nickname: auth.nickname ?? "", keyHash: hashSecret(auth.rejoinKey) });
      if (!joined.ok) throw new ServerError(joinRefusalClose(joined.refusal.code), joined.refusal.message);
    }
    client.userData = { actor: auth.actor, limiter: new RateLimiter(20, 10, this.ctx.now()), shown: NOTHING_SHOWN } satisfies Connection;
    if (auth.actor.kind !== "projector") client.view = new StateView();
    this.seated(client, auth.rejoinKey ?? null);
  }

  override async onLeave(client: Client, consented: boolean): Promise<void> {
    const conn = connectionOf(client);
    if (!conn) return;
    this.connected.change(conn.actor, -1);
    mirror(this.session, this.state, this.connected.ids());
    const studentId = conn.actor.kind === "student" ? conn.actor.studentId : null;
    const removed = studentId !== null && studentOf(this.session, studentId)?.removed;
    if (consented || removed || this.session.phase === "ended") return;
    try {
      const pending = this.allowReconnection(client, this.ctx.reconnectSeconds);
      if (studentId) this.pendingReconnections.set(studentId, pending);
      const back = await pending;
      if (studentId) {
        this.pendingReconnections.delete(studentId);
        if (studentOf(this.session, studentId)?.removed) {
          back.leave(CLOSE.FORBIDDEN, "The teacher removed you from this game.");
          return;
        }
      }
      this.seated(back, null);
    } catch {
      // The window passed (or the student was removed): they can still come back with the code and nickname, or their link.
      if (studentId) this.pendingReconnections.delete(studentId);
    }
  }

  override onBeforeShutdown(): void {
    this.ctx.store.heartbeat(this.record.id, this.ctx.now());
    void this.disconnect();
  }

  override onDispose(): void {
    if (!this.finished) this.ctx.store.heartbeat(this.record.id, this.ctx.now());
  }

  // --- messages --------------------------------------------------------------

  private handle(client: Client, type: ClientMessage, payload: unknown): void {
    const conn = connectionOf(client);
    if (!conn) return;
    const ref = refOf(payload);
    if (!conn.limiter.take(this.ctx.now())) {
      this.refuse(client, ref, type, { code: "rate-limited", message: "Too many messages: wait a moment and try again." });
      return;
    }
    const parsed = parseMessage(type, payload);
    if (!parsed.ok) {
      this.refuse(client, ref, type, parsed.refusal);
      return;
    }
    const result = this.apply(conn.actor, toCommand(type, parsed.payload));
    if (result.ok) send(client, "ack", { ref: ref ?? null, type, seq: result.seq });
    else this.refuse(client, ref, type, result.refusal);
  }

  /** An unknown message type. Never String() a client value: a type or payload can be any decoded object. */
  private unknown(client: Client, type: unknown, payload: unknown): void {
    const name = typeof type === "string" || typeof type === "number" ? String(type).slice(0, 64) : "?";
    const conn = connectionOf(client);
    if (conn && !conn.limiter.take(this.ctx.now())) {
      this.refuse(client, refOf(payload), name, { code: "rate-limited", message: "Too many messages: wait a moment and try again." });
      return;
    }
    this.refuse(client, refOf(payload), name, { code: "unknown-message", message: `Unknown message "${name}".` });
  }

  /** Runs one entry through the model; stores it; then mirrors and delivers. */
  private apply(actor: Actor, command: SessionCommand): Result {
    const entry: LogEntry = { seq: this.seq + 1, at: this.ctx.now(), actor, command };
    const outcome = reduceSession(this.session, entry);
    if (!outcome.ok) return { ok: false, refusal: outcome.refusal };
    try {
      this.ctx.store.append(this.record.id, entry);
    } catch (err) {
      console.error(`game ${this.record.code}: could not store entry ${entry.seq}`, err);
      return { ok: false, refusal: { code: "storage", message: "The server could not save this: nothing was changed. Try again." } };
    }
    this.seq = entry.seq;
    this.session = outcome.state;
    this.afterChange(outcome.events, entry); // onCreate makes the schema before it applies anything
    return { ok: true, seq: entry.seq };
  }

  private afterChange(events: SessionEvent[], entry: LogEntry): void {
    mirror(this.session, this.state, this.connected.ids());
    for (const client of this.clients) this.refreshViewOf(client);
    deliver(this.session, entry, events, this.audience());
    for (const event of events) {
      if (event.type !== "studentRemoved") continue;
      for (const client of clientsOfStudent(this.clients, event.studentId)) client.leave(CLOSE.FORBIDDEN, "The teacher removed you from this game.");
      // A seat kept for a dropped connection is given up too.
      this.pendingReconnections.get(event.studentId)?.reject(new Error("removed"));
      this.pendingReconnections.delete(event.studentId);
    }
    if (this.session.phase === "ended" && !this.finished) this.finish();
  }

  private finish(): void {
    this.finished = true;
    this.ctx.store.markFinished(this.record.id, this.ctx.now(), buildGameReport(this.session));
    this.clock.setTimeout(() => void this.disconnect(), this.ctx.endLingerMs);
  }

  /** The clock ran out: the session decides whether it really did (a "deadline" entry is refused otherwise). */
  private tick(): void {
    const { phase, paused, clock } = this.session;
    if (phase === "diplomacy" && !paused && clock.deadline !== null && this.ctx.now() >= clock.deadline) {
      this.apply({ kind: "system" }, { type: "deadline" });
    }
  }

  // --- connections -----------------------------------------------------------

  /** A client is in (joined or back): count it, show it what it may see, welcome it. */
  private seated(client: Client, rejoinKey: string | null): void {
    const conn = connectionOf(client)!;
    this.connected.change(conn.actor, 1);
    this.refreshViewOf(client);
    const viewer = viewerOf(this.session, conn.actor);
    const student = conn.actor.kind === "student" ? studentOf(this.session, conn.actor.studentId) : undefined;
    send(client, "welcome", {
      role: conn.actor.kind === "teacher" ? "teacher" : conn.actor.kind === "student" ? "student" : "projector",
      code: this.session.code,
      studentId: student?.id ?? null,
      nickname: student?.nickname ?? null,
      state: student?.state ?? null,
      rejoinKey,
      serverTime: this.ctx.now(),
      crises: conn.actor.kind === "teacher" ? crisisMenu(this.session) : [],
    });
    send(client, "chatHistory", { messages: this.session.chat.filter((m) => canRead(m, viewer)) });
    mirror(this.session, this.state, this.connected.ids());
  }

  private refreshViewOf(client: Client): void {
    const conn = connectionOf(client);
    if (conn) conn.shown = refreshView(client, viewerOf(this.session, conn.actor), this.session, this.state, conn.shown);
  }

  private *audience() {
    for (const client of this.clients) {
      const conn = connectionOf(client);
      if (conn) yield { client, viewer: viewerOf(this.session, conn.actor) };
    }
  }

  private refuse(client: Client, ref: Ref | undefined, type: string, refusal: SessionRefusal | { code: ErrorCode; message: string }): void {
    send(client, "error", { ref: ref ?? null, type, code: refusal.code, message: refusal.message });
  }

  get gameId(): string {
    return this.record.id;
  }
}
