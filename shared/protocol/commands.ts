// From a validated client message to the session command it asks for: one
// table, one entry per message type. Who may send it (teacher, student,
// nobody) is the session reducer's decision, not this table's.
import type { SessionCommand } from "../classroom/types.js";
import type { ClientMessage, Payload } from "./messages.js";

type Table = { [K in ClientMessage]: (payload: Payload<K>) => SessionCommand };

const COMMANDS: Table = {
  // A student's moves for their own state (the reducer fills in which state).
  offer: (p) => ({ type: "play", move: { type: "offer", to: p.to } }),
  accept: (p) => ({ type: "play", move: { type: "accept", from: p.from } }),
  decline: (p) => ({ type: "play", move: { type: "decline", from: p.from } }),
  withdraw: (p) => ({ type: "play", move: { type: "withdraw", to: p.to } }),
  leave: (p) => ({ type: "play", move: { type: "leave", ally: p.ally } }),
  stay: (p) => ({ type: "play", move: { type: "stay", ally: p.ally } }),
  budget: (p) => ({ type: "play", move: { type: "budget", economy: p.economy, defense: p.defense, offense: p.offense } }),
  action: (p) => ({ type: "play", move: { type: "action", action: p.kind === "none" ? { kind: "none" } : { kind: p.kind, target: p.target } } }),
  ready: (p) => ({ type: "play", move: { type: "ready", ready: p.ready } }),
  guess: (p) => ({ type: "guess", about: p.about, theory: p.theory }),
  chat: (p) => ({ type: "chat", channel: p.channel, text: p.text }),
  // The teacher's.
  start: () => ({ type: "start" }),
  pause: () => ({ type: "pause" }),
  resume: () => ({ type: "resume" }),
  advance: () => ({ type: "advance" }),
  end: () => ({ type: "end" }),
  extend: (p) => ({ type: "extend", seconds: p.seconds }),
  kick: (p) => ({ type: "kick", studentIds: "studentIds" in p ? p.studentIds : [p.studentId] }),
  lock: (p) => ({ type: "lock", locked: p.locked }),
  answerSeat: (p) => ({ type: "answerSeat", requestId: p.requestId, approve: p.approve }),
  move: (p) => ({ type: "move", studentId: p.studentId, state: p.state }),
  mute: (p) => ({ type: "mute", studentId: p.studentId, muted: p.muted }),
  seat: (p) => ({ type: "seat", state: p.state, control: p.control }),
  announce: (p) => ({ type: "announce", text: p.text }),
  clearAnnouncement: () => ({ type: "clearAnnouncement" }),
  predictions: (p) => ({ type: "showPredictions", show: p.show }),
  crisis: (p) => ("crisisId" in p ? { type: "crisis", crisisId: p.crisisId } : { type: "crisis", title: p.title, text: p.text }),
};

/** The session command a message of this type and payload (already validated by the catalogue) asks for. */
export function toCommand<K extends ClientMessage>(type: K, payload: Payload<K>): SessionCommand {
  return COMMANDS[type](payload);
}
