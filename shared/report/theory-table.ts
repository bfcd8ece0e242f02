// The theory table: for every round and state, what each theory predicted
// (with its reasons), what the state did, which theories it matched, and who
// played it when the round was resolved. The debrief, the report cards, the
// fit and the discussion questions all read it.
import { actionText } from "../classroom/event-text.js";
import type { SeatControl, Session } from "../classroom/types.js";
import { roundTo } from "../format.js";
import type { Action, Budget, ScoreLine } from "../rules/types.js";
import type { BalancingStrength } from "../theory/predict.js";
import type { Component } from "../theory/threat.js";
import type { Theory } from "../theory/world.js";

export interface TheoryRow {
  round: number;
  state: string;
  name: string;
  /** Who played the state when the round was resolved: "team", "empty" or a bot policy. */
  playedBy: SeatControl;
  powerShare: number;
  predictions: {
    balanceOfPower: {
      /** The leading bloc to align against, or null for the leader itself (no prediction). */
      against: string[] | null;
      partners: string[];
      leadingBloc: string[];
      leadingShare: number;
      /** Levy and Thompson: strong (a single land power with a third or more), weak, or maritime. */
      strength: BalancingStrength;
      strong: boolean;
      /** Leaders of the blocs tied for the lead, or null. */
      tie: string[] | null;
      leaveBloc: boolean;
      reason: string;
    };
    balanceOfThreat: { against: string; tiedWith: string[]; camp: string[]; partners: string[]; decidedBy: Component[]; runnerUp: string | null; reason: string };
    bandwagon: { with: string; likely: boolean; reason: string };
    divergent: boolean;
  };
  did: { allies: string[]; offers: string[]; leaving: string[]; action: Action; actionText: string; budget: Budget };
  matched: { balanceOfPower: boolean | null; balanceOfThreat: boolean; bandwagon: boolean; alone: boolean; theories: Theory[] };
  score: ScoreLine | null;
}

/**
 * Who played each state when each round was resolved: the initial seats, then the seat changes in order.
 * @param initialControl the seats at the start (the session as created from its scenario and settings)
 * @returns round -> state id -> seat control
 */
export function seatsByRound(session: Session, initialControl: Record<string, SeatControl>): Map<number, Record<string, SeatControl>> {
  const control: Record<string, SeatControl> = { ...initialControl };
  const byRound = new Map<number, Record<string, SeatControl>>();
  for (const t of session.timeline) {
    if (t.event.type === "seatChanged") control[t.event.state] = t.event.control;
    if (t.event.type === "roundResolved") byRound.set(t.event.round, { ...control });
  }
  return byRound;
}

/**
 * One row per resolved round and state, in round order then the scenario's state order.
 * @param inText a state's name inside a sentence ("the Soviet Union"), for the action's text
 */
export function buildTheoryTable(session: Session, seats: Map<number, Record<string, SeatControl>>, inText: (id: string) => string): TheoryRow[] {
  const game = session.game;
  const theoryTable: TheoryRow[] = [];
  for (const h of game.history) {
    const seated = seats.get(h.round) ?? session.control;
    for (const s of game.states) {
      const p = h.predictions.states[s.id];
      const a = h.alignments[s.id];
      const d = h.decisions[s.id];
      if (!p || !a || !d) continue;
      theoryTable.push({
        round: h.round,
        state: s.id,
        name: s.name,
        playedBy: seated[s.id] ?? "empty",
        powerShare: roundTo(p.powerShare, 4),
        predictions: {
          balanceOfPower: {
            against: p.balanceOfPower.against,
            partners: p.balanceOfPower.partners,
            leadingBloc: p.balanceOfPower.bloc,
            leadingShare: roundTo(p.balanceOfPower.share, 4),
            strength: p.balanceOfPower.strength,
            strong: p.balanceOfPower.strong,
            tie: p.balanceOfPower.tie,
            leaveBloc: p.balanceOfPower.leaveBloc,
            reason: p.balanceOfPower.reason,
          },
          balanceOfThreat: {
            against: p.balanceOfThreat.against,
            tiedWith: p.balanceOfThreat.tiedWith,
            camp: p.balanceOfThreat.camp,
            partners: p.balanceOfThreat.partners,
            decidedBy: p.balanceOfThreat.decidedBy,
            runnerUp: p.balanceOfThreat.runnerUp,
            reason: p.balanceOfThreat.reason,
          },
          bandwagon: { with: p.bandwagon.with, likely: p.bandwagon.likely, reason: p.bandwagon.reason },
          divergent: p.divergent,
        },
        did: {
          allies: a.allies,
          offers: a.offers,
          leaving: [...d.leaving].sort(),
          action: d.action,
          actionText: actionText(d.action, inText),
          budget: { economy: d.budget.economy, defense: d.budget.defense, offense: d.budget.offense },
        },
        matched: { balanceOfPower: a.balanceOfPower, balanceOfThreat: a.balanceOfThreat, bandwagon: a.bandwagon, alone: a.alone, theories: a.matches },
        score: h.scores[s.id] ?? null,
      });
    }
  }

  return theoryTable;
}
