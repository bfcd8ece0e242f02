// npm run scenario:check -- <file> [<file> ...]
// Validates scenario files and prints every error (the map's too: territories must name Natural Earth
// countries); exit code 1 when any is invalid.
import { readFileSync } from "node:fs";
import { parseScenarioText } from "../../shared/scenario/validate.js";
import { mapProblems } from "../maps/geometry.js";

function main(): number {
  const files = process.argv.slice(2).filter((a) => a !== "--");
  if (files.length === 0) {
    process.stderr.write("usage: npm run scenario:check -- <scenario.json> [more.json ...]\n");
    return 2;
  }
  let failed = 0;
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, "utf8");
    } catch (err) {
      process.stdout.write(`${file}: cannot be read (${(err as NodeJS.ErrnoException).code ?? String(err)})\n`);
      failed += 1;
      continue;
    }
    const parsed = parseScenarioText(text);
    const problems = parsed.ok ? mapProblems(parsed.scenario) : [];
    const result = parsed.ok && problems.length > 0 ? { ok: false as const, errors: problems } : parsed;
    if (result.ok) {
      const s = result.scenario;
      process.stdout.write(`${file}: valid: "${s.title}" (${s.id}), ${s.states.length} states, ${s.rounds} rounds\n`);
    } else {
      failed += 1;
      process.stdout.write(`${file}: ${result.errors.length} error${result.errors.length === 1 ? "" : "s"}\n`);
      for (const e of result.errors) process.stdout.write(`  ${e}\n`);
    }
  }
  return failed > 0 ? 1 : 0;
}

process.exitCode = main();
