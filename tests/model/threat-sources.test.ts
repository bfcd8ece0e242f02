// Regional threats, declared borders, territorial claims, revisionist aims and
// ideology: the parts of Walt's threat that the first engine got wrong or left out.
import { describe, expect, it } from "vitest";
import { createGame } from "../../shared/rules/setup.js";
import { validateScenario } from "../../shared/scenario/validate.js";
import { predictAlignments } from "../../shared/theory/predict.js";
import { MAX_BORDER_DISTANCE } from "../../shared/theory/proximity.js";
import { threatBetween, threatTo } from "../../shared/theory/threat.js";
import { nameInText, type Deed, type World } from "../../shared/theory/world.js";
import { scenarioInput, toScenario, world } from "./fixtures.js";

describe("regional threats (Walt: regional states balance against those close by, great powers against the largest capabilities)", () => {
  // A small state S; its neighbour N (shares a border) attacked it last round; a great power G
  // 2,500 km away with no record against anyone; a second great power H 7,500 km beyond G.
  // Shares: S 0.04, N 0.07, G 0.45, H 0.37, X 0.07.
  const deeds: Deed[] = [{ round: 1, from: "N", to: "S", kind: "attack" }];
  const region = world(
    [
      { id: "S", economy: 20, defense: 15, offense: 5, position: [0, 0] },
      { id: "N", economy: 40, defense: 28, offense: 12, position: [400, 0] },
      { id: "G", economy: 300, defense: 180, offense: 120, position: [0, 2500] },
      { id: "H", economy: 250, defense: 150, offense: 100, position: [0, 10000] },
      { id: "X", economy: 40, defense: 28, offense: 12, position: [-2500, 0] },
    ],
    { round: 2, borders: [["S", "N"]], deeds },
  );

  it("a small state's hostile neighbour outranks a distant great power with no record against it", () => {
    const threats = threatTo(region, "S");
    expect(threats[0]!.from).toBe("N");
    const g = threats.find((t) => t.from === "G")!;
    expect(g.power).toBeGreaterThan(5 * threats[0]!.power); // G is far stronger...
    expect(g.score).toBeLessThan(threats[0]!.score); // ...but distant and blameless
    // Without the attack, the great power would be the top threat: the record decides it.
    expect(threatTo({ ...region, deeds: [] }, "S")[0]!.from).toBe("G");
  });

  it("great powers still weigh each other across long distances", () => {
    // For G, the other great power H, 7,500 km away, outranks the blameless small states nearby.
    expect(threatTo({ ...region, deeds: [] }, "G")[0]!.from).toBe("H");
    expect(threatTo({ ...region, deeds: [] }, "H")[0]!.from).toBe("G");
  });

  it("power projection: offensive forces carry a state's threat farther than the same forces held in defence", () => {
    const armed: World = { ...region, states: region.states.map((s) => (s.id === "G" ? { ...s, defense: 100, offense: 200 } : s)) };
    expect(threatBetween(armed, "G", "S").proximity).toBeGreaterThan(threatBetween(region, "G", "S").proximity);
    expect(threatBetween(armed, "G", "S").range).toBeGreaterThan(threatBetween(region, "G", "S").range);
  });
});

describe("declared borders count only between states that are actually near", () => {
  const far = world(
    [
      { id: "A", position: [0, 0] },
      { id: "B", position: [8000, 0] },
      { id: "C", position: [1000, 0] },
    ],
    { borders: [["A", "B"], ["A", "C"]] },
  );

  it("the model ignores a border between positions farther apart than MAX_BORDER_DISTANCE", () => {
    expect(threatBetween(far, "B", "A").distance).toBe(8000);
    expect(threatBetween(far, "C", "A").distance).toBe(0);
    expect(MAX_BORDER_DISTANCE).toBe(3000);
  });

  it("the validator refuses such a border and says why", () => {
    const result = validateScenario(
      scenarioInput(
        [
          { id: "USA", position: [0, 0] },
          { id: "SOV", position: [8000, 0] },
          { id: "CAN", position: [500, 500] },
        ],
        { borders: [["USA", "SOV"], ["USA", "CAN"]] },
      ),
    );
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors).toEqual([
      'borders[0]: "USA" and "SOV" are 8,000 km apart; a border counts them as neighbours, so their positions must be at most 3,000 km apart',
    ]);
  });
});

describe("offensive intentions: claims, revisionist aims and ideology", () => {
  const base = world(
    [
      { id: "A", position: [0, 0], ideology: "liberal" },
      { id: "B", position: [1000, 0], ideology: "communist" },
      { id: "C", position: [0, 1000], ideology: "liberal" },
      { id: "D", position: [1000, 1000] },
    ],
    { rivalIdeologies: [["liberal", "communist"]] },
  );

  it("a claim on your land counts 1, a claim on someone else's half", () => {
    const w: World = { ...base, claims: [{ from: "B", to: "A" }, { from: "B", to: "D" }] };
    const onA = threatBetween(w, "B", "A");
    expect(onA.intent.claimsOnTarget).toBe(true);
    expect(onA.intent.claimsOnOthers).toBe(1);
    expect(onA.intent.claims).toBeCloseTo(1.5, 12);
    const onC = threatBetween(w, "B", "C");
    expect(onC.intent.claimsOnTarget).toBe(false);
    expect(onC.intent.claims).toBeCloseTo(1, 12); // two claims on others, 0.5 each
    expect(onA.intentions).toBeGreaterThan(threatBetween(base, "B", "A").intentions);
  });

  it("revisionist aims count 0.5 towards everyone", () => {
    const w: World = { ...base, states: base.states.map((s) => (s.id === "D" ? { ...s, revisionist: true } : s)) };
    for (const target of ["A", "B", "C"]) {
      expect(threatBetween(w, "D", target).intent.revisionism).toBe(0.5);
      expect(threatBetween(w, "D", target).intentions).toBeCloseTo(1.5 * threatBetween(base, "D", target).intentions, 12);
    }
  });

  it("a shared ideology lowers perceived threat (× 0.8), a rival one raises it (× 1.25), others change nothing", () => {
    expect(threatBetween(base, "C", "A").intent.ideologyRelation).toBe("shared");
    expect(threatBetween(base, "C", "A").intentions).toBeCloseTo(0.8, 12);
    expect(threatBetween(base, "B", "A").intent.ideologyRelation).toBe("rival");
    expect(threatBetween(base, "B", "A").intentions).toBeCloseTo(1.25, 12);
    expect(threatBetween(base, "D", "A").intent.ideologyRelation).toBeNull();
    expect(threatBetween(base, "D", "A").intentions).toBe(1);
  });

  it("the reasons show claims, aims and ideology, each as its own part", () => {
    const w: World = {
      ...base,
      round: 2,
      states: base.states.map((s) => (s.id === "B" ? { ...s, economy: 300, revisionist: true } : s)),
      claims: [{ from: "B", to: "A" }],
      deeds: [{ round: 1, from: "B", to: "D", kind: "threat" }],
    };
    const a = predictAlignments(w).states.A!;
    expect(a.balanceOfThreat.against).toBe("B");
    const reason = a.balanceOfThreat.reason;
    expect(reason).toMatch(/1 hostile act/);
    expect(reason).toMatch(/claims your land/);
    expect(reason).toMatch(/aims to overturn the order/);
    expect(reason).toMatch(/Ideology: State B's communist is a rival of your liberal, which makes it look more hostile \(× 1\.25\)\./);
  });

  it("scenario fields reach the game: claims, rival ideologies, maritime, revisionist, article", () => {
    const scenario = toScenario({
      ...scenarioInput([
        { id: "A", position: [0, 0] },
        { id: "B", position: [1000, 0] },
        { id: "C", position: [0, 1000] },
      ]),
      states: [
        { id: "A", name: "United Provinces", military: 100, economy: 100, position: [0, 0], offensive: 0.3, maritime: true, ideology: "liberal", article: "the" },
        { id: "B", name: "Borduria", military: 100, economy: 100, position: [1000, 0], offensive: 0.3, revisionist: true, ideology: "communist" },
        { id: "C", name: "Syldavia", military: 100, economy: 100, position: [0, 1000], offensive: 0.3 },
      ],
      claims: [{ from: "B", to: "C", note: "the lost provinces" }],
      rivalIdeologies: [["liberal", "communist"]],
    });
    const game = createGame(scenario, { seed: 1 });
    expect(game.claims).toEqual([{ from: "B", to: "C" }]);
    expect(game.rivalIdeologies).toEqual([["communist", "liberal"]]);
    expect(game.states[0]).toMatchObject({ maritime: true, ideology: "liberal", article: "the" });
    expect(game.states[1]).toMatchObject({ revisionist: true });
    expect(threatBetween(game, "B", "C").intent.claimsOnTarget).toBe(true);
    expect(nameInText(game.states[0]!, true)).toBe("The United Provinces");
  });

  it("the validator checks claims and ideologies", () => {
    const result = validateScenario({
      ...scenarioInput([{ id: "A" }, { id: "B" }, { id: "C" }]),
      claims: [{ from: "A", to: "A" }, { from: "A", to: "Z" }, { from: "B", to: "C" }, { from: "B", to: "C" }],
      rivalIdeologies: [["red", "blue"]],
    });
    expect(result.ok).toBe(false);
    expect(result.ok ? [] : result.errors).toEqual(
      expect.arrayContaining([
        'claims[0]: a state cannot claim land from itself ("A")',
        'claims[1].to: unknown state id "Z"',
        'claims[3]: duplicate claim of "B" on "C"',
        'rivalIdeologies[0][0]: no state has the ideology "red"',
      ]),
    );
  });
});

describe("country names read naturally", () => {
  it("uses the scenario's article, and English usage when none is given", () => {
    expect(nameInText({ name: "Soviet Union", article: "the" })).toBe("the Soviet Union");
    expect(nameInText({ name: "Soviet Union" }, true)).toBe("The Soviet Union");
    expect(nameInText({ name: "United States" })).toBe("the United States");
    expect(nameInText({ name: "Netherlands" })).toBe("the Netherlands");
    expect(nameInText({ name: "Ottoman Empire" })).toBe("the Ottoman Empire");
    expect(nameInText({ name: "France" })).toBe("France");
    expect(nameInText({ name: "Austria-Hungary" })).toBe("Austria-Hungary");
  });
});
