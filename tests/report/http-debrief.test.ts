// The debrief over HTTP on a real server: a short game played to the end with
// the real client, then the debrief, CSV downloads, the log (rebuilt into the
// same debrief), the teacher key checks, and deleting the game.
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { debriefFromLog } from "../../shared/report/csv.js";
import { joinStudent, joinTeacher, request, startTestServer, until, type TestServer } from "../server/harness.js";

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.stop();
});

const SETTINGS = { rounds: 1, teams: { mode: "count", value: 2 }, emptySeats: "balance-of-threat", diplomacySeconds: 30, seed: 5 };

describe("debrief endpoints", () => {
  it("serves the debrief, CSVs and log of a finished game, and deletes it", async () => {
    const game = await t.createGame({ scenario: "rival-shores", settings: SETTINGS });
    const client = t.client();
    const teacher = await joinTeacher(client, game.code, game.teacherKey);
    const ann = await joinStudent(client, game.code, "=cmd()");
    const bob = await joinStudent(client, game.code, "Bob");
    expect((await request(teacher.room, teacher.inbox, "start")).ok).toBe(true);
    await until(() => ann.state.phase === "diplomacy", 3000, "diplomacy");
    expect((await request(ann.room, ann.inbox, "offer", { to: "BOR" })).ok).toBe(true);
    expect((await request(bob.room, bob.inbox, "accept", { from: "ATL" })).ok).toBe(true);
    expect((await request(ann.room, ann.inbox, "chat", { channel: "public", text: 'hi, "all"\n=SUM(1)' })).ok).toBe(true);
    expect((await request(teacher.room, teacher.inbox, "advance")).ok).toBe(true);
    await until(() => teacher.state.phase === "review", 3000, "review");
    expect((await request(teacher.room, teacher.inbox, "advance")).ok).toBe(true);
    await until(() => teacher.state.phase === "ended", 3000, "ended");

    const auth = { authorization: `Bearer ${game.teacherKey}` };
    const base = `/api/games/${game.code}`;
    const debrief = await t.api(`${base}/debrief`, { headers: auth });
    expect(debrief.status).toBe(200);
    expect(debrief.body.summary.roundsPlayed).toBe(1);
    // The two teams' alignments first; the six bot-played states apart.
    expect(debrief.body.summary.verdict).toMatch(/^Your teams' 2 alignments were consistent with .* in \d+% of cases \(\d+ of \d+\)/);
    expect(debrief.body.fit.teams.alignments).toBe(2);
    expect(debrief.body.fit.bots.alignments).toBe(6);
    expect(debrief.body.summary.bots).toMatch(/^The bot-played states' 6 alignments were consistent with/);
    expect(debrief.body.chat).toBeNull();
    const revealed = await t.api(`${base}/debrief?revealChat=1&anonymize=1`, { headers: auth });
    expect(revealed.body.chat.map((m: any) => m.from)).toEqual(["Player 1"]);

    const counter = await t.api(`${base}/counterfactuals`, { headers: auth });
    expect(counter.status).toBe(200);
    expect(counter.body.runs).toHaveLength(4);

    const rounds = await fetch(`${t.url}${base}/export/rounds.csv`, { headers: auth });
    expect(rounds.status).toBe(200);
    expect(rounds.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(rounds.headers.get("content-disposition")).toBe(`attachment; filename="entente-${game.code}-rounds.csv"`);
    const roundsBytes = new Uint8Array(await rounds.arrayBuffer());
    expect([...roundsBytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse<any>(Buffer.from(roundsBytes), { columns: true, bom: true });
    expect(rows).toHaveLength(8);
    expect(rows.find((r) => r.state === "ATL").allies.split(" ")).toContain("BOR");

    const events = await fetch(`${t.url}${base}/export/events.csv`, { headers: auth });
    expect(events.status).toBe(200);
    expect(parse<any>(await events.text(), { columns: true, bom: true }).some((e) => e.kind === "allianceFormed")).toBe(true);

    expect((await t.api(`${base}/export/chat.csv`, { headers: auth })).status).toBe(400);
    const chat = await fetch(`${t.url}${base}/export/chat.csv?revealChat=1`, { headers: auth });
    const chatRows = parse<any>(await chat.text(), { columns: true, bom: true });
    expect(chatRows).toEqual([expect.objectContaining({ from: "'=cmd()", text: 'hi, "all"\n=SUM(1)' })]);

    const log = await t.api(`${base}/log.json`, { headers: auth });
    expect(log.status).toBe(200);
    expect(log.body.format).toBe("entente-log/1");
    expect(debriefFromLog(log.body).debrief).toEqual(debrief.body);

    // Keys: none, and another teacher's.
    expect((await t.api(`${base}/debrief`)).status).toBe(401);
    const other = { authorization: `Bearer ${"x".repeat(32)}` };
    for (const path of ["/debrief", "/export/rounds.csv", "/log.json", "/counterfactuals"]) {
      expect((await t.api(`${base}${path}`, { headers: other })).status).toBe(404);
    }
    expect((await t.api(base, { method: "DELETE", headers: other })).status).toBe(404);
    expect((await t.api(base, { method: "DELETE" })).status).toBe(401);

    // Delete: the game, its log and its report are gone, and the teacher's list no longer shows it.
    const del = await t.api(base, { method: "DELETE", headers: auth });
    expect(del.status).toBe(200);
    expect(del.body).toMatchObject({ deleted: true, code: game.code });
    expect(await t.server.store.game(game.gameId)).toBeNull();
    expect(await t.server.store.entries(game.gameId)).toEqual([]);
    expect((await t.api(`${base}/report`, { headers: auth })).status).toBe(404);
    expect((await t.api(`${base}/debrief`, { headers: auth })).status).toBe(404);
    const list = await t.api("/api/teacher/games", { headers: auth });
    expect(list.body.games.map((x: any) => x.code)).not.toContain(game.code);
  });

  it("deletes a running game after closing its room", async () => {
    const game = await t.createGame({ scenario: "rival-shores", settings: SETTINGS });
    const client = t.client();
    const teacher = await joinTeacher(client, game.code, game.teacherKey);
    expect((await request(teacher.room, teacher.inbox, "start")).ok).toBe(true);
    const auth = { authorization: `Bearer ${game.teacherKey}` };
    const del = await t.api(`/api/games/${game.code}`, { method: "DELETE", headers: auth });
    expect(del.status).toBe(200);
    const { matchMaker } = await import("@colyseus/core");
    await until(() => !matchMaker.getLocalRoomById(game.code), 3000, "room gone");
    expect(await t.server.store.game(game.gameId)).toBeNull();
    expect(await t.server.store.entries(game.gameId)).toEqual([]);
  });
});
