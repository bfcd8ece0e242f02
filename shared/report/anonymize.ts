// Nicknames in reports: as they are, or "Player N" (in join order) when the
// teacher anonymizes; the same inside chat texts. Chat excerpts appear only
// when the teacher reveals the chats.
import type { Session } from "../classroom/types.js";

export interface ChatExcerpt {
  id: number;
  round: number;
  at: number;
  channel: string;
  /** "Teacher", a nickname, or "Player N" when anonymized. */
  from: string;
  state: string | null;
  text: string;
}

/** Nicknames as shown: themselves, or "Player N" in join order when anonymized. */
export function aliasMap(session: Session, anonymize: boolean): Map<string, string> {
  const map = new Map<string, string>();
  Object.values(session.students).forEach((s, i) => map.set(s.id, anonymize ? `Player ${i + 1}` : s.nickname));
  return map;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function hideNicknames(text: string, session: Session, aliases: Map<string, string>): string {
  let out = text;
  // Longest first, so that "Ann-Marie" is replaced before "Ann".
  const students = Object.values(session.students).sort((a, b) => b.nickname.length - a.nickname.length);
  for (const s of students) {
    const re = new RegExp(`(?<![\\p{L}\\p{N}_])${escapeRegExp(s.nickname)}(?![\\p{L}\\p{N}_])`, "giu");
    out = out.replace(re, aliases.get(s.id) ?? "a player");
  }
  return out;
}

/** The chat as excerpts for the debrief, or null unless revealed. */
export function chatExcerpts(session: Session, options: { revealChat: boolean; anonymize: boolean }, aliases: Map<string, string>): ChatExcerpt[] | null {
  return options.revealChat
    ? session.chat.map((m) => ({
        id: m.id,
        round: m.round,
        at: m.at,
        channel: m.channel,
        from: m.from.kind === "teacher" ? "Teacher" : (aliases.get(m.from.studentId) ?? (options.anonymize ? "a player" : m.from.nickname)),
        state: m.from.kind === "student" ? m.from.state : null,
        text: options.anonymize ? hideNicknames(m.text, session, aliases) : m.text,
      }))
    : null;
}
