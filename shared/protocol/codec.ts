// The few values the synchronized state carries in text form, encoded and
// decoded in one place: the server's mirror encodes, the client's decoder
// (client/src/common/synced.ts) decodes each update once. Pages never split
// these strings themselves.
import type { TheoryCard } from "../report/plain-words.js";
import type { ScoreLine } from "../rules/types.js";
import type { DraftFit } from "../rules/draft-status.js";
import { THEORIES, type Theory } from "../theory/world.js";
import type { Finale } from "../report/finale.js";

/** A pair of state ids, sorted: "ATL|BOR". */
export function encodePair([a, b]: readonly [string, string]): string {
  return `${a}|${b}`;
}
export function decodePair(text: string): [string, string] {
  const [a = "", b = ""] = text.split("|");
  return [a, b];
}

/** An offer seen from one side: the other state, and whether it was accepted ("BOR" or "BOR:accepted"). */
export interface OfferEnd {
  state: string;
  accepted: boolean;
}
export function encodeOffer(o: OfferEnd): string {
  return o.accepted ? `${o.state}:accepted` : o.state;
}
export function decodeOffer(text: string): OfferEnd {
  const [state = "", flag] = text.split(":");
  return { state, accepted: flag === "accepted" };
}

/** One resolved round of a team, for its report card and results. */
export interface TeamRound {
  round: number;
  allies: string[];
  offers: string[];
  matches: Theory[];
  alone: boolean;
  divergent: boolean;
  /** The theories' reasons at the start of the round; null while predictions are hidden. */
  predictions: { balanceOfPower: string; balanceOfThreat: string; bandwagon: string } | null;
  /** The same predictions in plain words, one card per theory, with what the team did (report/plain-words.ts); null while hidden. */
  cards: TheoryCard[] | null;
}

/** The classification of the last resolved round: "alone", "none", or the theories matched ("balance-of-threat,bandwagon"). */
export function encodeMatches(a: { alone: boolean; matches: readonly Theory[] } | undefined): string {
  return a ? (a.alone ? "alone" : a.matches.join(",") || "none") : "";
}
export function decodeMatches(text: string): { alone: boolean; matches: Theory[] } | null {
  if (text === "") return null;
  if (text === "alone") return { alone: true, matches: [] };
  if (text === "none") return { alone: false, matches: [] };
  return { alone: false, matches: text.split(",") as Theory[] };
}

/** JSON fields: score lines, a team's rounds, a team's guesses ({state: theory}). A malformed value decodes to the empty value. */
export const encodeJson = (value: unknown): string => JSON.stringify(value);
function decodeJson<T>(text: string, empty: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return empty;
  }
}
export const decodeScores = (text: string): ScoreLine[] => decodeJson<ScoreLine[]>(text, []);
export const decodeTeamRounds = (text: string): TeamRound[] => decodeJson<TeamRound[]>(text, []);
export const decodeGuesses = (text: string): Record<string, Theory> => decodeJson<Record<string, Theory>>(text, {});
/** The end-of-game podium and theory fit (shared/report/finale.ts); "" (before the end) decodes to null. */
export const decodeFinale = (text: string): Finale | null => (text ? decodeJson<Finale | null>(text, null) : null);

/**
 * Whether a team's drafted alignment fits each theory (shared/rules/draft-status.ts), in the order of
 * THEORIES: "yes,no,-" ("-": the theory predicts nothing for it); "" when there is no prediction.
 */
export function encodeFit(fit: DraftFit | null): string {
  if (!fit) return "";
  return THEORIES.map((t) => (fit[t] === null ? "-" : fit[t] ? "yes" : "no")).join(",");
}
export function decodeFit(text: string): DraftFit | null {
  if (text === "") return null;
  const parts = text.split(",");
  const one = (i: number): boolean | null => (parts[i] === "yes" ? true : parts[i] === "no" ? false : null);
  return { "balance-of-power": one(0), "balance-of-threat": one(1), bandwagon: one(2) };
}
