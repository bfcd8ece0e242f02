// One classroom game. The room is a thin keeper: it paces each connection's
// messages (inbound.ts), validates them against the shared catalogue, turns
// them into session commands, lets the session reducer decide (who may do what
// included), stores the accepted entry before acknowledging it, mirrors the
// result into the synchronized state and sends each event to those who may see
// it. Joins are screened by the model's admission rules twice: when the seat is
// reserved (screenJoin, called by server/guard/matchmake.ts) and when the
// WebSocket connects (onAuth). No game rule lives here.
import { matchMaker, Room, ServerError, type Client } from "@colyseus/core";
import { StateView } from "@colyseus/schema";
import { admit, joinRefusalClose, type AdmissionFacts } from "../../shared/classroom/admission.js";
import { canRead } from "../../shared/classroom/chat.js";
import { crisisMenu } from "../../shared/classroom/crises.js";
import { reduceSession, replaySession } from "../../shared/classroom/reduce.js";
import { createSession } from "../../shared/classroom/setup.js";
import { studentByKeyHash, studentOf } from "../../shared/classroom/students.js";
import type { Actor, LogEntry, Session, SessionCommand, SessionEvent, SessionRefusal } from "../../shared/classroom/types.js";
import { viewerOf } from "../../shared/classroom/visibility.js";
import { CLOSE } from "../../shared/protocol/close-codes.js";
import { toCommand } from "../../shared/protocol/commands.js";
import { CLIENT_MESSAGES, joinOptions, parseMessage, parsePing, refOf, studentMessages, type ClientMessage, type JoinOptions } from "../../shared/protocol/messages.js";
import { CHAT_HISTORY_LIMIT, type ErrorCode, type Ref, type ServerMessages } from "../../shared/protocol/server-messages.js";
import type { CloseCode } from "../../shared/protocol/close-codes.js";
import { buildGameReport } from "../../shared/report/game-report.js";
import { hashSecret, newId, newSecret } from "../keys.js";
import { StorageError } from "../storage/faults.js";
import type { GameRecord, GameStore } from "../storage/store.js";
import type { Heartbeat } from "../keeper.js";
import { deliver, send } from "./delivery.js";
import { mirror } from "./mirror.js";
import { addressOf } from "../guard/address.js";
import { LIMITS, type Guards } from "../guard/limits.js";
import { enqueue, flooding, mayTellLimited, newPacing } from "./inbound.js";
import { ClassroomSchema } from "./schema.js";
import { clientsOfStudent, ConnectedStudents, connectionOf, type Connection } from "./connections.js";
import { NOTHING_SHOWN, refreshView } from "./views.js";
import { skipEmptyPatches } from "./empty-patches.js";

export interface RoomContext {
  store: GameStore;
  /** Seconds a dropped client keeps its seat for automatic reconnection. */
  reconnectSeconds: number;
  /** How long a finished game's room stays open for the end screens, in ms. */
  endLingerMs: number;
  /** The time (ms since the epoch): Date.now, or a test's clock. */
  now: () => number;
  /** The process's rate limiters. */
  guards: Guards;
  /** Renews the leases of the games whose rooms run here (server/keeper.ts). */
  heartbeat: Heartbeat;
}

/**
 * How often changes are sent to the clients, in ms (Colyseus's default is 50). Acknowledgements and events go
 * out at once; only the synchronized state waits. At 20 patches a second every room filtered every client's
 * view whether or not anything had changed; fewer patches batch a class's decisions into fewer frames. 200 ms:
 * issue 15 measured half the idle cost and a p99 of 116 ms instead of 420 ms at 1,200 students with it, and
 * bench-load here about a third less CPU per decision than at 100 ms.
 */
export const PATCH_MS = 200;

/** Seconds a reserved seat waits for its WebSocket (Colyseus's default is 15): a flood of reservations clears fast. */
export const SEAT_RESERVATION_SECONDS = 8;

/** A student's decision that arrives after the round's deadline (whatever stage the round's end is at). */
const ROUND_ENDED = { code: "wrong-phase", message: "This round has ended: decisions are closed until the next round." } as const;

const BAD_JOIN = "Join with a role: student (with a nickname), teacher (with the teacher key) or projector.";

/** The answer to a join before its seat is reserved. `newcomer`: a new student or a projector (the joins limits count those). */
export type JoinScreen = { ok: true; newcomer: "student" | "projector" | null } | { ok: false; close: CloseCode; message: string; wrongKey?: true };

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
  /** A student let in by the teacher on a new device: their claim key, now their rejoin key, to keep. */
  keptKey?: string;
}

type Result = { ok: true; seq: number } | { ok: false; refusal: { code: ErrorCode; message: string } };

export class ClassroomRoom extends Room<ClassroomSchema> {
  /** Colyseus's own cap, for the process's sake; the admission limits (shared/classroom/admission.ts) decide first. */
  override maxClients = 5000;
  /** The session as it stands (for tests and the HTTP API: read only). */
  session!: Session;
  private ctx!: RoomContext;
  private record!: GameRecord;
  private seq = 0;
  private finished = false;
  private readonly connected = new ConnectedStudents();
  private readonly pendingReconnections = new Map<string, ReturnType<Room["allowReconnection"]>>();
  /** Commands decided and waiting to be stored, in order (submit, flush); `ended`: this one ends the game. */
  private queue: { entry: LogEntry; state: Session; events: SessionEvent[]; ended: boolean; closesAtDeadline: boolean; reply: (result: Result) => void }[] = [];
  /** A write of the queue's first commands is under way. */
  private writing = false;
  private flushScheduled = false;
  /** Called once the write under way is over (drained). */
  private afterWrite: (() => void)[] = [];
  /** Another process keeps the game now: this room is closing (lost). */
  private moved = false;
  /** The schema or a client's view changed since the last patch (broadcastPatch skips Colyseus's work otherwise). */
  private changed = true;
  /** Commands applied since the state was last mirrored (syncNow), and whether they concern what the views hold. */
  private unmirrored = false;
  private viewsStale = false;

  override async onCreate(options: { gameId?: string; restore?: boolean }): Promise<void> {
    if (!context) throw new ServerError(CLOSE.NOT_READY, "the server is not ready");
    this.ctx = context;
    const record = options.gameId ? await this.ctx.store.game(options.gameId) : null;
    if (!record) throw new ServerError(CLOSE.NOT_FOUND, "no such game");
    this.record = record;
    this.roomId = record.code;
    this.autoDispose = false;
    this.setSeatReservationTime(SEAT_RESERVATION_SECONDS);
    const log = await this.ctx.store.entries(record.id);
    const { state, skipped } = replaySession(createSession(record.scenario, record.settings, record.code, record.createdAt), log);
    if (skipped.length > 0) console.warn(`game ${record.code}: ${skipped.length} stored entries were refused on replay`);
    this.session = state;
    this.seq = log[log.length - 1]?.seq ?? 0;
    this.state = new ClassroomSchema();
    this.patchRate = PATCH_MS;
    this.sync();
    if (options.restore && this.session.phase === "diplomacy" && !this.session.paused && this.session.clock.deadline !== null) {
      // The server stopped with the clock running: give back the time that was left when it was last seen.
      await this.submit({ kind: "system" }, { type: "clockRestored", remainingMs: Math.max(0, this.session.clock.deadline - record.lastSeenAt) });
    }
    for (const type of CLIENT_MESSAGES) this.onMessage(type, (client, payload) => this.handle(client, type, payload));
    this.onMessage("ping", (client, payload) => this.ping(client, payload));
    // Unknown types (also Colyseus' own fallback name, which would otherwise close the client).
    this.onMessage("*", (client, type, payload) => this.unknown(client, type, payload));
    this.onMessage("__no_message_handler", (client, payload) => this.unknown(client, "__no_message_handler", payload));
    this.clock.setInterval(() => this.tick(), 250);
    // The process's heartbeat renews the game's lease (server/keeper.ts); a lease another process took means this room must close.
    this.ctx.heartbeat.hold(record.id, () => this.lost());
    void this.setMetadata({ title: record.title, gameId: record.id }); // gameId: DELETE closes the right room on any process
  }

  // --- joining ---------------------------------------------------------------

  /**
   * Screens a join before its seat is reserved (server/guard/matchmake.ts calls it through
   * matchMaker.remoteRoomCall, so it works whichever process holds the room). A nickname that belongs
   * to a student who is not connected, sent with a claim key, files a request for the teacher.
   */
  async screenJoin(raw: unknown): Promise<JoinScreen> {
    const parsed = joinOptions.safeParse(raw ?? {});
    if (!parsed.success) return { ok: false, close: CLOSE.BAD_JOIN, message: BAD_JOIN };
    const options = parsed.data;
    const decision = admit(this.session, options, this.facts(options));
    if (!decision.ok) {
      if (decision.askTeacher && options.role === "student" && options.claim) {
        const asked = await this.submit({ kind: "system" }, { type: "requestSeat", studentId: decision.askTeacher.studentId, claimHash: hashSecret(options.claim) });
        if (!asked.ok && asked.refusal.code === "removed") return { ok: false, close: CLOSE.FORBIDDEN, message: "Your teacher did not let you in under this nickname." };
      }
      return { ok: false, close: decision.close, message: decision.message, ...(decision.wrongKey ? { wrongKey: true as const } : {}) };
    }
    return { ok: true, newcomer: "newStudent" in decision ? "student" : decision.actor.kind === "projector" ? "projector" : null };
  }

  override onAuth(_client: Client, raw: unknown): Auth {
    const parsed = joinOptions.safeParse(raw ?? {});
    if (!parsed.success) throw new ServerError(CLOSE.BAD_JOIN, BAD_JOIN);
    const options = parsed.data;
    const decision = admit(this.session, options, this.facts(options));
    if (!decision.ok) throw new ServerError(decision.close, decision.message);
    if ("newStudent" in decision) {
      return { actor: { kind: "student", studentId: newId().slice(0, 12) }, nickname: decision.newStudent.nickname, rejoinKey: newSecret() };
    }
    const keptKey = options.role === "student" && !options.rejoinKey && options.claim ? options.claim : undefined;
    return { actor: decision.actor, ...(decision.nickname !== undefined ? { nickname: decision.nickname } : {}), ...(keptKey ? { keptKey } : {}) };
  }

  /** What admission needs to know that only the room knows: keys (hashed here), connections, reservations. */
  private facts(options: JoinOptions): AdmissionFacts {
    const byKey = (key: string | undefined) => (key ? (studentByKeyHash(this.session, hashSecret(key))?.id ?? null) : null);
    // Seats reserved and not yet taken (Colyseus's own record of them): [options, auth, consumed, reconnection].
    const pending = Object.values(this.reservedSeats)
      .filter(([, , consumed, reconnection]) => !consumed && !reconnection)
      .map(([reserved]) => joinOptions.safeParse(reserved).data)
      .filter((o) => o !== undefined);
    const newcomer = (o: JoinOptions) => o.role === "projector" || (o.role === "student" && !o.rejoinKey && !o.claim);
    return {
      teacherKeyMatches: options.role === "teacher" && hashSecret(options.teacherKey) === this.record.teacherHash,
      rejoinStudentId: options.role === "student" ? byKey(options.rejoinKey) : null,
      claimStudentId: options.role === "student" ? byKey(options.claim) : null,
      connections: (id) => this.connected.of(id),
      projectors: this.clients.filter((c) => connectionOf(c)?.actor.kind === "projector").length + pending.filter((o) => o.role === "projector").length,
      pendingNewcomers: pending.filter(newcomer).length,
    };
  }

  override async onJoin(client: Client, _options: unknown, auth: Auth): Promise<void> {
    if (auth.rejoinKey !== undefined && auth.actor.kind === "student") {
      const joined = await this.submit({ kind: "system" }, { type: "join", studentId: auth.actor.studentId, nickname: auth.nickname ?? "", keyHash: hashSecret(auth.rejoinKey) });
      if (!joined.ok) throw new ServerError(joinRefusalClose(joined.refusal.code), joined.refusal.message);
    }
    const sender = auth.actor.kind === "student" ? `s:${this.record.code}:${auth.actor.studentId}` : auth.actor.kind === "teacher" ? `t:${this.record.code}` : `p:${client.sessionId}`;
    client.userData = { actor: auth.actor, pacing: newPacing(sender, addressOf(client.ref)), cutOff: false, shown: NOTHING_SHOWN } satisfies Connection;
    if (auth.actor.kind !== "projector") client.view = new StateView();
    this.seated(client, auth.rejoinKey ?? auth.keptKey ?? null);
  }

  override async onLeave(client: Client, consented: boolean): Promise<void> {
    const conn = connectionOf(client);
    if (!conn) return;
    this.connected.change(conn.actor, -1);
    this.unmirrored = true; // the next patch shows it gone (a class leaving costs one mirror a patch, not one each)
    this.changed = true;
    const studentId = conn.actor.kind === "student" ? conn.actor.studentId : null;
    const removed = studentId !== null && studentOf(this.session, studentId)?.removed;
    if (consented || removed || conn.cutOff || this.session.phase === "ended") return;
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

  /**
   * Colyseus 0.16 discards the changes made while nobody is connected, yet keeps serving the full state it
   * cached before them to the next client that joins: a teacher coming back to an empty room would see a
   * round that has long been resolved. While the room is empty the changes are kept instead, so the next
   * full state is encoded afresh (and the first patch after it changes nothing). The room's clock, which
   * Colyseus advances here, still runs (its timers resolve rounds and keep the heartbeat).
   */
  override broadcastPatch(): boolean {
    if (this.clients.length > 0) this.syncNow();
    // Nothing changed: only the room's clock moves on (Colyseus would still look at every client's view).
    if (this.clients.length > 0 && this.changed) {
      this.changed = false;
      return super.broadcastPatch();
    }
    this.clock.tick();
    return false;
  }

  /**
   * Brings the synchronized state up to date with the session: mirrors the commands applied since the last patch,
   * then refreshes the views they concern. The room does it before each patch and each join, not after each
   * command: the clients see nothing between two patches anyway, and a class's commands between two patches cost
   * one mirror instead of one each. Public for tests that read the server's state directly.
   */
  syncNow(): void {
    if (this.unmirrored) {
      this.unmirrored = false;
      this.sync();
    }
    if (this.viewsStale) {
      this.viewsStale = false;
      for (const client of this.clients) this.refreshViewOf(client);
    }
  }

  /** Mirrors the session into the synchronized state (mirror.ts writes only what differs); the next patch sends it. */
  private sync(): void {
    this.unmirrored = false;
    mirror(this.session, this.state, this.connected.ids());
    this.changed = true;
  }

  override onBeforeShutdown(): void {
    void this.disconnect();
  }

  /**
   * Everything waiting is stored first. Then an unfinished game's lease ends now (the server stops, or the game's
   * room closes for another reason), so that another process may take it over at once; its row records when it was
   * last seen, so that a restored round gets back the time it had left.
   */
  override async onDispose(): Promise<void> {
    this.ctx.heartbeat.letGo(this.record.id);
    await this.drained();
    if (!this.finished && !this.moved) await this.ctx.store.releaseLease(this.record.id, this.ctx.now());
  }


  // --- messages --------------------------------------------------------------

  /** A message of a catalogue type: paced, then validated, then run through the model. */
  private handle(client: Client, type: ClientMessage, payload: unknown): void {
    const conn = this.admitMessage(client);
    if (!conn) return;
    enqueue(conn.pacing, this.ctx.guards, async (verdict) => {
      if (conn.cutOff) return; // what a flooding connection sent before it was cut off is dropped
      // The deadline is the deadline: a round whose time is up is resolved before any later message counts
      // (and if that could not be stored, a decision still does not count).
      this.tick();
      const ref = refOf(payload);
      if (this.deadlinePassed() && type in studentMessages) {
        this.refuse(client, ref, type, ROUND_ENDED);
        return;
      }
      if (!verdict.ok) {
        this.tellLimited(client, conn, ref, type, verdict.retryAfterSeconds);
        return;
      }
      const parsed = parseMessage(type, payload);
      if (!parsed.ok) {
        this.refuse(client, ref, type, parsed.refusal);
        return;
      }
      if (type === "chat") {
        const chat = await this.ctx.guards.chatMessage(conn.pacing.sender);
        if (!chat.ok) {
          this.tellLimited(client, conn, ref, type, chat.retryAfterSeconds, "Too many chat messages");
          return;
        }
      }
      const result = await this.submit(conn.actor, toCommand(type, parsed.payload), type in studentMessages);
      if (result.ok) send(client, "ack", { ref: ref ?? null, type, seq: result.seq });
      else this.refuse(client, ref, type, result.refusal);
    });
  }

  /** The heartbeat: paced and validated like any message, answered with the server's clock; the session is not touched. */
  private ping(client: Client, payload: unknown): void {
    const conn = this.admitMessage(client);
    if (!conn) return;
    enqueue(conn.pacing, this.ctx.guards, (verdict) => {
      if (conn.cutOff) return;
      const ref = refOf(payload);
      if (!verdict.ok) {
        this.tellLimited(client, conn, ref, "ping", verdict.retryAfterSeconds);
        return;
      }
      const parsed = parsePing(payload);
      if (parsed.ok) send(client, "pong", { ref: ref ?? null, serverTime: this.ctx.now() });
      else this.refuse(client, ref, "ping", parsed.refusal);
    });
  }

  /** An unknown message type. Never String() a client value: a type or payload can be any decoded object. */
  private unknown(client: Client, type: unknown, payload: unknown): void {
    const conn = this.admitMessage(client);
    if (!conn) return;
    const name = typeof type === "string" || typeof type === "number" ? String(type).slice(0, 64) : "?";
    enqueue(conn.pacing, this.ctx.guards, (verdict) => {
      if (conn.cutOff) return;
      if (!verdict.ok) {
        this.tellLimited(client, conn, refOf(payload), name, verdict.retryAfterSeconds);
        return;
      }
      this.refuse(client, refOf(payload), name, { code: "unknown-message", message: `Unknown message "${name}".` });
    });
  }

  /** A message over a limit: says so, at most once a second per connection (the rest are dropped silently). */
  private tellLimited(client: Client, conn: Connection, ref: Ref | undefined, type: string, seconds: number, what = "Too many messages"): void {
    if (mayTellLimited(conn.pacing, Date.now())) this.refuse(client, ref, type, { code: "rate-limited", message: `${what}: wait ${seconds} s and try again.` });
  }

  /** Counts a message as it arrives; a connection that floods is closed at once (CLOSE.TOO_MANY) and its messages dropped. */
  private admitMessage(client: Client): Connection | undefined {
    const conn = connectionOf(client);
    if (!conn || conn.cutOff) return undefined;
    if (!flooding(conn.pacing, Date.now())) return conn;
    conn.cutOff = true;
    // Stop decoding what is still arriving on this socket (Colyseus would unpack every queued message
    // until the close completes): the rest of a flood is read off the wire and dropped unparsed.
    client.ref.removeAllListeners("message");
    console.warn(`game ${this.record.code}: a ${conn.actor.kind} connection from ${conn.pacing.address} sent over ${LIMITS.floodPerSecond} messages in a second and was disconnected`);
    client.leave(CLOSE.TOO_MANY, "You sent too many messages and were disconnected. Reload the page to come back.");
    return undefined;
  }

  /** The session as the commands waiting to be stored leave it: what the next command is decided on. */
  private get latest(): Session {
    return this.queue[this.queue.length - 1]?.state ?? this.session;
  }

  /**
   * Runs a command through the model at once (the next command is decided on the session it leaves), then
   * stores it with the other commands waiting (flush: one transaction per write), and only then makes it count:
   * mirrored, delivered, and resolved with its seq. A refusal by the model resolves at once; a failed write
   * resolves with the `storage` refusal, and the session is as before it.
   */
  private submit(actor: Actor, command: SessionCommand, closesAtDeadline = false): Promise<Result> {
    return new Promise((reply) => {
      if (this.decide(actor, command, this.ctx.now(), closesAtDeadline, reply)) this.scheduleFlush();
    });
  }

  /**
   * Decides a command on the latest session, as the entry after the waiting ones: queues it (true), or replies
   * with the refusal (false): the model's, or ROUND_ENDED for a student's decision after the deadline.
   */
  private decide(actor: Actor, command: SessionCommand, at: number, closesAtDeadline: boolean, reply: (result: Result) => void): boolean {
    if (closesAtDeadline && this.deadlinePassed()) {
      reply({ ok: false, refusal: ROUND_ENDED });
      return false;
    }
    const latest = this.latest;
    const entry: LogEntry = { seq: (this.queue[this.queue.length - 1]?.entry.seq ?? this.seq) + 1, at, actor, command };
    const outcome = reduceSession(latest, entry);
    if (!outcome.ok) {
      reply({ ok: false, refusal: outcome.refusal });
      return false;
    }
    this.queue.push({ entry, state: outcome.state, events: outcome.events, ended: outcome.state.phase === "ended" && latest.phase !== "ended", closesAtDeadline, reply });
    return true;
  }

  /** Stores what is waiting at the end of this event-loop turn (so that the commands of one turn share a write). */
  private scheduleFlush(): void {
    if (this.flushScheduled || this.writing || this.queue.length === 0) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      void this.flush();
    });
  }

  /**
   * Stores the waiting commands in one transaction (up to the one that ends the game, which is stored with the
   * game's "finished" mark and report), then makes them count, or refuses them all. Commands that arrive during
   * the write wait for the next one. One write at a time, so the log keeps the order of the session.
   */
  private async flush(): Promise<void> {
    if (this.writing || this.queue.length === 0) return;
    this.writing = true;
    const end = this.queue.findIndex((c) => c.ended);
    const batch = this.queue.slice(0, end === -1 ? this.queue.length : end + 1);
    const last = batch[batch.length - 1]!;
    try {
      await this.ctx.store.append(
        this.record.id,
        batch.map((c) => c.entry),
        last.ended ? { at: last.entry.at, report: buildGameReport(last.state) } : undefined,
      );
    } catch (err) {
      this.queue.splice(0, batch.length);
      this.writing = false;
      for (const resolve of this.afterWrite.splice(0)) resolve();
      const refusal = this.storageRefusal(err, batch[0]!.entry.seq);
      for (const c of batch) c.reply({ ok: false, refusal });
      this.redecide();
      if (err instanceof StorageError && err.kind === "moved") this.lost();
      else this.scheduleFlush();
      return;
    }
    this.queue.splice(0, batch.length);
    this.writing = false;
    for (const resolve of this.afterWrite.splice(0)) resolve();
    for (const c of batch) {
      this.applied(c);
      c.reply({ ok: true, seq: c.entry.seq });
    }
    this.scheduleFlush();
  }

  /** After a failed write, the commands still waiting were decided on top of the refused ones: decide each again. */
  private redecide(): void {
    const waiting = this.queue;
    this.queue = [];
    for (const c of waiting) this.decide(c.entry.actor, c.entry.command, c.entry.at, c.closesAtDeadline, c.reply);
  }

  /** Resolves once nothing waits to be stored (each waiting command stored or refused). */
  private async drained(): Promise<void> {
    while (this.queue.length > 0 || this.writing) {
      if (this.writing) await new Promise<void>((resolve) => this.afterWrite.push(resolve));
      else await this.flush();
    }
  }

  /**
   * Another process keeps this game now (this one stalled past its lease, or the database says so): this room
   * must not go on. Everyone is disconnected with "try again" (their pages join again, and find the game on the
   * process that keeps it), and the room closes without touching the game's row.
   */
  private lost(): void {
    if (this.moved) return;
    this.moved = true;
    console.warn(`game ${this.record.code} is kept by another server now: this one closes its room (its students reconnect there).`);
    // Colyseus rewrites a room's entry in the shared list of rooms (Redis) under the room's id, the game's code, as
    // clients leave, and deletes it when the room closes: that entry is the new keeper's now. Under an id of its own,
    // this room's last writes and its deletion touch only its own entry.
    this.listing.roomId = `${this.roomId}:moved:${matchMaker.processId}`;
    for (const client of this.clients) client.leave(CLOSE.NOT_READY, "This game moved to another server: reconnecting…");
    void this.disconnect(CLOSE.NOT_READY);
  }

  /** The `storage` refusal for an entry that could not be stored. */
  private storageRefusal(err: unknown, seq: number): { code: "storage"; message: string } {
    // A storage fault is logged once by the store (storage/health.ts), not at every refused command.
    if (!(err instanceof StorageError)) console.error(`game ${this.record.code}: could not store entry ${seq}`, err);
    return { code: "storage", message: err instanceof StorageError ? err.refusal : "The server could not save this: nothing was changed. Try again." };
  }

  /** A stored entry counts: the session moves on, then the change is mirrored and delivered. */
  private applied(change: { entry: LogEntry; state: Session; events: SessionEvent[] }): void {
    this.seq = change.entry.seq;
    const before = this.session;
    this.session = change.state;
    this.afterChange(change.events, change.entry, before); // onCreate makes the schema before it applies anything
  }

  /**
   * Marks a change for the next patch (syncNow mirrors it and refreshes the views it concerns), delivers its
   * events. `before`: the session it was applied to.
   */
  private afterChange(events: SessionEvent[], entry: LogEntry, before: Session): void {
    this.unmirrored = true;
    this.changed = true;
    // What a client's view holds depends on the students' teams, on whether predictions are shown, and on the phase.
    if (this.session.students !== before.students || this.session.showPredictions !== before.showPredictions || this.session.phase !== before.phase) this.viewsStale = true;
    deliver(this.session, entry, events, () => this.audience());
    if (events.some((e) => e.type === "seatRequested" || e.type === "seatRequestAnswered" || e.type === "studentRemoved")) {
      const requests = this.seatRequests();
      for (const client of this.clients) if (connectionOf(client)?.actor.kind === "teacher") send(client, "seatRequests", requests);
    }
    for (const event of events) {
      if (event.type !== "studentRemoved") continue;
      for (const client of clientsOfStudent(this.clients, event.studentId)) client.leave(CLOSE.FORBIDDEN, "The teacher removed you from this game.");
      // A seat kept for a dropped connection is given up too.
      this.pendingReconnections.get(event.studentId)?.reject(new Error("removed"));
      this.pendingReconnections.delete(event.studentId);
    }
    if (this.session.phase === "ended" && !this.finished) this.finish();
  }

  /** The game ended (and is stored as finished, with the entry that ended it): the room closes after the end screens. */
  private finish(): void {
    this.finished = true;
    this.ctx.heartbeat.letGo(this.record.id);
    this.clock.setTimeout(() => void this.disconnect(), this.ctx.endLingerMs);
  }

  /** The clock ran out: the session decides whether it really did (a "deadline" entry is refused otherwise). */
  private tick(): void {
    if (this.deadlinePassed()) void this.submit({ kind: "system" }, { type: "deadline" });
  }

  /** The diplomacy clock has run out (by the room's clock) and the round is not resolved yet (nor waiting to be). */
  private deadlinePassed(): boolean {
    const { phase, paused, clock } = this.latest;
    return phase === "diplomacy" && !paused && clock.deadline !== null && this.ctx.now() >= clock.deadline;
  }

  // --- connections -----------------------------------------------------------

  /** A client is in (joined or back): count it, show it what it may see, welcome it. */
  private seated(client: Client, rejoinKey: string | null): void {
    const conn = connectionOf(client)!;
    skipEmptyPatches(client);
    this.connected.change(conn.actor, 1);
    this.unmirrored = true; // its connection counts
    this.syncNow(); // the full state the client gets next (after onJoin) is the session as it stands, with it connected
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
    send(client, "chatHistory", { messages: this.session.chat.filter((m) => canRead(m, viewer)).slice(-CHAT_HISTORY_LIMIT) });
    if (conn.actor.kind === "teacher") send(client, "seatRequests", this.seatRequests());
  }

  /** The requests to come back waiting for the teacher, as the console shows them. */
  private seatRequests(): ServerMessages["seatRequests"] {
    return {
      requests: this.session.seatRequests.map((r) => {
        const student = studentOf(this.session, r.studentId);
        return { id: r.id, studentId: r.studentId, nickname: student?.nickname ?? "", state: student?.state ?? null, at: r.at };
      }),
    };
  }

  private refreshViewOf(client: Client): void {
    const conn = connectionOf(client);
    if (!conn) return;
    conn.shown = refreshView(client, viewerOf(this.session, conn.actor), this.session, this.state, conn.shown);
    this.changed = true;
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
