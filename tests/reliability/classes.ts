// A class on a real server process, for the reliability tests: a game, its
// teacher and a student joined with colyseus.js, the round started.
import { acked, joinVia, type Seat, type ServerProcess } from "../server/processes.js";

/** Two teams, a long clock (no round ends by itself during a test), a fixed seed. */
export const SETTINGS = { teams: { mode: "count", value: 2 }, diplomacySeconds: 600, rounds: 3, seed: 7 };

const seats: Seat[] = [];

/** Joins through the server process and remembers the seat, so that `forgetSeats` can silence it. */
export async function enter(server: ServerProcess, code: string, options: Record<string, unknown>): Promise<Seat> {
  const seat = await joinVia(server.wsUrl, code, options);
  seats.push(seat);
  return seat;
}

/** Drops the listeners of every seat joined so far (call in afterEach, before the processes are killed). */
export function forgetSeats(): void {
  for (const s of seats.splice(0)) s.room.removeAllListeners();
}

export interface StartedClass {
  code: string;
  teacherKey: string;
  gameId: string;
  teacher: Seat;
  student: Seat;
}

/** Creates a game, lets its teacher and one student in, and starts the first round. */
export async function startedClass(server: ServerProcess, nickname = "Ann"): Promise<StartedClass> {
  const game = await server.createGame({ scenario: "rival-shores", settings: SETTINGS });
  const teacher = await enter(server, game.code, { role: "teacher", teacherKey: game.teacherKey });
  const student = await enter(server, game.code, { role: "student", nickname });
  await acked(teacher, "start");
  return { ...game, teacher, student };
}

/** A budget with this much for the economy (the rest split between defence and offence). */
export const budget = (economy: number) => ({ economy, defense: 90 - economy, offense: 10 });

/**
 * GET /api/health. The timeout only guards against a server that never answers (the test then fails
 * with a clear message instead of hanging); it is not a measure of speed.
 */
export async function health(server: ServerProcess): Promise<{ status: number; body: any }> {
  const res = await fetch(`${server.url}/api/health`, { signal: AbortSignal.timeout(20_000) });
  return { status: res.status, body: await res.json() };
}
