// Placing students in teams: balanced, the smallest team first (ties: the
// state listed first). In "size" mode a new team opens when every team has
// reached the size and a state is still free.
import type { Session } from "./types.js";

export function teamSizes(session: Pick<Session, "students" | "teams">): Map<string, number> {
  const sizes = new Map<string, number>(session.teams.map((t) => [t, 0]));
  for (const s of Object.values(session.students)) {
    if (!s.removed && s.state !== null && sizes.has(s.state)) sizes.set(s.state, sizes.get(s.state)! + 1);
  }
  return sizes;
}

/** The state a new student joins; may open a new team (returns it in `opened`). */
export function placeStudent(session: Session): { state: string | null; opened: string | null } {
  const sizes = teamSizes(session);
  const smallest = () => {
    let best: string | null = null;
    for (const t of session.teams) if (best === null || sizes.get(t)! < sizes.get(best)!) best = t;
    return best;
  };
  if (session.settings.teams.mode === "size") {
    const target = session.settings.teams.value;
    const best = smallest();
    if (best !== null && sizes.get(best)! < target) return { state: best, opened: null };
    const free = session.scenario.states.map((s) => s.id).find((id) => !session.teams.includes(id));
    if (free) return { state: free, opened: free };
  }
  return { state: smallest(), opened: null };
}

/** Members of a state's team (not removed). */
export function members(session: Pick<Session, "students">, state: string): string[] {
  return Object.values(session.students)
    .filter((s) => !s.removed && s.state === state)
    .map((s) => s.id);
}
