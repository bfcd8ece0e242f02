// The commands of one event-loop turn are stored together (GameStore.append, used by the room): all of
// them or none, so that a failed write refuses the whole turn and the log never holds half of it.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { LogEntry } from "../../shared/classroom/types.js";
import { builtinScenarios } from "../../shared/scenario/builtin/index.js";
import { openDatabase } from "../../server/storage/database.js";
import { StorageError } from "../../server/storage/faults.js";
import { SqliteStore } from "../../server/storage/sqlite-store.js";

let dir: string;
let store: SqliteStore;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), "entente-batched-"));
  store = new SqliteStore(openDatabase(dir), { host: "here", leaseMs: 10_000 });
  await store.createGame({ id: "g1", code: "ABCDEF", teacherHash: "h", title: "t", scenario: builtinScenarios()[0]!, settings: {} as never, createdAt: 1 });
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const chat = (seq: number): LogEntry => ({ seq, at: 1000 + seq, actor: { kind: "teacher" }, command: { type: "chat", channel: "all", text: `message ${seq}` } });

describe("storing a turn's commands together", () => {
  it("stores them in order and records the last as the game's", async () => {
    await store.append("g1", [chat(1)]);
    await store.append("g1", [chat(2), chat(3), chat(4)]);
    expect((await store.entries("g1")).map((e) => [e.seq, e.at])).toEqual([1, 2, 3, 4].map((s) => [s, chat(s).at]));
  });

  it("stores none of them when one cannot be stored, and says so with a StorageError", async () => {
    await store.append("g1", [chat(1), chat(2)]);
    // Entry 2 is already stored: the batch's second entry breaks the log's key, so the first must not stay either.
    await expect(store.append("g1", [chat(3), chat(2), chat(4)])).rejects.toThrow(StorageError);
    expect((await store.entries("g1")).map((e) => e.seq)).toEqual([1, 2]);
    await store.append("g1", [chat(3)]);
    expect((await store.entries("g1")).map((e) => e.seq)).toEqual([1, 2, 3]);
  });
});
