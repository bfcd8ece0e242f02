// Another program holds the database file (a database browser left open, a
// second server): a real server process keeps answering, refuses what it cannot
// store with `storage`, survives its own timers, and goes on once the file is free.
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { request, until } from "../server/harness.js";
import { acked, freePort, sleep, startServerProcess, stopAllProcesses } from "../server/processes.js";
import { budget, forgetSeats, health, startedClass } from "./classes.js";
import { openBeside, removeDataDirs, withBeside, newDataDir } from "./data-folder.js";

afterEach(async () => {
  forgetSeats();
  await stopAllProcesses();
});
afterAll(removeDataDirs);

describe("a database locked by another program", () => {
  it("refuses decisions with `storage` and changes nothing, keeps every timer and the HTTP API alive, and goes on when the lock is released", { timeout: 90_000 }, async () => {
    const dir = newDataDir();
    const server = await startServerProcess({ port: await freePort(), dataDir: dir });
    const c = await startedClass(server);
    await acked(c.student, "budget", budget(50));

    const other = openBeside(dir);
    other.exec("BEGIN EXCLUSIVE");
    try {
      const refused = await request(c.student.room, c.student.inbox, "budget", budget(20));
      expect(refused).toMatchObject({ ok: false, body: { code: "storage" } });
      expect(refused.body.message).toMatch(/locked by another program.*nothing was changed/);

      // The API answers, says what is wrong, and refuses to create a game rather than half-create one.
      const during = await health(server);
      expect(during.status).toBe(200);
      expect(during.body).toMatchObject({ ok: true, storage: { ok: false } });
      expect(during.body.storage.problem).toMatch(/locked/);
      const created = await server.api("/api/games", { body: { scenario: "rival-shores" } });
      expect(created.status).toBe(503);
      expect(created.body.error.code).toBe("storage");
      expect(withBeside(dir, (db) => db.prepare("SELECT COUNT(*) AS n FROM games").get())).toEqual({ n: 1 });

      // Hold the lock past the old 5-second busy timeout and several 2-second heartbeats of the room.
      await sleep(6000);
      expect(server.hasExited, `the server died while the file was locked. Its output:\n${server.output}`).toBe(false);
      expect((await health(server)).body.storage.ok).toBe(false);
      expect(await request(c.teacher.room, c.teacher.inbox, "pause")).toMatchObject({ ok: false, body: { code: "storage" } });
      expect(c.teacher.state.paused).toBe(false);
      expect(c.teacher.state.teams.get("ATL").economy).toBe(50);
    } finally {
      other.exec("ROLLBACK");
      other.close();
    }

    // The file is free again: the next decision is acknowledged, and it is in the file.
    const seq = await acked(c.student, "budget", budget(20));
    await until(() => c.teacher.state.teams.get("ATL")?.economy === 20, 5000, "the new budget mirrored");
    const stored = withBeside(dir, (db) =>
      db.prepare<[string, number], { command_json: string }>("SELECT command_json FROM entries WHERE game_id = ? AND seq = ?").get(c.gameId, seq),
    );
    expect(JSON.parse(stored!.command_json)).toMatchObject({ type: "play", move: { type: "budget", economy: 20 } });
    expect((await health(server)).body.storage).toEqual({ ok: true });
    expect(server.output).toMatch(/storage is working again/);
  });
});
