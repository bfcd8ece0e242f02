// A wrong reconnection token must not keep a room alive (colyseus #962, see the
// stack handbook): a seat kept for a dropped student is refused to a bad token,
// and when the game ends its room still closes and is disposed.
import { matchMaker } from "@colyseus/core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dropConnection, joinStudent, joinTeacher, request, startTestServer, until, type TestServer } from "./harness.js";

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ reconnectSeconds: 30, endLingerMs: 300 });
});
afterAll(async () => {
  await t.stop();
});

describe("room disposal", () => {
  it("refuses a wrong token for a kept seat, and still disposes the room once the game has ended", async () => {
    const game = await t.createGame({ scenario: "rival-shores", settings: { rounds: 1, teams: { mode: "count", value: 1 } } });
    const client = t.client();
    const teacher = await joinTeacher(client, game.code, game.teacherKey);
    const ann = await joinStudent(client, game.code, "Ann");
    expect((await request(teacher.room, teacher.inbox, "start")).ok).toBe(true);
    const token = ann.room.reconnectionToken;
    const studentId = ann.welcome.studentId as string;
    dropConnection(ann.room);
    await until(() => teacher.state.students.get(studentId)?.connected === false, 3000, "the drop");
    // The seat is kept for 30 s; a wrong token does not get it.
    await expect(t.client().reconnect(`${game.code}:not-the-token`)).rejects.toMatchObject({ code: 4214 });
    expect(matchMaker.getLocalRoomById(game.code)).toBeDefined();
    expect((await request(teacher.room, teacher.inbox, "end")).ok).toBe(true);
    // Ended: after the linger (300 ms here) the room closes, the kept seat is given up, and the room is gone.
    await until(() => (matchMaker.getLocalRoomById(game.code) as unknown) === undefined, 5000, "the room disposed");
    await expect(t.client().reconnect(token)).rejects.toBeDefined();
    const report = await t.api(`/api/games/${game.code}/report`, { headers: { authorization: `Bearer ${game.teacherKey}` } });
    expect(report.status).toBe(200);
  });
});
