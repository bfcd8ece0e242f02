// What every page reads from the synchronized state instead of from events:
// the current round's crises with what they change, the latest announcement,
// and the chat conversations a student is offered, with their unread counts.
import { describe, expect, it } from "vitest";
import { conversationsFor, unreadByChannel } from "../../shared/classroom/chat-conversations.js";
import { announcementNow, crisisChanges, playedByBot, roundCrises } from "../../shared/classroom/news.js";
import { reduceSession } from "../../shared/classroom/reduce.js";
import { createSession } from "../../shared/classroom/setup.js";
import type { Actor, ChatMessage, LogEntry, Session, SessionCommand } from "../../shared/classroom/types.js";
import { builtinScenario } from "../../shared/scenario/builtin/index.js";

const T0 = 2_000_000;
const TEACHER: Actor = { kind: "teacher" };

function session(scenarioId: string): { state: Session; run(actor: Actor, command: SessionCommand): void } {
  const scenario = builtinScenario(scenarioId)!;
  let seq = 0;
  const box = {
    state: createSession(scenario, { rounds: 4, diplomacySeconds: 60, chatMode: "open", scoring: "standard", teams: { mode: "count", value: 2 }, emptySeats: "balance-of-threat", seed: 3 }, "ABCDEF", T0),
    run(actor: Actor, command: SessionCommand) {
      seq += 1;
      const entry: LogEntry = { seq, at: T0 + seq * 1000, actor, command };
      const out = reduceSession(box.state, entry);
      if (!out.ok) throw new Error(`refused: ${out.refusal.message}`);
      box.state = out.state;
    },
  };
  return box;
}

describe("the round's crises", () => {
  it("are none in the lobby, though round 1's crises are already applied", () => {
    const g = session("europe-1914");
    expect(g.state.game.openingEvents.filter((e) => e.type === "crisis")).toHaveLength(2);
    expect(roundCrises(g.state)).toEqual([]);
  });

  it("are the scheduled ones once the round starts, with what they change in words", () => {
    const g = session("europe-1914");
    g.run(TEACHER, { type: "start" });
    const crises = roundCrises(g.state);
    expect(crises.map((c) => c.id)).toEqual(["sarajevo", "belgian-ultimatum"]);
    expect(crises[0]).toMatchObject({ round: 1, title: "Assassination at Sarajevo" });
    expect(crises[0]!.text.length).toBeGreaterThan(20);
    expect(crises[0]!.changes).toEqual(["On the record: Austria-Hungary threatened Serbia (it counts in everyone's threat assessment)."]);
  });

  it("add the teacher's live crisis during the round, story only", () => {
    const g = session("europe-1914");
    g.run(TEACHER, { type: "start" });
    g.run(TEACHER, { type: "crisis", title: "Flood", text: "The river rises." });
    const crises = roundCrises(g.state);
    expect(crises.map((c) => c.title)).toEqual(["Assassination at Sarajevo", "Ultimatum to Belgium", "Flood"]);
    expect(crises[2]).toMatchObject({ id: expect.stringMatching(/^live-\d+$/), text: "The river rises.", changes: [] });
  });

  it("are replaced by the next round's: round 2's scheduled crisis with its effects, round 1's gone", () => {
    const g = session("europe-1914");
    g.run(TEACHER, { type: "start" });
    g.run(TEACHER, { type: "advance" });
    // Still round 1 in review: its crises stay readable.
    expect(roundCrises(g.state).map((c) => c.id)).toEqual(["sarajevo", "belgian-ultimatum"]);
    g.run(TEACHER, { type: "advance" });
    const crises = roundCrises(g.state);
    expect(crises.map((c) => c.id)).toEqual(["blockade"]);
    expect(crises[0]!.changes).toEqual(["Germany's economy shrinks by 8%.", "Austria-Hungary's economy shrinks by 5%."]);
  });

  it("name states with their article inside a sentence and capitalise it at the start", () => {
    const g = session("cold-war-1947");
    g.run(TEACHER, { type: "start" });
    g.run(TEACHER, { type: "crisis", crisisId: "tito-stalin-split" });
    const split = roundCrises(g.state).find((c) => c.id === "tito-stalin-split")!;
    expect(split.changes).toEqual(["Yugoslavia's economy shrinks by 5%.", "On the record: the Soviet Union betrayed Yugoslavia (it counts in everyone's threat assessment)."]);
    const name = (id: string) => ({ SOV: "the Soviet Union", ATL: "Atlantia" })[id] ?? id;
    expect(crisisChanges({ effects: [{ state: "SOV", military: 20, economy: 0 }] }, name)).toEqual(["The Soviet Union's forces grow by 20%."]);
    expect(crisisChanges({ effects: [{ state: "ATL", military: -60, economy: -25 }] }, name)).toEqual(["Atlantia's economy shrinks by 25%.", "Atlantia's forces shrink by 60%."]);
  });
});

describe("the announcement", () => {
  it("is the latest one with its time, so the same words again are news again", () => {
    const g = session("rival-shores");
    expect(announcementNow(g.state)).toEqual({ text: "", at: 0 });
    g.run(TEACHER, { type: "announce", text: "Pens down" });
    const first = announcementNow(g.state);
    g.run(TEACHER, { type: "announce", text: "Pens down" });
    const second = announcementNow(g.state);
    expect(first.text).toBe("Pens down");
    expect(second.text).toBe("Pens down");
    expect(second.at).toBeGreaterThan(first.at);
  });
});

describe("a student's chat conversations", () => {
  const states = [
    { id: "ATL", control: "team" as const },
    { id: "BOR", control: "team" as const },
    { id: "CAS", control: "balance-of-threat" as const },
    { id: "DRV", control: "empty" as const },
  ];

  it("offer everyone, the own team and a private chat with each state a team plays, not with bot-played or empty ones", () => {
    const list = conversationsFor("open", "ATL", states);
    expect(list.map((c) => c.channel)).toEqual(["public", "team:ATL", "private:ATL|BOR"]);
    expect(list.every((c) => c.writable)).toBe(true);
    expect(list[2]!.partner).toBe("BOR");
  });

  it("follow the student's current team", () => {
    expect(conversationsFor("open", "BOR", states).map((c) => c.channel)).toEqual(["public", "team:BOR", "private:ATL|BOR"]);
  });

  it("keep everyone readable but not writable when public chat is off, and only read when the chat is off", () => {
    const priv = conversationsFor("private", "ATL", states);
    expect(priv.map((c) => [c.channel, c.writable])).toEqual([["public", false], ["team:ATL", true], ["private:ATL|BOR", true]]);
    const off = conversationsFor("off", "ATL", states);
    expect(off.map((c) => [c.channel, c.writable])).toEqual([["public", false], ["team:ATL", false]]);
    expect(conversationsFor("open", null, states).map((c) => c.channel)).toEqual(["public"]);
  });

  it("agree with what the model accepts and refuses", () => {
    for (const mode of ["open", "private", "off"] as const) {
      const g = session("rival-shores");
      g.state = { ...g.state, settings: { ...g.state.settings, chatMode: mode } };
      g.run({ kind: "system" }, { type: "join", studentId: "s1", nickname: "Ann", keyHash: "h" });
      const own = g.state.students.s1!.state!;
      const seats = g.state.game.states.map((s) => ({ id: s.id, control: g.state.control[s.id] ?? ("empty" as const) }));
      for (const c of conversationsFor(mode, own, seats)) {
        let accepted = true;
        try {
          g.run({ kind: "student", studentId: "s1" }, { type: "chat", channel: c.channel, text: "hi" });
        } catch {
          accepted = false;
        }
        expect(accepted, `${mode} ${c.channel}`).toBe(c.writable);
      }
    }
  });

  it("count unread messages per channel after the last read one, never the reader's own", () => {
    const msg = (id: number, channel: string, from: string): ChatMessage => ({ id, at: id, round: 1, channel, text: "x", from: { kind: "student", studentId: from, nickname: from, state: "ATL" } });
    const messages = [msg(1, "public", "b"), msg(2, "team:ATL", "b"), msg(3, "team:ATL", "me"), msg(4, "team:ATL", "c"), msg(5, "public", "c")];
    expect([...unreadByChannel(messages, {}, "me")]).toEqual([["public", 2], ["team:ATL", 2]]);
    expect([...unreadByChannel(messages, { "team:ATL": 4, public: 1 }, "me")]).toEqual([["public", 1]]);
  });

  it("know which seats a computer plays", () => {
    expect(["team", "empty", "balance-of-power", "random", undefined].map(playedByBot)).toEqual([false, false, true, true, false]);
  });
});
