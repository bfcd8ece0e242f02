// A new classroom session: the game made from the scenario, the states that
// teams will play chosen, the others handed to bots (or left empty).
import { createGame } from "../rules/setup.js";
import type { Scenario } from "../scenario/schema.js";
import type { SessionSettings, Session, SeatControl } from "./types.js";

export function createSession(scenario: Scenario, settings: SessionSettings, code: string, at: number): Session {
  const game = createGame(scenario, { seed: settings.seed, rounds: settings.rounds, scoring: settings.scoring });
  const ids = scenario.states.map((s) => s.id);
  // Count mode: the first states of the scenario (the authors list the main actors first).
  // Size mode: one team to begin with; more open as students arrive.
  const teamCount = settings.teams.mode === "count" ? Math.min(settings.teams.value, ids.length) : 1;
  const teams = ids.slice(0, teamCount);
  const control: Record<string, SeatControl> = {};
  for (const id of ids) control[id] = teams.includes(id) ? "team" : settings.emptySeats;
  return {
    code,
    scenario,
    settings,
    phase: "lobby",
    paused: false,
    clock: { deadline: null, remaining: null },
    game,
    students: {},
    teams,
    control,
    chat: [],
    announcements: [],
    announcementCleared: false,
    // Students see the theories' predictions, and after each round the theories in plain words, unless the teacher
    // hides them. In the theory challenge they start hidden: a team told what its secretly dealt theory predicts
    // would only have to follow it (the teacher may still show them).
    showPredictions: settings.scoring !== "challenge",
    guesses: [],
    timeline: [],
    createdAt: at,
    locked: false,
    seatRequests: [],
    refusedClaims: [],
  };
}
