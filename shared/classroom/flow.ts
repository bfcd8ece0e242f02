// The flow of a class's game: bots decide when a round starts (and when a seat
// is handed to them), answer offers just before the deadline, and the round is
// resolved when the clock runs out, the teacher advances, or every team is ready.
import { answerOffers, planRound } from "../bots/policies.js";
import { contextFor, reduce } from "../rules/reduce.js";
import type { Command, GameEvent } from "../rules/types.js";
import { members } from "./teams.js";
import type { ClassroomState, ClassEvent, SeatControl } from "./types.js";

export function isBot(control: SeatControl | undefined): control is Exclude<SeatControl, "team" | "empty"> {
  return control !== undefined && control !== "team" && control !== "empty";
}

/** Runs a model command; a refusal is skipped (bots plan from what they see, so it should not happen). */
function run(room: ClassroomState, command: Command, events: ClassEvent[]): boolean {
  const outcome = reduce(room.game, command, contextFor(room.game));
  if (!outcome.ok) return false;
  room.game = outcome.state;
  events.push(...outcome.events);
  return true;
}

/** A bot's decisions for the round so far (at the start of the round, or when it takes a seat). */
export function botPlans(room: ClassroomState, events: ClassEvent[], only?: string): void {
  for (const s of room.game.states) {
    const control = room.control[s.id];
    if ((only && s.id !== only) || !isBot(control)) continue;
    for (const c of planRound(room.game, s.id, control)) run(room, c, events);
  }
}

function startDiplomacy(room: ClassroomState, at: number, events: ClassEvent[]): void {
  room.phase = "diplomacy";
  room.paused = false;
  room.clock = { deadline: at + room.settings.diplomacySeconds * 1000, remaining: null };
  botPlans(room, events);
}

export function startGame(room: ClassroomState, at: number): ClassEvent[] {
  const events: ClassEvent[] = [{ type: "gameStarted" }, ...room.game.openingEvents, { type: "roundStarted", round: 1 }];
  startDiplomacy(room, at, events);
  return events;
}

/** Ends the diplomacy phase: bots answer their offers, then the round is resolved. */
export function endDiplomacy(room: ClassroomState): ClassEvent[] {
  const events: ClassEvent[] = [];
  for (const s of room.game.states) {
    const control = room.control[s.id];
    if (isBot(control)) for (const c of answerOffers(room.game, s.id, control)) run(room, c, events);
  }
  run(room, { type: "resolve" }, events);
  room.phase = room.game.phase === "ended" ? "ended" : "review";
  room.paused = false;
  room.clock = { deadline: null, remaining: null };
  return events;
}

/** Ends the review: the next round starts, or the game ends after the last. */
export function nextRound(room: ClassroomState, at: number): ClassEvent[] {
  const events: ClassEvent[] = [];
  run(room, { type: "nextRound" }, events);
  if (room.game.phase === "ended") {
    room.phase = "ended";
    room.clock = { deadline: null, remaining: null };
    return events;
  }
  startDiplomacy(room, at, events);
  return events;
}

/** Every state played by a team with members has said it is ready (bots and empty seats always are). */
export function everyoneReady(room: ClassroomState): boolean {
  return room.game.states.every((s) => {
    if (room.control[s.id] !== "team") return true;
    if (members(room, s.id).length === 0) return true;
    return room.game.drafts[s.id]?.ready === true;
  });
}

export function endGame(room: ClassroomState): ClassEvent[] {
  const events: ClassEvent[] = [];
  run(room, { type: "endGame" }, events);
  room.phase = "ended";
  room.paused = false;
  room.clock = { deadline: null, remaining: null };
  return events;
}

export type { GameEvent };
