// The HTTP API: health, scenarios and their validation, creating games (and its
// errors), looking a game up by code, the teacher's list, unknown paths.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { joinStudent, joinTeacher, request, sqliteOf, startTestServer, until, type TestServer } from "./harness.js";

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.stop();
});

const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/json", ...headers },
  body: typeof body === "string" ? body : JSON.stringify(body),
});

/** A small valid scenario, as a teacher would upload it. */
function tinyScenario(): Record<string, any> {
  return {
    id: "tiny-world",
    title: "Tiny World",
    rounds: 2,
    states: [
      { id: "AAA", name: "Alpha", military: 10, economy: 10, position: [0, 0], offensive: 0.3 },
      { id: "BBB", name: "Beta", military: 8, economy: 12, position: [500, 0], offensive: 0.2 },
      { id: "CCC", name: "Gamma", military: 5, economy: 6, position: [0, 500], offensive: 0.1 },
    ],
    borders: [["AAA", "BBB"]],
    crises: [{ id: "storm", title: "Storm", text: "A storm hits Gamma.", round: 2, effects: [{ state: "CCC", economy: -10 }] }],
  };
}

describe("health and scenarios", () => {
  it("answers the health check", async () => {
    const r = await t.api("/api/health");
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ ok: true, host: "local" });
    expect(typeof r.body.uptimeSeconds).toBe("number");
  });

  it("lists the four built-in scenarios", async () => {
    const r = await t.api("/api/scenarios");
    expect(r.status).toBe(200);
    const ids = r.body.scenarios.map((s: any) => s.id).sort();
    expect(ids).toEqual(["cold-war-1947", "europe-1914", "europe-1936", "rival-shores"]);
    const rival = r.body.scenarios.find((s: any) => s.id === "rival-shores");
    expect(rival).toMatchObject({ title: "Rival Shores (fictional)", rounds: 6 });
    expect(rival.states).toHaveLength(8);
    expect(rival.states[0]).toEqual({ id: "ATL", name: "Atlantia" });
    expect(rival.crises.map((c: any) => c.id)).toEqual(["oil-embargo", "atlantian-election", "harvest-failure"]);
    for (const s of r.body.scenarios) {
      expect(s.states.length).toBeGreaterThanOrEqual(3);
      expect(typeof s.description).toBe("string");
    }
  });

  it("validates a scenario: ok for a valid one, every path-named error for a broken one", async () => {
    const ok = await t.api("/api/scenarios/validate", json({ scenario: tinyScenario() }));
    expect(ok.status).toBe(200);
    expect(ok.body).toEqual({ ok: true, id: "tiny-world", title: "Tiny World", states: 3 });

    const broken = tinyScenario();
    broken.states[1].military = -4;
    broken.states[2].id = "AAA";
    broken.alliances = [["AAA", "ZZZ"]];
    broken.rounds = 0;
    broken.colour = "red";
    const bad = await t.api("/api/scenarios/validate", json({ scenario: broken }));
    expect(bad.status).toBe(200);
    expect(bad.body.ok).toBe(false);
    const errors: string[] = bad.body.errors;
    expect(errors).toContain("states[1].military: must be a positive number");
    expect(errors).toContain('states[2].id: duplicate id "AAA" (also states[0])');
    expect(errors).toContain('alliances[0][1]: unknown state id "ZZZ"');
    expect(errors.some((e) => e.startsWith("rounds: "))).toBe(true);
    expect(errors).toContain('scenario: unknown field "colour"');

    const notObject = await t.api("/api/scenarios/validate", json({ scenario: [1, 2] }));
    expect(notObject.body).toEqual({ ok: false, errors: ["scenario: must be a JSON object"] });
    const missing = await t.api("/api/scenarios/validate", json({ nothing: true }));
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe("bad-request");
  });
});

describe("creating a game", () => {
  it("creates a game from a built-in scenario with the defaults and a new teacher key", async () => {
    const r = await t.api("/api/games", json({ scenario: "europe-1914" }));
    expect(r.status).toBe(201);
    expect(r.body.code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ23456789]{6}$/);
    expect(r.body.teacherKey).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(r.body.teacherKeyIsNew).toBe(true);
    expect(r.body.settings).toMatchObject({ diplomacySeconds: 300, chatMode: "open", scoring: "standard", teams: { mode: "count", value: 4 }, emptySeats: "balance-of-threat" });
    expect(Number.isInteger(r.body.settings.seed)).toBe(true);
    const lookup = await t.api(`/api/games/${r.body.code}`);
    expect(lookup).toMatchObject({ status: 200, body: { code: r.body.code, status: "running" } });
  });

  it("refuses an unknown scenario (404), an invalid upload (422), bad JSON (400) and bad settings (400)", async () => {
    const unknown = await t.api("/api/games", json({ scenario: "atlantis-2050" }));
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatchObject({ code: "unknown-scenario" });
    expect(unknown.body.error.message).toContain("atlantis-2050");

    const broken = tinyScenario();
    broken.states[0].offensive = 2;
    const invalid = await t.api("/api/games", json({ scenario: broken }));
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.code).toBe("invalid-scenario");
    expect(invalid.body.error.errors).toContain("states[0].offensive: must be a number between 0 and 1");
    expect(invalid.body.error.message).toBe("The scenario file has an error: fix it in the file and choose it again.");

    const badJson = await t.api("/api/games", json('{"scenario": "rival-shores",'));
    expect(badJson.status).toBe(400);
    expect(badJson.body.error.code).toBe("bad-json");

    for (const settings of [
      { diplomacySeconds: 5 },
      { diplomacySeconds: 30.5 },
      { rounds: 0 },
      { rounds: 31 },
      { chatMode: "loud" },
      { scoring: "points" },
      { teams: { mode: "count", value: 0 } },
      { teams: { mode: "pairs", value: 2 } },
      { emptySeats: "robots" },
      { seed: -1 },
      { speed: "fast" },
    ]) {
      const r = await t.api("/api/games", json({ scenario: "rival-shores", settings }));
      expect(r.status, JSON.stringify(settings)).toBe(400);
      expect(r.body.error.code).toBe("bad-request");
      // In words, naming the setting at fault.
      expect(r.body.error.message).toMatch(/^A setting is not allowed \(settings\b/);
    }
    const noScenario = await t.api("/api/games", json({}));
    expect(noScenario.status).toBe(400);
    expect(noScenario.body.error.message).toMatch(/\(scenario\b/);
    const extra = await t.api("/api/games", json({ scenario: "rival-shores", admin: true }));
    expect(extra.status).toBe(400);
    const badKey = await t.api("/api/games", json({ scenario: "rival-shores", teacherKey: "short" }));
    expect(badKey.status).toBe(400);
    expect(badKey.body.error.code).toBe("bad-teacher-key");
    expect(badKey.body.error.message).toMatch(/^That is not a teacher key\. .*paste it without spaces\.$/);
    // None of these created a game.
    expect(sqliteOf(t.server).prepare("SELECT COUNT(*) AS n FROM games WHERE title = 'Tiny World'").get()).toEqual({ n: 0 });
  });

  it("makes a playable game from an uploaded scenario", async () => {
    const r = await t.api("/api/games", json({ scenario: tinyScenario(), settings: { teams: { mode: "count", value: 2 }, emptySeats: "random", diplomacySeconds: 60 } }));
    expect(r.status).toBe(201);
    expect(r.body.settings.rounds).toBe(2);
    const client = t.client();
    const teacher = await joinTeacher(client, r.body.code, r.body.teacherKey);
    expect(teacher.state.title).toBe("Tiny World");
    expect(teacher.state.scenarioId).toBe("tiny-world");
    expect(teacher.welcome.crises).toEqual([{ id: "storm", title: "Storm", round: 2, fired: false }]);
    const ann = await joinStudent(client, r.body.code, "Ann");
    const bob = await joinStudent(client, r.body.code, "Bob");
    expect([ann.welcome.state, bob.welcome.state]).toEqual(["AAA", "BBB"]);
    expect(teacher.state.states.get("CCC").control).toBe("random");
    expect((await request(teacher.room, teacher.inbox, "start")).ok).toBe(true);
    await until(() => ann.state.phase === "diplomacy", 3000, "diplomacy");
    expect((await request(ann.room, ann.inbox, "offer", { to: "BBB" })).ok).toBe(true);
    expect((await request(bob.room, bob.inbox, "accept", { from: "AAA" })).ok).toBe(true);
    expect((await request(ann.room, ann.inbox, "ready", { ready: true })).ok).toBe(true);
    expect((await request(bob.room, bob.inbox, "ready", { ready: true })).ok).toBe(true);
    await until(() => teacher.state.phase === "review", 3000, "review");
    expect([...teacher.state.alliances]).toContain("AAA|BBB");
    expect((await request(teacher.room, teacher.inbox, "advance")).ok).toBe(true);
    const storm = await ann.inbox.wait("event", (m) => m.event.type === "crisis");
    expect(storm.event.id).toBe("storm");
    const report = await t.api(`/api/games/${r.body.code}/report`, { headers: { authorization: `Bearer ${r.body.teacherKey}` } });
    expect(report.status).toBe(200);
    expect(report.body.scenario).toEqual({ id: "tiny-world", title: "Tiny World" });
  });
});

describe("looking games up", () => {
  it("gives a clear 404 for a code no game has, and 400 for something that is not a code", async () => {
    const none = await t.api("/api/games/ZZZZZZ");
    expect(none.status).toBe(404);
    expect(none.body.error.code).toBe("unknown-code");
    expect(none.body.error.message).toContain("ZZZZZZ");
    const notCode = await t.api("/api/games/12");
    expect(notCode.status).toBe(400);
    expect(notCode.body.error.code).toBe("bad-code");
    const confusable = await t.api("/api/games/ABCDE0"); // 0 is not in the alphabet
    expect(confusable.status).toBe(400);
  });

  it("normalizes a typed code (case, spaces, dashes)", async () => {
    const g = await t.createGame({ scenario: "rival-shores" });
    const typed = `${g.code.slice(0, 3).toLowerCase()}-${g.code.slice(3).toLowerCase()}`;
    const r = await t.api(`/api/games/${encodeURIComponent(" " + typed + " ")}`);
    expect(r).toMatchObject({ status: 200, body: { code: g.code, title: "Rival Shores (fictional)", status: "running" } });
  });

  it("answers unknown API paths with JSON 404s", async () => {
    for (const [path, init] of [
      ["/api/nope", undefined],
      ["/api/games", undefined],
      ["/api/scenarios/rival-shores", undefined],
      ["/api/games/ABCDEF/delete", { method: "POST" }],
    ] as const) {
      const r = await t.api(path, init);
      expect(r.status, path).toBe(404);
      expect(r.body.error, path).toMatchObject({ code: "not-found" });
    }
    const del = await t.api("/api/health", { method: "DELETE" });
    expect(del.status).toBe(404);
    expect(del.body.error.code).toBe("not-found");
  });

  it("lists a teacher's games together when a game is created with an existing teacher key", async () => {
    const first = await t.createGame({ scenario: "rival-shores" });
    const second = await t.api("/api/games", json({ scenario: "cold-war-1947", teacherKey: first.teacherKey }));
    expect(second.status).toBe(201);
    expect(second.body.teacherKey).toBe(first.teacherKey);
    expect(second.body.teacherKeyIsNew).toBe(false);
    const other = await t.createGame({ scenario: "europe-1936" });

    const list = await t.api("/api/teacher/games", { headers: { authorization: `Bearer ${first.teacherKey}` } });
    expect(list.status).toBe(200);
    const codes = list.body.games.map((g: any) => g.code);
    expect(codes.sort()).toEqual([first.code, second.body.code].sort());
    expect(codes).not.toContain(other.code);
    // Newest first.
    const created = list.body.games.map((g: any) => g.createdAt);
    expect(created[0]).toBeGreaterThanOrEqual(created[1]);
    expect(list.body.games.find((g: any) => g.code === second.body.code)).toMatchObject({ scenarioId: "cold-war-1947", status: "running", finishedAt: null });
    // The same key opens both rooms as teacher.
    const client = t.client();
    await joinTeacher(client, first.code, first.teacherKey);
    await joinTeacher(client, second.body.code, first.teacherKey);

    expect((await t.api("/api/teacher/games")).status).toBe(401);
    expect((await t.api("/api/teacher/games", { headers: { authorization: "Bearer !!" } })).status).toBe(401);
    const stranger = await t.api("/api/teacher/games", { headers: { authorization: `Bearer ${"k".repeat(40)}` } });
    expect(stranger).toMatchObject({ status: 200, body: { games: [] } });
  });
});
