// npm run simulate -- --scenario <id or file> --policy <policy|mixed> --rounds N --seed S [--json]
// Plays a whole game with bots and prints its summary. Same seed, same output.
import { parseArgs } from "node:util";
import { isPolicy } from "../../shared/bots/policies.js";
import { seedFromText } from "../../shared/random.js";
import { assignPolicies, playGame } from "../../shared/sim/play.js";
import { summarizeGame, type GameSummary } from "../../shared/sim/summary.js";
import { MAX_ROUNDS } from "../../shared/scenario/schema.js";
import { THEORIES, THEORY_NAMES } from "../../shared/theory/world.js";
import { CliError, loadScenario, runCli } from "./load-scenario.js";
import { table } from "./table.js";
import { pct } from "../../shared/format.js";

export function parseSeed(text: string | undefined): number {
  if (text === undefined) return 1;
  return /^\d+$/.test(text) ? Number(text) >>> 0 : seedFromText(text);
}

export function formatSummary(s: GameSummary, title: string): string {
  const out: string[] = [];
  out.push(`${title} (${s.scenario}), seed ${s.seed}`);
  out.push(`Policies: ${Object.entries(s.policies).map(([id, p]) => `${id}=${p}`).join(" ")}`);
  for (const r of s.rounds) {
    out.push("");
    out.push(`== Round ${r.round} ==  leading bloc ${r.leader.bloc.join("+")} (${pct(r.leader.share, 1)})`);
    out.push(`Alliances: ${r.alliances.length > 0 ? r.alliances.map(([a, b]) => `${a}-${b}`).join(" ") : "none"}`);
    const rows = Object.keys(r.predictions).map((id) => {
      const p = r.predictions[id]!;
      const a = r.alignments[id]!;
      return [
        id,
        r.actions[id] ?? "none",
        p.balanceOfPower.against ? `vs ${p.balanceOfPower.against.join("+")}` : "(none)",
        `vs ${p.balanceOfThreat.against}`,
        `with ${p.bandwagon.with}`,
        p.divergent ? "yes" : "",
        a.allies.join(",") || "-",
        a.alone ? "alone" : a.matches.join(", ") || "none",
        String(r.scores[id] ?? 0),
      ];
    });
    out.push(table(["state", "action", "bal. of power", "bal. of threat", "bandwagon", "diverge", "allies", "matched", "score"], rows));
    for (const e of r.events) out.push(`  - ${e}`);
  }
  out.push("");
  out.push("== Final ==");
  out.push(table(["rank", "state", "total score", "power share"], s.final.ranking.map((x, i) => [String(i + 1), x.id, x.total.toFixed(1), pct(s.final.powerShares[x.id] ?? 0, 1)])));
  out.push("");
  out.push(`Theory fit over ${s.theoryFit.stateRounds} alignments (${s.theoryFit.divergent} where the balancing theories disagreed, ${s.theoryFit.alone} standing alone):`);
  for (const t of THEORIES) {
    const f = s.theoryFit[t];
    out.push(`  ${THEORY_NAMES[t].padEnd(18)} ${String(f.matched).padStart(4)} of ${String(f.predicted).padEnd(4)} ${pct(f.share, 1)}`);
  }
  return out.join("\n");
}

function main() {
  const { values } = parseArgs({
    options: {
      scenario: { type: "string" },
      policy: { type: "string", default: "mixed" },
      rounds: { type: "string" },
      seed: { type: "string", default: "1" },
      json: { type: "boolean", default: false },
    },
  });
  const scenario = loadScenario(values.scenario);
  const policy = values.policy;
  if (policy !== "mixed" && !isPolicy(policy)) {
    throw new CliError(`--policy must be one of balance-of-power, balance-of-threat, bandwagon, random, mixed (got "${policy}")`);
  }
  let rounds: number | undefined;
  if (values.rounds !== undefined) {
    rounds = Number(values.rounds);
    if (!Number.isInteger(rounds) || rounds < 1 || rounds > MAX_ROUNDS) throw new CliError(`--rounds must be a whole number from 1 to ${MAX_ROUNDS}`);
  }
  const seed = parseSeed(values.seed);
  const played = playGame(scenario, { seed, rounds }, assignPolicies(scenario, policy, seed));
  if (played.refusals.length > 0) {
    throw new Error(`bots gave refused commands: ${JSON.stringify(played.refusals.slice(0, 3))}`);
  }
  const summary = summarizeGame(played.final, played.policies);
  process.stdout.write(values.json ? `${JSON.stringify(summary, null, 2)}\n` : `${formatSummary(summary, scenario.title)}\n`);
}

runCli(main);
