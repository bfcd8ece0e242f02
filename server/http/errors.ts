// API errors: every error is {"error": {"code", "message"}} with an HTTP status.
import type { NextFunction, Request, Response } from "express";
import { DamagedLogError, StorageError } from "../storage/faults.js";

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

/**
 * The last handler: an ApiError as it is; a storage fault as `503 storage` and a damaged game log as
 * `409 damaged-game`, in words; a malformed or too large body in words; anything else as a server error.
 */
export function errorHandler(err: unknown, _req: Request, res: Response, _next: NextFunction): void {
  if (err instanceof ApiError) {
    res.status(err.status).json({ error: { code: err.code, message: err.message, ...(err.details ? err.details : {}) } });
    return;
  }
  if (err instanceof StorageError) {
    res.status(503).json({ error: { code: "storage", message: `The server could not save or read its data just now (${err.message}), so nothing was changed. Try again in a moment; if it goes on, the computer running Entente may be out of disk space.` } });
    return;
  }
  if (err instanceof DamagedLogError) {
    res.status(409).json({
      error: { code: "damaged-game", message: `This game's saved record is damaged (${err.reason}), so it cannot be opened. Whoever runs the server can get it back from a backup of its data folder; otherwise delete the game.` },
    });
    return;
  }
  const status = (err as { status?: number; type?: string }).status;
  if (status === 400 || (err as { type?: string }).type === "entity.parse.failed") {
    res.status(400).json({ error: { code: "bad-json", message: "The request could not be read: its body is not valid JSON." } });
    return;
  }
  if (status === 413) {
    res.status(413).json({ error: { code: "too-large", message: "That is too large to send: 1 MB at most. A scenario file must be smaller than that." } });
    return;
  }
  console.error(err);
  res.status(500).json({ error: { code: "server-error", message: "Something went wrong on the server, and nothing was changed. Try again; if it happens again, restart Entente (Ctrl+C in its window, then npm start): running games come back." } });
}
