// Guessing: join codes (on the code look-up and on joins), the teacher
// passcode and teacher keys used to be tried hundreds of times a second. Each
// is now limited per address (server/guard/limits.ts), with 429 and
// Retry-After on the API and 4429 on joins; and a teacher key must be one this
// server made. The server trusts the loopback proxy so that each test speaks
// from its own address.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LIMITS } from "../../server/guard/limits.js";
import { joinError, startTestServer, type TestServer } from "../server/harness.js";

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer({ trustProxy: "loopback", teacherPasscode: "correct horse" });
});
afterAll(async () => {
  await t.stop();
});

const from = (address: string, init: RequestInit = {}): RequestInit => ({ ...init, headers: { ...(init.headers as Record<string, string>), "x-forwarded-for": address } });
const json = (body: unknown) => ({ method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
const wrongCode = (i: number) => `ZZZ${String(i).padStart(3, "2").replace(/[01]/g, "2")}`.slice(0, 6);

describe("join codes", () => {
  it("are looked up at most a few dozen wrong times a minute per address, then 429 with Retry-After", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < LIMITS.wrongCodesPerAddress.points + 5; i++) statuses.push((await t.api(`/api/games/${wrongCode(i)}`, from("10.1.0.1"))).status);
    expect(statuses.slice(0, LIMITS.wrongCodesPerAddress.points)).toEqual(Array(LIMITS.wrongCodesPerAddress.points).fill(404));
    expect(statuses.slice(LIMITS.wrongCodesPerAddress.points)).toEqual([429, 429, 429, 429, 429]);
    const res = await fetch(`${t.url}/api/games/ZZZZZZ`, from("10.1.0.1"));
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(0);
    // Joins from the same address are held to the same count.
    const client = t.client();
    client.http.headers = { "x-forwarded-for": "10.1.0.1" };
    expect((await joinError(client.joinById("ZZZZZZ", { role: "projector" }))).code).toBe(4429);
    // Another address is not affected.
    expect((await t.api("/api/games/ZZZZZZ", from("10.1.0.2"))).status).toBe(404);
  });

  it("guessed through joins count too", async () => {
    const client = t.client();
    client.http.headers = { "x-forwarded-for": "10.2.0.1" };
    const codes: number[] = [];
    for (let i = 0; i < LIMITS.wrongCodesPerAddress.points + 2; i++) codes.push((await joinError(client.joinById(wrongCode(i), { role: "projector" }))).code);
    expect(codes.slice(0, LIMITS.wrongCodesPerAddress.points).every((c) => c === 4212)).toBe(true);
    expect(codes.slice(-2)).toEqual([4429, 4429]);
    expect((await t.api("/api/games/ZZZZZZ", from("10.2.0.1"))).status).toBe(429);
  });
});

describe("the teacher passcode", () => {
  it("is refused with 429 after a few wrong tries, even when the right one comes", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < LIMITS.wrongPasscodesPerAddress.points + 1; i++) {
      statuses.push((await t.api("/api/games", from("10.3.0.1", json({ scenario: "rival-shores", passcode: `guess ${i}` })))).status);
    }
    expect(statuses).toEqual([...Array(LIMITS.wrongPasscodesPerAddress.points).fill(403), 429]);
    expect((await t.api("/api/games", from("10.3.0.1", json({ scenario: "rival-shores", passcode: "correct horse" })))).status).toBe(429);
    expect((await t.api("/api/games", from("10.3.0.2", json({ scenario: "rival-shores", passcode: "correct horse" })))).status).toBe(201);
  });
});

describe("teacher keys", () => {
  it("must be made by this server: a chosen key is refused", async () => {
    const chosen = await t.api("/api/games", from("10.4.0.1", json({ scenario: "rival-shores", passcode: "correct horse", teacherKey: "a".repeat(22) })));
    expect(chosen.status).toBe(403);
    expect(chosen.body.error.code).toBe("unknown-teacher-key");
    const made = await t.api("/api/games", from("10.4.0.1", json({ scenario: "rival-shores", passcode: "correct horse" })));
    expect(made.status).toBe(201);
    const again = await t.api("/api/games", from("10.4.0.1", json({ scenario: "rival-shores", passcode: "correct horse", teacherKey: made.body.teacherKey })));
    expect(again.status).toBe(201);
  });

  it("are tried at most a few times per address, over HTTP and joins together", async () => {
    const game = (await t.api("/api/games", from("10.5.0.9", json({ scenario: "rival-shores", passcode: "correct horse" })))).body;
    const statuses: number[] = [];
    const half = LIMITS.wrongKeysPerAddress.points / 2;
    for (let i = 0; i < half; i++) {
      statuses.push((await t.api(`/api/games/${game.code}/report`, from("10.5.0.1", { headers: { authorization: `Bearer ${"k".repeat(30)}${i}` } }))).status);
    }
    expect(statuses.every((s) => s === 404)).toBe(true);
    const client = t.client();
    client.http.headers = { "x-forwarded-for": "10.5.0.1" };
    for (let i = 0; i < half; i++) expect((await joinError(client.joinById(game.code, { role: "teacher", teacherKey: `${"q".repeat(30)}${i}` }))).code).toBe(4403);
    // Over the limit: even the right key waits, on both paths.
    expect((await t.api(`/api/games/${game.code}/report`, from("10.5.0.1", { headers: { authorization: `Bearer ${game.teacherKey}` } }))).status).toBe(429);
    expect((await joinError(client.joinById(game.code, { role: "teacher", teacherKey: game.teacherKey }))).code).toBe(4429);
    // The teacher at another address is not locked out.
    expect((await t.api(`/api/games/${game.code}/report`, from("10.5.0.2", { headers: { authorization: `Bearer ${game.teacherKey}` } }))).status).toBe(200);
  });
});
