// The timeline of the round animation (no Phaser needed: the tracks draw on a
// fake Graphics).
import type Phaser from "../../client/src/map/phaser.js";
import { afterEach, describe, expect, it, vi } from "vitest";
import {
  advance,
  ANIMATION_MAX_MS,
  drawTracks,
  fade,
  startAnimation,
  type RoundPlan,
  type Track,
} from "../../client/src/map/animation.js";
import { drawArmies } from "../../client/src/map/round-tracks.js";

afterEach(() => {
  vi.useRealTimers();
});

const plan = (ends: number[]): RoundPlan => ({
  tracks: ends.map((end) => ({ start: 0, end, frame: () => {} })),
  objects: [],
  suppressed: new Set(["alliance:A|B"]),
});

describe("round animation timeline", () => {
  it("fades in, holds and fades out", () => {
    expect(fade(0.1, 0.2, 0.75)).toBeCloseTo(0.5);
    expect(fade(0.5, 0.2, 0.75)).toBe(1);
    expect(fade(0.875, 0.2, 0.75)).toBeCloseTo(0.5);
    expect(fade(1, 0.2, 0.75)).toBe(0);
  });

  it("lasts until the last track ends, at most ANIMATION_MAX_MS, and finishes on the wall clock if frames stop", () => {
    vi.useFakeTimers();
    const stalled = vi.fn();
    const short = startAnimation(plan([300, 1200]), () => {}, stalled);
    expect(short.total).toBe(1200);
    expect(short.suppressed.has("alliance:A|B")).toBe(true);
    const long = startAnimation(plan([9000]), () => {}, () => {});
    expect(long.total).toBe(ANIMATION_MAX_MS);
    clearTimeout(long.timer);
    vi.advanceTimersByTime(1200 + 1499);
    expect(stalled).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(stalled).toHaveBeenCalledOnce();
  });

  it("starts its clock at the first frame and reports the end", () => {
    vi.useFakeTimers();
    const anim = startAnimation(plan([1000]), () => {}, () => {});
    expect(advance(anim, 5000)).toBe(false);
    expect(anim.elapsed).toBe(0);
    expect(advance(anim, 5400)).toBe(false);
    expect(anim.elapsed).toBe(400);
    expect(advance(anim, 6000)).toBe(true);
    clearTimeout(anim.timer);
  });

  it("draws the started tracks at their progress, clamped to 0..1", () => {
    const seen: [string, number][] = [];
    const track = (name: string, start: number, end: number): Track => ({
      start,
      end,
      frame: (_g, p) => seen.push([name, p]),
    });
    const g = { clear: vi.fn() } as unknown as Phaser.GameObjects.Graphics;
    drawTracks(g, [track("early", 0, 200), track("mid", 100, 300), track("late", 500, 900)], 150);
    expect(g.clear).toHaveBeenCalledOnce();
    expect(seen).toEqual([
      ["early", 0.75],
      ["mid", 0.25],
    ]);
    seen.length = 0;
    drawTracks(g, [track("early", 0, 200)], 400);
    expect(seen).toEqual([["early", 1]]);
  });
});

describe("armies marching in a war", () => {
  /** A fake Graphics that records the tips of the triangles drawn. */
  const recorder = () => {
    const tips: [number, number][] = [];
    const g = {
      fillStyle: vi.fn(),
      lineStyle: vi.fn(),
      fillTriangle: (x1: number, y1: number) => tips.push([x1, y1]),
      strokeTriangle: vi.fn(),
    } as unknown as Phaser.GameObjects.Graphics;
    return { g, tips };
  };
  const line = { x1: 0, y1: 0, x2: 100, y2: 0 };

  it("sends three tokens one after another along the line, all at its end when done", () => {
    const start = recorder();
    drawArmies(start.g, line, 0.05, 0xff0000, 0xffffff, 10);
    expect(start.tips).toHaveLength(1); // the first has left, the others wait
    const mid = recorder();
    drawArmies(mid.g, line, 0.5, 0xff0000, 0xffffff, 10);
    expect(mid.tips).toHaveLength(3);
    const xs = mid.tips.map(([x]) => x);
    expect(xs[0]).toBeGreaterThan(xs[1]!); // the leader is ahead
    expect(xs[1]).toBeGreaterThan(xs[2]!);
    for (const [, y] of mid.tips) expect(y).toBeCloseTo(0); // on the line, pointing along it
    const end = recorder();
    drawArmies(end.g, line, 1, 0xff0000, 0xffffff, 10);
    for (const [x] of end.tips) expect(x).toBeCloseTo(106); // the end plus the tip's reach (0.6 x size)
  });
});
