// Every event in words, once: the pages' feeds, the debrief's timeline, the
// CSV of events and the command line's game summaries all say it this way.
// `name` turns a state id into its name inside a sentence ("the Soviet Union";
// the command line passes the ids themselves). Sentences that hold what a
// person typed (a nickname, an announcement, a crisis) also come in parts
// (eventParts), so that pages can show the typed parts in their own bidi isolate.
import { capitalise, joinList } from "../format.js";
import type { Action, GameEvent } from "../rules/types.js";
import { THEORIES, THEORY_NAMES } from "../theory/world.js";
import type { SessionEvent } from "./types.js";

type Name = (id: string) => string;

/** A piece of a sentence: our own words, or `{user}`: what a person typed (a nickname, an announcement, a crisis's title or text). */
export type TextPart = string | { user: string };

/** The parts as one plain string. */
export function partsText(parts: readonly TextPart[]): string {
  return parts.map((p) => (typeof p === "string" ? p : p.user)).join("");
}

type WithTypedText = Extract<SessionEvent, { type: "studentJoined" | "studentRemoved" | "announcement" | "crisis" }>;

/** The sentences that hold typed text, in parts. */
function typedParts(e: WithTypedText, name: Name): TextPart[] {
  switch (e.type) {
    case "studentJoined":
      return [{ user: e.nickname }, ` joined${e.state ? ` ${name(e.state)}` : ""}.`];
    case "studentRemoved":
      return [{ user: e.nickname }, " was removed from the game."];
    case "announcement":
      return ["Teacher: ", { user: e.text }];
    case "crisis":
      return ["Crisis: ", { user: e.title }, ". ", { user: e.text }];
  }
}

/** An action in words: "none", "attack the Soviet Union". */
export function actionText(action: Action, name: Name): string {
  return action.kind === "none" ? "none" : `${action.kind} ${name(action.target)}`;
}

/** Who plays a seat, in words: "its team", "nobody", "a balance-of-threat bot". */
function seatText(control: string): string {
  if (control === "team") return "its team";
  if (control === "empty") return "nobody";
  // A policy that is not a theory ("random") is named as it is.
  const theory = THEORIES.find((t) => t === control);
  return `a bot (${theory ? THEORY_NAMES[theory] : control})`;
}

/** What happened in the game itself (alliances, threats, wars, crises), or null for drafting and bookkeeping events. */
export function gameEventText(e: GameEvent, name: Name): string | null {
  const N = (id: string) => capitalise(name(id));
  switch (e.type) {
    case "allianceFormed":
      return `Alliance formed: ${name(e.a)} and ${name(e.b)}.`;
    case "allianceLeft":
      return `${N(e.by)} left its alliance with ${name(e.ally)}.`;
    case "offerMade":
      return `${N(e.from)} offers an alliance to ${name(e.to)}.`;
    case "offerAccepted":
      return `${N(e.to)} accepted ${name(e.from)}'s offer: the alliance forms at the end of the round.`;
    case "offerDeclined":
      return `${N(e.to)} declined ${name(e.from)}'s offer.`;
    case "offerWithdrawn":
      return `${N(e.from)} withdrew its offer to ${name(e.to)}.`;
    case "offerExpired":
      return `${N(e.from)}'s offer to ${name(e.to)} expired.`;
    case "leaveDeclared":
      return `${N(e.by)} will leave its alliance with ${name(e.ally)} at the end of the round.`;
    case "leaveCancelled":
      return `${N(e.by)} stays in its alliance with ${name(e.ally)}.`;
    case "actionCancelled":
      return `${N(e.by)}'s ${actionText(e.action, name)} was called off: ${e.reason}`;
    case "threat":
      return `${N(e.from)} threatened ${name(e.to)}: ${e.yielded ? `${name(e.to)} gave in and paid ${e.tribute}` : `${name(e.to)} stood firm`} (chance ${Math.round(e.chance * 100)}%).`;
    case "war":
      return `War on ${name(e.target)}: ${joinList(e.attackers.map(name))} against ${joinList(e.defenders.map(name))}${
        e.draggedIn.length > 0 ? `, dragged in: ${joinList(e.draggedIn.map(name))}` : ""
      }. The ${e.winner} won (attackers' chance ${Math.round(e.chance * 100)}%).`;
    case "crisis":
      return partsText(typedParts(e, name));
    case "roundStarted":
      return `Round ${e.round} begins: time for diplomacy.`;
    case "roundResolved":
      return `Round ${e.round} is over: see what happened.`;
    case "gameEnded":
      return e.reason === "completed" ? `The game ended after round ${e.round}.` : `The teacher ended the game in round ${e.round}.`;
    case "draftChanged":
    case "readyChanged":
      return null;
  }
}

/** Any event of a session in words, or null for those nobody needs to read (drafts, readiness, chat, guesses, mutes). */
export function eventText(e: SessionEvent, name: Name): string | null {
  switch (e.type) {
    case "gameStarted":
      return "The game has started.";
    case "paused":
      return "The teacher paused the game.";
    case "resumed":
      return "The game goes on.";
    case "extended":
      return `The teacher added ${e.seconds} seconds.`;
    case "seatChanged":
      return `${capitalise(name(e.state))} is now played by ${seatText(e.control)}.`;
    case "studentJoined":
    case "studentRemoved":
    case "announcement":
      return partsText(typedParts(e, name));
    case "announcementCleared":
      return "The teacher took the announcement down.";
    case "studentMoved":
      return `A player moved to ${name(e.to)}.`;
    case "predictionsShown":
      return e.show ? "The teacher shows what the theories predict." : "Predictions are hidden again.";
    case "clockRestored":
      return "The server restarted: the game goes on where it was.";
    case "lobbyLocked":
      return e.locked ? "The game is closed to new players." : "The game is open to new players again.";
    case "seatRequested":
      return `Someone asks to come back as ${e.nickname} (without ${e.nickname}'s rejoin link).`;
    case "seatRequestAnswered":
      return e.approved ? `The teacher let ${e.nickname} back in on a new device.` : `The teacher refused a request to come back as ${e.nickname}.`;
    case "chat":
    case "guessed":
    case "studentMuted":
      return null;
    default:
      return gameEventText(e, name);
  }
}

/** eventText in parts: the typed parts (nicknames, announcements, crises) apart from our words; null where eventText is null. */
export function eventParts(e: SessionEvent, name: Name): TextPart[] | null {
  switch (e.type) {
    case "studentJoined":
    case "studentRemoved":
    case "announcement":
    case "crisis":
      return typedParts(e, name);
    default: {
      const text = eventText(e, name);
      return text === null ? null : [text];
    }
  }
}
