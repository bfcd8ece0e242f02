// Seat takeover by nickname: while Bob is offline, someone joins with "BOB".
// Before, they got Bob's seat (his team's draft, chats and secret theory). Now a
// nickname already in the game comes back only with its rejoin key, the
// reconnection token, or the teacher's approval in the console.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { joinError, joinGame, joinStudent, joinTeacher, mapKeys, request, serverRoom, settled, startTestServer, until, type TestServer } from "../server/harness.js";

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.stop();
});

const SETTINGS = { rounds: 3, scoring: "challenge", teams: { mode: "count", value: 2 }, emptySeats: "balance-of-threat", diplomacySeconds: 120, seed: 4 };
const CLAIM = "impostor-browser-key-0123456789";

async function classWithBobAway() {
  const game = await t.createGame({ scenario: "rival-shores", settings: SETTINGS });
  const client = t.client();
  const teacher = await joinTeacher(client, game.code, game.teacherKey);
  const ann = await joinStudent(client, game.code, "Ann");
  const bob = await joinStudent(client, game.code, "Bob");
  expect((await request(teacher.room, teacher.inbox, "start")).ok).toBe(true);
  expect((await request(bob.room, bob.inbox, "chat", { channel: `team:${bob.welcome.state}`, text: "our plan: attack ATL" })).ok).toBe(true);
  await bob.room.leave(); // closed his laptop
  await until(() => teacher.state.students.get(bob.welcome.studentId)?.connected === false, 3000, "Bob away");
  return { game, client, teacher, ann, bob };
}

describe("a nickname already in the game", () => {
  it("does not give Bob's seat to someone typing BOB: the teacher is asked, nothing is seen", async () => {
    const c = await classWithBobAway();
    const before = (await t.server.store.entries(c.game.gameId)).length;
    for (const nickname of ["BOB", " bob ", "Bob"]) {
      const refused = await joinError(c.client.joinById(c.game.code, { role: "student", nickname }));
      expect(refused.code, nickname).toBe(4401);
      expect(refused.message).toMatch(/teacher can let you back in/);
    }
    // No join was stored, no seat was given, no chat was sent: the room holds the same clients.
    expect((await t.server.store.entries(c.game.gameId)).length).toBe(before);
    expect((await serverRoom(c.game.code)).clients.length).toBe(2);
    // Without a claim key nothing is filed; with one, the teacher sees one request (not one per retry).
    await expect(c.client.joinById(c.game.code, { role: "student", nickname: "bob", claim: CLAIM })).rejects.toMatchObject({ code: 4401 });
    await expect(c.client.joinById(c.game.code, { role: "student", nickname: "bob", claim: CLAIM })).rejects.toMatchObject({ code: 4401 });
    const asked = await c.teacher.inbox.wait("seatRequests", (m) => m.requests.length > 0);
    expect(asked.requests).toEqual([expect.objectContaining({ studentId: c.bob.welcome.studentId, nickname: "Bob", state: c.bob.welcome.state })]);
    await settled(c.game.code, c.teacher);
    expect(c.teacher.inbox.of("seatRequests").at(-1).requests).toHaveLength(1);
    // The students never hear of it.
    expect(c.ann.inbox.of("event").some((m) => String(m.event.type).startsWith("seat"))).toBe(false);
  });

  it("refused by the teacher: that browser stays out, even with the same claim", async () => {
    const c = await classWithBobAway();
    await expect(c.client.joinById(c.game.code, { role: "student", nickname: "Bob", claim: CLAIM })).rejects.toMatchObject({ code: 4401 });
    const asked = await c.teacher.inbox.wait("seatRequests", (m) => m.requests.length === 1);
    expect((await request(c.teacher.room, c.teacher.inbox, "answerSeat", { requestId: asked.requests[0].id, approve: false })).ok).toBe(true);
    await c.teacher.inbox.wait("seatRequests", (m) => m.requests.length === 0);
    expect((await joinError(c.client.joinById(c.game.code, { role: "student", nickname: "Bob", claim: CLAIM }))).code).toBe(4403);
    // Bob himself is not affected: his own key still works.
    const back = await joinGame(c.client, c.game.code, { role: "student", rejoinKey: c.bob.welcome.rejoinKey });
    expect(back.welcome.studentId).toBe(c.bob.welcome.studentId);
  });

  it("approved by the teacher: the new device gets the seat, and the old key stops working", async () => {
    const c = await classWithBobAway();
    await expect(c.client.joinById(c.game.code, { role: "student", nickname: "Bob", claim: CLAIM })).rejects.toMatchObject({ code: 4401 });
    const asked = await c.teacher.inbox.wait("seatRequests", (m) => m.requests.length === 1);
    expect((await request(c.teacher.room, c.teacher.inbox, "answerSeat", { requestId: asked.requests[0].id, approve: true })).ok).toBe(true);
    const back = await joinGame(c.client, c.game.code, { role: "student", nickname: "Bob", claim: CLAIM });
    expect(back.welcome).toMatchObject({ studentId: c.bob.welcome.studentId, rejoinKey: CLAIM });
    await until(() => mapKeys(back.state.teams).length === 1, 3000, "his team's entry");
    expect(back.inbox.of("chatHistory")[0].messages.map((m: { text: string }) => m.text)).toContain("our plan: attack ATL");
    expect((await joinError(c.client.joinById(c.game.code, { role: "student", rejoinKey: c.bob.welcome.rejoinKey }))).code).toBe(4404);
    // A second answer to the same request is refused: it is gone.
    const again = await request(c.teacher.room, c.teacher.inbox, "answerSeat", { requestId: asked.requests[0].id, approve: true });
    expect(again).toMatchObject({ ok: false, body: { code: "no-such-request" } });
  });

  it("cannot be answered by a student", async () => {
    const c = await classWithBobAway();
    await expect(c.client.joinById(c.game.code, { role: "student", nickname: "Bob", claim: CLAIM })).rejects.toMatchObject({ code: 4401 });
    const asked = await c.teacher.inbox.wait("seatRequests", (m) => m.requests.length === 1);
    const reply = await request(c.ann.room, c.ann.inbox, "answerSeat", { requestId: asked.requests[0].id, approve: true });
    expect(reply).toMatchObject({ ok: false, body: { code: "not-allowed" } });
    expect((await joinError(c.client.joinById(c.game.code, { role: "student", nickname: "Bob", claim: CLAIM }))).code).toBe(4401);
  });
});
