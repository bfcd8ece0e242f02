// Theory challenge: teams guess the others' secret theories after the rounds;
// the debrief counts the right guesses.
import { describe, expect, it } from "vitest";
import { reduceSession } from "../../shared/classroom/reduce.js";
import { createSession } from "../../shared/classroom/setup.js";
import type { Actor, SessionCommand, SessionSettings, Session } from "../../shared/classroom/types.js";
import { buildDebrief } from "../../shared/report/debrief.js";
import { builtinScenario } from "../../shared/scenario/builtin/index.js";
import { THEORIES } from "../../shared/theory/world.js";

const scenario = builtinScenario("rival-shores")!;

function session(scoring: SessionSettings["scoring"]) {
  let room: Session = createSession(
    scenario,
    { rounds: 1, diplomacySeconds: 60, chatMode: "open", scoring, teams: { mode: "count", value: 3 }, emptySeats: "balance-of-threat", seed: 3 },
    "ABCDEF",
    0,
  );
  let seq = 0;
  const run = (actor: Actor, command: SessionCommand) => {
    const out = reduceSession(room, { seq: ++seq, at: seq * 1000, actor, command });
    if (out.ok) room = out.state;
    return out;
  };
  for (const n of ["a", "b", "c"]) run({ kind: "system" }, { type: "join", studentId: n, nickname: n, keyHash: n });
  return { run, room: () => room };
}

describe("guesses in the theory challenge", () => {
  it("open after a round, keep each team's latest guess per state, and count right ones in the debrief", () => {
    const s = session("challenge");
    const a = s.room().students.a!.state!;
    const b = s.room().students.b!.state!;
    const c = s.room().students.c!.state!;
    const early = s.run({ kind: "student", studentId: "a" }, { type: "guess", about: b, theory: "bandwagon" });
    expect(!early.ok && early.refusal.code).toBe("wrong-phase");
    s.run({ kind: "teacher" }, { type: "start" });
    s.run({ kind: "teacher" }, { type: "advance" });
    s.run({ kind: "teacher" }, { type: "advance" });
    expect(s.room().phase).toBe("ended");
    const roleB = s.room().game.roles[b]!;
    const wrongB = THEORIES.find((t) => t !== roleB)!;
    expect(s.run({ kind: "student", studentId: "a" }, { type: "guess", about: b, theory: wrongB }).ok).toBe(true);
    expect(s.run({ kind: "student", studentId: "a" }, { type: "guess", about: b, theory: roleB }).ok).toBe(true);
    expect(s.run({ kind: "student", studentId: "c" }, { type: "guess", about: b, theory: wrongB }).ok).toBe(true);
    const self = s.run({ kind: "student", studentId: "a" }, { type: "guess", about: a, theory: roleB });
    expect(self.ok).toBe(false);
    expect(s.room().guesses.filter((g) => g.about === b)).toHaveLength(2);
    const debrief = buildDebrief(s.room(), { revealChat: false, anonymize: false });
    const aboutB = debrief.challenge!.guesses.find((g) => g.state === b)!;
    expect(aboutB.guesses).toEqual(
      expect.arrayContaining([
        { by: a, theory: roleB, right: true },
        { by: c, theory: wrongB, right: false },
      ]),
    );
    expect(aboutB.right).toBe(1);
  });

  it("are refused outside the theory challenge and from the teacher", () => {
    const s = session("standard");
    s.run({ kind: "teacher" }, { type: "start" });
    s.run({ kind: "teacher" }, { type: "advance" });
    const b = s.room().students.b!.state!;
    const out = s.run({ kind: "student", studentId: "a" }, { type: "guess", about: b, theory: "bandwagon" });
    expect(!out.ok && out.refusal.code).toBe("challenge-only");
    const teacher = s.run({ kind: "teacher" }, { type: "guess", about: b, theory: "bandwagon" });
    expect(!teacher.ok && teacher.refusal.code).toBe("not-allowed");
  });
});
