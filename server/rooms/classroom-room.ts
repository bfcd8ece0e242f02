// One classroom game. The room is a thin keeper: it validates each message
// against the shared catalogue, checks who sent it, runs the classroom model,
// stores the accepted entry in SQLite before acknowledging it, mirrors the
// result into the synchronized state and sends each event to those who may
// see it. No game rule lives here.
import { Room, ServerError, type Client } from "@colyseus/core";
import { StateView } from "@colyseus/schema";
import { canRead } from "../../shared/classroom/chat.js";
import { findStudentByNickname, normalizeNickname, reduceClassroom, replayClassroom, studentOf } from "../../shared/classroom/reduce.js";
import { createClassroom } from "../../shared/classroom/setup.js";
import type { Actor, ClassEvent, ClassroomCommand, ClassroomState, LogEntry } from "../../shared/classroom/types.js";
import { audienceOf } from "../../shared/classroom/visibility.js";
import { CLIENT_MESSAGES, joinOptions, schemaFor, type ClientMessage } from "../../shared/protocol/messages.js";
import { buildGameReport } from "../../shared/report/game-report.js";
import { hashSecret, newId, newSecret } from "../keys.js";
import type { GameRecord, GameStore } from "../storage/games.js";
import { toCommand, type Who } from "./commands.js";
import { mirror } from "./mirror.js";
import { RateLimiter } from "./rate-limit.js";
import { ClassroomSchema } from "./schema.js";

export interface RoomContext {
  store: GameStore;
  /** Seconds a dropped client keeps its seat for automatic reconnection. */
  reconnectSeconds: number;
  /** How long a finished game's room stays open for the end screens, in ms. */
  endLingerMs: number;
}

let context: RoomContext | null = null;

/** Set once by the server before any room is created (rooms need the store). */
export function setRoomContext(c: RoomContext): void {
  context = c;
}

interface Auth {
  who: Who;
  /** Given only at a student's first join: their personal rejoin key. */
  rejoinKey?: string;
  nickname?: string;
  /** A student not yet in the game: joined (and stored) in onJoin. */
  isNew?: boolean;
}

interface ClientData {
  who: Who;
  limiter: RateLimiter;
  /** The entries this client's view was given, to keep it up to date. */
  teamShown: string | null;
  theoryShown: string | null;
}

export class ClassroomRoom extends Room<ClassroomSchema> {
  override maxClients = 2000;
  private store!: GameStore;
  private record!: GameRecord;
  private model!: ClassroomState;
  private seq = 0;
  private finished = false;
  private readonly connectedStudents = new Map<string, number>();
  private readonly pendingReconnections = new Map<string, ReturnType<Room["allowReconnection"]>>();

  override onCreate(options: { gameId?: string; restore?: boolean }): void {
    if (!context) throw new ServerError(4500, "the server is not ready");
    this.store = context.store;
    const record = options.gameId ? this.store.game(options.gameId) : null;
    if (!record) throw new ServerError(4404, "no such game");
    this.record = record;
    this.roomId = record.code;
    this.autoDispose = false;
    const initial = createClassroom(record.scenario, record.settings, record.code, record.createdAt);
    const log = this.store.entries(record.id);
    const { state, skipped } = replayClassroom(initial, log);
    if (skipped.length > 0) console.warn(`game ${record.code}: ${skipped.length} stored entries were refused on replay`);
    this.model = state;
    this.seq = log[log.length - 1]?.seq ?? 0;
    this.state = new ClassroomSchema();
    mirror(this.model, this.state, new Set());
    if (options.restore && this.model.phase === "diplomacy" && !this.model.paused && this.model.clock.deadline !== null) {
      // The server stopped with the clock running: give back the time that was left when it was last seen.
      const remainingMs = Math.max(0, this.model.clock.deadline - record.lastSeenAt);
      this.apply({ kind: "system" }, { type: "clockRestored", remainingMs });
    }
    for (const type of CLIENT_MESSAGES) this.onMessage(type, (client, payload) => this.handle(client, type, payload));
    // Unknown types. Never String() a client value: a type or payload can be any decoded object.
    const unknown = (client: Client, type: unknown, payload: unknown) => {
      const name = typeof type === "string" || typeof type === "number" ? String(type).slice(0, 64) : "?";
      const data = client.userData as ClientData | undefined;
      const ref = refOf(payload);
      if (data && !data.limiter.take()) {
        this.sendError(client, ref, name, "rate-limited", "Too many messages: wait a moment and try again.");
        return;
      }
      this.sendError(client, ref, name, "unknown-message", `Unknown message "${name}".`);
    };
    this.onMessage("*", (client, type, payload) => unknown(client, type, payload));
    // Colyseus' own fallback name would otherwise close the client.
    this.onMessage("__no_message_handler", (client, payload) => unknown(client, "__no_message_handler", payload));
    this.clock.setInterval(() => this.tick(), 250);
    this.clock.setInterval(() => this.store.heartbeat(record.id, Date.now()), 2000);
    this.store.heartbeat(record.id, Date.now());
    void this.setMetadata({ title: record.title });
  }

  // --- joining ---------------------------------------------------------------

  override onAuth(_client: Client, raw: unknown): Auth {
    const parsed = joinOptions.safeParse(raw ?? {});
    if (!parsed.success) throw new ServerError(4400, "Join with a role: student (with a nickname), teacher (with the teacher key) or projector.");
    const options = parsed.data;
    if (options.role === "projector") return { who: { kind: "projector" } };
    if (options.role === "teacher") {
      if (hashSecret(options.teacherKey) !== this.record.teacherHash) {
        throw new ServerError(4403, "This teacher key does not open this game.");
      }
      return { who: { kind: "teacher" } };
    }
    if (options.rejoinKey) {
      const hash = hashSecret(options.rejoinKey);
      const student = Object.values(this.model.students).find((s) => s.keyHash === hash);
      if (!student) throw new ServerError(4404, "This rejoin link is not valid for this game.");
      if (student.removed) throw new ServerError(4403, "The teacher removed you from this game.");
      return { who: { kind: "student", studentId: student.id }, nickname: student.nickname };
    }
    const nickname = normalizeNickname(options.nickname ?? "");
    if (!nickname) throw new ServerError(4422, "Choose a nickname of 1 to 24 characters.");
    const existing = findStudentByNickname(this.model, nickname);
    if (existing?.removed) throw new ServerError(4403, "The teacher removed this player from the game.");
    if (existing) {
      if ((this.connectedStudents.get(existing.id) ?? 0) > 0) {
        throw new ServerError(4409, `"${nickname}" is already playing in this game: choose another nickname.`);
      }
      // Same code and nickname, not connected: the student gets their seat back.
      return { who: { kind: "student", studentId: existing.id }, nickname: existing.nickname };
    }
    if (this.model.phase === "ended") throw new ServerError(4410, "This game is over: it takes no new players.");
    // A new student: placed in a team in onJoin, once the connection is really there.
    return { who: { kind: "student", studentId: newId().slice(0, 12) }, rejoinKey: newSecret(), nickname, isNew: true };
  }

  override onJoin(client: Client, _options: unknown, auth: Auth): void {
    if (auth.isNew && auth.who.kind === "student") {
      const joined = this.apply({ kind: "system" }, {
        type: "join",
        studentId: auth.who.studentId,
        nickname: auth.nickname ?? "",
        keyHash: hashSecret(auth.rejoinKey ?? ""),
      });
      if (!joined.ok) throw new ServerError(joined.code === "game-over" ? 4410 : joined.code === "nickname" ? 4409 : 4422, joined.message);
    }
    const data: ClientData = { who: auth.who, limiter: new RateLimiter(), teamShown: null, theoryShown: null };
    client.userData = data;
    if (auth.who.kind !== "projector") client.view = new StateView();
    this.markConnected(auth.who, +1);
    this.refreshView(client);
    this.welcome(client, auth);
    mirror(this.model, this.state, this.connectedSet());
  }

  override async onLeave(client: Client, consented: boolean): Promise<void> {
    const data = client.userData as ClientData | undefined;
    if (!data) return;
    this.markConnected(data.who, -1);
    mirror(this.model, this.state, this.connectedSet());
    const removed = data.who.kind === "student" && studentOf(this.model, data.who.studentId)?.removed;
    if (consented || removed || this.model.phase === "ended" || !context) return;
    try {
      const pending = this.allowReconnection(client, context.reconnectSeconds);
      if (data.who.kind === "student") this.pendingReconnections.set(data.who.studentId, pending);
      const back = await pending;
      if (data.who.kind === "student") {
        this.pendingReconnections.delete(data.who.studentId);
        if (studentOf(this.model, data.who.studentId)?.removed) {
          back.leave(4403, "The teacher removed you from this game.");
          return;
        }
      }
      this.markConnected(data.who, +1);
      this.refreshView(back);
      this.welcome(back, { who: data.who });
      mirror(this.model, this.state, this.connectedSet());
    } catch {
      // The window passed (or the student was removed): they can still come back with the code and nickname, or their link.
      if (data.who.kind === "student") this.pendingReconnections.delete(data.who.studentId);
    }
  }

  override onBeforeShutdown(): void {
    this.store.heartbeat(this.record.id, Date.now());
    this.disconnect();
  }

  override onDispose(): void {
    if (!this.finished) this.store.heartbeat(this.record.id, Date.now());
  }

  // --- messages --------------------------------------------------------------

  private handle(client: Client, type: ClientMessage, payload: unknown): void {
    const data = client.userData as ClientData | undefined;
    if (!data) return;
    const ref = refOf(payload);
    if (!data.limiter.take()) {
      this.sendError(client, ref, type, "rate-limited", "Too many messages: wait a moment and try again.");
      return;
    }
    const parsed = schemaFor(type)!.safeParse(payload ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue && issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
      this.sendError(client, ref, type, "bad-message", `Malformed "${type}" message: ${where}${issue?.message ?? "invalid"}.`);
      return;
    }
    const conversion = toCommand(data.who, type, parsed.data, this.model, this.seq + 1);
    if (!conversion.ok) {
      this.sendError(client, ref, type, conversion.code, conversion.message);
      return;
    }
    const actor: Actor = data.who.kind === "teacher" ? { kind: "teacher" } : data.who.kind === "student" ? { kind: "student", studentId: data.who.studentId } : { kind: "system" };
    const result = this.apply(actor, conversion.command);
    if (result.ok) client.send("ack", { ref: ref ?? null, type, seq: result.seq });
    else this.sendError(client, ref, type, result.code, result.message);
  }

  /** Runs one entry through the model; stores it; then mirrors and delivers. */
  private apply(actor: Actor, command: ClassroomCommand): { ok: true; seq: number } | { ok: false; code: string; message: string } {
    const entry: LogEntry = { seq: this.seq + 1, at: Date.now(), actor, command };
    const outcome = reduceClassroom(this.model, entry);
    if (!outcome.ok) return { ok: false, code: outcome.refusal.code, message: outcome.refusal.message };
    try {
      this.store.append(this.record.id, entry);
    } catch (err) {
      console.error(`game ${this.record.code}: could not store entry ${entry.seq}`, err);
      return { ok: false, code: "storage", message: "The server could not save this: nothing was changed. Try again." };
    }
    this.seq = entry.seq;
    this.model = outcome.state;
    this.afterChange(outcome.events, entry);
    return { ok: true, seq: entry.seq };
  }

  private afterChange(events: ClassEvent[], entry: LogEntry): void {
    if (!this.state) return; // during onCreate, before the schema exists
    mirror(this.model, this.state, this.connectedSet());
    for (const client of this.clients) this.refreshView(client);
    for (const event of events) this.deliver(event, entry);
    for (const event of events) {
      if (event.type === "studentRemoved") {
        for (const client of this.clientsOfStudent(event.studentId)) client.leave(4403, "The teacher removed you from this game.");
        // A seat kept for a dropped connection is given up too.
        this.pendingReconnections.get(event.studentId)?.reject(new Error("removed"));
        this.pendingReconnections.delete(event.studentId);
      }
    }
    if (this.model.phase === "ended" && !this.finished) this.finish();
  }

  private deliver(event: ClassEvent, entry: LogEntry): void {
    const message = { round: this.model.game.round, at: entry.at, event };
    if (event.type === "chat") {
      for (const client of this.clients) {
        if (canRead(event.message, this.viewer(client))) client.send("chat", event.message);
      }
      return;
    }
    // Drafts and readiness reach clients through the synchronized state; no need to announce each change.
    if (event.type === "draftChanged" || event.type === "readyChanged") return;
    const audience = audienceOf(event);
    for (const client of this.clients) {
      const who = (client.userData as ClientData | undefined)?.who;
      if (!who) continue;
      let show = false;
      if (audience.kind === "public" || who.kind === "teacher") show = true;
      else if (audience.kind === "states" && who.kind === "student") {
        const student = studentOf(this.model, who.studentId);
        show = (student?.state != null && audience.states.includes(student.state)) || (audience.students ?? []).includes(who.studentId);
      }
      if (show) client.send("event", message);
    }
  }

  private finish(): void {
    this.finished = true;
    this.store.markFinished(this.record.id, Date.now(), buildGameReport(this.model));
    const linger = context?.endLingerMs ?? 600_000;
    this.clock.setTimeout(() => this.disconnect(), linger);
  }

  private tick(): void {
    const { phase, paused, clock } = this.model;
    if (phase === "diplomacy" && !paused && clock.deadline !== null && Date.now() >= clock.deadline) {
      this.apply({ kind: "system" }, { type: "deadline" });
    }
  }

  // --- helpers ---------------------------------------------------------------

  private welcome(client: Client, auth: Pick<Auth, "who" | "rejoinKey">): void {
    const who = auth.who;
    const student = who.kind === "student" ? studentOf(this.model, who.studentId) : undefined;
    client.send("welcome", {
      role: who.kind,
      code: this.model.code,
      studentId: student?.id ?? null,
      nickname: student?.nickname ?? null,
      state: student?.state ?? null,
      rejoinKey: auth.rejoinKey ?? null,
      /** The server's clock, so that a client can count down to `deadline` whatever its own clock says. */
      serverTime: Date.now(),
      crises: who.kind === "teacher" ? this.crisisList() : [],
    });
    const viewer = this.viewer(client);
    client.send("chatHistory", { messages: this.model.chat.filter((m) => canRead(m, viewer)) });
  }

  /** The scenario's crises, with whether each has broken out already (scheduled or fired by the teacher). */
  private crisisList() {
    const fired = new Set(this.model.timeline.flatMap((t) => (t.event.type === "crisis" ? [t.event.id] : [])));
    for (const e of this.model.game.openingEvents) if (e.type === "crisis") fired.add(e.id);
    return (this.model.scenario.crises ?? []).map((c) => ({ id: c.id, title: c.title, round: c.round ?? null, fired: fired.has(c.id) }));
  }

  private viewer(client: Client) {
    const who = (client.userData as ClientData | undefined)?.who;
    if (!who || who.kind === "projector") return { kind: "projector" as const };
    if (who.kind === "teacher") return { kind: "teacher" as const };
    return { kind: "student" as const, state: studentOf(this.model, who.studentId)?.state ?? null };
  }

  /** Keeps each client's view to what it may see: its own team (and its theory entry when shown), or all for the teacher. */
  private refreshView(client: Client): void {
    const data = client.userData as ClientData | undefined;
    const view = client.view;
    if (!data || !view) return;
    if (data.who.kind === "teacher") {
      for (const [, team] of this.state.teams) if (!view.has(team)) view.add(team);
      for (const [, theory] of this.state.theory) if (!view.has(theory)) view.add(theory);
      return;
    }
    if (data.who.kind !== "student") return;
    const student = studentOf(this.model, data.who.studentId);
    const team = student && !student.removed ? student.state : null;
    const theory = team !== null && this.model.showPredictions ? team : null;
    if (data.teamShown !== team) {
      if (data.teamShown) {
        const old = this.state.teams.get(data.teamShown);
        if (old && view.has(old)) view.remove(old);
      }
      const entry = team ? this.state.teams.get(team) : undefined;
      if (entry) view.add(entry);
      data.teamShown = team;
    }
    if (data.theoryShown !== theory) {
      if (data.theoryShown) {
        const old = this.state.theory.get(data.theoryShown);
        if (old && view.has(old)) view.remove(old);
      }
      const entry = theory ? this.state.theory.get(theory) : undefined;
      if (entry) view.add(entry);
      data.theoryShown = theory;
    }
  }

  private markConnected(who: Who, delta: number): void {
    if (who.kind !== "student") return;
    const n = (this.connectedStudents.get(who.studentId) ?? 0) + delta;
    if (n <= 0) this.connectedStudents.delete(who.studentId);
    else this.connectedStudents.set(who.studentId, n);
  }

  private connectedSet(): Set<string> {
    return new Set(this.connectedStudents.keys());
  }

  private clientsOfStudent(studentId: string): Client[] {
    return this.clients.filter((c) => {
      const who = (c.userData as ClientData | undefined)?.who;
      return who?.kind === "student" && who.studentId === studentId;
    });
  }

  private sendError(client: Client, ref: unknown, type: string, code: string, message: string): void {
    client.send("error", { ref: ref ?? null, type, code, message });
  }

  /** For tests and the HTTP report: the current model. */
  get classroom(): ClassroomState {
    return this.model;
  }

  get gameId(): string {
    return this.record.id;
  }
}

function refOf(payload: unknown): string | number | undefined {
  if (payload && typeof payload === "object" && "ref" in payload) {
    const ref = (payload as { ref: unknown }).ref;
    if (typeof ref === "string" && ref.length <= 64) return ref;
    if (typeof ref === "number" && Number.isInteger(ref)) return ref;
  }
  return undefined;
}
