// Small hand-made scenarios and worlds for the model tests. Everything is built
// here as plain objects (nothing is read from disk), so each test can see the
// numbers its expectations were computed from.
import type { ScenarioInput, Scenario } from "../../shared/scenario/schema.js";
import { validateScenario } from "../../shared/scenario/validate.js";
import { contextFor, reduce } from "../../shared/rules/reduce.js";
import type { Command, Context, GameEvent, GameState } from "../../shared/rules/types.js";
import type { Claim, Deed, Pair, Power, World } from "../../shared/theory/world.js";

export interface StateSpec {
  id: string;
  name?: string;
  military?: number;
  economy?: number;
  position?: [number, number];
  offensive?: number;
}

type StateInput = ScenarioInput["states"][number];

export function stateInput(spec: StateSpec): StateInput {
  return {
    id: spec.id,
    name: spec.name ?? `State ${spec.id}`,
    military: spec.military ?? 100,
    economy: spec.economy ?? 100,
    position: spec.position ?? [0, 0],
    offensive: spec.offensive ?? 0.3,
  };
}

export function scenarioInput(
  states: StateSpec[],
  extra: Partial<Omit<ScenarioInput, "states">> = {},
): ScenarioInput {
  return { id: "test-scenario", title: "A test scenario", rounds: 3, ...extra, states: states.map(stateInput) };
}

/** Validates a hand-made scenario; a fixture that does not validate is a broken test. */
export function toScenario(input: unknown): Scenario {
  const result = validateScenario(input);
  if (!result.ok) throw new Error(`fixture scenario is invalid:\n${result.errors.join("\n")}`);
  return result.scenario;
}

/** The smallest valid scenario: three states, nothing else. */
export function minimalInput(): ScenarioInput {
  return scenarioInput(
    [
      { id: "A", position: [0, 0] },
      { id: "B", position: [500, 0] },
      { id: "C", position: [0, 500] },
    ],
    { id: "minimal", title: "Minimal" },
  );
}

/**
 * The rules fixture. Four equal states: after createGame's normalisation (an
 * average of 100 per state) each has economy 100, defense 70 and offense 30.
 *   A (0,0)   B (1000,0)   C (0,1200)   D (9000,0)
 * A-B is 1000 km (g = 0.5 at the default scale of 1000); D is beyond the
 * default reach of 3000 km from everyone; C and D are allied.
 */
export function rulesInput(extra: Partial<Omit<ScenarioInput, "states">> = {}): ScenarioInput {
  return scenarioInput(
    [
      { id: "A", position: [0, 0] },
      { id: "B", position: [1000, 0] },
      { id: "C", position: [0, 1200] },
      { id: "D", position: [9000, 0] },
    ],
    { id: "rules-fixture", title: "Rules fixture", alliances: [["C", "D"]], ...extra },
  );
}

/** Three unequal states close together. */
export function threeStatesInput(): ScenarioInput {
  return scenarioInput(
    [
      { id: "X", military: 300, economy: 200, position: [0, 0], offensive: 0.5 },
      { id: "Y", military: 120, economy: 150, position: [800, 0], offensive: 0.2 },
      { id: "Z", military: 60, economy: 90, position: [400, 700], offensive: 0.4 },
    ],
    { id: "three-states", title: "Three states", rounds: 4, history: [{ from: "X", to: "Z", kind: "threat", ago: 1 }] },
  );
}

/** Nine states of a 1914-like Europe, with alliances, borders, a record and a scripted crisis. */
export function nineStatesInput(): ScenarioInput {
  return scenarioInput(
    [
      { id: "GBR", military: 90, economy: 180, position: [-700, -400], offensive: 0.5 },
      { id: "FRA", military: 110, economy: 120, position: [-300, 300], offensive: 0.3 },
      { id: "GER", military: 160, economy: 200, position: [300, -200], offensive: 0.6 },
      { id: "RUS", military: 170, economy: 110, position: [1800, -500], offensive: 0.4 },
      { id: "AUT", military: 70, economy: 80, position: [700, 300], offensive: 0.3 },
      { id: "ITA", military: 50, economy: 60, position: [300, 900], offensive: 0.3 },
      { id: "TUR", military: 40, economy: 30, position: [1800, 1400], offensive: 0.2 },
      { id: "USA", military: 40, economy: 260, position: [-6500, 0], offensive: 0.1 },
      { id: "JPN", military: 60, economy: 50, position: [8500, 800], offensive: 0.5 },
    ],
    {
      id: "nine-states",
      title: "Nine states",
      rounds: 5,
      alliances: [
        ["FRA", "RUS"],
        ["GER", "AUT"],
        ["GER", "ITA"],
        ["GBR", "JPN"],
      ],
      borders: [
        ["FRA", "GER"],
        ["GER", "AUT"],
        ["AUT", "RUS"],
        ["RUS", "TUR"],
      ],
      history: [
        { from: "GER", to: "FRA", kind: "attack", ago: 3 },
        { from: "RUS", to: "TUR", kind: "threat", ago: 1 },
        { from: "AUT", to: "RUS", kind: "betrayal", ago: 2 },
      ],
      crises: [
        {
          id: "sarajevo",
          title: "Sarajevo",
          text: "An archduke is shot.",
          round: 2,
          effects: [{ state: "AUT", military: 20 }],
          deeds: [{ from: "AUT", to: "RUS", kind: "threat" }],
        },
      ],
    },
  );
}

/** Four states so far apart that nobody is within reach of anybody. */
export function farApartInput(): ScenarioInput {
  return scenarioInput(
    [
      { id: "N", military: 200, economy: 100, position: [0, 0], offensive: 0.7 },
      { id: "E", military: 100, economy: 150, position: [20000, 0], offensive: 0.3 },
      { id: "S", military: 50, economy: 50, position: [0, 20000], offensive: 0.5 },
      { id: "W", military: 80, economy: 120, position: [20000, 20000], offensive: 0.2 },
    ],
    { id: "far-apart", title: "Far apart", reach: 1000, rounds: 3 },
  );
}

/** Four states close together, every pair already allied. */
export function allAlliedInput(): ScenarioInput {
  return scenarioInput(
    [
      { id: "P", military: 200, economy: 160, position: [0, 0], offensive: 0.6 },
      { id: "Q", military: 100, economy: 100, position: [600, 0], offensive: 0.3 },
      { id: "R", military: 80, economy: 120, position: [0, 600], offensive: 0.2 },
      { id: "T", military: 50, economy: 40, position: [600, 600], offensive: 0.5 },
    ],
    {
      id: "all-allied",
      title: "All allied",
      rounds: 4,
      alliances: [
        ["P", "Q"],
        ["P", "R"],
        ["P", "T"],
        ["Q", "R"],
        ["Q", "T"],
        ["R", "T"],
      ],
      history: [{ from: "P", to: "T", kind: "threat", ago: 1 }],
    },
  );
}

// ---------------------------------------------------------------- worlds (theory and war)

export interface PowerSpec {
  id: string;
  economy?: number;
  defense?: number;
  offense?: number;
  position?: [number, number];
  maritime?: boolean;
  revisionist?: boolean;
  ideology?: string;
}

export function power(spec: PowerSpec): Power {
  return {
    id: spec.id,
    name: `State ${spec.id}`,
    economy: spec.economy ?? 100,
    defense: spec.defense ?? 70,
    offense: spec.offense ?? 30,
    position: spec.position ?? [0, 0],
    ...(spec.maritime ? { maritime: true } : {}),
    ...(spec.revisionist ? { revisionist: true } : {}),
    ...(spec.ideology ? { ideology: spec.ideology } : {}),
  };
}

export interface WorldOptions {
  round?: number;
  distanceScale?: number;
  alliances?: Pair[];
  borders?: Pair[];
  deeds?: Deed[];
  claims?: Claim[];
  rivalIdeologies?: Pair[];
}

const sorted = ([a, b]: Pair): Pair => (a < b ? [a, b] : [b, a]);

export function world(powers: PowerSpec[], options: WorldOptions = {}): World {
  return {
    round: options.round ?? 1,
    distanceScale: options.distanceScale ?? 1000,
    states: powers.map(power),
    alliances: (options.alliances ?? []).map(sorted),
    borders: (options.borders ?? []).map(sorted),
    deeds: options.deeds ?? [],
    claims: options.claims ?? [],
    rivalIdeologies: (options.rivalIdeologies ?? []).map(sorted),
  };
}

// ---------------------------------------------------------------- driving the reducer

/** Applies a command that must be accepted; fails the test with the refusal otherwise. */
export function accept(game: GameState, command: Command, ctx: Context = contextFor(game)): { state: GameState; events: GameEvent[] } {
  const outcome = reduce(game, command, ctx);
  if (!outcome.ok) throw new Error(`command ${JSON.stringify(command)} was refused: ${outcome.refusal.code} ${outcome.refusal.message}`);
  return { state: outcome.state, events: outcome.events };
}

/** Applies several commands that must all be accepted; returns the final state and all events. */
export function acceptAll(game: GameState, commands: Command[], ctx?: Context): { state: GameState; events: GameEvent[] } {
  let state = game;
  const events: GameEvent[] = [];
  for (const c of commands) {
    const r = accept(state, c, ctx ?? contextFor(state));
    state = r.state;
    events.push(...r.events);
  }
  return { state, events };
}

/** A context whose every draw is `x` (0 = every chance succeeds, 0.999 = almost every chance fails). */
export const fixedRandom = (x: number): Context => ({ random: () => x });

export const snapshot = <T>(value: T): T => structuredClone(value);
