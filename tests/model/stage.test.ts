// The projector's facts from the model: the ready count beside the clock (the
// same seats as the rule that ends a round early) and the finale (podium and
// theory fit) that becomes public when the game ends.
import { describe, expect, it } from "vitest";
import { everyoneReady } from "../../shared/classroom/flow.js";
import { readyCount } from "../../shared/classroom/readiness.js";
import { reduceSession } from "../../shared/classroom/reduce.js";
import { createSession } from "../../shared/classroom/setup.js";
import { members } from "../../shared/classroom/teams.js";
import type { Actor, Session, SessionCommand } from "../../shared/classroom/types.js";
import { publicTotals } from "../../shared/classroom/visibility.js";
import { buildFinale } from "../../shared/report/finale.js";
import { builtinScenario } from "../../shared/scenario/builtin/index.js";

const scenario = builtinScenario("rival-shores")!;
const TEACHER: Actor = { kind: "teacher" };
const SYSTEM: Actor = { kind: "system" };

function session(teams: number): { s: Session; run: (actor: Actor, command: SessionCommand) => void } {
  let s = createSession(scenario, { rounds: 2, diplomacySeconds: 60, chatMode: "open", scoring: "standard", teams: { mode: "count", value: teams }, emptySeats: "balance-of-threat", seed: 3 }, "ABCDEF", 1000);
  let seq = 0;
  const box = {
    get s() {
      return s;
    },
    run(actor: Actor, command: SessionCommand) {
      const out = reduceSession(s, { seq: ++seq, at: 1000 + seq, actor, command });
      if (!out.ok) throw new Error(`refused: ${out.refusal.code}`);
      s = out.state;
    },
  };
  return box;
}

/** The seats as the synchronized state carries them. */
const seats = (s: Session) => s.game.states.map((st) => ({ control: s.control[st.id] ?? "empty", members: members(s, st.id).length, ready: s.game.drafts[st.id]?.ready ?? false }));

describe("readyCount", () => {
  it("counts team seats with members only; bots, empty seats and teams nobody joined are not deciding", () => {
    expect(readyCount([
      { control: "team", members: 2, ready: true },
      { control: "team", members: 1, ready: false },
      { control: "team", members: 0, ready: false },
      { control: "balance-of-threat", members: 0, ready: true },
      { control: "empty", members: 0, ready: false },
    ])).toEqual({ ready: 1, of: 2 });
    expect(readyCount([])).toEqual({ ready: 0, of: 0 });
  });

  it("agrees with the rule that ends the round: all deciding teams ready exactly when everyoneReady", () => {
    const g = session(3);
    for (const n of ["ann", "ben"]) g.run(SYSTEM, { type: "join", studentId: `s-${n}`, nickname: n, keyHash: `h-${n}` });
    g.run(TEACHER, { type: "start" });
    // Three team seats, two with members: the third is not counted.
    expect(readyCount(seats(g.s))).toEqual({ ready: 0, of: 2 });
    expect(everyoneReady(g.s)).toBe(false);
    g.run({ kind: "student", studentId: "s-ann" }, { type: "play", move: { type: "ready", ready: true } });
    expect(readyCount(seats(g.s))).toEqual({ ready: 1, of: 2 });
    expect(everyoneReady(g.s)).toBe(false);
  });
});

describe("buildFinale", () => {
  it("ranks the podium by the public totals, marks the class's teams and names the theories by fit", () => {
    const g = session(2);
    for (const n of ["ann", "ben"]) g.run(SYSTEM, { type: "join", studentId: `s-${n}`, nickname: n, keyHash: `h-${n}` });
    g.run(TEACHER, { type: "start" });
    g.run(TEACHER, { type: "advance" }); // ends the diplomacy of round 1: the round resolves
    g.run(TEACHER, { type: "end" });
    expect(g.s.phase).toBe("ended");
    const f = buildFinale(g.s);
    const totals = publicTotals(g.s);
    const best = Math.max(...Object.values(totals));
    expect(f.podium).toHaveLength(3);
    expect(f.podium[0]!.total).toBe(best);
    expect(f.podium[0]!.place).toBe(1);
    for (let i = 1; i < f.podium.length; i++) expect(f.podium[i]!.total).toBeLessThanOrEqual(f.podium[i - 1]!.total);
    for (const p of f.podium) expect(p.total).toBe(totals[p.id]);
    expect(f.teams.map((t) => t.id).sort()).toEqual(g.s.teams.slice().sort());
    expect(f.fitOf).toBe("teams");
    expect(f.fit.length).toBeGreaterThan(0);
    for (let i = 1; i < f.fit.length; i++) expect(f.fit[i]!.share).toBeLessThanOrEqual(f.fit[i - 1]!.share);
    expect(f.verdict).toMatch(/^Your teams'/);
  });
});
