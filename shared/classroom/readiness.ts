// Which states count as deciding this round, and how many of them are ready:
// the one rule behind "the round ends as soon as every team is ready" (flow.ts)
// and the console's "5 of 8 teams ready". A state counts when its team plays it
// and the team has at least one student; states played by a bot or by nobody,
// and team seats with no students, never count.
import type { SeatControl } from "./types.js";

export interface SeatStatus {
  control: SeatControl;
  /** Students in its team. */
  members: number;
  ready: boolean;
}

/** Does this state's team decide this round (and so count in the ready count)? */
export function countsAsDeciding(seat: Pick<SeatStatus, "control" | "members">): boolean {
  return seat.control === "team" && seat.members > 0;
}

/** How many deciding teams are ready, of how many. */
export function readyCount(seats: readonly SeatStatus[]): { ready: number; of: number } {
  const deciding = seats.filter(countsAsDeciding);
  return { ready: deciding.filter((s) => s.ready).length, of: deciding.length };
}
