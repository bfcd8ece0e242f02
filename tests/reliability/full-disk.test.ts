// Writes that fail (a full disk, simulated with a file size limit on the real
// server process, `ulimit -f`): each command is refused with `storage` and
// changes nothing, the heartbeat's failures do not end the process, and when
// the disk takes writes again (the limit raised with prlimit) play goes on.
import { spawnSync } from "node:child_process";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { Pacer, request, until } from "../server/harness.js";
import { acked, freePort, sleep, startServerProcess, stopAllProcesses } from "../server/processes.js";
import { budget, enter, forgetSeats, health, startedClass } from "./classes.js";
import { newDataDir, removeDataDirs, withBeside } from "./data-folder.js";

afterEach(async () => {
  forgetSeats();
  await stopAllProcesses();
});
afterAll(removeDataDirs);

const hasPrlimit = spawnSync("prlimit", ["--version"]).status === 0;

describe("a disk that refuses writes", () => {
  it("refuses commands with `storage`, keeps the process and its timers alive, and plays on when writes work again", { timeout: 120_000 }, async () => {
    const port = await freePort();
    const dir = newDataDir();
    // The game is made on a healthy disk; a clean stop folds the write-ahead file into the database file.
    const first = await startServerProcess({ port, dataDir: dir });
    const c = await startedClass(first);
    await acked(c.student, "budget", budget(50));
    expect(await first.stop("SIGTERM")).toEqual({ code: 0, signal: null });
    forgetSeats();

    // Restarted with room for a few pages of write-ahead file (the -shm file needs 32 KB) and no
    // periodic checkpoint: after a few writes, every write fails as on a full disk.
    const server = await startServerProcess({ port, dataDir: dir, fileSizeLimitKb: 64, env: { CHECKPOINT_SECONDS: "3600" } });
    const teacher = await enter(server, c.code, { role: "teacher", teacherKey: c.teacherKey });
    const student = await enter(server, c.code, { role: "student", rejoinKey: c.student.welcome.rejoinKey });
    await until(() => teacher.state.teams?.get("ATL")?.economy === 50, 5000, "the game back");

    const pacer = new Pacer();
    let refused: { ok: boolean; body: any } | null = null;
    let lastAcked = 50;
    for (let i = 0; i < 200 && !refused; i++) {
      await pacer.next();
      const economy = 10 + (i % 40);
      const reply = await request(student.room, student.inbox, "budget", budget(economy));
      if (reply.ok) lastAcked = economy;
      else refused = reply;
    }
    expect(refused, "no write failed under the file size limit").not.toBeNull();
    expect(refused!.body.code).toBe("storage");
    expect(refused!.body.message).toMatch(/disk.*nothing was changed/);

    // Several heartbeats fail too: the process stays, the API answers and says what is wrong.
    await sleep(5000);
    expect(server.hasExited, `the server died when writes failed. Its output:\n${server.output}`).toBe(false);
    const during = await health(server);
    expect(during.status).toBe(200);
    expect(during.body.storage).toMatchObject({ ok: false });
    expect(during.body.storage.problem).toMatch(/disk/);
    await pacer.next();
    expect(await request(student.room, student.inbox, "budget", budget(77))).toMatchObject({ ok: false, body: { code: "storage" } });
    await pacer.next();
    expect(await request(student.room, student.inbox, "chat", { channel: "public", text: "hello?" })).toMatchObject({ ok: false, body: { code: "storage" } });
    await until(() => teacher.state.teams.get("ATL")?.economy === lastAcked, 5000, "the last acknowledged budget");
    expect(teacher.state.teams.get("ATL").economy).toBe(lastAcked);
    expect(server.output).not.toMatch(/\n\s+at .*\(/); // no stack trace per refused command

    if (!hasPrlimit) return; // util-linux's prlimit raises the running server's limit: without it, stop here.
    expect(spawnSync("prlimit", [`--pid=${server.pid}`, "--fsize=unlimited:"]).status).toBe(0);
    await pacer.next();
    const seq = await acked(student, "budget", budget(33));
    await until(() => teacher.state.teams.get("ATL")?.economy === 33, 5000, "the new budget mirrored");
    const stored = withBeside(dir, (db) => db.prepare<[string, number], { n: number }>("SELECT COUNT(*) AS n FROM entries WHERE game_id = ? AND seq = ?").get(c.gameId, seq));
    expect(stored).toEqual({ n: 1 });
    expect((await health(server)).body.storage).toEqual({ ok: true });
  });
});
