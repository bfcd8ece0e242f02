// The theory engine against history: for each case in ./cases, the world just
// before a real alignment decision (a one-round scenario built from the
// Correlates of War rows of the year), what each theory predicted for the
// decider, how the engine classifies what the decider did, and the expert
// coding of which theories fit. `npm run validate` prints the table and the
// score; history.test.ts asserts each case.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createGame } from "../../../shared/rules/setup.js";
import { validateScenario } from "../../../shared/scenario/validate.js";
import { classifyAlignment } from "../../../shared/theory/classify.js";
import type { Component } from "../../../shared/theory/threat.js";
import { THEORIES, type Theory } from "../../../shared/theory/world.js";

export interface HistoryCase {
  id: string;
  title: string;
  period: string;
  year: number;
  data: string;
  decider: string;
  decision: { allies: string[]; text: string };
  expert: Record<Theory, boolean | null> & { leader: string; topThreat: string; reading: string; sources: string[] };
  scenario: unknown;
}

export interface CaseResult {
  id: string;
  title: string;
  decider: string;
  /** Balance of power: the leading bloc the decider should align against (null: the decider leads, or a tie). */
  powerAgainst: string[] | null;
  leader: string;
  /** Balance of threat: the decider's top threat and the component(s) that decided it. */
  topThreat: string;
  decidedBy: Component[];
  /** The engine's classification of what the decider did. */
  engine: Record<Theory, boolean | null>;
  expert: Record<Theory, boolean | null>;
  /** The engine's classification equals the expert coding for all three theories. */
  match: boolean;
  /** The engine names the same top threat, and the same leader, as the literature. */
  sameThreat: boolean;
  sameLeader: boolean;
}

const here = dirname(fileURLToPath(import.meta.url));

/** Every case file, in file-name order. Throws with the file's name if a scenario does not validate. */
export function loadCases(dir = join(here, "cases")): HistoryCase[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => {
      const c = JSON.parse(readFileSync(join(dir, f), "utf8")) as HistoryCase;
      const v = validateScenario(c.scenario);
      if (!v.ok) throw new Error(`${f}: ${v.errors.join("; ")}`);
      return c;
    });
}

/** The engine's predictions for the decider at round 1 and its classification of the decision. */
export function evaluateCase(c: HistoryCase): CaseResult {
  const v = validateScenario(c.scenario);
  if (!v.ok) throw new Error(`${c.id}: ${v.errors.join("; ")}`);
  const game = createGame(v.scenario, { seed: 1 });
  const p = game.predictions.states[c.decider];
  if (!p) throw new Error(`${c.id}: no state "${c.decider}"`);
  const a = classifyAlignment(p, c.decision.allies);
  const engine: Record<Theory, boolean | null> = { "balance-of-power": a.balanceOfPower, "balance-of-threat": a.balanceOfThreat, bandwagon: a.bandwagon };
  const expert: Record<Theory, boolean | null> = { "balance-of-power": c.expert["balance-of-power"], "balance-of-threat": c.expert["balance-of-threat"], bandwagon: c.expert.bandwagon };
  return {
    id: c.id,
    title: c.title,
    decider: c.decider,
    powerAgainst: p.balanceOfPower.against,
    leader: p.balanceOfPower.tie ? p.balanceOfPower.tie.join("=") : p.balanceOfPower.leader,
    topThreat: p.balanceOfThreat.against,
    decidedBy: p.balanceOfThreat.decidedBy,
    engine,
    expert,
    match: THEORIES.every((t) => engine[t] === expert[t]),
    sameThreat: p.balanceOfThreat.against === c.expert.topThreat,
    sameLeader: !p.balanceOfPower.tie && p.balanceOfPower.leader === c.expert.leader,
  };
}

const mark = (x: boolean | null) => (x === null ? "n/a" : x ? "yes" : "no");

/** The table `npm run validate` prints. */
export function validationReport(results: CaseResult[]): string {
  const head = ["case", "decider", "BoP: against", "BoT: top threat (decided by)", "engine BoP/BoT/Bw", "expert BoP/BoT/Bw", "threat", "match"];
  const rows = results.map((r) => [
    r.id,
    r.decider,
    r.powerAgainst ? r.powerAgainst.join("+") : `(${r.leader} leads)`,
    `${r.topThreat} (${r.decidedBy.join(", ")})`,
    THEORIES.map((t) => mark(r.engine[t])).join("/"),
    THEORIES.map((t) => mark(r.expert[t])).join("/"),
    r.sameThreat ? "same" : "differs",
    r.match ? "yes" : "NO",
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join("  ").trimEnd();
  const matched = results.filter((r) => r.match).length;
  const threats = results.filter((r) => r.sameThreat).length;
  const perTheory = THEORIES.map((t) => `${t} ${results.filter((r) => r.engine[t] === r.expert[t]).length}/${results.length}`).join(", ");
  return [
    line(head),
    line(widths.map((w) => "-".repeat(w))),
    ...rows.map(line),
    "",
    `Score: ${matched} of ${results.length} cases classified as the experts code them (${Math.round((100 * matched) / results.length)}%).`,
    `Per theory: ${perTheory}. Same top threat as the literature: ${threats} of ${results.length}.`,
  ].join("\n");
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const results = loadCases().map(evaluateCase);
  process.stdout.write(`Historical alignment decisions (tests/model/history, Correlates of War NMC v6.0)\n\n${validationReport(results)}\n`);
}
