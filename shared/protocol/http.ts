// The HTTP API's requests and responses, typed once for the server's routes
// and the client's pages (docs/protocol.md, "HTTP API"). Every error is an
// ApiError body with a status code.
import { z } from "zod";
import { settingsInput } from "../classroom/settings.js";
import type { SessionSettings } from "../classroom/types.js";

export interface ApiErrorBody {
  error: { code: string; message: string; errors?: string[] };
}

/** GET /api/health: `ok` says the process answers; `storage` whether its database works, as it last saw it. */
export interface HealthResponse {
  ok: true;
  uptimeSeconds: number;
  host: string;
  storage: { ok: true } | { ok: false; since: number; problem: string };
}

/**
 * GET /api/join-address: the addresses by which students' devices can reach the server, best first (each an origin
 * such as "http://192.168.1.20:2567", and a label naming its network interface). `configured`: JOIN_URL set it.
 * `loopbackOnly`: the server listens on this machine only (HOSTNAME_BIND=127.0.0.1), so there are none.
 */
export interface JoinAddressResponse {
  addresses: { url: string; label: string }[];
  configured: boolean;
  loopbackOnly: boolean;
}

/** GET /api/scenarios */
export interface ScenariosResponse {
  scenarios: {
    id: string;
    title: string;
    description: string;
    rounds: number;
    states: { id: string; name: string }[];
    crises: { id: string; title: string; round: number | null }[];
  }[];
}

/** POST /api/scenarios/validate */
export type ValidateScenarioResponse = { ok: true; id: string; title: string; states: number } | { ok: false; errors: string[] };

/** POST /api/games: a built-in scenario id or a whole scenario, the settings, and the teacher's key (a new one is made without it). */
export const createGameRequest = z.strictObject({
  scenario: z.union([z.string().max(60), z.record(z.string(), z.unknown())]),
  settings: settingsInput.optional(),
  teacherKey: z.string().max(200).optional(),
  passcode: z.string().max(200).optional(),
});
export type CreateGameRequest = z.infer<typeof createGameRequest>;

export interface CreateGameResponse {
  gameId: string;
  code: string;
  teacherKey: string;
  /** The key was made now: show it to the teacher once. */
  teacherKeyIsNew: boolean;
  settings: SessionSettings;
}

/** "damaged": the game's stored log cannot be read or replayed whole (found at start); it is not reopened. */
export type GameStatus = "running" | "finished" | "damaged";

/** GET /api/games/:code */
export interface GameLookupResponse {
  code: string;
  title: string;
  status: GameStatus;
}

/** GET /api/teacher/games (teacher key) */
export interface TeacherGamesResponse {
  games: {
    gameId: string;
    code: string;
    title: string;
    scenarioId: string;
    status: GameStatus;
    createdAt: number;
    finishedAt: number | null;
    /** Why a damaged game's log cannot be used ("entry 4 is missing"), else null. */
    damage: string | null;
  }[];
}

/** DELETE /api/games/:code (teacher key) */
export interface DeleteGameResponse {
  deleted: true;
  code: string;
  gameId: string;
}
