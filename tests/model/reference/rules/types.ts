// REFERENCE COPY: the pre-optimisation model (issue 15), kept unchanged to check that the
// optimised code in shared/ gives identical results (tests/model/optimised-model.test.ts).
// Copied from shared/rules/types.ts at 968eafc; do not edit or import from the game.
// The game's state, commands, events and refusals. Plain data only (JSON-safe),
// so that a state can be stored, sent and compared as it is.
import type { Crisis } from "../../../../shared/scenario/schema.js";
import type { RoundPredictions } from "../theory/predict.js";
import type { Alignment } from "../theory/classify.js";
import type { Deed, Pair, Power, Theory, World } from "../theory/world.js";

export type Phase = "diplomacy" | "review" | "ended";

export type Action = { kind: "none" } | { kind: "threaten"; target: string } | { kind: "attack"; target: string };

/** Shares of this round's budget, in whole percent, summing to 100. */
export interface Budget {
  economy: number;
  defense: number;
  offense: number;
}

/** What a state has decided so far this round; what stands at the deadline counts. */
export interface Draft {
  budget: Budget;
  action: Action;
  /** Allies this state will leave at resolution. */
  leaving: string[];
  ready: boolean;
  /** The team saved a budget this round (the split carried over from the last round does not count). See draft-status.ts. */
  budgetSaved?: boolean;
  /** The team chose this round's action, "none" included. See draft-status.ts. */
  actionChosen?: boolean;
}

export interface Offer {
  from: string;
  to: string;
  round: number;
  /** True once the receiver accepted: the alliance forms at resolution. */
  accepted: boolean;
}

export interface ScoreLine {
  round: number;
  /** 10 x economy now / economy at the start of the game. */
  prosperity: number;
  /** 15 x own defence / (own defence + the strongest force that could reach you). */
  security: number;
  /** Points for wars won (+) or lost (-) this round. */
  war: number;
  /** Theory-challenge points: alignment matching the dealt theory. */
  theory: number;
  total: number;
}

export interface Settings {
  /** Number of rounds the game lasts (from the scenario unless overridden). */
  rounds: number;
  /** "challenge": each state is secretly dealt a theory and scores for matching it. */
  scoring: "standard" | "challenge";
}

export interface GameState extends World {
  scenarioId: string;
  seed: number;
  settings: Settings;
  phase: Phase;
  /** Farthest distance (km) of an attack or threat; neighbours are always in reach. */
  reach: number;
  /** Economy of each state at the start of the game, for the prosperity score. */
  startEconomy: Record<string, number>;
  offers: Offer[];
  /** Offers each state made this round (kept after they are accepted, declined or expire), for classification. */
  offersMade: Record<string, string[]>;
  /** Events of crises that broke out before round 1 (scenario crises dated round 1). */
  openingEvents: GameEvent[];
  drafts: Record<string, Draft>;
  /** Predictions made at the start of the current round, kept for classification. */
  predictions: RoundPredictions;
  /** Theory dealt to each state in challenge mode (secret: never show to other teams). */
  roles: Record<string, Theory>;
  scores: Record<string, ScoreLine[]>;
  /** One record per resolved round. */
  history: RoundRecord[];
  /** Crises of the scenario still to come. */
  pendingCrises: Crisis[];
}

export interface RoundRecord {
  round: number;
  predictions: RoundPredictions;
  /** What each state decided (the drafts at the deadline). */
  decisions: Record<string, Draft>;
  /** Alliances at the end of the round. */
  alliances: Pair[];
  /** Each state's alignment classified against the theories. */
  alignments: Record<string, Alignment>;
  events: GameEvent[];
  scores: Record<string, ScoreLine>;
  /** State of the powers at the end of the round. */
  powers: Power[];
}

export type GameEvent =
  | { type: "offerMade"; from: string; to: string }
  | { type: "offerAccepted"; from: string; to: string }
  | { type: "offerDeclined"; from: string; to: string }
  | { type: "offerWithdrawn"; from: string; to: string }
  | { type: "offerExpired"; from: string; to: string }
  | { type: "leaveDeclared"; by: string; ally: string }
  | { type: "leaveCancelled"; by: string; ally: string }
  | { type: "draftChanged"; by: string }
  | { type: "readyChanged"; by: string; ready: boolean }
  | { type: "allianceFormed"; a: string; b: string }
  | { type: "actionCancelled"; by: string; action: Action; reason: string }
  | { type: "allianceLeft"; by: string; ally: string }
  | {
      type: "threat";
      from: string;
      to: string;
      /** Did the target give in and pay tribute? */
      yielded: boolean;
      tribute: number;
      chance: number;
    }
  | {
      type: "war";
      target: string;
      attackers: string[];
      defenders: string[];
      /** States dragged in by their pacts (chain-ganging). */
      draggedIn: string[];
      attackStrength: number;
      defenseStrength: number;
      /** Attackers' chance of winning. */
      chance: number;
      winner: "attackers" | "defenders";
      /** Economy the target lost, and what the attackers took. */
      economyLost: number;
      spoils: Record<string, number>;
    }
  | { type: "crisis"; id: string; title: string; text: string }
  | { type: "roundResolved"; round: number }
  | { type: "roundStarted"; round: number }
  | { type: "gameEnded"; round: number; reason: "completed" | "ended-early" };

export type Command =
  | { type: "offer"; by: string; to: string }
  | { type: "accept"; by: string; from: string }
  | { type: "decline"; by: string; from: string }
  | { type: "withdraw"; by: string; to: string }
  | { type: "leave"; by: string; ally: string }
  | { type: "stay"; by: string; ally: string }
  | ({ type: "budget"; by: string } & Budget)
  | { type: "action"; by: string; action: Action }
  | { type: "ready"; by: string; ready: boolean }
  /** End the diplomacy phase now and resolve the round (deadline, all ready, or the teacher). */
  | { type: "resolve" }
  /** End the review pause: start the next round, or end the game after the last. */
  | { type: "nextRound" }
  /** Inject a crisis now (from the scenario's list or typed live). */
  | { type: "crisis"; crisis: Crisis }
  | { type: "endGame" };

export type StateCommand = Extract<Command, { by: string }>;

export const REFUSAL_CODES = [
  "wrong-phase",
  "game-over",
  "unknown-state",
  "self-target",
  "already-allied",
  "not-allied",
  "offer-exists",
  "no-such-offer",
  "out-of-reach",
  "ally-target",
  "bad-budget",
  "bad-crisis",
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number];

export interface Refusal {
  code: RefusalCode;
  message: string;
}

export type Outcome = { ok: true; state: GameState; events: GameEvent[] } | { ok: false; refusal: Refusal };

/** What the reducer needs from outside: the round's seeded random generator. */
export interface Context {
  random: () => number;
}

export type { Deed, Pair, Power, Theory };
