// The teacher's console as a monitor, in real Chromium against a real server:
// a 14-state scenario with 12 teams (two states left to bots). Students join,
// leave, save budgets, choose actions, offer alliances and say they are ready
// through colyseus.js; the grid must follow (online/away, ready, draft
// complete), keep the bots apart and out of the ready count, and show for each
// theory the tick the model computes for that team's draft. The controls that
// end things need a confirm step (cancel keeps the round); the announcement can
// be taken down; the chat downloads as a CSV. Screenshots at 1366x768 and
// 1920x1080; no sideways scrolling; axe finds nothing.
//
// Builds the client into its own folder (tests/security/served.ts). Run alone
// with `npx vitest run tests/e2e/console-monitor.test.ts`.
import { readFileSync } from "node:fs";
import type { Browser, Locator } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readyCount } from "../../shared/classroom/readiness.js";
import { members } from "../../shared/classroom/teams.js";
import { draftFit, draftGaps } from "../../shared/rules/draft-status.js";
import { THEORIES, THEORY_NAMES } from "../../shared/theory/world.js";
import { startServedClient, type ServedClient } from "../security/served.js";
import { joinStudent, request, serverRoom, settled, until, type Joined } from "../server/harness.js";
import { formatViolations, launchBrowser, PROJECTOR, User } from "./browser.js";

const LAPTOP = { viewport: { width: 1366, height: 768 }, deviceScaleFactor: 1 } as const;
const NAMES = ["Ann", "Ben", "Cleo", "Dev", "Eli", "Fay", "Gus", "Hal", "Ida", "Jo", "Kai", "Lea", "Max"];

let served: ServedClient;
let browser: Browser;
let teacher: User;
let code = "";
const students = new Map<string, Joined>();

beforeAll(async () => {
  served = await startServedClient();
  browser = await launchBrowser();
  const game = await served.server.createGame({
    scenario: "cold-war-1947",
    settings: { rounds: 3, teams: { mode: "count", value: 12 }, emptySeats: "balance-of-threat", diplomacySeconds: 600 },
  });
  code = game.code;
  teacher = await User.open(browser, "teacher", served.server.url, LAPTOP);
  await teacher.page.addInitScript((key) => (globalThis as any).localStorage.setItem("entente:teacherKey", key), game.teacherKey);
  await teacher.goto(`/teacher.html?code=${code}`);
  await teacher.page.getByRole("heading", { name: "Teams at a glance" }).waitFor();
}, 120_000);

afterAll(async () => {
  for (const s of students.values()) await s.room.leave().catch(() => undefined);
  await teacher.close();
  await browser.close();
  await served.stop();
}, 30_000);

const page = () => teacher.page;
const row = (state: string): Locator => page().locator(`table.team-grid tr[data-state="${state}"]`);
const readyCountEl = () => page().locator("header.console-bar .ready-count");
const primary = () => page().locator("header.console-bar .primary-next");
const session = async () => (await serverRoom(code)).session;

/** The model's ready count for this session (the rule the bar must show). */
async function expectedReady(): Promise<{ ready: number; of: number }> {
  const s = await session();
  return readyCount(s.game.states.map((x) => ({ control: s.control[x.id] ?? "empty", members: members(s, x.id).length, ready: s.game.drafts[x.id]?.ready === true })));
}

async function waitText(locator: Locator, pattern: RegExp): Promise<void> {
  await expect.poll(async () => (await locator.textContent()) ?? "", { timeout: 10_000, interval: 100 }).toMatch(pattern);
}

const stateOf = (name: string): string => students.get(name)!.welcome.state as string;

/** Offers an alliance to the first of these states the rules allow (some are already allies, or out of reach); returns it. */
async function offerToFirst(student: Joined, candidates: string[]): Promise<string> {
  const refusals: string[] = [];
  for (const to of candidates) {
    const reply = await request(student.room, student.inbox, "offer", { to });
    if (reply.ok) return to;
    refusals.push(`${to}: ${reply.body.code}`);
  }
  throw new Error(`no offer was accepted (${refusals.join(", ")})`);
}

async function checkLayout(where: string): Promise<void> {
  const o = await teacher.overflows(where);
  expect(o.page, `${where}: the page scrolls sideways`).toBe(0);
  expect(o.elements.filter((e) => e.includes("team-grid") || e.includes("table") || e.includes("console-bar")), where).toEqual([]);
  expect(o.hiddenShown).toEqual([]);
  const axe = await teacher.runAxe(where);
  expect(axe.violations, formatViolations([axe])).toEqual([]);
}

describe("the console as a monitor", () => {
  it("students joining appear online in their team's row; Start is enabled only once someone joined", async () => {
    await primary().getByText("Start the game").waitFor();
    expect(await primary().isDisabled()).toBe(true);
    await page().getByText("No student has joined yet.").waitFor();

    for (const name of NAMES) students.set(name, await joinStudent(served.server.client(), code, name));
    for (const name of NAMES) {
      const li = row(stateOf(name)).locator(".members li", { hasText: name });
      await expect.poll(() => li.getAttribute("class")).toBe("online");
      expect(await li.textContent()).toMatch(new RegExp(`${name} online`));
    }
    await expect.poll(() => primary().isEnabled()).toBe(true);
    await primary().click();
    const expected = await expectedReady();
    expect(expected.of).toBe(12);
    await waitText(readyCountEl(), new RegExp(`^${expected.ready} of ${expected.of} teams ready$`));
    await primary().getByText("End the round now").waitFor();
  });

  it("bots are listed apart, dimmer, and not counted", async () => {
    const s = await session();
    const bots = s.game.states.filter((x) => s.control[x.id] !== "team").map((x) => x.id);
    expect(bots.length).toBe(2);
    const botRows = page().locator("table.team-grid tbody.bots-group tr.bot-row");
    await expect.poll(() => botRows.count()).toBe(bots.length);
    expect((await botRows.evaluateAll((rows) => rows.map((r) => r.getAttribute("data-state")))).sort()).toEqual([...bots].sort());
    // Dimmer: the bots' rows are drawn in the muted ink on a grey background, unlike the teams' rows.
    const ink = await botRows.first().locator("th").evaluate((el) => (globalThis as any).getComputedStyle(el).color);
    const teamInk = await page().locator("table.team-grid tbody.teams-group tr.team-row th").first().evaluate((el) => (globalThis as any).getComputedStyle(el).color);
    expect(ink).not.toBe(teamInk);
    expect(await page().locator("tbody.bots-group tr.bot-row .pill").count()).toBe(0); // never "ready" or "deciding"
  });

  it("a student leaving shows away; a draft becomes complete; a team marks ready and the count goes up", async () => {
    const ann = students.get("Ann")!;
    const ben = students.get("Ben")!;
    const annState = stateOf("Ann");
    const benState = stateOf("Ben");

    await ben.room.leave();
    students.delete("Ben");
    const benLi = row(benState).locator(".members li", { hasText: "Ben" });
    await expect.poll(() => benLi.getAttribute("class")).toBe("away");
    expect(await benLi.textContent()).toMatch(/Ben away/);

    const draftCell = row(annState).locator("td.draft");
    await waitText(draftCell, /missing: budget, action/);
    expect(await request(ann.room, ann.inbox, "budget", { economy: 40, defense: 40, offense: 20 })).toMatchObject({ ok: true });
    await waitText(draftCell, /missing: action/);
    expect(draftGaps((await session()).game.drafts[annState]!)).toEqual(["action"]);
    expect(await request(ann.room, ann.inbox, "action", { kind: "none" })).toMatchObject({ ok: true });
    await waitText(draftCell, /✓ complete/);
    expect(draftGaps((await session()).game.drafts[annState]!)).toEqual([]);

    expect(await request(ann.room, ann.inbox, "ready", { ready: true })).toMatchObject({ ok: true });
    await waitText(row(annState).locator("td").nth(1), /✓ ready/);
    const expected = await expectedReady();
    expect(expected.ready).toBe(1);
    await waitText(readyCountEl(), new RegExp(`^1 of ${expected.of} teams ready$`));
  });

  it("a team handed to a bot moves to the bots' group and leaves the ready count", async () => {
    const caseState = stateOf("Cleo");
    await page().locator(`#control-${caseState}`).selectOption("bandwagon");
    await expect.poll(() => row(caseState).getAttribute("class")).toBe("bot-row");
    const expected = await expectedReady();
    expect(expected.of).toBe(11);
    await waitText(readyCountEl(), new RegExp(`^${expected.ready} of 11 teams ready$`));
    await page().locator(`#control-${caseState}`).selectOption("team");
    await expect.poll(() => row(caseState).getAttribute("class")).toBe("team-row");
    await waitText(readyCountEl(), / of 12 teams ready$/);
  });

  it("each theory's tick is the model's classification of the team's draft so far", async () => {
    // Two teams make offers: one to its balance-of-threat partner, one to its top threat (bandwagoning).
    const s0 = await session();
    const dev = students.get("Dev")!;
    const eli = students.get("Eli")!;
    const devState = stateOf("Dev");
    const eliState = stateOf("Eli");
    const devOffer = await offerToFirst(dev, s0.game.predictions.states[devState]!.balanceOfThreat.partners);
    const eliPrediction = s0.game.predictions.states[eliState]!;
    await offerToFirst(eli, [eliPrediction.bandwagon.with, ...eliPrediction.balanceOfThreat.tiedWith]);
    expect(devOffer).not.toBe(devState);
    await settled(code, dev, eli);

    const game = (await session()).game;
    const marks: string[] = [];
    for (const x of game.states) {
      const fit = draftFit(game, x.id)!;
      const cells = row(x.id).locator("td.tick-cell");
      for (const [i, theory] of THEORIES.entries()) {
        const want = fit[theory] === null ? "–" : fit[theory] ? "✓" : "✗";
        marks.push(want);
        await expect.poll(() => cells.nth(i).locator("[aria-hidden=true]").textContent(), { timeout: 10_000 }).toBe(want);
        const words = fit[theory] === null ? "no prediction" : fit[theory] ? "fits" : "does not fit";
        expect(await cells.nth(i).locator(".visually-hidden").textContent()).toBe(`${THEORY_NAMES[theory]}: ${words} (this round's draft)`);
      }
    }
    // Not a vacuous check: the drafts above give both fits and misfits.
    expect(marks).toContain("✓");
    expect(marks).toContain("✗");

    // The words show on focus too (the tick is focusable).
    const tick = row(devState).locator("td.tick-cell .tick").nth(1);
    await tick.focus();
    const tip = await tick.evaluate((el) => (globalThis as any).getComputedStyle(el, "::after").content);
    expect(tip).toContain("balance of threat:");

    // "Why" opens the reasons under the row: the model's own sentences.
    await row(devState).getByRole("button", { name: /^Why/ }).click();
    const why = page().locator(`#why-${devState}`);
    await expect.poll(() => why.isVisible()).toBe(true);
    expect(await why.textContent()).toContain(game.predictions.states[devState]!.balanceOfThreat.reason);
    await teacher.screenshot("console-monitor-1366-why");
    await row(devState).getByRole("button", { name: /^Why/ }).click();
    await expect.poll(() => why.isVisible()).toBe(false);
  });

  it("fits a 1366x768 laptop and a 1920x1080 projector with 12 teams, and axe finds nothing", async () => {
    await teacher.screenshot("console-monitor-1366");
    await teacher.screenshot("console-monitor-1366-full", true);
    await checkLayout("console at 1366x768 in a round");
    // The theory columns are reachable without scrolling sideways: the last column's right edge is inside the viewport.
    const right = await page().locator("table.team-grid").evaluate((el) => el.getBoundingClientRect().right);
    expect(right).toBeLessThanOrEqual(1366);
    await page().setViewportSize(PROJECTOR.viewport);
    await teacher.screenshot("console-monitor-1920");
    await checkLayout("console at 1920x1080 in a round");
    await page().setViewportSize(LAPTOP.viewport);
  });

  it("the announcement is shown, then taken down for everyone", async () => {
    const fay = students.get("Fay")!;
    await page().getByLabel("New announcement").fill("Two minutes left");
    await page().getByRole("button", { name: "Announce" }).click();
    const now = page().locator(".announcement-now");
    await waitText(now, /Two minutes left/);
    await until(() => fay.state.announcement === "Two minutes left", 5000, "the student's announcement");
    await now.getByRole("button", { name: "Clear the announcement" }).click();
    await waitText(now, /None shown\./);
    await until(() => fay.state.announcement === "", 5000, "the announcement cleared for the student");
    expect((await session()).timeline.some((t) => t.event.type === "announcementCleared")).toBe(true);
  });

  it("the chat downloads as chat.csv, with a warning that it holds private messages", async () => {
    const gus = students.get("Gus")!;
    const gusState = stateOf("Gus");
    expect(await request(gus.room, gus.inbox, "chat", { channel: `team:${gusState}`, text: "our secret plan 42" })).toMatchObject({ ok: true });
    await expect.poll(() => page().locator("section[aria-labelledby=chat-title] .chat-log").textContent()).toContain("our secret plan 42");
    const exports = page().locator("section[aria-labelledby=exports-title]");
    expect(await exports.textContent()).toMatch(/private team and two-state messages/);
    const [download] = await Promise.all([page().waitForEvent("download"), exports.getByRole("button", { name: "Download the chat (chat.csv)" }).click()]);
    expect(download.suggestedFilename()).toBe(`entente-${code}-chat.csv`);
    const csv = readFileSync(await download.path(), "utf8");
    expect(csv).toContain("our secret plan 42");
    expect(csv).toContain("Gus");
    // The other exports are reachable from the console too.
    const [rounds] = await Promise.all([page().waitForEvent("download"), exports.getByRole("button", { name: "Decisions (rounds.csv)" }).click()]);
    expect(rounds.suggestedFilename()).toBe(`entente-${code}-rounds.csv`);
  });

  it("ending the round needs a confirm step: cancel keeps the round; confirming by keyboard ends it", async () => {
    await primary().click();
    const dialog = page().getByRole("dialog", { name: "End the round now?" });
    await dialog.waitFor();
    expect(await dialog.textContent()).toMatch(/still deciding/);
    await teacher.screenshot("console-monitor-confirm-round");
    const axe = await teacher.runAxe("the confirm step");
    expect(axe.violations, formatViolations([axe])).toEqual([]);
    // Cancel is focused first: Enter there cancels.
    await page().keyboard.press("Enter");
    await dialog.waitFor({ state: "detached" });
    await settled(code, students.get("Ann")!);
    expect((await session()).phase).toBe("diplomacy");
    await primary().getByText("End the round now").waitFor();

    // Escape cancels too.
    await primary().click();
    await dialog.waitFor();
    await page().keyboard.press("Escape");
    await dialog.waitFor({ state: "detached" });
    await settled(code, students.get("Ann")!);
    expect((await session()).phase).toBe("diplomacy");

    // Tab to the confirm button, Enter: the round is resolved.
    await primary().click();
    await dialog.waitFor();
    await page().keyboard.press("Tab");
    expect(await page().evaluate(() => (globalThis as any).document.activeElement?.textContent)).toBe("End the round now");
    await page().keyboard.press("Enter");
    await expect.poll(async () => (await session()).phase, { timeout: 10_000 }).toBe("review");
    await primary().getByText("Start round 2").waitFor();
  });

  it("ending the game needs a confirm step too; cancel keeps it; then the bar offers the debrief", async () => {
    const end = page().getByRole("button", { name: "End the game…" });
    await end.click();
    const dialog = page().getByRole("dialog", { name: "End the game for everyone?" });
    await dialog.waitFor();
    expect(await dialog.textContent()).toMatch(/cannot be undone/);
    await dialog.getByRole("button", { name: "Cancel" }).click();
    await dialog.waitFor({ state: "detached" });
    await settled(code, students.get("Ann")!);
    expect((await session()).phase).toBe("review");

    await end.click();
    await dialog.getByRole("button", { name: "End the game" }).click();
    await expect.poll(async () => (await session()).phase, { timeout: 10_000 }).toBe("ended");
    const debrief = page().locator("header.console-bar a.primary-next");
    await debrief.getByText("See the debrief").waitFor();
    expect(await debrief.getAttribute("href")).toBe(`/report.html?code=${code}`);
    await teacher.screenshot("console-monitor-ended");
    expect(teacher.problems).toEqual([]);
  });
});
