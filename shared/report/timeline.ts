// The game's timeline for the debrief: the events a class discusses
// (alliances, threats, wars, crises, seat changes, announcements), each in
// words and with the states it involves.
import { eventParts, partsText, type TextPart } from "../classroom/event-text.js";
import type { Session, SessionEvent } from "../classroom/types.js";

export interface TimelineItem {
  round: number;
  at: number;
  kind: string;
  /** The states involved (for filtering and highlighting). */
  states: string[];
  text: string;
  /** The same text in parts: what a person typed (an announcement, a crisis) as `{user}`, for pages to isolate. */
  parts: TextPart[];
}

function eventStates(e: SessionEvent): string[] {
  switch (e.type) {
    case "allianceFormed":
      return [e.a, e.b];
    case "allianceLeft":
      return [e.by, e.ally];
    case "threat":
      return [e.from, e.to];
    case "war":
      return [...new Set([e.target, ...e.attackers, ...e.defenders, ...e.draggedIn])];
    case "actionCancelled":
      return [e.by];
    case "seatChanged":
      return [e.state];
    default:
      return [];
  }
}

const TIMELINE_KINDS = new Set(["allianceFormed", "allianceLeft", "threat", "war", "crisis", "seatChanged", "actionCancelled", "announcement", "gameStarted", "gameEnded"]);

function timelineParts(e: SessionEvent, name: (id: string) => string): TextPart[] | null {
  return TIMELINE_KINDS.has(e.type) ? eventParts(e, name) : null;
}

/** The timeline, oldest first. @param inText a state's name inside a sentence */
export function buildTimeline(session: Session, inText: (id: string) => string): TimelineItem[] {
  const timeline: TimelineItem[] = [];
  for (const t of session.timeline) {
    if (!TIMELINE_KINDS.has(t.event.type)) continue;
    const parts = timelineParts(t.event, inText);
    if (parts) timeline.push({ round: t.round, at: t.at, kind: t.event.type, states: eventStates(t.event), text: partsText(parts), parts });
  }

  return timeline;
}
