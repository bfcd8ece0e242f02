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

/** One round where the theories disagreed: the choices (ids), the states by name, and a sentence for the class. */
export interface DivergentRound {
  round: number;
  choices: DivergentChoice[];
  /** The states the theories disagreed for, by name, in the scenario's order. */
  names: string[];
  text: string;
}

/** One entry per round with at least one divergent prediction, with a sentence for the class. */
export function divergentRounds(table: readonly TheoryRow[], rounds: readonly number[], inText: (id: string) => string): DivergentRound[] {
  const out: DivergentRound[] = [];
  for (const round of rounds) {
    const rows = table.filter((r) => r.round === round && r.predictions.divergent);
    if (rows.length === 0) continue;
    const choices = rows.map(divergentChoice);
    const text = `Round ${round}: the theories disagreed for ${rows.length} state${rows.length === 1 ? "" : "s"}. ${capitalise(
      choices
        .map((c) => `${inText(c.state)} (power said: against ${joinList(c.powerAgainst.map(inText)) || "nobody"}; threat said: against ${inText(c.threatAgainst)}) ${CHOICE_WORDS[c.chose]}`)
        .join("; "),
    )}.`;
    out.push({ round, choices, names: rows.map((r) => r.name), text });
  }

  return out;
}

/** One row of the "where the theories disagreed" table: a state in a round, everything in names, never ids. */
export interface DivergentRow {
  round: number;
  state: string;
  name: string;
  /** Whether one of the class's teams played the state that round. */
  team: boolean;
  /** What each theory predicted, in words: "against Atlantia and Borealis", "with Caspia". */
  power: string;
  threat: string;
  bandwagon: string;
  /** What the state did: "allied with Caspia; offered Dravia", "stood alone". */
  did: string;
  chose: DivergentChoice["chose"];
  /** The theories its choice matched (empty: none). */
  matched: Theory[];
}

/**
 * One row per (state, round) whose predictions diverged, in round order then the scenario's state order.
 * @param name a state's name as a label ("Soviet Union")
 */
export function divergentTable(table: readonly TheoryRow[], name: (id: string) => string): DivergentRow[] {
  const names = (ids: readonly string[]) => joinList(ids.map(name));
  return table
    .filter((r) => r.predictions.divergent)
    .map((r) => {
      const p = r.predictions;
      const open = r.did.offers.filter((o) => !r.did.allies.includes(o));
      const did = r.matched.alone
        ? "stood alone"
        : [r.did.allies.length > 0 ? `allied with ${names(r.did.allies)}` : "", open.length > 0 ? `offered ${names(open)}` : ""].filter(Boolean).join("; ") || "no partner";
      return {
        round: r.round,
        state: r.state,
        name: r.name,
        team: r.playedBy === "team",
        power: p.balanceOfPower.against ? `against ${names(p.balanceOfPower.against)}` : "no prediction (it led)",
        threat: `against ${name(p.balanceOfThreat.against)}`,
        bandwagon: `with ${name(p.bandwagon.with)}`,
        did,
        chose: divergentChoice(r).chose,
        matched: [...r.matched.theories],
      };
    });
}
