// Past one machine: two real server processes (A and B) on one real PostgreSQL
// (a throwaway cluster) and one real redis-server, each with its own empty data
// folder, so nothing is shared but the database and Redis. Students of one game
// come through both; the process that keeps the game is killed with SIGKILL in
// the middle of a round; the other takes the game over once its lease runs out
// (LEASE_SECONDS=3 here), every acknowledged command is in the log it replays,
// and the students come back with their rejoin keys. Needs `postgres` and
// `redis-server` installed (CI installs both): without them this file fails.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join as joinPath } from "node:path";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { startPostgres, type PostgresCluster } from "../../server/cli/throwaway-postgres.js";
import { CLOSE } from "../../shared/protocol/close-codes.js";
import { request, until } from "./harness.js";
import { acked, freePort, joinVia, startRedis, startServerProcess, stopAllProcesses, type RedisProcess, type Seat, type ServerProcess } from "./processes.js";

const SETTINGS = { teams: { mode: "count", value: 2 }, diplomacySeconds: 300, rounds: 3 };
const LEASE_SECONDS = 3;

let cluster: PostgresCluster | undefined;
let databaseUrl: string;
let redis: RedisProcess;
const dataDirs: string[] = [];
const seats: Seat[] = [];
let a: ServerProcess;
let b: ServerProcess;
let setupError: Error | null = null;

function startNode(port: number): Promise<ServerProcess> {
  const dataDir = mkdtempSync(joinPath(tmpdir(), "entente-pg-"));
  dataDirs.push(dataDir);
  return startServerProcess({
    port,
    dataDir,
    env: { DATABASE_URL: databaseUrl, REDIS_URL: redis.url, PUBLIC_ADDRESS: `127.0.0.1:${port}`, LEASE_SECONDS: String(LEASE_SECONDS) },
  });
}

async function enter(server: ServerProcess, code: string, options: Record<string, unknown>): Promise<Seat> {
  const seat = await joinVia(server.wsUrl, code, options);
  seats.push(seat);
  return seat;
}

/**
 * Joins through `server` until it works (while a game is taken over, joins fail for a few seconds); returns the seat,
 * the time it took, and the codes of the failed attempts (each must be one a student's page tries again after).
 */
async function enterWhenBack(server: ServerProcess, code: string, options: Record<string, unknown>, timeoutMs: number): Promise<{ seat: Seat; ms: number; failures: (number | undefined)[] }> {
  const start = Date.now();
  const failures: (number | undefined)[] = [];
  for (;;) {
    try {
      return { seat: await enter(server, code, options), ms: Date.now() - start, failures };
    } catch (err) {
      const failure = (err as { code?: unknown }).code;
      failures.push(typeof failure === "number" ? failure : undefined);
      if (Date.now() - start > timeoutMs) throw new Error(`could not join ${code} through :${server.port} within ${timeoutMs} ms: ${(err as Error).message}`, { cause: err });
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

/** The WebSocket URL the client ended up connected to (colyseus.js internals: for the routing assertion only). */
function socketUrl(seat: Seat): string {
  return (seat.room.connection.transport as unknown as { ws: { url: string } }).ws.url;
}

/** The game's log and keeper as PostgreSQL holds them, read directly. */
async function stored(gameId: string): Promise<{ host: string; entries: { seq: number; command: any }[] }> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const game = await client.query<{ host: string }>("SELECT host FROM games WHERE id = $1", [gameId]);
    const rows = await client.query<{ seq: number; command_json: string }>("SELECT seq, command_json FROM entries WHERE game_id = $1 ORDER BY seq", [gameId]);
    return { host: game.rows[0]!.host, entries: rows.rows.map((r) => ({ seq: r.seq, command: JSON.parse(r.command_json) })) };
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  try {
    cluster = await startPostgres();
    databaseUrl = await cluster.createDatabase("takeover");
    redis = await startRedis();
    const [portA, portB] = [await freePort(), await freePort()];
    [a, b] = await Promise.all([startNode(portA), startNode(portB)]);
  } catch (err) {
    setupError = err instanceof Error ? err : new Error(String(err));
  }
}, 60_000);

beforeEach(() => {
  if (setupError) throw setupError;
});

afterAll(async () => {
  for (const s of seats) s.room.removeAllListeners();
  await stopAllProcesses();
  await cluster?.stop();
  for (const d of dataDirs) rmSync(d, { recursive: true, force: true });
}, 30_000);

describe("two server processes on PostgreSQL and Redis", () => {
  it("say which storage they use", async () => {
    expect((await a.api("/api/health")).body).toMatchObject({ ok: true, host: `127.0.0.1:${a.port}`, storage: { ok: true } });
    expect(a.output).toMatch(/Data: PostgreSQL at 127\.0\.0\.1:\d+\/takeover/);
  });

  it("takes a game over when the process that keeps it is killed mid-round, losing no acknowledged command", { timeout: 90_000 }, async () => {
    const game = await a.createGame({ scenario: "rival-shores", settings: SETTINGS });
    const teacher = await enter(b, game.code, { role: "teacher", teacherKey: game.teacherKey });
    const ann = await enter(a, game.code, { role: "student", nickname: "Ann" });
    const bob = await enter(b, game.code, { role: "student", nickname: "Bob" });
    // Matchmaking went through both; every socket is on A, which keeps the game.
    for (const seat of [teacher, ann, bob]) expect(socketUrl(seat)).toContain(`127.0.0.1:${a.port}/`);
    expect((await stored(game.gameId)).host).toBe(`127.0.0.1:${a.port}`);

    await acked(teacher, "start");
    await acked(ann, "budget", { economy: 55, defense: 35, offense: 10 });
    await acked(ann, "offer", { to: "BOR" });
    await acked(bob, "accept", { from: "ATL" });
    await until(() => teacher.state.teams.get("ATL")?.economy === 55, 5000, "the teacher sees Ann's budget");
    const round = teacher.state.round as number;
    const deadline = teacher.state.deadline as number;

    // Chats in flight when A dies: those acknowledged must all be in the log, in order, with their text.
    const acks: { seq: number; text: string }[] = [];
    const sending = Array.from({ length: 8 }, (_, i) => {
      const text = `chat ${i}`;
      return request(i % 2 ? bob.room : ann.room, i % 2 ? bob.inbox : ann.inbox, "chat", { channel: "public", text }).then((r) => {
        if (r.ok) acks.push({ seq: r.body.seq as number, text });
      });
    });
    await until(() => acks.length >= 2, 5000, "some chats acknowledged");
    const killedAt = Date.now();
    await a.stop("SIGKILL");
    await Promise.race([Promise.allSettled(sending), new Promise((r) => setTimeout(r, 2000))]);
    await until(() => ann.leftWith !== null && bob.leftWith !== null && teacher.leftWith !== null, 5000, "everyone dropped with A");

    // Ann comes back through B with her rejoin key, as her page would: B takes the game over once A's lease ran out.
    const back = await enterWhenBack(b, game.code, { role: "student", rejoinKey: ann.welcome.rejoinKey }, 30_000);
    const ann2 = back.seat;
    const takeoverMs = Date.now() - killedAt;
    process.stdout.write(`takeover: Ann was back ${takeoverMs} ms after A was killed (lease ${LEASE_SECONDS} s)\n`);
    // Meanwhile every refusal was one the page tries again after: unreachable, "not ready", or no room yet (the game is still "running").
    // (client/src/common/join-failure.ts: no code, under 400 or 500–3999 is unreachable; 4500 and 4212 of a running game wait.)
    const retried = (code: number | undefined) => code === undefined || code < 400 || (code >= 500 && code < 4000) || code === CLOSE.NOT_READY || code === CLOSE.ROOM_NOT_FOUND;
    for (const failure of back.failures) expect(retried(failure), `join failed with ${failure}`).toBe(true);
    process.stdout.write(`takeover: join attempts refused meanwhile: ${JSON.stringify(back.failures)}\n`);
    expect((await b.api(`/api/games/${game.code}`)).body).toMatchObject({ status: "running" });
    expect(socketUrl(ann2)).toContain(`127.0.0.1:${b.port}/`);
    expect(ann2.welcome.studentId).toBe(ann.welcome.studentId);
    expect((await stored(game.gameId)).host).toBe(`127.0.0.1:${b.port}`);
    expect(b.output).toMatch(new RegExp(`game ${game.code} is open on this server`));

    // No acknowledged command is lost: each one is in the log at its seq, with what was sent.
    const log = await stored(game.gameId);
    expect(log.entries.map((e) => e.seq)).toEqual(log.entries.map((_, i) => i + 1));
    for (const ack of acks) expect(log.entries[ack.seq - 1]?.command).toMatchObject({ type: "chat", text: ack.text });
    // The state is the one the acknowledged commands made: same round, Ann's budget, the accepted offer, about the same deadline.
    expect(ann2.state.round).toBe(round);
    expect(ann2.state.phase).toBe("diplomacy");
    await until(() => ann2.state.teams.get("ATL") !== undefined, 5000, "Ann's team");
    expect(ann2.state.teams.get("ATL").economy).toBe(55);
    expect(ann2.state.teams.get("ATL").offersOut.toJSON()).toContain("BOR:accepted");
    // The clock gets back the time it had when A was last seen (at most a heartbeat before the kill).
    expect(Math.abs((ann2.state.deadline as number) - deadline)).toBeLessThan(LEASE_SECONDS * 1000 + 10_000);

    // Play goes on, on B: the teacher and Bob come back too.
    const teacher2 = await enter(a.hasExited ? b : a, game.code, { role: "teacher", teacherKey: game.teacherKey });
    const bob2 = await enter(b, game.code, { role: "student", rejoinKey: bob.welcome.rejoinKey });
    await acked(ann2, "budget", { economy: 40, defense: 40, offense: 20 });
    await acked(bob2, "ready", { ready: true });
    await until(() => teacher2.state.teams.get("ATL")?.economy === 40, 5000, "a decision after the takeover");
    const seqAfter = (await stored(game.gameId)).entries.length;
    expect(seqAfter).toBeGreaterThan(log.entries.length);

    // A comes back (same address): it does not take the game back, and answers like B.
    a = await startNode(a.port);
    const key = { teacherKey: game.teacherKey };
    const listA = await a.api("/api/teacher/games", key);
    const listB = await b.api("/api/teacher/games", key);
    expect(listA.status).toBe(200);
    expect(listA.body).toEqual(listB.body);
    expect(listA.body.games).toEqual([expect.objectContaining({ code: game.code, status: "running" })]);
    const reportA = await a.api(`/api/games/${game.code}/report`, key);
    const reportB = await b.api(`/api/games/${game.code}/report`, key);
    expect(reportA.status).toBe(200);
    expect(reportA.body).toEqual(reportB.body);
    expect((await stored(game.gameId)).host).toBe(`127.0.0.1:${b.port}`);
    const teacher3 = await enter(a, game.code, { role: "teacher", teacherKey: game.teacherKey });
    expect(socketUrl(teacher3)).toContain(`127.0.0.1:${b.port}/`);
  });

  it("fences a process that stalled past its lease: when it wakes up it stores nothing more and closes the game's room", { timeout: 90_000 }, async () => {
    const game = await a.createGame({ scenario: "rival-shores", settings: SETTINGS });
    const teacher = await enter(b, game.code, { role: "teacher", teacherKey: game.teacherKey });
    const ann = await enter(a, game.code, { role: "student", nickname: "Ann" });
    expect(socketUrl(teacher)).toContain(`127.0.0.1:${a.port}/`);
    await acked(teacher, "start");
    await acked(ann, "budget", { economy: 70, defense: 20, offense: 10 });

    // A stalls (a frozen virtual machine): its sockets stay open, it answers nothing, its leases run out.
    a.child.kill("SIGSTOP");
    try {
      const back = await enterWhenBack(b, game.code, { role: "student", rejoinKey: ann.welcome.rejoinKey }, 40_000);
      expect(socketUrl(back.seat)).toContain(`127.0.0.1:${b.port}/`);
      await acked(back.seat, "budget", { economy: 40, defense: 30, offense: 30 });
      expect((await stored(game.gameId)).host).toBe(`127.0.0.1:${b.port}`);
    } finally {
      a.child.kill("SIGCONT");
    }
    const before = (await stored(game.gameId)).entries;

    // A wakes up with the teacher's old connection still open: a command sent there is not stored, and the room closes.
    const reply = request(teacher.room, teacher.inbox, "pause");
    const outcome = await Promise.race([reply.then((r) => (r.ok ? "acked" : `refused: ${r.body.code}`)), until(() => teacher.leftWith !== null, 15_000, "A closes the room").then(() => "closed")]);
    expect(outcome).not.toBe("acked");
    await until(() => teacher.leftWith !== null, 15_000, "A closes the room");
    expect(teacher.leftWith).toBe(CLOSE.NOT_READY);
    await until(() => /is kept by another server now/.test(a.output), 5000, "A says so");
    const after = await stored(game.gameId);
    expect(after.host).toBe(`127.0.0.1:${b.port}`);
    expect(after.entries).toEqual(before);
    expect(after.entries.some((e) => e.command.type === "pause")).toBe(false);
    // The teacher comes back, on B, where the game goes on.
    const teacher2 = await enter(a, game.code, { role: "teacher", teacherKey: game.teacherKey });
    expect(socketUrl(teacher2)).toContain(`127.0.0.1:${b.port}/`);
    await acked(teacher2, "pause");
    expect((await stored(game.gameId)).entries.at(-1)?.command).toMatchObject({ type: "pause" });
  });

  it("hands a game over at once when its process stops cleanly (SIGTERM)", { timeout: 60_000 }, async () => {
    const game = await b.createGame({ scenario: "rival-shores", settings: SETTINGS });
    const teacher = await enter(a, game.code, { role: "teacher", teacherKey: game.teacherKey });
    expect(socketUrl(teacher)).toContain(`127.0.0.1:${b.port}/`);
    await acked(teacher, "start");
    const stoppedAt = Date.now();
    expect((await b.stop("SIGTERM")).code).toBe(0);
    const back = await enterWhenBack(a, game.code, { role: "teacher", teacherKey: game.teacherKey }, 20_000);
    process.stdout.write(`hand-over: the teacher was back ${Date.now() - stoppedAt} ms after B stopped\n`);
    expect(socketUrl(back.seat)).toContain(`127.0.0.1:${a.port}/`);
    expect(back.seat.state.phase).toBe("diplomacy");
    expect((await stored(game.gameId)).host).toBe(`127.0.0.1:${a.port}`);
    // The finished game's report is the same from either process once it ends.
    await acked(back.seat, "end");
    b = await startNode(b.port);
    const key = { teacherKey: game.teacherKey };
    const fromA = await a.api(`/api/games/${game.code}/report`, key);
    const fromB = await b.api(`/api/games/${game.code}/report`, key);
    expect(fromA.status).toBe(200);
    expect(fromB.body).toEqual(fromA.body);
  });
});
