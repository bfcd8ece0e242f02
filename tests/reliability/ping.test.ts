// The heartbeat's server side, against a real server and real sockets: every
// role may send "ping" and gets "pong" with its request id and the server's
// clock; a ping is not a game command (no ack, no log entry, the session is
// left as it was), it is validated like any message, and it counts against the
// message limits like any other.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { joinProjector, joinStudent, joinTeacher, serverRoom, startTestServer, type Joined, type TestServer } from "../server/harness.js";

let server: TestServer;
let code = "";
let gameId = "";
let teacherKey = "";
const joined: Joined[] = [];

beforeAll(async () => {
  server = await startTestServer();
  const game = await server.createGame({ scenario: "rival-shores", settings: { teams: { mode: "count", value: 2 } } });
  ({ code, gameId, teacherKey } = game);
});

afterAll(async () => {
  for (const j of joined) await j.room.leave().catch(() => undefined);
  await server.stop();
});

async function enter(join: Promise<Joined>): Promise<Joined> {
  const j = await join;
  joined.push(j);
  return j;
}

/** Sends a ping with `ref` and waits for its pong or error. */
async function ping(j: Joined, ref: string, payload: Record<string, unknown> = {}): Promise<{ type: string; payload: any }> {
  const reply = Promise.race([
    j.inbox.wait("pong", (p) => p.ref === ref).then((p) => ({ type: "pong", payload: p })),
    j.inbox.wait("error", (p) => p.ref === ref).then((p) => ({ type: "error", payload: p })),
  ]);
  j.room.send("ping", { ref, ...payload });
  return reply;
}

describe("ping", () => {
  it("is answered with pong, the request id and the server's clock, for every role", async () => {
    const teacher = await enter(joinTeacher(server.client(), code, teacherKey));
    const student = await enter(joinStudent(server.client(), code, "Ann"));
    const projector = await enter(joinProjector(server.client(), code));
    // The rooms' clock is an hour ahead of this process's: the pong must carry the server's, not anyone's Date.now().
    server.clock.advance(3_600_000);
    for (const [j, ref] of [[teacher, "t1"], [student, "s1"], [projector, "p1"]] as const) {
      const before = server.clock.now();
      const reply = await ping(j, ref);
      const after = server.clock.now();
      expect(reply.type).toBe("pong");
      expect(reply.payload.ref).toBe(ref);
      expect(reply.payload.serverTime).toBeGreaterThanOrEqual(before);
      expect(reply.payload.serverTime).toBeLessThanOrEqual(after);
      expect(Object.keys(reply.payload).sort()).toEqual(["ref", "serverTime"]);
    }
  });

  it("changes nothing: no ack, no log entry, the same session", async () => {
    const teacher = await enter(joinTeacher(server.client(), code, teacherKey));
    const room = await serverRoom(code);
    const session = room.session;
    const entries = (await server.server.store.entries(gameId)).length;
    const reply = await ping(teacher, "quiet");
    expect(reply.type).toBe("pong");
    expect(room.session).toBe(session);
    expect(await server.server.store.entries(gameId)).toHaveLength(entries);
    expect(teacher.inbox.of("ack").filter((a) => a.type === "ping")).toEqual([]);
  });

  it("is validated like any message: an unknown field is refused, naming it", async () => {
    const student = await enter(joinStudent(server.client(), code, "Ben"));
    const reply = await ping(student, "bad", { at: 1 });
    expect(reply.type).toBe("error");
    expect(reply.payload).toMatchObject({ ref: "bad", type: "ping", code: "bad-message" });
    expect(reply.payload.message).toMatch(/ping/);
  });

  it("counts against the message limits", async () => {
    const student = await enter(joinStudent(server.client(), code, "Cleo"));
    // 30 at once: over 10 a second and 10 more in 5 seconds, under the flood cut-off (60 in a second).
    const limited = student.inbox.wait("error", (p) => p.type === "ping" && p.code === "rate-limited");
    for (let i = 0; i < 30; i++) student.room.send("ping", { ref: `burst-${i}` });
    await limited;
    const pongs = student.inbox.of("pong").length;
    expect(pongs).toBeGreaterThan(0);
    expect(pongs).toBeLessThan(30);
  });
});
