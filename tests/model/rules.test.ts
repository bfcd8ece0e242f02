// The rules reducer: every command, every refusal, and the resolution of a
// round worked out by hand from the constants in rules/tuning.ts.
//
// The fixture (see fixtures.ts, rulesInput): four equal states, each with
// economy 100, defense 70, offense 30 after normalisation; default budget for
// an offensive share of 0.3 is economy 50 / defense 35 / offense 15.
//   A (0,0)   B (1000,0)   C (0,1200)   D (9000,0); C and D allied; reach 3000.
// Budget of a round = 0.2 x economy = 20. With the default budget a state ends
// a quiet round with economy 100 + 0.5 x 20 x 0.5 = 105, defense
// 70 x 0.9 + 20 x 0.35 = 70 and offense 30 x 0.9 + 20 x 0.15 = 30.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { applyOwned, contextFor, copyForCommands, reduce } from "../../shared/rules/reduce.js";
import { createGame } from "../../shared/rules/setup.js";
import { REFUSAL_CODES, type Command, type GameEvent, type GameState, type RefusalCode, type StateCommand } from "../../shared/rules/types.js";
import * as T from "../../shared/rules/tuning.js";
import type { Crisis, ScenarioInput } from "../../shared/scenario/schema.js";
import { THEORIES } from "../../shared/theory/world.js";
import { accept, acceptAll, farApartInput, fixedRandom, rulesInput, scenarioInput, snapshot, toScenario } from "./fixtures.js";

const newGame = (extra: Partial<Omit<ScenarioInput, "states">> = {}, seed = 7, options: { rounds?: number; scoring?: "standard" | "challenge" } = {}) =>
  createGame(toScenario(rulesInput(extra)), { seed, ...options });

/** The rules fixture with A and B allied too. */
const alliedAB = () => newGame({ alliances: [["A", "B"], ["C", "D"]] });

const stateOf = (game: GameState, id: string) => game.states.find((s) => s.id === id)!;

/** Expects `command` to be refused with `code`, and the input state to be left exactly as it was. */
function expectRefused(game: GameState, command: Command, code: RefusalCode) {
  const before = snapshot(game);
  const outcome = reduce(game, command, contextFor(game));
  expect(outcome.ok, `${JSON.stringify(command)} should be refused`).toBe(false);
  if (outcome.ok) return;
  expect(outcome.refusal.code).toBe(code);
  expect(outcome.refusal.message.length).toBeGreaterThan(0);
  expect(game).toEqual(before);
}

/** Applies an accepted command and checks that the input state was not touched. */
function expectAccepted(game: GameState, command: Command, ctx = contextFor(game)) {
  const before = snapshot(game);
  const result = accept(game, command, ctx);
  expect(game).toEqual(before);
  return result;
}

describe("setup", () => {
  it("puts forces and economies on one scale, an average of 100 per state", () => {
    const game = newGame();
    for (const id of ["A", "B", "C", "D"]) {
      expect(stateOf(game, id)).toMatchObject({ economy: 100, defense: 70, offense: 30 });
      expect(game.drafts[id]!.budget).toEqual({ economy: 50, defense: 35, offense: 15 });
    }
    expect(game.phase).toBe("diplomacy");
    expect(game.round).toBe(1);
    expect(game.alliances).toEqual([["C", "D"]]);
    expect(game.predictions.round).toBe(1);
    expect(game.reach).toBe(3000);
    expect(game.distanceScale).toBe(1000);
  });

  it("dates the scenario's history before round 1", () => {
    const game = newGame({ history: [{ from: "B", to: "A", kind: "attack", ago: 2 }] });
    expect(game.deeds).toEqual([{ round: -1, from: "B", to: "A", kind: "attack" }]);
  });
});

describe("refusals: every code, and the input state is left unchanged", () => {
  it("wrong-phase: decisions during review; resolve twice; nextRound during diplomacy", () => {
    const game = newGame();
    expectRefused(game, { type: "nextRound" }, "wrong-phase");
    const review = accept(game, { type: "resolve" }).state;
    expect(review.phase).toBe("review");
    expectRefused(review, { type: "resolve" }, "wrong-phase");
    expectRefused(review, { type: "offer", by: "A", to: "B" }, "wrong-phase");
    expectRefused(review, { type: "budget", by: "A", economy: 100, defense: 0, offense: 0 }, "wrong-phase");
    expectRefused(review, { type: "ready", by: "A", ready: true }, "wrong-phase");
    expectRefused(review, { type: "action", by: "A", action: { kind: "none" } }, "wrong-phase");
  });

  it("game-over: every command once the game has ended", () => {
    const ended = accept(newGame(), { type: "endGame" }).state;
    const crisis: Crisis = { id: "late", title: "Late", text: "Too late." };
    const commands: Command[] = [
      { type: "offer", by: "A", to: "B" },
      { type: "ready", by: "A", ready: true },
      { type: "resolve" },
      { type: "nextRound" },
      { type: "crisis", crisis },
      { type: "endGame" },
    ];
    for (const c of commands) expectRefused(ended, c, "game-over");
  });

  it("unknown-state: an unknown sender or target", () => {
    const game = newGame();
    expectRefused(game, { type: "offer", by: "ZZ", to: "A" }, "unknown-state");
    expectRefused(game, { type: "ready", by: "ZZ", ready: true }, "unknown-state");
    expectRefused(game, { type: "offer", by: "A", to: "ZZ" }, "unknown-state");
    expectRefused(game, { type: "accept", by: "A", from: "ZZ" }, "unknown-state");
    expectRefused(game, { type: "leave", by: "A", ally: "ZZ" }, "unknown-state");
    expectRefused(game, { type: "action", by: "A", action: { kind: "threaten", target: "ZZ" } }, "unknown-state");
  });

  it("self-target: offering to, leaving, or attacking oneself", () => {
    const game = newGame();
    expectRefused(game, { type: "offer", by: "A", to: "A" }, "self-target");
    expectRefused(game, { type: "leave", by: "A", ally: "A" }, "self-target");
    expectRefused(game, { type: "action", by: "A", action: { kind: "attack", target: "A" } }, "self-target");
    expectRefused(game, { type: "withdraw", by: "A", to: "A" }, "self-target");
  });

  it("already-allied: an offer to an ally", () => {
    expectRefused(newGame(), { type: "offer", by: "C", to: "D" }, "already-allied");
    expectRefused(newGame(), { type: "offer", by: "D", to: "C" }, "already-allied");
  });

  it("not-allied: leaving a non-ally; staying with an ally one is not leaving", () => {
    const game = newGame();
    expectRefused(game, { type: "leave", by: "A", ally: "B" }, "not-allied");
    expectRefused(game, { type: "stay", by: "C", ally: "D" }, "not-allied");
    expectRefused(game, { type: "stay", by: "A", ally: "B" }, "not-allied");
  });

  it("offer-exists: a second offer to the same state; an offer back once the first was accepted", () => {
    const offered = accept(newGame(), { type: "offer", by: "A", to: "B" }).state;
    expectRefused(offered, { type: "offer", by: "A", to: "B" }, "offer-exists");
    const agreed = accept(offered, { type: "accept", by: "B", from: "A" }).state;
    expectRefused(agreed, { type: "offer", by: "B", to: "A" }, "offer-exists");
    expectRefused(agreed, { type: "offer", by: "A", to: "B" }, "offer-exists");
  });

  it("no-such-offer: accepting, declining or withdrawing an offer that is not open", () => {
    const game = newGame();
    expectRefused(game, { type: "accept", by: "B", from: "A" }, "no-such-offer");
    expectRefused(game, { type: "decline", by: "B", from: "A" }, "no-such-offer");
    expectRefused(game, { type: "withdraw", by: "A", to: "B" }, "no-such-offer");
    const offered = accept(game, { type: "offer", by: "A", to: "B" }).state;
    // the offer goes one way only
    expectRefused(offered, { type: "accept", by: "A", from: "B" }, "no-such-offer");
    const agreed = accept(offered, { type: "accept", by: "B", from: "A" }).state;
    expectRefused(agreed, { type: "accept", by: "B", from: "A" }, "no-such-offer");
    expectRefused(agreed, { type: "decline", by: "B", from: "A" }, "no-such-offer");
    expectRefused(agreed, { type: "withdraw", by: "A", to: "B" }, "no-such-offer");
  });

  it("out-of-reach: attacking or threatening a state beyond reach and not a neighbour", () => {
    const game = newGame();
    // A-D is 9000 km, beyond the default reach of 3000 km.
    expectRefused(game, { type: "action", by: "A", action: { kind: "attack", target: "D" } }, "out-of-reach");
    expectRefused(game, { type: "action", by: "A", action: { kind: "threaten", target: "D" } }, "out-of-reach");
    // A-B is 1000 km: beyond a reach of 500 km, unless a declared border puts B in reach.
    expectRefused(newGame({ reach: 500 }), { type: "action", by: "A", action: { kind: "attack", target: "B" } }, "out-of-reach");
    const bordered = newGame({ reach: 500, borders: [["A", "B"]] });
    expectAccepted(bordered, { type: "action", by: "A", action: { kind: "attack", target: "B" } });
  });

  it("ally-target: attacking or threatening an ally; attacking a state one agreed to ally with; allying with one's own target", () => {
    const allied = alliedAB();
    expectRefused(allied, { type: "action", by: "A", action: { kind: "attack", target: "B" } }, "ally-target");
    expectRefused(allied, { type: "action", by: "A", action: { kind: "threaten", target: "B" } }, "ally-target");

    const agreed = acceptAll(newGame(), [
      { type: "offer", by: "A", to: "C" },
      { type: "accept", by: "C", from: "A" },
    ]).state;
    expectRefused(agreed, { type: "action", by: "A", action: { kind: "attack", target: "C" } }, "ally-target");
    expectRefused(agreed, { type: "action", by: "C", action: { kind: "attack", target: "A" } }, "ally-target");

    const attacking = accept(newGame(), { type: "action", by: "A", action: { kind: "attack", target: "B" } }).state;
    expectRefused(attacking, { type: "offer", by: "A", to: "B" }, "ally-target");
    const courted = accept(attacking, { type: "offer", by: "B", to: "A" }).state;
    expectRefused(courted, { type: "accept", by: "A", from: "B" }, "ally-target");
  });

  it("bad-budget: shares that are not whole percentages from 0 to 100 adding up to 100", () => {
    const game = newGame();
    const bad: [number, number, number][] = [
      [50, 30, 30],
      [50, 30, 10],
      [50.5, 29.5, 20],
      [-10, 60, 50],
      [110, -10, 0],
      [Number.NaN, 50, 50],
    ];
    for (const [economy, defense, offense] of bad) {
      expectRefused(game, { type: "budget", by: "A", economy, defense, offense }, "bad-budget");
    }
  });

  it("bad-crisis: a crisis naming an unknown state, or a state hostile to itself", () => {
    const game = newGame();
    const crises: Crisis[] = [
      { id: "x", title: "X", text: "x", effects: [{ state: "ZZ", economy: 10 }] },
      { id: "x", title: "X", text: "x", deeds: [{ from: "A", to: "ZZ", kind: "threat" }] },
      { id: "x", title: "X", text: "x", deeds: [{ from: "ZZ", to: "A", kind: "attack" }] },
      { id: "x", title: "X", text: "x", deeds: [{ from: "A", to: "A", kind: "betrayal" }] },
    ];
    for (const crisis of crises) expectRefused(game, { type: "crisis", crisis }, "bad-crisis");
  });

  // One example per code; the Record type makes a new code in rules/types.ts a
  // compile error here until it has an example, and the test runs every one.
  const oneExample: Record<RefusalCode, () => [GameState, Command]> = {
    "wrong-phase": () => [newGame(), { type: "nextRound" }],
    "game-over": () => [accept(newGame(), { type: "endGame" }).state, { type: "resolve" }],
    "unknown-state": () => [newGame(), { type: "offer", by: "A", to: "ZZ" }],
    "self-target": () => [newGame(), { type: "offer", by: "A", to: "A" }],
    "already-allied": () => [newGame(), { type: "offer", by: "C", to: "D" }],
    "not-allied": () => [newGame(), { type: "leave", by: "A", ally: "B" }],
    "offer-exists": () => [accept(newGame(), { type: "offer", by: "A", to: "B" }).state, { type: "offer", by: "A", to: "B" }],
    "no-such-offer": () => [newGame(), { type: "accept", by: "B", from: "A" }],
    "out-of-reach": () => [newGame(), { type: "action", by: "A", action: { kind: "attack", target: "D" } }],
    "ally-target": () => [alliedAB(), { type: "action", by: "A", action: { kind: "attack", target: "B" } }],
    "bad-budget": () => [newGame(), { type: "budget", by: "A", economy: 50, defense: 30, offense: 30 }],
    "bad-crisis": () => [newGame(), { type: "crisis", crisis: { id: "x", title: "X", text: "x", effects: [{ state: "ZZ", economy: 10 }] } }],
  };

  it.each(REFUSAL_CODES.map((code) => [code]))("every refusal code has a working example: %s", (code) => {
    const [game, command] = oneExample[code]();
    expectRefused(game, command, code);
  });
});

describe("diplomacy commands", () => {
  it("offer: recorded as open, alliance not yet formed", () => {
    const game = newGame();
    const { state, events } = expectAccepted(game, { type: "offer", by: "A", to: "B" });
    expect(events).toEqual([{ type: "offerMade", from: "A", to: "B" }]);
    expect(state.offers).toEqual([{ from: "A", to: "B", round: 1, accepted: false }]);
    expect(state.offersMade.A).toEqual(["B"]);
    expect(state.alliances).toEqual([["C", "D"]]);
  });

  it("accept: the offer is marked accepted, the alliance still waits for resolution", () => {
    const offered = accept(newGame(), { type: "offer", by: "A", to: "B" }).state;
    const { state, events } = expectAccepted(offered, { type: "accept", by: "B", from: "A" });
    expect(events).toEqual([{ type: "offerAccepted", from: "A", to: "B" }]);
    expect(state.offers).toEqual([{ from: "A", to: "B", round: 1, accepted: true }]);
    expect(state.alliances).toEqual([["C", "D"]]);
  });

  it("an offer back is an acceptance", () => {
    const offered = accept(newGame(), { type: "offer", by: "A", to: "B" }).state;
    const { state, events } = expectAccepted(offered, { type: "offer", by: "B", to: "A" });
    expect(events).toEqual([{ type: "offerAccepted", from: "A", to: "B" }]);
    expect(state.offers).toEqual([{ from: "A", to: "B", round: 1, accepted: true }]);
    expect(state.offersMade.B).toEqual(["A"]);
  });

  it("decline: the offer is gone (but still counts as made by the offerer)", () => {
    const offered = accept(newGame(), { type: "offer", by: "A", to: "B" }).state;
    const { state, events } = expectAccepted(offered, { type: "decline", by: "B", from: "A" });
    expect(events).toEqual([{ type: "offerDeclined", from: "A", to: "B" }]);
    expect(state.offers).toEqual([]);
    expect(state.offersMade.A).toEqual(["B"]);
  });

  it("withdraw: the offer is gone and no longer counts as made", () => {
    const offered = accept(newGame(), { type: "offer", by: "A", to: "B" }).state;
    const { state, events } = expectAccepted(offered, { type: "withdraw", by: "A", to: "B" });
    expect(events).toEqual([{ type: "offerWithdrawn", from: "A", to: "B" }]);
    expect(state.offers).toEqual([]);
    expect(state.offersMade.A).toEqual([]);
  });

  it("leave and stay: a declared leave can be called off; staying also drops an action against that ally", () => {
    const game = alliedAB();
    const left = expectAccepted(game, { type: "leave", by: "A", ally: "B" });
    expect(left.events).toEqual([{ type: "leaveDeclared", by: "A", ally: "B" }]);
    expect(left.state.drafts.A!.leaving).toEqual(["B"]);
    expect(left.state.alliances).toContainEqual(["A", "B"]);
    // leaving makes the (former) ally a legal target
    const armed = expectAccepted(left.state, { type: "action", by: "A", action: { kind: "attack", target: "B" } });
    const stayed = expectAccepted(armed.state, { type: "stay", by: "A", ally: "B" });
    expect(stayed.events).toEqual([
      { type: "leaveCancelled", by: "A", ally: "B" },
      { type: "draftChanged", by: "A" },
    ]);
    expect(stayed.state.drafts.A!.leaving).toEqual([]);
    expect(stayed.state.drafts.A!.action).toEqual({ kind: "none" });
  });

  it("another state's secret plans never cause a refusal", () => {
    // B secretly plans to attack A; A can still offer to B and accept B's offer.
    const plotting = accept(newGame(), { type: "action", by: "B", action: { kind: "attack", target: "A" } }).state;
    expectAccepted(plotting, { type: "offer", by: "A", to: "B" });
    const courted = accept(newGame(), { type: "offer", by: "B", to: "A" }).state;
    const plotting2 = accept(courted, { type: "action", by: "B", action: { kind: "attack", target: "A" } }).state;
    expectAccepted(plotting2, { type: "accept", by: "A", from: "B" });
  });

  it("budget: sets the draft's shares", () => {
    const { state, events } = expectAccepted(newGame(), { type: "budget", by: "A", economy: 20, defense: 0, offense: 80 });
    expect(events).toEqual([{ type: "draftChanged", by: "A" }]);
    expect(state.drafts.A!.budget).toEqual({ economy: 20, defense: 0, offense: 80 });
  });

  it("action: sets the draft's action; none clears it", () => {
    const threatened = expectAccepted(newGame(), { type: "action", by: "A", action: { kind: "threaten", target: "C" } });
    expect(threatened.events).toEqual([{ type: "draftChanged", by: "A" }]);
    expect(threatened.state.drafts.A!.action).toEqual({ kind: "threaten", target: "C" });
    const cleared = expectAccepted(threatened.state, { type: "action", by: "A", action: { kind: "none" } });
    expect(cleared.state.drafts.A!.action).toEqual({ kind: "none" });
  });

  it("ready: marks the draft, and resolution clears it", () => {
    const { state, events } = expectAccepted(newGame(), { type: "ready", by: "B", ready: true });
    expect(events).toEqual([{ type: "readyChanged", by: "B", ready: true }]);
    expect(state.drafts.B!.ready).toBe(true);
    const resolved = accept(state, { type: "resolve" }).state;
    expect(resolved.drafts.B!.ready).toBe(false);
  });
});

describe("resolution", () => {
  it("resolve: phase review, one history record, the input untouched", () => {
    const game = newGame();
    const { state, events } = expectAccepted(game, { type: "resolve" });
    expect(state.phase).toBe("review");
    expect(state.round).toBe(1);
    expect(state.history).toHaveLength(1);
    expect(state.history[0]!.round).toBe(1);
    expect(events[events.length - 1]).toEqual({ type: "roundResolved", round: 1 });
  });

  it("the round's record keeps each draft as it was decided, whatever is done later to the state it came from", () => {
    const decided = acceptAll(newGame(), [
      { type: "budget", by: "A", economy: 20, defense: 40, offense: 40 },
      { type: "leave", by: "C", ally: "D" },
      { type: "action", by: "B", action: { kind: "threaten", target: "A" } },
      { type: "ready", by: "A", ready: true },
    ]).state;
    const resolved = accept(decided, { type: "resolve" }).state;
    const recorded = snapshot(resolved.history[0]!.decisions);
    expect(recorded.A).toEqual(decided.drafts.A);
    // The record shares its drafts with the state before resolution: commands on that state, through
    // reduce or in place on a bot game's owned copy, must not reach them.
    const changes: StateCommand[] = [
      { type: "budget", by: "A", economy: 100, defense: 0, offense: 0 },
      { type: "stay", by: "C", ally: "D" },
      { type: "action", by: "B", action: { kind: "none" } },
      { type: "ready", by: "A", ready: false },
    ];
    acceptAll(decided, changes);
    const owned = copyForCommands(decided);
    for (const c of changes) applyOwned(owned, c);
    expect(resolved.history[0]!.decisions).toEqual(recorded);
    // And the next round's drafts are new ones.
    const next = acceptAll(accept(resolved, { type: "nextRound" }).state, changes.slice(0, 1)).state;
    expect(next.history[0]!.decisions).toEqual(recorded);
  });

  it("alliances form only where an offer was accepted; open offers expire", () => {
    const game = acceptAll(newGame(), [
      { type: "offer", by: "A", to: "B" },
      { type: "accept", by: "B", from: "A" },
      { type: "offer", by: "A", to: "C" },
      { type: "offer", by: "B", to: "C" },
      { type: "decline", by: "C", from: "B" },
    ]).state;
    const { state, events } = expectAccepted(game, { type: "resolve" });
    expect(state.alliances).toEqual([
      ["A", "B"],
      ["C", "D"],
    ]);
    expect(events).toContainEqual({ type: "allianceFormed", a: "A", b: "B" });
    expect(events).toContainEqual({ type: "offerExpired", from: "A", to: "C" });
    expect(events.filter((e) => e.type === "allianceFormed")).toHaveLength(1);
    expect(events.filter((e) => e.type === "offerExpired")).toHaveLength(1);
    expect(state.offers).toEqual([]);
    expect(state.history[0]!.alliances).toEqual(state.alliances);
  });

  it("leaving removes the alliance and records a betrayal the one left will remember", () => {
    const game = accept(newGame(), { type: "leave", by: "C", ally: "D" }).state;
    const { state, events } = accept(game, { type: "resolve" });
    expect(state.alliances).toEqual([]);
    expect(events).toContainEqual({ type: "allianceLeft", by: "C", ally: "D" });
    expect(state.deeds).toContainEqual({ round: 1, from: "C", to: "D", kind: "betrayal" });
    // At the start of round 2, D sees C's intentions as 1 + 0.75 (a betrayal against D, one round old).
    const next = accept(state, { type: "nextRound" }).state;
    const fromC = next.predictions.states.D!.threats.find((t) => t.from === "C")!;
    expect(fromC.intentions).toBeCloseTo(1.75, 12);
    expect(fromC.allied).toBe(false);
  });

  it("when both allies leave each other, the alliance ends", () => {
    const game = acceptAll(newGame(), [
      { type: "leave", by: "C", ally: "D" },
      { type: "leave", by: "D", ally: "C" },
    ]).state;
    const { state } = accept(game, { type: "resolve" });
    expect(state.alliances).toEqual([]);
  });

  it("a mutual leave is treated symmetrically: both leaves are recorded, or neither", () => {
    const game = acceptAll(newGame(), [
      { type: "leave", by: "C", ally: "D" },
      { type: "leave", by: "D", ally: "C" },
    ]).state;
    const { state, events } = accept(game, { type: "resolve" });
    const betrayals = (by: string) => state.deeds.filter((d) => d.kind === "betrayal" && d.from === by).length;
    const left = (by: string) => events.filter((e) => e.type === "allianceLeft" && e.by === by).length;
    expect(betrayals("D")).toBe(betrayals("C"));
    expect(left("D")).toBe(left("C"));
  });

  it("a threat adds a threat deed; a target that gives in pays 5% of its economy", () => {
    // Threat chance: A's offense 30 x g(1000 km) = 15 against B's defence 1.5 x 70 + 30 = 135: 15 / 150 = 0.1.
    const game = accept(newGame(), { type: "action", by: "A", action: { kind: "threaten", target: "B" } }).state;
    const yielded = accept(game, { type: "resolve" }, fixedRandom(0));
    const event = yielded.events.find((e) => e.type === "threat")!;
    expect(event).toMatchObject({ type: "threat", from: "A", to: "B", yielded: true, tribute: 5 });
    expect(event.chance).toBeCloseTo(0.1, 12);
    expect(yielded.state.deeds).toContainEqual({ round: 1, from: "A", to: "B", kind: "threat" });
    // A: 100 + 5 tribute + 5 growth; B: 100 - 5 + 5.
    expect(stateOf(yielded.state, "A").economy).toBeCloseTo(110, 9);
    expect(stateOf(yielded.state, "B").economy).toBeCloseTo(100, 9);

    const stood = accept(game, { type: "resolve" }, fixedRandom(0.999));
    expect(stood.events.find((e) => e.type === "threat")).toMatchObject({ yielded: false, tribute: 0 });
    expect(stood.state.deeds).toContainEqual({ round: 1, from: "A", to: "B", kind: "threat" });
    expect(stateOf(stood.state, "A").economy).toBeCloseTo(105, 9);
    expect(stateOf(stood.state, "B").economy).toBeCloseTo(105, 9);
  });

  it("budgets change economy and forces by the documented formulas", () => {
    // Budget 0.2 x 100 = 20; forces keep 0.9 of themselves.
    //   A 60/30/10: economy 100 + 0.5 x 20 x 0.6 = 106; defense 63 + 6 = 69;  offense 27 + 2 = 29
    //   B 100/0/0:  economy 110;                         defense 63;          offense 27
    //   C 0/0/100:  economy 100;                         defense 63;          offense 27 + 20 = 47
    //   D default:  economy 105;                         defense 70;          offense 30
    expect([T.BUDGET_RATE, T.ECONOMY_RETURN, T.FORCE_UPKEEP]).toEqual([0.2, 0.5, 0.1]);
    const game = acceptAll(newGame(), [
      { type: "budget", by: "A", economy: 60, defense: 30, offense: 10 },
      { type: "budget", by: "B", economy: 100, defense: 0, offense: 0 },
      { type: "budget", by: "C", economy: 0, defense: 0, offense: 100 },
    ]).state;
    const r1 = accept(game, { type: "resolve" }).state;
    const expected: Record<string, [number, number, number]> = {
      A: [106, 69, 29],
      B: [110, 63, 27],
      C: [100, 63, 47],
      D: [105, 70, 30],
    };
    for (const [id, [economy, defense, offense]] of Object.entries(expected)) {
      const s = stateOf(r1, id);
      expect(s.economy, `${id} economy`).toBeCloseTo(economy, 9);
      expect(s.defense, `${id} defense`).toBeCloseTo(defense, 9);
      expect(s.offense, `${id} offense`).toBeCloseTo(offense, 9);
    }
    // Round 2 spends from the economy at its start: A's budget is 0.2 x 106 = 21.2 (the draft's budget is kept):
    //   economy 106 + 0.5 x 21.2 x 0.6 = 112.36; defense 69 x 0.9 + 6.36 = 68.46; offense 29 x 0.9 + 2.12 = 28.22.
    const r2 = accept(accept(r1, { type: "nextRound" }).state, { type: "resolve" }).state;
    expect(stateOf(r2, "A").economy).toBeCloseTo(112.36, 9);
    expect(stateOf(r2, "A").defense).toBeCloseTo(68.46, 9);
    expect(stateOf(r2, "A").offense).toBeCloseTo(28.22, 9);
  });

  it("forces never fall below the floor", () => {
    const game = createGame(
      toScenario(
        scenarioInput([
          { id: "A", offensive: 0, position: [0, 0] },
          { id: "B", position: [500, 0] },
          { id: "C", position: [0, 500] },
        ]),
      ),
      { seed: 1 },
    );
    expect(stateOf(game, "A").offense).toBe(0);
    const spent = accept(game, { type: "budget", by: "A", economy: 100, defense: 0, offense: 0 }).state;
    const r = accept(spent, { type: "resolve" }).state;
    expect(stateOf(r, "A").offense).toBe(T.MIN_FORCES);
  });

  it("a war: the winner is drawn against the chance, the loser pays, both lose forces", () => {
    // A attacks B alone: A's 30 x g(1000) = 15 against B's 1.5 x 70 + 30 = 135; chance 15^2 / (15^2 + 135^2).
    const game = accept(newGame(), { type: "action", by: "A", action: { kind: "attack", target: "B" } }).state;
    const won = accept(game, { type: "resolve" }, fixedRandom(0));
    const war = won.events.find((e) => e.type === "war")!;
    expect(war).toMatchObject({ type: "war", target: "B", attackers: ["A"], defenders: ["B"], winner: "attackers", economyLost: 20 });
    expect(war.chance).toBeCloseTo(225 / (225 + 18225), 12);
    expect(won.state.deeds).toContainEqual({ round: 1, from: "A", to: "B", kind: "attack" });
    // A (winner, keeps 0.9): economy 100 + 10 spoils + 5 = 115; defense 70 x 0.9 x 0.9 + 7 = 63.7; offense 30 x 0.81 + 3 = 27.3
    // B (loser, keeps 0.7):  economy 100 - 20 + 5 = 85;         defense 70 x 0.7 x 0.9 + 7 = 51.1; offense 30 x 0.63 + 3 = 21.9
    const a = stateOf(won.state, "A");
    const b = stateOf(won.state, "B");
    expect([a.economy, a.defense, a.offense].map((x) => Math.round(x * 100) / 100)).toEqual([115, 63.7, 27.3]);
    expect([b.economy, b.defense, b.offense].map((x) => Math.round(x * 100) / 100)).toEqual([85, 51.1, 21.9]);
    expect(won.state.scores.A![0]!.war).toBe(T.WAR_WIN_POINTS);
    expect(won.state.scores.B![0]!.war).toBe(T.WAR_LOSS_POINTS);

    const lost = accept(game, { type: "resolve" }, fixedRandom(0.999));
    expect(lost.events.find((e) => e.type === "war")).toMatchObject({ winner: "defenders", economyLost: 0, spoils: {} });
    const a2 = stateOf(lost.state, "A");
    const b2 = stateOf(lost.state, "B");
    expect([a2.economy, a2.defense, a2.offense].map((x) => Math.round(x * 100) / 100)).toEqual([105, 51.1, 21.9]);
    expect([b2.economy, b2.defense, b2.offense].map((x) => Math.round(x * 100) / 100)).toEqual([105, 63.7, 27.3]);
    expect(lost.state.scores.A![0]!.war).toBe(-10);
    expect(lost.state.scores.B![0]!.war).toBe(5);
  });

  it("however many wars it loses, a state loses at most 60% of its forces in a round", () => {
    // A cluster of six equal states (economy 100, defense 70, offense 30), all within reach.
    // B is allied with C and E. A attacks B, D attacks C, F attacks E: each war widens to B, C and E
    // on the defence. With every draw 0 the attackers win all three: B loses 30% three times (90%),
    // capped at 60%, so it keeps 40%: defense 70 x 0.4 x 0.9 + 7 = 32.2, offense 30 x 0.4 x 0.9 + 3 = 13.8.
    // War points: -10 as the target, -5 as a helper twice.
    const game = createGame(
      toScenario(
        scenarioInput(
          [
            { id: "A", position: [1000, 0] },
            { id: "B", position: [0, 0] },
            { id: "C", position: [0, 1000] },
            { id: "D", position: [0, 2000] },
            { id: "E", position: [-1000, 0] },
            { id: "F", position: [-2000, 0] },
          ],
          { alliances: [["B", "C"], ["B", "E"]] },
        ),
      ),
      { seed: 1 },
    );
    const armed = acceptAll(game, [
      { type: "action", by: "A", action: { kind: "attack", target: "B" } },
      { type: "action", by: "D", action: { kind: "attack", target: "C" } },
      { type: "action", by: "F", action: { kind: "attack", target: "E" } },
    ]).state;
    const { state, events } = accept(armed, { type: "resolve" }, fixedRandom(0));
    const wars = events.filter((e) => e.type === "war");
    expect(wars).toHaveLength(3);
    for (const w of wars) expect(w.defenders).toEqual(["B", "C", "E"]);
    expect(T.MAX_FORCE_LOSS).toBe(0.6);
    expect(stateOf(state, "B").defense).toBeCloseTo(32.2, 9);
    expect(stateOf(state, "B").offense).toBeCloseTo(13.8, 9);
    // B lost 20% of its economy (only as a target): 100 - 20 + 5.
    expect(stateOf(state, "B").economy).toBeCloseTo(85, 9);
    expect(state.scores.B![0]!.war).toBe(-20);
  });

  it("an action made illegal by an alliance formed this round is cancelled at resolution", () => {
    const game = acceptAll(newGame(), [
      { type: "offer", by: "A", to: "B" },
      { type: "action", by: "A", action: { kind: "attack", target: "B" } },
      { type: "accept", by: "B", from: "A" },
    ]).state;
    const { state, events } = accept(game, { type: "resolve" }, fixedRandom(0));
    expect(state.alliances).toContainEqual(["A", "B"]);
    const cancelled = events.find((e) => e.type === "actionCancelled");
    expect(cancelled).toMatchObject({ type: "actionCancelled", by: "A", action: { kind: "attack", target: "B" } });
    expect(events.some((e) => e.type === "war")).toBe(false);
    expect(state.deeds.some((d) => d.kind === "attack")).toBe(false);
  });

  it("leaving an ally and attacking it in the same round: the betrayal comes first, then the war", () => {
    const game = acceptAll(alliedAB(), [
      { type: "leave", by: "A", ally: "B" },
      { type: "action", by: "A", action: { kind: "attack", target: "B" } },
    ]).state;
    const { state, events } = accept(game, { type: "resolve" }, fixedRandom(0.999));
    const types = events.map((e) => e.type);
    expect(types.indexOf("allianceLeft")).toBeLessThan(types.indexOf("war"));
    expect(state.deeds).toContainEqual({ round: 1, from: "A", to: "B", kind: "betrayal" });
    expect(state.deeds).toContainEqual({ round: 1, from: "A", to: "B", kind: "attack" });
  });
});

describe("scores", () => {
  it("a quiet round, by hand: prosperity 10.5, security 0.9 of the security points", () => {
    // A: economy 105 / 100 -> 10.5. Own defence 1.5 x 70 + 30 = 135; strongest hostile force:
    // B's 30 x g(1000) = 15 (C: 30 / 2.2 = 13.6, D: 30 / 10 = 3) -> SECURITY_POINTS x 135 / 150.
    const state = accept(newGame(), { type: "resolve" }).state;
    const security = Math.round(T.SECURITY_POINTS * 0.9 * 10) / 10;
    expect(state.scores.A).toEqual([{ round: 1, prosperity: 10.5, security, war: 0, theory: 0, total: 10.5 + security }]);
    expect(state.history[0]!.scores.A).toEqual(state.scores.A![0]);
  });

  it("security counts only hostile forces in reach: where nobody can reach anybody, everyone is fully secure", () => {
    const game = createGame(toScenario(farApartInput()), { seed: 1 });
    const state = accept(game, { type: "resolve" }).state;
    for (const id of ["N", "E", "S", "W"]) expect(state.scores[id]![0]!.security, id).toBe(T.SECURITY_POINTS);
  });

  it("score lines add up: total = prosperity + security + war + theory", () => {
    let game = acceptAll(newGame({}, 3, { scoring: "challenge" }), [
      { type: "action", by: "A", action: { kind: "attack", target: "B" } },
      { type: "action", by: "C", action: { kind: "threaten", target: "B" } },
      { type: "offer", by: "B", to: "C" },
    ]).state;
    game = accept(game, { type: "resolve" }).state;
    game = accept(game, { type: "nextRound" }).state;
    game = accept(game, { type: "resolve" }).state;
    for (const lines of Object.values(game.scores)) {
      expect(lines).toHaveLength(2);
      for (const l of lines) expect(l.total).toBeCloseTo(l.prosperity + l.security + l.war + l.theory, 9);
    }
  });

  it("challenge mode: every state is dealt a theory, and all three are dealt when there are 3 or more states", () => {
    for (let seed = 1; seed <= 10; seed++) {
      const game = newGame({}, seed, { scoring: "challenge" });
      expect(Object.keys(game.roles).sort()).toEqual(["A", "B", "C", "D"]);
      expect(new Set(Object.values(game.roles))).toEqual(new Set(THEORIES));
    }
    const three = createGame(
      toScenario(scenarioInput([{ id: "A" }, { id: "B", position: [100, 0] }, { id: "C", position: [0, 100] }])),
      { seed: 5, scoring: "challenge" },
    );
    expect(Object.values(three.roles).sort()).toEqual([...THEORIES].sort());
    expect(newGame().roles).toEqual({});
  });

  it("challenge mode: theory points for an alignment matching the dealt theory", () => {
    // Round 1 for A: all shares 0.25; the leading bloc is C-D (0.5); A's top threat is B
    // (0.25 x 0.5 x 0.8 = 0.1, against C's 0.25 / 2.2 x 0.8 = 0.09). Allying with C is balancing
    // against the threat B but joins the leading bloc: balance of threat, not balance of power.
    const dealt = newGame({}, 1, { scoring: "challenge" });
    const game: GameState = { ...dealt, roles: { A: "balance-of-threat", B: "bandwagon", C: "balance-of-power", D: "balance-of-power" } };
    expect(game.predictions.states.A!.balanceOfThreat.against).toBe("B");
    const r = acceptAll(game, [
      { type: "offer", by: "A", to: "C" },
      { type: "accept", by: "C", from: "A" },
      { type: "resolve" },
    ]).state;
    expect(r.history[0]!.alignments.A!.matches).toEqual(["balance-of-threat"]);
    expect(r.scores.A![0]!.theory).toBe(T.THEORY_MATCH_POINTS);
    expect(r.scores.B![0]!.theory).toBe(0);
    // The same game scored in standard mode gives no theory points.
    const standard = acceptAll(newGame(), [
      { type: "offer", by: "A", to: "C" },
      { type: "accept", by: "C", from: "A" },
      { type: "resolve" },
    ]).state;
    expect(standard.scores.A![0]!.theory).toBe(0);
  });
});

describe("rounds, crises and the end of the game", () => {
  it("nextRound starts a fresh round: drafts reset (budget kept), offers made cleared, new predictions", () => {
    const game = acceptAll(newGame(), [
      { type: "budget", by: "A", economy: 40, defense: 40, offense: 20 },
      { type: "action", by: "A", action: { kind: "threaten", target: "B" } },
      { type: "offer", by: "A", to: "C" },
      { type: "leave", by: "C", ally: "D" },
      { type: "ready", by: "A", ready: true },
      { type: "resolve" },
    ]).state;
    const { state, events } = expectAccepted(game, { type: "nextRound" });
    expect(events[0]).toEqual({ type: "roundStarted", round: 2 });
    expect(state.round).toBe(2);
    expect(state.phase).toBe("diplomacy");
    expect(state.drafts.A).toEqual({ budget: { economy: 40, defense: 40, offense: 20 }, action: { kind: "none" }, leaving: [], ready: false });
    expect(state.drafts.C!.leaving).toEqual([]);
    expect(state.offersMade.A).toEqual([]);
    expect(state.predictions.round).toBe(2);
  });

  it("the game ends after settings.rounds rounds", () => {
    let game = newGame();
    expect(game.settings.rounds).toBe(3);
    for (let round = 1; round <= 3; round++) {
      expect(game.round).toBe(round);
      game = accept(game, { type: "resolve" }).state;
      const next = accept(game, { type: "nextRound" });
      game = next.state;
      if (round < 3) expect(game.phase).toBe("diplomacy");
      else expect(next.events).toEqual([{ type: "gameEnded", round: 3, reason: "completed" }]);
    }
    expect(game.phase).toBe("ended");
    expect(game.round).toBe(3);
    expect(game.history).toHaveLength(3);
    // An override of the number of rounds.
    const short = newGame({}, 7, { rounds: 1 });
    const after = acceptAll(short, [{ type: "resolve" }, { type: "nextRound" }]).state;
    expect(after.phase).toBe("ended");
  });

  it("endGame ends the game early, from diplomacy or review", () => {
    const early = expectAccepted(newGame(), { type: "endGame" });
    expect(early.state.phase).toBe("ended");
    expect(early.events).toEqual([{ type: "gameEnded", round: 1, reason: "ended-early" }]);
    const review = accept(newGame(), { type: "resolve" }).state;
    expect(expectAccepted(review, { type: "endGame" }).state.phase).toBe("ended");
  });

  const oil: Crisis = {
    id: "oil",
    title: "Oil shock",
    text: "A's oil fields boom; B makes threats.",
    round: 2,
    effects: [{ state: "A", economy: 50 }],
    deeds: [{ from: "B", to: "A", kind: "threat" }],
  };

  it("a scripted crisis fires at the start of its round", () => {
    const game = newGame({ crises: [oil] });
    expect(game.pendingCrises.map((c) => c.id)).toEqual(["oil"]);
    expect(stateOf(game, "A").economy).toBe(100);
    const r1 = accept(game, { type: "resolve" });
    expect(r1.events.some((e) => e.type === "crisis")).toBe(false);
    expect(stateOf(r1.state, "A").economy).toBeCloseTo(105, 9);
    const r2 = accept(r1.state, { type: "nextRound" });
    expect(r2.events).toContainEqual({ type: "crisis", id: "oil", title: "Oil shock", text: oil.text });
    expect(r2.events[0]).toEqual({ type: "roundStarted", round: 2 });
    // 105 x 1.5 = 157.5
    expect(stateOf(r2.state, "A").economy).toBeCloseTo(157.5, 9);
    expect(r2.state.pendingCrises).toEqual([]);
    // The deed is dated to the round before, so it already counts in round 2's predictions: 1 + 0.5.
    expect(r2.state.deeds).toContainEqual({ round: 1, from: "B", to: "A", kind: "threat" });
    expect(r2.state.predictions.states.A!.threats.find((t) => t.from === "B")!.intentions).toBeCloseTo(1.5, 12);
  });

  it("a crisis dated round 1 breaks out before the first predictions; one without a round waits for the teacher", () => {
    const game = newGame({ crises: [{ ...oil, round: 1 }, { id: "spare", title: "Spare", text: "Live only." }] });
    expect(game.openingEvents).toEqual([{ type: "crisis", id: "oil", title: "Oil shock", text: oil.text }]);
    expect(stateOf(game, "A").economy).toBeCloseTo(150, 9);
    expect(game.deeds).toContainEqual({ round: 0, from: "B", to: "A", kind: "threat" });
    expect(game.predictions.states.A!.threats.find((t) => t.from === "B")!.intentions).toBeCloseTo(1.5, 12);
    expect(game.pendingCrises).toEqual([]);
  });

  it("a live crisis applies at once; during diplomacy the predictions are remade", () => {
    const game = newGame();
    const { events, state } = expectAccepted(game, { type: "crisis", crisis: { ...oil, round: undefined } });
    expect(events).toEqual([{ type: "crisis", id: "oil", title: "Oil shock", text: oil.text }]);
    expect(stateOf(state, "A").economy).toBeCloseTo(150, 9);
    expect(state.predictions.states.A!.threats.find((t) => t.from === "B")!.intentions).toBeCloseTo(1.5, 12);
    expect(state.predictions.states.A!.powerShare).toBeGreaterThan(game.predictions.states.A!.powerShare);
    // In review the predictions of the round just played are kept.
    const review = accept(game, { type: "resolve" }).state;
    const during = expectAccepted(review, { type: "crisis", crisis: oil }).state;
    expect(during.predictions).toEqual(review.predictions);
  });

  it("military effects change both kinds of forces by the percentage", () => {
    const crisis: Crisis = { id: "arms", title: "Arms", text: "x", effects: [{ state: "B", military: -50 }] };
    const state = expectAccepted(newGame(), { type: "crisis", crisis }).state;
    expect(stateOf(state, "B").defense).toBeCloseTo(35, 9);
    expect(stateOf(state, "B").offense).toBeCloseTo(15, 9);
  });
});

describe("events are data", () => {
  it("every outcome is JSON-safe", () => {
    const game = acceptAll(newGame(), [
      { type: "offer", by: "A", to: "B" },
      { type: "action", by: "C", action: { kind: "attack", target: "B" } },
    ]).state;
    const { state, events } = accept(game, { type: "resolve" });
    expect(JSON.parse(JSON.stringify(state))).toEqual(state);
    expect(JSON.parse(JSON.stringify(events)) as GameEvent[]).toEqual(events);
  });
});

describe("random command sequences", () => {
  const ids = ["A", "B", "C", "D", "ZZ"];
  const id = fc.constantFrom(...ids);
  const arbCommand: fc.Arbitrary<Command> = fc.oneof(
    { weight: 3, arbitrary: fc.record({ type: fc.constant("offer" as const), by: id, to: id }) },
    { weight: 3, arbitrary: fc.record({ type: fc.constant("accept" as const), by: id, from: id }) },
    { weight: 1, arbitrary: fc.record({ type: fc.constant("decline" as const), by: id, from: id }) },
    { weight: 1, arbitrary: fc.record({ type: fc.constant("withdraw" as const), by: id, to: id }) },
    { weight: 2, arbitrary: fc.record({ type: fc.constant("leave" as const), by: id, ally: id }) },
    { weight: 1, arbitrary: fc.record({ type: fc.constant("stay" as const), by: id, ally: id }) },
    {
      weight: 2,
      arbitrary: fc.record({
        type: fc.constant("budget" as const),
        by: id,
        economy: fc.integer({ min: -5, max: 105 }),
        defense: fc.integer({ min: 0, max: 100 }),
        offense: fc.integer({ min: 0, max: 100 }),
      }),
    },
    {
      weight: 3,
      arbitrary: fc.record({
        type: fc.constant("action" as const),
        by: id,
        action: fc.oneof(
          fc.constant({ kind: "none" as const }),
          fc.record({ kind: fc.constantFrom("attack" as const, "threaten" as const), target: id }),
        ),
      }),
    },
    { weight: 1, arbitrary: fc.record({ type: fc.constant("ready" as const), by: id, ready: fc.boolean() }) },
    { weight: 2, arbitrary: fc.constant({ type: "resolve" as const }) },
    { weight: 2, arbitrary: fc.constant({ type: "nextRound" as const }) },
    {
      weight: 1,
      arbitrary: fc.record({
        type: fc.constant("crisis" as const),
        crisis: fc.record({
          id: fc.constant("live"),
          title: fc.constant("Live"),
          text: fc.constant("Typed by the teacher."),
          effects: fc.array(fc.record({ state: id, economy: fc.integer({ min: -90, max: 200 }) }), { maxLength: 2 }),
        }),
      }),
    },
  );

  it("refusals change nothing, accepted commands never touch their input, and the state stays consistent", () => {
    fc.assert(
      fc.property(fc.array(arbCommand, { minLength: 1, maxLength: 40 }), fc.integer({ min: 0, max: 1000 }), (commands, seed) => {
        let game = newGame({ alliances: [["A", "B"], ["C", "D"]] }, seed);
        let resolves = 0;
        for (const command of commands) {
          const before = snapshot(game);
          const outcome = reduce(game, command, contextFor(game));
          expect(game).toEqual(before);
          if (!outcome.ok) {
            expect(REFUSAL_CODES).toContain(outcome.refusal.code);
            continue;
          }
          if (command.type === "resolve") resolves += 1;
          game = outcome.state;
          // Alliances: sorted pairs of two different known states, each once.
          const keys = game.alliances.map(([a, b]) => `${a}|${b}`);
          expect(new Set(keys).size).toBe(keys.length);
          for (const [a, b] of game.alliances) {
            expect(a < b).toBe(true);
            expect(["A", "B", "C", "D"]).toContain(a);
            expect(["A", "B", "C", "D"]).toContain(b);
          }
          // Offers: between non-allies, at most one per pair, none during review.
          for (const o of game.offers) {
            expect(game.phase).toBe("diplomacy");
            expect(game.alliances.some(([a, b]) => (a === o.from && b === o.to) || (a === o.to && b === o.from))).toBe(false);
            expect(game.offers.filter((p) => (p.from === o.from && p.to === o.to) || (p.from === o.to && p.to === o.from))).toHaveLength(1);
          }
          for (const d of Object.values(game.drafts)) {
            expect(d.budget.economy + d.budget.defense + d.budget.offense).toBe(100);
          }
          for (const st of game.states) {
            expect(st.economy).toBeGreaterThanOrEqual(T.MIN_ECONOMY);
            expect(st.defense).toBeGreaterThanOrEqual(T.MIN_FORCES);
            expect(st.offense).toBeGreaterThanOrEqual(T.MIN_FORCES);
          }
          expect(game.round).toBeLessThanOrEqual(game.settings.rounds);
          expect(game.history).toHaveLength(resolves);
        }
      }),
      { numRuns: 120 },
    );
  });
});
