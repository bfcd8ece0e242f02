// Floods: one client sending far more messages than a person could is cut off
// (close code 4429) after a short grace, hears "rate-limited" at most once a
// second, and never slows the others down; limits count a student over all their
// connections, not per connection.
import type { Room } from "colyseus.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LIMITS } from "../../server/guard/limits.js";
import { joinGame, joinStudent, joinTeacher, request, serverRoom, startTestServer, until, type Joined, type TestServer } from "../server/harness.js";

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.stop();
});

const SETTINGS = { rounds: 3, teams: { mode: "count", value: 3 }, emptySeats: "balance-of-threat", diplomacySeconds: 300, seed: 2 };

async function startedClass() {
  const game = await t.createGame({ scenario: "rival-shores", settings: SETTINGS });
  const client = t.client();
  const teacher = await joinTeacher(client, game.code, game.teacherKey);
  const ann = await joinStudent(client, game.code, "Ann");
  const bob = await joinStudent(client, game.code, "Bob");
  expect((await request(teacher.room, teacher.inbox, "start")).ok).toBe(true);
  await until(() => ann.state.phase === "diplomacy", 3000, "diplomacy");
  return { game, client, teacher, ann, bob };
}

/** The server has received `count` messages from this client in all, and handled every one (its queue is empty). */
async function drained(code: string, room: Room, count: number): Promise<void> {
  const server = await serverRoom(code);
  const pacing = () => (server.clients.find((c) => c.sessionId === room.sessionId)?.userData as { pacing: { queue: Promise<void>; received: number } }).pacing;
  await until(() => pacing().received >= count, 5000, `${count} messages received`);
  await pacing().queue;
}

const closeCode = (room: Room) => new Promise<number>((resolve) => room.onLeave((code) => resolve(code)));

describe("a flooding client", () => {
  it("is disconnected with 4429, is not answered message for message, and the others are not slowed", async () => {
    const c = await startedClass();
    const closed = closeCode(c.ann.room);
    const entriesBefore = (await t.server.store.entries(c.game.gameId)).length;
    const sent = 2000;
    for (let i = 0; i < sent; i++) c.ann.room.send("budget", { ref: `f-${i}`, economy: 40, defense: 40, offense: 20 });
    expect(await closed).toBe(4429);
    const replies = c.ann.inbox.messages.filter((m) => (m.type === "ack" || m.type === "error") && String(m.payload.ref).startsWith("f-"));
    // At most the per-student allowance was applied, and "rate-limited" was said at most once a second.
    const stored = (await t.server.store.entries(c.game.gameId)).length - entriesBefore;
    expect(stored).toBeLessThanOrEqual(LIMITS.messagesPerSecond + LIMITS.messageBurst);
    expect(replies.filter((m) => m.type === "ack").length).toBeLessThanOrEqual(stored);
    expect(replies.filter((m) => m.type === "error" && m.payload.code === "rate-limited").length).toBeLessThanOrEqual(2);
    expect(replies.length).toBeLessThan(sent / 50);
    // Bob, in the same room, is answered as usual.
    expect(await request(c.bob.room, c.bob.inbox, "budget", { economy: 50, defense: 25, offense: 25 })).toMatchObject({ ok: true });
    // The cut-off keeps no reconnection window: Ann's page joins again with her key (and her limit still counts).
    const back = await joinGame(c.client, c.game.code, { role: "student", rejoinKey: c.ann.welcome.rejoinKey });
    expect(back.welcome.studentId).toBe(c.ann.welcome.studentId);
  });

  it("of unknown message types is cut off as well", async () => {
    const c = await startedClass();
    const closed = closeCode(c.bob.room);
    for (let i = 0; i < 500; i++) c.bob.room.send("nonsense", { i });
    expect(await closed).toBe(4429);
    expect(c.bob.inbox.of("error").length).toBeLessThanOrEqual(LIMITS.messagesPerSecond + LIMITS.messageBurst + 2);
  });
});

describe("limits per student and per teacher, not per connection", () => {
  it("counts a student's messages over all their tabs", async () => {
    const c = await startedClass();
    const tabs: Joined[] = [c.ann];
    for (let i = 0; i < 3; i++) tabs.push(await joinGame(c.client, c.game.code, { role: "student", rejoinKey: c.ann.welcome.rejoinKey }));
    // A fifth connection is one too many.
    await expect(c.client.joinById(c.game.code, { role: "student", rejoinKey: c.ann.welcome.rejoinKey })).rejects.toMatchObject({ code: 4429 });
    const entriesBefore = (await t.server.store.entries(c.game.gameId)).length;
    // 12 each from 4 tabs at once: 48, under each connection's flood cut-off but far over her allowance.
    for (const [n, tab] of tabs.entries()) for (let i = 0; i < 12; i++) tab.room.send("budget", { ref: `t${n}-${i}`, economy: 40, defense: 40, offense: 20 });
    for (const tab of tabs) await drained(c.game.code, tab.room, 12);
    const stored = (await t.server.store.entries(c.game.gameId)).length - entriesBefore;
    expect(stored).toBeLessThanOrEqual(LIMITS.messagesPerSecond * 2 + LIMITS.messageBurst);
    const acked = () => tabs.reduce((sum, tab) => sum + tab.inbox.of("ack").filter((m) => String(m.ref).startsWith("t")).length, 0);
    await until(() => acked() === stored, 3000, "the acks of what was stored");
  });

  it("limits chat apart, so a student cannot fill everyone's history", async () => {
    const c = await startedClass();
    for (let i = 0; i < 15; i++) c.ann.room.send("chat", { ref: `c-${i}`, channel: "public", text: `spam ${i}` });
    await drained(c.game.code, c.ann.room, 15);
    // Acknowledgements go out once their event-loop turn is stored: a ping answered after them (same socket, in
    // order) shows that every answer to the chat has arrived.
    c.ann.room.send("ping", { ref: "after-chat" });
    await until(() => [...c.ann.inbox.of("pong"), ...c.ann.inbox.of("error")].some((m) => m.ref === "after-chat"), 3000, "the answer to a ping sent after the chat");
    const accepted = c.ann.inbox.of("ack").filter((m) => String(m.ref).startsWith("c-")).length;
    expect(accepted).toBeLessThanOrEqual(LIMITS.chatPerSecond * 2 + LIMITS.chatBurst);
    expect(c.ann.inbox.of("error").some((m) => m.code === "rate-limited" && /chat/i.test(m.message))).toBe(true);
  });
});
