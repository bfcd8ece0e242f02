// The debrief's numbers checked against a small game computed by hand (see
// handGame in fixtures.ts; the round-by-round classification is in comments).
import { describe, expect, it } from "vitest";
import { buildDebrief } from "../../shared/report/debrief.js";
import { buildCounterfactuals } from "../../shared/report/counterfactual.js";
import { debriefFromLog, exportLog } from "../../shared/report/csv.js";
import { handGame, SCENARIO, SETTINGS, T0 } from "./fixtures.js";

const g = handGame();
const d = buildDebrief(g.room, { revealChat: false, anonymize: false });

describe("the debrief of the hand-made game", () => {
  it("has the summary and the verdict counted by hand", () => {
    expect(g.room.phase).toBe("ended");
    expect(d.summary.roundsPlayed).toBe(2);
    expect(d.summary.scenario).toEqual({ id: "four-corners", title: "Four Corners" });
    expect(d.summary.teams.map((t) => [t.state, t.members])).toEqual([["BIG", ["Ann"]], ["NEA", ["Bob"]], ["MID", ["Cy"]], ["FAR", ["=cmd()"]]]);
    expect(d.summary.winner?.states).toEqual([d.summary.ranking[0]!.id]);
    // Round 1: BIG {MID} -> threat; NEA alone; MID {BIG} -> threat (divergent: power said BIG, threat said NEA);
    // FAR offered NEA -> power and threat. Round 2: BIG {MID} threat; NEA alone; MID {BIG} threat (divergent); FAR alone.
    // Rates, ranked by rate, with "consistent with" (a match, not an explanation); every seat was a team's.
    expect(d.summary.verdict).toBe(
      "Your teams' 8 alignments were consistent with balance of threat in 63% of cases (5 of 8), with balance of power in 17% (1 of 6) and with bandwagoning in 0% (0 of 8); 3 stood alone, with no partner and 2 came in rounds where the theories disagreed.",
    );
    expect(d.summary.bots).toBeNull();
    expect(d.fit.teams).toEqual(d.fit.overall);
    expect(d.fit.bots.alignments).toBe(0);
    expect(d.fit.overall).toMatchObject({
      alignments: 8,
      "balance-of-power": { matched: 1, predicted: 6, share: 0.1667 },
      "balance-of-threat": { matched: 5, predicted: 8, share: 0.625 },
      bandwagon: { matched: 0, predicted: 8, share: 0 },
      none: 0, // "none" (a partner, but no theory) is not "alone" (no partner)
      alone: 3,
      divergent: 2,
    });
    // How specific each theory was: the partners it allowed, averaged over its predictions.
    const avg = (xs: number[]) => Math.round((xs.reduce((a, b) => a + b, 0) / xs.length) * 10) / 10;
    const bopRows = d.theoryTable.filter((r) => r.predictions.balanceOfPower.against !== null);
    expect(d.fit.overall["balance-of-power"].partnersAllowed).toBe(avg(bopRows.map((r) => r.predictions.balanceOfPower.partners.length)));
    expect(d.fit.overall["balance-of-threat"].partnersAllowed).toBe(avg(d.theoryTable.map((r) => r.predictions.balanceOfThreat.partners.length)));
    expect(d.fit.overall.bandwagon.partnersAllowed).toBe(1);
    expect(d.summary.specificity).toMatch(/partners per prediction on average.*a match with a narrower prediction says more\.$/);
    expect(d.fit.byRound.map((r) => [r.round, r["balance-of-power"].matched, r["balance-of-threat"].matched, r.alone])).toEqual([
      [1, 1, 3, 1],
      [2, 0, 2, 2],
    ]);
    const far = d.fit.byTeam.find((t) => t.state === "FAR")!;
    expect(far["balance-of-power"]).toMatchObject({ matched: 1, predicted: 2, share: 0.5 });
    const big = d.fit.byTeam.find((t) => t.state === "BIG")!;
    expect(big["balance-of-power"].predicted).toBe(0); // the leader: no prediction
    expect(big["balance-of-threat"]).toMatchObject({ matched: 2, predicted: 2, share: 1 });
  });

  it("has the theory table with reasons and the divergent rounds", () => {
    expect(d.theoryTable).toHaveLength(8);
    const mid1 = d.theoryTable.find((r) => r.round === 1 && r.state === "MID")!;
    expect(mid1.predictions.balanceOfPower.against).toEqual(["BIG"]);
    expect(mid1.predictions.balanceOfThreat.against).toBe("NEA");
    expect(mid1.predictions.balanceOfThreat.decidedBy.length).toBeGreaterThan(0);
    expect(mid1.predictions.balanceOfThreat.reason).toContain("Nearby is your top threat");
    expect(mid1.did.offers).toEqual(["BIG"]);
    expect(mid1.did.allies).toEqual(["BIG"]);
    expect(mid1.matched.theories).toEqual(["balance-of-threat"]);
    expect(mid1.playedBy).toBe("team");
    const far1 = d.theoryTable.find((r) => r.round === 1 && r.state === "FAR")!;
    expect(far1.matched.theories).toEqual(["balance-of-power", "balance-of-threat"]);
    const nea2 = d.theoryTable.find((r) => r.round === 2 && r.state === "NEA")!;
    expect(nea2.did.action).toEqual({ kind: "attack", target: "MID" });
    expect(d.divergent.count).toBe(2);
    expect(d.divergent.rounds.map((r) => [r.round, r.choices.map((c) => [c.state, c.chose])])).toEqual([
      [1, [["MID", "threat"]]],
      [2, [["MID", "threat"]]],
    ]);
  });

  it("has power from round 0, alliances per round and the timeline", () => {
    expect(d.power.rounds).toEqual([0, 1, 2]);
    for (const id of ["BIG", "NEA", "MID", "FAR"]) expect(d.power.shares[id]).toHaveLength(3);
    const sum0 = Object.values(d.power.shares).reduce((s, v) => s + v[0]!, 0);
    expect(sum0).toBeCloseTo(1, 3);
    expect(d.power.shares.BIG![0]).toBeCloseTo(0.5798, 3);
    expect(d.alliances).toEqual([
      { round: 0, pairs: [] },
      { round: 1, pairs: [["BIG", "MID"]] },
      { round: 2, pairs: [["BIG", "MID"]] },
    ]);
    const kinds = d.timeline.map((t) => t.kind);
    expect(kinds).toContain("allianceFormed");
    expect(kinds).toContain("war");
    const war = d.timeline.find((t) => t.kind === "war")!;
    expect(war.text).toContain("dragged in: Bigland"); // names, not codes
    expect(d.chat).toBeNull();
    expect(d.challenge).toBeNull();
  });

  it("asks only the questions whose trigger happened", () => {
    const ids = d.questions.map((q) => q.id);
    expect(ids).toContain("threat-over-power");
    expect(ids).toContain("chain-ganging");
    // Midland allied with Bigland, the strongest, to balance against its top threat Nearby: that is
    // balancing, never "bandwagoning for profit" (nobody here joined its threat or a rising revisionist).
    expect(ids).not.toContain("bandwagoning-for-profit");
    expect(ids).not.toContain("power-over-threat");
    expect(ids).not.toContain("weak-bandwagon");
    // Buck-passing: a state that stood aside, without balancing, while its top threat fought others (round 2's war).
    const war = g.room.game.history[1]!.events.find((e) => e.type === "war")!;
    const fought = [war.target, ...war.attackers, ...war.defenders];
    const buckPassers = d.theoryTable.filter(
      (r) => r.round === 2 && fought.includes(r.predictions.balanceOfThreat.against) && !fought.includes(r.state) && !r.matched.balanceOfThreat && !r.matched.bandwagon,
    );
    expect(ids.includes("buck-passing")).toBe(buckPassers.length > 0);
    const chain = d.questions.find((q) => q.id === "chain-ganging")!;
    expect(chain).toMatchObject({ round: 2, states: ["BIG"] });
    expect(chain.sources.join(" ")).toContain("Christensen and Snyder");
    expect(d.questions.find((q) => q.id === "threat-over-power")!.question).toMatch(/Walt.*Waltz/);
  });

  it("reveals chat only on request, and hides nicknames when anonymized", () => {
    const open = buildDebrief(g.room, { revealChat: true, anonymize: false });
    expect(open.chat!.map((m) => m.from)).toEqual(["Ann", "=cmd()", "Bob"]);
    const anon = buildDebrief(g.room, { revealChat: true, anonymize: true });
    expect(anon.chat!.map((m) => m.from)).toEqual(["Player 1", "Player 4", "Player 2"]);
    expect(anon.chat![0]!.text).toBe('We "protect", you, Player 2\nsecond line');
    expect(anon.chat![2]!.text).toBe("+1 sorry Player 3");
    expect(anon.summary.teams[0]!.members).toEqual(["Player 1"]);
    expect(JSON.stringify(anon)).not.toMatch(/"Ann"|Bob|"Cy"/);
  });

  it("is rebuilt identically from the exported log", () => {
    const log = exportLog({ scenario: SCENARIO, settings: SETTINGS, code: "ABC123", createdAt: T0 }, g.log);
    const again = debriefFromLog(JSON.stringify(log), { revealChat: true, anonymize: false });
    expect(again.skipped).toEqual([]);
    expect(again.debrief).toEqual(buildDebrief(g.room, { revealChat: true, anonymize: false }));
    expect(() => debriefFromLog("{}")).toThrow(/format/);
    expect(() => debriefFromLog("nope")).toThrow(/JSON/);
  });
});

describe("counterfactuals", () => {
  it("are deterministic and differ between policies", () => {
    const a = buildCounterfactuals(g.room);
    const b = buildCounterfactuals(handGame().room);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(a.runs.map((r) => r.label)).toEqual(["class", "balance-of-power", "balance-of-threat", "bandwagon"]);
    const cls = a.runs[0]!;
    expect(cls.wars).toMatchObject({ count: 1, list: [{ round: 2, target: "MID", attackers: ["NEA"], draggedIn: ["BIG"] }] });
    expect(cls.alliances).toEqual([["BIG", "MID"]]);
    // BIG + MID hold well over half of all power: a dominant bloc in the class's game.
    expect(cls.dominant.bloc).toEqual(["BIG", "MID"]);
    for (const r of a.runs) {
      expect(r.roundsPlayed).toBe(2);
      expect(Object.values(r.powerShares).reduce((s, x) => s + x, 0)).toBeCloseTo(1, 3);
    }
    const bots = a.runs.slice(1).map((r) => JSON.stringify({ al: r.alliances, w: r.wars, p: r.powerShares }));
    expect(new Set(bots).size).toBeGreaterThan(1);
  });
});
