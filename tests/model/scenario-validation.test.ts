// Scenario validation: every error path of validateScenario and
// parseScenarioText. Each error names its path and the problem, and every
// error is reported at once; bad input never throws.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { MAX_ROUNDS, MIN_STATES } from "../../shared/scenario/schema.js";
import { formatPath, parseScenarioText, validateScenario } from "../../shared/scenario/validate.js";
import { minimalInput } from "./fixtures.js";

/** A fresh, valid, loosely-typed copy of the minimal scenario, to break in one place. */
type Loose = Record<string, any>;
const base = (): Loose => structuredClone(minimalInput());

function errorsOf(input: unknown): string[] {
  const r = validateScenario(input);
  if (r.ok) return [];
  return r.errors;
}

/** Breaks the minimal scenario with `mutate` and expects exactly these errors. */
function expectErrors(mutate: (s: Loose) => void, expected: string[]) {
  const s = base();
  mutate(s);
  const r = validateScenario(s);
  expect(r.ok).toBe(expected.length === 0);
  expect(errorsOf(s)).toEqual(expected);
}

describe("a valid scenario", () => {
  it("the minimal scenario passes and comes back as given", () => {
    const r = validateScenario(minimalInput());
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.states.map((s) => s.id)).toEqual(["A", "B", "C"]);
    expect(r.scenario.rounds).toBe(3);
  });

  it("a scenario using every optional field passes", () => {
    const s = base();
    Object.assign(s, {
      description: "All the options.",
      distanceScale: 800,
      reach: 2500,
      alliances: [["A", "B"]],
      borders: [["B", "C"]],
      history: [{ from: "C", to: "A", kind: "attack", ago: 2, note: "A raid.", source: "A book." }],
      crises: [
        {
          id: "storm-1",
          title: "Storm",
          text: "A storm.",
          round: 2,
          effects: [{ state: "A", economy: -10, military: 5 }],
          deeds: [{ from: "B", to: "C", kind: "threat", note: "Harsh words." }],
        },
        { id: "live-only", title: "Spare", text: "For the teacher." },
      ],
      teachingNotes: "Discuss.",
      sources: ["Somebody (2020)."],
    });
    s.states[0].color = "#1f77b4";
    s.states[0].description = "The first state.";
    s.states[0].capital = { name: "Alpha", lat: 48.85, lon: 2.35 };
    s.states[0].cow = { stateabb: "AAA", year: 1949, milex: 1, milper: 2, irst: 3, pec: 4, tpop: 5, upop: 6 };
    s.states[1].offensive = 0;
    s.states[2].offensive = 1;
    s.rounds = MAX_ROUNDS;
    expect(errorsOf(s)).toEqual([]);
    expect(validateScenario(s).ok).toBe(true);
  });

  it("parseScenarioText accepts the same scenario as JSON text", () => {
    const r = parseScenarioText(JSON.stringify(minimalInput()));
    expect(r.ok).toBe(true);
  });
});

describe("numbers", () => {
  it.each([
    ["negative", -1],
    ["zero", 0],
    ["NaN", Number.NaN],
    ["infinite", Number.POSITIVE_INFINITY],
    ["a string", "5"],
    ["null", null],
    ["a list", [5]],
  ])("military %s: `states[1].military: must be a positive number`", (_, value) => {
    expectErrors((s) => (s.states[1].military = value), ["states[1].military: must be a positive number"]);
  });

  it("economy, distanceScale and reach must be positive too", () => {
    expectErrors((s) => (s.states[2].economy = -5), ["states[2].economy: must be a positive number"]);
    expectErrors((s) => (s.distanceScale = 0), ["distanceScale: must be a positive number"]);
    expectErrors((s) => (s.reach = "far"), ["reach: must be a positive number"]);
  });

  it("a missing number is reported as required", () => {
    expectErrors((s) => delete s.states[0].economy, ["states[0].economy: is required"]);
  });

  it.each([-0.01, 1.01, 2, Number.NaN, "0.5"])("offensive %s is outside 0..1", (value) => {
    expectErrors((s) => (s.states[0].offensive = value), ["states[0].offensive: must be a number between 0 and 1"]);
  });

  it("position must be [x, y] of finite numbers", () => {
    for (const value of [[1], [1, 2, 3], "here", null]) {
      expectErrors((s) => (s.states[0].position = value), ["states[0].position: must be [x, y] in kilometres"]);
    }
    expectErrors((s) => (s.states[0].position = [Number.NaN, 1]), ["states[0].position[0]: must be a number"]);
    expectErrors((s) => (s.states[0].position = [1, Number.POSITIVE_INFINITY]), ["states[0].position[1]: must be a number"]);
  });

  it.each([0, 31, 2.5, "3", -1])("rounds %s is not a whole number from 1 to 30", (value) => {
    expectErrors((s) => (s.rounds = value), [`rounds: must be a whole number from 1 to ${MAX_ROUNDS}`]);
  });
});

describe("states", () => {
  it("fewer than 3 states", () => {
    expect(MIN_STATES).toBe(3);
    expectErrors((s) => s.states.pop(), ["states: must have at least 3 states"]);
    expectErrors((s) => (s.states = []), ["states: must have at least 3 states"]);
  });

  it("states must be a list", () => {
    expectErrors((s) => (s.states = { A: 1 }), ["states: must be a list of states"]);
  });

  it("duplicate ids name both places", () => {
    expectErrors((s) => (s.states[2].id = "A"), ['states[2].id: duplicate id "A" (also states[0])']);
  });

  it("ids must be short words starting with a letter", () => {
    const message = "must be 1 to 12 letters, digits, '-' or '_', starting with a letter";
    for (const id of ["1A", "", "has space", "ABCDEFGHIJKLM"]) {
      expectErrors((s) => (s.states[1].id = id), [`states[1].id: ${message}`]);
    }
    expectErrors((s) => (s.states[1].id = "Ok_id-12"), []);
  });

  it("names must not be empty; colours must be #rrggbb; capitals on the globe", () => {
    expectErrors((s) => (s.states[0].name = "   "), ["states[0].name: must not be empty"]);
    expectErrors((s) => (s.states[0].color = "red"), ["states[0].color: must be a colour like #1f77b4"]);
    expectErrors((s) => (s.states[0].capital = { name: "X", lat: 91, lon: 0 }), ["states[0].capital.lat: must be between -90 and 90"]);
  });
});

describe("unknown fields", () => {
  it("at the top, in a state, in a deed, in a crisis deed", () => {
    expectErrors((s) => (s.colour = "blue"), ['scenario: unknown field "colour"']);
    expectErrors((s) => Object.assign(s.states[0], { size: 1, flag: "x" }), ['states[0]: unknown fields "size", "flag"']);
    expectErrors(
      (s) => (s.history = [{ from: "A", to: "B", kind: "attack", ago: 1, when: 1914 }]),
      ['history[0]: unknown field "when"'],
    );
    // a crisis deed has no age: it happens when the crisis breaks out
    expectErrors(
      (s) => (s.crises = [{ id: "c", title: "C", text: "C", deeds: [{ from: "A", to: "B", kind: "threat", ago: 1 }] }]),
      ['crises[0].deeds[0]: unknown field "ago"'],
    );
  });
});

describe("required fields", () => {
  it("missing id, title, rounds, states", () => {
    expect(errorsOf({})).toEqual(["id: is required", "title: is required", "rounds: is required", "states: is required"]);
    expectErrors((s) => delete s.title, ["title: is required"]);
  });

  it("a bad scenario id", () => {
    expectErrors((s) => (s.id = "Has Caps"), ["id: must be 2 to 60 lower-case letters, digits and '-', like cold-war-1947"]);
  });
});

describe("alliances and borders", () => {
  it("unknown ids, with the position in the pair", () => {
    expectErrors((s) => (s.alliances = [["A", "Z"]]), ['alliances[0][1]: unknown state id "Z"']);
    expectErrors((s) => (s.borders = [["Q", "A"]]), ['borders[0][0]: unknown state id "Q"']);
    expectErrors((s) => (s.alliances = [["Y", "Z"]]), ['alliances[0][0]: unknown state id "Y"', 'alliances[0][1]: unknown state id "Z"']);
  });

  it("a state allied with, or bordering, itself", () => {
    expectErrors((s) => (s.alliances = [["A", "A"]]), ['alliances[0]: a state cannot be its own ally ("A")']);
    expectErrors((s) => (s.borders = [["B", "B"]]), ['borders[0]: a state cannot be its own neighbour ("B")']);
  });

  it("duplicate pairs, in either order", () => {
    expectErrors((s) => (s.alliances = [["A", "B"], ["B", "A"]]), ['alliances[1]: duplicate pair "B"-"A"']);
    expectErrors((s) => (s.borders = [["A", "C"], ["B", "C"], ["A", "C"]]), ['borders[2]: duplicate pair "A"-"C"']);
  });

  it("a pair must be two state ids", () => {
    const message = 'must be a pair of state ids, like ["USA", "GBR"]';
    expectErrors((s) => (s.alliances = [["A"]]), [`alliances[0]: ${message}`]);
    expectErrors((s) => (s.borders = [["A", "B", "C"]]), [`borders[0]: ${message}`]);
  });
});

describe("history", () => {
  it("unknown ids in a deed", () => {
    expectErrors((s) => (s.history = [{ from: "Z", to: "A", kind: "attack", ago: 1 }]), ['history[0].from: unknown state id "Z"']);
    expectErrors((s) => (s.history = [{ from: "A", to: "Y", kind: "threat", ago: 1 }]), ['history[0].to: unknown state id "Y"']);
  });

  it("a state hostile to itself", () => {
    expectErrors((s) => (s.history = [{ from: "A", to: "A", kind: "attack", ago: 1 }]), ['history[0]: a state cannot be hostile to itself ("A")']);
  });

  it("an unknown kind; an age that is not a whole number of rounds from 1 to 50", () => {
    expectErrors((s) => (s.history = [{ from: "A", to: "B", kind: "insult", ago: 1 }]), ["history[0].kind: must be one of attack, threat, betrayal"]);
    for (const ago of [0, -1, 1.5]) {
      expectErrors((s) => (s.history = [{ from: "A", to: "B", kind: "attack", ago }]), ["history[0].ago: must be a whole number of rounds, 1 or more"]);
    }
    expectErrors((s) => (s.history = [{ from: "A", to: "B", kind: "attack", ago: 51 }]), ["history[0].ago: must be at most 50 rounds"]);
  });
});

describe("crises", () => {
  const crisis = (extra: Loose = {}): Loose => ({ id: "c1", title: "C", text: "Something happens.", ...extra });

  it("unknown ids in effects and deeds", () => {
    expectErrors((s) => (s.crises = [crisis({ effects: [{ state: "Z", economy: 5 }] })]), ['crises[0].effects[0].state: unknown state id "Z"']);
    expectErrors((s) => (s.crises = [crisis({ deeds: [{ from: "A", to: "Z", kind: "threat" }] })]), ['crises[0].deeds[0].to: unknown state id "Z"']);
    expectErrors((s) => (s.crises = [crisis({ deeds: [{ from: "C", to: "C", kind: "attack" }] })]), ['crises[0].deeds[0]: a state cannot be hostile to itself ("C")']);
  });

  it("a round after the last one", () => {
    expectErrors((s) => (s.crises = [crisis({ round: 4 })]), ["crises[0].round: must be at most the number of rounds (3)"]);
    expectErrors((s) => (s.crises = [crisis({ round: 3 })]), []);
    expectErrors((s) => (s.crises = [crisis({ round: 0 })]), ["crises[0].round: must be 1 or more"]);
  });

  it("an effect that changes nothing, or changes too much", () => {
    expectErrors((s) => (s.crises = [crisis({ effects: [{ state: "A" }] })]), ["crises[0].effects[0]: must change economy or military (a percentage)"]);
    expectErrors(
      (s) => (s.crises = [crisis({ effects: [{ state: "A", economy: -95 }] })]),
      ["crises[0].effects[0].economy: must be a percentage change between -90 and 200"],
    );
  });

  it("duplicate crisis ids", () => {
    expectErrors((s) => (s.crises = [crisis(), crisis()]), ['crises[1].id: duplicate crisis id "c1"']);
  });
});

describe("not a scenario at all", () => {
  it.each([
    ["null", null],
    ["undefined", undefined],
    ["a number", 42],
    ["a string", "scenario"],
    ["a list", [minimalInput()]],
    ["true", true],
  ])("%s: `scenario: must be a JSON object`", (_, value) => {
    expect(errorsOf(value)).toEqual(["scenario: must be a JSON object"]);
  });

  it("bad JSON is one error naming the scenario", () => {
    for (const text of ["{", "", "{'id': 1}", '{"id": "x",}']) {
      const r = parseScenarioText(text);
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.errors).toHaveLength(1);
      expect(r.errors[0]).toMatch(/^scenario: not valid JSON \(.+\)$/);
    }
    const nullText = parseScenarioText("null");
    expect(nullText.ok ? [] : nullText.errors).toEqual(["scenario: must be a JSON object"]);
  });

  it("formatPath writes paths the way the messages do", () => {
    expect(formatPath([])).toBe("scenario");
    expect(formatPath(["states", 3, "military"])).toBe("states[3].military");
    expect(formatPath(["alliances", 0, 1])).toBe("alliances[0][1]");
  });
});

describe("every error at once", () => {
  it("schema and cross-field errors are reported together", () => {
    const s = base();
    s.states[1].military = -1;
    s.states[2].id = "A";
    s.alliances = [["A", "Z"]];
    s.history = [{ from: "B", to: "B", kind: "threat", ago: 1 }];
    s.extra = true;
    const errors = errorsOf(s);
    expect([...errors].sort()).toEqual(
      [
        "states[1].military: must be a positive number",
        'scenario: unknown field "extra"',
        'states[2].id: duplicate id "A" (also states[0])',
        'alliances[0][1]: unknown state id "Z"',
        'history[0]: a state cannot be hostile to itself ("B")',
      ].sort(),
    );
  });

  it("never throws, and every error names a path: random input", () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        const r = validateScenario(value);
        expect(r.ok).toBe(false);
        if (r.ok) return;
        expect(r.errors.length).toBeGreaterThan(0);
        for (const e of r.errors) expect(e).toMatch(/^[A-Za-z][\w.[\]]*: \S/);
      }),
      { numRuns: 200 },
    );
  });

  it("never throws, and every error names a path: one field of a valid scenario replaced by anything", () => {
    const paths: (string | number)[][] = [
      ["id"],
      ["rounds"],
      ["states"],
      ["states", 0],
      ["states", 1, "military"],
      ["states", 2, "position"],
      ["states", 0, "offensive"],
      ["alliances"],
      ["borders"],
      ["history"],
      ["crises"],
      ["reach"],
    ];
    fc.assert(
      fc.property(fc.constantFrom(...paths), fc.jsonValue(), (path, value) => {
        const s = base();
        let target: Loose = s;
        for (const key of path.slice(0, -1)) target = target[key];
        target[path[path.length - 1]!] = value;
        const r = validateScenario(s);
        if (r.ok) return; // some replacements are valid
        for (const e of r.errors) expect(e).toMatch(/^[A-Za-z][\w.[\]]*: \S/);
      }),
      { numRuns: 200 },
    );
  });
});
