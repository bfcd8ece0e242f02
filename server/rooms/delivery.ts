// Sends a change's events and chat messages to the clients allowed to see
// them, and types every server message by the catalogue of
// shared/protocol/server-messages.ts. Who sees what is decided in
// shared/classroom (eventVisibleTo, canRead).
import type { Client } from "@colyseus/core";
import { canRead } from "../../shared/classroom/chat.js";
import type { LogEntry, Session, SessionEvent } from "../../shared/classroom/types.js";
import { eventVisibleTo, type Viewer } from "../../shared/classroom/visibility.js";
import type { ServerMessage, ServerMessages } from "../../shared/protocol/server-messages.js";

/** Sends one typed server message. */
export function send<K extends ServerMessage>(client: Client, type: K, payload: ServerMessages[K]): void {
  client.send(type, payload);
}

/** Delivers a change's events: chat messages to those who may read them, other events to those who may see them. */
export function deliver(session: Session, entry: LogEntry, events: readonly SessionEvent[], clients: Iterable<{ client: Client; viewer: Viewer }>): void {
  const targets = [...clients];
  for (const event of events) {
    if (event.type === "chat") {
      for (const { client, viewer } of targets) if (canRead(event.message, viewer)) send(client, "chat", event.message);
      continue;
    }
    const message = { round: session.game.round, at: entry.at, event };
    for (const { client, viewer } of targets) if (eventVisibleTo(event, viewer)) send(client, "event", message);
  }
}
