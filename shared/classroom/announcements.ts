// The teacher's announcement as pages show it: the latest one, unless the
// teacher took it down since (clearAnnouncement). Every announcement stays in
// the session's list and the timeline.
import type { Session } from "./types.js";

/** The announcement shown now, or "" when there is none (none yet, or taken down). */
export function currentAnnouncement(session: Pick<Session, "announcements" | "announcementCleared">): string {
  if (session.announcementCleared) return "";
  return session.announcements[session.announcements.length - 1]?.text ?? "";
}
