// Two faults of the room's relation to time and to its clients:
// - a room that changes while nobody is connected must give the next joiner the
//   current state (Colyseus 0.16 used to serve the full state cached before the
//   change: a teacher coming back saw "diplomacy" with the old deadline while the
//   server was in "review", and the stale button started round 2);
// - the deadline is the deadline: a decision that arrives after it is refused,
//   whenever the room's 250 ms tick would have noticed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { joinProjector, joinStudent, joinTeacher, request, serverRoom, settled, startTestServer, until, untilServer, type TestServer } from "../server/harness.js";

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.stop();
});

const SETTINGS = { rounds: 3, teams: { mode: "count", value: 1 }, emptySeats: "balance-of-threat", diplomacySeconds: 15, seed: 3 };

describe("a room that changes while nobody is connected", () => {
  it("gives the teacher and a projector who join afterwards the current state", async () => {
    const game = await t.createGame({ scenario: "rival-shores", settings: SETTINGS });
    const teacher = await joinTeacher(t.client(), game.code, game.teacherKey);
    expect((await request(teacher.room, teacher.inbox, "start")).ok).toBe(true);
    await until(() => teacher.state.phase === "diplomacy", 3000, "diplomacy");
    const oldDeadline: number = teacher.state.deadline;
    // Someone joins after the last change (Colyseus caches the full state it sends them), then everyone leaves.
    const early = await joinProjector(t.client(), game.code);
    expect(early.state.phase).toBe("diplomacy");
    await early.room.leave();
    await teacher.room.leave();
    await untilServer(game.code, (room) => room.clients.length === 0, "the teacher gone");
    // The round runs out with nobody there.
    t.clock.advance(16_000);
    await untilServer(game.code, (room) => room.session.phase === "review", "the round resolved");

    const back = await joinTeacher(t.client(), game.code, game.teacherKey);
    const projector = await joinProjector(t.client(), game.code);
    for (const j of [back, projector]) {
      expect(j.state.phase).toBe("review");
      expect(j.state.deadline).toBe(0);
      expect(j.state.deadline).not.toBe(oldDeadline);
    }
    // And the state stays right as play goes on.
    expect((await request(back.room, back.inbox, "advance")).ok).toBe(true);
    await until(() => projector.state.phase === "diplomacy" && projector.state.round === 2, 3000, "round 2 seen by the projector");
  });
});

describe("the deadline", () => {
  it("refuses a decision that arrives after it, even before the room's tick has noticed", async () => {
    const game = await t.createGame({ scenario: "rival-shores", settings: SETTINGS });
    const teacher = await joinTeacher(t.client(), game.code, game.teacherKey);
    const ann = await joinStudent(t.client(), game.code, "Ann");
    expect((await request(teacher.room, teacher.inbox, "start")).ok).toBe(true);
    await settled(game.code, ann);
    const room = await serverRoom(game.code);
    // Stop the room's timers (the 250 ms tick among them): only the message itself can find the time is up.
    room.clock.clear();
    const deadline = room.session.clock.deadline!;
    t.clock.advance(deadline - t.clock.now() + 1);
    const entries = (await t.server.store.entries(game.gameId)).length;
    const late = await request(ann.room, ann.inbox, "budget", { economy: 10, defense: 10, offense: 80 });
    expect(late).toMatchObject({ ok: false, body: { code: "wrong-phase" } });
    expect(late.body.message).toMatch(/round has ended/);
    // The round was resolved then (its "deadline" entry is stored with the next write), with the draft as it stood at the deadline.
    await untilServer(game.code, (r) => r.session.phase === "review", "the round resolved");
    const stored = (await t.server.store.entries(game.gameId)).slice(entries).map((e) => e.command.type);
    expect(stored).toEqual(["deadline"]);
    expect(room.session.game.history[0]!.decisions[ann.welcome.state]!.budget).not.toEqual({ economy: 10, defense: 10, offense: 80 });
  });
});
