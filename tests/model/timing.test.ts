// The setup page's time estimate and the settings it proposes for one class period.
import { describe, expect, it } from "vitest";
import { builtinScenarios } from "../../shared/scenario/builtin/index.js";
import { MAX_ROUNDS } from "../../shared/scenario/schema.js";
import { CLASS_MINUTES, DEBRIEF_MINUTES, estimateGameTime, JOIN_MINUTES, proposedTiming, REVIEW_MINUTES, roundsThatFit } from "../../shared/classroom/timing.js";

describe("estimateGameTime", () => {
  it("adds joining, each round's diplomacy and review, and the debrief", () => {
    const t = estimateGameTime(6, 240);
    expect(t.diplomacy).toBe(24);
    expect(t.review).toBe(6 * REVIEW_MINUTES);
    expect(t.total).toBe(JOIN_MINUTES + 24 + 6 * REVIEW_MINUTES + DEBRIEF_MINUTES);
  });

  it("rounds a part minute up and grows with rounds and with diplomacy", () => {
    expect(estimateGameTime(1, 90).total).toBe(Math.ceil(JOIN_MINUTES + 1.5 + REVIEW_MINUTES + DEBRIEF_MINUTES));
    for (let rounds = 1; rounds < 12; rounds++) {
      expect(estimateGameTime(rounds + 1, 240).total).toBeGreaterThan(estimateGameTime(rounds, 240).total);
      expect(estimateGameTime(rounds, 300).total).toBeGreaterThan(estimateGameTime(rounds, 240).total);
    }
  });
});

describe("roundsThatFit", () => {
  it("gives the most rounds whose estimate fits the class, never fewer than 1 or more than the limit", () => {
    for (const minutes of [30, 45, 50, 60, 90]) {
      for (const seconds of [60, 180, 240, 300, 480]) {
        const n = roundsThatFit(minutes, seconds);
        expect(n).toBeGreaterThanOrEqual(1);
        expect(n).toBeLessThanOrEqual(MAX_ROUNDS);
        if (n > 1) expect(estimateGameTime(n, seconds).total).toBeLessThanOrEqual(minutes);
        if (n < MAX_ROUNDS) expect(estimateGameTime(n + 1, seconds).total).toBeGreaterThan(minutes);
      }
    }
  });
});

describe("proposedTiming", () => {
  it("makes every built-in scenario fit a 45- and a 50-minute class, with 3 to 8 minutes of diplomacy", () => {
    for (const s of builtinScenarios()) {
      for (const minutes of [45, CLASS_MINUTES]) {
        const p = proposedTiming(s.rounds, minutes);
        expect(p.rounds).toBeGreaterThanOrEqual(2);
        expect(p.rounds).toBeLessThanOrEqual(s.rounds);
        expect(p.diplomacySeconds).toBeGreaterThanOrEqual(180);
        expect(p.diplomacySeconds).toBeLessThanOrEqual(480);
        expect(estimateGameTime(p.rounds, p.diplomacySeconds).total).toBeLessThanOrEqual(minutes);
      }
    }
  });

  it("keeps a scenario's own rounds when they fit, and cuts them when they do not", () => {
    expect(proposedTiming(4, 90).rounds).toBe(4);
    expect(proposedTiming(20, 50).rounds).toBe(roundsThatFit(50, proposedTiming(20, 50).diplomacySeconds));
    expect(proposedTiming(20, 50).rounds).toBeLessThan(20);
  });
});
