// npm run tune -- [--seeds N]: plays many bot games to check that the rules'
// numbers make choices matter. Prints, per scenario, how each policy fares in
// mixed games and how often aggression pays. The figures are quoted in docs/rules.md.
import { parseArgs } from "node:util";
import { POLICIES, type Policy } from "../../shared/bots/policies.js";
import { ranking } from "../../shared/rules/scoring.js";
import { builtinScenarios } from "../../shared/scenario/builtin/index.js";
import { generateScenario } from "../../shared/scenario/generate.js";
import { assignPolicies, playGame } from "../../shared/sim/play.js";
import { table } from "./table.js";
import { pct } from "../../shared/format.js";

function main() {
  const { values } = parseArgs({ options: { seeds: { type: "string", default: "40" } } });
  const seeds = Number(values.seeds);
  const scenarios = [...builtinScenarios(), generateScenario(12, 5, 8)];
  const out: string[] = [];
  const policyRows: string[][] = [];
  const warRows: string[][] = [];
  for (const scenario of scenarios) {
    const wins = new Map<Policy, number>();
    const seats = new Map<Policy, number>();
    const relative = new Map<Policy, number[]>();
    let attacks = 0;
    let attackerWins = 0;
    let threats = 0;
    let yielded = 0;
    let spoils = 0;
    const attackerRel: number[] = [];
    const peacefulRel: number[] = [];
    for (let seed = 1; seed <= seeds; seed++) {
      const policies = assignPolicies(scenario, "mixed", seed);
      const game = playGame(scenario, { seed }, policies);
      const rank = ranking(game.final);
      const mean = rank.reduce((s, r) => s + r.total, 0) / rank.length;
      const winner = policies[rank[0]!.id]!;
      wins.set(winner, (wins.get(winner) ?? 0) + 1);
      for (const r of rank) {
        const p = policies[r.id]!;
        seats.set(p, (seats.get(p) ?? 0) + 1);
        relative.set(p, [...(relative.get(p) ?? []), r.total / mean]);
      }
      const attackersInGame = new Set<string>();
      for (const e of game.events) if (e.type === "war") for (const a of e.attackers) attackersInGame.add(a);
      for (const r of rank) (attackersInGame.has(r.id) ? attackerRel : peacefulRel).push(r.total / mean);
      for (const e of game.events) {
        if (e.type === "war") {
          attacks += 1;
          if (e.winner === "attackers") attackerWins += 1;
          spoils += Object.values(e.spoils).reduce((a, b) => a + b, 0);
        } else if (e.type === "threat") {
          threats += 1;
          if (e.yielded) yielded += 1;
        }
      }
    }
    for (const p of POLICIES) {
      const rel = relative.get(p) ?? [];
      const avg = rel.length > 0 ? rel.reduce((a, b) => a + b, 0) / rel.length : 0;
      const seatShare = (seats.get(p) ?? 0) / (seeds * scenario.states.length);
      policyRows.push([scenario.id, p, pct((wins.get(p) ?? 0) / seeds), pct(seatShare), avg.toFixed(3)]);
    }
    warRows.push([
      scenario.id,
      String(attacks),
      attacks > 0 ? pct(attackerWins / attacks) : "-",
      attacks > 0 ? (spoils / Math.max(1, attackerWins)).toFixed(1) : "-",
      String(threats),
      threats > 0 ? pct(yielded / threats) : "-",
      attackerRel.length > 0 ? (attackerRel.reduce((a, b) => a + b, 0) / attackerRel.length).toFixed(3) : "-",
      peacefulRel.length > 0 ? (peacefulRel.reduce((a, b) => a + b, 0) / peacefulRel.length).toFixed(3) : "-",
      attackerRel.length > 0 ? pct(attackerRel.filter((x) => x > 1).length / attackerRel.length) : "-",
    ]);
  }
  out.push(`Mixed-policy bot games, ${seeds} seeds per scenario (each policy holds about a quarter of the seats).`);
  out.push("");
  out.push(table(["scenario", "policy", "games won", "seats held", "score / game mean"], policyRows));
  out.push("");
  out.push(
    table(
      ["scenario", "wars", "attackers won", "spoils per win", "threats", "gave in", "aggressors' score", "others' score", "aggressors above mean"],
      warRows,
    ),
  );
  out.push("");
  out.push("Scores are relative to the game's mean score (1.000 = average). Aggressors: states that attacked at least once.");
  process.stdout.write(`${out.join("\n")}\n`);
}

main();
