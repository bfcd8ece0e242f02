// Colyseus 0.16 sends every client a state patch whenever anything in the room
// changed, even a client whose filtered view (StateView) saw none of it: a frame
// holding only the ROOM_STATE_PATCH byte. In a class most changes are one team's
// draft, seen by its members and the teacher, so most patch frames were empty.
// Each still costs a WebSocket write (the server's largest cost per decision in
// issue 15's profiles) and a decode on the student's device.
import { Protocol, type Client } from "@colyseus/core";

const quiet = new WeakSet<Client>();

/**
 * Makes a client skip state patches that carry no change (one byte: ROOM_STATE_PATCH and nothing after it).
 * Nothing is lost: such a patch changes nothing on the client. Every other frame goes out as before.
 * Idempotent; call it whenever a client is seated (a reconnection is a new Client object).
 */
export function skipEmptyPatches(client: Client): void {
  if (quiet.has(client)) return;
  quiet.add(client);
  const raw = client.raw.bind(client);
  client.raw = (data, options, cb) => {
    if (data.length === 1 && data[0] === Protocol.ROOM_STATE_PATCH) return;
    raw(data, options, cb);
  };
}
