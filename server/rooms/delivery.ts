// Sends a change's events and chat messages to the clients allowed to see
// them, and types every server message by the catalogue of
// shared/protocol/server-messages.ts. Who sees what is decided in
// shared/classroom (eventVisibleTo, canRead).
import { getMessageBytes, Protocol, type Client } from "@colyseus/core";
import { canRead } from "../../shared/classroom/chat.js";
import type { LogEntry, Session, SessionEvent } from "../../shared/classroom/types.js";
import { eventVisibleTo, type Viewer } from "../../shared/classroom/visibility.js";
import type { ServerMessage, ServerMessages } from "../../shared/protocol/server-messages.js";

/** Sends one typed server message. */
export function send<K extends ServerMessage>(client: Client, type: K, payload: ServerMessages[K]): void {
  client.send(type, payload);
}

/**
 * One typed server message sent to many clients, encoded once (on the first client that may see it) and
 * the same bytes queued for each: Colyseus's own `send` would encode it again for every client.
 */
function sendToEach<K extends ServerMessage>(clients: Iterable<Client>, type: K, payload: ServerMessages[K]): void {
  let bytes: Buffer | null = null;
  for (const client of clients) {
    bytes ??= getMessageBytes.raw(Protocol.ROOM_DATA, type, payload);
    client.enqueueRaw(bytes);
  }
}

function* allowed(targets: readonly { client: Client; viewer: Viewer }[], may: (viewer: Viewer) => boolean): Generator<Client> {
  for (const { client, viewer } of targets) if (may(viewer)) yield client;
}

/**
 * Delivers a change's events: chat messages to those who may read them, other events to those who may see
 * them. Each message is encoded once for all the clients that receive it. Events no client may see (a
 * draft's changes, readiness: the synchronized state shows those) cost no look-up of the clients at all.
 */
export function deliver(session: Session, entry: LogEntry, events: readonly SessionEvent[], clients: () => Iterable<{ client: Client; viewer: Viewer }>): void {
  let targets: { client: Client; viewer: Viewer }[] | null = null;
  for (const event of events) {
    if (event.type === "draftChanged" || event.type === "readyChanged") continue; // never sent (eventVisibleTo)
    targets ??= [...clients()];
    if (event.type === "chat") {
      sendToEach(allowed(targets, (viewer) => canRead(event.message, viewer)), "chat", event.message);
      continue;
    }
    sendToEach(allowed(targets, (viewer) => eventVisibleTo(event, viewer)), "event", { round: session.game.round, at: entry.at, event });
  }
}
