// The room's connections: who each client is, how many connections each
// student has open (a student may have several tabs), and the clients of a
// student. Colyseus keeps the clients; this keeps what Entente knows of them.
import type { Client } from "@colyseus/core";
import type { Actor } from "../../shared/classroom/types.js";
import type { Pacing } from "./inbound.js";
import type { Shown } from "./views.js";

/** What the room keeps per connection. */
export interface Connection {
  actor: Actor;
  /** Its messages' limits and order (inbound.ts). */
  pacing: Pacing;
  /** Cut off for flooding: no reconnection window is kept. */
  cutOff: boolean;
  /** The private entries its StateView holds. */
  shown: Shown;
}

export const connectionOf = (client: Client): Connection | undefined => client.userData as Connection | undefined;

export class ConnectedStudents {
  private readonly counts = new Map<string, number>();
  /** The ids as last handed out: the same Set until someone connects or leaves (mirror.ts compares it by identity). */
  private snapshot: ReadonlySet<string> | null = null;

  /** One more (+1) or one fewer (-1) open connection for this actor (students only are counted). */
  change(actor: Actor, delta: number): void {
    if (actor.kind !== "student") return;
    const n = (this.counts.get(actor.studentId) ?? 0) + delta;
    if (n <= 0) this.counts.delete(actor.studentId);
    else this.counts.set(actor.studentId, n);
    this.snapshot = null;
  }

  /** How many connections the student has open now. */
  of(studentId: string): number {
    return this.counts.get(studentId) ?? 0;
  }

  /** The ids of the students connected now: the same Set object while nobody connects or leaves, a new one after. */
  ids(): ReadonlySet<string> {
    this.snapshot ??= new Set(this.counts.keys());
    return this.snapshot;
  }
}

/** The clients of one student (every tab). */
export function clientsOfStudent(clients: Iterable<Client>, studentId: string): Client[] {
  return [...clients].filter((c) => {
    const actor = connectionOf(c)?.actor;
    return actor?.kind === "student" && actor.studentId === studentId;
  });
}
