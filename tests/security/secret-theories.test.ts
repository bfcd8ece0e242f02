// What a student may learn about other teams: in the theory challenge the dealt
// theories are secret until the end, so the public scores leave out the points
// for playing them; and the report card shows the theories' predictions only
// while the class may see them (the same rule as the live game).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { joinProjector, joinStudent, joinTeacher, request, serverRoom, settled, startTestServer, until, type TestServer } from "../server/harness.js";

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.stop();
});

const card = (code: string, key: string) => t.api(`/api/games/${code}/card`, { headers: { "x-rejoin-key": key } });

describe("secret theories in the theory challenge", () => {
  it("public scores leave out the dealt theory's points until the game ends; a team still sees its own", async () => {
    const game = await t.createGame({
      scenario: "rival-shores",
      settings: { rounds: 3, scoring: "challenge", teams: { mode: "count", value: 1 }, emptySeats: "balance-of-threat", diplomacySeconds: 60, seed: 3 },
    });
    const client = t.client();
    const teacher = await joinTeacher(client, game.code, game.teacherKey);
    const ann = await joinStudent(client, game.code, "Ann");
    const projector = await joinProjector(client, game.code);
    expect((await request(teacher.room, teacher.inbox, "start")).ok).toBe(true);
    for (let round = 1; round <= 2; round++) {
      expect((await request(teacher.room, teacher.inbox, "advance")).ok).toBe(true); // resolve
      expect((await request(teacher.room, teacher.inbox, "advance")).ok).toBe(true); // next round
    }
    await settled(game.code, teacher, ann, projector);

    const room = await serverRoom(game.code);
    const scores = room.session.game.scores;
    const theoryPoints = (id: string) => (scores[id] ?? []).reduce((s, l) => s + l.theory, 0);
    const fullTotal = (id: string) => (scores[id] ?? []).reduce((s, l) => s + l.total, 0);
    // The bots play their policies, and some of them are dealt the theory they play: some points to hide.
    const earners = Object.keys(scores).filter((id) => theoryPoints(id) > 0);
    expect(earners.length).toBeGreaterThan(0);

    for (const id of Object.keys(scores)) {
      const shown: number = projector.state.states.get(id).score;
      expect(shown, id).toBeCloseTo(fullTotal(id) - theoryPoints(id), 1);
      expect(ann.state.states.get(id).score, id).toBeCloseTo(shown, 6);
    }
    // Ann's team sees its own score lines, theory points included, in its private entry.
    const own: string = ann.welcome.state;
    const lines = JSON.parse(ann.state.teams.get(own).scoresJson) as { theory: number; total: number }[];
    expect(lines.reduce((s, l) => s + l.total, 0)).toBeCloseTo(fullTotal(own), 1);

    // Once the game has ended, the totals are whole again.
    expect((await request(teacher.room, teacher.inbox, "end")).ok).toBe(true);
    await settled(game.code, projector);
    for (const id of earners) expect(projector.state.states.get(id).score, id).toBeCloseTo(fullTotal(id), 1);
  });
});

describe("the report card follows the live game's visibility", () => {
  it("has no predictions while the teacher hides them, and has them once shown", async () => {
    const game = await t.createGame({
      scenario: "rival-shores",
      settings: { rounds: 3, teams: { mode: "count", value: 1 }, emptySeats: "balance-of-threat", diplomacySeconds: 60, seed: 5 },
    });
    const client = t.client();
    const teacher = await joinTeacher(client, game.code, game.teacherKey);
    const ann = await joinStudent(client, game.code, "Ann");
    const key: string = ann.welcome.rejoinKey;
    // Shown by default: the teacher hides them before the game starts.
    expect((await request(teacher.room, teacher.inbox, "predictions", { show: false })).ok).toBe(true);
    expect((await request(teacher.room, teacher.inbox, "start")).ok).toBe(true);
    expect((await request(teacher.room, teacher.inbox, "advance")).ok).toBe(true);
    await until(() => ann.state.phase === "review", 5000, "review");

    const hidden = await card(game.code, key);
    expect(hidden.status).toBe(200);
    expect(hidden.body.rounds).toHaveLength(1);
    expect(hidden.body.rounds[0].predictions).toBeNull();
    expect(JSON.stringify(hidden.body)).not.toContain("balance against");
    const reasons = (await serverRoom(game.code)).session.game.history[0]!.predictions.states[ann.welcome.state]!;
    expect(JSON.stringify(hidden.body)).not.toContain(reasons.balanceOfThreat.reason);
    // Nor the same predictions in plain words.
    expect(hidden.body.explained).toEqual([]);
    expect(JSON.stringify(hidden.body)).not.toContain("top threat");

    expect((await request(teacher.room, teacher.inbox, "predictions", { show: true })).ok).toBe(true);
    const shown = await card(game.code, key);
    expect(shown.body.rounds[0].predictions.balanceOfThreat.reason).toBe(reasons.balanceOfThreat.reason);
    expect(shown.body.explained.map((e: { round: number; cards: unknown[] }) => [e.round, e.cards.length])).toEqual([[1, 3]]);
  });
});
