// What goes over each student's WebSocket (issue 15): a change only one team can
// see sends no state patch to the others (Colyseus 0.16 sent every client a
// patch whenever anything changed, empty for those whose view saw none of it),
// and a student's arrival reaches the console and the projector, not every
// other student. Real server, real colyseus.js clients, frames counted on the
// clients' own sockets.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Room } from "colyseus.js";
import { joinProjector, joinStudent, joinTeacher, request, settled, startTestServer, until, type TestServer } from "./harness.js";

/** Colyseus's protocol byte of a state patch (Protocol.ROOM_STATE_PATCH). */
const ROOM_STATE_PATCH = 15;

/** Counts the state patches a client's socket receives, and how many of them were empty (the byte alone). */
function countPatches(room: Room): { patches: number; empty: number } {
  const counts = { patches: 0, empty: 0 };
  const ws = (room.connection.transport as unknown as { ws: WebSocket }).ws;
  ws.addEventListener("message", (e: MessageEvent) => {
    const bytes = new Uint8Array(e.data as ArrayBuffer);
    if (bytes[0] !== ROOM_STATE_PATCH) return;
    counts.patches++;
    if (bytes.length === 1) counts.empty++;
  });
  return counts;
}

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.stop();
});

describe("frames per student", () => {
  it("a team's draft is patched to its members and the teacher only; nobody gets an empty patch", async () => {
    const game = await t.createGame({ scenario: "rival-shores", settings: { rounds: 2, teams: { mode: "count", value: 2 }, emptySeats: "balance-of-threat", diplomacySeconds: 60, seed: 3 } });
    const client = t.client();
    const teacher = await joinTeacher(client, game.code, game.teacherKey);
    const ann = await joinStudent(client, game.code, "Ann");
    const bob = await joinStudent(client, game.code, "Bob");
    const cy = await joinStudent(client, game.code, "Cy");
    const projector = await joinProjector(client, game.code);
    expect([ann.welcome.state, bob.welcome.state, cy.welcome.state]).toEqual(["ATL", "BOR", "ATL"]);
    expect((await request(teacher.room, teacher.inbox, "start")).ok).toBe(true);
    await settled(game.code, teacher, ann, bob, cy, projector);

    const seen = new Map([teacher, ann, bob, cy, projector].map((j) => [j, countPatches(j.room)]));
    expect((await request(ann.room, ann.inbox, "budget", { economy: 70, defense: 20, offense: 10 })).ok).toBe(true);
    await settled(game.code, teacher, ann, bob, cy, projector);

    // Ann's team (Ann, Cy) and the teacher see the new draft; Bob's team and the projector get nothing at all.
    await until(() => cy.state.teams.get("ATL")?.economy === 70, 3000, "Cy sees Ann's budget");
    expect(teacher.state.teams.get("ATL").economy).toBe(70);
    for (const j of [teacher, ann, cy]) expect(seen.get(j)!.patches).toBeGreaterThan(0);
    expect(seen.get(bob)!.patches).toBe(0);
    expect(seen.get(projector)!.patches).toBe(0);
    for (const counts of seen.values()) expect(counts.empty).toBe(0);

    // A public change (Bob's team is ready) still reaches everyone, the projector included.
    expect((await request(bob.room, bob.inbox, "ready", { ready: true })).ok).toBe(true);
    await settled(game.code, teacher, ann, bob, cy, projector);
    await until(() => projector.state.states.get("BOR")?.ready === true, 3000, "the projector sees Bob's team ready");
    for (const counts of seen.values()) expect(counts.patches).toBeGreaterThan(0);
    for (const counts of seen.values()) expect(counts.empty).toBe(0);
  });

  it("a student's arrival is an event for the console and the projector only", async () => {
    const game = await t.createGame({ scenario: "rival-shores", settings: { rounds: 2, teams: { mode: "count", value: 2 }, emptySeats: "balance-of-threat", diplomacySeconds: 60, seed: 4 } });
    const client = t.client();
    const teacher = await joinTeacher(client, game.code, game.teacherKey);
    const projector = await joinProjector(client, game.code);
    const ann = await joinStudent(client, game.code, "Ann");
    const bob = await joinStudent(client, game.code, "Bob");
    await settled(game.code, teacher, projector, ann, bob);
    const joined = (j: typeof ann) => j.inbox.messages.filter((m) => m.type === "event" && m.payload.event.type === "studentJoined").map((m) => m.payload.event.nickname);
    expect(joined(teacher)).toEqual(["Ann", "Bob"]);
    expect(joined(projector)).toEqual(["Ann", "Bob"]);
    expect(joined(ann)).toEqual([]);
    expect(joined(bob)).toEqual([]);
    // Everyone still sees who is in the game in the synchronized state.
    await until(() => ann.state.students.size === 2, 3000, "Ann sees both students");
    expect([...ann.state.students.values()].map((s: any) => s.nickname).sort()).toEqual(["Ann", "Bob"]);
  });
});
