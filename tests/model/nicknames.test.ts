// Look-alike and blank nicknames (the model's rules): invisible and bidi
// characters are stripped, names with nothing visible are refused, and two
// names that look the same (case, Unicode compatibility forms, confusable
// letters of other scripts) are the same player: "already playing", and a
// removal holds. Ordinary names of every script stay apart and are accepted.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { admit, type AdmissionFacts } from "../../shared/classroom/admission.js";
import { reduceSession, replaySession } from "../../shared/classroom/reduce.js";
import { createSession } from "../../shared/classroom/setup.js";
import { normalizeNickname } from "../../shared/classroom/students.js";
import type { Actor, LogEntry, Session, SessionCommand, SessionOutcome } from "../../shared/classroom/types.js";
import { CLOSE } from "../../shared/protocol/close-codes.js";
import { builtinScenario } from "../../shared/scenario/builtin/index.js";

const T0 = 1_000_000;
const SYSTEM: Actor = { kind: "system" };
const TEACHER: Actor = { kind: "teacher" };

function newSession(): Session {
  const settings = { rounds: 3, diplomacySeconds: 60, chatMode: "open" as const, scoring: "standard" as const, teams: { mode: "count" as const, value: 2 }, emptySeats: "empty" as const, seed: 7 };
  return createSession(builtinScenario("rival-shores")!, settings, "ABCDEF", T0);
}

/** A session and its log, one entry at a time; refused entries are not logged. */
class Class {
  session = newSession();
  readonly log: LogEntry[] = [];
  run(actor: Actor, command: SessionCommand): SessionOutcome {
    const entry: LogEntry = { seq: this.log.length + 1, at: T0 + this.log.length * 1000, actor, command };
    const out = reduceSession(this.session, entry);
    if (out.ok) {
      this.session = out.state;
      this.log.push(entry);
    }
    return out;
  }
  join(nickname: string): SessionOutcome {
    const n = this.log.length + 1;
    return this.run(SYSTEM, { type: "join", studentId: `s${n}`, nickname, keyHash: `h${n}` });
  }
  joined(nickname: string): string {
    const out = this.join(nickname);
    if (!out.ok) throw new Error(`${JSON.stringify(nickname)} refused: ${out.refusal.message}`);
    return `s${this.log.length}`;
  }
  nicknames(): string[] {
    return Object.values(this.session.students).map((s) => s.nickname);
  }
}

/** Everybody is connected (so a known nickname is "already playing"). */
const ONLINE: AdmissionFacts = { teacherKeyMatches: false, rejoinStudentId: null, claimStudentId: null, connections: () => 1, projectors: 0, pendingNewcomers: 0 };
const asStudent = (nickname: string) => ({ role: "student" as const, nickname });

/** The look-alikes of "Ann" from the issue, and a few more of the same kinds. */
const LOOK_ALIKES_OF_ANN: [string, string][] = [
  ["zero-width space", "Ann\u200b"],
  ["zero-width space inside", "A\u200bnn"],
  ["left-to-right mark", "Ann\u200e"],
  ["right-to-left mark", "\u200fAnn"],
  ["soft hyphen", "An\u00adn"],
  ["word joiner", "A\u2060nn"],
  ["combining grapheme joiner", "An\u034fn"],
  ["variation selector", "Ann\ufe0f"],
  ["byte order mark", "\ufeffAnn"],
  ["right-to-left override", "\u202eAnn"],
  ["left-to-right isolate", "\u2066Ann\u2069"],
  ["Cyrillic capital A", "\u0410nn"],
  ["Cyrillic small a", "\u0430nn"],
  ["Greek capital Alpha", "\u0391nn"],
  ["full-width letters", "\uff21\uff4e\uff4e"],
  ["upper case", "ANN"],
  ["lower case", "ann"],
  ["a no-break space around it", "\u00a0Ann\u3000"],
  ["a braille blank after it", "Ann\u2800"],
  ["a Hangul filler after it", "Ann\u3164"],
];

/** Names that show nothing a person could read or type back. */
const BLANK: [string, string][] = [
  ["braille blank", "\u2800"],
  ["braille blanks", "\u2800\u2800\u2800"],
  ["Hangul filler", "\u3164"],
  ["Hangul fillers and a space", "\u3164 \u3164"],
  ["half-width Hangul filler", "\uffa0"],
  ["Hangul choseong filler", "\u115f\u1160"],
  ["zero-width spaces", "\u200b\u200b\u200b"],
  ["bidi controls only", "\u202e\u202d\u2067"],
  ["combining marks only", "\u0301\u0308"],
  ["punctuation only", "..."],
  ["a mix of all of them", "\u2800\u3164\u200b\u00ad-"],
];

describe("nickname normalization", () => {
  it("strips invisible, format and bidi-control characters, and composes (NFKC)", () => {
    expect(normalizeNickname("Ann\u200b")).toBe("Ann");
    expect(normalizeNickname("An\u00adn")).toBe("Ann");
    expect(normalizeNickname("\u202eevil\u202c")).toBe("evil");
    expect(normalizeNickname("\u2067\u05d3\u05e0\u05d4\u2069")).toBe("\u05d3\u05e0\u05d4"); // Hebrew stays, the isolate goes
    expect(normalizeNickname("Jose\u0301")).toBe("Jos\u00e9");
    expect(normalizeNickname("\uff21\uff4e\uff4e")).toBe("Ann");
    expect(normalizeNickname("  Ann \u3000\u00a0 Lee ")).toBe("Ann Lee");
  });

  it("measures the 24-character limit after normalization", () => {
    // 31 characters typed, 1 visible: accepted.
    expect(normalizeNickname(`A${"\u200b".repeat(30)}`)).toBe("A");
    // 2 characters typed that NFKC spells out as 36: refused.
    expect(normalizeNickname("\ufdfa\ufdfa")).toBeNull();
  });

  it("is idempotent and leaves no invisible or control character behind", () => {
    const invisible = /[\p{Default_Ignorable_Code_Point}\p{Cf}\p{Cc}\u2800]/u;
    const pieces = fc.constantFrom("A", "n", "\u0430", "\u200b", "\u200e", "\u202e", "\u2066", "\u00ad", "\u3164", "\u2800", " ", "\t", "\u0301", "e", "\ufdfa", "\uff21", "\u05d3", "\u0645", "\u674e", "\u00a0", "\u0000");
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), (parts) => {
        const once = normalizeNickname(parts.join(""));
        if (once === null) return;
        expect(normalizeNickname(once)).toBe(once);
        expect(once).not.toMatch(invisible);
        expect(once).toBe(once.trim());
        expect(once).not.toMatch(/\s\s/);
      }),
    );
  });
});

describe("look-alike nicknames are the same player", () => {
  it.each(LOOK_ALIKES_OF_ANN)("with Ann playing, Ann + %s is refused as already playing", (_what, name) => {
    const c = new Class();
    c.joined("Ann");
    const joined = c.join(name);
    expect(joined.ok, "the reducer refuses the join").toBe(false);
    if (!joined.ok) expect(joined.refusal.code).toBe("nickname");
    const decision = admit(c.session, asStudent(name), ONLINE);
    expect(decision).toMatchObject({ ok: false, close: CLOSE.NICKNAME_TAKEN });
    if (!decision.ok) expect(decision.message).toContain('"Ann"');
    expect(c.nicknames()).toEqual(["Ann"]);
  });

  it("a decomposed José is the precomposed José", () => {
    const c = new Class();
    c.joined("Jos\u00e9");
    const again = c.join("Jose\u0301");
    expect(!again.ok && again.refusal.code).toBe("nickname");
    expect(admit(c.session, asStudent("Jose\u0301"), ONLINE)).toMatchObject({ ok: false, close: CLOSE.NICKNAME_TAKEN });
  });

  it("a look-alike of a student who is not connected needs the teacher's approval, like the same nickname", () => {
    const c = new Class();
    const ann = c.joined("Ann");
    const away: AdmissionFacts = { ...ONLINE, connections: () => 0 };
    expect(admit(c.session, asStudent("\u0410nn\u200b"), away)).toMatchObject({ ok: false, close: CLOSE.NEEDS_APPROVAL, askTeacher: { studentId: ann } });
  });

  it("ordinary names of every script are accepted, kept as typed and told apart", () => {
    const names = ["Ann", "Anna", "Bob", "Rob", "Zo\u00eb", "Zoe", "\u0141ukasz", "Lukasz", "Jos\u00e9", "Jose", "\u0645\u0631\u064a\u0645", "\u05d3\u05e0\u05d4", "\u674e\u96f7", "\u0418\u0432\u0430\u043d", "\u039d\u03af\u03ba\u03bf\u03c2", "Ann Lee", "Ann 2"];
    const c = new Class();
    for (const name of names) {
      const out = c.join(name);
      expect(out.ok, `${name} accepted`).toBe(true);
    }
    expect(c.nicknames()).toEqual(names);
  });
});

describe("blank nicknames are refused", () => {
  it.each(BLANK)("%s", (_what, name) => {
    const decision = admit(newSession(), asStudent(name), ONLINE);
    expect(decision).toMatchObject({ ok: false, close: CLOSE.BAD_NICKNAME });
    if (!decision.ok) expect(decision.message).toMatch(/letter or digit/);
    const c = new Class();
    const out = c.join(name);
    expect(!out.ok && out.refusal.code).toBe("nickname");
    expect(c.nicknames()).toEqual([]);
  });

  it("a visible name of one character is enough (a letter or a digit of any script)", () => {
    for (const name of ["A", "7", "\u674e", "\u0645", "\u0669"]) expect(admit(newSession(), asStudent(name), ONLINE), name).toMatchObject({ ok: true });
  });
});

describe("a removal holds against look-alikes", () => {
  it.each([
    ["zero-width space", "B\u200bob"],
    ["Cyrillic Ve", "\u0412ob"],
    ["Cyrillic o", "B\u043eb"],
    ["digit zero", "B0b"],
    ["upper case", "BOB"],
    ["soft hyphen and a mark", "\u200eBo\u00adb"],
  ])("a removed Bob cannot come back with %s", (_what, name) => {
    const c = new Class();
    const bob = c.joined("Bob");
    expect(c.run(TEACHER, { type: "kick", studentId: bob }).ok).toBe(true);
    const back = c.join(name);
    expect(!back.ok && back.refusal.code).toBe("removed");
    expect(admit(c.session, asStudent(name), { ...ONLINE, connections: () => 0 })).toMatchObject({ ok: false, close: CLOSE.FORBIDDEN });
  });

  it("Rob may still join after Bob was removed", () => {
    const c = new Class();
    c.run(TEACHER, { type: "kick", studentId: c.joined("Bob") });
    expect(c.join("Rob").ok).toBe(true);
  });
});

describe("stored logs", () => {
  it("a log written before these rules (look-alikes and a blank name admitted) still replays with nothing skipped", () => {
    // As the reducer accepted them before: each name distinct under the old, case-only comparison.
    const old: SessionCommand[] = [
      { type: "join", studentId: "a", nickname: "Ann", keyHash: "ha" },
      { type: "join", studentId: "b", nickname: "\u0410nn", keyHash: "hb" },
      { type: "join", studentId: "c", nickname: "Ann\u200b", keyHash: "hc" },
      { type: "join", studentId: "d", nickname: "\u2800\u2800", keyHash: "hd" },
    ];
    const log: LogEntry[] = old.map((command, i) => ({ seq: i + 1, at: T0 + i, actor: SYSTEM, command }));
    log.push({ seq: 5, at: T0 + 5, actor: { kind: "student", studentId: "c" }, command: { type: "chat", channel: "public", text: "still here" } });
    const { state, skipped } = replaySession(newSession(), log);
    expect(skipped).toEqual([]);
    expect(Object.values(state.students).map((s) => s.nickname)).toEqual(["Ann", "\u0410nn", "Ann\u200b", "\u2800\u2800"]);
    expect(state.chat.map((m) => m.text)).toEqual(["still here"]);
  });
});

describe("chat, announcements and typed crises", () => {
  it("lose their bidi embeddings, overrides and isolates, and keep right-to-left letters and marks", () => {
    const c = new Class();
    const ann = c.joined("Ann");
    const said = c.run({ kind: "student", studentId: ann }, { type: "chat", channel: "public", text: "\u0645\u0631\u062d\u0628\u0627 \u202eevil\u202c \u2067\u05d3\u2069 ok\u200f" });
    expect(said.ok).toBe(true);
    expect(c.session.chat.at(-1)?.text).toBe("\u0645\u0631\u062d\u0628\u0627 evil \u05d3 ok\u200f");
    expect(c.run(TEACHER, { type: "announce", text: "\u202aHello\u202c \u202b\u05e9\u05dc\u05d5\u05dd\u202c" }).ok).toBe(true);
    expect(c.session.announcements.at(-1)?.text).toBe("Hello \u05e9\u05dc\u05d5\u05dd");
    expect(c.run(TEACHER, { type: "start" }).ok).toBe(true);
    expect(c.run(TEACHER, { type: "crisis", title: "\u202eFlood", text: "Rain \u2066\u0645\u0637\u0631\u2069." }).ok).toBe(true);
    const crisis = c.session.timeline.map((t) => t.event).find((e) => e.type === "crisis");
    expect(crisis).toMatchObject({ title: "Flood", text: "Rain \u0645\u0637\u0631." });
  });

  it("refuses a chat message or an announcement that is nothing but bidi controls", () => {
    const c = new Class();
    const ann = c.joined("Ann");
    expect(c.run({ kind: "student", studentId: ann }, { type: "chat", channel: "public", text: "\u202e\u202c" })).toMatchObject({ ok: false, refusal: { code: "chat" } });
    expect(c.run(TEACHER, { type: "announce", text: " \u2066\u2069 " })).toMatchObject({ ok: false, refusal: { code: "chat" } });
  });
});
