// npm run bench: how long the model takes, for each built-in scenario and a
// generated 200-state world, beside the targets of issue 15, once the code is warm
// (and the very first game of the process apart). Prints figures; asserts nothing.
// BENCH_QUICK=1: fewer runs, and no whole game of the 200-state world.
import { answerOffers, planRound } from "../../shared/bots/policies.js";
import { builtinScenarios } from "../../shared/scenario/builtin/index.js";
import { generateScenario } from "../../shared/scenario/generate.js";
import type { Scenario } from "../../shared/scenario/schema.js";
import { createGame } from "../../shared/rules/setup.js";
import type { GameState } from "../../shared/rules/types.js";
import { assignPolicies, playGame, step } from "../../shared/sim/play.js";
import { predictAlignments } from "../../shared/theory/predict.js";
import { availableParallelism, loadavg } from "node:os";
import { table } from "./table.js";

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

interface Timing {
  /** Median wall-clock milliseconds. */
  wall: number;
  /** Median CPU milliseconds of this process (user + system): less sensitive to other load on the machine. */
  cpu: number;
}

/** One call, timed. */
function once(f: () => void): Timing {
  const c = process.cpuUsage();
  const t = performance.now();
  f();
  const wall = performance.now() - t;
  const used = process.cpuUsage(c);
  return { wall, cpu: (used.user + used.system) / 1000 };
}

/** Medians over `runs` calls, after one call to warm up. */
function time(runs: number, f: () => void): Timing {
  f();
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    f();
    wall.push(performance.now() - t);
    const used = process.cpuUsage(c);
    cpu.push((used.user + used.system) / 1000);
  }
  return { wall: median(wall), cpu: median(cpu) };
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
const cell = (t: Timing) => `${ms(t.wall)} (${ms(t.cpu)} CPU)`;
const sum = (a: Timing, b: Timing): Timing => ({ wall: a.wall + b.wall, cpu: a.cpu + b.cpu });

/** Targets of issue 15 (medians, printed beside the figures, never asserted). */
const TARGET_PREDICT_AND_RESOLVE_200 = 10;
const TARGET_BUILTIN_GAME = 20;

/** Bot games of every built-in scenario played before anything is timed (BENCH_QUICK: 1 each). */
const WARM_UP_GAMES = 5;

const botGame = (scenario: Scenario) => playGame(scenario, { seed: 1, rounds: 10 }, assignPolicies(scenario, "mixed", 1));

function main() {
  const quick = process.env.BENCH_QUICK === "1";
  const scenarios = [...builtinScenarios(), generateScenario(200, 42)];
  const rows: string[][] = [];
  // A server plays many games in one process, so the model's code is compiled by the time a class plays: the
  // figures below are taken once every built-in scenario's bot game has been played a few times. The very first
  // game of a fresh process (the JIT compiler still at work) is timed apart and printed under the table.
  const first = builtinScenarios()[0]!;
  const cold = once(() => botGame(first));
  for (let i = 0; i < (quick ? 1 : WARM_UP_GAMES); i++) for (const scenario of builtinScenarios()) botGame(scenario);
  for (const scenario of scenarios) {
    const heavy = scenario.states.length > 50;
    const builtin = !scenario.id.startsWith("generated");
    const runs = quick ? (heavy ? 3 : 5) : 21;
    const game = createGame(scenario, { seed: 1 });
    const predict = time(runs, () => predictAlignments(game));
    const ready = decided(scenario);
    const resolve = time(runs, () => step(ready, { type: "resolve" }));
    const both = sum(predict, resolve);
    const skipWhole = quick && heavy;
    const whole = skipWhole ? null : time(heavy ? 1 : quick ? 3 : 15, () => botGame(scenario));
    rows.push([
      scenario.id,
      String(scenario.states.length),
      cell(predict),
      cell(resolve),
      cell(both),
      heavy ? `<= ${TARGET_PREDICT_AND_RESOLVE_200}` : "",
      whole ? cell(whole) : "skipped (BENCH_QUICK)",
      builtin ? `<= ${TARGET_BUILTIN_GAME}` : "",
    ]);
  }
  const load = loadavg().map((x) => x.toFixed(2)).join(", ");
  process.stdout.write(`Model benchmark${quick ? " (BENCH_QUICK)" : ""}: median milliseconds, wall-clock (and this process's CPU time); load average ${load} on ${availableParallelism()} cores\n\n`);
  process.stdout.write(
    `${table(["scenario", "states", "predictions", "resolve a round", "predictions + resolve", "target", "10-round bot game", "target"], rows)}\n`,
  );
  process.stdout.write(
    `\nTimed after ${quick ? 1 : WARM_UP_GAMES} bot game(s) of each built-in scenario (a server's model code is compiled by the time a class plays). ` +
      `The first game of this process, before any of them (${first.id}, the JIT compiler still at work): ${cell(cold)}.\n`,
  );
}

main();
