// npm run bench: how long the model takes, for each built-in scenario and a
// generated 200-state world. Prints figures; asserts nothing.
import { loadavg } from "node:os";
import { answerOffers, planRound } from "../../shared/bots/policies.js";
import { builtinScenarios } from "../../shared/scenario/builtin/index.js";
import { generateScenario } from "../../shared/scenario/generate.js";
import type { Scenario } from "../../shared/scenario/schema.js";
import { createGame } from "../../shared/rules/setup.js";
import type { GameState } from "../../shared/rules/types.js";
import { assignPolicies, playGame, step } from "../../shared/sim/play.js";
import { predictAlignments } from "../../shared/theory/predict.js";
import { table } from "./table.js";

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function time(runs: number, f: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    f();
    times.push(performance.now() - t);
  }
  return median(times);
}

/** A game in round 1 with every bot's decisions in, ready to resolve. */
function decided(scenario: Scenario): GameState {
  let game = createGame(scenario, { seed: 1 });
  const policies = assignPolicies(scenario, "mixed", 1);
  const ids = game.states.map((s) => s.id);
  for (const pass of [planRound, answerOffers]) {
    for (const id of ids) {
      for (const c of pass(game, id, policies[id]!)) {
        const o = step(game, c);
        if (o.ok) game = o.state;
      }
    }
  }
  return game;
}

const ms = (x: number) => (x < 10 ? x.toFixed(2) : x.toFixed(0));

function main() {
  const load = loadavg()[0]!;
  const scenarios = [...builtinScenarios(), generateScenario(200, 42)];
  const rows: string[][] = [];
  for (const scenario of scenarios) {
    const heavy = scenario.states.length > 50;
    const game = createGame(scenario, { seed: 1 });
    const predict = time(heavy ? 3 : 20, () => predictAlignments(game));
    const ready = decided(scenario);
    const resolve = time(heavy ? 3 : 20, () => step(ready, { type: "resolve" }));
    const whole = time(heavy ? 1 : 5, () => playGame(scenario, { seed: 1, rounds: 10 }, assignPolicies(scenario, "mixed", 1)));
    rows.push([scenario.id, String(scenario.states.length), ms(predict), ms(resolve), ms(whole)]);
  }
  process.stdout.write(`Model benchmark (median wall-clock milliseconds on this machine; load average before ${load.toFixed(2)}, after ${loadavg()[0]!.toFixed(2)})\n\n`);
  process.stdout.write(`${table(["scenario", "states", "predictions (ms)", "resolve a round (ms)", "10-round bot game (ms)"], rows)}\n`);
  process.stdout.write("Targets (issue 15): predictions plus resolution of a 200-state world at most 10 ms; a 10-round bot game of any built-in scenario at most 20 ms.\n");
}

main();
