// Who may see an event: everybody (public), only some states' teams (and the
// teacher), or only the teacher. One place decides, so it can be tested.
import type { ClassEvent } from "./types.js";

export type Audience = { kind: "public" } | { kind: "states"; states: string[]; students?: string[] } | { kind: "teacher" };

export function audienceOf(event: ClassEvent): Audience {
  switch (event.type) {
    case "offerMade":
    case "offerAccepted":
    case "offerDeclined":
    case "offerWithdrawn":
    case "offerExpired":
      return { kind: "states", states: [event.from, event.to] };
    case "leaveDeclared":
    case "leaveCancelled":
    case "draftChanged":
    case "actionCancelled":
      return { kind: "states", states: [event.by] };
    case "guessed":
      return { kind: "states", states: [event.by] };
    case "studentMuted":
      return { kind: "states", states: [], students: [event.studentId] };
    case "chat":
      return { kind: "teacher" }; // chat goes out through its own channel rules (chat.ts canRead)
    case "readyChanged":
    case "allianceFormed":
    case "allianceLeft":
    case "threat":
    case "war":
    case "crisis":
    case "roundResolved":
    case "roundStarted":
    case "gameEnded":
    case "studentJoined":
    case "studentMoved":
    case "studentRemoved":
    case "gameStarted":
    case "paused":
    case "resumed":
    case "extended":
    case "seatChanged":
    case "announcement":
    case "predictionsShown":
    case "clockRestored":
      return { kind: "public" };
  }
}
