// npm run predict -- --scenario <id or file> [--json]
// The round-1 predictions of every theory for every state.
import { parseArgs } from "node:util";
import { createGame } from "../../shared/rules/setup.js";
import type { RoundPredictions } from "../../shared/theory/predict.js";
import { threatTo } from "../../shared/theory/threat.js";
import type { World } from "../../shared/theory/world.js";
import { loadScenario, runCli } from "./load-scenario.js";
import { table } from "./table.js";
import { roundTo } from "../../shared/format.js";
import { pct } from "../../shared/format.js";


/** The predictions `p` made from `world`, with every other state's threat to each (the predictions keep only the top ones). */
export function predictionsJson(scenarioId: string, p: RoundPredictions, world: World) {
  const states: Record<string, unknown> = {};
  for (const [id, s] of Object.entries(p.states)) {
    states[id] = {
      powerShare: roundTo(s.powerShare, 4),
      threats: threatTo(world, id).map((t) => ({
        from: t.from,
        score: roundTo(t.score, 4),
        power: roundTo(t.power, 4),
        proximity: roundTo(t.proximity, 4),
        offense: roundTo(t.offense, 4),
        intentions: roundTo(t.intentions, 4),
        distance: Math.round(t.distance),
        range: Math.round(t.range),
        intent: {
          record: roundTo(t.intent.record, 4),
          claims: roundTo(t.intent.claims, 4),
          revisionism: t.intent.revisionism,
          ideology: t.intent.ideology,
          trust: t.intent.trust,
        },
      })),
      balanceOfPower: {
        against: s.balanceOfPower.against,
        partners: s.balanceOfPower.partners,
        strength: s.balanceOfPower.strength,
        strong: s.balanceOfPower.strong,
        tie: s.balanceOfPower.tie,
        leaveBloc: s.balanceOfPower.leaveBloc,
        reason: s.balanceOfPower.reason,
      },
      balanceOfThreat: {
        against: s.balanceOfThreat.against,
        tiedWith: s.balanceOfThreat.tiedWith,
        camp: s.balanceOfThreat.camp,
        partners: s.balanceOfThreat.partners,
        decidedBy: s.balanceOfThreat.decidedBy,
        reason: s.balanceOfThreat.reason,
      },
      bandwagon: { with: s.bandwagon.with, likely: s.bandwagon.likely, reason: s.bandwagon.reason },
      divergent: s.divergent,
    };
  }
  return {
    scenario: scenarioId,
    round: p.round,
    leader: { bloc: p.leader.bloc, share: roundTo(p.leader.share, 4), leaderShare: roundTo(p.leader.leaderShare, 4), strength: p.leader.strength, strong: p.leader.strong, tie: p.leader.tie },
    blocs: p.blocs.map((b) => ({ members: b.members, share: roundTo(b.share, 4) })),
    rivals: p.rivals,
    states,
  };
}

function main() {
  const { values } = parseArgs({ options: { scenario: { type: "string" }, json: { type: "boolean", default: false } } });
  const scenario = loadScenario(values.scenario);
  const game = createGame(scenario, { seed: 1 });
  const p = game.predictions;
  if (values.json) {
    process.stdout.write(`${JSON.stringify(predictionsJson(scenario.id, p, game), null, 2)}\n`);
    return;
  }
  const out: string[] = [];
  out.push(`${scenario.title} (${scenario.id}), round ${p.round}`);
  const strength = { strong: "a single land power with a third or more: strong balancing", weak: "weak balancing", maritime: "a sea power: seldom balanced against" };
  out.push(
    p.leader.tie
      ? `No leading bloc: ${p.leader.tie.join(", ")} are tied with ${pct(p.leader.share, 1)} of all power each`
      : `Leading bloc: ${p.leader.bloc.join(" + ")} with ${pct(p.leader.share, 1)} of all power (${strength[p.leader.strength]})`,
  );
  out.push(`Blocs: ${p.blocs.filter((b) => b.members.length > 1).map((b) => b.members.join("+")).join(" | ") || "none"}`);
  out.push(`Rivals: ${p.rivals.map((r) => `${r.a}-${r.b} (${r.reason})`).join(", ") || "none"}`);
  out.push("");
  const rows = Object.values(p.states).map((s) => {
    const top = s.threats[0]!;
    return [
      s.state,
      pct(s.powerShare, 1),
      `${top.from} (${top.score.toFixed(3)})`,
      s.balanceOfThreat.decidedBy.join(", "),
      s.balanceOfPower.against ? `against ${s.balanceOfPower.against.join("+")}` : s.balanceOfPower.tie ? "(tie)" : "(leader)",
      `against ${[s.balanceOfThreat.against, ...s.balanceOfThreat.tiedWith].join("/")}`,
      `with ${s.bandwagon.with}`,
      s.divergent ? "yes" : "",
    ];
  });
  out.push(table(["state", "power", "top threat", "decided by", "balance of power", "balance of threat", "bandwagon", "diverge"], rows));
  out.push("");
  for (const s of Object.values(p.states)) {
    out.push(`${s.state}:`);
    out.push(`  balance of power:  ${s.balanceOfPower.reason}`);
    out.push(`  balance of threat: ${s.balanceOfThreat.reason}`);
    out.push(`  bandwagoning:      ${s.bandwagon.reason}`);
  }
  process.stdout.write(`${out.join("\n")}\n`);
}

runCli(main);
