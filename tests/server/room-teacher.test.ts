// The teacher's console: clock (pause, resume, extend, advance, end), students
// (kick, move), seats (team <-> bot), announcements, crises and predictions.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  joinError,
  joinGame,
  joinProjector,
  joinStudent,
  joinTeacher,
  mapKeys,
  request,
  startTestServer,
  settled,
  until,
  type Joined,
  type TestServer,
} from "./harness.js";

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.stop();
});


const SETTINGS = { rounds: 3, teams: { mode: "count", value: 2 }, emptySeats: "balance-of-threat", diplomacySeconds: 600, seed: 11 };

interface Class {
  code: string;
  teacherKey: string;
  gameId: string;
  teacher: Joined;
  ann: Joined;
  bob: Joined;
  projector: Joined;
  client: ReturnType<TestServer["client"]>;
}

/** A started game: Ann plays ATL, Bob plays BOR, a projector watches. */
async function startedClass(start = true): Promise<Class> {
  const game = await t.createGame({ scenario: "rival-shores", settings: SETTINGS });
  const client = t.client();
  const teacher = await joinTeacher(client, game.code, game.teacherKey);
  const ann = await joinStudent(client, game.code, "Ann");
  const bob = await joinStudent(client, game.code, "Bob");
  const projector = await joinProjector(client, game.code);
  expect([ann.welcome.state, bob.welcome.state]).toEqual(["ATL", "BOR"]);
  if (start) {
    expect((await request(teacher.room, teacher.inbox, "start")).ok).toBe(true);
    await until(() => ann.state.phase === "diplomacy" && teacher.state.phase === "diplomacy", 3000, "diplomacy");
  }
  return { ...game, client, teacher, ann, bob, projector };
}

const budget = (j: Joined, economy = 60) => request(j.room, j.inbox, "budget", { economy, defense: 100 - economy - 10, offense: 10 });

describe("the clock", () => {
  it("runs out: once its deadline has passed the round resolves by itself (time moved forward, not waited for)", async () => {
    const c = await startedClass();
    const ts = c.teacher.state;
    expect(ts.deadline - t.clock.now()).toBeGreaterThan(SETTINGS.diplomacySeconds * 1000 - 5000);
    // One second before the deadline: still diplomacy.
    t.clock.advance(ts.deadline - t.clock.now() - 1000);
    await settled(c.code, c.teacher);
    expect(ts.phase).toBe("diplomacy");
    // Past it: the room's tick ends the round.
    t.clock.advance(2000);
    await until(() => ts.phase === "review" && c.ann.state.phase === "review", 3000, "review");
    const resolved = await c.projector.inbox.wait("event", (m) => m.event.type === "roundResolved");
    expect(resolved.event.round).toBe(1);
    const entries = (await t.server.store.entries(c.gameId));
    expect(entries.some((e) => e.actor.kind === "system" && e.command.type === "deadline")).toBe(true);
  });

  it("pauses (timer frozen, moves refused), extends, resumes, advances and ends early", async () => {
    const c = await startedClass();
    const ts = c.teacher.state;
    const deadline = ts.deadline;
    expect(deadline).toBeGreaterThan(t.clock.now());

    // Pause.
    const before = t.clock.now();
    expect((await request(c.teacher.room, c.teacher.inbox, "pause")).ok).toBe(true);
    const after = t.clock.now();
    await until(() => c.ann.state.paused === true && ts.paused === true, 3000, "paused");
    expect(ts.deadline).toBe(0);
    expect(ts.remaining).toBeGreaterThan(0);
    // remaining = deadline - (the moment the pause was applied)
    expect(ts.remaining).toBeLessThanOrEqual(deadline - before);
    expect(ts.remaining).toBeGreaterThanOrEqual(deadline - after);
    await c.projector.inbox.wait("event", (m) => m.event.type === "paused");
    expect(await budget(c.ann)).toMatchObject({ ok: false, body: { code: "paused" } });
    expect(await request(c.bob.room, c.bob.inbox, "ready", { ready: true })).toMatchObject({ ok: false, body: { code: "paused" } });
    expect(await request(c.teacher.room, c.teacher.inbox, "pause")).toMatchObject({ ok: false, body: { code: "wrong-phase" } });
    // The frozen clock does not run: a minute passes and nothing moves.
    const frozen: number = ts.remaining;
    t.clock.advance(60_000);
    await settled(c.code, c.teacher);
    expect(ts.remaining).toBe(frozen);
    expect(ts.deadline).toBe(0);
    expect(ts.phase).toBe("diplomacy");

    // Extend while paused adds to the time left.
    expect((await request(c.teacher.room, c.teacher.inbox, "extend", { seconds: 60 })).ok).toBe(true);
    await until(() => ts.remaining === frozen + 60_000, 3000, "remaining + 60 s");

    // Resume: the deadline is the resume moment plus what was left.
    const remaining: number = ts.remaining;
    const r0 = t.clock.now();
    expect((await request(c.teacher.room, c.teacher.inbox, "resume")).ok).toBe(true);
    const r1 = t.clock.now();
    await until(() => ts.paused === false && ts.deadline > 0, 3000, "resumed");
    expect(ts.remaining).toBe(0);
    expect(ts.deadline).toBeGreaterThanOrEqual(r0 + remaining);
    expect(ts.deadline).toBeLessThanOrEqual(r1 + remaining);
    await c.ann.inbox.wait("event", (m) => m.event.type === "resumed" && m.event.remainingMs === remaining);
    expect(await request(c.teacher.room, c.teacher.inbox, "resume")).toMatchObject({ ok: false, body: { code: "wrong-phase" } });
    expect((await budget(c.ann)).ok).toBe(true);

    // Extend while running moves the deadline later by exactly the seconds.
    const d1 = ts.deadline;
    expect((await request(c.teacher.room, c.teacher.inbox, "extend", { seconds: 30 })).ok).toBe(true);
    await until(() => ts.deadline !== d1, 3000, "deadline moved");
    expect(ts.deadline - d1).toBe(30_000);
    await c.bob.inbox.wait("event", (m) => m.event.type === "extended" && m.event.seconds === 30);
    expect(await request(c.teacher.room, c.teacher.inbox, "extend", { seconds: 0 })).toMatchObject({ ok: false, body: { code: "bad-message" } });
    expect(await request(c.teacher.room, c.teacher.inbox, "extend", { seconds: 1801 })).toMatchObject({ ok: false, body: { code: "bad-message" } });

    // Advance: diplomacy -> review (no deadline, no extending) -> next round.
    expect((await request(c.teacher.room, c.teacher.inbox, "advance")).ok).toBe(true);
    await until(() => ts.phase === "review", 3000, "review");
    expect(ts.deadline).toBe(0);
    expect(await request(c.teacher.room, c.teacher.inbox, "extend", { seconds: 30 })).toMatchObject({ ok: false, body: { code: "wrong-phase" } });
    expect(await request(c.teacher.room, c.teacher.inbox, "pause")).toMatchObject({ ok: false, body: { code: "wrong-phase" } });
    expect((await request(c.teacher.room, c.teacher.inbox, "advance")).ok).toBe(true);
    await until(() => ts.phase === "diplomacy" && ts.round === 2, 3000, "round 2");
    expect(ts.deadline).toBeGreaterThan(t.clock.now());

    // End early (round 2 of 3).
    expect((await request(c.teacher.room, c.teacher.inbox, "end")).ok).toBe(true);
    await until(() => ts.phase === "ended" && c.ann.state.phase === "ended", 3000, "ended");
    const ended = await c.projector.inbox.wait("event", (m) => m.event.type === "gameEnded");
    expect(ended.event.reason).toBe("ended-early");
    expect(ts.deadline).toBe(0);
    expect(await budget(c.ann)).toMatchObject({ ok: false, body: { code: "game-over" } });
    expect((await t.server.store.game(c.gameId))?.status).toBe("finished");
    const report = await t.api(`/api/games/${c.code}/report`, { headers: { authorization: `Bearer ${c.teacherKey}` } });
    expect(report.body).toMatchObject({ phase: "ended", roundsPlayed: 1, rounds: 3 });
  });

  it("cannot advance or pause in the lobby, and starts only once", async () => {
    const c = await startedClass(false);
    expect(await request(c.teacher.room, c.teacher.inbox, "advance")).toMatchObject({ ok: false, body: { code: "lobby" } });
    expect(await request(c.teacher.room, c.teacher.inbox, "pause")).toMatchObject({ ok: false, body: { code: "wrong-phase" } });
    expect((await request(c.teacher.room, c.teacher.inbox, "start")).ok).toBe(true);
    expect(await request(c.teacher.room, c.teacher.inbox, "start")).toMatchObject({ ok: false, body: { code: "started" } });
  });
});

describe("students", () => {
  it("kicks a student: disconnected, gone from the state, cannot rejoin by nickname or link", async () => {
    const c = await startedClass();
    const annId = c.ann.welcome.studentId as string;
    // A second tab of hers (her rejoin link).
    const tab2 = await joinGame(c.client, c.code, { role: "student", rejoinKey: c.ann.welcome.rejoinKey });
    const left = new Promise<number>((resolve) => c.ann.room.onLeave((code) => resolve(code)));
    const left2 = new Promise<number>((resolve) => tab2.room.onLeave((code) => resolve(code)));
    expect((await request(c.teacher.room, c.teacher.inbox, "kick", { studentId: annId })).ok).toBe(true);
    expect(await left).toBe(4403);
    expect(await left2).toBe(4403);
    await until(() => !c.teacher.state.students.has(annId) && !c.bob.state.students.has(annId), 3000, "Ann gone from the state");
    await until(() => c.teacher.state.states.get("ATL")?.members === 0, 3000, "ATL has no members");
    await c.bob.inbox.wait("event", (m) => m.event.type === "studentRemoved" && m.event.studentId === annId);

    const byName = await joinError(c.client.joinById(c.code, { role: "student", nickname: "Ann" }));
    expect(byName.code).toBe(4403);
    const byNameOtherCase = await joinError(c.client.joinById(c.code, { role: "student", nickname: "  ANN " }));
    expect(byNameOtherCase.code).toBe(4403);
    const byLink = await joinError(c.client.joinById(c.code, { role: "student", rejoinKey: c.ann.welcome.rejoinKey }));
    expect(byLink.code).toBe(4403);
    expect(await request(c.teacher.room, c.teacher.inbox, "kick", { studentId: annId })).toMatchObject({ ok: false, body: { code: "unknown-student" } });
    expect(await request(c.teacher.room, c.teacher.inbox, "kick", { studentId: "no-such-one" })).toMatchObject({ ok: false, body: { code: "unknown-student" } });
    // Someone else still can join.
    const dee = await joinStudent(c.client, c.code, "Dee");
    expect(dee.welcome.studentId).not.toBe(annId);
  });

  it("moves a student: their team view follows them", async () => {
    const c = await startedClass();
    const annId = c.ann.welcome.studentId as string;
    expect(mapKeys(c.ann.state.teams)).toEqual(["ATL"]);
    expect(await request(c.teacher.room, c.teacher.inbox, "move", { studentId: annId, state: "NOPE" })).toMatchObject({ ok: false, body: { code: "unknown-state" } });
    expect(await request(c.teacher.room, c.teacher.inbox, "move", { studentId: "nobody", state: "CAS" })).toMatchObject({ ok: false, body: { code: "unknown-student" } });

    // To a state that a bot played: it becomes a team's.
    expect((await request(c.teacher.room, c.teacher.inbox, "move", { studentId: annId, state: "CAS" })).ok).toBe(true);
    await until(() => c.ann.state.students.get(annId)?.state === "CAS", 3000, "Ann's state is CAS");
    await until(() => mapKeys(c.ann.state.teams).includes("CAS"), 3000, "Ann sees CAS's team entry");
    await until(() => !mapKeys(c.ann.state.teams).includes("ATL"), 3000, "Ann no longer sees ATL's team entry");
    expect(mapKeys(c.ann.state.teams)).toEqual(["CAS"]);
    expect(c.teacher.state.states.get("CAS").control).toBe("team");
    await c.ann.inbox.wait("event", (m) => m.event.type === "studentMoved" && m.event.from === "ATL" && m.event.to === "CAS");

    // Her moves are now CAS's.
    expect((await budget(c.ann, 70)).ok).toBe(true);
    await until(() => c.teacher.state.teams.get("CAS")?.economy === 70, 3000, "CAS's draft changed");
    expect(c.teacher.state.teams.get("ATL").economy).not.toBe(70);
    expect(c.ann.state.teams.get("CAS").economy).toBe(70);
    // Bob's view never changed.
    expect(mapKeys(c.bob.state.teams)).toEqual(["BOR"]);

    // And back to ATL.
    expect((await request(c.teacher.room, c.teacher.inbox, "move", { studentId: annId, state: "ATL" })).ok).toBe(true);
    await until(() => mapKeys(c.ann.state.teams).join() === "ATL", 3000, "Ann sees only ATL again");
  });
});

describe("seats", () => {
  it("hands a team's state to a bot and back", async () => {
    const c = await startedClass();
    expect(await request(c.teacher.room, c.teacher.inbox, "seat", { state: "ATL", control: "balance-of-power" })).toMatchObject({ ok: true });
    await until(() => c.projector.state.states.get("ATL")?.control === "balance-of-power", 3000, "ATL played by a bot");
    await c.ann.inbox.wait("event", (m) => m.event.type === "seatChanged" && m.event.state === "ATL" && m.event.control === "balance-of-power");
    expect(await budget(c.ann)).toMatchObject({ ok: false, body: { code: "bot-seat" } });
    expect(await request(c.ann.room, c.ann.inbox, "offer", { to: "BOR" })).toMatchObject({ ok: false, body: { code: "bot-seat" } });
    expect(await request(c.ann.room, c.ann.inbox, "ready", { ready: true })).toMatchObject({ ok: false, body: { code: "bot-seat" } });
    // Bob's own seat is unaffected.
    expect((await budget(c.bob)).ok).toBe(true);
    // Ann still sees her state's team entry (its draft, now the bot's).
    expect(mapKeys(c.ann.state.teams)).toEqual(["ATL"]);

    expect((await request(c.teacher.room, c.teacher.inbox, "seat", { state: "ATL", control: "team" })).ok).toBe(true);
    await until(() => c.ann.state.states.get("ATL")?.control === "team", 3000, "ATL back to its team");
    expect((await budget(c.ann, 55)).ok).toBe(true);
    await until(() => c.ann.state.teams.get("ATL")?.economy === 55, 3000, "Ann's budget applied");

    // Other seats: a bot state left empty, an unknown state, an unknown control.
    expect((await request(c.teacher.room, c.teacher.inbox, "seat", { state: "WES", control: "empty" })).ok).toBe(true);
    await until(() => c.teacher.state.states.get("WES")?.control === "empty", 3000, "WES empty");
    expect(await request(c.teacher.room, c.teacher.inbox, "seat", { state: "ZZZ", control: "random" })).toMatchObject({ ok: false, body: { code: "unknown-state" } });
    expect(await request(c.teacher.room, c.teacher.inbox, "seat", { state: "ATL", control: "robot" })).toMatchObject({ ok: false, body: { code: "bad-message" } });
  });
});

describe("announcements, crises and predictions", () => {
  it("announces to everyone", async () => {
    const c = await startedClass();
    expect((await request(c.teacher.room, c.teacher.inbox, "announce", { text: "  Two minutes left!  " })).ok).toBe(true);
    for (const j of [c.ann, c.bob, c.projector]) {
      await until(() => j.state.announcement === "Two minutes left!", 3000, "announcement in the state");
      await j.inbox.wait("event", (m) => m.event.type === "announcement" && m.event.text === "Two minutes left!");
    }
    expect(await request(c.teacher.room, c.teacher.inbox, "announce", { text: "   " })).toMatchObject({ ok: false, body: { code: "chat" } });
    expect(await request(c.teacher.room, c.teacher.inbox, "announce", { text: "x".repeat(501) })).toMatchObject({ ok: false, body: { code: "bad-message" } });
    expect(c.projector.state.announcement).toBe("Two minutes left!");
  });

  it("injects a crisis from the scenario's list and one typed live", async () => {
    const c = await startedClass();
    const econ = c.projector.state.states.get("BOR").economy as number;
    expect((await request(c.teacher.room, c.teacher.inbox, "crisis", { crisisId: "oil-embargo" })).ok).toBe(true);
    const seen = await c.projector.inbox.wait("event", (m) => m.event.type === "crisis");
    expect(seen.event).toMatchObject({ id: "oil-embargo", title: "Oil embargo" });
    await c.ann.inbox.wait("event", (m) => m.event.type === "crisis" && m.event.id === "oil-embargo");
    // Its effect (-10% economy for Borealis) and its deed (a threat to Fjordia) are in the state.
    await until(() => c.projector.state.states.get("BOR").economy !== econ, 3000, "BOR's economy changed");
    expect(c.projector.state.states.get("BOR").economy).toBeCloseTo(econ * 0.9, 1);
    expect([...c.projector.state.deeds].some((d: any) => d.from === "BOR" && d.to === "FJO" && d.kind === "threat")).toBe(true);

    expect(await request(c.teacher.room, c.teacher.inbox, "crisis", { crisisId: "no-such-crisis" })).toMatchObject({ ok: false, body: { code: "bad-crisis" } });

    expect((await request(c.teacher.room, c.teacher.inbox, "crisis", { title: "Volcano", text: "Ash over the Inner Sea." })).ok).toBe(true);
    const live = await c.bob.inbox.wait("event", (m) => m.event.type === "crisis" && m.event.title === "Volcano");
    expect(live.event.text).toBe("Ash over the Inner Sea.");
    expect(live.event.id).toMatch(/^live-\d+$/);
    expect(await request(c.teacher.room, c.teacher.inbox, "crisis", { title: "x".repeat(81), text: "t" })).toMatchObject({ ok: false, body: { code: "bad-message" } });
    expect(await request(c.teacher.room, c.teacher.inbox, "crisis", { crisisId: "oil-embargo", title: "both", text: "t" })).toMatchObject({
      ok: false,
      body: { code: "bad-message" },
    });
  });

  it("a scripted crisis injected early does not break out again at its round", async () => {
    const c = await startedClass();
    expect((await request(c.teacher.room, c.teacher.inbox, "crisis", { crisisId: "oil-embargo" })).ok).toBe(true);
    expect((await request(c.teacher.room, c.teacher.inbox, "advance")).ok).toBe(true);
    expect((await request(c.teacher.room, c.teacher.inbox, "advance")).ok).toBe(true);
    await until(() => c.teacher.state.round === 2 && c.teacher.state.phase === "diplomacy", 3000, "round 2");
    await c.teacher.inbox.wait("event", (m) => m.event.type === "roundStarted" && m.event.round === 2);
    const embargoes = c.teacher.inbox.of("event").filter((m) => m.event.type === "crisis" && m.event.id === "oil-embargo");
    expect(embargoes).toHaveLength(1);
    // A reloaded console lists it as fired.
    const again = await joinTeacher(c.client, c.code, c.teacherKey);
    expect(again.welcome.crises.find((x: any) => x.id === "oil-embargo")).toMatchObject({ fired: true, round: 2 });
    expect(again.welcome.crises.find((x: any) => x.id === "harvest-failure")).toMatchObject({ fired: false });
  });

  it("shows and hides the predictions: a student sees only their own state's theory entry while shown (shown by default)", async () => {
    const c = await startedClass();
    expect(c.ann.state.showPredictions).toBe(true);
    await until(() => mapKeys(c.ann.state.theory).length > 0, 3000, "Ann's theory entry at the start");
    expect(mapKeys(c.ann.state.theory)).toEqual(["ATL"]);
    expect(mapKeys(c.projector.state.theory)).toEqual([]);
    expect(mapKeys(c.teacher.state.theory)).toHaveLength(8);
    expect((await request(c.teacher.room, c.teacher.inbox, "predictions", { show: false })).ok).toBe(true);
    await until(() => c.ann.state.showPredictions === false, 3000, "predictions hidden first");
    await until(() => mapKeys(c.ann.state.theory).length === 0, 3000, "Ann's theory entry gone first");
    expect((await request(c.teacher.room, c.teacher.inbox, "predictions", { show: true })).ok).toBe(true);
    await until(() => c.ann.state.showPredictions === true, 3000, "showPredictions");
    await until(() => mapKeys(c.ann.state.theory).length > 0, 3000, "Ann's theory entry");
    expect(mapKeys(c.ann.state.theory)).toEqual(["ATL"]);
    expect(mapKeys(c.bob.state.theory)).toEqual(["BOR"]);
    expect(c.ann.state.theory.get("ATL").state).toBe("ATL");
    expect(mapKeys(c.projector.state.theory)).toEqual([]);
    await c.projector.inbox.wait("event", (m) => m.event.type === "predictionsShown" && m.event.show === true);

    expect((await request(c.teacher.room, c.teacher.inbox, "predictions", { show: false })).ok).toBe(true);
    await until(() => c.ann.state.showPredictions === false, 3000, "predictions hidden");
    await until(() => mapKeys(c.ann.state.theory).length === 0, 3000, "Ann's theory entry gone");
    expect(mapKeys(c.bob.state.theory)).toEqual([]);
    expect(mapKeys(c.teacher.state.theory)).toHaveLength(8);
  });
});

describe("commands that name a student who does not exist", () => {
  // Regression test for a fixed bug (shared/classroom/reduce.ts, "kick"/"move"/"mute": `room.students[command.studentId]`): a
  // studentId such as "constructor" or "toString" finds Object.prototype's member instead of nobody,
  // so the command is acked and a broken student record (no id, no nickname) is written into the
  // model and the log; after that, findStudentByNickname crashes on it and no student can join.
  it("refuses kick/move/mute of a student id that is an Object.prototype name, and joins keep working", async () => {
    const c = await startedClass();
    expect(await request(c.teacher.room, c.teacher.inbox, "kick", { studentId: "constructor" })).toMatchObject({ ok: false, body: { code: "unknown-student" } });
    expect(await request(c.teacher.room, c.teacher.inbox, "mute", { studentId: "toString", muted: true })).toMatchObject({ ok: false, body: { code: "unknown-student" } });
    expect(await request(c.teacher.room, c.teacher.inbox, "move", { studentId: "valueOf", state: "CAS" })).toMatchObject({ ok: false, body: { code: "unknown-student" } });
    const dee = await joinStudent(c.client, c.code, "Dee");
    expect(dee.welcome.studentId).toBeTruthy();
  });
});
