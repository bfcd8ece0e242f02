// The theories explained to students in plain words, in real Chromium on the
// real pages: two students (Ann on a 360x740 phone, Ben at 1366x768) play the
// invented world `rival-shores`; the teacher runs the game from a script.
// After round 1 each student sees one card per theory naming states by name
// (the engine's top threat and leading side, as the server computed them),
// without state codes or raw decimals; the glossary opens by tap and by
// keyboard, closes with Escape and gives focus back; the Intel tab shows the
// threat as words on a scale; the teacher hiding the predictions removes the
// cards; and at the end the report card fits a 360 px phone. axe-core runs
// with the glossary open. Screenshots: test-results/screenshots/theories-*.png.
//
// The tests of this file run in order and share one game. Run alone with
// `npx vitest run tests/e2e/student-theories.test.ts`.
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nameInText } from "../../shared/theory/world.js";
import { THREAT_LEVELS } from "../../shared/theory/threat-bands.js";
import { startServedClient, type ServedClient } from "../security/served.js";
import { joinTeacher, request, serverRoom, type Joined } from "../server/harness.js";
import { launchBrowser, PHONE, seriousViolations, User } from "./browser.js";

const LAPTOP = { viewport: { width: 1366, height: 768 }, deviceScaleFactor: 1 } as const;
/** The room closes this long after the game ends, and the student's page then shows the report card (fetched with the rejoin key). */
const END_LINGER_MS = 1500;

let served: ServedClient;
let browser: Browser;
let teacher: Joined;
let ann: User;
let ben: User;
let code = "";
const users: User[] = [];
/** The game's states (read from the server's room while it is open). */
let all: { id: string; name: string; inText: string }[] = [];

beforeAll(async () => {
  served = await startServedClient({ endLingerMs: END_LINGER_MS });
  browser = await launchBrowser();
  const game = await served.server.createGame({
    scenario: "rival-shores",
    settings: { rounds: 3, teams: { mode: "count", value: 2 }, emptySeats: "balance-of-threat", diplomacySeconds: 300, seed: 4 },
  });
  code = game.code;
  teacher = await joinTeacher(served.server.client(), code, game.teacherKey);
}, 180_000);

afterAll(async () => {
  for (const u of users) await u.close();
  await browser.close();
  await served.stop();
}, 30_000);

async function join(name: string, options: Parameters<Browser["newContext"]>[0]): Promise<User> {
  const user = await User.open(browser, name, served.server.url, options);
  users.push(user);
  await user.goto(`/?code=${code}`);
  await user.page.getByLabel("Nickname").fill(name);
  await user.page.getByRole("button", { name: "Join", exact: true }).click();
  await user.page.waitForURL(/\/student\.html\?code=/);
  await user.page.locator("header.topbar h1").getByText(/^Entente · /).waitFor();
  return user;
}

const tab = (page: Page, name: string) => page.getByRole("tab", { name, exact: true });
const cards = (page: Page) => page.locator("#panel-results li.theory-card");
const text = async (l: Locator) => ((await l.textContent()) ?? "").replace(/\s+/g, " ").trim();
const dialog = (page: Page) => page.locator("dialog#glossary");
/** The text of the element that has focus, and whether it is inside the glossary. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = (globalThis as any).document.activeElement;
    return { text: (el?.textContent ?? "").trim(), tag: el?.tagName ?? "", id: el?.id ?? "", inDialog: !!el?.closest("dialog") };
  });

async function advance(): Promise<void> {
  expect((await request(teacher.room, teacher.inbox, "advance")).ok).toBe(true);
}

/** Every state of the game: id and name in a sentence (as the cards write it). */
async function states(): Promise<{ id: string; name: string; inText: string }[]> {
  const room = await serverRoom(code);
  return room.session.game.states.map((s) => ({ id: s.id, name: s.name, inText: nameInText(s) }));
}

describe("the theories in plain words on the student's page", () => {
  it("after round 1 each student sees one card per theory, naming the engine's states by name, with no codes or raw decimals", async () => {
    ann = await join("Ann", PHONE);
    ben = await join("Ben", LAPTOP);
    expect((await request(teacher.room, teacher.inbox, "start")).ok).toBe(true);
    await ann.page.locator("header.topbar .pill").getByText(/Round 1 of 3 · diplomacy/).waitFor();
    await advance(); // round 1 resolves
    const room = await serverRoom(code);
    all = await states();
    for (const user of [ann, ben]) {
      await tab(user.page, "Results").click();
      await user.page.getByRole("heading", { name: "Round 1: the theories in plain words" }).waitFor({ timeout: 15_000 });
      await expect.poll(() => cards(user.page).count()).toBe(3);
      const own = room.session.students[Object.keys(room.session.students).find((id) => room.session.students[id]!.nickname === user.name)!]!.state!;
      const p = room.session.game.history[0]!.predictions.states[own]!;
      const threatCard = await text(cards(user.page).filter({ has: user.page.getByRole("heading", { name: "Balance of threat" }) }));
      const powerCard = await text(cards(user.page).filter({ has: user.page.getByRole("heading", { name: "Balance of power" }) }));
      const bandCard = await text(cards(user.page).filter({ has: user.page.getByRole("heading", { name: "Bandwagoning" }) }));
      const nameOf = (id: string) => all.find((s) => s.id === id)!.inText;
      expect(threatCard).toContain(`top threat was ${nameOf(p.balanceOfThreat.against)}`);
      expect(threatCard).toContain(`${Math.round(p.threats[0]!.power * 100)}% of all power`);
      expect(powerCard).toContain(nameOf(p.balanceOfPower.leader));
      expect(bandCard).toContain(nameOf(p.bandwagon.with));
      const panel = await text(user.page.locator("#panel-results"));
      for (const s of all) expect(panel, `${user.name}: no code ${s.id}`).not.toMatch(new RegExp(`\\b${s.id}\\b`));
      expect(panel).not.toMatch(/\b\d\.\d{2,}\b/);
      expect(await user.overflows("Results after round 1")).toMatchObject({ page: 0, elements: [] });
    }
    await ann.screenshot("theories-phone-results-round1", true);
    await ben.screenshot("theories-laptop-results-round1");
  }, 120_000);

  it("the glossary opens by tap and by keyboard, closes with Escape, and gives focus back", async () => {
    const page = ann.page;
    // A tap on a term in a card opens the glossary at that term.
    const term = page.locator("#panel-results li.theory-card a.term", { hasText: /^balance of threat$/ }).first();
    await term.scrollIntoViewIfNeeded();
    await term.tap();
    await expect.poll(() => dialog(page).evaluate((d) => (d as any).open as boolean)).toBe(true);
    expect(await focused(page)).toMatchObject({ id: "glossary-balance-of-threat", inDialog: true });
    expect(await text(dialog(page).locator("dt#glossary-balance-of-threat + dd"))).toMatch(/threatens them most/);
    await ann.screenshot("theories-phone-glossary-open");
    const axe = await ann.runAxe("student, glossary open (phone)");
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.join("; ")}`)).toEqual([]);
    await page.keyboard.press("Escape");
    await expect.poll(() => dialog(page).evaluate((d) => (d as any).open as boolean)).toBe(false);
    // Focus goes back in the dialog's "close" event, a task after `open` turns false: waited for.
    await expect.poll(() => focused(page)).toMatchObject({ text: "balance of threat", tag: "A", inDialog: false });
    // The panel is drawn again at each state patch: the reader keeps their place. A patch comes (the teacher
    // announces), the link is replaced (the mark on the old one is gone), and the new one has focus.
    const markFocused = () => page.evaluate(() => ((globalThis as any).document.activeElement.dataset.probe = "before"));
    const focusedIsNew = () => page.evaluate(() => (globalThis as any).document.activeElement.dataset.probe === undefined);
    await markFocused();
    expect((await request(teacher.room, teacher.inbox, "announce", { text: "Read your results." })).ok).toBe(true);
    await page.getByText("Read your results.").first().waitFor();
    await expect.poll(focusedIsNew).toBe(true); // the text may come as an event, before the patch
    expect(await focused(page)).toMatchObject({ text: "balance of threat", tag: "A", inDialog: false });
    // And when the panel is drawn again while the glossary is open, closing it finds the new link.
    await markFocused();
    await page.keyboard.press("Enter");
    await expect.poll(() => dialog(page).evaluate((d) => (d as any).open as boolean)).toBe(true);
    const opener = await page.evaluateHandle(() => (globalThis as any).document.querySelector("#panel-results li.theory-card a.term[data-probe]"));
    expect(await opener.evaluate((a: any) => a?.textContent)).toBe("balance of threat");
    expect((await request(teacher.room, teacher.inbox, "announce", { text: "Two minutes." })).ok).toBe(true);
    await expect.poll(() => opener.evaluate((a: any) => !a.isConnected)).toBe(true); // drawn again behind the dialog
    await page.keyboard.press("Escape");
    await expect.poll(() => focused(page)).toMatchObject({ text: "balance of threat", tag: "A", inDialog: false });

    // By keyboard on the laptop: Tab to the Glossary button, Enter opens it, Tab stays inside, Escape closes it.
    const laptop = ben.page;
    await laptop.locator("#panel-results .glossary-open").focus();
    await laptop.keyboard.press("Enter");
    await expect.poll(() => dialog(laptop).evaluate((d) => (d as any).open as boolean)).toBe(true);
    expect(await focused(laptop)).toMatchObject({ text: "Close", inDialog: true });
    for (let i = 0; i < 3; i++) {
      await laptop.keyboard.press("Tab");
      expect((await focused(laptop)).inDialog || (await focused(laptop)).tag === "BODY").toBe(true);
    }
    await ben.screenshot("theories-laptop-glossary-open");
    const axeLaptop = await ben.runAxe("student, glossary open (laptop)");
    expect(axeLaptop.violations.map((v) => `${v.id}: ${v.nodes.join("; ")}`)).toEqual([]);
    await laptop.keyboard.press("Escape");
    await expect.poll(() => dialog(laptop).evaluate((d) => (d as any).open as boolean)).toBe(false);
    await expect.poll(() => focused(laptop)).toMatchObject({ text: "Glossary", inDialog: false });
  }, 60_000);

  it("the Intel tab shows each threat as a word on a five-step scale, not a decimal", async () => {
    for (const user of [ann, ben]) {
      await tab(user.page, "Intel").click();
      const cells = user.page.locator("#panel-intel tbody td .threat-level");
      await expect.poll(() => cells.count()).toBeGreaterThan(0);
      const words = (await cells.allTextContents()).map((w) => w.trim());
      for (const w of words) expect(THREAT_LEVELS as readonly string[]).toContain(w);
      // Highest first, so the words never rise down the table.
      const steps = words.map((w) => (THREAT_LEVELS as readonly string[]).indexOf(w));
      expect([...steps].sort((a, b) => b - a)).toEqual(steps);
      expect(await text(user.page.locator("#panel-intel"))).not.toMatch(/\b0\.\d{2,}\b/);
    }
    await ann.screenshot("theories-phone-intel");
    await ben.screenshot("theories-laptop-intel");
  }, 60_000);

  it("the teacher hiding the predictions removes the cards; showing them brings them back", async () => {
    for (const user of [ann, ben]) await tab(user.page, "Results").click();
    expect((await request(teacher.room, teacher.inbox, "predictions", { show: false })).ok).toBe(true);
    for (const user of [ann, ben]) {
      await expect.poll(() => cards(user.page).count(), { timeout: 10_000 }).toBe(0);
      await user.page.getByText("Your teacher has hidden what the theories predicted for now.").waitFor();
      expect(await text(user.page.locator("#panel-results"))).not.toMatch(/top threat/);
    }
    await ann.screenshot("theories-phone-hidden", true);
    expect((await request(teacher.room, teacher.inbox, "predictions", { show: true })).ok).toBe(true);
    await expect.poll(() => cards(ann.page).count(), { timeout: 10_000 }).toBe(3);
  }, 60_000);

  it("at the end the report card reads on a 360 px phone: nothing wider than the screen, a short page", async () => {
    await advance(); // round 2 starts
    await advance(); // round 2 resolves
    expect((await request(teacher.room, teacher.inbox, "end")).ok).toBe(true);
    // The room closes after END_LINGER_MS: the page shows the report card fetched with Ann's rejoin key.
    const cardSection = ann.page.locator("section.report-card");
    await cardSection.getByRole("heading", { name: /^Report card: / }).waitFor({ timeout: 30_000 });
    const height = await ann.page.evaluate(() => (globalThis as any).document.documentElement.scrollHeight as number);
    console.log(`report card at 360 px, 2 rounds: page height ${height} px`);
    await ann.screenshot("theories-phone-report-card", true);
    await expect.poll(() => cardSection.locator(".card-round").count()).toBe(2);
    const overflow = await ann.overflows("report card (phone)");
    expect(overflow).toMatchObject({ page: 0, elements: [] });
    // Two rounds on a phone: a few screens (740 px each), not dozens.
    expect(height).toBeLessThan(740 * 4);
    expect(all.length).toBeGreaterThan(0);
    const cardText = await text(cardSection);
    for (const s of all) expect(cardText).not.toMatch(new RegExp(`\\b${s.id}\\b`));
    // The plain words of a round open on a tap; the page then grows, and still fits the width.
    expect(await cardSection.locator(".card-round details[open]").count()).toBe(0);
    await cardSection.locator(".card-round details > summary").first().tap();
    await expect.poll(() => cardSection.locator(".card-round details[open] li.theory-card").count()).toBe(3);
    expect(await cardSection.locator(".card-round details[open] li.theory-card").first().isVisible()).toBe(true);
    expect(await ann.overflows("report card, a round opened (phone)")).toMatchObject({ page: 0, elements: [] });
    await ann.screenshot("theories-phone-report-card-open", true);
    expect(seriousViolations([await ann.runAxe("report card (phone)")])).toEqual([]);
    for (const u of users) expect(u.problems).toEqual([]);
  }, 120_000);
});
