// The theories in plain words (shared/report/plain-words.ts), the threat scale
// in words (shared/theory/threat-bands.ts) and the glossary
// (shared/theory/glossary.ts), against the real engine: a real scenario
// (cold-war-1947) is played for a round through the classroom session, and
// every figure a card shows is computed here from the engine's own output.
import { describe, expect, it } from "vitest";
import { teamRounds } from "../../shared/classroom/visibility.js";
import type { SessionSettings } from "../../shared/classroom/types.js";
import { km, pct } from "../../shared/format.js";
import { buildReportCard } from "../../shared/report/card.js";
import { plainText, theoryCards, type PlainPart, type TheoryCard } from "../../shared/report/plain-words.js";
import { builtinScenario, builtinScenarios } from "../../shared/scenario/builtin/index.js";
import { createGame } from "../../shared/rules/setup.js";
import { GLOSSARY, GLOSSARY_IDS } from "../../shared/theory/glossary.js";
import { threatBand, THREAT_BAND_FLOORS, THREAT_LEVELS } from "../../shared/theory/threat-bands.js";
import { threatTo } from "../../shared/theory/threat.js";
import { nameInText } from "../../shared/theory/world.js";
import { GameBuilder } from "./fixtures.js";

const COLD_WAR = builtinScenario("cold-war-1947")!;
const SETTINGS: SessionSettings = {
  rounds: 3,
  diplomacySeconds: 60,
  chatMode: "open",
  scoring: "standard",
  teams: { mode: "count", value: 5 },
  emptySeats: "empty",
  seed: 5,
};

/**
 * Round 1 of the Cold War played by five teams (the United States, the Soviet Union, Britain, France, Italy):
 * Britain and France keep their alliance; Italy offers the United States an alliance, which accepts.
 */
function coldWarRound(show = true) {
  const g = new GameBuilder(COLD_WAR, SETTINGS, "CW1947");
  g.join("s1", "Ann").join("s2", "Bob").join("s3", "Cy").join("s4", "Dee").join("s5", "Eve");
  if (!show) g.teacher({ type: "showPredictions", show: false });
  g.teacher({ type: "start" });
  const state = (id: string) => g.room.students[id]!.state!;
  expect([state("s1"), state("s3"), state("s4"), state("s5")]).toEqual(["USA", "GBR", "FRA", "ITA"]);
  g.play("s5", { type: "offer", to: "USA" }).play("s1", { type: "accept", from: "ITA" });
  g.teacher({ type: "advance" });
  return g;
}

const nameOf = (id: string) => nameInText(COLD_WAR.states.find((s) => s.id === id)!);
const text = (c: TheoryCard) => `${plainText(c.title)} ${plainText(c.said)} ${plainText(c.did)}`;
const card = (cards: TheoryCard[], theory: TheoryCard["theory"]) => cards.find((c) => c.theory === theory)!;

describe("the theories in plain words", () => {
  it("names the engine's top threat with its distance, hostile acts and share of power, and the leading side with its share", () => {
    const g = coldWarRound();
    const record = g.room.game.history[0]!;
    for (const id of ["GBR", "FRA", "USA", "SOV", "ITA"]) {
      const cards = teamRounds(g.room, id)[0]!.cards!;
      expect(cards.map((c) => c.theory)).toEqual(["balance-of-threat", "balance-of-power", "bandwagon"]);
      const p = record.predictions.states[id]!;
      const a = record.alignments[id]!;
      // Balance of threat: the engine's T*, by name, with its own figures.
      const top = p.threats[0]!;
      expect(top.from).toBe(p.balanceOfThreat.against);
      const threat = text(card(cards, "balance-of-threat"));
      expect(threat).toContain(`Your top threat was ${nameOf(top.from)}`);
      expect(threat).toContain(top.distance === 0 ? "a neighbour" : km(top.distance));
      expect(threat).toContain(top.deeds > 0 ? `${top.deeds} hostile act` : "no hostile acts");
      expect(threat).toContain(`${pct(top.power)} of all power`);
      expect(threat).toContain(`${pct(top.offensiveShare)} of its forces offensive`);
      expect(card(cards, "balance-of-threat").fits).toBe(a.balanceOfThreat);
      expect(threat).toMatch(a.balanceOfThreat ? /balance of threat fits\.$/ : /balance of threat does not fit\.$/);
      // Balance of power: the engine's leading bloc, by name, with its share.
      const bp = p.balanceOfPower;
      const power = text(card(cards, "balance-of-power"));
      expect(power).toContain(nameOf(bp.leader));
      expect(power).toContain(`${pct(bp.share)} of all power`);
      if (bp.against === null) expect(card(cards, "balance-of-power").fits).toBeNull();
      else expect(card(cards, "balance-of-power").fits).toBe(a.balanceOfPower);
      // Bandwagoning: join the same T*.
      expect(text(card(cards, "bandwagon"))).toContain(`join your top threat, ${nameOf(p.bandwagon.with)}`);
      expect(text(card(cards, "bandwagon"))).toContain(`you had ${pct(p.powerShare)} of all power`);
      expect(card(cards, "bandwagon").fits).toBe(a.bandwagon);
      // By name, never by code; no raw decimals.
      const all = cards.map(text).join(" ");
      for (const s of COLD_WAR.states) expect(all).not.toMatch(new RegExp(`\\b${s.id}\\b`));
      expect(all).not.toMatch(/\d\.\d/);
    }
    // Britain stayed allied with France against the Soviet Union (the engine's T* for it at round 1): the card says so.
    const britain = teamRounds(g.room, "GBR")[0]!.cards!;
    expect(record.predictions.states.GBR!.balanceOfThreat.against).toBe("SOV");
    expect(text(card(britain, "balance-of-threat"))).toContain("You allied with France, against it: balance of threat fits.");
    // Italy allied with the strongest state against its top threat: the two balancing theories part ways, and the cards say which fits.
    const italy = teamRounds(g.room, "ITA")[0]!.cards!;
    expect(record.alignments.ITA!.allies).toEqual(["USA"]);
    expect(record.predictions.states.ITA!.balanceOfPower.leader).toBe("USA");
    expect(text(card(italy, "balance-of-power"))).toContain("You allied with the United States, on the strongest side: balance of power does not fit.");
    expect(card(italy, "balance-of-threat").fits).toBe(record.alignments.ITA!.balanceOfThreat);
  });

  it("gives no card while the teacher hides the predictions, in the synced rounds and on the report card", () => {
    const hidden = coldWarRound(false);
    expect(hidden.room.showPredictions).toBe(false);
    const rounds = teamRounds(hidden.room, "GBR");
    expect(rounds).toHaveLength(1);
    expect(rounds[0]!.cards).toBeNull();
    expect(rounds[0]!.predictions).toBeNull();
    expect(buildReportCard(hidden.room, "s3")!.explained).toEqual([]);
    // Shown again: the same round has its cards, and the report card has them too.
    hidden.teacher({ type: "showPredictions", show: true });
    expect(teamRounds(hidden.room, "GBR")[0]!.cards).toHaveLength(3);
    expect(buildReportCard(hidden.room, "s3")!.explained).toEqual([{ round: 1, cards: teamRounds(hidden.room, "GBR")[0]!.cards }]);
  });

  it("shows the predictions by default: a new class's students see the cards without the teacher doing anything", () => {
    const g = coldWarRound();
    expect(g.room.showPredictions).toBe(true);
    expect(teamRounds(g.room, "FRA")[0]!.cards).not.toBeNull();
  });

  it("words every state of every built-in scenario at round 1 without codes, and links only glossary terms", () => {
    for (const scenario of builtinScenarios()) {
      const game = createGame(scenario, { seed: 1 });
      const name = (id: string) => nameInText(game.states.find((s) => s.id === id)!);
      for (const s of game.states) {
        const p = game.predictions.states[s.id]!;
        for (const a of [
          { allies: [], offers: [], balanceOfPower: false, balanceOfThreat: false, bandwagon: false, alone: true },
          { allies: [p.bandwagon.with], offers: [], balanceOfPower: false, balanceOfThreat: false, bandwagon: true, alone: false },
        ]) {
          const cards = theoryCards(p, a, name);
          const parts: PlainPart[] = cards.flatMap((c) => [...c.title, ...c.said, ...c.did]);
          for (const part of parts) if (typeof part !== "string") expect(GLOSSARY_IDS).toContain(part.term);
          const all = cards.map(text).join(" ");
          for (const x of game.states) expect(all, `${scenario.id} ${s.id}`).not.toMatch(new RegExp(`\\b${x.id}\\b`));
          expect(all).toContain(name(p.bandwagon.with));
          if (a.alone) expect(all).toContain("stood alone");
          else expect(text(card(cards, "bandwagon"))).toMatch(/bandwagoning fits\.$/);
        }
      }
    }
  });
});

describe("the threat scale in words", () => {
  it("has five bands with rising floors, the word at each floor and just under it", () => {
    expect(THREAT_LEVELS).toHaveLength(THREAT_BAND_FLOORS.length + 1);
    expect([...THREAT_BAND_FLOORS].sort((a, b) => a - b)).toEqual([...THREAT_BAND_FLOORS]);
    expect(threatBand(0).level).toBe("very low");
    THREAT_BAND_FLOORS.forEach((floor, i) => {
      expect(threatBand(floor)).toEqual({ step: i + 1, level: THREAT_LEVELS[i + 1], filled: i + 2 });
      expect(threatBand(floor * 0.999).level).toBe(THREAT_LEVELS[i]);
    });
    expect(threatBand(5).level).toBe("very high");
  });

  it("never ranks a lower threat above a higher one, and separates each state's top threat from the rest in the built-in scenarios", () => {
    for (const scenario of builtinScenarios()) {
      const game = createGame(scenario, { seed: 1 });
      for (const s of game.states) {
        const threats = threatTo(game, s.id);
        const steps = threats.map((t) => threatBand(t.score).step);
        expect([...steps].sort((a, b) => b - a)).toEqual(steps);
      }
      // Not all one word: the scale tells threats apart in every scenario.
      const words = new Set(game.states.flatMap((s) => threatTo(game, s.id).map((t) => threatBand(t.score).level)));
      expect(words.size, scenario.id).toBeGreaterThanOrEqual(3);
    }
  });
});

describe("the glossary", () => {
  it("explains each term once, in short plain sentences, including the theories' names", () => {
    expect(GLOSSARY.map((e) => e.id)).toEqual([...GLOSSARY_IDS]);
    for (const id of ["bloc", "balance-of-power", "balance-of-threat", "bandwagoning", "power", "proximity", "offensive-forces", "defensive-forces", "intentions", "alliance", "threat", "economy"]) {
      expect(GLOSSARY_IDS).toContain(id);
    }
    for (const e of GLOSSARY) {
      const sentences = e.text.split(/(?<=\.)\s+/);
      expect(sentences.length, e.id).toBeLessThanOrEqual(3);
      for (const s of sentences) expect(s.split(/\s+/).length, `${e.id}: ${s}`).toBeLessThanOrEqual(32);
    }
  });
});
