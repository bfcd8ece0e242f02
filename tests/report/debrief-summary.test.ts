// The facts of the printed debrief's summary: one verdict line per state (teams
// apart from bots), the podium (ties share a place), the divergent rounds by
// name and the "where the theories disagreed" table, one row per state and
// round, in names, checked against the hand-made game and the theory table.
import { describe, expect, it } from "vitest";
import { buildDebrief } from "../../shared/report/debrief.js";
import { podium, stateVerdicts } from "../../shared/report/summary.js";
import { handGame } from "./fixtures.js";

const g = handGame();
const d = buildDebrief(g.room, { revealChat: false, anonymize: false });
const ids = d.states.map((s) => s.id);
/** Whether a text holds a state id as a word (the summary must name states, never code them). */
const hasId = (text: string) => ids.some((id) => new RegExp(`\\b${id}\\b`).test(text));

describe("the summary's facts", () => {
  it("gives each team one verdict line, counted from its rows of the theory table", () => {
    expect(d.summary.verdicts.teams.map((v) => v.state)).toEqual(["BIG", "NEA", "MID", "FAR"]);
    expect(d.summary.verdicts.bots).toEqual([]);
    for (const v of d.summary.verdicts.teams) {
      const rows = d.theoryTable.filter((r) => r.state === v.state);
      expect(v.alignments).toBe(rows.length);
      expect(v.fit["balance-of-threat"]).toEqual({ matched: rows.filter((r) => r.matched.balanceOfThreat).length, predicted: rows.length });
      expect(v.fit["balance-of-power"].predicted).toBe(rows.filter((r) => r.matched.balanceOfPower !== null).length);
      expect(v.members).toEqual(d.summary.teams.find((t) => t.state === v.state)!.members);
      expect(hasId(v.line)).toBe(false);
    }
    // Bigland sided against its top threat in both rounds (see fixtures.ts); Nearby stood alone in both.
    const big = d.summary.verdicts.teams.find((v) => v.state === "BIG")!;
    expect(big.best).toEqual(["balance-of-threat"]);
    expect(big.line).toMatch(/^balance of threat explained its choices best \(2 of 2 rounds\)/);
    const nea = d.summary.verdicts.teams.find((v) => v.state === "NEA")!;
    expect(nea.best).toEqual([]);
    expect(nea.line).toBe("no theory matched its choices (2 rounds).");
  });

  it("keeps bot-played rows apart from the teams' rows", () => {
    const table = d.theoryTable.map((r) => (r.state === "FAR" && r.round === 2 ? { ...r, playedBy: "balance-of-threat" as const } : r));
    const teams = stateVerdicts(table, d.states, (r) => r.playedBy === "team", () => []);
    const bots = stateVerdicts(table, d.states, (r) => r.playedBy !== "team", () => []);
    expect(teams.find((v) => v.state === "FAR")!.alignments).toBe(1);
    expect(bots.map((v) => [v.state, v.alignments])).toEqual([["FAR", 1]]);
  });

  it("puts the top three places on the podium, ties sharing a place", () => {
    expect(d.summary.podium.map((p) => p.state)).toEqual(d.summary.ranking.slice(0, 3).map((r) => r.id));
    expect(d.summary.podium.map((p) => p.place)).toEqual([1, 2, 3]);
    expect(d.summary.podium[0]!.members).toEqual(["Ann"]);
    const teams = new Set(["A", "C"]);
    const r = (id: string, total: number) => ({ id, name: `State ${id}`, total });
    expect(podium([r("A", 10), r("B", 10), r("C", 8), r("D", 7)], teams, () => ["x"]).map((p) => [p.state, p.place, p.team])).toEqual([
      ["A", 1, true],
      ["B", 1, false],
      ["C", 3, true],
    ]);
    expect(podium([r("A", 10), r("B", 9), r("C", 9), r("D", 9), r("E", 1)], teams, () => []).map((p) => p.place)).toEqual([1, 2, 2, 2]);
    expect(podium([], teams, () => [])).toEqual([]);
  });

  it("names the divergent rounds' states", () => {
    expect(d.divergent.rounds.length).toBeGreaterThan(0);
    for (const r of d.divergent.rounds) {
      const rows = d.theoryTable.filter((t) => t.round === r.round && t.predictions.divergent);
      expect(r.names).toEqual(rows.map((t) => t.name));
    }
  });

  it("has one disagreement row per state and round whose predictions diverged, in names", () => {
    const divergent = d.theoryTable.filter((r) => r.predictions.divergent);
    expect(d.divergent.table.map((r) => [r.state, r.round])).toEqual(divergent.map((r) => [r.state, r.round]));
    for (const row of d.divergent.table) {
      for (const text of [row.power, row.threat, row.bandwagon, row.did]) expect(hasId(text)).toBe(false);
    }
    // Midland, round 1: balance of power said against Bigland, balance of threat against Nearby; it allied with Bigland.
    const mid = d.divergent.table.find((r) => r.state === "MID" && r.round === 1)!;
    expect(mid).toMatchObject({ name: "Midland", team: true, power: "against Bigland", threat: "against Nearby", did: "allied with Bigland", chose: "threat", matched: ["balance-of-threat"] });
  });
});
