// Data export for spreadsheets and archives. CSV (RFC 4180): every field
// quoted, quotes doubled, rows ended by CRLF; a text field that a spreadsheet
// could read as a formula (starting with =, +, -, @, a tab or a carriage
// return) gets a leading apostrophe. Numbers are written as numbers (a
// negative score stays -3). The server adds the UTF-8 byte order mark.
// Also the whole game log as JSON, and the debrief rebuilt from such a file.
import { replaySession } from "../classroom/reduce.js";
import { createSession } from "../classroom/setup.js";
import type { SessionSettings, Session, LogEntry } from "../classroom/types.js";
import type { Scenario } from "../scenario/schema.js";
import { buildDebrief, type Debrief, type DebriefOptions } from "./debrief.js";

export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

/** One CSV field: quoted, quotes doubled, formula-looking text neutralized. */
export function csvField(value: CsvValue): string {
  let text: string;
  if (value === null || value === undefined) text = "";
  else if (typeof value === "number") text = Number.isFinite(value) ? String(value) : "";
  else if (typeof value === "boolean") text = value ? "yes" : "no";
  else text = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${text.replace(/"/g, '""')}"`;
}

export function toCsv(header: readonly string[], rows: readonly CsvValue[][]): string {
  return [header, ...rows].map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}

/** The byte order mark that makes spreadsheet programs read the file as UTF-8. */
export const UTF8_BOM = "\uFEFF";

/** Milliseconds since the epoch as an ISO 8601 UTC time (no Date object: the model stays clock-free). */
export function isoTime(ms: number): string {
  const total = Math.floor(ms);
  const days = Math.floor(total / 86_400_000);
  let rest = total - days * 86_400_000;
  const hh = Math.floor(rest / 3_600_000);
  rest -= hh * 3_600_000;
  const mi = Math.floor(rest / 60_000);
  rest -= mi * 60_000;
  const ss = Math.floor(rest / 1000);
  const mss = rest - ss * 1000;
  // Civil date from days (H. Hinnant's algorithm).
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  const p = (n: number, w = 2) => String(n).padStart(w, "0");
  return `${p(y, 4)}-${p(m)}-${p(d)}T${p(hh)}:${p(mi)}:${p(ss)}.${p(mss, 3)}Z`;
}

const list = (xs: readonly string[] | null | undefined) => (xs ?? []).join(" ");

export const ROUNDS_HEADER = [
  "round",
  "state",
  "name",
  "played_by",
  "budget_economy",
  "budget_defense",
  "budget_offense",
  "action",
  "action_target",
  "leaving",
  "offers",
  "allies",
  "power_share",
  "bop_against",
  "bop_partners",
  "bop_leading_share",
  "bot_against",
  "bot_partners",
  "bot_decided_by",
  "bandwagon_with",
  "bandwagon_likely",
  "divergent",
  "matches_bop",
  "matches_bot",
  "matches_bandwagon",
  "alone",
  "matches",
  "score_prosperity",
  "score_security",
  "score_war",
  "score_theory",
  "score_total",
] as const;

/** One row per state and round: decisions, predictions, matches and score parts. */
export function roundsCsv(debrief: Debrief): string {
  const rows = debrief.theoryTable.map((r) => {
    const p = r.predictions;
    return [
      r.round,
      r.state,
      r.name,
      r.playedBy,
      r.did.budget.economy,
      r.did.budget.defense,
      r.did.budget.offense,
      r.did.action.kind,
      r.did.action.kind === "none" ? "" : r.did.action.target,
      list(r.did.leaving),
      list(r.did.offers),
      list(r.did.allies),
      r.powerShare,
      list(p.balanceOfPower.against),
      list(p.balanceOfPower.partners),
      p.balanceOfPower.leadingShare,
      p.balanceOfThreat.against,
      list(p.balanceOfThreat.partners),
      list(p.balanceOfThreat.decidedBy),
      p.bandwagon.with,
      p.bandwagon.likely,
      p.divergent,
      r.matched.balanceOfPower,
      r.matched.balanceOfThreat,
      r.matched.bandwagon,
      r.matched.alone,
      list(r.matched.theories),
      r.score?.prosperity,
      r.score?.security,
      r.score?.war,
      r.score?.theory,
      r.score?.total,
    ] satisfies CsvValue[];
  });
  return toCsv(ROUNDS_HEADER, rows);
}

export const EVENTS_HEADER = ["round", "time", "kind", "states", "text"] as const;

/** One row per event of the debrief's timeline. */
export function eventsCsv(debrief: Debrief): string {
  return toCsv(
    EVENTS_HEADER,
    debrief.timeline.map((e) => [e.round, isoTime(e.at), e.kind, list(e.states), e.text]),
  );
}

export const CHAT_HEADER = ["id", "round", "time", "channel", "from", "state", "text"] as const;

/** One row per chat message, or null when the debrief was built without revealing chats. */
export function chatCsv(debrief: Debrief): string | null {
  if (!debrief.chat) return null;
  return toCsv(
    CHAT_HEADER,
    debrief.chat.map((m) => [m.id, m.round, isoTime(m.at), m.channel, m.from, m.state, m.text]),
  );
}

// --- the whole log as JSON -------------------------------------------------------

export const LOG_FORMAT = "entente-log/1";

export interface GameLogFile {
  format: typeof LOG_FORMAT;
  scenario: Scenario;
  settings: SessionSettings;
  code: string;
  createdAt: number;
  entries: LogEntry[];
}

/** The whole game log: enough to rebuild the session, and so the debrief, anywhere. */
export function exportLog(
  record: { scenario: Scenario; settings: SessionSettings; code: string; createdAt: number },
  entries: readonly LogEntry[],
): GameLogFile {
  return {
    format: LOG_FORMAT,
    scenario: record.scenario,
    settings: record.settings,
    code: record.code,
    createdAt: record.createdAt,
    entries: entries.map((e) => ({ seq: e.seq, at: e.at, actor: e.actor, command: e.command })),
  };
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === "object" && x !== null && !Array.isArray(x);

/** Reads a game log (text or parsed JSON); throws an Error that says what is wrong. */
export function parseLog(input: unknown): GameLogFile {
  let data = input;
  if (typeof input === "string") {
    try {
      data = JSON.parse(input.charCodeAt(0) === 0xfeff ? input.slice(1) : input);
    } catch {
      throw new Error("The log file is not valid JSON.");
    }
  }
  if (!isObject(data)) throw new Error("The log file must hold one JSON object.");
  if (data.format !== LOG_FORMAT) throw new Error(`The log file's format must be "${LOG_FORMAT}".`);
  if (!isObject(data.scenario) || !Array.isArray((data.scenario as { states?: unknown }).states)) throw new Error("The log file has no scenario.");
  if (!isObject(data.settings) || typeof data.settings.seed !== "number" || typeof data.settings.rounds !== "number") {
    throw new Error("The log file has no settings (seed and rounds).");
  }
  if (typeof data.code !== "string" || typeof data.createdAt !== "number") throw new Error("The log file needs a code and createdAt.");
  if (!Array.isArray(data.entries)) throw new Error("The log file has no entries.");
  data.entries.forEach((e, i) => {
    if (!isObject(e) || typeof e.seq !== "number" || typeof e.at !== "number" || !isObject(e.actor) || !isObject(e.command)) {
      throw new Error(`entries[${i}] is not a log entry (seq, at, actor, command).`);
    }
  });
  return data as unknown as GameLogFile;
}

/** Rebuilds the session from a game log, and its debrief. */
export function debriefFromLog(
  input: unknown,
  options: DebriefOptions = { revealChat: false, anonymize: false },
): { session: Session; debrief: Debrief; skipped: number[] } {
  const log = parseLog(input);
  const initial = createSession(log.scenario, log.settings, log.code, log.createdAt);
  const { state, skipped } = replaySession(initial, log.entries);
  return { session: state, debrief: buildDebrief(state, options), skipped };
}
