// Nudging overlapping discs apart (pure: no Phaser, no DOM).
import type { Disc } from "./disc-layout.js";
import { clamp, type Rect } from "./geometry.js";

/**
 * Pushes overlapping discs apart until each pair is `gap` px clear (smaller
 * ones move more), with a weak pull back to their projected position (px, py),
 * and keeps them inside the area (px). Changes the discs' x and y in place;
 * deterministic for a given input.
 */
export function separate(
  discs: Disc[],
  area: Rect,
  gap: number,
  iterations = Math.round(clamp(24000 / Math.max(1, discs.length), 40, 120)),
): void {
  const n = discs.length;
  const keepInside = (d: Disc) => {
    d.x = clamp(d.x, area.x + d.r, area.x + area.width - d.r);
    d.y = clamp(d.y, area.y + d.r, area.y + area.height - d.r);
    if (area.width < 2 * d.r) d.x = area.x + area.width / 2;
    if (area.height < 2 * d.r) d.y = area.y + area.height / 2;
  };
  discs.forEach(keepInside);
  if (n < 2) return;
  // Discs can only touch if their centres are in the same or neighbouring cells.
  const cell = 2 * Math.max(...discs.map((d) => d.r)) + gap;
  const cells = new Map<number, number[]>();
  const cellOf = (v: number) => Math.floor(v / cell);
  const key = (cx: number, cy: number) => cx * 100003 + cy;
  const near: number[] = [];
  for (let it = 0; it < iterations; it++) {
    let worst = 0;
    cells.clear();
    discs.forEach((d, i) => {
      const k = key(cellOf(d.x), cellOf(d.y));
      const list = cells.get(k);
      if (list) list.push(i);
      else cells.set(k, [i]);
    });
    for (let i = 0; i < n; i++) {
      const a = discs[i] as Disc;
      near.length = 0;
      const cx = cellOf(a.x);
      const cy = cellOf(a.y);
      for (let ox = -1; ox <= 1; ox++) {
        for (let oy = -1; oy <= 1; oy++) {
          for (const j of cells.get(key(cx + ox, cy + oy)) ?? []) if (j > i) near.push(j);
        }
      }
      near.sort((x, y) => x - y);
      for (const j of near) {
        const b = discs[j] as Disc;
        const dx = b.x - a.x;
        const dy = b.y - a.y;
        const need = a.r + b.r + gap;
        if (Math.abs(dx) >= need || Math.abs(dy) >= need) continue;
        const d = Math.hypot(dx, dy);
        if (d >= need) continue;
        let ux: number;
        let uy: number;
        if (d < 1e-6) {
          // Same place: split along a direction fixed by the pair, so the result is deterministic.
          const angle = (i * 7 + j * 13) * 2.399963;
          ux = Math.cos(angle);
          uy = Math.sin(angle);
        } else {
          ux = dx / d;
          uy = dy / d;
        }
        const push = need - d;
        worst = Math.max(worst, push);
        const wa = (b.r * b.r) / (a.r * a.r + b.r * b.r);
        const step = push * 0.55;
        a.x -= ux * step * wa;
        a.y -= uy * step * wa;
        b.x += ux * step * (1 - wa);
        b.y += uy * step * (1 - wa);
      }
    }
    // A weak pull home keeps the geography; it stops for the last rounds so they can settle.
    const pull = it < iterations * 0.6 ? 0.02 : 0;
    for (const d of discs) {
      d.x += (d.px - d.x) * pull;
      d.y += (d.py - d.y) * pull;
      keepInside(d);
    }
    if (worst < 0.5) break;
  }
}
