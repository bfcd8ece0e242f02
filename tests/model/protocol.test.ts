// The message catalogue and its command table: every message a client may send
// parses, maps to the session command it names, and the session reducer lets
// only the right role send it (the projector none).
import { describe, expect, it } from "vitest";
import { reduceSession } from "../../shared/classroom/reduce.js";
import { createSession } from "../../shared/classroom/setup.js";
import type { Actor, LogEntry, Session, SessionCommand } from "../../shared/classroom/types.js";
import { toCommand } from "../../shared/protocol/commands.js";
import { CLIENT_MESSAGES, parseMessage, refOf, studentMessages, teacherMessages, type ClientMessage, type Payload } from "../../shared/protocol/messages.js";
import { builtinScenario } from "../../shared/scenario/builtin/index.js";

const scenario = builtinScenario("rival-shores")!;
const [A, B] = scenario.states.map((s) => s.id) as [string, string];
const T0 = 1_000_000;

/** One valid payload per message type; the Record type makes a new message a compile error here until it has one. */
const EXAMPLES: { [K in ClientMessage]: Payload<K> } = {
  offer: { to: B },
  accept: { from: B },
  decline: { from: B },
  withdraw: { to: B },
  leave: { ally: B },
  stay: { ally: B },
  budget: { economy: 50, defense: 30, offense: 20 },
  action: { kind: "threaten", target: B },
  ready: { ready: true },
  guess: { about: B, theory: "bandwagon" },
  chat: { channel: "public", text: "hello" },
  start: {},
  pause: {},
  resume: {},
  advance: {},
  end: {},
  extend: { seconds: 30 },
  kick: { studentId: "s-ann" },
  move: { studentId: "s-ann", state: B },
  mute: { studentId: "s-ann", muted: true },
  seat: { state: B, control: "team" },
  announce: { text: "Two minutes left" },
  clearAnnouncement: {},
  predictions: { show: true },
  crisis: { title: "Oil shock", text: "Prices double." },
  lock: { locked: true },
  answerSeat: { requestId: 1, approve: false },
};

/** The command type each message must become (the student's moves all travel as "play"). */
const COMMAND_TYPE: Record<ClientMessage, SessionCommand["type"]> = {
  offer: "play", accept: "play", decline: "play", withdraw: "play", leave: "play", stay: "play",
  budget: "play", action: "play", ready: "play", guess: "guess", chat: "chat",
  start: "start", pause: "pause", resume: "resume", advance: "advance", end: "end", extend: "extend",
  kick: "kick", move: "move", mute: "mute", seat: "seat", announce: "announce", clearAnnouncement: "clearAnnouncement",
  predictions: "showPredictions", crisis: "crisis", lock: "lock", answerSeat: "answerSeat",
};

/** A session in round 1's diplomacy with one student, "ann", in A's team. */
function started(): Session {
  let session = createSession(scenario, {
    rounds: 3, diplomacySeconds: 60, chatMode: "open", scoring: "standard",
    teams: { mode: "count", value: 2 }, emptySeats: "balance-of-threat", seed: 7,
  }, "ABCDEF", T0);
  const run = (actor: Actor, command: SessionCommand) => {
    const outcome = reduceSession(session, { seq: 1, at: T0, actor, command } satisfies LogEntry);
    if (!outcome.ok) throw new Error(`${command.type}: ${outcome.refusal.code}`);
    session = outcome.state;
  };
  run({ kind: "system" }, { type: "join", studentId: "s-ann", nickname: "Ann", keyHash: "h" });
  run({ kind: "teacher" }, { type: "move", studentId: "s-ann", state: A });
  run({ kind: "teacher" }, { type: "start" });
  return session;
}

const teacherTypes = new Set<string>(Object.keys(teacherMessages));
const studentTypes = new Set<string>(Object.keys(studentMessages));

describe("the message catalogue", () => {
  it("lists every message type once, in the three groups", () => {
    expect(new Set(CLIENT_MESSAGES).size).toBe(CLIENT_MESSAGES.length);
    expect([...CLIENT_MESSAGES].sort()).toEqual(Object.keys(EXAMPLES).sort());
  });

  it.each(CLIENT_MESSAGES.map((t) => [t]))("%s: the example parses, and a stray field is refused with a message naming it", (type) => {
    expect(parseMessage(type, EXAMPLES[type]).ok).toBe(true);
    const stray = parseMessage(type, { ...EXAMPLES[type], sneaky: 1 });
    expect(stray.ok).toBe(false);
    if (!stray.ok) expect(stray.refusal.message).toMatch(new RegExp(`^Malformed "${type}" message: .+\\.$`));
  });

  it("keeps a usable request id, and ignores any other value rather than converting it", () => {
    expect(refOf({ ref: "r1" })).toBe("r1");
    expect(refOf({ ref: 7 })).toBe(7);
    expect(refOf({ ref: 7.5 })).toBeUndefined();
    expect(refOf({ ref: "x".repeat(65) })).toBeUndefined();
    expect(refOf({ ref: { toString: "boom" } })).toBeUndefined();
    expect(refOf(null)).toBeUndefined();
  });
});

describe("the command table", () => {
  it.each(CLIENT_MESSAGES.map((t) => [t]))("%s becomes the session command of its name", (type) => {
    const command = toCommand(type, EXAMPLES[type]);
    expect(command.type).toBe(COMMAND_TYPE[type]);
    if (command.type === "play") expect(command.move.type).toBe(type);
  });

  it("carries the payload's values, never the sender's state (the server fills that in)", () => {
    expect(toCommand("offer", { to: B })).toEqual({ type: "play", move: { type: "offer", to: B } });
    expect(toCommand("action", { kind: "none", target: B })).toEqual({ type: "play", move: { type: "action", action: { kind: "none" } } });
    expect(toCommand("crisis", { crisisId: "oil" })).toEqual({ type: "crisis", crisisId: "oil" });
    expect(toCommand("predictions", { show: false })).toEqual({ type: "showPredictions", show: false });
    expect(toCommand("kick", { studentId: "s1" })).toEqual({ type: "kick", studentIds: ["s1"] });
    expect(toCommand("kick", { studentIds: ["s1", "s2"] })).toEqual({ type: "kick", studentIds: ["s1", "s2"] });
    for (const type of CLIENT_MESSAGES) expect(JSON.stringify(toCommand(type, EXAMPLES[type]))).not.toContain('"by"');
  });
});

describe("who may send what", () => {
  const roles: Record<string, Actor> = {
    teacher: { kind: "teacher" },
    student: { kind: "student", studentId: "s-ann" },
    projector: { kind: "projector" },
  };
  const mayBeSentBy = (type: ClientMessage): string[] =>
    type === "chat" ? ["teacher", "student"] : teacherTypes.has(type) ? ["teacher"] : studentTypes.has(type) ? ["student"] : [];

  it.each(CLIENT_MESSAGES.map((t) => [t]))("%s: the reducer refuses it from every other role, and the input session is left as it was", (type) => {
    const allowedRoles = mayBeSentBy(type);
    expect(allowedRoles.length).toBeGreaterThan(0);
    for (const [name, actor] of Object.entries(roles)) {
      const session = started();
      const before = structuredClone(session);
      const outcome = reduceSession(session, { seq: 9, at: T0 + 1000, actor, command: toCommand(type, EXAMPLES[type]) });
      expect(session).toEqual(before);
      if (allowedRoles.includes(name)) {
        // Allowed roles may still be refused for the game's reasons, never for who they are.
        if (!outcome.ok) expect(outcome.refusal.code, `${type} from ${name}`).not.toBe("not-allowed");
      } else {
        expect(outcome.ok, `${type} from ${name}`).toBe(false);
        if (!outcome.ok) expect(outcome.refusal.code).toBe("not-allowed");
      }
    }
  });
});
