// The scenarios that ship with Entente. Each is a JSON file beside this one,
// validated like any teacher's file when first used. See docs/scenarios.md.
import coldWar1947 from "./cold-war-1947.json" with { type: "json" };
import europe1914 from "./europe-1914.json" with { type: "json" };
import europe1936 from "./europe-1936.json" with { type: "json" };
import rivalShores from "./rival-shores.json" with { type: "json" };
import { validateScenario } from "../validate.js";
import type { Scenario } from "../schema.js";

const FILES: unknown[] = [coldWar1947, europe1914, europe1936, rivalShores];

let cache: Scenario[] | null = null;

/** All built-in scenarios, validated (a broken built-in file is a bug: it throws with every error). */
export function builtinScenarios(): Scenario[] {
  if (cache) return cache;
  cache = FILES.map((file) => {
    const result = validateScenario(file);
    if (!result.ok) throw new Error(`a built-in scenario is invalid:\n${result.errors.join("\n")}`);
    return result.scenario;
  });
  return cache;
}

export function builtinScenario(id: string): Scenario | undefined {
  return builtinScenarios().find((s) => s.id === id);
}

export const BUILTIN_IDS: readonly string[] = FILES.map((f) => (f as { id: string }).id);
