// What each viewer may see, decided in one place so that it can be tested:
// which events reach whom, which teams' private entries (drafts, offers, scores)
// and which theory predictions a client's synchronized view holds, and when
// the theories' reasons are revealed. Chat has its own rule (chat.ts, canRead).
import type { TeamRound } from "../protocol/codec.js";
import { roundTo } from "../format.js";
import { theoryCards } from "../report/plain-words.js";
import { nameInText } from "../theory/world.js";
import { studentOf } from "./students.js";
import type { Actor, Session, SessionEvent } from "./types.js";

/** Who is looking: the teacher (sees everything), a student of a team (or of none), or a projector (public only). */
export type Viewer = { kind: "teacher" } | { kind: "projector" } | { kind: "student"; studentId: string; state: string | null };

/** The viewer behind a connection's actor, with the student's current team. */
export function viewerOf(session: Session, actor: Actor): Viewer {
  if (actor.kind === "teacher") return { kind: "teacher" };
  if (actor.kind === "student") {
    const s = studentOf(session, actor.studentId);
    return { kind: "student", studentId: actor.studentId, state: s && !s.removed ? s.state : null };
  }
  return { kind: "projector" };
}

/**
 * The theories' reasons for past rounds and the current predictions are shown to students
 * only while the teacher shows predictions, or once the game has ended.
 */
export function predictionsRevealed(session: Pick<Session, "showPredictions" | "phase">): boolean {
  return session.showPredictions || session.phase === "ended";
}

/** In the theory challenge, the dealt theories stay secret until the game ends (then the debrief shows them). */
export function rolesRevealed(session: Pick<Session, "phase" | "settings">): boolean {
  return session.settings.scoring !== "challenge" || session.phase === "ended";
}

/**
 * Each state's total score as everyone may see it (the synchronized state, the projector's ranking,
 * report cards during the game): while the dealt theories are secret, without the points for playing
 * one's theory, which would give it away (a state's other points can be recomputed from public figures).
 * A team still sees its own full score lines in its private entry. Points, rounded to 0.1.
 */
export function publicTotals(session: Pick<Session, "phase" | "settings" | "game">): Record<string, number> {
  const withTheory = rolesRevealed(session);
  const totals: Record<string, number> = {};
  for (const [id, lines] of Object.entries(session.game.scores)) {
    totals[id] = roundTo(lines.reduce((sum, l) => sum + l.total - (withTheory ? 0 : l.theory), 0), 1);
  }
  return totals;
}

/** A team's resolved rounds, for its results and report card; the theories' reasons only while revealed. */
export function teamRounds(session: Session, state: string): TeamRound[] {
  const reveal = predictionsRevealed(session);
  const name = (id: string) => {
    const s = session.game.states.find((x) => x.id === id);
    return s ? nameInText(s) : id;
  };
  return session.game.history.map((h) => {
    const a = h.alignments[state];
    const p = h.predictions.states[state];
    return {
      round: h.round,
      allies: a?.allies ?? [],
      offers: a?.offers ?? [],
      matches: a?.matches ?? [],
      alone: a?.alone ?? false,
      divergent: a?.divergent ?? false,
      predictions: reveal && p ? { balanceOfPower: p.balanceOfPower.reason, balanceOfThreat: p.balanceOfThreat.reason, bandwagon: p.bandwagon.reason } : null,
      cards: reveal && p && a ? theoryCards(p, a, name) : null,
    };
  });
}

/** The private entries a viewer's synchronized state holds: all for the teacher; a student's own team, and its predictions while revealed. */
export function privateEntriesFor(session: Session, viewer: Viewer): { teams: "all" | string[]; theory: "all" | string[] } {
  if (viewer.kind === "teacher") return { teams: "all", theory: "all" };
  if (viewer.kind !== "student" || viewer.state === null) return { teams: [], theory: [] };
  return { teams: [viewer.state], theory: session.showPredictions ? [viewer.state] : [] };
}

/** Whether a viewer is sent this event (chat aside). Drafts and readiness reach clients through the synchronized state instead. */
export function eventVisibleTo(event: SessionEvent, viewer: Viewer): boolean {
  if (event.type === "chat" || event.type === "draftChanged" || event.type === "readyChanged") return false;
  const audience = audienceOf(event);
  if (audience.kind === "public" || viewer.kind === "teacher") return true;
  if (audience.kind === "screens") return viewer.kind === "projector";
  if (audience.kind !== "states" || viewer.kind !== "student") return false;
  return (viewer.state !== null && audience.states.includes(viewer.state)) || (audience.students ?? []).includes(viewer.studentId);
}

/**
 * Who is sent an event: everyone; the teams of `states` (and `students`) plus the teacher; the class's screens
 * (the teacher's console and the projector); or the teacher alone.
 */
export type Audience = { kind: "public" } | { kind: "states"; states: string[]; students?: string[] } | { kind: "screens" } | { kind: "teacher" };

export function audienceOf(event: SessionEvent): Audience {
  switch (event.type) {
    case "offerMade":
    case "offerAccepted":
    case "offerDeclined":
    case "offerWithdrawn":
    case "offerExpired":
      return { kind: "states", states: [event.from, event.to] };
    case "leaveDeclared":
    case "leaveCancelled":
    case "draftChanged":
    case "actionCancelled":
      return { kind: "states", states: [event.by] };
    case "guessed":
      return { kind: "states", states: [event.by] };
    case "studentMuted":
      return { kind: "states", states: [], students: [event.studentId] };
    case "chat":
      return { kind: "teacher" }; // chat goes out through its own channel rules (chat.ts canRead)
    case "seatRequested":
    case "seatRequestAnswered":
    case "lobbyLocked":
      return { kind: "teacher" };
    case "studentJoined":
      // The console and the projector list who came in; a student's page shows nothing of it (the synchronized
      // state holds every student). Sent to every student, a class of 400 filling up cost 80,000 frames.
      return { kind: "screens" };
    case "readyChanged":
    case "allianceFormed":
    case "allianceLeft":
    case "threat":
    case "war":
    case "crisis":
    case "roundResolved":
    case "roundStarted":
    case "gameEnded":
    case "studentMoved":
    case "studentRemoved":
    case "gameStarted":
    case "paused":
    case "resumed":
    case "extended":
    case "seatChanged":
    case "announcement":
    case "announcementCleared":
    case "predictionsShown":
    case "clockRestored":
      return { kind: "public" };
  }
}
