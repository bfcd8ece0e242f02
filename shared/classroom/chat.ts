// Chat rules: which channels a student may write to under the game's chat mode,
// and who may read a message. The teacher reads everything.
import { STATE_ID_SOURCE } from "../ids.js";
import { sortedPair } from "../theory/world.js";
import type { ChatMessage, ChatMode, Session } from "./types.js";

/** Who reads: chat needs only the role and, for a student, the team (a visibility.ts Viewer is one). */
export type ChatReader = { kind: "teacher" } | { kind: "projector" } | { kind: "student"; state: string | null };

export const MAX_CHAT_LENGTH = 500;
const TEAM_CHANNEL = new RegExp(`^team:(${STATE_ID_SOURCE})$`);
const PRIVATE_CHANNEL = new RegExp(`^private:(${STATE_ID_SOURCE})\\|(${STATE_ID_SOURCE})$`);

export type ChannelParse =
  | { kind: "public" }
  | { kind: "team"; state: string }
  | { kind: "private"; states: [string, string] };

export function parseChannel(channel: string): ChannelParse | null {
  if (channel === "public") return { kind: "public" };
  const team = TEAM_CHANNEL.exec(channel);
  if (team) return { kind: "team", state: team[1]! };
  const priv = PRIVATE_CHANNEL.exec(channel);
  if (priv) return { kind: "private", states: sortedPair(priv[1]!, priv[2]!) };
  return null;
}

export function privateChannel(a: string, b: string): string {
  const [x, y] = sortedPair(a, b);
  return `private:${x}|${y}`;
}

/** Why a student from `state` may not write to `channel` under `mode`, or null if they may. */
export function chatRefusal(mode: ChatMode, state: string | null, channel: ChannelParse, session: Session): string | null {
  if (mode === "off") return "Chat is turned off in this game.";
  if (state === null) return "You are not in a team yet.";
  const exists = (id: string) => session.game.states.some((s) => s.id === id);
  switch (channel.kind) {
    case "public":
      return mode === "open" ? null : "Public chat is off in this game: write to a state privately or to your team.";
    case "team":
      return channel.state === state ? null : "You can only write in your own team's chat.";
    case "private": {
      const [a, b] = channel.states;
      if (a === b) return "A private chat needs two different states.";
      if (!exists(a) || !exists(b)) return "There is no such state in this game.";
      return a === state || b === state ? null : "You can only chat privately between your state and another.";
    }
  }
}

/** Whether a viewer may read a message: the teacher always; a student by channel. */
export function canRead(message: ChatMessage, viewer: ChatReader): boolean {
  if (viewer.kind === "teacher") return true;
  const channel = parseChannel(message.channel);
  if (!channel) return false;
  if (channel.kind === "public") return true;
  if (viewer.kind === "projector" || viewer.state === null) return false;
  if (channel.kind === "team") return channel.state === viewer.state;
  return channel.states.includes(viewer.state);
}
