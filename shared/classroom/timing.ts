// How long a game takes in class, for the setup page: the estimate shown next
// to the fields, and the settings proposed so that a game fits one class
// period. Diplomacy has a clock (settings.diplomacySeconds, the most a round's
// talks can last: it ends earlier when every team is ready); the rest is the
// teacher's pace, so it is estimated from the allowances below.
import { MAX_DIPLOMACY_SECONDS, MIN_DIPLOMACY_SECONDS } from "./settings.js";
import { MAX_ROUNDS } from "../scenario/schema.js";

/** Minutes for students to open the page, type the code and a nickname, and find their team (the lobby). */
export const JOIN_MINUTES = 5;
/** Minutes per round after diplomacy: the round is resolved, students read what happened and their score (the review phase, which has no clock). */
export const REVIEW_MINUTES = 2;
/** Minutes at the end for the debrief report (the verdict, a few discussion questions). */
export const DEBRIEF_MINUTES = 8;
/** The class period the setup page plans for when the teacher has not said otherwise. */
export const CLASS_MINUTES = 50;
/** Diplomacy minutes proposed for a new game (the README's range for a class period is 3 to 8). */
export const PROPOSED_DIPLOMACY_MINUTES = 4;

export interface GameTime {
  join: number;
  /** Diplomacy over all rounds (its clock's full length). */
  diplomacy: number;
  /** Review over all rounds. */
  review: number;
  debrief: number;
  /** The sum, in whole minutes (rounded up). */
  total: number;
}

/** The estimated minutes of a game with these rounds and diplomacy seconds per round. */
export function estimateGameTime(rounds: number, diplomacySeconds: number): GameTime {
  const diplomacy = (rounds * diplomacySeconds) / 60;
  const review = rounds * REVIEW_MINUTES;
  return { join: JOIN_MINUTES, diplomacy, review, debrief: DEBRIEF_MINUTES, total: Math.ceil(JOIN_MINUTES + diplomacy + review + DEBRIEF_MINUTES) };
}

/** The most rounds (at least 1, at most MAX_ROUNDS) that fit a class of `classMinutes` with this diplomacy length. */
export function roundsThatFit(classMinutes: number, diplomacySeconds: number): number {
  const perRound = diplomacySeconds / 60 + REVIEW_MINUTES;
  const room = classMinutes - JOIN_MINUTES - DEBRIEF_MINUTES;
  return Math.min(MAX_ROUNDS, Math.max(1, Math.floor(room / perRound + 1e-9)));
}

/**
 * The settings proposed for a scenario in a class of `classMinutes`: PROPOSED_DIPLOMACY_MINUTES of diplomacy
 * (shortened, down to 3, if not even two rounds would fit), and the scenario's own rounds, or fewer if they
 * would not fit.
 */
export function proposedTiming(scenarioRounds: number, classMinutes: number = CLASS_MINUTES): { rounds: number; diplomacySeconds: number } {
  let minutes = PROPOSED_DIPLOMACY_MINUTES;
  while (minutes > 3 && roundsThatFit(classMinutes, minutes * 60) < Math.min(2, scenarioRounds)) minutes -= 0.5;
  const diplomacySeconds = Math.min(MAX_DIPLOMACY_SECONDS, Math.max(MIN_DIPLOMACY_SECONDS, minutes * 60));
  return { rounds: Math.min(scenarioRounds, roundsThatFit(classMinutes, diplomacySeconds)), diplomacySeconds };
}
