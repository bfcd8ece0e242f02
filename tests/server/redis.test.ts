// Several server processes behind one Redis: two real `node server/main.ts`
// processes (A and B) with REDIS_URL and their own PUBLIC_ADDRESS, sharing one
// data folder, and a throwaway redis-server. A class created on one process is
// joined through the other; a process that dies gets its games back when it
// restarts with the same address. Needs `redis-server` installed: without it
// this file fails (on purpose: CI installs it).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join as joinPath } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { until } from "./harness.js";
import {
  acked,
  freePort,
  joinVia,
  startRedis,
  startServerProcess,
  stopAllProcesses,
  type RedisProcess,
  type Seat,
  type ServerProcess,
} from "./processes.js";

const SETTINGS = { teams: { mode: "count", value: 2 }, diplomacySeconds: 120, rounds: 3 };

let redis: RedisProcess;
let dataDir: string;
let a: ServerProcess;
let b: ServerProcess;
const seats: Seat[] = [];

function startNode(port: number): Promise<ServerProcess> {
  return startServerProcess({
    port,
    dataDir,
    env: { REDIS_URL: redis.url, PUBLIC_ADDRESS: `127.0.0.1:${port}` },
  });
}

async function enter(server: ServerProcess, code: string, options: Record<string, unknown>): Promise<Seat> {
  const seat = await joinVia(server.wsUrl, code, options);
  seats.push(seat);
  return seat;
}

/** The WebSocket URL the client ended up connected to (colyseus.js internals: for the routing assertion only). */
function socketUrl(seat: Seat): string {
  return (seat.room.connection.transport as unknown as { ws: { url: string } }).ws.url;
}

/** The public, synchronized part of the state, which every client must see alike. */
function common(state: any) {
  const students: Record<string, unknown> = {};
  state.students.forEach((s: any, id: string) => (students[id] = { nickname: s.nickname, state: s.state, connected: s.connected }));
  const states: Record<string, unknown> = {};
  state.states.forEach((s: any, id: string) => (states[id] = { control: s.control, ready: s.ready, members: s.members, connected: s.connected }));
  return { code: state.code, phase: state.phase, round: state.round, deadline: state.deadline, paused: state.paused, students, states, alliances: [...state.alliances] };
}

/** Why the processes could not start (e.g. no redis-server): every test then fails with it, none is skipped. */
let setupError: Error | null = null;

beforeAll(async () => {
  try {
    redis = await startRedis();
    dataDir = mkdtempSync(joinPath(tmpdir(), "entente-redis-"));
    const [portA, portB] = [await freePort(), await freePort()];
    [a, b] = await Promise.all([startNode(portA), startNode(portB)]);
  } catch (err) {
    setupError = err instanceof Error ? err : new Error(String(err));
  }
}, 40_000);

beforeEach(() => {
  if (setupError) throw setupError;
});

afterAll(async () => {
  for (const s of seats) s.room.removeAllListeners();
  await stopAllProcesses();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

describe("two server processes with Redis", () => {
  it("each process answers for itself", async () => {
    expect((await a.api("/api/health")).body).toMatchObject({ ok: true, host: `127.0.0.1:${a.port}` });
    expect((await b.api("/api/health")).body).toMatchObject({ ok: true, host: `127.0.0.1:${b.port}` });
  });

  it("lets students join through B a game created on A, and everyone sees the same state", { timeout: 40_000 }, async () => {
    const game = await a.createGame({ scenario: "rival-shores", settings: SETTINGS });
    expect((await b.api(`/api/games/${game.code}`)).body).toMatchObject({ code: game.code, status: "running" });

    const teacher = await enter(a, game.code, { role: "teacher", teacherKey: game.teacherKey });
    const ann = await enter(b, game.code, { role: "student", nickname: "Ann" });
    const bob = await enter(b, game.code, { role: "student", nickname: "Bob" });
    // Matchmaking went through B; the WebSocket goes to the process that hosts the room (A's public address).
    expect(socketUrl(ann)).toContain(`127.0.0.1:${a.port}/`);
    expect(ann.welcome).toMatchObject({ role: "student", state: "ATL" });
    expect(bob.welcome).toMatchObject({ role: "student", state: "BOR" });

    await acked(teacher, "start");
    await acked(ann, "budget", { economy: 55, defense: 35, offense: 10 });
    await acked(ann, "offer", { to: "BOR" });
    await acked(bob, "accept", { from: "ATL" });
    await acked(bob, "ready", { ready: true });
    await acked(ann, "chat", { channel: "public", text: "hello from B" });
    await until(() => teacher.state.teams.get("ATL")?.economy === 55 && teacher.state.states.get("BOR")?.ready === true, 5000, "teacher sees the decisions");
    await until(() => bob.state.states.get("BOR")?.ready === true && ann.state.states.get("BOR")?.ready === true, 5000, "students see readiness");

    const seen = common(teacher.state);
    expect(seen.phase).toBe("diplomacy");
    expect(seen.deadline).toBeGreaterThan(Date.now());
    expect(common(ann.state)).toEqual(seen);
    expect(common(bob.state)).toEqual(seen);
    // Private parts: each student sees their own team's entry, the teacher sees all.
    expect(ann.state.teams.get("ATL").toJSON()).toEqual(teacher.state.teams.get("ATL").toJSON());
    expect(ann.state.teams.get("ATL").offersOut.toJSON()).toContain("BOR:accepted");
    expect(ann.state.teams.get("BOR")).toBeUndefined();
    expect(bob.state.teams.get("BOR").offersIn.toJSON()).toContain("ATL:accepted"); // bots may have made offers too
    const chat = await bob.inbox.wait("chat", (m) => m.text === "hello from B");
    expect(chat.from).toMatchObject({ kind: "student", nickname: "Ann" });

    // The round resolves on A for everyone.
    await acked(ann, "ready", { ready: true });
    await until(() => ann.state.phase === "review" && bob.state.phase === "review" && teacher.state.phase === "review", 5000, "review everywhere");
    expect([...ann.state.alliances]).toContain("ATL|BOR");
  });

  it("lets a teacher and students use A for a game created on B", { timeout: 40_000 }, async () => {
    const game = await b.createGame({ scenario: "rival-shores", settings: SETTINGS });
    const teacher = await enter(a, game.code, { role: "teacher", teacherKey: game.teacherKey });
    const cy = await enter(a, game.code, { role: "student", nickname: "Cy" });
    expect(socketUrl(teacher)).toContain(`127.0.0.1:${b.port}/`);
    await acked(teacher, "start");
    await acked(cy, "budget", { economy: 30, defense: 30, offense: 40 });
    await until(() => teacher.state.teams.get(cy.welcome.state)?.offense === 40, 5000, "teacher sees Cy's draft");
    expect(common(cy.state)).toEqual(common(teacher.state));
  });

  it("brings B's games back when B restarts (same PUBLIC_ADDRESS) after kill -9, while A's games go on", { timeout: 50_000 }, async () => {
    const onA = await a.createGame({ scenario: "rival-shores", settings: SETTINGS });
    const onB = await b.createGame({ scenario: "rival-shores", settings: SETTINGS });
    const teacherA = await enter(a, onA.code, { role: "teacher", teacherKey: onA.teacherKey });
    const dee = await enter(b, onA.code, { role: "student", nickname: "Dee" });
    const teacherB = await enter(a, onB.code, { role: "teacher", teacherKey: onB.teacherKey });
    const eve = await enter(a, onB.code, { role: "student", nickname: "Eve" });
    await acked(teacherA, "start");
    await acked(teacherB, "start");
    await acked(eve, "budget", { economy: 45, defense: 45, offense: 10 });
    await acked(eve, "offer", { to: "BOR" });
    await until(() => teacherB.state.teams.get("ATL")?.offersOut.length === 1, 5000, "Eve's offer mirrored");
    const eveTeam = teacherB.state.teams.get("ATL").toJSON();
    const round = teacherB.state.round;

    const portB = b.port;
    await b.stop("SIGKILL");
    await until(() => eve.leftWith !== null, 5000, "Eve dropped with B");

    // A and its game are unaffected (Dee's matchmaking went through B, but her socket is on A).
    expect(dee.leftWith).toBeNull();
    await acked(dee, "budget", { economy: 80, defense: 10, offense: 10 });
    await until(() => teacherA.state.teams.get("ATL")?.economy === 80, 5000, "A's game goes on");

    b = await startNode(portB);
    const teacherB2 = await enter(a, onB.code, { role: "teacher", teacherKey: onB.teacherKey });
    expect(socketUrl(teacherB2)).toContain(`127.0.0.1:${portB}/`);
    expect(teacherB2.state.phase).toBe("diplomacy");
    expect(teacherB2.state.round).toBe(round);
    await until(() => teacherB2.state.teams.get("ATL") !== undefined, 5000, "teams");
    expect(teacherB2.state.teams.get("ATL").toJSON()).toEqual(eveTeam);
    const eve2 = await enter(a, onB.code, { role: "student", rejoinKey: eve.welcome.rejoinKey });
    expect(eve2.welcome.studentId).toBe(eve.welcome.studentId);
    await acked(eve2, "budget", { economy: 50, defense: 40, offense: 10 });
    await until(() => teacherB2.state.teams.get("ATL")?.economy === 50, 5000, "new decision after B's restart");
  });

  it("serves a finished game's report from either process (one shared data folder)", { timeout: 30_000 }, async () => {
    const game = await a.createGame({ scenario: "rival-shores", settings: SETTINGS });
    const teacher = await enter(b, game.code, { role: "teacher", teacherKey: game.teacherKey });
    await acked(teacher, "start");
    await acked(teacher, "end");
    await until(() => teacher.state.phase === "ended", 5000, "ended");
    for (const server of [a, b]) {
      const report = await server.api(`/api/games/${game.code}/report`, { teacherKey: game.teacherKey });
      expect(report.status, `report from :${server.port}`).toBe(200);
      expect(report.body).toMatchObject({ code: game.code, phase: "ended" });
    }
  });
});
