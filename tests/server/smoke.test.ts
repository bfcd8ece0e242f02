// A first end-to-end pass: a teacher creates a game over HTTP, students join by code, the round runs.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Inbox, request, startTestServer, until, type TestServer } from "./harness.js";

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.stop();
});

describe("a class on the server", () => {
  it("creates a game, lets students join in teams and resolves a round when all are ready", async () => {
    const game = await t.createGame({ scenario: "rival-shores", settings: { teams: { mode: "count", value: 2 }, diplomacySeconds: 120 } });
    expect(game.code).toMatch(/^[A-Z2-9]{6}$/);
    const client = t.client();
    const teacher = await client.joinById(game.code, { role: "teacher", teacherKey: game.teacherKey });
    const tInbox = new Inbox(teacher);
    const ann = await client.joinById(game.code, { role: "student", nickname: "Ann" });
    const aInbox = new Inbox(ann);
    const bob = await client.joinById(game.code, { role: "student", nickname: "Bob" });
    const bInbox = new Inbox(bob);
    const annWelcome = await aInbox.wait("welcome");
    const bobWelcome = await bInbox.wait("welcome");
    expect(annWelcome.state).not.toBe(bobWelcome.state);
    expect(annWelcome.rejoinKey).toMatch(/^[A-Za-z0-9_-]{22,}$/);

    expect((await request(teacher, tInbox, "start")).ok).toBe(true);
    const state = ann.state;
    await until(() => state.phase === "diplomacy", 3000, "diplomacy");
    expect((await request(ann, aInbox, "budget", { economy: 60, defense: 30, offense: 10 })).ok).toBe(true);
    await until(() => state.teams.get(annWelcome.state)?.economy === 60, 3000, "draft mirrored");
    const refused = await request(ann, aInbox, "start");
    expect(refused.ok).toBe(false);
    expect(refused.body.code).toBe("not-allowed");
    await request(ann, aInbox, "ready", { ready: true });
    await request(bob, bInbox, "ready", { ready: true });
    await until(() => state.phase === "review", 3000, "review");
    expect(state.round).toBe(1);
  });
});
