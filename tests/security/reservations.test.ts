// Room lock by seat reservations: POST /matchmake/joinById/<code> with
// {"role":"projector"} repeated 2,000 times used to fill the room's client
// limit with reservations nobody used, so nobody could join, the teacher
// included. Join options are now screened before a seat is reserved, newcomers
// are capped per address and per room, reservations expire in seconds, and the
// teacher and students holding their key always get in.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMISSION_LIMITS } from "../../shared/classroom/admission.js";
import { SEAT_RESERVATION_SECONDS } from "../../server/rooms/classroom-room.js";
import { joinGame, joinStudent, joinTeacher, serverRoom, startTestServer, until, type TestServer } from "../server/harness.js";

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ trustProxy: "loopback" });
});
afterAll(async () => {
  await t.stop();
});

const SETTINGS = { rounds: 3, teams: { mode: "count", value: 2 }, emptySeats: "balance-of-threat", diplomacySeconds: 300, seed: 2 };

/** A raw matchmaking request, as a script would send it. */
async function reserve(code: string, body: unknown, address: string): Promise<{ status: number; body: { code?: number; error?: string; sessionId?: string } }> {
  const res = await fetch(`${t.url}/matchmake/joinById/${code}`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-forwarded-for": address },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as { code?: number; error?: string; sessionId?: string } };
}

/** Seats reserved and not yet taken in the room. */
async function pending(code: string): Promise<number> {
  const room = (await serverRoom(code)) as unknown as { reservedSeats: Record<string, [unknown, unknown, boolean, boolean]> };
  return Object.values(room.reservedSeats).filter(([, , consumed]) => !consumed).length;
}

describe("a flood of seat reservations", () => {
  it("from one address: 2,000 projector reservations leave the class open to everyone", async () => {
    const game = await t.createGame({ scenario: "rival-shores", settings: SETTINGS });
    const ann = await joinStudent(t.client(), game.code, "Ann");
    const codes = new Map<number | undefined, number>();
    for (let batch = 0; batch < 20; batch++) {
      const replies = await Promise.all(Array.from({ length: 100 }, () => reserve(game.code, { role: "projector" }, "10.6.6.6")));
      for (const r of replies) codes.set(r.body.code, (codes.get(r.body.code) ?? 0) + 1);
    }
    const reserved = codes.get(undefined) ?? 0;
    expect(reserved).toBeLessThanOrEqual(ADMISSION_LIMITS.projectors);
    expect((codes.get(4413) ?? 0) + (codes.get(4429) ?? 0)).toBe(2000 - reserved);
    expect(await pending(game.code)).toBeLessThanOrEqual(ADMISSION_LIMITS.projectors);
    // The teacher, a student with her key, and a new student from another network all get in at once.
    const teacher = await joinTeacher(t.client(), game.code, game.teacherKey);
    await ann.room.leave();
    await joinGame(t.client(), game.code, { role: "student", rejoinKey: ann.welcome.rejoinKey });
    const client = t.client();
    client.http.headers = { "x-forwarded-for": "10.0.0.7" };
    await joinStudent(client, game.code, "Bea");
    await until(() => teacher.state.students.size === 2, 3000, "two students");
  });

  it("from many addresses: projectors are capped per room, and new students still get in", async () => {
    const game = await t.createGame({ scenario: "rival-shores", settings: SETTINGS });
    const replies = await Promise.all(Array.from({ length: 300 }, (_, i) => reserve(game.code, { role: "projector" }, `10.7.${i >> 8}.${i & 255}`)));
    expect(replies.filter((r) => r.body.sessionId !== undefined).length).toBe(ADMISSION_LIMITS.projectors);
    expect(replies.filter((r) => r.body.code === 4413).length).toBe(300 - ADMISSION_LIMITS.projectors);
    const client = t.client();
    client.http.headers = { "x-forwarded-for": "10.8.0.1" };
    await joinStudent(client, game.code, "Cy");
  });

  it("with malformed options: refused at once, no seat reserved", async () => {
    const game = await t.createGame({ scenario: "rival-shores", settings: SETTINGS });
    const cases: [unknown, number][] = [
      [{}, 4400],
      [{ role: "admin" }, 4400],
      [{ role: "teacher" }, 4400],
      [{ role: "projector", extra: 1 }, 4400],
      [{ role: "student", nickname: "x".repeat(2000) }, 4400],
      [{ role: "student" }, 4422],
      [{ role: "student", nickname: "   " }, 4422],
      [{ role: "student", rejoinKey: "not-a-key-of-this-game-000000" }, 4404],
    ];
    for (const [body, code] of cases) {
      const r = await reserve(game.code, body, "10.5.0.1");
      expect(r.body.code, JSON.stringify(body)).toBe(code);
    }
    const wrongKey = await reserve(game.code, { role: "teacher", teacherKey: "k".repeat(32) }, "10.5.0.1");
    expect(wrongKey.body.code).toBe(4403);
    expect(await pending(game.code)).toBe(0);
  });

  it(`expire after ${SEAT_RESERVATION_SECONDS} seconds when nobody connects`, async () => {
    const game = await t.createGame({ scenario: "rival-shores", settings: SETTINGS });
    const r = await reserve(game.code, { role: "student", nickname: "Ghost" }, "10.4.0.1");
    expect(r.body.sessionId).toBeDefined();
    expect(await pending(game.code)).toBe(1);
    const room = await serverRoom(game.code);
    await until(() => Object.keys((room as unknown as { reservedSeats: object }).reservedSeats).length === 0, (SEAT_RESERVATION_SECONDS + 4) * 1000, "the reservation to expire");
    // The nickname was never taken: a real student can use it.
    await joinStudent(t.client(), game.code, "Ghost");
  }, 20_000);
});
