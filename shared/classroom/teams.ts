// Placing students in teams: balanced, the smallest team first (ties: the
// state listed first). In "size" mode a new team opens when every team has
// reached the size and a state is still free.
import type { ClassroomState } from "./types.js";

export function teamSizes(room: Pick<ClassroomState, "students" | "teams">): Map<string, number> {
  const sizes = new Map<string, number>(room.teams.map((t) => [t, 0]));
  for (const s of Object.values(room.students)) {
    if (!s.removed && s.state !== null && sizes.has(s.state)) sizes.set(s.state, sizes.get(s.state)! + 1);
  }
  return sizes;
}

/** The state a new student joins; may open a new team (returns it in `opened`). */
export function placeStudent(room: ClassroomState): { state: string | null; opened: string | null } {
  const sizes = teamSizes(room);
  const smallest = () => {
    let best: string | null = null;
    for (const t of room.teams) if (best === null || sizes.get(t)! < sizes.get(best)!) best = t;
    return best;
  };
  if (room.settings.teams.mode === "size") {
    const target = room.settings.teams.value;
    const best = smallest();
    if (best !== null && sizes.get(best)! < target) return { state: best, opened: null };
    const free = room.scenario.states.map((s) => s.id).find((id) => !room.teams.includes(id));
    if (free) return { state: free, opened: free };
  }
  return { state: smallest(), opened: null };
}

/** Members of a state's team (not removed). */
export function members(room: Pick<ClassroomState, "students">, state: string): string[] {
  return Object.values(room.students)
    .filter((s) => !s.removed && s.state === state)
    .map((s) => s.id);
}
