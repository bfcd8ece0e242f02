// Authorization, each rule proven by trying it: who may send what, who may join
// as whom, and what each client may see (team drafts, private chats, theory roles).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  joinError,
  joinGame,
  joinProjector,
  joinStudent,
  joinTeacher,
  mapKeys,
  Pacer,
  request,
  serverRoom,
  settled,
  startTestServer,
  until,
  type Joined,
  type TestServer,
} from "./harness.js";

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.stop();
});

const SETTINGS = { rounds: 3, teams: { mode: "count", value: 3 }, emptySeats: "balance-of-threat", diplomacySeconds: 600, seed: 5 };

/** Well-formed payloads for every message of the catalogue (for the rival-shores game below). */
function validPayloads(studentId: string): Record<string, Record<string, unknown>> {
  return {
    offer: { to: "CAS" },
    accept: { from: "CAS" },
    decline: { from: "CAS" },
    withdraw: { to: "CAS" },
    leave: { ally: "GAL" },
    stay: { ally: "GAL" },
    budget: { economy: 34, defense: 33, offense: 33 },
    action: { kind: "threaten", target: "WES" },
    ready: { ready: true },
    chat: { channel: "public", text: "hello" },
    start: {},
    pause: {},
    resume: {},
    extend: { seconds: 30 },
    advance: {},
    end: {},
    kick: { studentId },
    move: { studentId, state: "DRV" },
    mute: { studentId, muted: true },
    seat: { state: "CAS", control: "random" },
    announce: { text: "hi" },
    crisis: { crisisId: "oil-embargo" },
    predictions: { show: true },
  };
}
const STUDENT_TYPES = ["offer", "accept", "decline", "withdraw", "leave", "stay", "budget", "action", "ready"];
const TEACHER_TYPES = ["start", "pause", "resume", "extend", "advance", "end", "kick", "move", "mute", "seat", "announce", "crisis", "predictions"];

async function newClass(settings: Record<string, unknown> = SETTINGS) {
  const game = await t.createGame({ scenario: "rival-shores", settings });
  const client = t.client();
  const teacher = await joinTeacher(client, game.code, game.teacherKey);
  return { ...game, client, teacher };
}

/** The model and the stored log, to prove that nothing changed. */
async function snapshot(code: string, gameId: string) {
  const room = await serverRoom(code);
  room.syncNow(); // the state as the next patch will send it (the room mirrors commands at each patch)
  return { model: JSON.stringify(room.session), state: JSON.stringify(room.state.toJSON()), entries: (await t.server.store.entries(gameId)).length };
}

describe("who may send what", () => {
  it("refuses every teacher message from a student, and every student move from the teacher", async () => {
    const c = await newClass();
    const ann = await joinStudent(c.client, c.code, "Ann");
    const payloads = validPayloads(ann.welcome.studentId);
    const before = await snapshot(c.code, c.gameId);
    for (const type of TEACHER_TYPES) {
      const reply = await request(ann.room, ann.inbox, type, payloads[type]);
      expect(reply, type).toMatchObject({ ok: false, body: { code: "not-allowed", type } });
    }
    expect(await snapshot(c.code, c.gameId)).toEqual(before);

    // The teacher plays no state (in the lobby and in the game).
    expect((await request(c.teacher.room, c.teacher.inbox, "start")).ok).toBe(true);
    await until(() => c.teacher.state.phase === "diplomacy", 3000, "diplomacy");
    const started = await snapshot(c.code, c.gameId);
    for (const type of STUDENT_TYPES) {
      const reply = await request(c.teacher.room, c.teacher.inbox, type, payloads[type]);
      expect(reply, type).toMatchObject({ ok: false, body: { code: "not-allowed", type } });
    }
    expect(await snapshot(c.code, c.gameId)).toEqual(started);
  });

  it("accepts nothing from a projector", async () => {
    const c = await newClass();
    const ann = await joinStudent(c.client, c.code, "Ann");
    const payloads = validPayloads(ann.welcome.studentId);
    for (const phase of ["lobby", "diplomacy"]) {
      const projector = await joinProjector(c.client, c.code);
      expect(projector.welcome).toMatchObject({ role: "projector", studentId: null, state: null, rejoinKey: null, crises: [] });
      const pacer = new Pacer();
      const before = await snapshot(c.code, c.gameId);
      for (const [type, payload] of Object.entries(payloads)) {
        await pacer.next();
        const reply = await request(projector.room, projector.inbox, type, payload);
        expect(reply, `${phase}: ${type}`).toMatchObject({ ok: false, body: { code: "not-allowed" } });
      }
      expect(await snapshot(c.code, c.gameId)).toEqual(before);
      expect(projector.inbox.of("ack")).toEqual([]);
      if (phase === "lobby") {
        expect((await request(c.teacher.room, c.teacher.inbox, "start")).ok).toBe(true);
        await until(() => projector.state.phase === "diplomacy", 3000, "diplomacy");
      }
    }
  });

  it("lets a student act only for their own state (no state in the payload; none while a bot plays it)", async () => {
    const c = await newClass();
    const ann = await joinStudent(c.client, c.code, "Ann");
    const bob = await joinStudent(c.client, c.code, "Bob");
    expect((await request(c.teacher.room, c.teacher.inbox, "start")).ok).toBe(true);
    await until(() => ann.state.phase === "diplomacy", 3000, "diplomacy");
    const borBefore = JSON.stringify(c.teacher.state.teams.get("BOR").toJSON());
    // Naming another state is not part of any message.
    for (const extra of [{ by: "BOR" }, { state: "BOR" }]) {
      const reply = await request(ann.room, ann.inbox, "budget", { economy: 90, defense: 5, offense: 5, ...extra });
      expect(reply).toMatchObject({ ok: false, body: { code: "bad-message" } });
    }
    expect((await request(ann.room, ann.inbox, "budget", { economy: 90, defense: 5, offense: 5 })).ok).toBe(true);
    await until(() => c.teacher.state.teams.get("ATL")?.economy === 90, 3000, "ATL's budget");
    expect(JSON.stringify(c.teacher.state.teams.get("BOR").toJSON())).toBe(borBefore);

    // While a bot plays Bob's state he can do nothing for it.
    expect((await request(c.teacher.room, c.teacher.inbox, "seat", { state: "BOR", control: "random" })).ok).toBe(true);
    for (const [type, payload] of [
      ["budget", { economy: 40, defense: 40, offense: 20 }],
      ["offer", { to: "ATL" }],
      ["action", { kind: "none" }],
      ["ready", { ready: true }],
    ] as const) {
      expect(await request(bob.room, bob.inbox, type, payload), type).toMatchObject({ ok: false, body: { code: "bot-seat" } });
    }
  });
});

describe("who may join as whom", () => {
  it("refuses a wrong teacher key, another game's key, bad join options and taken nicknames", async () => {
    const c = await newClass();
    const other = await t.createGame({ scenario: "rival-shores", settings: SETTINGS });
    expect((await joinError(c.client.joinById(c.code, { role: "teacher", teacherKey: "x".repeat(32) }))).code).toBe(4403);
    expect((await joinError(c.client.joinById(c.code, { role: "teacher", teacherKey: other.teacherKey }))).code).toBe(4403);
    expect((await joinError(c.client.joinById(c.code, { role: "teacher" }))).code).toBe(4400);
    expect((await joinError(c.client.joinById(c.code, { role: "admin" }))).code).toBe(4400);
    expect((await joinError(c.client.joinById(c.code, {}))).code).toBe(4400);
    expect((await joinError(c.client.joinById(c.code, { role: "projector", teacherKey: c.teacherKey }))).code).toBe(4400);
    expect((await joinError(c.client.joinById(c.code, { role: "student", nickname: "   " }))).code).toBe(4422);
    expect((await joinError(c.client.joinById(c.code, { role: "student", nickname: "n".repeat(25) }))).code).toBe(4422);
    expect((await joinError(c.client.joinById(c.code, { role: "student", rejoinKey: "y".repeat(30) }))).code).toBe(4404);
    // Another game's rejoin key does not open this one.
    const elsewhere = await joinStudent(c.client, other.code, "Zoe");
    expect((await joinError(c.client.joinById(c.code, { role: "student", rejoinKey: elsewhere.welcome.rejoinKey }))).code).toBe(4404);
    // A nickname in use by a connected student.
    await joinStudent(c.client, c.code, "Ann");
    expect((await joinError(c.client.joinById(c.code, { role: "student", nickname: "ann" }))).code).toBe(4409);
    // A game that does not exist.
    expect((await joinError(c.client.joinById("ZZZZZZ", { role: "projector" }))).code).toBe(4212);
    // None of the refused joins became a student.
    await until(() => c.teacher.state.students.size === 1, 3000, "one student");
    expect([...c.teacher.state.students.values()].map((s: any) => s.nickname)).toEqual(["Ann"]);
  });

  it("gives a new nickname to one of two students who join with it at the same moment", async () => {
    const c = await newClass();
    const results = await Promise.allSettled([
      c.client.joinById(c.code, { role: "student", nickname: "Twin" }),
      c.client.joinById(c.code, { role: "student", nickname: "twin" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(refused.reason.code).toBe(4409);
    await until(() => c.teacher.state.students.size === 1, 3000, "one student");
    await settled(c.code, c.teacher);
    expect(c.teacher.state.students.size).toBe(1);
    expect(Object.keys((await serverRoom(c.code)).session.students)).toHaveLength(1);
  });

  it("does not let a browser create rooms through the matchmaker", async () => {
    const client = t.client();
    await expect(client.create("classroom", { gameId: "whatever" })).rejects.toBeDefined();
    await expect(client.joinOrCreate("classroom", {})).rejects.toBeDefined();
  });
});

describe("what each client sees", () => {
  it("shows a team only its own draft; the projector no team or theory at all; the teacher everything", async () => {
    const c = await newClass();
    const ann = await joinStudent(c.client, c.code, "Ann");
    const bob = await joinStudent(c.client, c.code, "Bob");
    const projector = await joinProjector(c.client, c.code);
    expect((await request(c.teacher.room, c.teacher.inbox, "start")).ok).toBe(true);
    await until(() => ann.state.phase === "diplomacy" && bob.state.phase === "diplomacy", 3000, "diplomacy");
    expect((await request(c.teacher.room, c.teacher.inbox, "predictions", { show: true })).ok).toBe(true);

    // Ann changes ATL's draft in every way; Bob changes BOR's.
    expect((await request(ann.room, ann.inbox, "budget", { economy: 81, defense: 9, offense: 10 })).ok).toBe(true);
    expect((await request(ann.room, ann.inbox, "leave", { ally: "GAL" })).ok).toBe(true);
    expect((await request(ann.room, ann.inbox, "action", { kind: "threaten", target: "WES" })).ok).toBe(true);
    expect((await request(bob.room, bob.inbox, "budget", { economy: 12, defense: 44, offense: 44 })).ok).toBe(true);
    expect((await request(bob.room, bob.inbox, "action", { kind: "attack", target: "DRV" })).ok).toBe(true);
    await until(() => c.teacher.state.teams.get("BOR")?.actionKind === "attack" && c.teacher.state.teams.get("ATL")?.economy === 81, 3000, "drafts");
    await until(() => mapKeys(ann.state.theory).length === 1 && mapKeys(bob.state.theory).length === 1, 3000, "theory entries");

    expect(mapKeys(ann.state.teams)).toEqual(["ATL"]);
    expect(mapKeys(ann.state.theory)).toEqual(["ATL"]);
    expect(mapKeys(bob.state.teams)).toEqual(["BOR"]);
    expect(mapKeys(bob.state.theory)).toEqual(["BOR"]);
    expect(ann.state.teams.get("ATL").toJSON()).toMatchObject({ economy: 81, actionKind: "threaten", actionTarget: "WES", leaving: ["GAL"] });
    // The projector has no private part at all.
    expect(projector.state.teams).toBeUndefined();
    expect(projector.state.theory).toBeUndefined();
    expect(Object.keys(projector.state.toJSON())).not.toContain("teams");
    // The teacher sees every team and every theory entry.
    expect(mapKeys(c.teacher.state.teams).sort()).toEqual(["ATL", "BOR", "CAS", "DRV", "ELM", "FJO", "GAL", "WES"]);
    expect(mapKeys(c.teacher.state.theory)).toHaveLength(8);
    expect(c.teacher.state.teams.get("BOR").actionTarget).toBe("DRV");

    // Nothing of the other team's draft reached Ann or the projector in a message either.
    const leaked = (j: Joined, by: string) =>
      j.inbox.messages.filter((m) => m.type === "event" && ["draftChanged", "leaveDeclared", "actionCancelled", "readyChanged"].includes(m.payload.event.type) && m.payload.event.by === by);
    expect(leaked(ann, "BOR")).toEqual([]);
    expect(leaked(bob, "ATL")).toEqual([]);
    expect(leaked(projector, "ATL")).toEqual([]);
    await ann.inbox.wait("event", (m) => m.event.type === "leaveDeclared" && m.event.by === "ATL");
    // Public facts stay public: readiness is in everybody's state.
    expect((await request(bob.room, bob.inbox, "ready", { ready: true })).ok).toBe(true);
    await until(() => projector.state.states.get("BOR")?.ready === true && ann.state.states.get("BOR")?.ready === true, 3000, "ready is public");
  });

  it("opens teams as students arrive in size mode, each student seeing only their own", async () => {
    const c = await newClass({ ...SETTINGS, teams: { mode: "size", value: 1 } });
    const ann = await joinStudent(c.client, c.code, "Ann");
    const bob = await joinStudent(c.client, c.code, "Bob");
    const cy = await joinStudent(c.client, c.code, "Cy");
    expect([ann, bob, cy].map((j) => j.welcome.state)).toEqual(["ATL", "BOR", "CAS"]);
    await until(() => c.teacher.state.states.get("CAS")?.control === "team", 3000, "CAS opened for a team");
    expect(c.teacher.state.states.get("DRV").control).toBe("balance-of-threat");
    for (const j of [ann, bob, cy]) await until(() => mapKeys(j.state.teams).join() === j.welcome.state, 3000, `${j.welcome.nickname}'s own team only`);
  });

  it("keeps private and team chat among their teams and the teacher", async () => {
    const c = await newClass();
    const ann = await joinStudent(c.client, c.code, "Ann"); // ATL
    const bob = await joinStudent(c.client, c.code, "Bob"); // BOR
    const cy = await joinStudent(c.client, c.code, "Cy"); // CAS
    const dan = await joinStudent(c.client, c.code, "Dan"); // ATL
    expect([ann, bob, cy, dan].map((j) => j.welcome.state)).toEqual(["ATL", "BOR", "CAS", "ATL"]);
    const projector = await joinProjector(c.client, c.code);

    expect((await request(ann.room, ann.inbox, "chat", { channel: "private:BOR|ATL", text: "secret pact?" })).ok).toBe(true);
    expect((await request(ann.room, ann.inbox, "chat", { channel: "team:ATL", text: "team plan" })).ok).toBe(true);
    expect(await request(bob.room, bob.inbox, "chat", { channel: "private:ATL|CAS", text: "not mine" })).toMatchObject({ ok: false, body: { code: "chat" } });
    expect(await request(cy.room, cy.inbox, "chat", { channel: "team:ATL", text: "spy" })).toMatchObject({ ok: false, body: { code: "chat" } });
    expect(await request(cy.room, cy.inbox, "chat", { channel: "private:CAS|CAS", text: "me" })).toMatchObject({ ok: false, body: { code: "chat" } });
    expect(await request(cy.room, cy.inbox, "chat", { channel: "private:CAS|NOPE", text: "who" })).toMatchObject({ ok: false, body: { code: "chat" } });
    expect(await request(cy.room, cy.inbox, "chat", { channel: "everyone", text: "?" })).toMatchObject({ ok: false, body: { code: "chat" } });
    // A public message afterwards: once it has arrived, anything sent before it has arrived too.
    expect((await request(c.teacher.room, c.teacher.inbox, "chat", { channel: "public", text: "sync" })).ok).toBe(true);
    for (const j of [ann, bob, cy, dan, projector, c.teacher]) await j.inbox.wait("chat", (m) => m.text === "sync");

    const texts = (j: Joined) => j.inbox.of("chat").map((m) => m.text);
    expect(texts(bob)).toEqual(["secret pact?", "sync"]);
    expect(texts(dan)).toEqual(["secret pact?", "team plan", "sync"]);
    expect(texts(ann)).toEqual(["secret pact?", "team plan", "sync"]);
    expect(texts(cy)).toEqual(["sync"]);
    expect(texts(projector)).toEqual(["sync"]);
    expect(texts(c.teacher)).toEqual(["secret pact?", "team plan", "sync"]);
    const pact = bob.inbox.of("chat")[0];
    // One spelling per conversation: the two states sorted.
    expect(pact).toMatchObject({ channel: "private:ATL|BOR", from: { kind: "student", nickname: "Ann", state: "ATL" } });

    // The same rules for the history given at join (a reloaded page, a new projector, the teacher's console).
    const history = async (j: Promise<Joined>) => ((await (await j).inbox.wait("chatHistory")).messages as any[]).map((m) => m.text);
    expect(await history(joinProjector(c.client, c.code))).toEqual(["sync"]);
    expect(await history(joinTeacher(c.client, c.code, c.teacherKey))).toEqual(["secret pact?", "team plan", "sync"]);
    await cy.room.leave();
    expect(await history(joinGame(c.client, c.code, { role: "student", rejoinKey: cy.welcome.rejoinKey }))).toEqual(["sync"]);
    await bob.room.leave();
    expect(await history(joinGame(c.client, c.code, { role: "student", rejoinKey: bob.welcome.rejoinKey }))).toEqual(["secret pact?", "sync"]);
  });

  it("never shows a student another team's theory role in challenge scoring", async () => {
    const c = await newClass({ ...SETTINGS, scoring: "challenge" });
    const ann = await joinStudent(c.client, c.code, "Ann");
    const bob = await joinStudent(c.client, c.code, "Bob");
    const projector = await joinProjector(c.client, c.code);
    expect((await request(c.teacher.room, c.teacher.inbox, "start")).ok).toBe(true);
    await until(() => ann.state.phase === "diplomacy" && ann.state.scoring === "challenge", 3000, "diplomacy");
    const roles = new Map<string, string>(mapKeys(c.teacher.state.teams).map((id) => [id, c.teacher.state.teams.get(id).role]));
    expect(roles.size).toBe(8);
    for (const role of roles.values()) expect(["balance-of-power", "balance-of-threat", "bandwagon"]).toContain(role);
    expect(ann.state.teams.get("ATL").role).toBe(roles.get("ATL"));
    expect(bob.state.teams.get("BOR").role).toBe(roles.get("BOR"));
    expect(mapKeys(ann.state.teams)).toEqual(["ATL"]);
    expect(mapKeys(bob.state.teams)).toEqual(["BOR"]);
    expect(projector.state.teams).toBeUndefined();
    // Through a round and its review too.
    expect((await request(c.teacher.room, c.teacher.inbox, "advance")).ok).toBe(true);
    await until(() => ann.state.phase === "review", 3000, "review");
    expect(mapKeys(ann.state.teams)).toEqual(["ATL"]);
    // Her whole decoded state holds one role: her own.
    expect(JSON.stringify(ann.state.toJSON()).match(/"role":/g)).toHaveLength(1);
    // No message to Ann carries a role (the welcome's "role" is her own role in the class: student).
    expect(ann.welcome.role).toBe("student");
    expect(JSON.stringify(ann.inbox.messages.filter((m) => m.type !== "welcome"))).not.toMatch(/"role"/);
  });
});
