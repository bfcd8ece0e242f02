// Events in words, with state names, for feeds and live regions.
import { capitalise } from "../../../shared/format.js";

/* eslint-disable @typescript-eslint/no-explicit-any */
/** One event in a sentence; `name` gives a state's name inside a sentence ("the Soviet Union"). */
export function describe(event: any, name: (id: string) => string): string | null {
  const n = name;
  /** A name at the start of a sentence. */
  const N = (id: string) => capitalise(name(id));
  switch (event?.type) {
    case "gameStarted":
      return "The game has started.";
    case "roundStarted":
      return `Round ${event.round} begins: time for diplomacy.`;
    case "roundResolved":
      return `Round ${event.round} is over: see what happened.`;
    case "gameEnded":
      return event.reason === "completed" ? "The game is over." : "The teacher ended the game.";
    case "allianceFormed":
      return `Alliance formed: ${n(event.a)} and ${n(event.b)}.`;
    case "allianceLeft":
      return `${N(event.by)} left its alliance with ${n(event.ally)}.`;
    case "offerMade":
      return `${N(event.from)} offers an alliance to ${n(event.to)}.`;
    case "offerAccepted":
      return `${N(event.to)} accepted ${n(event.from)}'s offer: the alliance forms at the end of the round.`;
    case "offerDeclined":
      return `${N(event.to)} declined ${n(event.from)}'s offer.`;
    case "offerWithdrawn":
      return `${N(event.from)} withdrew its offer to ${n(event.to)}.`;
    case "offerExpired":
      return `${N(event.from)}'s offer to ${n(event.to)} expired.`;
    case "leaveDeclared":
      return `${N(event.by)} will leave its alliance with ${n(event.ally)} at the end of the round.`;
    case "leaveCancelled":
      return `${N(event.by)} stays in its alliance with ${n(event.ally)}.`;
    case "actionCancelled":
      return `${N(event.by)}'s action was called off: ${event.reason}`;
    case "threat":
      return `${N(event.from)} threatened ${n(event.to)}: ${event.yielded ? `${n(event.to)} gave in and paid ${event.tribute}` : `${n(event.to)} stood firm`}.`;
    case "war": {
      const att = event.attackers.map(n).join(", ");
      const def = event.defenders.map(n).join(", ");
      const dragged = event.draggedIn.length > 0 ? ` Dragged in by their alliances: ${event.draggedIn.map(n).join(", ")}.` : "";
      return `War on ${n(event.target)}: ${att} against ${def}. The ${event.winner} won (attackers' chance ${Math.round(event.chance * 100)}%).${dragged}`;
    }
    case "crisis":
      return `Crisis: ${event.title}. ${event.text}`;
    case "announcement":
      return `Teacher: ${event.text}`;
    case "paused":
      return "The teacher paused the game.";
    case "resumed":
      return "The game goes on.";
    case "extended":
      return `The teacher added ${event.seconds} seconds.`;
    case "seatChanged":
      return `${N(event.state)} is now played by ${event.control === "team" ? "its team" : event.control === "empty" ? "nobody" : `a bot (${event.control})`}.`;
    case "studentJoined":
      return `${event.nickname} joined${event.state ? ` ${n(event.state)}` : ""}.`;
    case "studentMoved":
      return `A player moved to ${n(event.to)}.`;
    case "studentRemoved":
      return `${event.nickname} was removed from the game.`;
    case "predictionsShown":
      return event.show ? "The teacher shows what the theories predict." : "Predictions are hidden again.";
    case "clockRestored":
      return "The server restarted: the game goes on where it was.";
    default:
      return null;
  }
}
