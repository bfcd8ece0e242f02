// GET /api/scenarios (the built-in scenarios) and POST /api/scenarios/validate (check an uploaded one).
import express from "express";
import type { ScenariosResponse, ValidateScenarioResponse } from "../../shared/protocol/http.js";
import { builtinScenarios } from "../../shared/scenario/builtin/index.js";
import { validateScenario } from "../../shared/scenario/validate.js";
import { mapProblems } from "../maps/geometry.js";
import { ApiError } from "./errors.js";

export function scenarioRoutes(): express.Router {
  const router = express.Router();
  router.get("/scenarios", (_req, res) => {
    res.json({
      scenarios: builtinScenarios().map((s) => ({
        id: s.id,
        title: s.title,
        description: s.description ?? "",
        rounds: s.rounds,
        states: s.states.map((x) => ({ id: x.id, name: x.name })),
        crises: (s.crises ?? []).map((c) => ({ id: c.id, title: c.title, round: c.round ?? null })),
      })),
    } satisfies ScenariosResponse);
  });

  router.post("/scenarios/validate", (req, res) => {
    const body = req.body as { scenario?: unknown } | undefined;
    if (!body || typeof body !== "object" || !("scenario" in body)) {
      throw new ApiError(400, "bad-request", 'Send {"scenario": { ... the scenario ... }}.');
    }
    const result = validateScenario(body.scenario);
    // A valid scenario whose territories name unknown countries cannot be drawn: those are errors too.
    const errors = result.ok ? mapProblems(result.scenario) : result.errors;
    const reply: ValidateScenarioResponse =
      result.ok && errors.length === 0
        ? { ok: true, id: result.scenario.id, title: result.scenario.title, states: result.scenario.states.length }
        : { ok: false, errors };
    res.json(reply);
  });
  return router;
}
