// What every GameStore promises (server/storage/store.ts), checked on both
// implementations with the same tests: SQLite (a fresh data folder per test)
// and PostgreSQL (a throwaway cluster per file, a fresh database per test).
// Two stores on the same database with different hosts stand for two server
// processes: leases, fencing and takeovers are checked between them. Times are
// explicit (`now`, `at`), as the stores use them as given.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Client } from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { settingsFor } from "../../shared/classroom/settings.js";
import type { LogEntry } from "../../shared/classroom/types.js";
import { builtinScenarios } from "../../shared/scenario/builtin/index.js";
import { openDatabase } from "../../server/storage/database.js";
import { DamagedLogError, StorageError, type FaultKind } from "../../server/storage/faults.js";
import { MIGRATIONS, openPostgresStore } from "../../server/storage/postgres-store.js";
import { SqliteStore } from "../../server/storage/sqlite-store.js";
import type { GameStore, NewGame } from "../../server/storage/store.js";
import { freePort } from "../../server/cli/bench-kit.js";
import { startPostgres, type PostgresCluster } from "../../server/cli/throwaway-postgres.js";

const LEASE_MS = 10_000;
/** Past 2^31 ms: a time that an INTEGER column or a BIGINT read back as a string would get wrong. */
const T0 = 1_764_000_000_000;

/** One database both stores of a test open, and direct access to its rows (to damage a log, to count what is left). */
interface Database {
  open(host: string): Promise<GameStore>;
  deleteEntry(gameId: string, seq: number): Promise<void>;
  countEntries(gameId: string): Promise<number>;
}

/** The file's one PostgreSQL cluster (each test gets a database of its own in it). */
let cluster: PostgresCluster;
beforeAll(async () => {
  cluster = await startPostgres();
}, 60_000);
afterAll(() => cluster.stop(), 60_000);

interface Backend {
  name: "sqlite" | "postgresql";
  /** An empty database of its own, for one test. */
  freshDatabase(): Promise<Database>;
  /** Closes what freshDatabase opened (the stores are closed before). */
  cleanUp(): Promise<void>;
}

function sqliteBackend(): Backend {
  const dirs: string[] = [];
  const rawDbs: ReturnType<typeof openDatabase>[] = [];
  return {
    name: "sqlite",
    freshDatabase() {
      const dir = mkdtempSync(join(tmpdir(), "entente-contract-"));
      dirs.push(dir);
      const raw = openDatabase(dir);
      rawDbs.push(raw);
      return Promise.resolve({
        open: (host) => Promise.resolve(new SqliteStore(openDatabase(dir), { host, leaseMs: LEASE_MS })),
        deleteEntry(gameId, seq) {
          raw.prepare("DELETE FROM entries WHERE game_id = ? AND seq = ?").run(gameId, seq);
          return Promise.resolve();
        },
        countEntries: (gameId) => Promise.resolve(raw.prepare<[string], { n: number }>("SELECT count(*) AS n FROM entries WHERE game_id = ?").get(gameId)!.n),
      });
    },
    cleanUp() {
      for (const raw of rawDbs.splice(0)) raw.close();
      for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    },
  };
}

function postgresBackend(): Backend {
  const clients: Client[] = [];
  return {
    name: "postgresql",
    async freshDatabase() {
      const url = await cluster.createDatabase();
      const client = new Client({ connectionString: url });
      await client.connect();
      clients.push(client);
      return {
        open: (host) => openPostgresStore(url, { host, leaseMs: LEASE_MS }),
        async deleteEntry(gameId, seq) {
          await client.query("DELETE FROM entries WHERE game_id = $1 AND seq = $2", [gameId, seq]);
        },
        async countEntries(gameId) {
          return Number((await client.query<{ n: string }>("SELECT count(*) AS n FROM entries WHERE game_id = $1", [gameId])).rows[0]!.n);
        },
      };
    },
    async cleanUp() {
      await Promise.all(clients.splice(0).map((c) => c.end()));
    },
  };
}

const scenario = builtinScenarios()[0]!;

function newGame(id: string, overrides: Partial<NewGame> = {}): NewGame {
  return {
    id,
    code: `C${id.toUpperCase()}`,
    teacherHash: "teacher-1",
    title: `Game ${id}`,
    scenario,
    settings: settingsFor(scenario, { diplomacySeconds: 90, teams: { mode: "size", value: 3 } }, 4_000_000_000),
    createdAt: T0,
    ...overrides,
  };
}

const chat = (seq: number, text = `message ${seq}`): LogEntry => ({
  seq,
  at: T0 + 1000 * seq,
  actor: { kind: "student", studentId: `s${seq}` },
  command: { type: "chat", channel: "all", text },
});

/** The StorageError kind `promise` rejects with (fails the test if it resolves or rejects with something else). */
async function faultOf(promise: Promise<unknown>): Promise<FaultKind> {
  const err: unknown = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(StorageError);
  return (err as StorageError).kind;
}

describe.each([sqliteBackend(), postgresBackend()])("the $name store", (backend) => {
  const opened: GameStore[] = [];
  let database: Database;
  /** A store on this test's database, kept by `host` (closed after the test). */
  const open = async (host: string) => {
    const store = await database.open(host);
    opened.push(store);
    return store;
  };

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((s) => s.close()));
    await backend.cleanUp();
  });
  const fresh = async () => {
    database = await backend.freshDatabase();
  };

  it("gives a new game back as it was stored, by id, by code and by teacher (newest first)", async () => {
    await fresh();
    const a = await open("a");
    expect(a.kind).toBe(backend.name);
    expect(a.host).toBe("a");
    await a.createGame(newGame("g1"));
    await a.createGame(newGame("g2", { createdAt: T0 + 5 }));
    await a.createGame(newGame("g3", { createdAt: T0 + 2, teacherHash: "teacher-2" }));

    const g1 = await a.game("g1");
    expect(g1).toEqual({
      ...newGame("g1"),
      status: "running",
      host: "a",
      lastSeenAt: T0,
      finishedAt: null,
      damage: null,
    });
    expect(typeof g1!.createdAt).toBe("number");
    expect(g1!.settings.seed).toBe(4_000_000_000);
    expect(await a.game("nope")).toBeNull();
    expect((await a.gameByCode("CG2"))?.id).toBe("g2");
    expect(await a.gameByCode("NOPE")).toBeNull();
    expect(await a.isCodeRunning("CG1")).toBe(true);
    expect(await a.isCodeRunning("NOPE")).toBe(false);
    expect((await a.teacherGames("teacher-1")).map((g) => g.id)).toEqual(["g2", "g1"]);
    expect((await a.teacherGames("teacher-2")).map((g) => [g.id, g.createdAt])).toEqual([["g3", T0 + 2]]);
    expect(await a.teacherGames("nobody")).toEqual([]);
  });

  it("finds the most recent game of a code", async () => {
    await fresh();
    const a = await open("a");
    await a.createGame(newGame("old", { code: "SAME" }));
    await a.append("old", [chat(1)], { at: T0 + 100, report: { done: true } });
    await a.createGame(newGame("new", { code: "SAME", createdAt: T0 + 200 }));
    expect((await a.gameByCode("SAME"))?.id).toBe("new");
    expect(await a.isCodeRunning("SAME")).toBe(true);
  });

  it("refuses a second game with the same id", async () => {
    await fresh();
    const a = await open("a");
    await a.createGame(newGame("g1"));
    expect(await faultOf(a.createGame(newGame("g1", { code: "OTHER", title: "again" })))).toBe("refused");
    expect((await a.game("g1"))?.title).toBe("Game g1");
  });

  it("appends entries all or nothing and gives the log back in order", async () => {
    await fresh();
    const a = await open("a");
    await a.createGame(newGame("g1"));
    expect(await a.entries("g1")).toEqual([]);
    await a.append("g1", [chat(1), chat(2, "zwei — ünïcødé ✓")]);
    await a.append("g1", [chat(3)]);
    // Entry 2 is stored already: entries 4 and 5 of the same batch must not stay either.
    expect(await faultOf(a.append("g1", [chat(4), chat(2), chat(5)]))).toBe("refused");
    const log = await a.entries("g1");
    expect(log).toEqual([chat(1), chat(2, "zwei — ünïcødé ✓"), chat(3)]);
    expect(typeof log[0]!.at).toBe("number");
    expect(await database.countEntries("g1")).toBe(3);
    await a.append("g1", [chat(4), chat(5)]);
    expect((await a.entries("g1")).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5]);
  });

  it("stores appends of several games asked for at once, each on its own: one game's refusal or loss fails no other", async () => {
    await fresh();
    const a = await open("a");
    const b = await open("b");
    for (const id of ["g1", "g2", "g3", "g4"]) await a.createGame(newGame(id));
    await a.append("g2", [chat(1)]);
    await a.releaseLease("g3", T0 + 10);
    expect((await b.claimGames(T0 + 20)).map((g) => g.id)).toEqual(["g3"]);
    // All in the same turn (SQLite writes them in one transaction): g2's repeats a stored entry, g3 is b's now.
    const outcomes = await Promise.allSettled([
      a.append("g1", [chat(1), chat(2)]),
      a.append("g2", [chat(2), chat(1)]),
      a.append("g3", [chat(1)]),
      a.append("g4", [chat(1)], { at: T0 + 30, report: { ended: true } }),
      a.append("g1", [chat(3)]),
    ]);
    expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "rejected", "fulfilled", "fulfilled"]);
    const kindOf = (o: PromiseSettledResult<void> | undefined) => (o?.status === "rejected" && o.reason instanceof StorageError ? o.reason.kind : null);
    expect(kindOf(outcomes[1])).toBe("refused");
    expect(kindOf(outcomes[2])).toBe("moved");
    expect((await a.entries("g1")).map((e) => e.seq)).toEqual([1, 2, 3]);
    expect((await a.entries("g2")).map((e) => e.seq)).toEqual([1]); // the refused append left nothing, not even its entry 2
    expect(await database.countEntries("g3")).toBe(0);
    expect(await a.game("g4")).toMatchObject({ status: "finished", finishedAt: T0 + 30 });
    expect(await a.savedReport("g4")).toEqual({ ended: true });
    expect(a.health()).toEqual({ ok: true });
  });

  it("refuses entries for a game that is gone (store.ts: `refused`, not `moved`)", async () => {
    await fresh();
    const a = await open("a");
    await a.createGame(newGame("g1"));
    await a.deleteGame("g1");
    expect(await faultOf(a.append("g1", [chat(1)]))).toBe("refused");
    expect(await faultOf(a.append("never", [chat(1)]))).toBe("refused");
    expect(await database.countEntries("g1")).toBe(0);
  });

  it("marks the game finished, with its report, in the append that ends it", async () => {
    await fresh();
    const a = await open("a");
    await a.createGame(newGame("g1"));
    expect(await a.savedReport("g1")).toBeNull();
    const report = { winner: "FRA", scores: { FRA: 12.5, DEU: -3 }, notes: ["a", "b"], nothing: null };
    await a.append("g1", [chat(1), chat(2)], { at: T0 + 60_000, report });
    expect(await a.game("g1")).toMatchObject({ status: "finished", finishedAt: T0 + 60_000 });
    expect(await a.savedReport("g1")).toEqual(report);
    expect(await a.isCodeRunning("CG1")).toBe(false);
    expect((await a.entries("g1")).map((e) => e.seq)).toEqual([1, 2]);
  });

  it("marks a game finished afterwards (markFinished)", async () => {
    await fresh();
    const a = await open("a");
    await a.createGame(newGame("g1"));
    await a.markFinished("g1", T0 + 7, { late: 1 });
    expect(await a.game("g1")).toMatchObject({ status: "finished", finishedAt: T0 + 7 });
    expect(await a.savedReport("g1")).toEqual({ late: 1 });
  });

  it("says a log is damaged when the game recorded more entries than are stored", async () => {
    await fresh();
    const a = await open("a");
    await a.createGame(newGame("g1"));
    await a.append("g1", [chat(1), chat(2), chat(3)]);
    await database.deleteEntry("g1", 3);
    await expect(a.entries("g1")).rejects.toBeInstanceOf(DamagedLogError);
    await database.deleteEntry("g1", 1);
    await expect(a.entries("g1")).rejects.toThrow(/entry 1 is missing/);
  });

  it("keeps a game for its keeper while the lease lasts, then lets another take it over and fences the old keeper", async () => {
    await fresh();
    const a = await open("a");
    const b = await open("b");
    await a.createGame(newGame("g1")); // lease until T0 + LEASE_MS
    await a.append("g1", [chat(1)]);

    expect(await b.claimGames(T0 + LEASE_MS - 1)).toEqual([]);
    expect(await a.renewLeases(["g1", "unknown"], T0 + 1000)).toEqual(new Set(["g1"])); // lease until T0 + 1000 + LEASE_MS
    expect(await b.claimGames(T0 + LEASE_MS + 500)).toEqual([]);

    const taken = await b.claimGames(T0 + 1000 + LEASE_MS + 1);
    expect(taken.map((g) => [g.id, g.host])).toEqual([["g1", "b"]]);
    expect((await a.game("g1"))?.host).toBe("b");

    // "a" stalled past its lease: it may not write any more, and its heartbeat says so.
    expect(await faultOf(a.append("g1", [chat(2)]))).toBe("moved");
    expect(await faultOf(a.append("g1", [chat(2)], { at: T0 + 20_000, report: { from: "a" } }))).toBe("moved");
    expect(await a.renewLeases(["g1"], T0 + 20_000)).toEqual(new Set());
    expect(await a.game("g1")).toMatchObject({ status: "running", host: "b" });
    expect(await a.savedReport("g1")).toBeNull();
    expect(await b.entries("g1")).toEqual([chat(1)]);

    await b.append("g1", [chat(2)]);
    expect(await b.renewLeases(["g1"], T0 + 20_000)).toEqual(new Set(["g1"]));
    expect(await b.game("g1")).toMatchObject({ host: "b", lastSeenAt: T0 + 20_000 });
    expect((await b.entries("g1")).map((e) => e.seq)).toEqual([1, 2]);
    // And "a" cannot claim it back while "b" keeps it.
    expect(await a.claimGames(T0 + 20_000 + LEASE_MS - 1)).toEqual([]);
  });

  it("lets another process take a released game at once", async () => {
    await fresh();
    const a = await open("a");
    const b = await open("b");
    await a.createGame(newGame("g1"));
    await b.releaseLease("g1", T0 + 10); // not b's: changes nothing
    expect(await b.claimGames(T0 + 20)).toEqual([]);
    await a.releaseLease("g1", T0 + 30);
    expect(await a.game("g1")).toMatchObject({ host: "a", lastSeenAt: T0 + 30 });
    expect((await b.claimGames(T0 + 40)).map((g) => g.id)).toEqual(["g1"]);
    expect(await faultOf(a.append("g1", [chat(1)]))).toBe("moved");
    expect(await database.countEntries("g1")).toBe(0);
  });

  it("gives a keeper back its own running and damaged games, never finished ones, and nobody else a damaged one", async () => {
    await fresh();
    const a = await open("a");
    const b = await open("b");
    await a.createGame(newGame("running", { createdAt: T0 }));
    await a.createGame(newGame("damaged", { createdAt: T0 + 1 }));
    await a.createGame(newGame("finished", { createdAt: T0 + 2 }));
    await b.createGame(newGame("theirs", { createdAt: T0 + 3 }));
    await a.markDamaged("damaged", "entry 4 is missing");
    await a.append("finished", [chat(1)], { at: T0 + 5, report: {} });

    const mine = await a.claimGames(T0 + 100);
    expect(mine.map((g) => g.id).sort()).toEqual(["damaged", "running"]);
    expect(mine.find((g) => g.id === "damaged")).toMatchObject({ damage: "entry 4 is missing", host: "a", status: "running" });
    expect(mine.every((g) => typeof g.lastSeenAt === "number")).toBe(true);

    // Long after every lease: "b" takes over the running game but not the damaged one, nor the finished one.
    const later = T0 + 100 + 10 * LEASE_MS;
    expect((await b.claimGames(later)).map((g) => g.id).sort()).toEqual(["running", "theirs"]);
    expect(await b.game("damaged")).toMatchObject({ host: "a", damage: "entry 4 is missing" });
    expect(await b.game("finished")).toMatchObject({ host: "a", status: "finished" });

    // Repaired (damage cleared), a game is an ordinary one again: its expired lease lets "b" take it.
    await a.markDamaged("damaged", null);
    expect((await b.claimGames(later + 1)).map((g) => g.id).sort()).toEqual(["damaged", "running", "theirs"]);
    expect(await a.claimGames(later + 2)).toEqual([]);
  });

  it("gives an expired game to exactly one of two processes claiming it at the same moment", async () => {
    await fresh();
    const a = await open("a");
    const b = await open("b");
    const c = await open("c");
    const games = ["g0", "g1", "g2", "g3", "g4", "g5", "g6", "g7"];
    for (const [i, id] of games.entries()) await c.createGame(newGame(id, { createdAt: T0 + i }));
    // Each round, every lease has run out: each game goes to "a" or to "b", never to both.
    for (let round = 1; round <= 3; round++) {
      const now = T0 + round * 2 * LEASE_MS;
      const [byA, byB] = await Promise.all([a.claimGames(now), b.claimGames(now)]);
      expect([...byA, ...byB].map((g) => g.id).sort()).toEqual(games);
      for (const g of byA) expect(await c.game(g.id)).toMatchObject({ host: "a" });
      for (const g of byB) expect(await c.game(g.id)).toMatchObject({ host: "b" });
    }
  });

  it("deletes a game with its log and its report", async () => {
    await fresh();
    const a = await open("a");
    await a.createGame(newGame("g1"));
    await a.createGame(newGame("g2"));
    await a.append("g1", [chat(1), chat(2)], { at: T0 + 9, report: { r: 1 } });
    await a.append("g2", [chat(1)]);
    expect(await a.deleteGame("g1")).toBe(true);
    expect(await a.game("g1")).toBeNull();
    expect(await a.entries("g1")).toEqual([]);
    expect(await a.savedReport("g1")).toBeNull();
    expect(await a.gameByCode("CG1")).toBeNull();
    expect(await database.countEntries("g1")).toBe(0);
    expect(await a.deleteGame("g1")).toBe(false);
    // The other game is untouched.
    expect(await a.entries("g2")).toEqual([chat(1)]);
  });

  it("reports itself healthy after working operations, and upkeep does not throw", async () => {
    await fresh();
    const a = await open("a");
    await a.createGame(newGame("g1"));
    await a.maintain();
    expect(a.health()).toMatchObject({ ok: true });
  });
});

describe("the postgresql store's own promises", () => {
  it("opens again on a database it has set up already, and records the schema's version", async () => {
    const url = await cluster.createDatabase("migrated_twice");
    const first = await openPostgresStore(url, { host: "a", leaseMs: LEASE_MS });
    await first.createGame(newGame("g1"));
    const second = await openPostgresStore(url, { host: "b", leaseMs: LEASE_MS });
    // Both at once as well (two processes starting together).
    const [third, fourth] = await Promise.all([openPostgresStore(url, { host: "c", leaseMs: LEASE_MS }), openPostgresStore(url, { host: "d", leaseMs: LEASE_MS })]);
    try {
      expect((await second.game("g1"))?.host).toBe("a");
      const client = new Client({ connectionString: url });
      await client.connect();
      try {
        const versions = await client.query<{ version: number }>("SELECT version FROM entente_schema");
        expect(versions.rows).toEqual([{ version: MIGRATIONS.length }]);
        expect(MIGRATIONS.length).toBeGreaterThan(0);
      } finally {
        await client.end();
      }
    } finally {
      await Promise.all([first, second, third, fourth].map((s) => s.close()));
    }
  });

  it("rejects with an `unreachable` StorageError when no server answers at the url", async () => {
    const port = await freePort();
    const opening = openPostgresStore(`postgres://entente@127.0.0.1:${port}/postgres`, { host: "a", leaseMs: LEASE_MS });
    expect(await faultOf(opening)).toBe("unreachable");
  });
});
