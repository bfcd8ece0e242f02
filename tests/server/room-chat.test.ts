// Chat: the three modes, the length limits of the catalogue, and muting.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { joinProjector, joinStudent, joinTeacher, request, startTestServer, until, type Joined, type TestServer } from "./harness.js";

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.stop();
});

async function chatClass(chatMode: "open" | "private" | "off") {
  const game = await t.createGame({ scenario: "rival-shores", settings: { chatMode, teams: { mode: "count", value: 2 }, diplomacySeconds: 600 } });
  const client = t.client();
  const teacher = await joinTeacher(client, game.code, game.teacherKey);
  const ann = await joinStudent(client, game.code, "Ann"); // ATL
  const bob = await joinStudent(client, game.code, "Bob"); // BOR
  const cy = await joinStudent(client, game.code, "Cy"); // ATL
  const projector = await joinProjector(client, game.code);
  expect(ann.state.chatMode).toBe(chatMode);
  return { ...game, client, teacher, ann, bob, cy, projector };
}

const say = (j: Joined, channel: string, text: string) => request(j.room, j.inbox, "chat", { channel, text });

describe("chat modes", () => {
  it("open: public, team and private chat all work", async () => {
    const c = await chatClass("open");
    expect((await say(c.ann, "public", "hello all")).ok).toBe(true);
    expect((await say(c.ann, "team:ATL", "hello team")).ok).toBe(true);
    expect((await say(c.ann, "private:ATL|BOR", "hello Borealis")).ok).toBe(true);
    await c.projector.inbox.wait("chat", (m) => m.text === "hello all" && m.channel === "public");
    await c.bob.inbox.wait("chat", (m) => m.text === "hello all");
    await c.cy.inbox.wait("chat", (m) => m.text === "hello team" && m.channel === "team:ATL");
    const pm = await c.bob.inbox.wait("chat", (m) => m.text === "hello Borealis");
    expect(pm).toMatchObject({ channel: "private:ATL|BOR", round: 1, from: { kind: "student", nickname: "Ann", state: "ATL" } });
    expect(typeof pm.id).toBe("number");
    const fromTeacher = await say(c.teacher, "public", "from the teacher");
    expect(fromTeacher.ok).toBe(true);
    const seen = await c.ann.inbox.wait("chat", (m) => m.text === "from the teacher");
    expect(seen.from).toEqual({ kind: "teacher" });
  });

  it("private: public chat is refused, team and private chat work", async () => {
    const c = await chatClass("private");
    expect(await say(c.ann, "public", "hello all")).toMatchObject({ ok: false, body: { code: "chat", type: "chat" } });
    expect((await say(c.ann, "team:ATL", "hello team")).ok).toBe(true);
    expect((await say(c.bob, "private:ATL|BOR", "hello Atlantia")).ok).toBe(true);
    await c.cy.inbox.wait("chat", (m) => m.text === "hello team");
    await c.ann.inbox.wait("chat", (m) => m.text === "hello Atlantia");
    // The teacher may still address the class.
    expect((await say(c.teacher, "public", "teacher speaking")).ok).toBe(true);
    await c.projector.inbox.wait("chat", (m) => m.text === "teacher speaking");
    expect(c.projector.inbox.of("chat").map((m) => m.text)).toEqual(["teacher speaking"]);
  });

  it("off: every student channel is refused", async () => {
    const c = await chatClass("off");
    for (const channel of ["public", "team:ATL", "private:ATL|BOR"]) {
      expect(await say(c.ann, channel, "anyone?"), channel).toMatchObject({ ok: false, body: { code: "chat" } });
    }
    expect((await say(c.teacher, "public", "chat is off today")).ok).toBe(true);
    await c.ann.inbox.wait("chat", (m) => m.text === "chat is off today");
    expect(c.ann.inbox.of("chat").map((m) => m.text)).toEqual(["chat is off today"]);
  });
});

describe("chat limits", () => {
  it("accepts 500 characters and refuses 501 (catalogue), empty or blank text and bad channels", async () => {
    const c = await chatClass("open");
    const long = "é".repeat(500);
    expect((await say(c.ann, "public", long)).ok).toBe(true);
    await c.bob.inbox.wait("chat", (m) => m.text === long);
    expect(await say(c.ann, "public", long + "x")).toMatchObject({ ok: false, body: { code: "bad-message" } });
    expect(await say(c.ann, "public", "x".repeat(5000))).toMatchObject({ ok: false, body: { code: "bad-message" } });
    expect(await say(c.ann, "public", "")).toMatchObject({ ok: false, body: { code: "bad-message" } });
    expect(await say(c.ann, "public", "   \n\t ")).toMatchObject({ ok: false, body: { code: "chat" } });
    expect(await say(c.ann, "team:" + "A".repeat(40), "hi")).toMatchObject({ ok: false, body: { code: "bad-message" } });
    expect(await request(c.ann.room, c.ann.inbox, "chat", { channel: "public" })).toMatchObject({ ok: false, body: { code: "bad-message" } });
    expect(await request(c.ann.room, c.ann.inbox, "chat", { channel: "public", text: "hi", to: "BOR" })).toMatchObject({ ok: false, body: { code: "bad-message" } });
    // Text is trimmed.
    expect((await say(c.ann, "public", "   spaced out   ")).ok).toBe(true);
    await c.projector.inbox.wait("chat", (m) => m.text === "spaced out");
    // Only the two accepted messages reached anyone.
    expect(c.projector.inbox.of("chat").map((m) => m.text.length)).toEqual([500, 10]);
  });
});

describe("muting", () => {
  it("refuses a muted student's chat on every channel; unmuting restores it", async () => {
    const c = await chatClass("open");
    const annId = c.ann.welcome.studentId as string;
    expect((await request(c.teacher.room, c.teacher.inbox, "mute", { studentId: annId, muted: true })).ok).toBe(true);
    await until(() => c.bob.state.students.get(annId)?.muted === true, 3000, "muted in the state");
    const note = await c.ann.inbox.wait("event", (m) => m.event.type === "studentMuted");
    expect(note.event).toEqual({ type: "studentMuted", studentId: annId, muted: true });
    for (const channel of ["public", "team:ATL", "private:ATL|BOR"]) {
      expect(await say(c.ann, channel, "let me speak"), channel).toMatchObject({ ok: false, body: { code: "muted" } });
    }
    // Only chat is muted: Cy (same team) still chats, and Ann's state is still hers to play.
    expect((await say(c.cy, "team:ATL", "I can talk")).ok).toBe(true);
    expect((await request(c.teacher.room, c.teacher.inbox, "start")).ok).toBe(true);
    await until(() => c.ann.state.phase === "diplomacy", 3000, "diplomacy");
    expect((await request(c.ann.room, c.ann.inbox, "budget", { economy: 70, defense: 20, offense: 10 })).ok).toBe(true);

    expect((await request(c.teacher.room, c.teacher.inbox, "mute", { studentId: annId, muted: false })).ok).toBe(true);
    await until(() => c.bob.state.students.get(annId)?.muted === false, 3000, "unmuted in the state");
    expect((await say(c.ann, "public", "thanks")).ok).toBe(true);
    await c.bob.inbox.wait("chat", (m) => m.text === "thanks");
    // Nothing Ann said while muted reached anyone.
    expect(c.bob.inbox.of("chat").map((m) => m.text)).toEqual(["thanks"]);
    // The mute notice went to Ann only (and the teacher), not to the rest of the class.
    expect(c.bob.inbox.of("event").filter((m) => m.event.type === "studentMuted")).toEqual([]);
    expect(c.projector.inbox.of("event").filter((m) => m.event.type === "studentMuted")).toEqual([]);
    expect(c.teacher.inbox.of("event").filter((m) => m.event.type === "studentMuted")).toHaveLength(2);
    expect(await request(c.teacher.room, c.teacher.inbox, "mute", { studentId: "nobody", muted: true })).toMatchObject({ ok: false, body: { code: "unknown-student" } });
  });
});
