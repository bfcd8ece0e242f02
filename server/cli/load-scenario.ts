// Finds a scenario for the command line: a built-in id, or a JSON file path.
import { readFileSync } from "node:fs";
import { BUILTIN_IDS, builtinScenario } from "../../shared/scenario/builtin/index.js";
import type { Scenario } from "../../shared/scenario/schema.js";
import { parseScenarioText } from "../../shared/scenario/validate.js";

export class CliError extends Error {}

export function loadScenario(idOrFile: string | undefined): Scenario {
  if (!idOrFile) throw new CliError(`--scenario is required: a built-in id (${BUILTIN_IDS.join(", ")}) or a JSON file`);
  const builtin = builtinScenario(idOrFile);
  if (builtin) return builtin;
  let text: string;
  try {
    text = readFileSync(idOrFile, "utf8");
  } catch {
    throw new CliError(`"${idOrFile}" is neither a built-in scenario (${BUILTIN_IDS.join(", ")}) nor a readable file`);
  }
  const result = parseScenarioText(text);
  if (!result.ok) throw new CliError(`${idOrFile} is not a valid scenario:\n  ${result.errors.join("\n  ")}`);
  return result.scenario;
}

/** Runs a command-line main, turning CliErrors into a message and exit code 1 (2 for usage). */
export function runCli(main: () => void): void {
  try {
    main();
  } catch (err) {
    if (err instanceof CliError || (err instanceof Error && "code" in err && String(err.code).startsWith("ERR_PARSE_ARGS"))) {
      process.stderr.write(`error: ${err.message}\n`);
      process.exit(err instanceof CliError ? 1 : 2);
    }
    throw err;
  }
}
