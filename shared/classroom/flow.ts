// The flow of a class's game: bots decide when a round starts (and when a seat
// is handed to them), answer offers just before the deadline, and the round is
// resolved when the clock runs out, the teacher advances, or every team is ready.
import { readyCount } from "./readiness.js";
import { answerOffers, planRound } from "../bots/policies.js";
import { contextFor, reduce } from "../rules/reduce.js";
import type { Command, GameEvent } from "../rules/types.js";
import { members } from "./teams.js";
import type { Session, SessionEvent, SeatControl } from "./types.js";

export function isBot(control: SeatControl | undefined): control is Exclude<SeatControl, "team" | "empty"> {
  return control !== undefined && control !== "team" && control !== "empty";
}

/** Runs a model command; a refusal is skipped (bots plan from what they see, so it should not happen). */
function run(session: Session, command: Command, events: SessionEvent[]): boolean {
  const outcome = reduce(session.game, command, contextFor(session.game));
  if (!outcome.ok) return false;
  session.game = outcome.state;
  events.push(...outcome.events);
  return true;
}

/** A bot's decisions for the round so far (at the start of the round, or when it takes a seat). */
export function botPlans(session: Session, events: SessionEvent[], only?: string): void {
  for (const s of session.game.states) {
    const control = session.control[s.id];
    if ((only && s.id !== only) || !isBot(control)) continue;
    for (const c of planRound(session.game, s.id, control)) run(session, c, events);
  }
}

function startDiplomacy(session: Session, at: number, events: SessionEvent[]): void {
  session.phase = "diplomacy";
  session.paused = false;
  session.clock = { deadline: at + session.settings.diplomacySeconds * 1000, remaining: null };
  botPlans(session, events);
}

export function startGame(session: Session, at: number): SessionEvent[] {
  const events: SessionEvent[] = [{ type: "gameStarted" }, ...session.game.openingEvents, { type: "roundStarted", round: 1 }];
  startDiplomacy(session, at, events);
  return events;
}

/** Ends the diplomacy phase: bots answer their offers, then the round is resolved. */
export function endDiplomacy(session: Session): SessionEvent[] {
  const events: SessionEvent[] = [];
  for (const s of session.game.states) {
    const control = session.control[s.id];
    if (isBot(control)) for (const c of answerOffers(session.game, s.id, control)) run(session, c, events);
  }
  run(session, { type: "resolve" }, events);
  session.phase = session.game.phase === "ended" ? "ended" : "review";
  session.paused = false;
  session.clock = { deadline: null, remaining: null };
  return events;
}

/** Ends the review: the next round starts, or the game ends after the last. */
export function nextRound(session: Session, at: number): SessionEvent[] {
  const events: SessionEvent[] = [];
  run(session, { type: "nextRound" }, events);
  if (session.game.phase === "ended") {
    session.phase = "ended";
    session.clock = { deadline: null, remaining: null };
    return events;
  }
  startDiplomacy(session, at, events);
  return events;
}

/** Every state played by a team with members has said it is ready (bots and empty seats always are). */
export function everyoneReady(session: Session): boolean {
  const { ready, of } = readyCount(
    session.game.states.map((s) => ({ control: session.control[s.id] ?? "empty", members: members(session, s.id).length, ready: session.game.drafts[s.id]?.ready === true })),
  );
  return ready === of;
}

export function endGame(session: Session): SessionEvent[] {
  const events: SessionEvent[] = [];
  run(session, { type: "endGame" }, events);
  session.phase = "ended";
  session.paused = false;
  session.clock = { deadline: null, remaining: null };
  return events;
}

export type { GameEvent };
