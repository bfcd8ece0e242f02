// The debrief says what the class did: a Cold War game with four teams and ten
// bot-played states. The teams' alignments are counted first and the bots apart;
// a state that balanced is never asked what it hoped to win; names read naturally.
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "../../shared/classroom/settings.js";
import type { SessionSettings } from "../../shared/classroom/types.js";
import { buildDebrief } from "../../shared/report/debrief.js";
import { builtinScenario } from "../../shared/scenario/builtin/index.js";
import { GameBuilder } from "./fixtures.js";

const scenario = builtinScenario("cold-war-1947")!;
const settings: SessionSettings = { ...DEFAULT_SETTINGS, rounds: 2, teams: { mode: "count", value: 4 }, emptySeats: "balance-of-threat", seed: 3 };

/** Four students, one per team (USA, SOV, GBR, FRA); returns the builder and who plays what. */
function coldWarClass() {
  const g = new GameBuilder(scenario, settings, "COLD47");
  for (const [id, nick] of [["s1", "Ann"], ["s2", "Bob"], ["s3", "Cy"], ["s4", "Di"]] as const) g.join(id, nick);
  const playerOf = (state: string) => Object.values(g.room.students).find((s) => s.state === state)!.id;
  return { g, playerOf };
}

describe("the debrief of a Cold War class", () => {
  // Round 1: Britain allies with the United States against the Soviet Union, its top threat (balance of threat);
  // France offers the Soviet Union an alliance (bandwagoning with its top threat). Round 2: nothing new.
  const { g, playerOf } = coldWarClass();
  g.teacher({ type: "start" });
  g.play(playerOf("GBR"), { type: "offer", to: "USA" }).play(playerOf("USA"), { type: "accept", from: "GBR" });
  g.play(playerOf("FRA"), { type: "offer", to: "SOV" });
  g.teacher({ type: "advance" }).teacher({ type: "advance" });
  g.teacher({ type: "advance" }).teacher({ type: "advance" });
  const d = buildDebrief(g.room, { revealChat: false, anonymize: false });

  it("counts the four teams' alignments in the verdict and the ten bot-played states apart", () => {
    expect(g.room.phase).toBe("ended");
    expect(d.fit.teams.alignments).toBe(4 * 2);
    expect(d.fit.bots.alignments).toBe(10 * 2);
    expect(d.fit.overall.alignments).toBe(14 * 2);
    expect(d.summary.verdict).toMatch(/^Your teams' 8 alignments were consistent with /);
    expect(d.summary.bots).toMatch(/^The bot-played states' 20 alignments were consistent with /);
    // Rates, ranked best first.
    const rates = [...d.summary.verdict.matchAll(/in (\d+)%/g)].map((m) => Number(m[1]));
    expect(rates.length).toBeGreaterThanOrEqual(2);
    expect([...rates].sort((a, b) => b - a)).toEqual(rates);
  });

  it("classifies Britain's pact with the United States as balancing against threat, and never asks what Britain hoped to win", () => {
    const gbr1 = d.theoryTable.find((r) => r.round === 1 && r.state === "GBR")!;
    expect(gbr1.predictions.balanceOfThreat.against).toBe("SOV");
    expect(gbr1.matched.balanceOfThreat).toBe(true);
    expect(gbr1.matched.bandwagon).toBe(false);
    for (const q of d.questions) {
      if (q.id === "bandwagoning-for-profit") expect(q.states[0]).not.toBe("GBR");
    }
    const threatFirst = d.questions.find((q) => q.id === "threat-over-power");
    expect(threatFirst?.question).toMatch(/the United Kingdom lined up against the Soviet Union, its top threat/);
  });

  it("asks about France's offer to its top threat as bandwagoning, with buck-passing as the rival reading", () => {
    const fra1 = d.theoryTable.find((r) => r.round === 1 && r.state === "FRA")!;
    expect(fra1.matched.bandwagon).toBe(true);
    const q = d.questions.find((x) => x.id === (fra1.predictions.bandwagon.likely ? "weak-bandwagon" : "bandwagoning-for-profit"))!;
    expect(q.states).toEqual(["FRA", "SOV"]);
    expect(q.question).toMatch(/France/);
    expect(q.question).toMatch(/the Soviet Union/);
    expect(q.question).toMatch(/buck-passing/);
  });

  it("writes country names as they read in a sentence", () => {
    const sentences = [...d.questions.map((q) => q.question), ...d.divergent.rounds.map((r) => r.text), ...d.timeline.map((t) => t.text)].join("\n");
    expect(sentences).toMatch(/the Soviet Union/);
    expect(sentences).not.toMatch(/(^|[^eE] )Soviet Union/m); // never a bare "Soviet Union" mid-sentence
    expect(sentences).not.toMatch(/\b(USA|SOV|GBR|FRA)\b/); // never the codes
  });

  it("gives the theory table the camp and tie information that explains each prediction", () => {
    const row = d.theoryTable.find((r) => r.round === 1 && r.state === "ITA")!;
    expect(row.predictions.balanceOfThreat.camp).toEqual(expect.arrayContaining(["SOV", "POL", "CZE", "YUG"]));
    expect(row.predictions.balanceOfPower.strength).toBe("maritime");
    expect(row.predictions.balanceOfPower.tie).toBeNull();
  });
});

