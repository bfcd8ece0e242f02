// The write-ahead file is folded into the database file regularly: it does not
// stay several MB after a reader held it, and the database file itself holds
// the games (losing the -wal file after a crash loses seconds, not games).
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { joinStudent, joinTeacher, Pacer, request, startTestServer, until, type Joined } from "../server/harness.js";
import { acked, freePort, startServerProcess, stopAllProcesses } from "../server/processes.js";
import { budget, enter, forgetSeats, startedClass } from "./classes.js";
import { DB_FILE, newDataDir, openBeside, removeDataDirs, seqsInMainFile, walBytes } from "./data-folder.js";
import { rmSync } from "node:fs";
import { join } from "node:path";

afterEach(async () => {
  forgetSeats();
  await stopAllProcesses();
});
afterAll(removeDataDirs);

describe("checkpoints", () => {
  it("shrink the write-ahead file again once a reader that held it open lets go", { timeout: 90_000 }, async () => {
    const dir = newDataDir();
    const t = await startTestServer({ dataDir: dir, checkpointMs: 300 });
    try {
      const game = await t.createGame({ scenario: "rival-shores", settings: { teams: { mode: "count", value: 4 }, diplomacySeconds: 600 } });
      const client = t.client();
      const teacher = await joinTeacher(client, game.code, game.teacherKey);
      const students: Joined[] = [];
      for (const nickname of ["Ann", "Bob", "Cy", "Dee"]) students.push(await joinStudent(client, game.code, nickname));
      expect((await request(teacher.room, teacher.inbox, "start")).ok).toBe(true);

      // A database browser left open on a read transaction: no checkpoint can reset the file meanwhile.
      const reader = openBeside(dir);
      reader.exec("BEGIN");
      reader.prepare("SELECT COUNT(*) FROM entries").get();
      await Promise.all(
        students.map(async (s) => {
          const pacer = new Pacer();
          for (let i = 0; i < 45; i++) {
            await pacer.next();
            const reply = await request(s.room, s.inbox, "budget", budget(10 + (i % 50)));
            expect(reply.ok).toBe(true);
          }
        }),
      );
      expect(walBytes(dir)).toBeGreaterThan(500_000);
      reader.exec("COMMIT");
      reader.close();

      await until(() => walBytes(dir) < 100_000, 20_000, "the write-ahead file to shrink");
      for (const j of [teacher, ...students]) await j.room.leave();
    } finally {
      await t.stop();
    }
  });

  it("put the games into the database file itself: a lost write-ahead file after a crash loses no game", { timeout: 90_000 }, async () => {
    const port = await freePort();
    const dir = newDataDir();
    const first = await startServerProcess({ port, dataDir: dir, env: { CHECKPOINT_SECONDS: "1" } });
    const c = await startedClass(first);
    let lastSeq = 0;
    for (const economy of [15, 25, 35, 45, 55]) lastSeq = await acked(c.student, "budget", budget(economy));
    lastSeq = await acked(c.student, "chat", { channel: "public", text: "in the database file" });

    // The database file alone (a copy of it without its -wal) comes to hold every acknowledged entry.
    await until(() => seqsInMainFile(dir, c.gameId)?.at(-1) === lastSeq, 20_000, "the entries in the database file");
    await first.stop("SIGKILL");
    forgetSeats();
    rmSync(join(dir, `${DB_FILE}-wal`), { force: true });
    rmSync(join(dir, `${DB_FILE}-shm`), { force: true });

    const second = await startServerProcess({ port, dataDir: dir });
    expect((await second.api(`/api/games/${c.code}`)).body.status).toBe("running");
    const teacher = await enter(second, c.code, { role: "teacher", teacherKey: c.teacherKey });
    await until(() => teacher.state.teams?.get("ATL")?.economy === 55, 5000, "the last budget");
    const history = await teacher.inbox.wait("chatHistory");
    expect(history.messages.map((m: any) => m.text)).toContain("in the database file");
    expect(second.output).not.toMatch(/damaged|could not bring back/);
  });
});
