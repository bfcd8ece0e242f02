// The conversations a student's chat offers, and which of them they may write
// in, from what every page already has (the chat mode, the student's current
// state, who plays each state); and how many messages of each are unread.
// The server's rules (chat.ts, chatRefusal) still decide every message: this
// only keeps the page from offering what would be refused or read by nobody.
import type { ChatMessage, ChatMode, SeatControl } from "./types.js";
import { privateChannel } from "./chat.js";

export interface Conversation {
  channel: string;
  kind: "public" | "team" | "private";
  /** The other state of a private conversation. */
  partner?: string;
  /** Whether the student may write in it under the chat mode (the teacher may write to them anyway). */
  writable: boolean;
}

/**
 * A student's conversations: everyone (read only unless the chat is open: the teacher may still write
 * there), their own team's, and a private one with each other state a team plays (a state a bot plays,
 * or nobody, has nobody to read it). The team channel follows the student's current state.
 */
export function conversationsFor(mode: ChatMode, own: string | null, states: readonly { id: string; control: SeatControl }[]): Conversation[] {
  const list: Conversation[] = [{ channel: "public", kind: "public", writable: mode === "open" && own !== null }];
  if (own === null) return list;
  list.push({ channel: `team:${own}`, kind: "team", writable: mode !== "off" });
  if (mode === "off") return list;
  for (const s of states) {
    if (s.id === own || s.control !== "team") continue;
    list.push({ channel: privateChannel(own, s.id), kind: "private", partner: s.id, writable: true });
  }
  return list;
}

/**
 * Unread messages per channel: those after the last one read in that channel (`lastRead`: channel ->
 * message id), not counting the reader's own.
 */
export function unreadByChannel(messages: readonly ChatMessage[], lastRead: Readonly<Record<string, number>>, me: string | null): Map<string, number> {
  const unread = new Map<string, number>();
  for (const m of messages) {
    if (m.id <= (lastRead[m.channel] ?? 0)) continue;
    if (me !== null && m.from.kind === "student" && m.from.studentId === me) continue;
    unread.set(m.channel, (unread.get(m.channel) ?? 0) + 1);
  }
  return unread;
}
