// The built-in scenarios: valid, built from their own Correlates of War figures
// and capitals as docs/scenarios.md says, and showing the cases they exist to
// teach. Everything here is recomputed from the files, not copied from them.
import { describe, it, expect } from "vitest";
import { BUILTIN_IDS, builtinScenario, builtinScenarios } from "../../shared/scenario/builtin/index.js";
import coldWar1947 from "../../shared/scenario/builtin/cold-war-1947.json" with { type: "json" };
import europe1914 from "../../shared/scenario/builtin/europe-1914.json" with { type: "json" };
import europe1936 from "../../shared/scenario/builtin/europe-1936.json" with { type: "json" };
import rivalShores from "../../shared/scenario/builtin/rival-shores.json" with { type: "json" };
import { validateScenario } from "../../shared/scenario/validate.js";
import type { Scenario, ScenarioState } from "../../shared/scenario/schema.js";
import { createGame } from "../../shared/rules/setup.js";
import { POLICIES } from "../../shared/bots/policies.js";
import { assignPolicies, playGame } from "../../shared/sim/play.js";

const FILES: Record<string, unknown> = {
  "cold-war-1947": coldWar1947,
  "europe-1914": europe1914,
  "europe-1936": europe1936,
  "rival-shores": rivalShores,
};
const HISTORICAL = ["cold-war-1947", "europe-1914", "europe-1936"];
const FICTIONAL = "rival-shores";

const EARTH_RADIUS_KM = 6371;
const rad = (deg: number) => (deg * Math.PI) / 180;
/** -9 marks a missing figure in the COW file: it counts as 0. */
const figure = (x: number) => (x < 0 ? 0 : x);

function scenario(id: string): Scenario {
  const s = builtinScenario(id);
  if (!s) throw new Error(`no built-in scenario "${id}"`);
  return s;
}

function cowOf(state: ScenarioState) {
  if (!state.cow) throw new Error(`${state.id} has no cow figures`);
  return state.cow;
}

type Component = "milex" | "milper" | "irst" | "pec" | "tpop" | "upop";

/** Share of each state in one COW component, among the scenario's own states. */
function shares(states: ScenarioState[], component: Component): Map<string, number> {
  const total = states.reduce((sum, s) => sum + figure(cowOf(s)[component]), 0);
  return new Map(states.map((s) => [s.id, total > 0 ? figure(cowOf(s)[component]) / total : 0]));
}

function expectedStrength(states: ScenarioState[]): Map<string, { military: number; economy: number }> {
  const of = (c: Component) => shares(states, c);
  const [milex, milper, irst, pec, tpop, upop] = (["milex", "milper", "irst", "pec", "tpop", "upop"] as const).map(of);
  return new Map(
    states.map((s) => {
      const get = (m: Map<string, number> | undefined) => m!.get(s.id)!;
      return [
        s.id,
        {
          military: (100 * (get(milex) + get(milper))) / 2,
          economy: (100 * (get(irst) + get(pec) + get(tpop) + get(upop))) / 4,
        },
      ];
    }),
  );
}

describe("built-in scenarios", () => {
  it("registers the four scenarios", () => {
    expect([...BUILTIN_IDS].sort()).toEqual(Object.keys(FILES).sort());
    expect(builtinScenarios()).toHaveLength(4);
  });

  it.each(Object.keys(FILES))("%s passes validateScenario", (id) => {
    const result = validateScenario(FILES[id]);
    expect(result.ok ? [] : result.errors).toEqual([]);
    expect(result.ok && result.scenario.id).toBe(id);
  });

  it.each(Object.keys(FILES))("%s has a sourced history, 2 to 4 crises and teaching notes", (id) => {
    const s = scenario(id);
    const sourced = (s.history ?? []).filter((d) => d.source !== undefined && d.source.trim() !== "");
    expect(sourced.length).toBeGreaterThanOrEqual(1);
    expect((s.crises ?? []).length).toBeGreaterThanOrEqual(2);
    expect((s.crises ?? []).length).toBeLessThanOrEqual(4);
    expect(s.description).toBeTruthy();
    expect(s.teachingNotes).toBeTruthy();
    expect((s.sources ?? []).length).toBeGreaterThanOrEqual(1);
  });

  it.each(Object.keys(FILES))("%s creates a game with predictions for every state", (id) => {
    const s = scenario(id);
    const game = createGame(s, { seed: 1 });
    expect(Object.keys(game.predictions.states).sort()).toEqual(s.states.map((x) => x.id).sort());
  });
});

describe.each(HISTORICAL)("historical scenario %s", (id) => {
  const s = scenario(id);

  it("has 8 to 14 states, each with its capital and Correlates of War figures", () => {
    expect(s.states.length).toBeGreaterThanOrEqual(8);
    expect(s.states.length).toBeLessThanOrEqual(14);
    for (const state of s.states) {
      expect(state.capital, state.id).toBeDefined();
      expect(state.cow, state.id).toBeDefined();
    }
  });

  it("cites the Correlates of War data", () => {
    const sources = (s.sources ?? []).join("\n");
    expect(sources).toContain("Singer, J. David, Stuart Bremer, and John Stuckey (1972)");
    expect(sources).toContain("Greig, J. Michael, and Andrew J. Enterline (2021)");
  });

  it("takes military and economy from its COW figures (shares among its own states)", () => {
    const expected = expectedStrength(s.states);
    for (const state of s.states) {
      const e = expected.get(state.id)!;
      expect(Math.abs(state.military - e.military), `${state.id} military`).toBeLessThanOrEqual(0.01);
      expect(Math.abs(state.economy - e.economy), `${state.id} economy`).toBeLessThanOrEqual(0.01);
      expect(state.military).toBeGreaterThan(0);
      expect(state.economy).toBeGreaterThan(0);
    }
  });

  it("uses one scenario year for every state's COW figures (1913 only where 1914 is missing)", () => {
    const years = new Set(s.states.map((x) => cowOf(x).year));
    expect(years.size).toBeGreaterThanOrEqual(1);
    const main = Math.max(...years);
    for (const y of years) expect([main, main - 1]).toContain(y);
  });

  it("places each state at its capital (equirectangular projection around the mean capital)", () => {
    const capitals = s.states.map((x) => x.capital!);
    const lat0 = capitals.reduce((t, c) => t + c.lat, 0) / capitals.length;
    const lon0 = capitals.reduce((t, c) => t + c.lon, 0) / capitals.length;
    for (const state of s.states) {
      const c = state.capital!;
      const x = EARTH_RADIUS_KM * rad(c.lon - lon0) * Math.cos(rad(lat0));
      const y = EARTH_RADIUS_KM * rad(c.lat - lat0);
      expect(Math.abs(state.position[0] - x), `${state.id} x`).toBeLessThanOrEqual(1);
      expect(Math.abs(state.position[1] - y), `${state.id} y`).toBeLessThanOrEqual(1);
    }
  });
});

describe("The Cold War, 1947", () => {
  const s = scenario("cold-war-1947");
  const predictions = createGame(s, { seed: 1 }).predictions;

  it("includes the states of the case", () => {
    const ids = s.states.map((x) => x.id);
    for (const id of ["USA", "SOV", "GBR", "FRA", "ITA", "TUR", "GRC", "IRN"]) expect(ids).toContain(id);
  });

  it("has the United States in the leading bloc at round 1", () => {
    expect(predictions.round).toBe(1);
    expect(predictions.leader.bloc).toContain("USA");
    expect(predictions.leader.bloc).not.toContain("SOV");
  });

  it("makes the USSR the top threat to every Western European state (balance of threat)", () => {
    const western = ["GBR", "FRA", "ITA", "BEL", "NLD"].filter((id) => s.states.some((x) => x.id === id));
    expect(western.length).toBeGreaterThanOrEqual(3);
    for (const id of western) {
      expect(predictions.states[id]!.balanceOfThreat.against, id).toBe("SOV");
      // ...while balance of power points them at the American-led bloc: the theories diverge.
      expect(predictions.states[id]!.balanceOfPower.against, id).toContain("USA");
      expect(predictions.states[id]!.divergent, id).toBe(true);
    }
  });
});

describe("The Cold War, 1947: the claim holds beyond round 1", () => {
  const s = scenario("cold-war-1947");
  const games = [...POLICIES, "mixed" as const].flatMap((policy) =>
    [1, 2, 3].map((seed) => ({ policy, seed, history: playGame(s, { seed }, assignPolicies(s, policy, seed)).final.history })),
  );

  it("in rounds 1-3 of bot games under every policy (3 seeds each), the USSR is the top threat of Britain and France in most predictions", () => {
    for (const id of ["GBR", "FRA"]) {
      let sov = 0;
      let all = 0;
      for (const g of games) {
        for (const h of g.history.filter((r) => r.round <= 3)) {
          all += 1;
          if (h.predictions.states[id]!.balanceOfThreat.against === "SOV") sov += 1;
        }
      }
      expect(all).toBe(games.length * 3);
      expect(sov / all, `${id}: ${sov} of ${all}`).toBeGreaterThan(0.5);
    }
  });

  it("in rounds 1-3 of those games the USA and the USSR are never in one bloc", () => {
    for (const g of games) {
      for (const h of g.history.filter((r) => r.round <= 3)) {
        for (const b of h.predictions.blocs) {
          expect(b.members.includes("USA") && b.members.includes("SOV"), `${g.policy} seed ${g.seed} round ${h.round}`).toBe(false);
        }
      }
    }
  });

  it("balance of power keeps pointing at the American-led bloc in round 1 (a sea power, which Levy and Thompson say is seldom balanced against)", () => {
    const p = createGame(s, { seed: 1 }).predictions;
    expect(p.leader.leader).toBe("USA");
    expect(p.leader.strength).toBe("maritime");
  });
});

describe("the fictional scenario", () => {
  const s = scenario(FICTIONAL);

  it("has 6 to 9 states with no historical figures", () => {
    expect(s.states.length).toBeGreaterThanOrEqual(6);
    expect(s.states.length).toBeLessThanOrEqual(9);
    for (const state of s.states) expect(state.cow, state.id).toBeUndefined();
  });

  it("makes the two balancing theories name different adversaries for most states at round 1", () => {
    const predictions = createGame(s, { seed: 1 }).predictions;
    const all = Object.values(predictions.states);
    const divergent = all.filter((p) => p.divergent);
    expect(divergent.length).toBeGreaterThan(all.length / 2);
    for (const p of divergent) {
      expect(p.balanceOfPower.against).not.toBeNull();
      expect(p.balanceOfPower.against).not.toContain(p.balanceOfThreat.against);
    }
  });
});
