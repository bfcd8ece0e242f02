// The CSV exports read back by a real CSV parser (csv-parse), and the log export through `npm run report`.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { chatCsv, csvField, eventsCsv, exportLog, isoTime, ROUNDS_HEADER, roundsCsv } from "../../shared/report/csv.js";
import { buildDebrief } from "../../shared/report/debrief.js";
import { handGame, SCENARIO, SETTINGS, T0 } from "./fixtures.js";

const g = handGame();
const read = (text: string) => parse<Record<string, string>>(text, { columns: true, bom: true });

describe("CSV", () => {
  it("quotes every field, doubles quotes and neutralizes formulas", () => {
    expect(csvField('a "b", c')).toBe('"a ""b"", c"');
    expect(csvField("=cmd()")).toBe(`"'=cmd()"`);
    for (const s of ["+1", "-x", "@SUM(A1)", "\tx", "\rx"]) expect(csvField(s).startsWith(`"'`)).toBe(true);
    expect(csvField(-3)).toBe('"-3"');
    expect(csvField(null)).toBe('""');
    expect(isoTime(T0)).toBe(new Date(T0).toISOString());
    expect(isoTime(0)).toBe("1970-01-01T00:00:00.000Z");
  });

  it("writes one row per state and round, read back by csv-parse", () => {
    const d = buildDebrief(g.room, { revealChat: false, anonymize: false });
    const rows = read(roundsCsv(d));
    expect(rows).toHaveLength(8);
    expect(Object.keys(rows[0]!)).toEqual([...ROUNDS_HEADER]);
    const mid1 = rows.find((r) => r.round === "1" && r.state === "MID")!;
    expect(mid1).toMatchObject({ offers: "BIG", allies: "BIG", bop_against: "BIG", bot_against: "NEA", divergent: "yes", matches: "balance-of-threat", matches_bop: "no" });
    const big1 = rows.find((r) => r.round === "1" && r.state === "BIG")!;
    expect(big1).toMatchObject({ action: "threaten", action_target: "NEA", matches_bop: "" });
    expect(Number(big1.score_total)).toBe(g.room.game.history[0]!.scores.BIG!.total);
    const events = read(eventsCsv(d));
    expect(events.some((e) => e.kind === "war" && (e.states ?? "").includes("BIG"))).toBe(true);
    expect(events[0]!.time).toMatch(/^\d{4}-\d\d-\d\dT/);
    expect(chatCsv(d)).toBeNull();
  });

  it("writes the chat only when revealed, with quotes, commas, newlines and formulas intact but neutralized", () => {
    const d = buildDebrief(g.room, { revealChat: true, anonymize: false });
    const rows = read(chatCsv(d)!);
    expect(rows.map((r) => r.from)).toEqual(["Ann", "'=cmd()", "Bob"]);
    expect(rows[0]!.text).toBe('We "protect", you, Bob\nsecond line');
    expect(rows[1]!.text).toBe(`'=HYPERLINK("http://x")`);
    expect(rows[2]!.text).toBe("'+1 sorry Cy");
    expect(rows[2]!.channel).toBe("private:MID|NEA");
  });
});

describe("npm run report", () => {
  const root = join(import.meta.dirname, "..", "..");
  const dir = mkdtempSync(join(tmpdir(), "entente-report-"));
  const file = join(dir, "log.json");
  writeFileSync(file, JSON.stringify(exportLog({ scenario: SCENARIO, settings: SETTINGS, code: "ABC123", createdAt: T0 }, g.log)));
  const run = (args: string[]) => spawnSync(process.execPath, ["--import", "tsx", join(root, "server", "cli", "report.ts"), ...args], { cwd: root, encoding: "utf8" });

  it("prints the verdict sentence from an exported log", () => {
    const r = run([file]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("Your teams' 8 alignments were consistent with balance of threat in 63% of cases (5 of 8), with balance of power in 17% (1 of 6)");
    expect(r.stdout).toContain("Counterfactuals");
  });

  it("prints the debrief JSON with --json, equal to buildDebrief", () => {
    const r = run([file, "--json"]);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(buildDebrief(g.room, { revealChat: false, anonymize: false }));
  });

  it("fails cleanly on a bad file", () => {
    const bad = join(dir, "bad.json");
    writeFileSync(bad, "{}");
    const r = run([bad]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("format");
  });
});
