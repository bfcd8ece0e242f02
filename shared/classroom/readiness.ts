// How many of the teams that decide have said they are ready: the figure the
// projector shows beside the clock. It counts the same seats as the rule that
// ends a round early (everyoneReady in flow.ts): states played by a team with
// members. Bot-played and empty seats are not deciding, so they are not counted.

/** What the count needs from a state: who plays it, how many students it has, and whether its draft is ready. */
export interface SeatReadiness {
  /** "team", "empty" or a bot policy. */
  control: string;
  members: number;
  ready: boolean;
}

export interface ReadyCount {
  /** Deciding teams that are ready. */
  ready: number;
  /** Teams that decide this round: team-played states with at least one member. */
  deciding: number;
}

/** Whether a state's team decides this round (a team seat with at least one member). */
export function decides(seat: SeatReadiness): boolean {
  return seat.control === "team" && seat.members > 0;
}

/** "X of Y teams ready", as numbers. Pure: works on the public synchronized state as on the model's. */
export function readyCount(seats: readonly SeatReadiness[]): ReadyCount {
  const deciding = seats.filter(decides);
  return { ready: deciding.filter((s) => s.ready).length, deciding: deciding.length };
}
