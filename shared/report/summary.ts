// The facts the printed debrief's summary needs, beyond the overall verdict:
// one verdict line per state (which theory explained its choices best), the
// class's teams apart from the states bots played, and the podium (the top
// three places by score, ties sharing a place). Pure.
import { joinList } from "../format.js";
import { countFit, emptyFitCounts } from "../theory/classify.js";
import { THEORIES, THEORY_NAMES, type Theory } from "../theory/world.js";
import type { TheoryRow } from "./theory-table.js";

export interface StateVerdict {
  state: string;
  name: string;
  /** The team's members as shown in the report (empty for bot-played states). */
  members: string[];
  /** Rounds counted (the state's alignments). */
  alignments: number;
  /** The theories with the best rate (several when tied); empty when none matched at all. */
  best: Theory[];
  /** Each theory's matches over the rounds it made a prediction. */
  fit: Record<Theory, { matched: number; predicted: number }>;
  /** "balance of threat explained its choices best (3 of 4 rounds); balance of power 1 of 4, bandwagoning 0 of 4." */
  line: string;
}

const rate = (c: { matched: number; predicted: number }) => (c.predicted > 0 ? c.matched / c.predicted : -1);

function verdictLine(alignments: number, fit: StateVerdict["fit"], best: Theory[]): string {
  if (alignments === 0) return "no round to compare.";
  const counted = THEORIES.filter((t) => fit[t].predicted > 0);
  const of = (t: Theory) => `${fit[t].matched} of ${fit[t].predicted}`;
  if (best.length === 0) return `no theory matched its choices (${alignments} round${alignments === 1 ? "" : "s"}).`;
  const lead =
    best.length === 1
      ? `${THEORY_NAMES[best[0]!]} explained its choices best (${of(best[0]!)} rounds)`
      : `${joinList(best.map((t) => THEORY_NAMES[t]))} explained its choices equally well (${of(best[0]!)} rounds each)`;
  const rest = counted.filter((t) => !best.includes(t)).map((t) => `${THEORY_NAMES[t]} ${of(t)}`);
  return `${lead}${rest.length > 0 ? `; ${rest.join(", ")}` : ""}.`;
}

/**
 * One verdict per state, from its rows of the theory table that `include` keeps, in the order of `states`
 * (states with no such row are left out).
 */
export function stateVerdicts(
  table: readonly TheoryRow[],
  states: readonly { id: string; name: string }[],
  include: (row: TheoryRow) => boolean,
  membersOf: (state: string) => string[],
): StateVerdict[] {
  const out: StateVerdict[] = [];
  for (const s of states) {
    const rows = table.filter((r) => r.state === s.id && include(r));
    if (rows.length === 0) continue;
    const counts = emptyFitCounts();
    for (const r of rows) countFit(counts, r.matched);
    const fit = Object.fromEntries(THEORIES.map((t) => [t, { matched: counts[t].matched, predicted: counts[t].predicted }])) as StateVerdict["fit"];
    const top = Math.max(...THEORIES.map((t) => rate(fit[t])));
    const best = top > 0 ? THEORIES.filter((t) => rate(fit[t]) === top) : [];
    out.push({ state: s.id, name: s.name, members: membersOf(s.id), alignments: rows.length, best, fit, line: verdictLine(rows.length, fit, best) });
  }
  return out;
}

export interface PodiumPlace {
  /** 1, 2 or 3; tied scores share a place (1, 1, 3). */
  place: number;
  state: string;
  name: string;
  total: number;
  /** Whether one of the class's teams played the state. */
  team: boolean;
  members: string[];
}

/** How many places the podium has (every state tied into them is on it). */
export const PODIUM_SIZE = 3;

/**
 * Each entry of a ranking (best first) with its place, by competition ranking: equal totals share a place and
 * the next place skips (1, 1, 3). The one rule of the debrief's podium and the projector's (finale.ts).
 */
export function competitionPlaces<T extends { total: number }>(ranking: readonly T[]): (T & { place: number })[] {
  let place = 0;
  return ranking.map((r, i) => {
    if (i === 0 || ranking[i - 1]!.total !== r.total) place = i + 1;
    return { ...r, place };
  });
}

/** The top three places by score (competition ranking: ties share a place, and every state tied into the top three is on it). */
export function podium(ranking: readonly { id: string; name: string; total: number }[], teams: ReadonlySet<string>, membersOf: (state: string) => string[]): PodiumPlace[] {
  return competitionPlaces(ranking)
    .filter((r) => r.place <= PODIUM_SIZE)
    .map((r) => ({ place: r.place, state: r.id, name: r.name, total: r.total, team: teams.has(r.id), members: teams.has(r.id) ? membersOf(r.id) : [] }));
}
