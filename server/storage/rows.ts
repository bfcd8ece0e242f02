// A game as both stores keep it in their \`games\` table (the same columns in
// SQLite and PostgreSQL), and the error of a fenced write.
import type { SessionSettings } from "../../shared/classroom/types.js";
import type { Scenario } from "../../shared/scenario/schema.js";
import { GONE_CODE, MOVED_CODE } from "./faults.js";
import type { GameRecord } from "./store.js";

export interface GameRow {
  id: string;
  code: string;
  teacher_hash: string;
  title: string;
  scenario_json: string;
  settings_json: string;
  status: "running" | "finished";
  host: string;
  created_at: number;
  last_seen_at: number;
  finished_at: number | null;
  damage: string | null;
}

/** The columns a GameRecord is read from (not the report, which can be large). */
export const GAME_COLUMNS = "id, code, teacher_hash, title, scenario_json, settings_json, status, host, created_at, last_seen_at, finished_at, damage";

export function fromRow(r: GameRow): GameRecord {
  return {
    id: r.id,
    code: r.code,
    teacherHash: r.teacher_hash,
    title: r.title,
    scenario: JSON.parse(r.scenario_json) as Scenario,
    settings: JSON.parse(r.settings_json) as SessionSettings,
    status: r.status,
    host: r.host,
    createdAt: r.created_at,
    lastSeenAt: r.last_seen_at,
    finishedAt: r.finished_at,
    damage: r.damage,
  };
}

/**
 * The error of an append that the fence stopped (faults.ts): `moved` when the game is kept by another process now,
 * `refused` when it is not stored at all (deleted meanwhile). `exists`: whether the game's row is there.
 */
export function fencedError(gameId: string, exists: boolean): Error {
  return exists
    ? Object.assign(new Error(`game ${gameId} is kept by another process now`), { code: MOVED_CODE })
    : Object.assign(new Error(`game ${gameId} is not stored (deleted?)`), { code: GONE_CODE });
}

