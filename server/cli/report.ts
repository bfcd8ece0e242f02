// npm run report -- <log.json> [--json] [--reveal-chat] [--anonymize] [--no-counterfactuals]
// The debrief of a game rebuilt from its exported log (GET /api/games/:code/log.json):
// a text summary, or the debrief JSON (the same as GET /api/games/:code/debrief).
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { buildCounterfactuals } from "../../shared/report/counterfactual.js";
import { debriefFromLog } from "../../shared/report/csv.js";
import type { Debrief } from "../../shared/report/debrief.js";
import { THEORIES, THEORY_NAMES } from "../../shared/theory/world.js";
import { CliError, runCli } from "./load-scenario.js";
import { pct } from "../../shared/format.js";


export function debriefText(d: Debrief, counterfactuals: ReturnType<typeof buildCounterfactuals> | null): string {
  const s = d.summary;
  const lines: string[] = [];
  lines.push(`${s.scenario.title} (${s.scenario.id}), game ${d.code}: ${s.roundsPlayed} of ${s.rounds} rounds played, ${s.phase}.`);
  lines.push("");
  lines.push(`Verdict: ${s.verdict}`);
  lines.push(s.winner ? `Winner by score: ${s.winner.names.join(" and ")} (${s.winner.total} points).` : "No winner yet.");
  lines.push("");
  lines.push("Teams:");
  for (const t of s.teams) lines.push(`  ${t.name} (${t.state}): ${t.members.join(", ") || "no members"}${t.control === "team" ? "" : ` [played by ${t.control}]`}`);
  lines.push("");
  lines.push("Theory fit by team:");
  for (const t of d.fit.byTeam) {
    lines.push(`  ${t.state}: ${THEORIES.map((th) => `${THEORY_NAMES[th]} ${t[th].matched}/${t[th].predicted}`).join(", ")}; alone ${t.alone}`);
  }
  lines.push("");
  lines.push(`Divergent alignments: ${d.divergent.count}`);
  for (const r of d.divergent.rounds) lines.push(`  ${r.text}`);
  if (d.challenge) {
    lines.push("");
    lines.push("Theory challenge:");
    for (const r of d.challenge.roles) lines.push(`  ${r.name}: ${THEORY_NAMES[r.role]}, matched ${r.matched} of ${r.rounds} rounds (${pct(r.share)})`);
  }
  if (counterfactuals) {
    lines.push("");
    lines.push("Counterfactuals (same scenario and seed):");
    for (const run of counterfactuals.runs) {
      const label = run.label === "class" ? "the class" : `all ${THEORY_NAMES[run.label]}`;
      const dom = run.dominant.state ? `${run.dominant.state} dominant` : run.dominant.bloc ? `bloc ${run.dominant.bloc.join("+")} dominant` : "no one dominant";
      lines.push(`  ${label}: ${run.alliances.length} alliances at the end, ${run.wars.count} wars, strongest ${run.strongest.state} ${pct(run.strongest.share)}, ${dom}`);
    }
  }
  if (d.questions.length > 0) {
    lines.push("");
    lines.push("Discussion questions:");
    d.questions.forEach((q, i) => lines.push(`  ${i + 1}. ${q.question}`));
  }
  return lines.join("\n") + "\n";
}

runCli(() => {
  const { values, positionals } = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: {
      json: { type: "boolean", default: false },
      "reveal-chat": { type: "boolean", default: false },
      anonymize: { type: "boolean", default: false },
      "no-counterfactuals": { type: "boolean", default: false },
    },
  });
  const file = positionals[0];
  if (!file) throw new CliError("usage: npm run report -- <log.json> [--json] [--reveal-chat] [--anonymize]");
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    throw new CliError(`cannot read "${file}"`);
  }
  let result;
  try {
    result = debriefFromLog(text, { revealChat: values["reveal-chat"], anonymize: values.anonymize });
  } catch (err) {
    throw new CliError(`${file}: ${(err as Error).message}`);
  }
  if (result.skipped.length > 0) process.stderr.write(`warning: ${result.skipped.length} log entries were refused on replay and skipped\n`);
  if (values.json) {
    process.stdout.write(JSON.stringify(result.debrief, null, 2) + "\n");
    return;
  }
  process.stdout.write(debriefText(result.debrief, values["no-counterfactuals"] ? null : buildCounterfactuals(result.session)));
});
