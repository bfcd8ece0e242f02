// Made-up scenarios of any size, for benchmarks and tests: states scattered on
// a square map, random strengths, a few alliances and prior deeds.
import { seededRandom } from "../random.js";
import type { Scenario } from "./schema.js";

export function generateScenario(count: number, seed: number, rounds = 10): Scenario {
  const random = seededRandom(seed);
  const side = Math.sqrt(count) * 600; // about 600 km between neighbours
  const states = Array.from({ length: count }, (_, i) => ({
    id: `S${i + 1}`,
    name: `State ${i + 1}`,
    military: Math.round((5 + random() * 95) * 100) / 100,
    economy: Math.round((5 + random() * 95) * 100) / 100,
    position: [Math.round(random() * side), Math.round(random() * side)] as [number, number],
    offensive: Math.round(random() * 100) / 100,
  }));
  const alliances: [string, string][] = [];
  const history: Scenario["history"] = [];
  const seen = new Set<string>();
  for (let i = 0; i < Math.floor(count / 4); i++) {
    const a = 1 + Math.floor(random() * count);
    const b = 1 + Math.floor(random() * count);
    const key = a < b ? `${a}|${b}` : `${b}|${a}`;
    if (a === b || seen.has(key)) continue;
    seen.add(key);
    alliances.push([`S${a}`, `S${b}`]);
  }
  for (let i = 0; i < Math.floor(count / 3); i++) {
    const a = 1 + Math.floor(random() * count);
    const b = 1 + Math.floor(random() * count);
    if (a === b) continue;
    history.push({ from: `S${a}`, to: `S${b}`, kind: random() < 0.5 ? "threat" : "attack", ago: 1 + Math.floor(random() * 3) });
  }
  return { id: `generated-${count}`, title: `Generated world of ${count} states`, rounds, states, alliances, history };
}
