// A game's settings: their limits and defaults, and the input a teacher sends
// when creating a game (validated here, in the model, so that the HTTP API and
// any other front end apply the same rules).
import { z } from "zod";
import { POLICIES } from "../bots/policies.js";
import { MAX_ROUNDS, type Scenario } from "../scenario/schema.js";
import { CHAT_MODES, type SessionSettings } from "./types.js";

/** Diplomacy phase length, seconds. */
export const MIN_DIPLOMACY_SECONDS = 15;
export const MAX_DIPLOMACY_SECONDS = 3600;
/** Teams: at most this many states played by teams (count mode) or students per team (size mode). */
export const MAX_TEAMS_VALUE = 400;

export const DEFAULT_SETTINGS: Omit<SessionSettings, "seed" | "rounds"> = {
  diplomacySeconds: 300,
  chatMode: "open",
  scoring: "standard",
  teams: { mode: "count", value: 4 },
  emptySeats: "balance-of-threat",
};

const EMPTY_SEATS = ["empty", ...POLICIES] as const;

/** The settings a teacher may send when creating a game; every field is optional (defaults above, rounds from the scenario). */
export const settingsInput = z.strictObject({
  rounds: z.number().int().min(1).max(MAX_ROUNDS).optional(),
  diplomacySeconds: z.number().int().min(MIN_DIPLOMACY_SECONDS).max(MAX_DIPLOMACY_SECONDS).optional(),
  chatMode: z.enum(CHAT_MODES).optional(),
  scoring: z.enum(["standard", "challenge"]).optional(),
  teams: z.strictObject({ mode: z.enum(["count", "size"]), value: z.number().int().min(1).max(MAX_TEAMS_VALUE) }).optional(),
  emptySeats: z.enum(EMPTY_SEATS, { error: "must be empty or a bot policy" }).optional(),
  seed: z.number().int().min(0).max(2 ** 32 - 1).optional(),
});
export type SettingsInput = z.infer<typeof settingsInput>;

/** The settings of a new game: the teacher's choices, then the defaults; `seed` is used when none was chosen. */
export function settingsFor(scenario: Scenario, input: SettingsInput, seed: number): SessionSettings {
  return {
    rounds: input.rounds ?? scenario.rounds,
    diplomacySeconds: input.diplomacySeconds ?? DEFAULT_SETTINGS.diplomacySeconds,
    chatMode: input.chatMode ?? DEFAULT_SETTINGS.chatMode,
    scoring: input.scoring ?? DEFAULT_SETTINGS.scoring,
    teams: input.teams ?? DEFAULT_SETTINGS.teams,
    emptySeats: input.emptySeats ?? DEFAULT_SETTINGS.emptySeats,
    seed: input.seed ?? seed,
  };
}
