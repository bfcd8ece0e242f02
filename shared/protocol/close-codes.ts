// WebSocket close codes and join refusals, named once for the server and the
// client. Colyseus passes a refused join's code to the client as the error's
// `code`, and a code given to `client.leave(code)` to the client's onLeave.

export const CLOSE = {
  /** Join options of the wrong shape (no role, a role without its key or nickname). */
  BAD_JOIN: 4400,
  /** The nickname belongs to a student who is not connected: the teacher has been asked to let this browser in. */
  NEEDS_APPROVAL: 4401,
  /** Not allowed: a wrong teacher key, a student the teacher removed, or a request to come back the teacher refused. */
  FORBIDDEN: 4403,
  /** No such game, or a rejoin link that no longer opens a seat. */
  NOT_FOUND: 4404,
  /** The nickname is already playing in this game. */
  NICKNAME_TAKEN: 4409,
  /** The game is over: it takes no new players. */
  GAME_OVER: 4410,
  /** The game is full (students, or projectors). */
  FULL: 4413,
  /** The nickname is empty or too long. */
  BAD_NICKNAME: 4422,
  /** The teacher has closed the game to new students. */
  LOCKED: 4423,
  /** Too many joins or messages: wait and try again (a client sending far too many messages is disconnected with it). */
  TOO_MANY: 4429,
  /** The server is starting or stopping, or could not save the join just now (its database is locked or full): try again. */
  NOT_READY: 4500,
  /** Colyseus: no room with this id here (the game ended and its room closed, or a wrong code). */
  ROOM_NOT_FOUND: 4212,
  /** Colyseus: the seat reservation expired before the connection came. */
  RESERVATION_EXPIRED: 4214,
  /** WebSocket: the message was larger than the transport allows (16 KB). */
  MESSAGE_TOO_BIG: 1009,
} as const;

export type CloseCode = (typeof CLOSE)[keyof typeof CLOSE];
