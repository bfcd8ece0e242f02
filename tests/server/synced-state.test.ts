// From the session to what a page shows: the server's mirror writes the
// session into the Colyseus schema, Colyseus's own encoder and decoder carry it
// (with a teacher's StateView, and with none, as for the projector), and the
// client's decode() turns it into plain data. What comes out must be what the
// session holds, and the intel panel's threat numbers the server's own.
import { Decoder, Encoder, StateView } from "@colyseus/schema";
import { describe, expect, it } from "vitest";
import { allied, decode, intelFor, mapDataOf, type Synced } from "../../client/src/common/synced.js";
import { reduceSession } from "../../shared/classroom/reduce.js";
import { createSession } from "../../shared/classroom/setup.js";
import type { Actor, Session, SessionCommand } from "../../shared/classroom/types.js";
import { teamRounds } from "../../shared/classroom/visibility.js";
import { builtinScenario } from "../../shared/scenario/builtin/index.js";
import { threatTo } from "../../shared/theory/threat.js";
import { mirror } from "../../server/rooms/mirror.js";
import { ClassroomSchema } from "../../server/rooms/schema.js";

const T0 = 1_000_000;
const scenario = builtinScenario("rival-shores")!;
const ids = scenario.states.map((s) => s.id);

// As server/app.ts sets it: the default 8 KB buffer overflows once the teams' rounds carry their
// predictions (shown by default) and schema 3.0.76 then encodes a corrupted view.
Encoder.BUFFER_SIZE = 1024 * 1024;

/** Two rounds' worth of play: A and B ally in round 1; in round 2 A has an open offer to a third state and a new budget. */
function playedSession(): Session {
  let session = createSession(scenario, {
    rounds: 4, diplomacySeconds: 60, chatMode: "open", scoring: "challenge",
    teams: { mode: "count", value: 3 }, emptySeats: "balance-of-threat", seed: 11,
  }, "ABCDEF", T0);
  let seq = 0;
  const run = (actor: Actor, command: SessionCommand) => {
    const outcome = reduceSession(session, { seq: ++seq, at: T0 + seq * 1000, actor, command });
    if (!outcome.ok) throw new Error(`${command.type}: ${outcome.refusal.code} ${outcome.refusal.message}`);
    session = outcome.state;
  };
  const teacher: Actor = { kind: "teacher" };
  const [A, B, C] = ids as [string, string, string];
  run({ kind: "system" }, { type: "join", studentId: "ann", nickname: "Ann", keyHash: "h1" });
  run({ kind: "system" }, { type: "join", studentId: "bob", nickname: "Bob", keyHash: "h2" });
  run(teacher, { type: "move", studentId: "ann", state: A });
  run(teacher, { type: "move", studentId: "bob", state: B });
  run(teacher, { type: "start" });
  run({ kind: "student", studentId: "ann" }, { type: "play", move: { type: "offer", to: B } });
  run({ kind: "student", studentId: "bob" }, { type: "play", move: { type: "accept", from: A } });
  run(teacher, { type: "advance" }); // resolve round 1
  run(teacher, { type: "advance" }); // round 2
  run({ kind: "student", studentId: "ann" }, { type: "play", move: { type: "offer", to: C } });
  run({ kind: "student", studentId: "ann" }, { type: "play", move: { type: "budget", economy: 40, defense: 40, offense: 20 } });
  return session;
}

/** The session as a client receives it: mirrored, encoded by Colyseus (seeing every private entry, or none), decoded, then decode()d. */
function received(session: Session, sees: "everything" | "public only"): Synced {
  const schema = new ClassroomSchema();
  mirror(session, schema, new Set(["ann"]));
  const encoder = new Encoder(schema);
  const it = { offset: 0 };
  let bytes = encoder.encodeAll(it);
  if (sees === "everything") {
    const view = new StateView();
    schema.teams.forEach((t) => view.add(t));
    schema.theory.forEach((t) => view.add(t));
    bytes = encoder.encodeAllView(view, it.offset, { ...it });
  }
  const clientSide = new ClassroomSchema();
  new Decoder(clientSide).decode(Buffer.from(bytes));
  return decode(clientSide);
}

describe("session → mirror → Colyseus → decode()", () => {
  const session = playedSession();
  const game = session.game;
  const [A, B, C] = ids as [string, string, string];
  const teacherView = received(session, "everything");
  const projectorView = received(session, "public only");

  it("carries the public state: phase, round, every state's figures, students, alliances, deeds", () => {
    for (const synced of [teacherView, projectorView]) {
      expect(synced).toMatchObject({ code: "ABCDEF", phase: "diplomacy", round: 2, rounds: 4, scoring: "challenge", paused: false });
      expect(synced.deadline).toBe(session.clock.deadline);
      expect(synced.states.map((s) => s.id)).toEqual(game.states.map((s) => s.id));
      for (const s of game.states) {
        const got = synced.states.find((x) => x.id === s.id)!;
        expect(got.name).toBe(s.name);
        expect([got.x, got.y]).toEqual(s.position);
        expect(got.economy).toBeCloseTo(s.economy, 2);
        expect(got.control).toBe(session.control[s.id]);
      }
      expect(synced.students.map((s) => [s.nickname, s.state, s.connected])).toEqual([["Ann", A, true], ["Bob", B, false]]);
      expect(synced.alliances).toEqual(game.alliances);
      expect(allied(synced, B, A)).toBe(true);
      expect(synced.deeds).toEqual(game.deeds);
      expect(synced.claims).toEqual(game.claims ?? []);
    }
  });

  it("gives the teacher every team's private entry and prediction, decoded from their text forms", () => {
    expect([...teacherView.teams.keys()].sort()).toEqual([...ids].sort());
    const team = teacherView.teams.get(A)!;
    expect(team.budget).toEqual({ economy: 40, defense: 40, offense: 20 });
    expect(team.offersOut).toEqual([{ state: C, accepted: false }]);
    expect(teacherView.teams.get(C)!.offersIn).toContainEqual({ state: A, accepted: false });
    expect(team.role).toBe(game.roles[A]);
    expect(team.scores).toEqual(game.scores[A]);
    expect(team.rounds).toEqual(teamRounds(session, A));
    expect(team.rounds).toHaveLength(1);
    expect(team.rounds[0]!.allies).toContain(B);
    const theory = teacherView.theory.get(A)!;
    expect(theory.topThreat).toBe(game.predictions.states[A]!.balanceOfThreat.against);
    expect(theory.last).toEqual({ alone: game.history[0]!.alignments[A]!.alone, matches: game.history[0]!.alignments[A]!.matches });
  });

  it("gives a client without a view (the projector) no team and no prediction", () => {
    expect(projectorView.teams.size).toBe(0);
    expect(projectorView.theory.size).toBe(0);
    expect(mapDataOf(projectorView, null, null).offers).toEqual([]);
  });

  it("shows the team's own open offer on its map", () => {
    expect(mapDataOf(teacherView, A, null).offers).toEqual([{ from: A, to: C, accepted: false }]);
  });

  it("lets the intel panel rank threats exactly as the server's theory engine does", () => {
    for (const own of ids) {
      const server = threatTo(game, own);
      const client = intelFor(teacherView, own);
      expect(client.map((t) => t.from)).toEqual(server.map((t) => t.from));
      client.forEach((t, i) => expect(t.score).toBeCloseTo(server[i]!.score, 3));
    }
  });

  it("writes nothing when nothing changed, so Colyseus sends no patch", () => {
    const schema = new ClassroomSchema();
    mirror(session, schema, new Set());
    const encoder = new Encoder(schema);
    encoder.encodeAll({ offset: 0 });
    encoder.discardChanges();
    mirror(session, schema, new Set());
    expect(encoder.hasChanges).toBe(false);
    mirror(session, schema, new Set(["ann"]));
    expect(encoder.hasChanges).toBe(true);
  });
});
