// The printed debrief in real Chromium against a real server: a short game of
// rival-shores played to the end by two teams (three students through the real
// client) and six bots, then the teacher's report: the summary on the first two
// printed pages (discussion questions, the verdict with the class's teams, the
// podium, the divergent rounds by name and never by code), the appendix from
// page 3 on, fold-outs open in the PDF, chart labels that neither overlap nor
// leave their chart at 360, 1366 and 1920 px, and the disagreement table with
// one row per state and round the debrief marks divergent. Screenshots of the
// report (screen and print) go to test-results/screenshots/, the PDF beside them.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Page } from "playwright-core";
import { extractText, getDocumentProxy } from "unpdf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Debrief } from "../../shared/report/debrief.js";
import { joinStudent, joinTeacher, request, until, type Joined } from "../server/harness.js";
import { startServedClient, type ServedClient } from "../security/served.js";
import { formatViolations, launchBrowser, SCREENSHOTS, User } from "./browser.js";

let served: ServedClient;
let browser: Browser;
const users: User[] = [];
let code = "";
let teacherKey = "";
let debrief: Debrief;

const ROUNDS = 3;

beforeAll(async () => {
  served = await startServedClient();
  browser = await launchBrowser();
  // The game: two teams (Ann and Cleo, Ben), three rounds, bots of balance of threat on the other six states.
  const game = await served.server.createGame({
    scenario: "rival-shores",
    settings: { rounds: ROUNDS, teams: { mode: "count", value: 2 }, emptySeats: "balance-of-threat", diplomacySeconds: 120, seed: 7 },
  });
  code = game.code;
  teacherKey = game.teacherKey;
  const client = served.server.client();
  const teacher = await joinTeacher(client, code, teacherKey);
  const students: Joined[] = [];
  for (const nickname of ["Ann", "Ben", "Cleo"]) students.push(await joinStudent(client, code, nickname));
  const [ann, ben] = students as [Joined, Joined, Joined];
  expect((await request(teacher.room, teacher.inbox, "start")).ok).toBe(true);
  for (let round = 1; round <= ROUNDS; round++) {
    await until(() => ann.state.phase === "diplomacy", 5000, `round ${round}`);
    if (round === 1) {
      // Ann's team (Atlantia) and Ben's (Borealis) ally, as in tests/report/http-debrief.test.ts.
      expect((await request(ann.room, ann.inbox, "offer", { to: "BOR" })).ok).toBe(true);
      expect((await request(ben.room, ben.inbox, "accept", { from: "ATL" })).ok).toBe(true);
    }
    expect((await request(teacher.room, teacher.inbox, "advance")).ok).toBe(true);
    await until(() => teacher.state.phase === "review", 5000, `review ${round}`);
    expect((await request(teacher.room, teacher.inbox, "advance")).ok).toBe(true);
  }
  await until(() => teacher.state.phase === "ended", 5000, "ended");
  for (const c of [teacher, ...students]) await c.room.leave();
  const r = await served.server.api(`/api/games/${code}/debrief`, { headers: { authorization: `Bearer ${teacherKey}` } });
  expect(r.status).toBe(200);
  debrief = r.body as Debrief;
}, 180_000);

afterAll(async () => {
  for (const u of users) await u.close();
  await browser.close();
  await served.stop();
}, 30_000);

async function openReport(name: string, width: number, height: number): Promise<User> {
  const user = await User.open(browser, name, served.server.url, { viewport: { width, height }, deviceScaleFactor: 1, ...(width < 500 ? { isMobile: true, hasTouch: true } : {}) });
  users.push(user);
  await user.page.addInitScript((key) => (globalThis as any).localStorage.setItem("entente:teacherKey", key), teacherKey);
  await user.goto(`/report.html?code=${code}`);
  await user.page.waitForSelector("[data-report-ready='true']", { timeout: 30_000 });
  return user;
}

interface Box {
  text: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Every chart's box and the boxes of its text labels, as drawn. */
async function chartLabels(page: Page): Promise<{ chart: string; box: Box; labels: Box[] }[]> {
  return page.evaluate(() => {
    const doc = (globalThis as any).document;
    const box = (el: any, text: string) => {
      const r = el.getBoundingClientRect();
      return { text, left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    };
    return [...doc.querySelectorAll(".report svg[role=img]")].map((svg: any, i: number) => ({
      chart: `${i}: ${svg.querySelector("title")?.textContent ?? "?"}`,
      box: box(svg, "chart"),
      labels: [...svg.querySelectorAll("text")].map((t: any) => box(t, t.textContent)),
    }));
  });
}

/** The labels that overlap another, or leave their chart (0.5 px of rounding allowed). */
function labelProblems(charts: { chart: string; box: Box; labels: Box[] }[]): string[] {
  const eps = 0.5;
  const problems: string[] = [];
  for (const c of charts) {
    for (const l of c.labels) {
      if (l.left < c.box.left - eps || l.right > c.box.right + eps || l.top < c.box.top - eps || l.bottom > c.box.bottom + eps) problems.push(`${c.chart}: "${l.text}" leaves the chart`);
    }
    c.labels.forEach((a, i) =>
      c.labels.slice(i + 1).forEach((b) => {
        if (Math.min(a.right, b.right) - Math.max(a.left, b.left) > eps && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > eps) problems.push(`${c.chart}: "${a.text}" overlaps "${b.text}"`);
      }),
    );
  }
  return problems;
}

/** Text without any white space (PDF text extraction breaks lines and spaces its own way). */
const squash = (s: string) => s.replace(/\s+/g, "");

describe("the printed debrief", () => {
  it("the game was played to the end with divergent rounds", () => {
    expect(debrief.summary.roundsPlayed).toBe(ROUNDS);
    expect(debrief.summary.verdicts.teams.length).toBe(2);
    expect(debrief.divergent.table.length).toBeGreaterThan(0);
  });

  it("on screen: summary first, one disagreement row per divergent state and round, chart labels clear at 360, 1366 and 1920 px, no axe violation", async () => {
    for (const [width, height] of [
      [360, 740],
      [1366, 768],
      [1920, 1080],
    ] as const) {
      const user = await openReport(`report-${width}`, width, height);
      const page = user.page;
      const charts = await chartLabels(page);
      expect(charts.length).toBe(1 + debrief.alliances.length);
      expect(charts.every((c) => c.labels.length > 0)).toBe(true);
      expect(labelProblems(charts)).toEqual([]);
      // Names on the charts, not codes: every state's name labels the power chart.
      const powerLabels = charts[0]!.labels.map((l) => l.text).join(" | ");
      for (const s of debrief.states) expect(powerLabels).toContain(s.name);
      expect((await user.overflows(`report at ${width}px`)).page).toBe(0);
      await user.screenshot(`debrief-screen-${width}`, true);
      const axe = await user.runAxe(`report at ${width}px`);
      if (axe.violations.length > 0) console.log(formatViolations([axe]));
      expect(axe.violations).toEqual([]);
      expect(user.problems).toEqual([]);
    }

    const page = users[1]!.page;
    // The order: the questions, the verdict, the podium, the divergent rounds, then the appendix.
    const headings = await page.locator("main h2").allInnerTexts();
    expect(headings.slice(0, 5)).toEqual(["Questions for discussion", "Verdict: which theory explained your teams' choices", "Podium", "Where the theories disagreed", "Appendix: the detail"]);
    // The disagreement table: exactly the (state, round) pairs the debrief's theory table marks divergent.
    const divergent = debrief.theoryTable.filter((r) => r.predictions.divergent).map((r) => `${r.name} ${r.round}`);
    const rows = await page.locator(".divergent-table tbody tr").evaluateAll((trs) => trs.map((tr: any) => `${tr.querySelector("th").firstChild.textContent} ${tr.querySelector("td").textContent}`));
    expect(rows).toEqual(divergent);
    expect(await page.locator(".divergent-table thead th").allInnerTexts()).toEqual(["State", "Round", "Balance of power said", "Balance of threat said", "Bandwagoning said", "What it did", "Which fit"]);
  }, 120_000);

  it("printed: the summary on pages 1-2, the appendix from page 3, fold-outs open, no button or code in the summary", async () => {
    const user = users[1] ?? (await openReport("report-1366", 1366, 768));
    const page = user.page;
    const ids = debrief.states.map((s) => s.id);
    // What printing sets off in this browser: recorded, then the fold-outs checked closed on screen.
    await page.evaluate(() => {
      const w = globalThis as any;
      w.printEvents = [];
      for (const type of ["beforeprint", "afterprint"]) w.addEventListener(type, () => w.printEvents.push(type));
      w.matchMedia("print").addEventListener("change", (e: any) => w.printEvents.push(`print media ${e.matches}`));
    });
    expect(await page.locator("details[open]").count()).toBe(0);
    const pdf = await page.pdf({ format: "A4", printBackground: true });
    mkdirSync(SCREENSHOTS, { recursive: true });
    writeFileSync(join(SCREENSHOTS, "debrief.pdf"), pdf);
    const events = (await page.evaluate(() => (globalThis as any).printEvents)) as string[];
    console.log(`page.pdf() set off: ${events.join(", ") || "nothing"}`);
    expect(await page.locator("details[open]").count()).toBe(0);

    const doc = await getDocumentProxy(new Uint8Array(pdf));
    const { totalPages, text } = await extractText(doc, { mergePages: false });
    expect(totalPages).toBeGreaterThanOrEqual(3);
    const pages = text.map(squash);
    const summary = pages.slice(0, 2).join("");
    // The summary's facts, on the first two pages.
    expect(summary).toContain(squash("Questions for discussion"));
    expect(debrief.questions.length).toBeGreaterThan(0);
    for (const q of debrief.questions) expect(summary).toContain(squash(q.question));
    expect(summary).toContain(squash(debrief.summary.verdict));
    for (const v of debrief.summary.verdicts.teams) {
      expect(summary).toContain(squash(`${v.name} (${v.members.join(", ")}): ${v.line}`));
    }
    expect(summary).toContain(squash("Podium"));
    for (const p of debrief.summary.podium) expect(summary).toContain(squash(p.name));
    for (const r of debrief.divergent.rounds) expect(summary).toContain(squash(`Round ${r.round}: ${r.names.slice(0, 12).join(", ")}`));
    expect(summary).toContain(squash(`Game ${code}`));
    // No state code in the summary, and nothing of the screen's controls.
    const summaryWords = text.slice(0, 2).join(" ");
    expect(ids.filter((id) => new RegExp(`\\b${id}\\b`).test(summaryWords))).toEqual([]);
    expect(summaryWords).not.toMatch(/Print or save as PDF|Reveal chat excerpts|Hide nicknames/);
    // The appendix: not on pages 1-2, from page 3 on; the fold-out's content is printed.
    const appendixPage = pages.findIndex((p) => p.includes(squash("Appendix: the detail")));
    expect(appendixPage).toBeGreaterThanOrEqual(2);
    expect(pages.join("")).toContain(squash("Each state's share of all power, at the start and after each round."));
    // The disagreement table's header repeats on every page it spans.
    const tablePages = pages.filter((p) => debrief.divergent.table.some((r) => p.includes(squash(`${r.name}${r.round}${r.power}`))));
    for (const p of tablePages) expect(p).toContain(squash("Balance of threat said"));
  }, 120_000);

  it("print media emulated: fold-outs open (and close again on screen); screenshots of the printed look", async () => {
    const user = users[1]!;
    const page = user.page;
    await page.emulateMedia({ media: "print" });
    await expect.poll(() => page.locator("details:not([open])").count()).toBe(0);
    expect(await page.locator("nav").isVisible()).toBe(false);
    await user.screenshot("debrief-print-emulated", true);
    const charts = await chartLabels(page);
    expect(labelProblems(charts)).toEqual([]);
    await page.emulateMedia({ media: "screen" });
    await expect.poll(() => page.locator("details[open]").count()).toBe(0);
  }, 60_000);
});
