// The classroom reducer: (session, log entry) -> the next session and its
// events, or a refusal that says why. It checks who may do what (the teacher
// runs the class; a student acts only for their own team's state, and only
// while a team plays it) and hands game moves to the game's own reducer.
// Time comes in with each entry (`at`), so replaying the log rebuilds the clock.
import { contextFor, reduce } from "../rules/reduce.js";
import { crisisSchema } from "../scenario/schema.js";
import { currentAnnouncement } from "./announcements.js";
import { canRead, chatRefusal, MAX_CHAT_LENGTH, parseChannel, privateChannel } from "./chat.js";
import { botPlans, endDiplomacy, endGame, everyoneReady, isBot, nextRound, startGame } from "./flow.js";
import { checkNickname, findStudentByNickname, nicknameInUse, nicknameSkeleton, studentOf } from "./students.js";
import { withoutBidiEmbeddings } from "./user-text.js";
import { placeStudent } from "./teams.js";
import type { Actor, SessionEvent, SessionOutcome, SessionRefusal, Session, LogEntry, Speaker, Student } from "./types.js";

export const MAX_ANNOUNCEMENT = 500;
/** Requests to come back that may wait for the teacher at once (more are refused until the teacher answers). */
export const MAX_SEAT_REQUESTS = 20;
export const MAX_EXTEND_SECONDS = 1800;

const refuse = (code: SessionRefusal["code"], message: string): SessionOutcome => ({ ok: false, refusal: { code, message } });

/**
 * The session a command starts from: its small parts copied, the students shared with `session` until a
 * command changes one (putStudent copies them then), so a command that changes no student costs nothing
 * per student, and an unchanged students record stays the same object (server/rooms/mirror.ts relies on it).
 */
function copy(session: Session): Session {
  return {
    ...session,
    clock: { ...session.clock },
    teams: [...session.teams],
    control: { ...session.control },
    chat: [...session.chat],
    announcements: [...session.announcements],
    guesses: [...session.guesses],
    timeline: [...session.timeline],
    seatRequests: [...session.seatRequests],
    refusedClaims: [...session.refusedClaims],
  };
}

const teacherOnly = new Set(["kick", "move", "mute", "start", "pause", "resume", "extend", "advance", "end", "seat", "announce", "clearAnnouncement", "crisis", "showPredictions", "lock", "answerSeat"]);
const systemOnly = new Set(["join", "deadline", "clockRestored", "requestSeat"]);
/** What still works once the game has ended: talking, revealing, guessing, and coming back to see the results. */
const afterTheEnd = new Set(["chat", "showPredictions", "guess", "requestSeat", "answerSeat", "kick", "lock"]);

function allowed(actor: Actor, type: string): boolean {
  if (systemOnly.has(type)) return actor.kind === "system";
  if (teacherOnly.has(type)) return actor.kind === "teacher";
  if (type === "play" || type === "guess") return actor.kind === "student";
  if (type === "chat") return actor.kind === "student" || actor.kind === "teacher";
  return false;
}

export interface ReduceOptions {
  /**
   * The entry comes from a stored log (replaySession): it was checked when it was made, so a
   * join is taken with its nickname as stored, even if the nickname rules have since become
   * stricter (look-alike and blank nicknames): an old game still rebuilds as it was played.
   */
  replaying?: boolean;
}

export function reduceSession(prev: Session, entry: LogEntry, options: ReduceOptions = {}): SessionOutcome {
  const { actor, command, at } = entry;
  if (!allowed(actor, command.type)) {
    return refuse("not-allowed", actor.kind === "student" ? "Only the teacher can do that." : "That is not allowed here.");
  }
  if (prev.phase === "ended" && !afterTheEnd.has(command.type)) {
    return refuse("game-over", "The game is over.");
  }
  const session = copy(prev);
  /** Sets one student in the new session, copying the students record the first time. */
  const putStudent = (s: Student): void => {
    if (session.students === prev.students) session.students = { ...prev.students };
    session.students[s.id] = s;
  };
  const events: SessionEvent[] = [];
  const student = actor.kind === "student" ? studentOf(session, actor.studentId) : undefined;
  if (actor.kind === "student" && (!student || student.removed)) {
    return refuse("unknown-student", "You are not in this game (the teacher may have removed you).");
  }

  switch (command.type) {
    case "join": {
      const checked = options.replaying ? { ok: true as const, nickname: command.nickname } : checkNickname(command.nickname);
      if (!checked.ok) return refuse("nickname", checked.message);
      const nickname = checked.nickname;
      // One skeleton, one player: a look-alike of a removed student is that student.
      const existing = options.replaying ? undefined : findStudentByNickname(session, nickname);
      if (existing?.removed) return refuse("removed", "The teacher removed this player from the game.");
      if (existing) return refuse("nickname", `${nicknameInUse(nickname, existing.nickname)} is already taken in this game: choose another nickname.`);
      if (studentOf(session, command.studentId)) return refuse("nickname", "This player has already joined.");
      const { state, opened } = placeStudent(session);
      if (opened) {
        session.teams.push(opened);
        session.control[opened] = "team";
        events.push({ type: "seatChanged", state: opened, control: "team" });
      }
      putStudent({ id: command.studentId, nickname, skeleton: nicknameSkeleton(nickname), state, muted: false, removed: false, keyHash: command.keyHash });
      events.push({ type: "studentJoined", studentId: command.studentId, nickname, state });
      break;
    }
    case "kick": {
      const ids = "studentIds" in command ? command.studentIds : [command.studentId];
      const removing = [...new Set(ids)].map((id) => studentOf(session, id)).filter((s): s is Student => s !== undefined && !s.removed);
      if (removing.length === 0) return refuse("unknown-student", ids.length === 1 ? "There is no such student in this game." : "None of these students is in this game.");
      for (const s of removing) {
        putStudent({ ...s, removed: true });
        events.push({ type: "studentRemoved", studentId: s.id, nickname: s.nickname });
      }
      const gone = new Set(removing.map((s) => s.id));
      session.seatRequests = session.seatRequests.filter((r) => !gone.has(r.studentId));
      break;
    }
    case "lock": {
      if (session.locked === command.locked) return refuse("stale", command.locked ? "The game is already closed to new players." : "The game is already open to new players.");
      session.locked = command.locked;
      events.push({ type: "lobbyLocked", locked: command.locked });
      break;
    }
    case "requestSeat": {
      const s = studentOf(session, command.studentId);
      if (!s || s.removed) return refuse("unknown-student", "There is no such student in this game.");
      if (session.refusedClaims.includes(command.claimHash)) return refuse("removed", "The teacher did not let you in.");
      if (session.seatRequests.some((r) => r.claimHash === command.claimHash)) return refuse("stale", "This request is already waiting for the teacher.");
      if (session.seatRequests.length >= MAX_SEAT_REQUESTS) return refuse("stale", "Too many requests are waiting for the teacher: try again in a minute.");
      const id = session.timeline.filter((t) => t.event.type === "seatRequested").length + 1;
      session.seatRequests.push({ id, studentId: s.id, claimHash: command.claimHash, at });
      events.push({ type: "seatRequested", requestId: id, studentId: s.id, nickname: s.nickname });
      break;
    }
    case "answerSeat": {
      const request = session.seatRequests.find((r) => r.id === command.requestId);
      if (!request) return refuse("no-such-request", "This request has already been answered.");
      const s = studentOf(session, request.studentId)!;
      session.seatRequests = session.seatRequests.filter((r) => r.id !== request.id);
      if (command.approve) {
        putStudent({ ...s, keyHash: request.claimHash });
        // Any other request for the same student is answered by this one.
        session.seatRequests = session.seatRequests.filter((r) => r.studentId !== s.id);
      } else {
        session.refusedClaims.push(request.claimHash);
      }
      events.push({ type: "seatRequestAnswered", requestId: request.id, studentId: s.id, nickname: s.nickname, approved: command.approve });
      break;
    }
    case "move": {
      const s = studentOf(session, command.studentId);
      if (!s || s.removed) return refuse("unknown-student", "There is no such student in this game.");
      if (!session.game.states.some((x) => x.id === command.state)) return refuse("unknown-state", `There is no state "${command.state}".`);
      if (!session.teams.includes(command.state)) {
        session.teams.push(command.state);
        session.control[command.state] = "team";
        events.push({ type: "seatChanged", state: command.state, control: "team" });
      }
      putStudent({ ...s, state: command.state });
      events.push({ type: "studentMoved", studentId: s.id, from: s.state, to: command.state });
      break;
    }
    case "mute": {
      const s = studentOf(session, command.studentId);
      if (!s || s.removed) return refuse("unknown-student", "There is no such student in this game.");
      putStudent({ ...s, muted: command.muted });
      events.push({ type: "studentMuted", studentId: s.id, muted: command.muted });
      break;
    }
    case "start": {
      if (session.phase !== "lobby") return refuse("started", "The game has already started.");
      events.push(...startGame(session, at));
      break;
    }
    case "pause": {
      if (session.phase !== "diplomacy" || session.paused) return refuse("wrong-phase", "Only a running diplomacy phase can be paused.");
      session.paused = true;
      session.clock = { deadline: null, remaining: Math.max(0, (session.clock.deadline ?? at) - at) };
      events.push({ type: "paused" });
      break;
    }
    case "resume": {
      if (!session.paused) return refuse("wrong-phase", "The game is not paused.");
      const remaining = session.clock.remaining ?? 0;
      session.paused = false;
      session.clock = { deadline: at + remaining, remaining: null };
      events.push({ type: "resumed", remainingMs: remaining });
      break;
    }
    case "extend": {
      if (session.phase !== "diplomacy") return refuse("wrong-phase", "Only the diplomacy phase has a clock to extend.");
      if (!Number.isInteger(command.seconds) || command.seconds < 1 || command.seconds > MAX_EXTEND_SECONDS) {
        return refuse("stale", `Extend by 1 to ${MAX_EXTEND_SECONDS} seconds.`);
      }
      const ms = command.seconds * 1000;
      session.clock = session.paused
        ? { deadline: null, remaining: (session.clock.remaining ?? 0) + ms }
        : { deadline: Math.max(session.clock.deadline ?? at, at) + ms, remaining: null };
      events.push({ type: "extended", seconds: command.seconds });
      break;
    }
    case "advance": {
      if (session.phase === "lobby") return refuse("lobby", "Start the game first.");
      events.push(...(session.phase === "diplomacy" ? endDiplomacy(session) : nextRound(session, at)));
      break;
    }
    case "deadline": {
      if (session.phase !== "diplomacy" || session.paused || session.clock.deadline === null || at < session.clock.deadline) {
        return refuse("stale", "The clock has not run out.");
      }
      events.push(...endDiplomacy(session));
      break;
    }
    case "end": {
      events.push(...endGame(session));
      break;
    }
    case "seat": {
      if (!session.game.states.some((x) => x.id === command.state)) return refuse("unknown-state", `There is no state "${command.state}".`);
      session.control[command.state] = command.control;
      if (command.control === "team" && !session.teams.includes(command.state)) session.teams.push(command.state);
      events.push({ type: "seatChanged", state: command.state, control: command.control });
      if (session.phase === "diplomacy" && isBot(command.control)) botPlans(session, events, command.state);
      break;
    }
    case "announce": {
      const text = withoutBidiEmbeddings(command.text).trim();
      if (text.length === 0 || text.length > MAX_ANNOUNCEMENT) return refuse("chat", `An announcement needs 1 to ${MAX_ANNOUNCEMENT} characters.`);
      session.announcements.push({ at, round: session.game.round, text });
      session.announcementCleared = false;
      events.push({ type: "announcement", text });
      break;
    }
    case "clearAnnouncement": {
      if (currentAnnouncement(session) === "") return refuse("stale", "There is no announcement to clear.");
      session.announcementCleared = true;
      events.push({ type: "announcementCleared" });
      break;
    }
    case "crisis": {
      let crisis: unknown;
      if ("crisisId" in command) {
        crisis = (session.scenario.crises ?? []).find((c) => c.id === command.crisisId);
        if (!crisis) return refuse("bad-crisis", `The scenario has no crisis "${command.crisisId}".`);
      } else if ("crisis" in command) {
        crisis = command.crisis;
      } else {
        crisis = { id: `live-${entry.seq}`, title: withoutBidiEmbeddings(command.title).trim(), text: withoutBidiEmbeddings(command.text).trim() };
      }
      const parsed = crisisSchema.safeParse(crisis);
      if (!parsed.success) return refuse("bad-crisis", "A crisis needs an id, a title and a text.");
      const outcome = reduce(session.game, { type: "crisis", crisis: parsed.data }, contextFor(session.game));
      if (!outcome.ok) return { ok: false, refusal: outcome.refusal };
      session.game = outcome.state;
      events.push(...outcome.events);
      break;
    }
    case "chat": {
      const text = withoutBidiEmbeddings(command.text).trim();
      if (text.length === 0 || text.length > MAX_CHAT_LENGTH) return refuse("chat", `A message needs 1 to ${MAX_CHAT_LENGTH} characters.`);
      const channel = parseChannel(command.channel);
      if (!channel) return refuse("chat", "Unknown chat channel.");
      let from: Speaker = { kind: "teacher" };
      const known = (id: string) => session.game.states.some((s) => s.id === id);
      if (channel.kind === "team" && !known(channel.state)) return refuse("chat", "There is no such state in this game.");
      if (channel.kind === "private" && (!known(channel.states[0]) || !known(channel.states[1]))) {
        return refuse("chat", "There is no such state in this game.");
      }
      if (student) {
        if (student.muted) return refuse("muted", "The teacher has muted you.");
        const why = chatRefusal(session.settings.chatMode, student.state, channel, session);
        if (why) return refuse("chat", why);
        from = { kind: "student", studentId: student.id, nickname: student.nickname, state: student.state };
      }
      // One spelling per conversation: private channels name the two states in sorted order.
      const canonical = channel.kind === "private" ? privateChannel(channel.states[0], channel.states[1]) : command.channel;
      const message = { id: session.chat.length + 1, at, round: session.game.round, from, channel: canonical, text };
      session.chat.push(message);
      events.push({ type: "chat", message });
      break;
    }
    case "play": {
      if (session.phase === "lobby") return refuse("lobby", "The game has not started yet.");
      if (session.phase !== "diplomacy") return refuse("wrong-phase", "This round has ended: decisions are closed until the next round.");
      if (session.paused) return refuse("paused", "The game is paused.");
      const state = student!.state;
      if (state === null) return refuse("no-team", "You are not in a team.");
      if (session.control[state] !== "team") return refuse("bot-seat", "Your state is being played by a bot for now: ask the teacher to give it back.");
      const outcome = reduce(session.game, { ...command.move, by: state }, contextFor(session.game));
      if (!outcome.ok) return { ok: false, refusal: outcome.refusal };
      session.game = outcome.state;
      events.push(...outcome.events);
      if (command.move.type === "ready" && command.move.ready && everyoneReady(session)) events.push(...endDiplomacy(session));
      break;
    }
    case "guess": {
      // Theory challenge: once the rounds are over (review or end), each team guesses the others' secret theories.
      if (session.settings.scoring !== "challenge") return refuse("challenge-only", "Guessing is for the theory-challenge mode.");
      if (session.phase !== "review" && session.phase !== "ended") return refuse("wrong-phase", "Guesses open after a round is resolved.");
      const by = student!.state;
      if (by === null) return refuse("no-team", "You are not in a team.");
      if (!session.game.states.some((s) => s.id === command.about) || command.about === by) {
        return refuse("unknown-state", "Guess the theory of another state in this game.");
      }
      session.guesses = [...session.guesses.filter((g) => !(g.by === by && g.about === command.about)), { by, about: command.about, theory: command.theory, at }];
      events.push({ type: "guessed", by, about: command.about });
      break;
    }
    case "showPredictions": {
      session.showPredictions = command.show;
      events.push({ type: "predictionsShown", show: command.show });
      break;
    }
    case "clockRestored": {
      if (session.phase === "diplomacy" && !session.paused) {
        session.clock = { deadline: at + Math.max(0, command.remainingMs), remaining: null };
        events.push({ type: "clockRestored", remainingMs: command.remainingMs });
      }
      break;
    }
  }
  // Drafts and readiness change all the time and are not history: the timeline keeps the rest.
  for (const event of events) {
    if (event.type !== "draftChanged" && event.type !== "readyChanged") session.timeline.push({ at, round: session.game.round, event });
  }
  return { ok: true, state: session, events };
}

/** Rebuilds a session from its first state and its log; a refused entry is skipped and reported. */
export function replaySession(initial: Session, log: readonly LogEntry[]): { state: Session; skipped: number[] } {
  let session = initial;
  const skipped: number[] = [];
  for (const entry of log) {
    const outcome = reduceSession(session, entry, { replaying: true });
    if (outcome.ok) session = outcome.state;
    else skipped.push(entry.seq);
  }
  return { state: session, skipped };
}

export { canRead };
