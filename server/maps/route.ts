// GET /maps/<key>.json?game=<code>: a scenario's map geometry (mapKey names it).
//
// The built-in scenarios' maps were written at build time into client/dist/maps
// (precompressed, served by express-static-gzip in app.ts before this route).
// Any other map (a teacher's own scenario, or a server run without a build) is
// built here from the scenario of the game whose code the page gives, checked
// against the key, kept in memory, compressed per request (compression) and
// cached by the browser for good: a key never names two different maps.
import compression from "compression";
import express from "express";
import { isJoinCode, normalizeCode } from "../../shared/ids.js";
import { builtinScenarios } from "../../shared/scenario/builtin/index.js";
import type { Scenario } from "../../shared/scenario/schema.js";
import type { GameStore } from "../storage/store.js";
import { mapGeometryJson } from "./geometry.js";
import { mapKey } from "./key.js";

const KEY_FILE = /^([0-9a-f]{16})\.json$/;

function notFound(res: express.Response, message: string): void {
  res.status(404).json({ error: { code: "no-map", message } });
}

/** The router answering /maps/<key>.json for maps not built into client/dist. */
export function mapRoutes(store: GameStore): express.Router {
  const router = express.Router();
  router.get("/:file", compression(), async (req, res, next) => {
    const file = req.params.file;
    const key = typeof file === "string" ? KEY_FILE.exec(file)?.[1] : undefined;
    if (!key) { notFound(res, "There is no such map: its address should look like /maps/0123456789abcdef.json."); return; }
    const code = typeof req.query.game === "string" ? normalizeCode(req.query.game) : "";
    let scenario: Scenario | undefined = builtinScenarios().find((s) => mapKey(s) === key);
    if (!scenario && isJoinCode(code)) {
      try {
        const game = await store.gameByCode(code);
        if (game && mapKey(game.scenario) === key) scenario = game.scenario;
      } catch (err) {
        next(err);
        return;
      }
    }
    if (!scenario) { notFound(res, "This map belongs to no game on this server (the game may have been deleted)."); return; }
    let json: string;
    try {
      json = mapGeometryJson(scenario);
    } catch (err) {
      next(err);
      return;
    }
    res.set("Cache-Control", "public, max-age=31536000, immutable").type("json").send(json);
  });
  return router;
}
