// The page's server clock (client/src/common/server-clock.ts), the heartbeat's
// round trip and the header countdown, on injected clocks: the device's date is
// moved (as when a Chromebook corrects its time mid-round) while the monotonic
// clock goes on at its own pace, and the countdown must follow the server.
import { afterEach, describe, expect, it } from "vitest";
import { Heartbeat, MIN_GAP_MS } from "../../client/src/common/heartbeat.js";
import { clockText } from "../../client/src/common/live.js";
import { ServerClock } from "../../client/src/common/server-clock.js";
import type { Synced } from "../../client/src/common/synced.js";

/** A clock a test moves by hand. */
function handClock(start: number) {
  let t = start;
  return { read: () => t, advance: (ms: number) => (t += ms), set: (ms: number) => (t = ms) };
}

const TEN_MINUTES = 10 * 60_000;
const SERVER_START = Date.UTC(2026, 10, 30, 9, 0, 0);

describe("ServerClock", () => {
  it("reads the device's clock until the server's time has been heard", () => {
    const wall = handClock(1_000_000);
    const clock = new ServerClock(() => 5, wall.read);
    expect(clock.synchronized).toBe(false);
    expect(clock.now()).toBe(1_000_000);
    wall.advance(250);
    expect(clock.now()).toBe(1_000_250);
  });

  it("counts from the last server sample on the monotonic clock, whatever the device's date does", () => {
    const mono = handClock(42_000);
    const wall = handClock(SERVER_START - 3_000); // the device is 3 s late
    const clock = new ServerClock(mono.read, wall.read);
    clock.heard(SERVER_START);
    expect(clock.synchronized).toBe(true);
    expect(clock.now()).toBe(SERVER_START);

    mono.advance(30_000);
    wall.advance(30_000 + TEN_MINUTES); // the device's date is corrected by ten minutes meanwhile
    expect(clock.now()).toBe(SERVER_START + 30_000);

    wall.advance(-2 * TEN_MINUTES); // and back again, further than before
    mono.advance(1_500);
    expect(clock.now()).toBe(SERVER_START + 31_500);
  });

  it("takes the server's time halfway through the round trip of the question it answers", () => {
    const mono = handClock(0);
    const clock = new ServerClock(mono.read, () => 0);
    clock.heard(SERVER_START, 400);
    expect(clock.now()).toBe(SERVER_START + 200);
    // A later sample replaces the earlier one (the server's clock is the truth, drift included).
    mono.advance(10_000);
    clock.heard(SERVER_START + 10_050, 0);
    expect(clock.now()).toBe(SERVER_START + 10_050);
  });

  it("ignores a sample that is not a number", () => {
    const mono = handClock(0);
    const clock = new ServerClock(mono.read, () => 7);
    clock.heard(Number.NaN);
    expect(clock.synchronized).toBe(false);
    clock.heard(SERVER_START, Number.NaN);
    expect(clock.now()).toBe(SERVER_START);
  });
});

describe("Heartbeat's round trip", () => {
  let beat: Heartbeat | null = null;
  afterEach(() => beat?.stop());

  it("is measured on the monotonic clock: a date corrected between ping and pong changes nothing", () => {
    const mono = handClock(10_000);
    const sent: number[] = [];
    const answers: { serverTime: number; roundTripMs: number }[] = [];
    beat = new Heartbeat(
      {
        send: (ref) => sent.push(ref),
        answered: (serverTime, roundTripMs) => answers.push({ serverTime, roundTripMs }),
        dead: () => undefined,
      },
      mono.read,
    );
    beat.start();
    beat.check();
    expect(sent).toHaveLength(1);
    const realNow = Date.now;
    try {
      Date.now = () => realNow() + TEN_MINUTES; // the device's date jumps while the ping is out
      mono.advance(180);
      beat.pong(sent[0], SERVER_START);
    } finally {
      Date.now = realNow;
    }
    expect(answers).toEqual([{ serverTime: SERVER_START, roundTripMs: 180 }]);
  });

  it("keeps pings apart by MIN_GAP_MS on the monotonic clock", () => {
    const mono = handClock(0);
    const sent: number[] = [];
    beat = new Heartbeat({ send: (ref) => sent.push(ref), answered: () => undefined, dead: () => undefined }, mono.read);
    beat.start();
    mono.set(MIN_GAP_MS); // the first ping may go at once
    beat.check();
    beat.pong(sent[0], SERVER_START);
    mono.advance(MIN_GAP_MS - 1);
    beat.check(); // too soon: deferred, not sent
    expect(sent).toHaveLength(1);
  });
});

describe("the header countdown", () => {
  const diplomacy = (deadline: number) => ({ phase: "diplomacy", paused: false, deadline, remaining: null }) as unknown as Synced;

  it("shows the time left on the server's clock while the device's date jumps ten minutes", () => {
    const mono = handClock(0);
    const wall = handClock(SERVER_START);
    const clock = new ServerClock(mono.read, wall.read);
    const conn = { serverNow: () => clock.now() };
    clock.heard(SERVER_START);
    const synced = diplomacy(SERVER_START + 5 * 60_000);
    expect(clockText(synced, conn)).toBe("5:00");

    mono.advance(60_000);
    wall.advance(60_000 + TEN_MINUTES);
    expect(clockText(synced, conn)).toBe("4:00");

    mono.advance(3 * 60_000 + 30_000);
    wall.advance(-TEN_MINUTES);
    expect(clockText(synced, conn)).toBe("0:30");
  });

  it("shows the frozen time while paused, and nothing outside diplomacy", () => {
    const conn = { serverNow: () => SERVER_START };
    expect(clockText({ phase: "diplomacy", paused: true, deadline: null, remaining: 75_000 } as unknown as Synced, conn)).toBe("⏸ 1:15");
    expect(clockText({ phase: "review", paused: false, deadline: SERVER_START + 1000, remaining: null } as unknown as Synced, conn)).toBe("");
    expect(clockText(null, conn)).toBe("");
  });
});
