// Turns a validated client message into a classroom command, given who sent
// it. Authorization by role happens here and again in the classroom reducer.
import type { ClassroomCommand, ClassroomState } from "../../shared/classroom/types.js";
import type { ClientMessage } from "../../shared/protocol/messages.js";
import { studentMessages, teacherMessages } from "../../shared/protocol/messages.js";

export type Who = { kind: "teacher" } | { kind: "student"; studentId: string } | { kind: "projector" };

export type Conversion = { ok: true; command: ClassroomCommand } | { ok: false; code: string; message: string };

const deny = (message: string): Conversion => ({ ok: false, code: "not-allowed", message });

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function toCommand(who: Who, type: ClientMessage, payload: any, room: ClassroomState, seq: number): Conversion {
  if (type === "chat") {
    if (who.kind === "projector") return deny("The projector is read-only.");
    return { ok: true, command: { type: "chat", channel: payload.channel, text: payload.text } };
  }
  if (type in studentMessages) {
    if (who.kind !== "student") return deny("Only a student plays a state's moves.");
    switch (type) {
      case "offer":
        return { ok: true, command: { type: "play", move: { type: "offer", to: payload.to } } };
      case "accept":
      case "decline":
        return { ok: true, command: { type: "play", move: { type, from: payload.from } } };
      case "withdraw":
        return { ok: true, command: { type: "play", move: { type: "withdraw", to: payload.to } } };
      case "leave":
      case "stay":
        return { ok: true, command: { type: "play", move: { type, ally: payload.ally } } };
      case "budget":
        return {
          ok: true,
          command: { type: "play", move: { type: "budget", economy: payload.economy, defense: payload.defense, offense: payload.offense } },
        };
      case "action": {
        if (payload.kind === "none") return { ok: true, command: { type: "play", move: { type: "action", action: { kind: "none" } } } };
        if (!payload.target) return { ok: false, code: "bad-message", message: payload.kind === "attack" ? "An attack needs a target state." : "A threat needs a target state." };
        return { ok: true, command: { type: "play", move: { type: "action", action: { kind: payload.kind, target: payload.target } } } };
      }
      case "ready":
        return { ok: true, command: { type: "play", move: { type: "ready", ready: payload.ready } } };
      case "guess":
        return { ok: true, command: { type: "guess", about: payload.about, theory: payload.theory } };
    }
  }
  if (type in teacherMessages) {
    if (who.kind !== "teacher") return deny("Only the teacher can do that.");
    switch (type) {
      case "start":
      case "pause":
      case "resume":
      case "advance":
        return { ok: true, command: { type } };
      case "end":
        return { ok: true, command: { type: "end" } };
      case "extend":
        return { ok: true, command: { type: "extend", seconds: payload.seconds } };
      case "kick":
        return { ok: true, command: { type: "kick", studentId: payload.studentId } };
      case "move":
        return { ok: true, command: { type: "move", studentId: payload.studentId, state: payload.state } };
      case "mute":
        return { ok: true, command: { type: "mute", studentId: payload.studentId, muted: payload.muted } };
      case "seat":
        return { ok: true, command: { type: "seat", state: payload.state, control: payload.control } };
      case "announce":
        return { ok: true, command: { type: "announce", text: payload.text } };
      case "predictions":
        return { ok: true, command: { type: "showPredictions", show: payload.show } };
      case "crisis": {
        if ("crisisId" in payload) {
          const crisis = (room.scenario.crises ?? []).find((c) => c.id === payload.crisisId);
          if (!crisis) return { ok: false, code: "bad-crisis", message: `The scenario has no crisis "${payload.crisisId}".` };
          return { ok: true, command: { type: "crisis", crisis } };
        }
        return { ok: true, command: { type: "crisis", crisis: { id: `live-${seq}`, title: payload.title, text: payload.text } } };
      }
    }
  }
  return { ok: false, code: "unknown-message", message: `Unknown message "${type}".` };
}
