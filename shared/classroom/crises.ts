// The scenario's crises as the teacher's console lists them: each with its
// round (if scheduled) and whether it has broken out already.
import type { CrisisEntry } from "../protocol/server-messages.js";
import type { Session } from "./types.js";

export function crisisMenu(session: Session): CrisisEntry[] {
  const fired = new Set(session.timeline.flatMap((t) => (t.event.type === "crisis" ? [t.event.id] : [])));
  for (const e of session.game.openingEvents) if (e.type === "crisis") fired.add(e.id);
  return (session.scenario.crises ?? []).map((c) => ({ id: c.id, title: c.title, round: c.round ?? null, fired: fired.has(c.id) }));
}
