// A small hand-made game for the report tests: four states, two rounds, every
// seat played by a team, built with createSession + reduceSession.
import { reduceSession } from "../../shared/classroom/reduce.js";
import { createSession } from "../../shared/classroom/setup.js";
import type { Actor, SessionCommand, SessionSettings, Session, GameMove, LogEntry } from "../../shared/classroom/types.js";
import type { Scenario } from "../../shared/scenario/schema.js";

export const SCENARIO = {
  id: "four-corners",
  title: "Four Corners",
  rounds: 2,
  states: [
    { id: "BIG", name: "Bigland", military: 40, economy: 40, position: [0, 0], offensive: 0.3 },
    { id: "NEA", name: "Nearby", military: 12, economy: 10, position: [1500, 0], offensive: 0.6 },
    { id: "MID", name: "Midland", military: 10, economy: 10, position: [1800, 300], offensive: 0.1 },
    { id: "FAR", name: "Farland", military: 8, economy: 8, position: [3000, 3000], offensive: 0.1 },
  ],
  borders: [["MID", "NEA"]],
} as unknown as Scenario;

export const SETTINGS: SessionSettings = {
  rounds: 2,
  diplomacySeconds: 60,
  chatMode: "open",
  scoring: "standard",
  teams: { mode: "count", value: 4 },
  emptySeats: "empty",
  seed: 11,
};

export const T0 = 1_700_000_000_000;

/** Builds a session by applying entries one by one (each must be accepted); keeps the log. */
export class GameBuilder {
  room: Session;
  log: LogEntry[] = [];
  private at = T0;
  constructor(scenario = SCENARIO, settings = SETTINGS, code = "ABC123") {
    this.room = createSession(scenario, settings, code, T0);
  }
  apply(actor: Actor, command: SessionCommand): this {
    this.at += 1000;
    const entry: LogEntry = { seq: this.log.length + 1, at: this.at, actor, command };
    const out = reduceSession(this.room, entry);
    if (!out.ok) throw new Error(`refused ${command.type}: ${out.refusal.message}`);
    this.room = out.state;
    this.log.push(entry);
    return this;
  }
  join(id: string, nickname: string) {
    return this.apply({ kind: "system" }, { type: "join", studentId: id, nickname, keyHash: "h" });
  }
  teacher(command: SessionCommand) {
    return this.apply({ kind: "teacher" }, command);
  }
  play(id: string, move: GameMove) {
    return this.apply({ kind: "student", studentId: id }, { type: "play", move });
  }
  say(id: string, channel: string, text: string) {
    return this.apply({ kind: "student", studentId: id }, { type: "chat", channel, text });
  }
}

/**
 * The hand-made game. Round 1: Midland offers Bigland, which accepts (alliance);
 * Farland offers Nearby (left unanswered); Bigland threatens Nearby. Round 2:
 * Nearby attacks Midland, and Bigland is dragged in by its pact. Chat with
 * quotes, commas, newlines and a formula-looking nickname and text.
 */
export function handGame(): GameBuilder {
  const g = new GameBuilder();
  g.join("s1", "Ann").join("s2", "Bob").join("s3", "Cy").join("s4", "=cmd()");
  g.teacher({ type: "start" });
  g.play("s3", { type: "offer", to: "BIG" }).play("s1", { type: "accept", from: "MID" });
  g.play("s4", { type: "offer", to: "NEA" });
  g.play("s1", { type: "action", action: { kind: "threaten", target: "NEA" } });
  g.say("s1", "public", 'We "protect", you, Bob\nsecond line');
  g.say("s4", "public", "=HYPERLINK(\"http://x\")");
  g.teacher({ type: "advance" }).teacher({ type: "advance" });
  g.play("s2", { type: "action", action: { kind: "attack", target: "MID" } });
  g.say("s2", "private:MID|NEA", "+1 sorry Cy");
  g.teacher({ type: "advance" }).teacher({ type: "advance" });
  return g;
}
