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
    res.status(503).json({ error: { code: "storage", message: `The server could not use its database (${err.message}): nothing was changed. Try again in a moment.` } });
    return;
  }
  if (err instanceof DamagedLogError) {
    res.status(409).json({
      error: { code: "damaged-game", message: `This game's stored log is damaged (${err.reason}): it cannot be rebuilt. Restore a backup of the server's data folder to get it back, or delete the game.` },
    });
    return;
  }
  const status = (err as { status?: number; type?: string }).status;
  if (status === 400 || (err as { type?: string }).type === "entity.parse.failed") {
    res.status(400).json({ error: { code: "bad-json", message: "The request body is not valid JSON." } });
    return;
  }
  if (status === 413) {
    res.status(413).json({ error: { code: "too-large", message: "The request is too large (1 MB at most)." } });
    return;
  }
  console.error(err);
  res.status(500).json({ error: { code: "server-error", message: "Something went wrong on the server; nothing was changed." } });
}
