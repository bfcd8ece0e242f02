// Unlimited identities: one client joined 300 students with different
// nicknames in under 20 s. Newcomers are now counted per network address (and
// per game), and the teacher can close the game to new players and remove
// many students at once. The test server trusts the loopback proxy, so each
// test can speak from its own address (X-Forwarded-For), as students behind
// different school networks would.
import { Client } from "colyseus.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LIMITS } from "../../server/guard/limits.js";
import { joinError, joinGame, joinStudent, joinTeacher, request, startTestServer, until, type TestServer } from "../server/harness.js";

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ trustProxy: "loopback" });
});
afterAll(async () => {
  await t.stop();
});

const SETTINGS = { rounds: 3, teams: { mode: "size", value: 50 }, emptySeats: "balance-of-threat", diplomacySeconds: 300, seed: 2 };

/** A colyseus.js client whose matchmaking requests come from `address`. */
function clientFrom(address: string): Client {
  const client = t.client();
  client.http.headers = { "x-forwarded-for": address };
  return client;
}

describe("newcomers from one address", () => {
  it("are refused (4429) past the join limit, while other addresses, the teacher and returning students get in", async () => {
    const game = await t.createGame({ scenario: "rival-shores", settings: SETTINGS });
    const teacher = await joinTeacher(clientFrom("10.0.0.1"), game.code, game.teacherKey);
    const bot = clientFrom("10.9.9.9");
    const first = await joinStudent(bot, game.code, "first");
    const outcomes = await Promise.allSettled(Array.from({ length: 119 }, (_, i) => bot.joinById(game.code, { role: "student", nickname: `fake${i}` })));
    const joined = outcomes.filter((o) => o.status === "fulfilled").length + 1;
    const refused = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected").map((o) => (o.reason as { code: number }).code);
    const allowance = LIMITS.joinsPerAddress.points + LIMITS.joinBurstPerAddress.points;
    expect(joined).toBeLessThanOrEqual(allowance);
    expect(refused.length).toBeGreaterThanOrEqual(120 - allowance);
    expect(new Set(refused)).toEqual(new Set([4429]));
    // Someone else's network is not affected; nor is the teacher's console reloading from the flooded address;
    // nor a student of that address coming back with their key.
    await joinStudent(clientFrom("10.0.0.2"), game.code, "Real Student");
    await joinTeacher(bot, game.code, game.teacherKey);
    await joinGame(bot, game.code, { role: "student", rejoinKey: first.welcome.rejoinKey });
    await until(() => teacher.state.students.size === joined + 1, 3000, "the students in the state");
  });
});

describe("the teacher's controls", () => {
  it("closes the game to new players (4423) and opens it again; returning students still get in", async () => {
    const game = await t.createGame({ scenario: "rival-shores", settings: SETTINGS });
    const client = clientFrom("10.0.1.1");
    const teacher = await joinTeacher(client, game.code, game.teacherKey);
    const ann = await joinStudent(client, game.code, "Ann");
    expect((await request(teacher.room, teacher.inbox, "lock", { locked: true })).ok).toBe(true);
    await until(() => teacher.state.locked === true, 3000, "locked in the state");
    const refused = await joinError(client.joinById(game.code, { role: "student", nickname: "Latecomer" }));
    expect(refused).toMatchObject({ code: 4423 });
    expect(refused.message).toMatch(/closed this game to new players/);
    await ann.room.leave();
    // A student cannot lock or unlock.
    const back = await joinGame(client, game.code, { role: "student", rejoinKey: ann.welcome.rejoinKey });
    expect(await request(back.room, back.inbox, "lock", { locked: false })).toMatchObject({ ok: false, body: { code: "not-allowed" } });
    expect((await request(teacher.room, teacher.inbox, "lock", { locked: false })).ok).toBe(true);
    await joinStudent(client, game.code, "Latecomer");
  });

  it("removes many students at once: their connections are closed and they cannot come back", async () => {
    const game = await t.createGame({ scenario: "rival-shores", settings: SETTINGS });
    const client = clientFrom("10.0.2.1");
    const teacher = await joinTeacher(client, game.code, game.teacherKey);
    const fakes = [];
    for (let i = 0; i < 6; i++) fakes.push(await joinStudent(client, game.code, `spam${i}`));
    const keep = await joinStudent(client, game.code, "Keep");
    const closed = fakes.map((f) => new Promise<number>((resolve) => f.room.onLeave(resolve)));
    const reply = await request(teacher.room, teacher.inbox, "kick", { studentIds: fakes.map((f) => f.welcome.studentId) });
    expect(reply.ok).toBe(true);
    expect(await Promise.all(closed)).toEqual(fakes.map(() => 4403));
    await until(() => teacher.state.students.size === 1, 3000, "only Keep left");
    expect([...teacher.state.students.values()].map((s: { nickname: string }) => s.nickname)).toEqual(["Keep"]);
    expect((await joinError(client.joinById(game.code, { role: "student", nickname: "spam0" }))).code).toBe(4403);
    expect((await joinError(client.joinById(game.code, { role: "student", rejoinKey: fakes[1]!.welcome.rejoinKey }))).code).toBe(4403);
    expect((await request(keep.room, keep.inbox, "ready", { ready: false })).body.code).not.toBe("unknown-student");
  });
});
