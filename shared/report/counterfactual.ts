// Counterfactuals for the debrief: the class's scenario and seed replayed by
// bots that all follow one theory (balance of power, then balance of threat,
// then bandwagoning), side by side with what the class did: alliances at the
// end, wars, the final power distribution, and whether a state or a bloc
// became dominant. Pure and deterministic (same session, same answer).
// Only the scenario's own crises happen in the replays: crises the teacher
// typed live during the class's game are not replayed.
import type { Session } from "../classroom/types.js";
import type { GameState, Pair } from "../rules/types.js";
import { assignPolicies, playGame } from "../sim/play.js";
import { emptyFitCounts, countFit } from "../theory/classify.js";
import { powerShares } from "../theory/power.js";
import { predictAlignments } from "../theory/predict.js";
import { THEORIES, type Theory } from "../theory/world.js";
import { roundTo } from "../format.js";

/** A state or bloc holding this share of all power or more is dominant. */
export const DOMINANCE_SHARE = 0.5;

export interface WarSummary {
  round: number;
  target: string;
  attackers: string[];
  defenders: string[];
  draggedIn: string[];
  winner: "attackers" | "defenders";
}

export interface CounterfactualRun {
  /** "class" for the class's own game, else the theory every bot followed. */
  label: "class" | Theory;
  roundsPlayed: number;
  alliances: Pair[];
  wars: { count: number; list: WarSummary[] };
  /** Final power share of each state (4 decimals). */
  powerShares: Record<string, number>;
  /** The strongest state and the strongest bloc at the end, and whether they reached the dominance share. */
  strongest: { state: string; share: number; bloc: string[]; blocShare: number };
  dominant: { state: string | null; bloc: string[] | null };
  /** Each theory's fit over the run's alignments (matched of predicted). */
  fit: Record<Theory, { matched: number; predicted: number }>;
}

export interface Counterfactuals {
  format: "entente-counterfactuals/1";
  scenario: string;
  seed: number;
  rounds: number;
  dominanceShare: number;
  runs: CounterfactualRun[];
}


export function describeRun(label: CounterfactualRun["label"], game: GameState): CounterfactualRun {
  const wars: WarSummary[] = [];
  const fit = emptyFitCounts();
  for (const h of game.history) {
    for (const e of h.events) {
      if (e.type === "war") wars.push({ round: h.round, target: e.target, attackers: e.attackers, defenders: e.defenders, draggedIn: e.draggedIn, winner: e.winner });
    }
    for (const a of Object.values(h.alignments)) countFit(fit, a);
  }
  const shares = powerShares(game);
  const ids = game.states.map((s) => s.id);
  const top = [...ids].sort((a, b) => (shares.get(b) ?? 0) - (shares.get(a) ?? 0) || (a < b ? -1 : 1))[0]!;
  const topBloc = predictAlignments(game).blocs[0]!;
  const topShare = shares.get(top) ?? 0;
  return {
    label,
    roundsPlayed: game.history.length,
    alliances: game.alliances.map((p) => [p[0], p[1]] as Pair),
    wars: { count: wars.length, list: wars },
    powerShares: Object.fromEntries(ids.map((id) => [id, roundTo(shares.get(id) ?? 0, 4)])),
    strongest: { state: top, share: roundTo(topShare, 4), bloc: topBloc.members, blocShare: roundTo(topBloc.share, 4) },
    dominant: {
      state: topShare >= DOMINANCE_SHARE ? top : null,
      bloc: topBloc.share >= DOMINANCE_SHARE ? topBloc.members : null,
    },
    fit,
  };
}

/** The class's game, then the same scenario and seed played by bots of each theory in turn. */
export function buildCounterfactuals(session: Session, theories: readonly Theory[] = THEORIES): Counterfactuals {
  const options = { seed: session.settings.seed, rounds: session.settings.rounds, scoring: session.settings.scoring };
  const runs: CounterfactualRun[] = [describeRun("class", session.game)];
  for (const theory of theories) {
    const played = playGame(session.scenario, options, assignPolicies(session.scenario, theory, session.settings.seed));
    runs.push(describeRun(theory, played.final));
  }
  return { format: "entente-counterfactuals/1", scenario: session.scenario.id, seed: session.settings.seed, rounds: session.settings.rounds, dominanceShare: DOMINANCE_SHARE, runs };
}
