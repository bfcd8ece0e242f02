// What everyone must be able to read at any time, also after a reload or as a
// late joiner: the current round's crises (the scheduled ones that broke out
// when the round started, and the ones the teacher fired or typed live), each
// with what it changes in words. Events are not replayed, so the room mirrors
// this into the synchronized state (server/rooms/mirror.ts).
import { currentAnnouncement } from "./announcements.js";
import { capitalise } from "../format.js";
import type { Crisis } from "../scenario/schema.js";
import { nameInText } from "../theory/world.js";
import type { Session } from "./types.js";

export interface RoundCrisis {
  /** The scenario's crisis id, or "live-<seq>" for one the teacher typed. */
  id: string;
  round: number;
  title: string;
  text: string;
  /** What it changes, one sentence each ("The Soviet Union's economy shrinks by 5%."); empty for a story-only crisis. */
  changes: string[];
}

type Names = (id: string) => string;

const DEED_VERBS = { attack: "attacked", threat: "threatened", betrayal: "betrayed" } as const;

function change(what: string, percent: number, plural: boolean): string {
  const verb = percent < 0 ? "shrink" : "grow";
  return `${what} ${plural ? verb : `${verb}s`} by ${Math.abs(percent)}%.`;
}

/** A crisis's effects and deeds in words, in the order the scenario lists them. */
export function crisisChanges(crisis: Pick<Crisis, "effects" | "deeds">, name: Names): string[] {
  const lines: string[] = [];
  for (const e of crisis.effects ?? []) {
    const who = capitalise(name(e.state));
    if (e.economy !== undefined && e.economy !== 0) lines.push(change(`${who}'s economy`, e.economy, false));
    if (e.military !== undefined && e.military !== 0) lines.push(change(`${who}'s forces`, e.military, true));
  }
  for (const d of crisis.deeds ?? []) {
    lines.push(`On the record: ${name(d.from)} ${DEED_VERBS[d.kind]} ${name(d.to)} (it counts in everyone's threat assessment).`);
  }
  return lines;
}

/**
 * The crises that broke out in the current round, oldest first. The timeline is in time order and
 * its rounds never go down, so only the current round's tail is read.
 */
export function roundCrises(session: Session): RoundCrisis[] {
  const round = session.game.round;
  const names = new Map(session.game.states.map((s) => [s.id, nameInText(s)]));
  const name = (id: string) => names.get(id) ?? id;
  const scripted = new Map((session.scenario.crises ?? []).map((c) => [c.id, c]));
  const found: RoundCrisis[] = [];
  for (let i = session.timeline.length - 1; i >= 0; i--) {
    const entry = session.timeline[i]!;
    if (entry.round !== round) break;
    const e = entry.event;
    if (e.type !== "crisis") continue;
    const crisis = scripted.get(e.id);
    found.push({ id: e.id, round, title: e.title, text: e.text, changes: crisis ? crisisChanges(crisis, name) : [] });
  }
  return found.reverse();
}

/** The announcement shown now (see currentAnnouncement: none after the teacher cleared it) and when it was made (0 when there is none): a new one, even with the same words, is news again. */
export function announcementNow(session: Pick<Session, "announcements" | "announcementCleared">): { text: string; at: number } {
  const text = currentAnnouncement(session);
  return text === "" ? { text: "", at: 0 } : { text, at: session.announcements[session.announcements.length - 1]?.at ?? 0 };
}

/** Whether a computer player (a bot of a theory, or a random one) plays a seat: not its team, not nobody. */
export function playedByBot(control: string | undefined): boolean {
  return control !== undefined && control !== "team" && control !== "empty";
}
