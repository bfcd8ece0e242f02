// The map geometry over HTTP and in the synchronized state: a teacher's own
// historical scenario gets its map built by the server (GET /maps/<key>.json
// ?game=<code>), compressed and cached for good; a key belongs to its game
// only; territories naming unknown countries are refused when the game is
// created or the file checked, with the path and a suggestion.
import { gunzipSync } from "node:zlib";
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mapKey } from "../../server/maps/key.js";
import type { MapGeometry } from "../../shared/map/types.js";
import { builtinScenario } from "../../shared/scenario/builtin/index.js";
import type { Scenario } from "../../shared/scenario/schema.js";
import { joinStudent, startTestServer, until, type TestServer } from "./harness.js";

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.stop();
});

/** Europe 1914 as a teacher might adapt it: another id, Belgium joined to the Netherlands and Luxembourg. */
function teachersEurope(): Scenario {
  const base = structuredClone(builtinScenario("europe-1914")!);
  base.id = "my-europe-1914";
  base.title = "My Europe 1914";
  const bel = base.states.find((s) => s.id === "BEL")!;
  bel.territory = ["Belgium", "Netherlands", "Luxembourg"];
  return base;
}

/** GET with the headers given, the body as raw bytes (so that compression can be seen). */
function rawGet(path: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${t.url}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("a scenario's map over HTTP", () => {
  it("builds a teacher's own historical map, sends it compressed and cacheable for good, and only for its game", async () => {
    const scenario = teachersEurope();
    const game = await t.createGame({ scenario, settings: { rounds: 2 } });
    const key = mapKey(scenario);
    expect(key).not.toBe(mapKey(builtinScenario("europe-1914")!));
    const r = await rawGet(`/maps/${key}.json?game=${game.code}`, { "accept-encoding": "gzip" });
    expect(r.status).toBe(200);
    expect(r.headers["content-encoding"]).toBe("gzip");
    expect(String(r.headers["cache-control"])).toContain("immutable");
    const geometry = JSON.parse(gunzipSync(r.body).toString("utf8")) as MapGeometry;
    expect(Object.keys(geometry.territories).sort()).toEqual(scenario.states.map((s) => s.id).sort());
    expect(geometry.schematic).toBe(true);
    // Belgium now holds the Netherlands too: its territory reaches farther north than the built-in one's.
    const builtin = await t.api(`/maps/${mapKey(builtinScenario("europe-1914")!)}.json`);
    expect(builtin.status).toBe(200);
    const north = (g: MapGeometry) => Math.min(...g.territories["BEL"]!.flatMap((ring) => ring.filter((_, i) => i % 2 === 1)));
    expect(north(geometry)).toBeLessThan(north(builtin.body as MapGeometry));

    // Another game's code, no code, or a key of nothing: no map.
    const other = await t.createGame({ scenario: "rival-shores", settings: { rounds: 2 } });
    for (const path of [`/maps/${key}.json?game=${other.code}`, `/maps/${key}.json`, `/maps/0123456789abcdef.json?game=${game.code}`, "/maps/nothing.json"]) {
      const miss = await t.api(path);
      expect(miss.status, path).toBe(404);
      expect(miss.body.error.code).toBe("no-map");
    }
  });

  it("puts the map's key in the synchronized state", async () => {
    const game = await t.createGame({ scenario: "cold-war-1947", settings: { rounds: 2 } });
    const student = await joinStudent(t.client(), game.code, "Ann");
    try {
      await until(() => (student.room.state as { mapKey?: string }).mapKey !== undefined && (student.room.state as { mapKey: string }).mapKey !== "");
      expect((student.room.state as { mapKey: string }).mapKey).toBe(mapKey(builtinScenario("cold-war-1947")!));
    } finally {
      await student.room.leave();
    }
  });
});

describe("territories that name no country", () => {
  const misspelt = () => {
    const s = teachersEurope();
    s.states[4]!.territory = ["Austrai", "Hungary"];
    return s;
  };

  it("refuse the game with the path and a suggestion", async () => {
    const r = await t.api("/api/games", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ scenario: misspelt(), settings: { rounds: 2 } }) });
    expect(r.status).toBe(422);
    expect(r.body.error.code).toBe("invalid-scenario");
    expect(r.body.error.errors).toEqual([expect.stringMatching(/^states\[4\]\.territory\[0\]: "Austrai" .*"Austria"/)]);
  });

  it("fail the check of an uploaded file", async () => {
    const r = await t.api("/api/scenarios/validate", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ scenario: misspelt() }) });
    expect(r.status).toBe(200);
    expect(r.body.ok).toBe(false);
    expect(r.body.errors[0]).toMatch(/^states\[4\]\.territory\[0\]/);
  });
});
