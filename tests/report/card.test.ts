// The student's report card: their rows of the debrief, their fit, a reflection
// question from their own game, and the HTTP route that serves it by rejoin key.
import { describe, expect, it } from "vitest";
import { buildReportCard, reflectionQuestion } from "../../shared/report/card.js";
import { buildDebrief } from "../../shared/report/debrief.js";
import { GameBuilder, handGame } from "./fixtures.js";
import { Inbox, request, startTestServer, until } from "../server/harness.js";

describe("report card", () => {
  it("holds exactly the student's state's rounds, with a fit that counts them", () => {
    const g = handGame();
    const card = buildReportCard(g.room, "s1")!;
    const state = g.room.students.s1!.state!;
    expect(card.state).toBe(state);
    expect(card.nickname).toBe("Ann");
    const rows = buildDebrief(g.room, { revealChat: false, anonymize: false }).theoryTable.filter((r) => r.state === state);
    expect(card.rounds).toEqual(rows);
    expect(card.rounds.map((r) => r.round)).toEqual([1, 2]);
    const threat = rows.filter((r) => r.matched.balanceOfThreat).length;
    expect(card.fit["balance-of-threat"]).toEqual({ matched: threat, predicted: rows.length });
    expect(card.rank).toBeGreaterThanOrEqual(1);
    expect(card.rank).toBeLessThanOrEqual(card.of);
    expect(card.reflection.length).toBeGreaterThan(20);
  });

  it("nobody else's card: unknown, removed or teamless students get none", () => {
    const g = handGame();
    expect(buildReportCard(g.room, "nobody")).toBeNull();
    expect(buildReportCard(g.room, "constructor")).toBeNull();
    const early = new GameBuilder();
    early.join("s1", "Ann").join("s2", "Bob").teacher({ type: "kick", studentId: "s2" });
    expect(buildReportCard(early.room, "s2")).toBeNull();
    expect(buildReportCard(early.room, "s1")).not.toBeNull();
  });

  it("the reflection question follows the game: a divergent round first, then standing alone, then bandwagoning", () => {
    const rows = buildDebrief(handGame().room, { revealChat: false, anonymize: false }).theoryTable;
    const name = (id: string) => id;
    const divergent = rows.filter((r) => r.predictions.divergent && r.predictions.balanceOfPower.against !== null);
    if (divergent.length > 0) expect(reflectionQuestion(divergent, name)).toMatch(/theories disagreed/);
    const calm = rows.filter((r) => !r.predictions.divergent);
    const alone = calm.map((r) => ({ ...r, matched: { ...r.matched, alone: true, theories: [], bandwagon: false } }));
    expect(reflectionQuestion(alone, name)).toMatch(/stood alone in \d+ of \d+ rounds/);
    const band = calm.map((r) => ({ ...r, matched: { ...r.matched, alone: false, bandwagon: true, theories: ["bandwagon" as const] } }));
    expect(reflectionQuestion(band, name)).toMatch(/allied with its top threat/);
    expect(reflectionQuestion([], name)).toMatch(/Which of the three theories/);
  });

  it("is served over HTTP with the student's rejoin key, and to no one else", async () => {
    const t = await startTestServer();
    try {
      const game = await t.createGame({ scenario: "rival-shores", settings: { rounds: 1, teams: { mode: "count", value: 1 } } });
      const client = t.client();
      const teacher = await client.joinById(game.code, { role: "teacher", teacherKey: game.teacherKey });
      const tInbox = new Inbox(teacher);
      const ann = await client.joinById(game.code, { role: "student", nickname: "Ann" });
      const welcome = await new Inbox(ann).wait("welcome");
      expect((await request(teacher, tInbox, "start")).ok).toBe(true);
      expect((await request(teacher, tInbox, "advance")).ok).toBe(true);
      expect((await request(teacher, tInbox, "advance")).ok).toBe(true);
      await until(() => (teacher.state).phase === "ended", 5000, "ended");
      const ok = await t.api(`/api/games/${game.code}/card`, { headers: { "x-rejoin-key": welcome.rejoinKey } });
      expect(ok.status).toBe(200);
      expect(ok.body.nickname).toBe("Ann");
      expect(ok.body.state).toBe(welcome.state);
      expect(ok.body.rounds).toHaveLength(1);
      expect((await t.api(`/api/games/${game.code}/card`, { headers: { "x-rejoin-key": "wrong-key-wrong-key-wrong" } })).status).toBe(404);
      expect((await t.api(`/api/games/${game.code}/card`)).status).toBe(404);
    } finally {
      await t.stop();
    }
  });
});
