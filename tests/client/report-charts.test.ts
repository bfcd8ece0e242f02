// The debrief charts' label placement (client/src/report/charts.ts): end labels
// stacked apart inside the plot, round ticks thinned so that none touches the
// next, and in the drawn SVG no two label boxes (by the same size estimate the
// charts use) overlap or leave the chart. The real drawn boxes are checked in
// Chromium by tests/e2e/printed-debrief.test.ts.
import { describe, expect, it } from "vitest";
import { networkMap, powerChart, stackLabels, textWidth, visibleTicks } from "../../client/src/report/charts.js";

describe("stackLabels", () => {
  it("keeps every label at least a step from the next, inside the bounds, in the order asked", () => {
    const wanted = [100, 101, 99, 300, 298, 5, 400, 400, 400];
    const out = stackLabels(wanted, 17, 10, 400);
    const sorted = [...out].sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++) expect(sorted[i]! - sorted[i - 1]!).toBeGreaterThanOrEqual(17 - 1e-9);
    expect(Math.min(...out)).toBeGreaterThanOrEqual(10);
    expect(Math.max(...out)).toBeLessThanOrEqual(400);
    // The order of the wanted positions is kept (a label never jumps past another).
    const order = (xs: number[]) => xs.map((_, i) => i).sort((a, b) => xs[a]! - xs[b]! || a - b);
    expect(order(out)).toEqual(order(wanted));
    // Labels with room stay where they were wanted.
    expect(stackLabels([50, 200], 17, 0, 400)).toEqual([50, 200]);
  });
});

describe("visibleTicks", () => {
  it("shows every tick when there is room, else every k-th and always the last, never two too close", () => {
    expect(visibleTicks(4, 100, 40)).toEqual([0, 1, 2, 3]);
    for (const n of [2, 5, 9, 13, 30]) {
      const spacing = 600 / (n - 1);
      const shown = visibleTicks(n, spacing, 40);
      expect(shown[0]).toBe(0);
      expect(shown.at(-1)).toBe(n - 1);
      for (let i = 1; i < shown.length; i++) expect((shown[i]! - shown[i - 1]!) * spacing).toBeGreaterThanOrEqual(40 + 8);
    }
  });
});

/** Boxes of the SVG's labels from their attributes and the width estimate (jsdom has no layout). */
function boxes(svg: SVGSVGElement): { text: string; x0: number; x1: number; y0: number; y1: number }[] {
  return [...svg.querySelectorAll("text")].map((t) => {
    const size = Number(t.getAttribute("font-size"));
    const w = textWidth(t.textContent, size);
    const x = Number(t.getAttribute("x"));
    const anchor = t.getAttribute("text-anchor");
    const x0 = anchor === "middle" ? x - w / 2 : anchor === "end" ? x - w : x;
    const baseline = Number(t.getAttribute("y"));
    return { text: t.textContent, x0, x1: x0 + w, y0: baseline - 0.95 * size, y1: baseline + 0.3 * size };
  });
}

function problems(svg: SVGSVGElement): string[] {
  const [, , width, height] = svg.getAttribute("viewBox")!.split(" ").map(Number) as [number, number, number, number];
  const b = boxes(svg);
  const out: string[] = [];
  for (const l of b) if (l.x0 < 0 || l.y0 < 0 || l.x1 > width || l.y1 > height) out.push(`"${l.text}" leaves the chart`);
  b.forEach((p, i) =>
    b.slice(i + 1).forEach((q) => {
      if (Math.min(p.x1, q.x1) > Math.max(p.x0, q.x0) && Math.min(p.y1, q.y1) > Math.max(p.y0, q.y0)) out.push(`"${p.text}" overlaps "${q.text}"`);
    }),
  );
  return out;
}

describe("the charts' labels", () => {
  it("power chart: twelve states ending at nearly the same share, long names, many rounds", () => {
    const rounds = Array.from({ length: 16 }, (_, i) => i);
    const series = Array.from({ length: 12 }, (_, k) => ({ id: `S${k}`, name: k % 3 === 0 ? `Grand Duchy of Wellmark ${k}` : `State ${k}`, values: rounds.map(() => 0.05 + (k % 2) * 0.001) }));
    const svg = powerChart(series, rounds, "test");
    expect(problems(svg)).toEqual([]);
    expect([...svg.querySelectorAll("text")].map((t) => t.textContent)).toContain("Grand Duchy of Wellmark 0 5%");
  });

  it("network map: eight states crowded together are labelled without overlaps", () => {
    const states = Array.from({ length: 8 }, (_, k) => ({ id: `S${k}`, name: `Statename ${k}`, x: (k % 3) * 50, y: Math.floor(k / 3) * 50, share: 0.125 }));
    const svg = networkMap(states, [["S0", "S1"], ["S2", "S5"]], "test");
    expect(problems(svg)).toEqual([]);
    expect(svg.querySelectorAll("text").length).toBeGreaterThan(0);
  });
});
