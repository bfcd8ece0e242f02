// Where a round's decisions stand (shared/classroom/draft-input.ts): who is still
// deciding follows the rule that ends a round early, and incomplete drafts are
// named in words before they are sent.
import { describe, expect, it } from "vitest";
import { actionFromChoice, budgetProblem, budgetTotal, teamsStillDeciding } from "../../shared/classroom/draft-input.js";

describe("teams still deciding", () => {
  it("counts only team-played states with members that are not ready", () => {
    const states = [
      { id: "A", control: "team" as const, members: 2, ready: false },
      { id: "B", control: "team" as const, members: 1, ready: true },
      { id: "C", control: "balance-of-threat" as const, members: 0, ready: false },
      { id: "D", control: "team" as const, members: 0, ready: false },
      { id: "E", control: "empty" as const, members: 0, ready: false },
      { id: "F", control: "bandwagon" as const, members: 3, ready: false },
      { id: "G", control: "team" as const, members: 4, ready: false },
    ];
    expect(teamsStillDeciding(states)).toEqual(["A", "G"]);
    expect(teamsStillDeciding(states.map((s) => ({ ...s, ready: true })))).toEqual([]);
  });
});

describe("budget and action drafts", () => {
  it("accepts whole parts that make 100 and says what is wrong otherwise", () => {
    expect(budgetProblem({ economy: 50, defense: 30, offense: 20 })).toBeNull();
    expect(budgetProblem({ economy: 50, defense: 30, offense: 10 })).toBe("The parts add up to 90%: they must make 100% (10 missing).");
    expect(budgetProblem({ economy: 60, defense: 30, offense: 20 })).toBe("The parts add up to 110%: they must make 100% (10 too many).");
    expect(budgetProblem({ economy: 50.5, defense: 29.5, offense: 20 })).toMatch(/whole number/);
    expect(budgetProblem({ economy: -10, defense: 90, offense: 20 })).toMatch(/whole number/);
    expect(budgetTotal({ economy: Number.NaN, defense: 40, offense: 20 })).toBe(60);
  });

  it("turns a form's choice into an action, or asks for the missing target", () => {
    expect(actionFromChoice({ kind: "none", target: "X" })).toEqual({ action: { kind: "none" } });
    expect(actionFromChoice({ kind: "attack", target: "BOR" })).toEqual({ action: { kind: "attack", target: "BOR" } });
    expect(actionFromChoice({ kind: "threaten", target: "" })).toEqual({ problem: 'Choose which state to threaten, or choose "No action".' });
    expect(actionFromChoice({ kind: "bomb", target: "BOR" })).toHaveProperty("problem");
  });
});
