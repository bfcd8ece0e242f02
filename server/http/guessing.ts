// Guessing over HTTP: join codes (a code's look-up), teacher keys (every
// endpoint that takes one, and the student's rejoin key of a report card) and
// the teacher passcode. Each kind has its own limit per address (guard/limits.ts):
// a request is refused with 429 once its address has failed too often, and each
// failure counts. Which errors are failures is one table, so a route only has
// to throw its usual ApiError.
import type { NextFunction, Request, Response } from "express";
import type { FailureLimit, Guards } from "../guard/limits.js";
import { ApiError } from "./errors.js";

type Kind = "wrongCodes" | "wrongKeys" | "wrongPasscodes";

/** The ApiError codes that are failed guesses, and what they guessed. */
const FAILURES: Record<string, Kind> = {
  "unknown-code": "wrongCodes",
  "unknown-game": "wrongKeys",
  "unknown-card": "wrongKeys",
  "unknown-teacher-key": "wrongKeys",
  passcode: "wrongPasscodes",
};

/** Which limits a request is held to before it runs. */
function kindsOf(req: Request): Kind[] {
  const kinds: Kind[] = [];
  if (req.method === "GET" && /^\/games\/[^/]+\/?$/.test(req.path)) kinds.push("wrongCodes");
  if (req.get("authorization") || req.get("x-teacher-key") || /\/card\/?$/.test(req.path)) kinds.push("wrongKeys");
  if (req.method === "POST" && /^\/games\/?$/.test(req.path)) kinds.push("wrongPasscodes", "wrongKeys");
  return kinds;
}

export interface Guessing {
  /** Middleware: refuses (429, Retry-After) a request whose address is over a limit that applies to it. */
  before: (req: Request, res: Response, next: NextFunction) => Promise<void>;
  /** Counts a failed guess, if `err` is one. */
  failed: (err: unknown, req: Request) => void;
}

export function guessing(guards: Guards, addressOf: (req: Request) => string): Guessing {
  const limit = (kind: Kind): FailureLimit => guards[kind];
  const what: Record<Kind, string> = { wrongCodes: "wrong game codes", wrongKeys: "wrong keys", wrongPasscodes: "wrong passcodes" };
  return {
    async before(req, res, next) {
      for (const kind of kindsOf(req)) {
        const verdict = await limit(kind).allowed(addressOf(req));
        if (!verdict.ok) {
          res.set("Retry-After", String(verdict.retryAfterSeconds));
          next(new ApiError(429, "too-many-attempts", `Too many ${what[kind]} from your network: wait ${verdict.retryAfterSeconds} s and try again.`));
          return;
        }
      }
      next();
    },
    failed(err, req) {
      const kind = err instanceof ApiError ? FAILURES[err.code] : undefined;
      if (kind) void limit(kind).failed(addressOf(req));
    },
  };
}
