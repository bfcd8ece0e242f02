// Validation of scenario files: shape by the schema, then the cross-field
// rules that keep a game from breaking. Returns every error found, each
// naming its path, never throws on bad input.
import type { z } from "zod";
import { MAX_BORDER_DISTANCE } from "../theory/proximity.js";
import { scenarioSchema, type Scenario } from "./schema.js";

export type ScenarioResult = { ok: true; scenario: Scenario } | { ok: false; errors: string[] };

/** `["states", 3, "military"]` -> `states[3].military`. */
export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = "";
  for (const part of path) {
    if (typeof part === "number") out += `[${part}]`;
    else out += out === "" ? String(part) : `.${String(part)}`;
  }
  return out === "" ? "scenario" : out;
}

function valueAt(input: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let value: unknown = input;
  for (const part of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

function schemaErrors(error: z.ZodError, input: unknown): string[] {
  return error.issues.map((issue) => {
    let message = issue.message;
    if (issue.code === "unrecognized_keys") {
      message = `unknown field${issue.keys.length > 1 ? "s" : ""} ${issue.keys.map((k) => `"${k}"`).join(", ")}`;
    } else if (issue.code === "invalid_type" && issue.path.length === 0) {
      message = "must be a JSON object";
    } else if (issue.code === "invalid_type" && valueAt(input, issue.path) === undefined) {
      message = "is required";
    } else if (issue.code === "invalid_type" && message.startsWith("Invalid input")) {
      message = issue.expected === "array" ? "must be a list" : issue.expected === "object" ? "must be an object" : `must be ${issue.expected}`;
    }
    return `${formatPath(issue.path)}: ${message}`;
  });
}

type Loose = {
  states?: unknown;
  claims?: unknown;
  rivalIdeologies?: unknown;
  alliances?: unknown;
  borders?: unknown;
  history?: unknown;
  crises?: unknown;
  rounds?: unknown;
};
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const field = (v: unknown, k: string): unknown =>
  v !== null && typeof v === "object" ? (v as Record<string, unknown>)[k] : undefined;

/**
 * Checks that need the whole file. Written against loosely-typed input so that
 * they run even when the schema also failed: the author sees every error at once.
 */
function crossFieldErrors(input: unknown): string[] {
  const s = (input ?? {}) as Loose;
  const errors: string[] = [];
  const firstIndex = new Map<string, number>();
  list(s.states).forEach((state, i) => {
    const id = field(state, "id");
    if (typeof id !== "string") return;
    const seen = firstIndex.get(id);
    if (seen !== undefined) errors.push(`states[${i}].id: duplicate id "${id}" (also states[${seen}])`);
    else firstIndex.set(id, i);
  });
  territoryErrors(list(s.states), errors);
  const known = (id: unknown) => typeof id !== "string" || firstIndex.has(id);

  const checkPairs = (field: "alliances" | "borders", what: string) => {
    const seen = new Set<string>();
    list(s[field]).forEach((p, i) => {
      if (!Array.isArray(p) || p.length !== 2) return;
      const [a, b] = p as [unknown, unknown];
      for (const [k, id] of [a, b].entries()) {
        if (!known(id)) errors.push(`${field}[${i}][${k}]: unknown state id "${String(id)}"`);
      }
      if (a === b) errors.push(`${field}[${i}]: a state cannot be its own ${what} ("${String(a)}")`);
      const key = [String(a), String(b)].sort().join("|");
      if (seen.has(key)) errors.push(`${field}[${i}]: duplicate pair "${String(a)}"-"${String(b)}"`);
      seen.add(key);
    });
  };
  checkPairs("alliances", "ally");
  checkPairs("borders", "neighbour");

  // A border makes two states neighbours (distance 0): only for states that are actually near.
  const positionOf = (id: unknown): [number, number] | null => {
    const i = typeof id === "string" ? firstIndex.get(id) : undefined;
    const pos = i === undefined ? undefined : field(list(s.states)[i], "position");
    return Array.isArray(pos) && typeof pos[0] === "number" && typeof pos[1] === "number" ? [pos[0], pos[1]] : null;
  };
  list(s.borders).forEach((p, i) => {
    if (!Array.isArray(p) || p.length !== 2) return;
    const [pa, pb] = [positionOf(p[0]), positionOf(p[1])];
    if (!pa || !pb) return;
    const d = Math.hypot(pa[0] - pb[0], pa[1] - pb[1]);
    if (d > MAX_BORDER_DISTANCE) {
      errors.push(
        `borders[${i}]: "${String(p[0])}" and "${String(p[1])}" are ${Math.round(d).toLocaleString("en-US")} km apart; a border counts them as neighbours, so their positions must be at most ${MAX_BORDER_DISTANCE.toLocaleString("en-US")} km apart`,
      );
    }
  });

  const claimed = new Set<string>();
  list(s.claims).forEach((c, i) => {
    checkDeed(`claims[${i}]`, c, "claim land from itself");
    const key = `${String(field(c, "from"))}>${String(field(c, "to"))}`;
    if (claimed.has(key)) errors.push(`claims[${i}]: duplicate claim of "${String(field(c, "from"))}" on "${String(field(c, "to"))}"`);
    claimed.add(key);
  });
  const ideologies = new Set(list(s.states).map((st) => field(st, "ideology")).filter((x): x is string => typeof x === "string"));
  list(s.rivalIdeologies).forEach((p, i) => {
    if (!Array.isArray(p) || p.length !== 2) return;
    p.forEach((label, k) => {
      if (typeof label === "string" && !ideologies.has(label)) errors.push(`rivalIdeologies[${i}][${k}]: no state has the ideology "${label}"`);
    });
    if (p[0] === p[1]) errors.push(`rivalIdeologies[${i}]: an ideology cannot be its own rival ("${String(p[0])}")`);
  });

  function checkDeed(where: string, d: unknown, self = "be hostile to itself") {
    const from = field(d, "from");
    const to = field(d, "to");
    if (!known(from)) errors.push(`${where}.from: unknown state id "${String(from)}"`);
    if (!known(to)) errors.push(`${where}.to: unknown state id "${String(to)}"`);
    if (typeof from === "string" && from === to) {
      errors.push(`${where}: a state cannot ${self} ("${from}")`);
    }
  }
  list(s.history).forEach((d, i) => checkDeed(`history[${i}]`, d));

  const crisisIds = new Set<string>();
  list(s.crises).forEach((c, i) => {
    const id = field(c, "id");
    if (typeof id === "string" && crisisIds.has(id)) errors.push(`crises[${i}].id: duplicate crisis id "${id}"`);
    if (typeof id === "string") crisisIds.add(id);
    const round = field(c, "round");
    if (typeof round === "number" && typeof s.rounds === "number" && round > s.rounds) {
      errors.push(`crises[${i}].round: must be at most the number of rounds (${s.rounds})`);
    }
    list(field(c, "effects")).forEach((e, k) => {
      const state = field(e, "state");
      if (!known(state)) errors.push(`crises[${i}].effects[${k}].state: unknown state id "${String(state)}"`);
      if (field(e, "economy") === undefined && field(e, "military") === undefined) {
        errors.push(`crises[${i}].effects[${k}]: must change economy or military (a percentage)`);
      }
    });
    list(field(c, "deeds")).forEach((d, k) => checkDeed(`crises[${i}].deeds[${k}]`, d));
  });
  return errors;
}

/**
 * A country belongs to one state only, and either every state has a territory
 * (a historical map) or none has (a generated map). Whether a name is a Natural
 * Earth country is checked by the map builder, which has the atlas.
 */
function territoryErrors(states: unknown[], errors: string[]): void {
  const owner = new Map<string, string>();
  const withTerritory: number[] = [];
  const without: number[] = [];
  states.forEach((state, i) => {
    const territory = field(state, "territory");
    if (territory === undefined) {
      without.push(i);
      return;
    }
    withTerritory.push(i);
    const id = field(state, "id");
    const who = typeof id === "string" ? id : `states[${i}]`;
    list(territory).forEach((name, k) => {
      if (typeof name !== "string") return;
      const key = name.trim();
      const first = owner.get(key);
      if (first === who) errors.push(`states[${i}].territory[${k}]: "${key}" is listed twice`);
      else if (first !== undefined) errors.push(`states[${i}].territory[${k}]: "${key}" already belongs to ${first}`);
      else owner.set(key, who);
    });
  });
  if (withTerritory.length > 0 && without.length > 0) {
    const missing = without.map((i) => `states[${i}]`);
    const shown = missing.length > 5 ? `${missing.slice(0, 5).join(", ")} and ${missing.length - 5} more` : missing.join(", ");
    errors.push(
      `${shown}: ${missing.length > 1 ? "have" : "has"} no territory; either every state has a territory (a map of real countries) or none has (a generated map)`,
    );
  }
}

/** Validates anything (parsed JSON) as a scenario and returns it, or every error found. */
export function validateScenario(input: unknown): ScenarioResult {
  const parsed = scenarioSchema.safeParse(input);
  const errors = [...(parsed.success ? [] : schemaErrors(parsed.error, input)), ...crossFieldErrors(input)];
  if (errors.length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, scenario: parsed.data };
}

/** Parses JSON text then validates it; a syntax error is reported like any other error. */
export function parseScenarioText(text: string): ScenarioResult {
  let input: unknown;
  try {
    input = JSON.parse(text.replace(/^\uFEFF/, "")); // a byte-order mark, as some editors save

  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    return { ok: false, errors: [`scenario: not valid JSON (${reason})`] };
  }
  return validateScenario(input);
}
