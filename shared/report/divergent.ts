// The rounds where the theories disagreed (balance of power and balance of
// threat pointed at different states), and what each state chose there: the
// heart of the debrief's discussion.
import { capitalise, joinList } from "../format.js";
import type { Theory } from "../theory/world.js";
import type { TheoryRow } from "./theory-table.js";

export interface DivergentChoice {
  state: string;
  /** The leading bloc balance of power pointed at, and the top threat balance of threat pointed at. */
  powerAgainst: string[];
  threatAgainst: string;
  /** Which side the state chose. */
  chose: "threat" | "power" | "both" | "bandwagon" | "alone" | "neither";
  matched: Theory[];
}

export function divergentChoice(row: TheoryRow): DivergentChoice {
  const m = row.matched;
  const chose: DivergentChoice["chose"] =
    m.balanceOfThreat && m.balanceOfPower ? "both" : m.balanceOfThreat ? "threat" : m.balanceOfPower ? "power" : m.bandwagon ? "bandwagon" : m.alone ? "alone" : "neither";
  return {
    state: row.state,
    powerAgainst: row.predictions.balanceOfPower.against ?? [],
    threatAgainst: row.predictions.balanceOfThreat.against,
    chose,
    matched: m.theories,
  };
}

const CHOICE_WORDS: Record<DivergentChoice["chose"], string> = {
  threat: "sided against its top threat",
  power: "sided against the leading bloc",
  both: "found partners that answered both",
  bandwagon: "joined its top threat",
  alone: "stood alone",
  neither: "matched neither balancing theory",
};

/** One entry per round with at least one divergent prediction, with a sentence for the class. */
export function divergentRounds(table: readonly TheoryRow[], rounds: readonly number[], inText: (id: string) => string): { round: number; choices: DivergentChoice[]; text: string }[] {
  const out: { round: number; choices: DivergentChoice[]; text: string }[] = [];
  for (const round of rounds) {
    const rows = table.filter((r) => r.round === round && r.predictions.divergent);
    if (rows.length === 0) continue;
    const choices = rows.map(divergentChoice);
    const text = `Round ${round}: the theories disagreed for ${rows.length} state${rows.length === 1 ? "" : "s"}. ${capitalise(
      choices
        .map((c) => `${inText(c.state)} (power said: against ${joinList(c.powerAgainst.map(inText)) || "nobody"}; threat said: against ${inText(c.threatAgainst)}) ${CHOICE_WORDS[c.chose]}`)
        .join("; "),
    )}.`;
    out.push({ round, choices, text });
  }

  return out;
}
