// Sending a request from a page: the reply's refusal becomes a toast with the
// server's reason; the caller learns whether it was accepted.
import type { ClientMessage } from "../../../shared/protocol/messages.js";
import type { GameConnection, Request } from "./connection.js";
import { toast } from "./dom.js";

export type Act = <K extends ClientMessage>(type: K, payload: Request<K>) => Promise<boolean>;

export function actOn(conn: GameConnection): Act {
  return async (type, payload) => {
    const reply = await conn.send(type, payload);
    if (!reply.ok) toast(reply.message, "error");
    return reply.ok;
  };
}
