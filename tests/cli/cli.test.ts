// The command-line tools, run as a teacher would run them: real processes, real files.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { builtinScenario } from "../../shared/scenario/builtin/index.js";
import { createGame } from "../../shared/rules/setup.js";
import { threatTo } from "../../shared/theory/threat.js";

const root = join(import.meta.dirname, "..", "..");

function run(script: string, args: string[]) {
  return spawnSync(process.execPath, ["--import", "tsx", join(root, "server", "cli", script), ...args], {
    cwd: root,
    encoding: "utf8",
  });
}

describe("npm run predict", () => {
  it("prints the round-1 predictions as one JSON object in the documented shape", () => {
    const r = run("predict.ts", ["--scenario", "cold-war-1947", "--json"]);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    const game = createGame(builtinScenario("cold-war-1947")!, { seed: 1 });
    expect(out.scenario).toBe("cold-war-1947");
    expect(out.round).toBe(1);
    expect(out.leader.bloc).toEqual(game.predictions.leader.bloc);
    expect(out.leader.share).toBeCloseTo(game.predictions.leader.share, 3);
    expect(Object.keys(out.states).sort()).toEqual(game.states.map((s) => s.id).sort());
    for (const [id, s] of Object.entries<any>(out.states)) {
      const p = game.predictions.states[id]!;
      expect(s.powerShare).toBeCloseTo(p.powerShare, 3);
      // Every other state's threat (the predictions keep only the top ones), in the same order.
      expect(s.threats.map((t: any) => t.from)).toEqual(threatTo(game, id).map((t) => t.from));
      expect(s.threats.slice(0, p.threats.length).map((t: any) => t.from)).toEqual(p.threats.map((t) => t.from));
      const scores = s.threats.map((t: any) => t.score);
      expect([...scores].sort((a: number, b: number) => b - a)).toEqual(scores);
      for (const t of s.threats) {
        expect(Object.keys(t)).toEqual(expect.arrayContaining(["from", "score", "power", "proximity", "offense", "intentions"]));
      }
      expect(s.balanceOfPower.against).toEqual(p.balanceOfPower.against);
      expect(s.balanceOfPower.partners).toEqual(p.balanceOfPower.partners);
      expect(s.balanceOfThreat.against).toBe(p.threats[0]!.from);
      expect(s.balanceOfThreat.partners).toEqual(p.balanceOfThreat.partners);
      expect(s.bandwagon.with).toBe(p.threats[0]!.from);
    }
    const leader = game.predictions.leader.leader;
    expect(out.states[leader].balanceOfPower.against).toBeNull();
  });

  it("prints a readable table without --json", () => {
    const r = run("predict.ts", ["--scenario", "cold-war-1947"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Leading bloc:/);
    expect(r.stdout).toMatch(/balance of threat/);
  });

  it("refuses an unknown scenario with a clear error and exit code 1", () => {
    const r = run("predict.ts", ["--scenario", "no-such-thing"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/neither a built-in scenario/);
  });
});

describe("npm run simulate", () => {
  it("gives the same output byte for byte for the same seed, and another for another seed", () => {
    const args = ["--scenario", "cold-war-1947", "--policy", "mixed", "--rounds", "4", "--seed", "11", "--json"];
    const a = run("simulate.ts", args);
    const b = run("simulate.ts", args);
    expect(a.status).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    const summary = JSON.parse(a.stdout);
    expect(summary.rounds).toHaveLength(4);
    for (const t of ["balance-of-power", "balance-of-threat", "bandwagon"]) {
      const fit = summary.theoryFit[t];
      expect(fit.share).toBeCloseTo(fit.predicted === 0 ? 0 : fit.matched / fit.predicted, 3);
    }
    const others = [12, 13, 14].map((seed) => run("simulate.ts", [...args.slice(0, -3), String(seed), "--json"]).stdout);
    expect(others.some((o) => o !== a.stdout)).toBe(true);
    const text = run("simulate.ts", args.slice(0, -1));
    expect(text.stdout).toMatch(/== Round 4 ==/);
    expect(text.stdout).toMatch(/Theory fit over/);
  });

  it("rejects a bad policy and bad rounds", () => {
    expect(run("simulate.ts", ["--scenario", "cold-war-1947", "--policy", "hawk"]).status).toBe(1);
    expect(run("simulate.ts", ["--scenario", "cold-war-1947", "--rounds", "0"]).status).toBe(1);
  });
});

describe("npm run scenario:check", () => {
  const dir = mkdtempSync(join(tmpdir(), "entente-check-"));

  it("prints every error of a broken file and exits 1", () => {
    const file = join(dir, "broken.json");
    writeFileSync(
      file,
      JSON.stringify({
        id: "broken",
        title: "Broken",
        rounds: 3,
        states: [
          { id: "A", name: "A", military: 10, economy: 10, position: [0, 0], offensive: 0.2 },
          { id: "B", name: "B", military: -5, economy: 10, position: [10, 0], offensive: 0.2 },
          { id: "C", name: "C", military: 10, economy: 10, position: [0, 10], offensive: 1.5 },
        ],
        alliances: [["A", "Z"]],
      }),
    );
    const r = run("scenario-check.ts", [file]);
    expect(r.status).toBe(1);
    expect(r.stdout).toContain("states[1].military: must be a positive number");
    expect(r.stdout).toContain("states[2].offensive: must be a number between 0 and 1");
    expect(r.stdout).toContain('alliances[0][1]: unknown state id "Z"');
  });

  it("reports broken JSON and a missing file", () => {
    const file = join(dir, "syntax.json");
    writeFileSync(file, "{ not json");
    const r = run("scenario-check.ts", [file, join(dir, "missing.json")]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/not valid JSON/);
    expect(r.stdout).toMatch(/missing\.json: cannot be read/);
  });

  it("reports a territory that names no Natural Earth country, with a suggestion", () => {
    const file = join(dir, "misspelt.json");
    const scenario = JSON.parse(readFileSync(join(root, "shared", "scenario", "builtin", "europe-1914.json"), "utf8"));
    scenario.states[0].territory = ["United Kingdon"];
    writeFileSync(file, JSON.stringify(scenario));
    const r = run("scenario-check.ts", [file]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/states\[0\]\.territory\[0\]: "United Kingdon" .*"United Kingdom"/);
  });

  it("accepts every built-in scenario file", () => {
    const files = execFileSync("ls", [join(root, "shared", "scenario", "builtin")], { encoding: "utf8" })
      .split("\n")
      .filter((f) => f.endsWith(".json"))
      .map((f) => join(root, "shared", "scenario", "builtin", f));
    expect(files.length).toBeGreaterThan(0);
    const r = run("scenario-check.ts", files);
    expect(r.stdout).not.toMatch(/error/);
    expect(r.status).toBe(0);
  });
});

describe("npm start", () => {
  it("starts the server on the given port, answers the health check, and stops cleanly on SIGTERM", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "entente-start-"));
    const child = spawn(process.execPath, ["--import", "tsx", join(root, "server", "main.ts")], {
      cwd: root,
      env: { ...process.env, PORT: "0", DATA_DIR: dataDir, HOSTNAME_BIND: "127.0.0.1" },
    });
    let out = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    const port = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no start message: ${out}`)), 20_000);
      child.stdout.on("data", () => {
        const m = /http:\/\/localhost:(\d+)/.exec(out);
        if (m) {
          clearTimeout(timer);
          resolve(Number(m[1]));
        }
      });
    });
    const health = (await (await fetch(`http://127.0.0.1:${port}/api/health`)).json()) as { ok: boolean };
    expect(health.ok).toBe(true);
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
  });

  it("npm run help prints what the command line can do", () => {
    const r = spawnSync("npm", ["run", "help", "--silent"], { cwd: root, encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/npm run simulate/);
  });
});
