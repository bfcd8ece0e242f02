// The entry that ends a game and the game's "finished" mark (time, report) are
// stored together or not at all; and a game a crash left half-finished (its
// end entry stored, the game still "running") is finished at the next start.
// Real server processes on a real data folder.
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { request, until } from "../server/harness.js";
import { acked, freePort, joinVia, startServerProcess, stopAllProcesses } from "../server/processes.js";
import { budget, forgetSeats, startedClass } from "./classes.js";
import { newDataDir, removeDataDirs, withBeside } from "./data-folder.js";

afterEach(async () => {
  forgetSeats();
  await stopAllProcesses();
});
afterAll(removeDataDirs);

interface GameRow {
  status: string;
  finished_at: number | null;
  report_json: string | null;
}

const gameRow = (dir: string, gameId: string) =>
  withBeside(dir, (db) => db.prepare<[string], GameRow>("SELECT status, finished_at, report_json FROM games WHERE id = ?").get(gameId));
const entryCount = (dir: string, gameId: string) =>
  withBeside(dir, (db) => db.prepare<[string], { n: number }>("SELECT COUNT(*) AS n FROM entries WHERE game_id = ?").get(gameId)!.n);

describe("ending a game", () => {
  it("is refused as a whole when the game cannot be marked finished: no end entry without the finished game", { timeout: 90_000 }, async () => {
    const dir = newDataDir();
    const server = await startServerProcess({ port: await freePort(), dataDir: dir });
    const c = await startedClass(server);
    await acked(c.student, "budget", budget(40));
    await acked(c.teacher, "advance");
    await until(() => c.teacher.state.phase === "review", 5000, "review");
    const before = entryCount(dir, c.gameId);

    // Another program makes finishing a game fail (as a full disk would fail that one write).
    withBeside(dir, (db) =>
      db.exec(`CREATE TRIGGER refuse_finish BEFORE UPDATE OF status ON games WHEN NEW.status = 'finished'
               BEGIN SELECT RAISE(ABORT, 'cannot finish now'); END`),
    );
    const refused = await request(c.teacher.room, c.teacher.inbox, "end");
    expect(refused).toMatchObject({ ok: false, body: { code: "storage" } });
    expect(entryCount(dir, c.gameId)).toBe(before);
    expect(gameRow(dir, c.gameId)).toMatchObject({ status: "running", finished_at: null, report_json: null });
    expect(c.teacher.state.phase).toBe("review");
    expect(server.hasExited, server.output).toBe(false);

    withBeside(dir, (db) => db.exec("DROP TRIGGER refuse_finish"));
    await acked(c.teacher, "end");
    await until(() => c.student.state.phase === "ended", 5000, "ended");
    expect(entryCount(dir, c.gameId)).toBe(before + 1);
    const row = gameRow(dir, c.gameId)!;
    expect(row.status).toBe("finished");
    expect(JSON.parse(row.report_json!)).toMatchObject({ code: c.code, phase: "ended" });
  });

  it("a game a crash left half-finished is finished at the next start: report saved, no room reopened", { timeout: 90_000 }, async () => {
    const port = await freePort();
    const dir = newDataDir();
    const first = await startServerProcess({ port, dataDir: dir });
    const ended = await startedClass(first, "Ann");
    const running = await startedClass(first, "Bob");
    await acked(ended.student, "budget", budget(60));
    await acked(ended.teacher, "advance");
    await until(() => ended.teacher.state.phase === "review", 5000, "review");
    await acked(ended.teacher, "end");
    await until(() => ended.teacher.state.phase === "ended", 5000, "ended");
    const endedAt = withBeside(dir, (db) => db.prepare<[string], { at: number }>("SELECT at FROM entries WHERE game_id = ? ORDER BY seq DESC LIMIT 1").get(ended.gameId)!.at);
    await first.stop("SIGKILL");
    forgetSeats();

    // What a crash between storing the end entry and marking the game finished left behind.
    withBeside(dir, (db) => db.prepare("UPDATE games SET status = 'running', finished_at = NULL, report_json = NULL WHERE id = ?").run(ended.gameId));

    const second = await startServerProcess({ port, dataDir: dir });
    expect((await second.api(`/api/games/${ended.code}`)).body.status).toBe("finished");
    const row = gameRow(dir, ended.gameId)!;
    expect(row).toMatchObject({ status: "finished", finished_at: endedAt });
    expect(JSON.parse(row.report_json!)).toMatchObject({ code: ended.code, phase: "ended", roundsPlayed: 1 });
    const report = await second.api(`/api/games/${ended.code}/report`, { teacherKey: ended.teacherKey });
    expect(report.body).toMatchObject({ code: ended.code, phase: "ended" });
    // No room is left open for it (it would never close); the unfinished game is back as usual.
    await expect(joinVia(second.wsUrl, ended.code, { role: "teacher", teacherKey: ended.teacherKey })).rejects.toMatchObject({ code: 4212 });
    const teacher = await joinVia(second.wsUrl, running.code, { role: "teacher", teacherKey: running.teacherKey });
    expect(teacher.state.phase).toBe("diplomacy");
    teacher.room.removeAllListeners();
    expect(second.output).not.toMatch(/Error|damaged/);
  });
});
