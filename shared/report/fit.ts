// How well each theory fits a set of alignments, and the verdict in words.
// Counted as rates (matched / predicted), with how specific each theory's
// prediction was (how many partners it allowed), and the class's own teams
// counted apart from bot-played seats.
import { capitalise, joinList, pct, roundTo } from "../format.js";
import { countFit } from "../theory/classify.js";
import { THEORIES, THEORY_NAMES, type Theory } from "../theory/world.js";
import type { TheoryRow } from "./theory-table.js";

export interface FitCount {
  matched: number;
  /** State-rounds for which the theory made a prediction (balance of power predicts nothing for the leader or in a tie). */
  predicted: number;
  /** matched / predicted, 4 decimals (0 when nothing was predicted). */
  share: number;
  /** Partners the theory allowed per prediction, on average (1 decimal): the fewer, the more a match means. */
  partnersAllowed: number;
}

export interface FitTable {
  /** State-rounds counted (each is one alignment). */
  alignments: number;
  "balance-of-power": FitCount;
  "balance-of-threat": FitCount;
  bandwagon: FitCount;
  /** Alignments with a partner that matched no theory ("none"). */
  none: number;
  /** Alignments with no partner at all: no ally, no offer ("alone"). */
  alone: number;
  /** Alignments in rounds where the two balancing theories pointed at different adversaries. */
  divergent: number;
}

/** What a fit tally needs from one alignment: its classification and how many partners each theory allowed. */
export interface FitRow {
  matched: { balanceOfPower: boolean | null; balanceOfThreat: boolean; bandwagon: boolean; alone: boolean; theories: readonly Theory[] };
  /** Partners each theory allowed (balance of power: null when it predicted nothing). */
  allowed: { "balance-of-power": number | null; "balance-of-threat": number; bandwagon: number };
  divergent: boolean;
}


type Tally = FitTable & { allowedSum: Record<Theory, number> };

export function emptyFit(): Tally {
  const c = (): FitCount => ({ matched: 0, predicted: 0, share: 0, partnersAllowed: 0 });
  return {
    alignments: 0,
    "balance-of-power": c(),
    "balance-of-threat": c(),
    bandwagon: c(),
    none: 0,
    alone: 0,
    divergent: 0,
    allowedSum: { "balance-of-power": 0, "balance-of-threat": 0, bandwagon: 0 },
  };
}

export function addToFit(fit: Tally, row: FitRow): void {
  fit.alignments += 1;
  const m = row.matched;
  countFit(fit, m);
  for (const t of THEORIES) fit.allowedSum[t] += row.allowed[t] ?? 0;
  if (m.alone) fit.alone += 1;
  else if (m.theories.length === 0) fit.none += 1;
  if (row.divergent) fit.divergent += 1;
}

/** Turns a tally into its rates; drops the running sums. */
export function finishFit<T extends object>(fit: T & Tally): T & FitTable {
  const { allowedSum, ...table } = fit;
  for (const t of THEORIES) {
    const c = table[t];
    c.share = c.predicted > 0 ? roundTo(c.matched / c.predicted, 4) : 0;
    c.partnersAllowed = c.predicted > 0 ? roundTo(allowedSum[t] / c.predicted, 1) : 0;
  }
  return table as T & FitTable;
}

/** The theories ranked by rate, best first (equal rates in the usual order), leaving out those that predicted nothing. */
export function rankedTheories(fit: FitTable): Theory[] {
  return THEORIES.filter((t) => fit[t].predicted > 0).sort((a, b) => fit[b].share - fit[a].share || THEORIES.indexOf(a) - THEORIES.indexOf(b));
}

/**
 * The verdict for a set of alignments, as rates: "Your teams' alignments were consistent with
 * balance of threat in 57% of cases (12 of 21), with balance of power in 54% (13 of 24) and with
 * bandwagoning in 10% (2 of 21); 3 matched none of the theories, 2 stood alone, with no partner and
 * 8 came in rounds where the theories disagreed."
 * `who` names the players ("Your teams'", "The bots'").
 */
export function verdictSentence(fit: FitTable, who = "The"): string {
  if (fit.alignments === 0) return "No round was played, so there is no alignment to compare yet.";
  const ranked = rankedTheories(fit);
  const parts = ranked.map((t, i) => `${i === 0 ? "" : "with "}${THEORY_NAMES[t]} in ${pct(fit[t].share)}${i === 0 ? " of cases" : ""} (${fit[t].matched} of ${fit[t].predicted})`);
  const joined = joinList(parts);
  const extras: string[] = [];
  if (fit.none > 0) extras.push(`${fit.none} matched none of the theories`);
  if (fit.alone > 0) extras.push(`${fit.alone} stood alone, with no partner`);
  if (fit.divergent > 0) extras.push(`${fit.divergent} came in rounds where the theories disagreed`);
  const subject = `${who} ${fit.alignments === 1 ? "alignment was" : `${fit.alignments} alignments were`}`;
  const tail = joinList(extras);
  return `${capitalise(subject.trim())} consistent with ${joined}${tail ? `; ${tail}` : ""}.`;
}

/**
 * How specific each theory was: "Balance of threat allowed 8.5 partners per prediction on average,
 * balance of power 6.0, bandwagoning 1.0: a match with a narrower prediction says more."
 */
export function specificitySentence(fit: FitTable): string {
  const ranked = THEORIES.filter((t) => fit[t].predicted > 0).sort((a, b) => fit[b].partnersAllowed - fit[a].partnersAllowed);
  if (ranked.length === 0) return "";
  const [first, ...rest] = ranked as [Theory, ...Theory[]];
  const tail = rest.map((t) => `${THEORY_NAMES[t]} ${fit[t].partnersAllowed.toFixed(1)}`).join(", ");
  return `${capitalise(THEORY_NAMES[first])} allowed ${fit[first].partnersAllowed.toFixed(1)} partners per prediction on average${tail ? `, ${tail}` : ""}: a match with a narrower prediction says more.`;
}

/** The debrief's fit tables: the class's teams, the bots apart, everything, per round (teams only) and per team. */
export interface FitTables {
  /** The states the class's teams played when each round was resolved: the verdict counts these. */
  teams: FitTable;
  /** The states played by bots (or nobody), apart. */
  bots: FitTable;
  /** Everything together. */
  overall: FitTable;
  /** Per round, the teams' alignments only. */
  byRound: ({ round: number } & FitTable)[];
  byTeam: ({ state: string; members: string[] } & FitTable)[];
}

/**
 * Counts the theory table into the fit tables. A row counts for the teams when a team played the state
 * when its round was resolved (`playedBy` "team"), for the bots otherwise.
 * @param teams the states played by teams, in order; @param membersOf a team's members as shown in the report
 */
export function fitTables(table: readonly TheoryRow[], rounds: readonly number[], teams: readonly string[], membersOf: (state: string) => string[]): FitTables {
  const fitRow = (row: TheoryRow): FitRow => ({
    matched: row.matched,
    allowed: {
      "balance-of-power": row.predictions.balanceOfPower.against === null ? null : row.predictions.balanceOfPower.partners.length,
      "balance-of-threat": row.predictions.balanceOfThreat.partners.length,
      bandwagon: 1 + row.predictions.balanceOfThreat.tiedWith.length,
    },
    divergent: row.predictions.divergent,
  });
  const teamsFit = emptyFit();
  const botsFit = emptyFit();
  const overall = emptyFit();
  const byRoundMap = new Map<number, { round: number } & ReturnType<typeof emptyFit>>();
  const byTeamMap = new Map(teams.map((id) => [id, { state: id, members: membersOf(id), ...emptyFit() }]));
  for (const round of rounds) byRoundMap.set(round, { round, ...emptyFit() });
  for (const row of table) {
    const f = fitRow(row);
    addToFit(overall, f);
    if (row.playedBy === "team") {
      addToFit(teamsFit, f);
      addToFit(byRoundMap.get(row.round)!, f);
      const team = byTeamMap.get(row.state);
      if (team) addToFit(team, f);
    } else {
      addToFit(botsFit, f);
    }
  }
  return {
    teams: finishFit(teamsFit),
    bots: finishFit(botsFit),
    overall: finishFit(overall),
    byRound: [...byRoundMap.values()].map((r) => finishFit(r)),
    byTeam: [...byTeamMap.values()].map((r) => finishFit(r)),
  };
}
