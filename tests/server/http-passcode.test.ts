// A server started with TEACHER_PASSCODE: creating a game needs it; everything
// else (students joining, lookups) does not.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { joinStudent, joinTeacher, sqliteOf, startTestServer, type TestServer } from "./harness.js";

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ teacherPasscode: "x" });
});
afterAll(async () => {
  await t.stop();
});

const post = (body: unknown): RequestInit => ({ method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

describe("TEACHER_PASSCODE", () => {
  it("refuses to create a game without the passcode or with a wrong one (403), and creates one with it (201)", async () => {
    const without = await t.api("/api/games", post({ scenario: "rival-shores" }));
    expect(without.status).toBe(403);
    expect(without.body.error.code).toBe("passcode");
    expect(without.body.error.message).toMatch(/^This server asks for a passcode .*Type it under 'Server passcode'/);
    const wrong = await t.api("/api/games", post({ scenario: "rival-shores", passcode: "y" }));
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.message).toMatch(/^That passcode is not the right one\./);
    const empty = await t.api("/api/games", post({ scenario: "rival-shores", passcode: "" }));
    expect(empty.status).toBe(403);
    expect(sqliteOf(t.server).prepare("SELECT COUNT(*) AS n FROM games").get()).toEqual({ n: 0 });

    const ok = await t.api("/api/games", post({ scenario: "rival-shores", passcode: "x" }));
    expect(ok.status).toBe(201);
    // The passcode is for creating games only: the teacher key, lookups and joining work as usual.
    const client = t.client();
    const teacher = await joinTeacher(client, ok.body.code, ok.body.teacherKey);
    expect(teacher.welcome.role).toBe("teacher");
    const ann = await joinStudent(client, ok.body.code, "Ann");
    expect(ann.welcome.state).toBe("ATL");
    expect((await t.api(`/api/games/${ok.body.code}`)).status).toBe(200);
    expect((await t.api("/api/scenarios")).status).toBe(200);
  });
});
