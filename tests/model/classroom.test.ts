// The pure classroom model: teams, seats, the clock, chat and replay.
import { describe, expect, it } from "vitest";
import { canRead, parseChannel, privateChannel } from "../../shared/classroom/chat.js";
import { reduceSession, replaySession } from "../../shared/classroom/reduce.js";
import { normalizeNickname } from "../../shared/classroom/students.js";
import { createSession } from "../../shared/classroom/setup.js";
import type { Actor, SessionCommand, SessionSettings, Session, LogEntry } from "../../shared/classroom/types.js";
import { audienceOf, eventVisibleTo } from "../../shared/classroom/visibility.js";
import { builtinScenario } from "../../shared/scenario/builtin/index.js";

const scenario = builtinScenario("rival-shores")!;
const ids = scenario.states.map((s) => s.id);
const T0 = 1_000_000;

function settings(over: Partial<SessionSettings> = {}): SessionSettings {
  return {
    rounds: 3,
    diplomacySeconds: 60,
    chatMode: "open",
    scoring: "standard",
    teams: { mode: "count", value: 2 },
    emptySeats: "balance-of-threat",
    seed: 7,
    ...over,
  };
}

class Driver {
  state: Session;
  log: LogEntry[] = [];
  constructor(s = settings()) {
    this.state = createSession(scenario, s, "ABCDEF", T0);
  }
  run(actor: Actor, command: SessionCommand, at = T0 + this.log.length * 1000) {
    const entry: LogEntry = { seq: this.log.length + 1, at, actor, command };
    const out = reduceSession(this.state, entry);
    if (out.ok) {
      this.state = out.state;
      this.log.push(entry);
    }
    return out;
  }
  ok(actor: Actor, command: SessionCommand, at?: number) {
    const out = this.run(actor, command, at);
    if (!out.ok) throw new Error(`refused: ${out.refusal.code} ${out.refusal.message}`);
    return out;
  }
  join(nickname: string) {
    const studentId = `s-${nickname}`;
    this.ok(SYSTEM, { type: "join", studentId, nickname, keyHash: `hash-${nickname}` });
    return studentId;
  }
}

const SYSTEM: Actor = { kind: "system" };
const TEACHER: Actor = { kind: "teacher" };
const student = (id: string): Actor => ({ kind: "student", studentId: id });

describe("teams", () => {
  it("count mode: the first states are team states, the rest bots; students are balanced", () => {
    const s = new Driver();
    expect(s.state.teams).toEqual(ids.slice(0, 2));
    expect(s.state.control[ids[2]!]).toBe("balance-of-threat");
    const placed = ["a", "b", "c", "d", "e"].map((n) => {
      const id = s.join(n);
      return s.state.students[id]!.state;
    });
    const count = (id: string) => placed.filter((p) => p === id).length;
    expect(Math.abs(count(ids[0]!) - count(ids[1]!))).toBeLessThanOrEqual(1);
    expect(placed.every((p) => p === ids[0] || p === ids[1])).toBe(true);
  });

  it("size mode: a new team opens when every team is full", () => {
    const s = new Driver(settings({ teams: { mode: "size", value: 2 } }));
    expect(s.state.teams).toHaveLength(1);
    for (const n of ["a", "b", "c"]) s.join(n);
    expect(s.state.teams).toEqual(ids.slice(0, 2));
    expect(s.state.control[ids[1]!]).toBe("team");
    expect(s.state.students["s-c"]!.state).toBe(ids[1]);
  });

  it("nicknames are trimmed, length-limited and unique regardless of case", () => {
    expect(normalizeNickname("  Ann   Lee ")).toBe("Ann Lee");
    expect(normalizeNickname("   ")).toBeNull();
    expect(normalizeNickname("x".repeat(25))).toBeNull();
    const s = new Driver();
    s.join("Ann");
    const dup = s.run(SYSTEM, { type: "join", studentId: "other", nickname: " ann ", keyHash: "h" });
    expect(dup.ok).toBe(false);
    if (!dup.ok) expect(dup.refusal.code).toBe("nickname");
  });

  it("a removed student cannot come back under the same nickname, and cannot act", () => {
    const s = new Driver();
    const ann = s.join("Ann");
    s.ok(TEACHER, { type: "kick", studentId: ann });
    const again = s.run(SYSTEM, { type: "join", studentId: "new", nickname: "Ann", keyHash: "h" });
    expect(!again.ok && again.refusal.code).toBe("removed");
    const act = s.run(student(ann), { type: "chat", channel: "public", text: "hi" });
    expect(!act.ok && act.refusal.code).toBe("unknown-student");
  });

  it("moving a student to a state without a team opens that team", () => {
    const s = new Driver();
    const ann = s.join("Ann");
    s.ok(TEACHER, { type: "move", studentId: ann, state: ids[5]! });
    expect(s.state.students[ann]!.state).toBe(ids[5]);
    expect(s.state.control[ids[5]!]).toBe("team");
    expect(s.state.teams).toContain(ids[5]);
  });
});

describe("who may do what", () => {
  it("students cannot use teacher commands and nobody but the system joins students", () => {
    const s = new Driver();
    const ann = s.join("Ann");
    for (const command of [{ type: "start" }, { type: "pause" }, { type: "kick", studentId: ann }] as SessionCommand[]) {
      const out = s.run(student(ann), command);
      expect(!out.ok && out.refusal.code).toBe("not-allowed");
    }
    const join = s.run(TEACHER, { type: "join", studentId: "x", nickname: "X", keyHash: "h" });
    expect(!join.ok && join.refusal.code).toBe("not-allowed");
  });

  it("a student plays for their own state only, and not while a bot holds the seat", () => {
    const s = new Driver();
    const ann = s.join("Ann");
    const own = s.state.students[ann]!.state!;
    s.ok(TEACHER, { type: "start" });
    s.ok(student(ann), { type: "play", move: { type: "budget", economy: 70, defense: 20, offense: 10 } });
    expect(s.state.game.drafts[own]!.budget.economy).toBe(70);
    for (const other of ids.filter((i) => i !== own)) expect(s.state.game.drafts[other]!.budget.economy).not.toBe(70);
    s.ok(TEACHER, { type: "seat", state: own, control: "bandwagon" });
    const refused = s.run(student(ann), { type: "play", move: { type: "ready", ready: true } });
    expect(!refused.ok && refused.refusal.code).toBe("bot-seat");
    s.ok(TEACHER, { type: "seat", state: own, control: "team" });
    expect(s.run(student(ann), { type: "play", move: { type: "ready", ready: false } }).ok).toBe(true);
  });
});

describe("the clock", () => {
  it("start sets the deadline; pause keeps the time left; resume and extend move the deadline", () => {
    const s = new Driver();
    s.ok(TEACHER, { type: "start" }, T0);
    expect(s.state.clock.deadline).toBe(T0 + 60_000);
    s.ok(TEACHER, { type: "pause" }, T0 + 20_000);
    expect(s.state.clock).toEqual({ deadline: null, remaining: 40_000 });
    const blocked = s.run(TEACHER, { type: "deadline" }, T0 + 70_000);
    expect(blocked.ok).toBe(false);
    s.ok(TEACHER, { type: "extend", seconds: 30 }, T0 + 25_000);
    expect(s.state.clock.remaining).toBe(70_000);
    s.ok(TEACHER, { type: "resume" }, T0 + 100_000);
    expect(s.state.clock.deadline).toBe(T0 + 170_000);
    s.ok(TEACHER, { type: "extend", seconds: 10 }, T0 + 110_000);
    expect(s.state.clock.deadline).toBe(T0 + 180_000);
  });

  it("a deadline before its time is refused as stale; at its time it resolves the round", () => {
    const s = new Driver();
    s.ok(TEACHER, { type: "start" }, T0);
    const early = s.run(SYSTEM, { type: "deadline" }, T0 + 59_999);
    expect(!early.ok && early.refusal.code).toBe("stale");
    s.ok(SYSTEM, { type: "deadline" }, T0 + 60_000);
    expect(s.state.phase).toBe("review");
    expect(s.state.game.history).toHaveLength(1);
    expect(s.state.clock).toEqual({ deadline: null, remaining: null });
  });

  it("the round ends early when every team with members is ready", () => {
    const s = new Driver();
    const ann = s.join("Ann");
    const bob = s.join("Bob");
    s.ok(TEACHER, { type: "start" });
    s.ok(student(ann), { type: "play", move: { type: "ready", ready: true } });
    expect(s.state.phase).toBe("diplomacy");
    s.ok(student(bob), { type: "play", move: { type: "ready", ready: true } });
    expect(s.state.phase).toBe("review");
  });

  it("after the last round the game ends; the clock is restored after a restart", () => {
    const s = new Driver(settings({ rounds: 1 }));
    s.ok(TEACHER, { type: "start" }, T0);
    s.ok(SYSTEM, { type: "clockRestored", remainingMs: 12_000 }, T0 + 500_000);
    expect(s.state.clock.deadline).toBe(T0 + 512_000);
    s.ok(TEACHER, { type: "advance" });
    s.ok(TEACHER, { type: "advance" });
    expect(s.state.phase).toBe("ended");
    const late = s.run(TEACHER, { type: "start" });
    expect(!late.ok && late.refusal.code).toBe("game-over");
  });
});

describe("bots", () => {
  it("bot seats decide at the start of the round and when handed a seat", () => {
    const s = new Driver(settings({ emptySeats: "balance-of-threat" }));
    s.ok(TEACHER, { type: "start" });
    const botStates = ids.filter((id) => s.state.control[id] === "balance-of-threat");
    expect(botStates.length).toBeGreaterThan(0);
    // A bot's plan always ends with a budget and an action; its offers courted its theory's partners.
    const offers = s.state.game.offers.filter((o) => botStates.includes(o.from));
    for (const o of offers) expect(s.state.game.predictions.states[o.from]!.balanceOfThreat.partners).toContain(o.to);
    expect(offers.length).toBeGreaterThan(0);
  });
});

describe("chat", () => {
  it("channels parse, and private channels are the same whichever side names them", () => {
    expect(parseChannel("public")).toEqual({ kind: "public" });
    expect(parseChannel("team:ATL")).toEqual({ kind: "team", state: "ATL" });
    expect(privateChannel("BOR", "ATL")).toBe(privateChannel("ATL", "BOR"));
    expect(parseChannel("private:ATL")).toBeNull();
    expect(parseChannel("nonsense")).toBeNull();
  });

  it("modes: open allows public; private refuses public but allows private and team; off refuses all", () => {
    for (const [mode, allowed] of [
      ["open", ["public", "team", "private"]],
      ["private", ["team", "private"]],
      ["off", []],
    ] as const) {
      const s = new Driver(settings({ chatMode: mode }));
      const ann = s.join("Ann");
      const own = s.state.students[ann]!.state!;
      const other = ids.find((i) => i !== own)!;
      const channels = { public: "public", team: `team:${own}`, private: privateChannel(own, other) };
      for (const [kind, channel] of Object.entries(channels)) {
        const out = s.run(student(ann), { type: "chat", channel, text: "hello" });
        expect(out.ok, `${mode} ${kind}`).toBe((allowed as readonly string[]).includes(kind));
      }
    }
  });

  it("a student cannot write in another team's chat or a private chat between two others; muted students cannot write", () => {
    const s = new Driver();
    const ann = s.join("Ann");
    const own = s.state.students[ann]!.state!;
    const [x, y] = ids.filter((i) => i !== own);
    expect(s.run(student(ann), { type: "chat", channel: `team:${x}`, text: "hi" }).ok).toBe(false);
    expect(s.run(student(ann), { type: "chat", channel: privateChannel(x!, y!), text: "hi" }).ok).toBe(false);
    s.ok(TEACHER, { type: "mute", studentId: ann, muted: true });
    const muted = s.run(student(ann), { type: "chat", channel: "public", text: "hi" });
    expect(!muted.ok && muted.refusal.code).toBe("muted");
  });

  it("who reads what: public to all, team to the team, private to the two states, everything to the teacher", () => {
    const msg = (channel: string) => ({ id: 1, at: 0, round: 1, from: { kind: "teacher" as const }, channel, text: "x" });
    expect(canRead(msg("public"), { kind: "projector" })).toBe(true);
    expect(canRead(msg("team:ATL"), { kind: "student", state: "ATL" })).toBe(true);
    expect(canRead(msg("team:ATL"), { kind: "student", state: "BOR" })).toBe(false);
    expect(canRead(msg("team:ATL"), { kind: "projector" })).toBe(false);
    expect(canRead(msg("private:ATL|BOR"), { kind: "student", state: "BOR" })).toBe(true);
    expect(canRead(msg("private:ATL|BOR"), { kind: "student", state: "CAS" })).toBe(false);
    expect(canRead(msg("private:ATL|BOR"), { kind: "teacher" })).toBe(true);
  });
});

describe("visibility of events", () => {
  it("offers are seen by the two states only; wars and alliances by all", () => {
    expect(audienceOf({ type: "offerMade", from: "A", to: "B" })).toEqual({ kind: "states", states: ["A", "B"] });
    expect(audienceOf({ type: "leaveDeclared", by: "A", ally: "B" })).toEqual({ kind: "states", states: ["A"] });
    expect(audienceOf({ type: "allianceFormed", a: "A", b: "B" }).kind).toBe("public");
    expect(audienceOf({ type: "studentMuted", studentId: "s", muted: true })).toEqual({ kind: "states", states: [], students: ["s"] });
  });

  it("a student's arrival reaches the console and the projector, not the other students", () => {
    const joined = { type: "studentJoined", studentId: "s1", nickname: "Ann", state: "A" } as const;
    expect(eventVisibleTo(joined, { kind: "teacher" })).toBe(true);
    expect(eventVisibleTo(joined, { kind: "projector" })).toBe(true);
    expect(eventVisibleTo(joined, { kind: "student", studentId: "s2", state: "A" })).toBe(false);
    expect(eventVisibleTo(joined, { kind: "student", studentId: "s1", state: "A" })).toBe(false);
    // Public events still reach everyone.
    expect(eventVisibleTo({ type: "studentMoved", studentId: "s1", from: "A", to: "B" }, { kind: "student", studentId: "s2", state: "C" })).toBe(true);
  });
});

describe("replay", () => {
  it("the log rebuilds the same session, clock and game included", () => {
    const s = new Driver();
    const ann = s.join("Ann");
    const bob = s.join("Bob");
    s.ok(TEACHER, { type: "start" });
    const annState = s.state.students[ann]!.state!;
    const bobState = s.state.students[bob]!.state!;
    s.ok(student(ann), { type: "play", move: { type: "offer", to: bobState } });
    s.ok(student(bob), { type: "play", move: { type: "accept", from: annState } });
    s.ok(student(ann), { type: "chat", channel: "public", text: "deal" });
    s.ok(TEACHER, { type: "advance" });
    s.ok(TEACHER, { type: "advance" });
    s.ok(TEACHER, { type: "pause" });
    const initial = createSession(scenario, settings(), "ABCDEF", T0);
    const { state, skipped } = replaySession(initial, s.log);
    expect(skipped).toEqual([]);
    expect(JSON.stringify(state)).toBe(JSON.stringify(s.state));
    expect(state.game.alliances).toContainEqual([annState, bobState].sort());
  });
});
