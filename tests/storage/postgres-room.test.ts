// The server on PostgreSQL (DATABASE_URL) in one process, against a throwaway
// cluster: a game is played, stored, brought back after a restart, reported and
// deleted as on SQLite; and when the database cannot be reached (a TCP proxy
// in front of it is cut), decisions are refused with `storage` and the reason,
// /api/health says so, nothing acknowledged is lost, and play goes on once the
// database is back.
import { createServer, connect, type Server, type Socket } from "node:net";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPostgres, type PostgresCluster } from "../../server/cli/throwaway-postgres.js";
import { joinGame, joinStudent, joinTeacher, request, startTestServer, until, type TestServer } from "../server/harness.js";

const SETTINGS = { rounds: 2, teams: { mode: "count", value: 2 }, diplomacySeconds: 120, seed: 11 };

let cluster: PostgresCluster;
const servers: TestServer[] = [];

beforeAll(async () => {
  cluster = await startPostgres();
}, 60_000);
afterAll(async () => {
  for (const t of servers) await t.stop().catch(() => {});
  await cluster.stop();
}, 30_000);

async function serverOn(databaseUrl: string): Promise<TestServer> {
  const t = await startTestServer({ databaseUrl, leaseMs: 5000 });
  servers.push(t);
  return t;
}

async function rows(url: string, sql: string, params: unknown[]): Promise<any[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows;
  } finally {
    await client.end();
  }
}

/** A TCP proxy that can be cut (every connection reset, new ones refused) and restored on the same port. */
class CuttableProxy {
  private listener: Server | null = null;
  private readonly sockets = new Set<Socket>();
  port = 0;

  constructor(private readonly target: number) {}

  async open(): Promise<void> {
    const listener = createServer((inbound) => {
      const outbound = connect(this.target, "127.0.0.1");
      for (const s of [inbound, outbound]) {
        this.sockets.add(s);
        s.on("close", () => this.sockets.delete(s));
        s.on("error", () => {});
      }
      inbound.pipe(outbound).pipe(inbound);
    });
    await new Promise<void>((resolve) => listener.listen(this.port, "127.0.0.1", resolve));
    this.port = (listener.address() as { port: number }).port;
    this.listener = listener;
  }

  async cut(): Promise<void> {
    const listener = this.listener;
    this.listener = null;
    for (const s of this.sockets) s.resetAndDestroy();
    await new Promise<void>((resolve) => listener?.close(() => resolve()) ?? resolve());
  }
}

describe("the server on PostgreSQL", () => {
  it("plays, stores, brings back, reports and deletes a game", { timeout: 60_000 }, async () => {
    const url = await cluster.createDatabase();
    let t = await serverOn(url);
    expect((await t.api("/api/health")).body.storage).toEqual({ ok: true });
    const game = await t.createGame({ scenario: "rival-shores", settings: SETTINGS });
    let client = t.client();
    const teacher = await joinTeacher(client, game.code, game.teacherKey);
    const ann = await joinStudent(client, game.code, "Ann");
    const bob = await joinStudent(client, game.code, "Bob");
    const acked: number[] = [];
    const ok = async (who: typeof ann, type: string, payload: Record<string, unknown> = {}) => {
      const r = await request(who.room, who.inbox, type, payload);
      expect(r, `${type} ${JSON.stringify(r.body)}`).toMatchObject({ ok: true });
      acked.push(r.body.seq as number);
    };
    await ok(teacher, "start");
    await ok(ann, "budget", { economy: 60, defense: 30, offense: 10 });
    await ok(ann, "offer", { to: "BOR" });
    await ok(bob, "accept", { from: "ATL" });
    // Several at once: they share writes, and every acknowledged one is stored at its seq.
    await Promise.all([0, 1, 2, 3].map((i) => ok(i % 2 ? bob : ann, "chat", { channel: "public", text: `hi ${i}` })));
    const stored = await rows(url, "SELECT seq FROM entries WHERE game_id = $1 ORDER BY seq", [game.gameId]);
    expect(stored.map((r) => r.seq)).toEqual(stored.map((_, i) => i + 1));
    for (const seq of acked) expect(stored.map((r) => r.seq)).toContain(seq);
    const lastSeq = (await rows(url, "SELECT last_seq FROM games WHERE id = $1", [game.gameId]))[0].last_seq;
    expect(lastSeq).toBe(stored.length);
    await until(() => teacher.state.teams.get("ATL")?.economy === 60, 5000, "the teacher sees Ann's budget");
    const before = teacher.state.teams.get("ATL").toJSON();

    // A restart on the same database brings the game back as it was.
    await t.stop();
    servers.splice(servers.indexOf(t), 1);
    t = await serverOn(url);
    client = t.client();
    const teacher2 = await joinTeacher(client, game.code, game.teacherKey);
    await until(() => teacher2.state.teams.get("ATL") !== undefined, 5000, "teams after the restart");
    expect(teacher2.state.phase).toBe("diplomacy");
    expect(teacher2.state.teams.get("ATL").toJSON()).toEqual(before);
    const annBack = await joinGame(client, game.code, { role: "student", rejoinKey: ann.welcome.rejoinKey });
    expect(annBack.welcome.studentId).toBe(ann.welcome.studentId);

    // The end: the finished mark and the report are stored with the entry that ends the game.
    const end = await request(teacher2.room, teacher2.inbox, "end");
    expect(end.ok).toBe(true);
    const auth = { headers: { authorization: `Bearer ${game.teacherKey}` } };
    await until(() => teacher2.state.phase === "ended", 5000, "ended");
    const finished = (await rows(url, "SELECT status, finished_at, report_json FROM games WHERE id = $1", [game.gameId]))[0];
    expect(finished.status).toBe("finished");
    expect(typeof finished.report_json).toBe("string");
    const report = await t.api(`/api/games/${game.code}/report`, auth);
    expect(report.status).toBe(200);
    expect(report.body).toEqual(JSON.parse(finished.report_json as string));
    const list = await t.api("/api/teacher/games", auth);
    expect(list.body.games).toEqual([expect.objectContaining({ code: game.code, status: "finished" })]);

    // Deleting removes everything of it.
    expect((await t.api(`/api/games/${game.code}`, { method: "DELETE", ...auth })).status).toBe(200);
    expect(await rows(url, "SELECT 1 FROM games WHERE id = $1", [game.gameId])).toEqual([]);
    expect(await rows(url, "SELECT 1 FROM entries WHERE game_id = $1", [game.gameId])).toEqual([]);
    expect((await t.api(`/api/games/${game.code}/report`, auth)).status).toBe(404);
  });

  it("refuses decisions while the database cannot be reached, and goes on when it is back", { timeout: 60_000 }, async () => {
    const url = new URL(await cluster.createDatabase());
    const proxy = new CuttableProxy(Number(url.port));
    await proxy.open();
    url.port = String(proxy.port);
    const t = await serverOn(url.toString());
    const game = await t.createGame({ scenario: "rival-shores", settings: SETTINGS });
    const client = t.client();
    const teacher = await joinTeacher(client, game.code, game.teacherKey);
    const ann = await joinStudent(client, game.code, "Ann");
    expect((await request(teacher.room, teacher.inbox, "start")).ok).toBe(true);
    const first = await request(ann.room, ann.inbox, "budget", { economy: 50, defense: 40, offense: 10 });
    expect(first.ok).toBe(true);

    await proxy.cut();
    const refused = await request(ann.room, ann.inbox, "budget", { economy: 10, defense: 10, offense: 80 });
    expect(refused).toMatchObject({ ok: false, body: { code: "storage" } });
    expect(refused.body.message).toMatch(/^The server could not save this \(the database server cannot be reached\): nothing was changed\./);
    const health = await t.api("/api/health");
    expect(health.status).toBe(200);
    expect(health.body.storage).toMatchObject({ ok: false, problem: "the database server cannot be reached" });
    // Nothing changed: the draft is the acknowledged one.
    await until(() => ann.state.teams.get("ATL")?.economy === 50, 3000, "Ann's acknowledged budget");

    await proxy.open(); // the same port again
    let again = await request(ann.room, ann.inbox, "budget", { economy: 30, defense: 30, offense: 40 });
    // The pool may hand out one connection that broke while the database was away: that decision is refused, the next works.
    if (!again.ok) again = await request(ann.room, ann.inbox, "budget", { economy: 30, defense: 30, offense: 40 });
    expect(again.ok).toBe(true);
    await until(() => ann.state.teams.get("ATL")?.economy === 30, 3000, "the decision after the database came back");
    expect((await t.api("/api/health")).body.storage).toEqual({ ok: true });
    const stored = await rows(url.toString(), "SELECT command_json FROM entries WHERE game_id = $1 ORDER BY seq", [game.gameId]);
    const budgets = stored.map((r) => JSON.parse(r.command_json as string)).filter((c) => c.move?.type === "budget");
    expect(budgets.map((c) => c.move.economy)).toEqual([50, 30]);
    await proxy.cut();
    await proxy.open();
  });
});
