// A server that cannot use its data folder at start says so in one sentence
// (the path, and what to do) and exits with code 1: no stack trace. Real
// processes on real folders: read-only, on a "full disk" (ulimit -f), or with a
// database file that is random bytes.
import { randomBytes } from "node:crypto";
import { chmodSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it, type TestContext } from "vitest";
import { freePort, spawnServerProcess, startServerProcess, stopAllProcesses, type ServerProcessOptions } from "../server/processes.js";
import { cannotRunAs, DB_FILE, newDataDir, removeDataDirs, unprivileged } from "./data-folder.js";

afterEach(stopAllProcesses);
afterAll(removeDataDirs);

/** Starts a server that is expected to refuse to start; resolves with its exit and everything it printed. */
async function failedStart(options: Omit<ServerProcessOptions, "port">): Promise<{ code: number | null; output: string }> {
  const server = spawnServerProcess({ port: await freePort(), ...options });
  const exit = await server.exited;
  return { code: exit.code, output: server.output.trim() };
}

/** One sentence on one line, no stack trace, naming `path`. */
function expectOneSentence(output: string, path: string): void {
  expect(output.split("\n"), output).toHaveLength(1);
  expect(output).not.toMatch(/\bat .*:\d+:\d+/);
  expect(output).toContain(path);
}

describe("start-up with a data folder the server cannot use", () => {
  it("a damaged database file (random bytes): names the file and says to restore a backup", { timeout: 60_000 }, async () => {
    const dir = newDataDir();
    writeFileSync(join(dir, DB_FILE), randomBytes(64 * 1024));
    const { code, output } = await failedStart({ dataDir: dir });
    expect(code).toBe(1);
    expectOneSentence(output, join(dir, DB_FILE));
    expect(output).toMatch(/damaged or is not an Entente database.*backup/);
  });

  it("a full disk (a file size limit): names the folder and says to free space", { timeout: 60_000 }, async () => {
    const dir = newDataDir();
    const { code, output } = await failedStart({ dataDir: dir, fileSizeLimitKb: 2 });
    expect(code).toBe(1);
    expectOneSentence(output, dir);
    expect(output).toMatch(/disk is full.*free some space/i);
  });

  it("a read-only data folder, after a crash left its files: names the folder and says to make it writable", { timeout: 60_000 }, async (ctx) => {
    const dir = newDataDir();
    const first = await startServerProcess({ port: await freePort(), dataDir: dir });
    await first.createGame({ scenario: "rival-shores" });
    await first.stop("SIGKILL");
    expect(readdirSync(dir)).toContain(`${DB_FILE}-wal`);
    for (const name of readdirSync(dir)) chmodSync(join(dir, name), 0o444);
    chmodSync(dir, 0o555);
    const user = serverUser(ctx);
    const { code, output } = await failedStart({ dataDir: dir, ...(user ? { user } : {}) });
    expect(code).toBe(1);
    expectOneSentence(output, dir);
    expect(output).toMatch(/read-only.*write permission/);
  });

  it("a read-only database file in a writable folder: the same sentence", { timeout: 60_000 }, async (ctx) => {
    const dir = newDataDir();
    const first = await startServerProcess({ port: await freePort(), dataDir: dir });
    await first.createGame({ scenario: "rival-shores" });
    expect(await first.stop("SIGTERM")).toEqual({ code: 0, signal: null });
    chmodSync(join(dir, DB_FILE), 0o444);
    chmodSync(dir, 0o777);
    const user = serverUser(ctx);
    const { code, output } = await failedStart({ dataDir: dir, ...(user ? { user } : {}) });
    expect(code).toBe(1);
    expectOneSentence(output, dir);
    expect(output).toMatch(/read-only.*write permission/);
  });
});

/** Whom to start the server as for a read-only case: nobody when the tests run as root (root ignores permissions); skips the test, saying why, where nobody cannot run it. */
function serverUser(ctx: TestContext): { uid: number; gid: number } | undefined {
  const user = unprivileged();
  const blocked = user ? cannotRunAs(user) : null;
  if (blocked) {
    console.warn(`skipped: ${blocked}`);
    ctx.skip();
  }
  return user;
}

describe("start-up with a port or a setting the server cannot use", () => {
  it("a port another program holds: one sentence naming the port and what to do", { timeout: 60_000 }, async () => {
    const port = await freePort();
    await startServerProcess({ port, dataDir: newDataDir() });
    const second = spawnServerProcess({ port, dataDir: newDataDir() });
    const exit = await second.exited;
    expect(exit.code).toBe(1);
    expect(second.output.trim().split("\n")).toHaveLength(1);
    expect(second.output).toContain(`port ${port} is already in use`);
  });

  it("a DATABASE_URL that is not a PostgreSQL address: one sentence, without its password", { timeout: 60_000 }, async () => {
    const { code, output } = await failedStart({ dataDir: newDataDir(), env: { DATABASE_URL: "mysql://entente:hunter2@db.school.example/entente" } });
    expect(code).toBe(1);
    expect(output.split("\n")).toHaveLength(1);
    expect(output).toMatch(/^Entente cannot start: DATABASE_URL must be a PostgreSQL address such as postgres:\/\//);
    expect(output).not.toContain("hunter2");
  });

  it("a PostgreSQL server that cannot be reached: one sentence naming it and what to do, without the password", { timeout: 60_000 }, async () => {
    const port = await freePort(); // nothing listens there
    const { code, output } = await failedStart({ dataDir: newDataDir(), env: { DATABASE_URL: `postgres://entente:hunter2@127.0.0.1:${port}/entente` } });
    expect(code).toBe(1);
    expectOneSentence(output, `127.0.0.1:${port}/entente`);
    expect(output).toMatch(/^Entente cannot start: the PostgreSQL server at .* \(DATABASE_URL\) cannot be reached \(.*ECONNREFUSED.*\); check that it runs/);
    expect(output).not.toContain("hunter2");
  });

  it("a malformed setting: one sentence naming it", { timeout: 60_000 }, async () => {
    const { code, output } = await failedStart({ dataDir: newDataDir(), env: { ALLOWED_ORIGINS: "games.school.example" } });
    expect(code).toBe(1);
    expect(output.split("\n")).toHaveLength(1);
    expect(output).toMatch(/^Entente cannot start: ALLOWED_ORIGINS: "games.school.example"/);
  });
});
