// What the teacher's console monitors, as the model decides it: whether a
// team's draft is complete, which theory its drafted alignment fits (the same
// classification resolution makes), and taking the announcement down.
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { currentAnnouncement } from "../../shared/classroom/announcements.js";
import { reduceSession, replaySession } from "../../shared/classroom/reduce.js";
import { createSession } from "../../shared/classroom/setup.js";
import type { Actor, LogEntry, Session, SessionCommand } from "../../shared/classroom/types.js";
import { countsAsDeciding, readyCount } from "../../shared/classroom/readiness.js";
import { audienceOf } from "../../shared/classroom/visibility.js";
import { eventText } from "../../shared/classroom/event-text.js";
import { decodeFit, encodeFit } from "../../shared/protocol/codec.js";
import { draftFit, draftGaps, isDraftComplete } from "../../shared/rules/draft-status.js";
import { contextFor, reduce } from "../../shared/rules/reduce.js";
import { createGame } from "../../shared/rules/setup.js";
import type { Command, GameState } from "../../shared/rules/types.js";
import { builtinScenario } from "../../shared/scenario/builtin/index.js";
import { accept, acceptAll, rulesInput, toScenario } from "./fixtures.js";

const newGame = () => createGame(toScenario(rulesInput()), { seed: 7 });

describe("draft completeness", () => {
  it("a fresh round's draft is incomplete: the carried-over budget and the default action were not chosen", () => {
    const game = newGame();
    expect(draftGaps(game.drafts.A!)).toEqual(["budget", "action"]);
    expect(isDraftComplete(game.drafts.A!)).toBe(false);
  });

  it("complete once the team saved a budget and chose an action, 'none' included, in either order", () => {
    let game = accept(newGame(), { type: "budget", by: "A", economy: 50, defense: 35, offense: 15 }).state;
    expect(draftGaps(game.drafts.A!)).toEqual(["action"]);
    game = accept(game, { type: "action", by: "A", action: { kind: "none" } }).state;
    expect(isDraftComplete(game.drafts.A!)).toBe(true);
    const other = acceptAll(newGame(), [
      { type: "action", by: "B", action: { kind: "threaten", target: "A" } },
      { type: "budget", by: "B", economy: 20, defense: 40, offense: 40 },
    ]).state;
    expect(isDraftComplete(other.drafts.B!)).toBe(true);
    // Another team's draft is not touched.
    expect(isDraftComplete(other.drafts.A!)).toBe(false);
  });

  it("a refused budget or action does not count; readiness and offers do not complete a draft", () => {
    const game = newGame();
    expect(reduce(game, { type: "budget", by: "A", economy: 50, defense: 50, offense: 50 }, contextFor(game)).ok).toBe(false);
    expect(reduce(game, { type: "action", by: "A", action: { kind: "attack", target: "D" } }, contextFor(game)).ok).toBe(false);
    const moved = acceptAll(game, [
      { type: "offer", by: "A", to: "B" },
      { type: "ready", by: "A", ready: true },
    ]).state;
    expect(draftGaps(moved.drafts.A!)).toEqual(["budget", "action"]);
  });

  it("the next round starts incomplete again", () => {
    const done = acceptAll(newGame(), [
      { type: "budget", by: "A", economy: 40, defense: 40, offense: 20 },
      { type: "action", by: "A", action: { kind: "none" } },
      { type: "resolve" },
      { type: "nextRound" },
    ]).state;
    expect(done.round).toBe(2);
    expect(draftGaps(done.drafts.A!)).toEqual(["budget", "action"]);
  });
});

describe("draftFit: the drafted alignment against the round's predictions", () => {
  const ids = ["A", "B", "C", "D"];
  const diplomacy = fc.oneof(
    fc.record({ type: fc.constant("offer" as const), by: fc.constantFrom(...ids), to: fc.constantFrom(...ids) }),
    fc.record({ type: fc.constant("accept" as const), by: fc.constantFrom(...ids), from: fc.constantFrom(...ids) }),
    fc.record({ type: fc.constant("decline" as const), by: fc.constantFrom(...ids), from: fc.constantFrom(...ids) }),
    fc.record({ type: fc.constant("withdraw" as const), by: fc.constantFrom(...ids), to: fc.constantFrom(...ids) }),
    fc.record({ type: fc.constant("leave" as const), by: fc.constantFrom(...ids), ally: fc.constantFrom(...ids) }),
    fc.record({ type: fc.constant("stay" as const), by: fc.constantFrom(...ids), ally: fc.constantFrom(...ids) }),
  );

  /** Applies the commands the rules accept and skips the rest. */
  function play(game: GameState, commands: Command[]): GameState {
    for (const c of commands) {
      const out = reduce(game, c, contextFor(game));
      if (out.ok) game = out.state;
    }
    return game;
  }

  it("equals the classification resolution makes of the same drafts (any sequence of diplomacy moves)", () => {
    fc.assert(
      fc.property(fc.array(diplomacy, { maxLength: 12 }), (commands) => {
        const game = play(newGame(), commands);
        const resolved = accept(game, { type: "resolve" }).state;
        const record = resolved.history[resolved.history.length - 1]!;
        for (const id of ids) {
          const a = record.alignments[id]!;
          expect(draftFit(game, id)).toEqual({ "balance-of-power": a.balanceOfPower, "balance-of-threat": a.balanceOfThreat, bandwagon: a.bandwagon });
        }
      }),
      { numRuns: 60 },
    );
  });

  it("follows the draft: an offer to a state the theory names as a partner fits it; withdrawing it does not", () => {
    const game = newGame();
    const prediction = game.predictions.states.A!;
    const partner = prediction.balanceOfThreat.partners[0]!;
    const offered = accept(game, { type: "offer", by: "A", to: partner }).state;
    expect(draftFit(offered, "A")!["balance-of-threat"]).toBe(true);
    const withdrawn = accept(offered, { type: "withdraw", by: "A", to: partner }).state;
    expect(draftFit(withdrawn, "A")!["balance-of-threat"]).toBe(false);
  });

  it("round-trips through the synchronized text, with no prediction as '-'", () => {
    const fits = [
      { "balance-of-power": true, "balance-of-threat": false, bandwagon: false },
      { "balance-of-power": null, "balance-of-threat": true, bandwagon: true },
    ] as const;
    for (const f of fits) expect(decodeFit(encodeFit(f))).toEqual(f);
    expect(encodeFit(fits[1])).toBe("-,yes,yes");
    expect(decodeFit(encodeFit(null))).toBeNull();
  });
});

describe("taking the announcement down", () => {
  const scenario = builtinScenario("rival-shores")!;
  const TEACHER: Actor = { kind: "teacher" };
  const T0 = 1_000_000;
  function driver() {
    let state: Session = createSession(scenario, { rounds: 3, diplomacySeconds: 60, chatMode: "open", scoring: "standard", teams: { mode: "count", value: 2 }, emptySeats: "balance-of-threat", seed: 7 }, "ABCDEF", T0);
    const initial = state;
    const log: LogEntry[] = [];
    const run = (actor: Actor, command: SessionCommand) => {
      const entry: LogEntry = { seq: log.length + 1, at: T0 + log.length * 1000, actor, command };
      const out = reduceSession(state, entry);
      if (out.ok) {
        state = out.state;
        log.push(entry);
      }
      return out;
    };
    return { run, get state() { return state; }, initial, log };
  }

  it("clears the shown announcement, keeps it in the list and the timeline, and a new one shows again", () => {
    const d = driver();
    d.run(TEACHER, { type: "announce", text: "Two minutes left" });
    expect(currentAnnouncement(d.state)).toBe("Two minutes left");
    const out = d.run(TEACHER, { type: "clearAnnouncement" });
    expect(out.ok && out.events).toEqual([{ type: "announcementCleared" }]);
    expect(currentAnnouncement(d.state)).toBe("");
    expect(d.state.announcements.map((a) => a.text)).toEqual(["Two minutes left"]);
    expect(d.state.timeline.map((t) => t.event.type)).toContain("announcementCleared");
    d.run(TEACHER, { type: "announce", text: "Vote now" });
    expect(currentAnnouncement(d.state)).toBe("Vote now");
    // Replaying the log rebuilds the same announcement.
    d.run(TEACHER, { type: "clearAnnouncement" });
    expect(currentAnnouncement(replaySession(d.initial, d.log).state)).toBe("");
  });

  it("is refused when nothing is shown, and for anyone but the teacher", () => {
    const d = driver();
    const none = d.run(TEACHER, { type: "clearAnnouncement" });
    expect(!none.ok && none.refusal.code).toBe("stale");
    d.run(TEACHER, { type: "announce", text: "Hello" });
    for (const actor of [{ kind: "student", studentId: "s-x" }, { kind: "projector" }, { kind: "system" }] as Actor[]) {
      const out = d.run(actor, { type: "clearAnnouncement" });
      expect(!out.ok && out.refusal.code).toBe("not-allowed");
    }
    expect(currentAnnouncement(d.state)).toBe("Hello");
  });

  it("is a public event with a sentence", () => {
    expect(audienceOf({ type: "announcementCleared" })).toEqual({ kind: "public" });
    expect(eventText({ type: "announcementCleared" }, (id) => id)).toMatch(/announcement/);
  });
});

describe("the ready count", () => {
  it("counts only team seats with students; bots, nobody and empty teams never count", () => {
    expect(
      readyCount([
        { control: "team", members: 2, ready: true },
        { control: "team", members: 1, ready: false },
        { control: "team", members: 0, ready: true },
        { control: "balance-of-threat", members: 0, ready: true },
        { control: "bandwagon", members: 3, ready: true },
        { control: "empty", members: 0, ready: false },
      ]),
    ).toEqual({ ready: 1, of: 2 });
    expect(countsAsDeciding({ control: "random", members: 4 })).toBe(false);
  });

  it("is the rule that ends the round when every team is ready", () => {
    const scenario = builtinScenario("rival-shores")!;
    let state = createSession(scenario, { rounds: 3, diplomacySeconds: 60, chatMode: "open", scoring: "standard", teams: { mode: "count", value: 2 }, emptySeats: "balance-of-threat", seed: 7 }, "ABCDEF", 0);
    let seq = 0;
    const run = (actor: Actor, command: SessionCommand) => {
      const out = reduceSession(state, { seq: ++seq, at: seq * 1000, actor, command });
      if (!out.ok) throw new Error(out.refusal.message);
      state = out.state;
    };
    const count = () => readyCount(state.game.states.map((x) => ({ control: state.control[x.id] ?? "empty", members: Object.values(state.students).filter((s) => s.state === x.id).length, ready: state.game.drafts[x.id]?.ready === true })));
    run({ kind: "system" }, { type: "join", studentId: "a", nickname: "Ann", keyHash: "ha" });
    run({ kind: "system" }, { type: "join", studentId: "b", nickname: "Ben", keyHash: "hb" });
    run({ kind: "teacher" }, { type: "start" });
    expect(count()).toEqual({ ready: 0, of: 2 });
    run({ kind: "student", studentId: "a" }, { type: "play", move: { type: "ready", ready: true } });
    expect(count()).toEqual({ ready: 1, of: 2 });
    expect(state.phase).toBe("diplomacy");
    run({ kind: "student", studentId: "b" }, { type: "play", move: { type: "ready", ready: true } });
    expect(state.phase).toBe("review");
  });
});
