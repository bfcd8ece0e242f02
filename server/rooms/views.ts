// Keeps each client's StateView to what it may see (shared/classroom/visibility.ts
// decides): every team's private entry and prediction for the teacher; a
// student's own team, and its prediction while the teacher shows them.
import type { Client } from "@colyseus/core";
import type { MapSchema, Schema, StateView } from "@colyseus/schema";
import { privateEntriesFor, type Viewer } from "../../shared/classroom/visibility.js";
import type { Session } from "../../shared/classroom/types.js";
import type { ClassroomSchema } from "./schema.js";

/** What a client's view holds now, to change only what differs. */
export interface Shown {
  teams: ReadonlySet<string>;
  theory: ReadonlySet<string>;
}

export const NOTHING_SHOWN: Shown = { teams: new Set(), theory: new Set() };

function sync(view: StateView, entries: MapSchema<Schema>, was: ReadonlySet<string>, want: "all" | readonly string[]): Set<string> {
  const next = new Set(want === "all" ? entries.keys() : want);
  for (const id of was) {
    const entry = entries.get(id);
    if (!next.has(id) && entry && view.has(entry)) view.remove(entry);
  }
  for (const id of next) {
    const entry = entries.get(id);
    if (entry && !view.has(entry)) view.add(entry);
  }
  return next;
}

/** Brings a client's view up to date; returns what it now shows. */
export function refreshView(client: Client, viewer: Viewer, session: Session, schema: ClassroomSchema, shown: Shown): Shown {
  const view = client.view;
  if (!view) return shown;
  const want = privateEntriesFor(session, viewer);
  return {
    teams: sync(view, schema.teams, shown.teams, want.teams),
    theory: sync(view, schema.theory, shown.theory, want.theory),
  };
}
