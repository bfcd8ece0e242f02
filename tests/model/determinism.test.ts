// A game is fully determined by its scenario, options (seed) and command log:
// the same inputs give the same states and events, replayLog rebuilds what
// playGame played, the seed matters, and nothing reads Math.random.
import { afterEach, describe, expect, it, vi } from "vitest";
import { seededRandom, mixSeed, shuffled } from "../../shared/random.js";
import { contextFor, reduce } from "../../shared/rules/reduce.js";
import { createGame } from "../../shared/rules/setup.js";
import type { Command, GameEvent, GameState } from "../../shared/rules/types.js";
import { assignPolicies, playGame, replayLog, step, type PolicyChoice } from "../../shared/sim/play.js";
import { accept, nineStatesInput, rulesInput, threeStatesInput, toScenario } from "./fixtures.js";

const nine = toScenario(nineStatesInput());
const three = toScenario(threeStatesInput());
const rules = toScenario(rulesInput());

const json = (x: unknown) => JSON.stringify(x);

afterEach(() => {
  vi.restoreAllMocks();
});

/** A hand-written script: diplomacy, actions, resolution, two rounds. */
const script: Command[] = [
  { type: "offer", by: "A", to: "B" },
  { type: "accept", by: "B", from: "A" },
  { type: "budget", by: "C", economy: 20, defense: 30, offense: 50 },
  { type: "action", by: "C", action: { kind: "attack", target: "B" } },
  { type: "action", by: "B", action: { kind: "threaten", target: "C" } },
  { type: "leave", by: "D", ally: "C" },
  { type: "resolve" },
  { type: "nextRound" },
  { type: "action", by: "A", action: { kind: "attack", target: "C" } },
  { type: "offer", by: "D", to: "C" },
  { type: "resolve" },
  { type: "nextRound" },
];

function runScript(game: GameState, commands: readonly Command[]) {
  let state = game;
  const events: GameEvent[] = [];
  for (const c of commands) {
    const r = accept(state, c, contextFor(state));
    state = r.state;
    events.push(...r.events);
  }
  return { state, events };
}

describe("same inputs, same game", () => {
  it("the same scenario, seed and commands give identical states and events", () => {
    const a = runScript(createGame(rules, { seed: 11 }), script);
    const b = runScript(createGame(rules, { seed: 11 }), script);
    expect(json(a.state)).toBe(json(b.state));
    expect(json(a.events)).toBe(json(b.events));
    // the script really did something chancy
    expect(a.events.filter((e) => e.type === "war")).toHaveLength(2);
    expect(a.events.some((e) => e.type === "threat")).toBe(true);
  });

  it.each(["mixed", "random", "balance-of-threat"] as PolicyChoice[])("playGame with %s bots is reproducible", (choice) => {
    for (const seed of [1, 2]) {
      const policies = assignPolicies(nine, choice, seed);
      const a = playGame(nine, { seed, scoring: "challenge" }, policies);
      const b = playGame(nine, { seed, scoring: "challenge" }, policies);
      expect(json(a.final)).toBe(json(b.final));
      expect(json(a.events)).toBe(json(b.events));
      expect(json(a.log)).toBe(json(b.log));
    }
  });

  it("assignPolicies depends on the seed only", () => {
    expect(assignPolicies(nine, "mixed", 5)).toEqual(assignPolicies(nine, "mixed", 5));
    expect(Object.values(assignPolicies(nine, "random", 5)).every((p) => p === "random")).toBe(true);
  });
});

describe("replay", () => {
  it.each([
    ["nine states, mixed", nine, "mixed"],
    ["nine states, random", nine, "random"],
    ["three states, bandwagon", three, "bandwagon"],
    ["rules fixture, balance of power", rules, "balance-of-power"],
  ] as const)("replayLog reproduces playGame's final state: %s", (_, scenario, choice) => {
    for (const seed of [3, 4]) {
      const options = { seed, scoring: "challenge" as const };
      const played = playGame(scenario, options, assignPolicies(scenario, choice, seed));
      expect(played.final.phase).toBe("ended");
      expect(played.log.length).toBeGreaterThan(0);
      const replayed = replayLog(scenario, options, played.log);
      expect(json(replayed)).toBe(json(played.final));
    }
  });

  it("replaying command by command gives the same events as the game played", () => {
    const options = { seed: 9 };
    const played = playGame(nine, options, assignPolicies(nine, "mixed", 9));
    let game = createGame(nine, options);
    const events: GameEvent[] = [...game.openingEvents];
    for (const c of played.log) {
      const r = step(game, c);
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      game = r.state;
      events.push(...r.events);
    }
    expect(json(events)).toBe(json(played.events));
  });

  it("a state stored as JSON and read back continues exactly as the original", () => {
    // The keeper stores states as JSON; the result must not depend on in-memory identity (or caches).
    const options = { seed: 21 };
    const played = playGame(nine, options, assignPolicies(nine, "random", 21));
    let direct = createGame(nine, options);
    let stored = JSON.parse(json(direct)) as GameState;
    for (const c of played.log) {
      const d = reduce(direct, c, contextFor(direct));
      const s = reduce(stored, c, contextFor(stored));
      expect(d.ok && s.ok).toBe(true);
      if (!d.ok || !s.ok) return;
      direct = d.state;
      stored = JSON.parse(json(s.state)) as GameState;
    }
    expect(json(stored)).toBe(json(direct));
    expect(json(direct)).toBe(json(played.final));
  });

  it("replayLog throws on a log with a refused command", () => {
    expect(() => replayLog(rules, { seed: 1 }, [{ type: "nextRound" }])).toThrow(/refused/);
  });
});

describe("the seed matters", () => {
  it("different seeds give different games somewhere", () => {
    const outcomes = new Set<string>();
    for (let seed = 1; seed <= 5; seed++) {
      const played = playGame(nine, { seed }, assignPolicies(nine, "random", 1));
      outcomes.add(json({ log: played.log, events: played.events }));
    }
    expect(outcomes.size).toBeGreaterThan(1);
  });

  it("the round's context depends on the seed and the round", () => {
    const draws = (seed: number, round: number) => {
      const r = contextFor({ seed, round }).random;
      return [r(), r(), r()];
    };
    expect(draws(1, 1)).toEqual(draws(1, 1));
    expect(draws(1, 1)).not.toEqual(draws(2, 1));
    expect(draws(1, 1)).not.toEqual(draws(1, 2));
    for (const x of draws(123, 4)) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThan(1);
    }
  });

  it("the seeded generator and shuffle are reproducible", () => {
    const a = seededRandom(mixSeed(5, 1));
    const b = seededRandom(mixSeed(5, 1));
    for (let k = 0; k < 20; k++) expect(a()).toBe(b());
    const items = ["a", "b", "c", "d", "e"];
    const s1 = shuffled(items, seededRandom(9));
    expect(s1).toEqual(shuffled(items, seededRandom(9)));
    expect([...s1].sort()).toEqual(items);
    expect(items).toEqual(["a", "b", "c", "d", "e"]);
  });
});

describe("no Math.random", () => {
  it("a whole game (setup, bots, resolution, replay) never calls Math.random", () => {
    const spy = vi.spyOn(Math, "random").mockImplementation(() => {
      throw new Error("Math.random was called");
    });
    const options = { seed: 17, scoring: "challenge" as const };
    const played = playGame(nine, options, assignPolicies(nine, "mixed", 17));
    const again = playGame(nine, options, assignPolicies(nine, "random", 17));
    const replayed = replayLog(nine, options, played.log);
    expect(played.final.phase).toBe("ended");
    expect(again.final.phase).toBe("ended");
    expect(json(replayed)).toBe(json(played.final));
    expect(spy).not.toHaveBeenCalled();
  });
});
