// Look-alike and blank nicknames against a real server, through the real
// colyseus.js client: with "Ann" playing, every look-alike of her name is
// refused as already playing (4409), every blank-looking name as a bad
// nickname (4422), and a student the teacher removed cannot come back under a
// look-alike of their name (4403). None of the refused joins becomes a student.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CLOSE } from "../../shared/protocol/close-codes.js";
import { joinError, joinStudent, joinTeacher, request, serverRoom, settled, startTestServer, until, type TestServer } from "../server/harness.js";

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.stop();
});

const SETTINGS = { rounds: 2, teams: { mode: "count", value: 2 }, emptySeats: "balance-of-threat", diplomacySeconds: 600, seed: 3 };

async function newClass() {
  const game = await t.createGame({ scenario: "rival-shores", settings: SETTINGS });
  const client = t.client();
  const teacher = await joinTeacher(client, game.code, game.teacherKey);
  return { ...game, client, teacher };
}

const tryJoin = (c: Awaited<ReturnType<typeof newClass>>, nickname: string) => joinError(c.client.joinById(c.code, { role: "student", nickname }));

const LOOK_ALIKES_OF_ANN = {
  "zero-width space": "Ann\u200b",
  "left-to-right mark": "Ann\u200e",
  "soft hyphen": "An\u00adn",
  "Cyrillic А": "\u0410nn",
  "right-to-left override": "\u202eAnn",
  "full-width letters": "\uff21\uff4e\uff4e",
  "braille blank after it": "Ann\u2800",
  "lower case": "ann",
};

const BLANK = {
  "braille blanks": "\u2800\u2800",
  "Hangul fillers": "\u3164\u3164",
  "zero-width spaces": "\u200b\u200b",
  "a right-to-left override alone": "\u202e",
};

describe("look-alike and blank nicknames, joining a real server", () => {
  it("refuses every look-alike of a connected student's name as already playing, and every blank name", async () => {
    const c = await newClass();
    await joinStudent(c.client, c.code, "Ann");
    for (const [what, name] of Object.entries(LOOK_ALIKES_OF_ANN)) {
      const refused = await tryJoin(c, name);
      expect(refused.code, what).toBe(CLOSE.NICKNAME_TAKEN);
      expect(refused.message, what).toMatch(/"Ann"\)? is already playing/);
    }
    for (const [what, name] of Object.entries(BLANK)) {
      const refused = await tryJoin(c, name);
      expect(refused.code, what).toBe(CLOSE.BAD_NICKNAME);
      expect(refused.message, what).toBe("A nickname needs at least one letter or digit that can be seen.");
    }
    // A decomposed José is the precomposed one.
    await joinStudent(c.client, c.code, "Jos\u00e9");
    expect((await tryJoin(c, "Jose\u0301")).code).toBe(CLOSE.NICKNAME_TAKEN);
    // None of the refused joins became a student; ordinary different names still join.
    await joinStudent(c.client, c.code, "Anna");
    await until(() => c.teacher.state.students.size === 3, 3000, "three students");
    await settled(c.code, c.teacher);
    expect([...c.teacher.state.students.values()].map((s: any) => s.nickname).sort()).toEqual(["Ann", "Anna", "Jos\u00e9"]);
    expect(Object.keys((await serverRoom(c.code)).session.students)).toHaveLength(3);
  });

  it("stores a nickname cleaned: a right-to-left override is gone from the name everyone sees", async () => {
    const c = await newClass();
    const eve = await joinStudent(c.client, c.code, "\u202eEve\u200b");
    expect(eve.welcome.nickname).toBe("Eve");
    await until(() => c.teacher.state.students.size === 1, 3000, "one student");
    expect([...c.teacher.state.students.values()].map((s: any) => s.nickname)).toEqual(["Eve"]);
  });

  it("keeps a removed student out under any look-alike of their name", async () => {
    const c = await newClass();
    const bob = await joinStudent(c.client, c.code, "Bob");
    expect((await request(c.teacher.room, c.teacher.inbox, "kick", { studentId: bob.welcome.studentId })).ok).toBe(true);
    for (const name of ["Bob", "B\u200bob", "\u0412ob", "B\u043eb", "B0b", "\u200eBOB"]) {
      const refused = await tryJoin(c, name);
      expect(refused.code, name).toBe(CLOSE.FORBIDDEN);
      expect(refused.message, name).toBe("The teacher removed this player from the game.");
    }
    // Rob is somebody else.
    const rob = await joinStudent(c.client, c.code, "Rob");
    expect(rob.welcome.nickname).toBe("Rob");
  });
});
