// Games survive the server process: real `node server/main.ts` processes on a
// real SQLite file, killed with SIGKILL (a crash) or stopped with SIGTERM (a
// clean stop), then started again on the same data folder and port.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join as joinPath } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { request, until } from "./harness.js";
import { acked, freePort, joinVia, sleep, startServerProcess, stopAllProcesses, type Seat, type ServerProcess } from "./processes.js";

const SETTINGS = { teams: { mode: "count", value: 2 }, diplomacySeconds: 120, rounds: 3 };
const dirs: string[] = [];
const seats: Seat[] = [];

function dataDir(): string {
  const dir = mkdtempSync(joinPath(tmpdir(), "entente-restart-"));
  dirs.push(dir);
  return dir;
}

async function enter(server: ServerProcess, code: string, options: Record<string, unknown>): Promise<Seat> {
  const seat = await joinVia(server.wsUrl, code, options);
  seats.push(seat);
  return seat;
}

/** What must come back after a restart, read from the teacher's view (who sees every team's entry). */
function snapshot(state: any) {
  const states: Record<string, unknown> = {};
  state.states.forEach((s: any, id: string) => {
    states[id] = { control: s.control, ready: s.ready, members: s.members, economy: s.economy, defense: s.defense, offense: s.offense };
  });
  const students: Record<string, unknown> = {};
  state.students.forEach((s: any, id: string) => {
    students[id] = { nickname: s.nickname, state: s.state, muted: s.muted };
  });
  return {
    code: state.code,
    round: state.round,
    phase: state.phase,
    paused: state.paused,
    remaining: state.remaining,
    teams: state.teams.toJSON(),
    states,
    students,
    alliances: [...state.alliances],
    deeds: state.deeds.length,
  };
}

const teamsOf = (state: any) => (state.teams ? state.teams.size : 0);

/** A restarted server must have replayed every stored entry and brought back every game. */
function expectCleanRestore(server: ServerProcess): void {
  expect(server.output).not.toMatch(/refused on replay|could not bring back|Error/);
}

afterEach(async () => {
  for (const s of seats.splice(0)) s.room.removeAllListeners();
  await stopAllProcesses();
});

afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe("a game survives its server process", () => {
  it("comes back after kill -9 in the middle of a round, with every acknowledged decision and the time that was left", { timeout: 60_000 }, async () => {
    const port = await freePort();
    const dir = dataDir();
    const first = await startServerProcess({ port, dataDir: dir });
    const game = await first.createGame({ scenario: "rival-shores", settings: SETTINGS });

    const teacher = await enter(first, game.code, { role: "teacher", teacherKey: game.teacherKey });
    const ann = await enter(first, game.code, { role: "student", nickname: "Ann" });
    const bob = await enter(first, game.code, { role: "student", nickname: "Bob" });
    expect(ann.welcome.state).toBe("ATL");
    expect(bob.welcome.state).toBe("BOR");
    const annKey: string = ann.welcome.rejoinKey;
    expect(annKey).toBeTruthy();

    await acked(teacher, "start");
    const startedAt = Date.now();
    await until(() => teacher.state.phase === "diplomacy", 5000, "diplomacy");

    // Decisions of both teams, each acknowledged (= stored) before the crash.
    await acked(ann, "budget", { economy: 50, defense: 40, offense: 10 });
    await acked(ann, "offer", { to: "BOR" });
    await acked(ann, "offer", { to: "WES" });
    await acked(bob, "accept", { from: "ATL" });
    await acked(bob, "budget", { economy: 40, defense: 30, offense: 30 });
    await acked(bob, "action", { kind: "threaten", target: "CAS" });
    await acked(bob, "ready", { ready: true });
    await acked(ann, "chat", { channel: "public", text: "hello before the crash" });
    await until(
      () => {
        const atl = teacher.state.teams.get("ATL");
        const bor = teacher.state.teams.get("BOR");
        return atl?.economy === 50 && atl.offersOut.includes("BOR:accepted") && bor?.actionKind === "threaten" && teacher.state.states.get("BOR")?.ready === true;
      },
      5000,
      "decisions mirrored to the teacher",
    );
    // Let the round run a little, so that a clock restarted from scratch would show.
    await sleep(Math.max(0, 4000 - (Date.now() - startedAt)));
    const before = snapshot(teacher.state);
    expect(before.phase).toBe("diplomacy");
    expect(before.round).toBe(1);
    expect(before.teams.ATL.offersOut).toEqual(expect.arrayContaining(["BOR:accepted"]));
    expect(before.teams.ATL.offersOut.some((o: string) => o.startsWith("WES"))).toBe(true);
    expect(before.teams.BOR.offersIn).toEqual(expect.arrayContaining(["ATL:accepted"]));
    const leftAtKill = teacher.state.deadline - Date.now();
    expect(leftAtKill).toBeGreaterThan(100_000);
    expect(leftAtKill).toBeLessThan(117_000);

    const exit = await first.stop("SIGKILL");
    expect(exit.signal).toBe("SIGKILL");
    await until(() => ann.leftWith !== null && teacher.leftWith !== null, 5000, "clients dropped");
    await sleep(2000); // down time: it must not eat the students' time

    const spawnedAt = Date.now();
    const second = await startServerProcess({ port, dataDir: dir });
    expect((await second.api(`/api/games/${game.code}`)).body).toMatchObject({ code: game.code, status: "running" });

    // The teacher is back with the teacher key and sees the same game.
    const teacher2 = await enter(second, game.code, { role: "teacher", teacherKey: game.teacherKey });
    expect(teacher2.welcome.role).toBe("teacher");
    await until(() => teamsOf(teacher2.state) === teamsOf(teacher.state), 5000, "teacher's view of the teams");
    expect(snapshot(teacher2.state)).toEqual(before);

    // The clock: what was left at the kill, give or take the 2-second heartbeat; the down time is not counted.
    const leftAfter = teacher2.state.deadline - Date.now();
    expect(leftAfter).toBeGreaterThan(0);
    expect(leftAfter).toBeLessThanOrEqual(leftAtKill + 3000);
    expect(leftAfter).toBeGreaterThanOrEqual(leftAtKill - (Date.now() - spawnedAt) - 1000);

    // Ann comes back with her rejoin key; Bob, on a new device, with the code and his nickname once the teacher
    // lets him in (a request filed on the restarted server); each sees only their team's draft.
    const ann2 = await enter(second, game.code, { role: "student", rejoinKey: annKey });
    expect(ann2.welcome).toMatchObject({ role: "student", studentId: ann.welcome.studentId, state: "ATL", nickname: "Ann" });
    expect(ann2.welcome.rejoinKey).toBeNull();
    await until(() => ann2.state.teams?.get("ATL") !== undefined, 5000, "Ann's team entry");
    expect(ann2.state.teams.get("ATL").toJSON()).toEqual(before.teams.ATL);
    expect(ann2.state.teams.get("BOR")).toBeUndefined();
    const history = await ann2.inbox.wait("chatHistory");
    expect(history.messages.map((m: any) => m.text)).toContain("hello before the crash");

    const claim = "bobs-new-device-0123456789abc";
    await expect(enter(second, game.code, { role: "student", nickname: "Bob", claim })).rejects.toMatchObject({ code: 4401 });
    const asked = await teacher2.inbox.wait("seatRequests", (m) => m.requests.length === 1);
    await acked(teacher2, "answerSeat", { requestId: asked.requests[0].id, approve: true });
    const bob2 = await enter(second, game.code, { role: "student", nickname: "Bob", claim });
    expect(bob2.welcome).toMatchObject({ studentId: bob.welcome.studentId, state: "BOR" });
    await until(() => bob2.state.teams?.get("BOR") !== undefined, 5000, "Bob's team entry");
    expect(bob2.state.teams.get("BOR").toJSON()).toEqual(before.teams.BOR);
    expect(bob2.state.teams.get("ATL")).toBeUndefined();
    await until(() => teacher2.state.students.get(bob.welcome.studentId)?.connected === true, 5000, "Bob shown as connected");

    // Play goes on: a new decision is acknowledged, and the teacher closes the round and opens the next.
    await acked(ann2, "budget", { economy: 70, defense: 20, offense: 10 });
    await until(() => teacher2.state.teams.get("ATL")?.economy === 70, 5000, "new decision mirrored");
    await acked(teacher2, "advance");
    await until(() => teacher2.state.phase === "review", 5000, "review");
    expect(teacher2.state.round).toBe(1);
    // The alliance agreed before the crash formed at resolution.
    expect([...teacher2.state.alliances]).toContain("ATL|BOR");
    await acked(teacher2, "advance");
    await until(() => teacher2.state.phase === "diplomacy" && teacher2.state.round === 2, 5000, "round 2");
    await acked(bob2, "budget", { economy: 34, defense: 33, offense: 33 });
    expectCleanRestore(second);
  });

  it("comes back after a clean stop (SIGTERM)", { timeout: 60_000 }, async () => {
    const port = await freePort();
    const dir = dataDir();
    const first = await startServerProcess({ port, dataDir: dir });
    const game = await first.createGame({ scenario: "rival-shores", settings: SETTINGS });
    const teacher = await enter(first, game.code, { role: "teacher", teacherKey: game.teacherKey });
    const ann = await enter(first, game.code, { role: "student", nickname: "Ann" });
    await acked(teacher, "start");
    const startedAt = Date.now();
    await acked(ann, "budget", { economy: 20, defense: 60, offense: 20 });
    await acked(ann, "offer", { to: "BOR" });
    await until(() => teacher.state.teams.get("ATL")?.offersOut.includes("BOR"), 5000, "offer mirrored");
    await sleep(Math.max(0, 3500 - (Date.now() - startedAt)));
    const before = snapshot(teacher.state);
    const leftAtStop = teacher.state.deadline - Date.now();
    expect(leftAtStop).toBeLessThan(117_000);

    const exit = await first.stop("SIGTERM");
    expect(exit, `the server should exit by itself after SIGTERM. Its output:\n${first.output}`).toEqual({ code: 0, signal: null });
    await until(() => ann.leftWith !== null, 5000, "Ann's client told");
    await sleep(2000); // down time: it must not eat the students' time

    const spawnedAt = Date.now();
    const second = await startServerProcess({ port, dataDir: dir });
    const teacher2 = await enter(second, game.code, { role: "teacher", teacherKey: game.teacherKey });
    await until(() => teamsOf(teacher2.state) === teamsOf(teacher.state), 5000, "teacher's view of the teams");
    expect(snapshot(teacher2.state)).toEqual(before);
    const leftAfter = teacher2.state.deadline - Date.now();
    expect(leftAfter).toBeGreaterThan(0);
    expect(leftAfter).toBeLessThanOrEqual(leftAtStop + 3000);
    expect(leftAfter).toBeGreaterThanOrEqual(leftAtStop - (Date.now() - spawnedAt) - 1000);

    const ann2 = await enter(second, game.code, { role: "student", rejoinKey: ann.welcome.rejoinKey });
    expect(ann2.welcome.studentId).toBe(ann.welcome.studentId);
    await until(() => ann2.state.teams?.get("ATL") !== undefined, 5000, "Ann's team entry");
    expect(ann2.state.teams.get("ATL").toJSON()).toEqual(before.teams.ATL);
    await acked(ann2, "withdraw", { to: "BOR" });
    await until(() => !teacher2.state.teams.get("ATL")?.offersOut.includes("BOR"), 5000, "withdrawal mirrored");
    await acked(teacher2, "advance");
    await until(() => teacher2.state.phase === "review", 5000, "review");

    // A second clean stop right away, in the review phase, keeps it too.
    expect(await second.stop("SIGTERM")).toEqual({ code: 0, signal: null });
    const third = await startServerProcess({ port, dataDir: dir });
    const teacher3 = await enter(third, game.code, { role: "teacher", teacherKey: game.teacherKey });
    expect(teacher3.state.phase).toBe("review");
    expect(teacher3.state.round).toBe(1);
    await acked(teacher3, "advance");
    await until(() => teacher3.state.phase === "diplomacy" && teacher3.state.round === 2, 5000, "round 2");
    expectCleanRestore(second);
    expectCleanRestore(third);
  });

  it("brings a paused game back paused, with the same time left", { timeout: 60_000 }, async () => {
    const port = await freePort();
    const dir = dataDir();
    const first = await startServerProcess({ port, dataDir: dir });
    const game = await first.createGame({ scenario: "rival-shores", settings: SETTINGS });
    const teacher = await enter(first, game.code, { role: "teacher", teacherKey: game.teacherKey });
    const ann = await enter(first, game.code, { role: "student", nickname: "Ann" });
    await acked(teacher, "start");
    await acked(ann, "budget", { economy: 10, defense: 80, offense: 10 });
    await sleep(1000);
    await acked(teacher, "pause");
    await until(() => teacher.state.paused === true, 5000, "paused");
    const remaining: number = teacher.state.remaining;
    expect(remaining).toBeGreaterThan(100_000);
    expect(remaining).toBeLessThan(119_500);

    await first.stop("SIGKILL");
    await sleep(1500); // paused: neither this nor the down time may count
    const second = await startServerProcess({ port, dataDir: dir });
    const teacher2 = await enter(second, game.code, { role: "teacher", teacherKey: game.teacherKey });
    expect(teacher2.state.phase).toBe("diplomacy");
    expect(teacher2.state.paused).toBe(true);
    expect(teacher2.state.remaining).toBe(remaining);
    expect(teacher2.state.deadline).toBe(0);

    const ann2 = await enter(second, game.code, { role: "student", rejoinKey: ann.welcome.rejoinKey });
    await until(() => ann2.state.teams?.get("ATL")?.defense === 80, 5000, "Ann's draft");
    const refused = await request(ann2.room, ann2.inbox, "budget", { economy: 90, defense: 5, offense: 5 });
    expect(refused.ok).toBe(false);
    expect(refused.body.code).toBe("paused");

    await acked(teacher2, "resume");
    await until(() => teacher2.state.paused === false && teacher2.state.deadline > 0, 5000, "resumed");
    const left = teacher2.state.deadline - Date.now();
    expect(left).toBeGreaterThan(remaining - 3000);
    expect(left).toBeLessThanOrEqual(remaining);
    await acked(ann2, "budget", { economy: 90, defense: 5, offense: 5 });
    expectCleanRestore(second);
  });

  it("does not reopen a game that ended, but still serves its report to its teacher", { timeout: 60_000 }, async () => {
    const port = await freePort();
    const dir = dataDir();
    const first = await startServerProcess({ port, dataDir: dir });
    const game = await first.createGame({ scenario: "rival-shores", settings: SETTINGS });
    const running = await first.createGame({ scenario: "rival-shores", settings: SETTINGS });
    const teacher = await enter(first, game.code, { role: "teacher", teacherKey: game.teacherKey });
    const ann = await enter(first, game.code, { role: "student", nickname: "Ann" });
    await acked(teacher, "start");
    await acked(ann, "budget", { economy: 60, defense: 30, offense: 10 });
    await acked(teacher, "advance");
    await until(() => teacher.state.phase === "review", 5000, "review");
    await acked(teacher, "end");
    await until(() => teacher.state.phase === "ended", 5000, "ended");
    const live = await first.api(`/api/games/${game.code}/report`, { teacherKey: game.teacherKey });
    expect(live.status).toBe(200);

    await first.stop("SIGKILL");
    const second = await startServerProcess({ port, dataDir: dir });

    // The other, unfinished game is back; the ended one has no room any more.
    await enter(second, running.code, { role: "teacher", teacherKey: running.teacherKey });
    const rejoin = await joinVia(second.wsUrl, game.code, { role: "teacher", teacherKey: game.teacherKey }).then(
      () => null,
      (err: unknown) => err,
    );
    expect(rejoin, "an ended game must not be reopened as a room").toMatchObject({ code: 4212 });
    expect((await second.api(`/api/games/${game.code}`)).body).toMatchObject({ code: game.code, status: "finished" });

    const report = await second.api(`/api/games/${game.code}/report`, { teacherKey: game.teacherKey });
    expect(report.status).toBe(200);
    expect(report.body).toMatchObject({ code: game.code, phase: "ended", roundsPlayed: 1, rounds: 3 });
    expect(report.body.states.find((s: any) => s.id === "ATL").team).toEqual(["Ann"]);
    expect(report.body).toEqual(live.body);
    expect((await second.api(`/api/games/${game.code}/report`)).status).toBe(401);
    expect((await second.api(`/api/games/${game.code}/report`, { teacherKey: running.teacherKey })).status).toBe(404);
    expectCleanRestore(second);
  });
});
