// Bots must always be legal, in any scenario shape, and must do what their
// theory says: balance-of-threat bots leave an alliance with their top threat
// (and never end a round allied with it), bandwagon bots offer to it,
// balance-of-power bots leave the leading bloc.
import { MAX_BORDER_DISTANCE } from "../../shared/theory/proximity.js";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { answerOffers, planRound, POLICIES, type Policy } from "../../shared/bots/policies.js";
import type { Command, GameState, Pair, RoundRecord } from "../../shared/rules/types.js";
import { createGame } from "../../shared/rules/setup.js";
import type { Scenario } from "../../shared/scenario/schema.js";
import { assignPolicies, playGame, type PlayedGame, type PolicyChoice } from "../../shared/sim/play.js";
import {
  allAlliedInput,
  farApartInput,
  nineStatesInput,
  rulesInput,
  threeStatesInput,
  scenarioInput,
  toScenario,
} from "./fixtures.js";

const SHAPES: [string, Scenario][] = [
  ["3 states", toScenario(threeStatesInput())],
  ["9 states", toScenario(nineStatesInput())],
  ["nobody in reach", toScenario(farApartInput())],
  ["everyone allied", toScenario(allAlliedInput())],
  ["4 states, one pact", toScenario(rulesInput())],
];
const CHOICES: PolicyChoice[] = [...POLICIES, "mixed"];
const SEEDS = [1, 2, 3];

const allied = (alliances: Pair[], a: string, b: string) => alliances.some(([x, y]) => (x === a && y === b) || (x === b && y === a));

/** Alliances at the start of each round: the scenario's for round 1, else the previous round's end. */
function startAlliances(game: PlayedGame, record: RoundRecord, initial: Pair[]): Pair[] {
  return record.round === 1 ? initial : game.final.history[record.round - 2]!.alliances;
}

/** The log split by round: the commands given before each "resolve". */
function commandsByRound(log: Command[]): Command[][] {
  const rounds: Command[][] = [[]];
  for (const c of log) {
    if (c.type === "resolve") rounds.push([]);
    else if (c.type !== "nextRound") rounds[rounds.length - 1]!.push(c);
  }
  return rounds;
}

const played = new Map<string, { game: PlayedGame; scenario: Scenario }>();
function play(scenario: Scenario, choice: PolicyChoice, seed: number): PlayedGame {
  const key = `${scenario.id}/${choice}/${seed}`;
  let entry = played.get(key);
  if (!entry) {
    const game = playGame(scenario, { seed, scoring: seed % 2 === 0 ? "challenge" : "standard" }, assignPolicies(scenario, choice, seed));
    entry = { game, scenario };
    played.set(key, entry);
  }
  return entry.game;
}

describe("every policy plays every shape of scenario with zero refusals", () => {
  for (const [shape, scenario] of SHAPES) {
    it.each(CHOICES)(`${shape}: %s`, (choice) => {
      for (const seed of SEEDS) {
        const game = play(scenario, choice, seed);
        expect(game.refusals).toEqual([]);
        expect(game.final.phase).toBe("ended");
        expect(game.final.history).toHaveLength(scenario.rounds);
        if (choice !== "mixed") expect(new Set(Object.values(game.policies))).toEqual(new Set([choice]));
      }
    });
  }

  it("mixed seats every policy when there are at least four states", () => {
    const policies = assignPolicies(SHAPES[1]![1], "mixed", 1);
    expect(new Set(Object.values(policies))).toEqual(new Set(POLICIES));
  });

  it("where nobody is in reach, no bot ever threatens or attacks", () => {
    const scenario = SHAPES[2]![1];
    for (const choice of CHOICES) {
      for (const seed of SEEDS) {
        const game = play(scenario, choice, seed);
        const actions = game.log.filter((c) => c.type === "action" && c.action.kind !== "none");
        expect(actions).toEqual([]);
        expect(game.events.some((e) => e.type === "war" || e.type === "threat" || e.type === "actionCancelled")).toBe(false);
      }
    }
  });
});

describe("bots are legal in random scenarios", () => {
  // 3 to 7 states anywhere on a 6000 km square, random strengths and offensive shares,
  // random pacts, borders, a hostile record and a reach from 500 to 5000 km.
  const arbScenario = fc.integer({ min: 3, max: 7 }).chain((n) => {
    const ids = Array.from({ length: n }, (_, k) => `S${k}`);
    const pairs: [string, string][] = [];
    for (let a = 0; a < n; a++) for (let b = a + 1; b < n; b++) pairs.push([ids[a]!, ids[b]!]);
    return fc
      .record({
        states: fc.tuple(
          ...ids.map((id) =>
            fc.record({
              id: fc.constant(id),
              military: fc.integer({ min: 1, max: 500 }),
              economy: fc.integer({ min: 1, max: 500 }),
              position: fc.tuple(fc.integer({ min: 0, max: 6000 }), fc.integer({ min: 0, max: 6000 })),
              offensive: fc.integer({ min: 0, max: 100 }).map((x) => x / 100),
            }),
          ),
        ),
        alliances: fc.subarray(pairs),
        borders: fc.subarray(pairs, { maxLength: 3 }),
        history: fc.array(
          fc.record({
            pair: fc.constantFrom(...pairs),
            kind: fc.constantFrom("attack" as const, "threat" as const, "betrayal" as const),
            ago: fc.integer({ min: 1, max: 5 }),
          }),
          { maxLength: 4 },
        ),
        reach: fc.integer({ min: 500, max: 5000 }),
        rounds: fc.integer({ min: 1, max: 4 }),
      })
      .map((x) =>
        toScenario(
          scenarioInput(x.states, {
            rounds: x.rounds,
            reach: x.reach,
            alliances: x.alliances,
            // Only states near enough to share a border (the validator refuses farther ones).
            borders: x.borders.filter(([a, b]) => {
              const [pa, pb] = [x.states[Number(a.slice(1))]!.position, x.states[Number(b.slice(1))]!.position];
              return Math.hypot(pa[0] - pb[0], pa[1] - pb[1]) <= MAX_BORDER_DISTANCE;
            }),
            history: x.history.map((h) => ({ from: h.pair[0], to: h.pair[1], kind: h.kind, ago: h.ago })),
          }),
        ),
      );
  });

  it("every policy and mixed: zero refusals, and the game ends after its rounds", () => {
    fc.assert(
      fc.property(arbScenario, fc.constantFrom(...CHOICES), fc.integer({ min: 0, max: 1000 }), (scenario, choice, seed) => {
        const game = playGame(scenario, { seed }, assignPolicies(scenario, choice, seed));
        expect(game.refusals).toEqual([]);
        expect(game.final.phase).toBe("ended");
        expect(game.final.history).toHaveLength(scenario.rounds);
      }),
      { numRuns: 150 },
    );
  });
});

/** Runs `check` on every round of every game where `policy` plays some seats. */
function forEachBotRound(
  policy: Policy,
  check: (ctx: { game: PlayedGame; record: RoundRecord; id: string; start: Pair[]; commands: Command[] }) => void,
): number {
  let checked = 0;
  for (const [, scenario] of SHAPES) {
    const initial = createGame(scenario, { seed: 1 }).alliances;
    for (const choice of [policy, "mixed"] as PolicyChoice[]) {
      for (const seed of SEEDS) {
        const game = play(scenario, choice, seed);
        const rounds = commandsByRound(game.log);
        for (const record of game.final.history) {
          const start = startAlliances(game, record, initial);
          for (const [id, p] of Object.entries(game.policies)) {
            if (p !== policy) continue;
            check({ game, record, id, start, commands: rounds[record.round - 1]! });
            checked += 1;
          }
        }
      }
    }
  }
  return checked;
}

describe("bots follow their theory", () => {
  it("balance-of-threat bots leave an alliance with their round's top threat and never end a round allied with it", () => {
    let left = 0;
    const checked = forEachBotRound("balance-of-threat", ({ record, id, start }) => {
      const top = record.predictions.states[id]!.balanceOfThreat.against;
      if (allied(start, id, top)) {
        expect(record.decisions[id]!.leaving).toContain(top);
        left += 1;
      }
      expect(allied(record.alliances, id, top), `${id} still allied with ${top} after round ${record.round}`).toBe(false);
      expect(record.alignments[id]!.offers).not.toContain(top);
    });
    expect(checked).toBeGreaterThan(50);
    // The all-allied scenario guarantees the case actually occurs.
    expect(left).toBeGreaterThan(0);
  });

  it("bandwagon bots offer to their top threat unless already allied with it", () => {
    let offers = 0;
    const checked = forEachBotRound("bandwagon", ({ record, id, start, commands }) => {
      const top = record.predictions.states[id]!.bandwagon.with;
      if (allied(start, id, top)) return;
      expect(commands).toContainEqual({ type: "offer", by: id, to: top });
      expect(record.alignments[id]!.offers).toContain(top);
      expect(record.alignments[id]!.bandwagon).toBe(true);
      offers += 1;
    });
    expect(checked).toBeGreaterThan(50);
    expect(offers).toBeGreaterThan(0);
  });

  it("balance-of-power bots in the leading bloc (not its leader) leave it, and none joins it", () => {
    let leaves = 0;
    forEachBotRound("balance-of-power", ({ record, id, start }) => {
      const bop = record.predictions.states[id]!.balanceOfPower;
      if (bop.against === null) return;
      for (const member of bop.against) {
        if (member === id) continue;
        if (allied(start, id, member)) {
          expect(record.decisions[id]!.leaving).toContain(member);
          leaves += 1;
        }
        expect(allied(record.alliances, id, member)).toBe(false);
      }
    });
    expect(leaves).toBeGreaterThan(0);
  });

  it("answers: a bot answers every open offer addressed to it and then is ready", () => {
    const scenario = SHAPES[1]![1];
    let game: GameState = createGame(scenario, { seed: 4 });
    // Everybody offers to GER first.
    game = { ...game, offers: game.states.filter((s) => s.id !== "GER").map((s) => ({ from: s.id, to: "GER", round: 1, accepted: false })) };
    for (const policy of POLICIES) {
      const answers = answerOffers(game, "GER", policy);
      const answered = answers.filter((c) => c.type === "accept" || c.type === "decline").map((c) => ("from" in c ? c.from : ""));
      expect([...answered].sort()).toEqual(game.states.map((s) => s.id).filter((id) => id !== "GER").sort());
      expect(answers[answers.length - 1]).toEqual({ type: "ready", by: "GER", ready: true });
    }
  });

  it("plans are reproducible from the game and the seat", () => {
    const game = createGame(SHAPES[1]![1], { seed: 8 });
    for (const policy of POLICIES) {
      for (const s of game.states) expect(planRound(game, s.id, policy)).toEqual(planRound(game, s.id, policy));
    }
  });
});
