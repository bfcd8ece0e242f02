// Deleting a game leaves nothing readable: its nicknames and chat are in none
// of the data folder's files, neither while the server runs nor after it stops.
// And a finished game's room, still open for its end screens, closes with it.
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { until } from "../server/harness.js";
import { acked, freePort, joinVia, startServerProcess, stopAllProcesses } from "../server/processes.js";
import { budget, enter, forgetSeats, startedClass } from "./classes.js";
import { filesContaining, newDataDir, removeDataDirs } from "./data-folder.js";

afterEach(async () => {
  forgetSeats();
  await stopAllProcesses();
});
afterAll(removeDataDirs);

describe("deleting a game", () => {
  it("leaves its nicknames and chat in no file of the data folder, while the server runs and after it stops", { timeout: 90_000 }, async () => {
    const dir = newDataDir();
    const port = await freePort();
    const first = await startServerProcess({ port, dataDir: dir });
    const nickname = "Zephyrine Quokkaberg";
    const chat = "the walrus sings at dawn 7731";
    const doomed = await startedClass(first, nickname);
    await acked(doomed.student, "chat", { channel: "public", text: chat });
    for (const economy of [20, 30, 40]) await acked(doomed.student, "budget", budget(economy));
    // Another class, which stays.
    const kept = await startedClass(first, "Kept Kestrel");
    await acked(kept.student, "chat", { channel: "public", text: "this one stays 4410" });
    // A clean stop folds everything into the database file, as time and checkpoints would.
    expect(await first.stop("SIGTERM")).toEqual({ code: 0, signal: null });
    forgetSeats();
    expect(filesContaining(dir, chat)).toEqual(["entente.sqlite"]);

    const server = await startServerProcess({ port, dataDir: dir });
    const del = await server.api(`/api/games/${doomed.code}`, { method: "DELETE", teacherKey: doomed.teacherKey });
    expect(del.status).toBe(200);
    expect(filesContaining(dir, nickname)).toEqual([]);
    expect(filesContaining(dir, chat)).toEqual([]);

    expect(await server.stop("SIGTERM")).toEqual({ code: 0, signal: null });
    expect(filesContaining(dir, nickname)).toEqual([]);
    expect(filesContaining(dir, chat)).toEqual([]);
    expect(filesContaining(dir, "this one stays 4410")).toEqual(["entente.sqlite"]);
  });

  it("closes a finished game's room that is still open for its end screens", { timeout: 90_000 }, async () => {
    const server = await startServerProcess({ port: await freePort(), dataDir: newDataDir() });
    const c = await startedClass(server);
    await acked(c.teacher, "advance");
    await until(() => c.teacher.state.phase === "review", 5000, "review");
    await acked(c.teacher, "end");
    await until(() => c.student.state.phase === "ended", 5000, "ended");
    // The end screens are up: the room is still open and its chat works.
    await acked(c.student, "chat", { channel: "public", text: "good game" });
    const late = await enter(server, c.code, { role: "projector" });

    const del = await server.api(`/api/games/${c.code}`, { method: "DELETE", teacherKey: c.teacherKey });
    expect(del.status).toBe(200);
    await until(() => c.student.leftWith !== null && c.teacher.leftWith !== null && late.leftWith !== null, 5000, "everyone disconnected");
    await expect(joinVia(server.wsUrl, c.code, { role: "projector" })).rejects.toMatchObject({ code: 4212 });
    expect((await server.api(`/api/games/${c.code}`)).status).toBe(404);
  });
});
