// A game whose stored log cannot be read or replayed whole is reported as
// damaged, at start in the server's output and to the teacher and the join
// page, instead of being listed "running" with no room behind it. The damage is
// done to a real data folder, as a crash, a lost write-ahead file or a bad disk
// would leave it, then a real server process starts on it.
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { until } from "../server/harness.js";
import { acked, freePort, joinVia, startServerProcess, stopAllProcesses } from "../server/processes.js";
import { budget, forgetSeats, startedClass, type StartedClass } from "./classes.js";
import { newDataDir, removeDataDirs, withBeside } from "./data-folder.js";

afterEach(async () => {
  forgetSeats();
  await stopAllProcesses();
});
afterAll(removeDataDirs);

/** Six decisions after the start, so that the log has a middle and an end to lose. */
async function played(c: StartedClass): Promise<void> {
  for (const economy of [10, 20, 30, 40, 50, 60]) await acked(c.student, "budget", budget(economy));
}

describe("a game whose log is damaged", () => {
  it("is reported as damaged, with the reason, and not reopened; the other games come back", { timeout: 90_000 }, async () => {
    const port = await freePort();
    const dir = newDataDir();
    const first = await startServerProcess({ port, dataDir: dir });
    const [good, gap, tail, torn] = [await startedClass(first), await startedClass(first), await startedClass(first), await startedClass(first)];
    for (const c of [good, gap, tail, torn]) await played(c);
    await first.stop("SIGKILL");
    forgetSeats();

    withBeside(dir, (db) => {
      const seqs = (c: StartedClass) => db.prepare<[string], { seq: number }>("SELECT seq FROM entries WHERE game_id = ? ORDER BY seq").all(c.gameId).map((r) => r.seq);
      const last = seqs(tail).at(-1)!;
      // An entry lost in the middle; the last two lost (a write-ahead file that went missing); one entry torn.
      db.prepare("DELETE FROM entries WHERE game_id = ? AND seq = 4").run(gap.gameId);
      db.prepare("DELETE FROM entries WHERE game_id = ? AND seq > ?").run(tail.gameId, last - 2);
      db.prepare(`UPDATE entries SET command_json = '{"type":"pla' WHERE game_id = ? AND seq = 5`).run(torn.gameId);
    });

    const second = await startServerProcess({ port, dataDir: dir });
    // The server's output names each damaged game and what is wrong with it (on stderr, whose pipe may be read
    // after stdout's "running" line: waited for, not expected at once).
    await second.waitFor(new RegExp(`game ${gap.code}.*damaged.*entry 4 is missing`), 5000);
    await second.waitFor(new RegExp(`game ${tail.code}.*damaged.*last 2 entries are missing`), 5000);
    await second.waitFor(new RegExp(`game ${torn.code}.*damaged.*entry 5 cannot be read`), 5000);

    // The join page's look-up and the teacher's list say so.
    for (const c of [gap, tail, torn]) {
      expect((await second.api(`/api/games/${c.code}`)).body).toEqual({ code: c.code, title: "Rival Shores (fictional)", status: "damaged" });
      const list = await second.api("/api/teacher/games", { teacherKey: c.teacherKey });
      expect(list.body.games).toHaveLength(1);
      expect(list.body.games[0]).toMatchObject({ code: c.code, status: "damaged", damage: expect.stringMatching(/missing|cannot be read/) });
      // No room pretends to be the game; its report cannot be built either, and says why.
      await expect(joinVia(second.wsUrl, c.code, { role: "teacher", teacherKey: c.teacherKey })).rejects.toMatchObject({ code: 4212 });
      const report = await second.api(`/api/games/${c.code}/report`, { teacherKey: c.teacherKey });
      expect(report.status).toBe(409);
      expect(report.body.error.code).toBe("damaged-game");
    }

    // The undamaged game is back as it was.
    expect((await second.api(`/api/games/${good.code}`)).body.status).toBe("running");
    const teacher = await joinVia(second.wsUrl, good.code, { role: "teacher", teacherKey: good.teacherKey });
    await until(() => teacher.state.teams?.get("ATL")?.economy === 60, 5000, "the good game's last budget");
    teacher.room.removeAllListeners();

    // The teacher can delete a damaged game.
    expect((await second.api(`/api/games/${gap.code}`, { method: "DELETE", teacherKey: gap.teacherKey })).status).toBe(200);
    expect((await second.api(`/api/games/${gap.code}`)).status).toBe(404);
  });
});
