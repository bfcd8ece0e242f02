// The timeline of a round's animation: timed tracks (made by round-tracks.ts
// from the round's happenings) that the scene plays frame by frame on the
// wall clock, for at most ANIMATION_MAX_MS.
import type Phaser from "./phaser.js";
import { clamp } from "./geometry.js";

/** Longest possible round animation (ms). */
export const ANIMATION_MAX_MS = 2800;

/** One timed part of a round's animation, from `start` to `end` (ms since the first frame). */
export interface Track {
  start: number;
  end: number;
  /** Draws the frame at progress p (0 to 1 within the track) on g, or updates its own objects. */
  frame(g: Phaser.GameObjects.Graphics, p: number): void;
}

/** What a round's animation shows: its tracks, the objects it made, and the edges it draws itself. */
export interface RoundPlan {
  tracks: Track[];
  /** Game objects made for the animation (tags, banner): destroyed when it ends. */
  objects: Phaser.GameObjects.GameObject[];
  /** Edge keys (edgeKey) hidden from the static drawing while they are animated. */
  suppressed: Set<string>;
}

/** A playing round: its plan and its frame-driven clock. */
export interface RoundAnimation extends RoundPlan {
  /** Frame time of the first frame, and ms since. */
  startTime: number | null;
  elapsed: number;
  /** Length (ms), at most ANIMATION_MAX_MS. */
  total: number;
  resolve: () => void;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * The animation of a planned round (at least one track), to be played from
 * its first frame: it lasts until its last track ends, at most
 * ANIMATION_MAX_MS. If frames stop (the tab went to the background),
 * `onStall` runs on the wall clock 1.5 s after it should have ended.
 */
export function startAnimation(plan: RoundPlan, resolve: () => void, onStall: () => void): RoundAnimation {
  const total = Math.min(ANIMATION_MAX_MS, Math.max(...plan.tracks.map((tr) => tr.end)));
  return { startTime: null, elapsed: 0, total, ...plan, resolve, timer: setTimeout(onStall, total + 1500) };
}

/** Moves the animation's clock to the frame at `time` (ms); true when it has run its length. */
export function advance(anim: RoundAnimation, time: number): boolean {
  // Wall-clock time (the frame's timestamp), so that slow frames do not stretch the round.
  anim.startTime ??= time;
  anim.elapsed = Math.max(0, time - anim.startTime);
  return anim.elapsed >= anim.total;
}

/** Opacity (0 to 1) at progress p: fades in until inEnd, holds, fades out from outStart. */
export function fade(p: number, inEnd: number, outStart: number): number {
  return p < inEnd ? p / inEnd : p > outStart ? Math.max(0, (1 - p) / (1 - outStart)) : 1;
}

/** Draws the frame at `elapsed` ms: every track that has started, at its progress. */
export function drawTracks(g: Phaser.GameObjects.Graphics, tracks: readonly Track[], elapsed: number): void {
  g.clear();
  for (const track of tracks) {
    if (elapsed < track.start) continue; // (tags start transparent)
    track.frame(g, clamp((elapsed - track.start) / Math.max(1, track.end - track.start), 0, 1));
  }
}
