// A whole class in real Chromium, through the real pages: a teacher creates a
// game on /teacher.html and runs it from the console, three students join from
// the home page (Ann on a 360x740 phone, Ben and Cleo at 1280x800) and play two
// rounds, a projector (1920x1080) shows the join code and the alliance the
// students made. Along the way: a reload and a closed tab land students back in
// their seat with their team's draft; a click on the map selects a state;
// axe-core checks every page; screenshots of every page are saved under
// test-results/screenshots/. At the end: no page logged an error or asked
// another origin for anything, nothing is cut off, and axe found nothing
// serious. Each student is in their own browser context (own storage).
//
// The tests of this file run in order and share one game (each step needs the
// one before). Run alone with `npx vitest run tests/e2e`.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestServer } from "../server/harness.js";
import { clearScreenshots, DESKTOP, formatViolations, launchBrowser, PHONE, PROJECTOR, SCREENSHOTS, seriousViolations, User, type Overflow } from "./browser.js";
import { startE2eServer } from "./server.js";

let server: TestServer;
let browser: Browser;
const users: User[] = [];
let teacher: User;
let projector: User;
/** Ann (phone) and Cleo (desktop) share Atlantia; Ben (desktop) plays Borealis. */
let ann: User;
let ben: User;
let cleo: User;
let code = "";
/** What was too wide, page by page (checked at the end). */
const layout: Overflow[] = [];
async function measure(user: User, where: string): Promise<void> {
  layout.push(await user.overflows(where));
}
/** Times a state patch overwrote a budget field the student had just typed in (see setBudget). */
let budgetOverwrites = 0;

async function open(name: string, options: Parameters<Browser["newContext"]>[0]): Promise<User> {
  const user = await User.open(browser, name, server.url, options);
  users.push(user);
  return user;
}

// ---- small helpers over the pages ------------------------------------------------

const t0 = Date.now();
/** With E2E_DEBUG=1, prints the steps with their times (to see where a slow run spends it). */
function step(what: string): void {
  if (process.env.E2E_DEBUG) console.log(`[e2e ${((Date.now() - t0) / 1000).toFixed(1)}s] ${what}`);
}

/** The round / phase pill in the top bar ("Lobby", "Round 1 of 2 · diplomacy", …). */
const roundPill = (page: Page) => page.locator("header.topbar .pill").first();

async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent({ timeout: 2_000 }).catch(() => "")) ?? "").trim();
}

/** Waits until the locator's text matches. */
async function waitText(locator: Locator, pattern: RegExp, timeout = 10_000): Promise<void> {
  step(`wait for ${pattern}`);
  await expect.poll(() => textOf(locator), { timeout, interval: 100 }).toMatch(pattern);
}

/** Waits until the map has its canvas and has drawn a few frames (for screenshots). */
async function mapDrawn(page: Page): Promise<void> {
  await page.locator(".map[data-map-ready=true] canvas").first().waitFor({ state: "attached", timeout: 10_000 });
  await page.waitForTimeout(400);
}

/** Where a state's disc is on the page (the map exposes statePoint on its parent element for tests). */
async function statePoint(page: Page, id: string): Promise<{ x: number; y: number }> {
  const canvas = await page.locator(".map canvas").first().boundingBox();
  const p = await page.evaluate((sid) => (globalThis as any).document.querySelector(".map").ententeMap?.statePoint(sid) ?? null, id) as { x: number; y: number } | null;
  if (!canvas || !p) throw new Error(`state ${id} is not on the map`);
  return { x: canvas.x + p.x, y: canvas.y + p.y };
}

/** A tab by its label; the Chat tab's name also says how many messages are unread ("Chat, 1 unread message"). */
const tab = (page: Page, name: string) => page.getByRole("tab", { name: new RegExp(`^${name}(, \\d+ unread messages?)?$`) });

/** Opens step n (1 alliances, 2 budget, 3 action, 4 ready) of the student's turn with its Back / Next buttons. */
async function goStep(page: Page, n: number): Promise<void> {
  await tab(page, "Your turn").click();
  for (let guard = 0; guard < 6; guard++) {
    const title = await textOf(page.locator(".step:not([hidden]) .step-title"));
    const current = Number(/^Step (\d)/.exec(title)?.[1] ?? 0);
    if (current === n) return;
    await page.locator(current < n ? "#step-next" : "#step-back").click();
    await expect.poll(() => textOf(page.locator(".step:not([hidden]) .step-title"))).not.toBe(title);
  }
  throw new Error(`step ${n} not reached`);
}

/** Types a budget into the three fields; it saves itself (the status says "Saved"). */
async function setBudget(page: Page, values: [number, number, number]): Promise<void> {
  const ids = ["#budget-economy", "#budget-defense", "#budget-offense"];
  await goStep(page, 2);
  for (let attempt = 0; ; attempt++) {
    for (const [i, id] of ids.entries()) await page.fill(id, String(values[i]));
    const typed = await Promise.all(ids.map((id) => page.inputValue(id)));
    if (typed.join() === values.join()) break;
    // The page re-renders the draft on every state patch and only spares the
    // focused field: a patch between two fields undoes what was typed before.
    budgetOverwrites += 1;
    if (attempt >= 4) throw new Error(`the budget fields kept being overwritten: typed ${values.join("/")}, have ${typed.join("/")}`);
  }
  await waitText(page.locator("#budget-status"), /^Saved$/);
}

/** The teacher console's grid row of a state (its draft: "economy/defence/offence", whether it is ready). */
const draftRow = (stateName: string) =>
  teacher.page.locator("table.team-grid tr.team-row").filter({ has: teacher.page.locator("th", { hasText: new RegExp(`^${stateName}`) }) });

/** The student's row for another state in the alliances step. */
const allianceRow = (page: Page, stateName: string) =>
  page.locator("#panel-decide li.relation").filter({ has: page.locator(".state-name", { hasText: new RegExp(`^${stateName}$`) }) });

async function budgetValues(page: Page): Promise<string[]> {
  return Promise.all(["#budget-economy", "#budget-defense", "#budget-offense"].map((id) => page.inputValue(id)));
}

/** A student joins from the home page (already open) with the code and a nickname. */
async function joinFromHome(user: User, nickname: string): Promise<void> {
  if (!user.page.url().startsWith(server.url) || new URL(user.page.url()).pathname !== "/") await user.goto("/");
  await user.page.fill("#code", code.toLowerCase()); // typed in lower case: the page upper-cases it
  await user.page.fill("#nickname", nickname);
  await user.page.getByRole("button", { name: "Join", exact: true }).click();
  await user.page.waitForURL(/\/student\.html\?code=/);
  await waitText(user.page.locator("header.topbar h1"), /^Entente · \w+/);
}

// ---- the class --------------------------------------------------------------------

beforeAll(async () => {
  clearScreenshots();
  server = await startE2eServer();
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  for (const u of users) await u.close();
  await browser.close();
  await server.stop();
}, 30_000);

// Each step waits on real pages (several WebGL maps in software rendering on a small CI machine).
const STEP = 60_000;

describe("a class in Chromium", () => {
  it(
    "the home page, at phone and desktop width",
    async () => {
      step("home");
      ann = await open("ann-phone", PHONE);
      ben = await open("ben-desktop", DESKTOP);
      for (const u of [ann, ben]) {
        await u.goto("/");
        await u.page.locator("#code").waitFor();
        await expect.poll(() => u.page.evaluate(() => (globalThis as any).document.activeElement?.id)).toBe("code");
      }
      await ann.screenshot("home-phone", true);
      await measure(ann, "home (phone)");
      await ben.screenshot("home-desktop");
      await ann.runAxe("home (phone)");
      await ben.runAxe("home (desktop)");
    },
    STEP,
  );

  it(
    "the teacher creates a game on /teacher.html, sees the one-time key and opens the console",
    async () => {
      step("teacher creates");
      teacher = await open("teacher", DESKTOP);
      const page = teacher.page;
      await teacher.goto("/");
      await page.getByRole("link", { name: "Open the teacher console" }).click();
      await page.waitForURL(/\/teacher\.html$/);
      await page.locator("#scenario option[value=rival-shores]").waitFor({ state: "attached" });
      await teacher.screenshot("teacher-setup", true);
      await measure(teacher, "teacher setup");
      await teacher.runAxe("teacher setup");

      await page.selectOption("#scenario", "rival-shores");
      await page.fill("#rounds", "2");
      await page.fill("#minutes", "3"); // short, yet safe on a slow machine: the rounds end by "ready" or by the teacher
      await page.selectOption("#chat-mode", "open");
      await page.selectOption("#scoring", "standard");
      await page.selectOption("#team-mode", "count");
      await page.fill("#team-value", "2");
      await page.selectOption("#empty-seats", "balance-of-threat");
      await page.getByRole("button", { name: "Create the game" }).click();

      const key = page.locator("#new-key");
      await key.waitFor();
      expect(await key.inputValue()).toMatch(/^[A-Za-z0-9_-]{32}$/);
      expect(await page.evaluate(() => (globalThis as any).localStorage.getItem("entente:teacherKey"))).toBe(await key.inputValue());
      await teacher.screenshot("teacher-key");
      await teacher.runAxe("teacher key box");

      await page.getByRole("link", { name: "I saved it: open the game" }).click();
      await page.waitForURL(/\/teacher\.html\?code=[A-Z0-9]{6}$/);
      code = new URL(page.url()).searchParams.get("code")!;
      await page.getByRole("button", { name: "Start the game" }).waitFor();
      await waitText(page.locator(".bigcode"), new RegExp(`^${code}$`));
      await waitText(roundPill(page), /^Lobby$/);
      await waitText(page.locator("header .status"), /^Connected$/);
    },
    STEP,
  );

  it(
    "the projector shows the join code in the lobby",
    async () => {
      step("projector lobby");
      projector = await open("projector", PROJECTOR);
      await projector.goto(`/projector.html?code=${code}`);
      const stage = projector.page.locator(".stage-main");
      await waitText(stage.locator(".bigcode"), new RegExp(`^${code}$`));
      await waitText(roundPill(projector.page), /^Waiting to start$/);
      // The QR code needs a school-network address, which this loopback-only server has not (tests/e2e/join-address.test.ts checks it).
      expect(await stage.locator(".join-panel").count()).toBe(1);
    },
    STEP,
  );

  it(
    "three students join from the home page with the code and nicknames",
    async () => {
      step("students join");
      await joinFromHome(ann, "Ann");
      await joinFromHome(ben, "Ben");
      cleo = await open("cleo-desktop", DESKTOP);
      await joinFromHome(cleo, "Cleo");

      // Teams by count (2): the first two states of Rival Shores; the third student joins the smaller team, ties to the first.
      await waitText(ann.page.locator("header.topbar h1"), /^Entente · Atlantia$/);
      await waitText(ben.page.locator("header.topbar h1"), /^Entente · Borealis$/);
      await waitText(cleo.page.locator("header.topbar h1"), /^Entente · Atlantia$/);
      for (const s of [ann, ben, cleo]) await waitText(roundPill(s.page), /^Lobby$/);
      await waitText(ann.page.locator("#panel-decide .notice"), /^Waiting for the teacher to start\. You are in team Atlantia, playing Atlantia with Cleo\./);
      await waitText(ann.page.locator("#panel-decide .team-line"), /You play Atlantia with: (Ann, Cleo|Cleo, Ann)\./);
      // In the lobby nothing can be decided yet.
      expect(await ann.page.locator("#budget-economy").isDisabled()).toBe(true);

      await waitText(teacher.page.locator("section[aria-labelledby=join-title]"), /3 joined, 3 connected/);
      await waitText(projector.page.locator(".stage-main .joined-count"), /^3 joined$/);

      for (const u of [ann, ben, projector, teacher]) await mapDrawn(u.page);
      await ann.screenshot("student-phone-lobby");
      await measure(ann, "student in the lobby (phone)");
      await ben.screenshot("student-desktop-lobby");
      await projector.screenshot("projector-lobby");
      await measure(projector, "projector in the lobby");
      await teacher.screenshot("teacher-console-lobby", true);
      await measure(teacher, "teacher console in the lobby");
      await ann.runAxe("student in the lobby (phone)");
      await projector.runAxe("projector in the lobby");
      await teacher.runAxe("teacher console in the lobby");
    },
    STEP,
  );

  it(
    "the teacher starts; students set budgets (shared within a team) and an alliance offer",
    async () => {
      step("round 1");
      await teacher.page.getByRole("button", { name: "Start the game" }).click();
      for (const u of [teacher, ann, ben, cleo, projector]) await waitText(roundPill(u.page), /^Round 1 of 2 · diplomacy$/);
      await expect.poll(() => ann.page.locator("#budget-economy").isEnabled()).toBe(true);
      await waitText(ann.page.locator(".bottom-bar .clock"), /^[0-3]:\d\d$/);

      await setBudget(ann.page, [50, 30, 20]);
      await waitText(draftRow("Atlantia"), /50\/30\/20/);
      await setBudget(ben.page, [40, 40, 20]);
      await waitText(draftRow("Borealis"), /40\/40\/20/);
      // Cleo shares Atlantia's draft: she sees what Ann saved.
      await expect.poll(() => budgetValues(cleo.page)).toEqual(["50", "30", "20"]);

      // Ben picks Atlantia on the map (a real click on the canvas): its row is selected in the alliances step.
      await goStep(ben.page, 1);
      const atl = await statePoint(ben.page, "ATL");
      await ben.page.mouse.click(atl.x, atl.y);
      await waitText(allianceRow(ben.page, "Atlantia").locator(".state-name"), /^Atlantia$/);
      await expect.poll(() => allianceRow(ben.page, "Atlantia").locator(".state-name").getAttribute("aria-pressed")).toBe("true");

      await goStep(ann.page, 1);
      await allianceRow(ann.page, "Borealis").getByRole("button", { name: "Offer alliance" }).click();
      await waitText(allianceRow(ann.page, "Borealis").locator(".relation-text"), /^you offered$/);
      await waitText(allianceRow(ben.page, "Atlantia").locator(".relation-text"), /^offers you an alliance$/);

      await ann.page.waitForTimeout(300);
      await ann.screenshot("student-phone-alliances");
      await measure(ann, "student in a round, alliances step (phone)");
      await ben.screenshot("student-desktop-alliances");
      await ann.runAxe("student in a round, alliances step (phone)");
      await ben.runAxe("student in a round, alliances step (desktop)");
      await goStep(ann.page, 2);
      await ann.screenshot("student-phone-decide");
      await ann.screenshot("student-phone-decide-full", true);
      await measure(ann, "student in a round, budget step (phone)");
      await ann.runAxe("student in a round, budget step (phone)");
      await tab(ann.page, "Intel").click();
      await ann.screenshot("student-phone-intel-full", true);
      await measure(ann, "student in a round, Intel tab (phone)");
      await ann.runAxe("student in a round, Intel tab (phone)");
      await teacher.screenshot("teacher-console-round1", true);
      await teacher.screenshotOf(".map", "teacher-console-map");
      await ann.screenshotOf(".map", "student-phone-map");
      await teacher.runAxe("teacher console in a round");
    },
    STEP,
  );

  it(
    "a student who reloads mid-round is back in their seat with the team's draft",
    async () => {
      step("reload");
      await goStep(cleo.page, 2);
      await cleo.page.reload({ waitUntil: "load" });
      await waitText(cleo.page.locator("header.topbar h1"), /^Entente · Atlantia$/);
      await waitText(roundPill(cleo.page), /^Round 1 of 2 · diplomacy$/);
      await expect.poll(() => budgetValues(cleo.page)).toEqual(["50", "30", "20"]);
      expect(await cleo.page.locator("#budget-economy").isEnabled()).toBe(true);
      // The offer Ann made is part of the team's draft too.
      await goStep(cleo.page, 1);
      await waitText(allianceRow(cleo.page, "Borealis").locator(".relation-text"), /^you offered$/);
      // Same seat, not a new student.
      await waitText(teacher.page.locator("section[aria-labelledby=join-title]"), /3 joined, 3 connected/);
      const atlantiaCard = teacher.page.locator(".teams .card", { has: teacher.page.locator("h3", { hasText: "Atlantia" }) });
      await waitText(atlantiaCard.locator("ul"), /Ann online.*Cleo online|Cleo online.*Ann online/s);
    },
    STEP,
  );

  it(
    "Borealis accepts, both teams are ready, the round resolves and the projector lists the alliance",
    async () => {
      step("accept and resolve");
      await allianceRow(ben.page, "Atlantia").getByRole("button", { name: "Accept" }).click();
      await waitText(allianceRow(ben.page, "Atlantia").locator(".relation-text"), /^you accepted: forms at the end of the round$/);
      await waitText(allianceRow(ann.page, "Borealis").locator(".relation-text"), /^accepted: forms at the end of the round$/);
      await waitText(allianceRow(cleo.page, "Borealis").locator(".relation-text"), /^accepted: forms at the end of the round$/);

      await ann.page.locator("#ready").click();
      await expect.poll(() => ann.page.locator("#ready").getAttribute("aria-pressed")).toBe("true");
      await waitText(draftRow("Atlantia"), /✓ ready/);
      await ben.page.locator("#ready").click();

      for (const u of [teacher, ann, ben, cleo, projector]) await waitText(roundPill(u.page), /^Round 1 of 2 · review$/);
      // The projector shows the round's events one card at a time (stepped here with the arrow key), then the scores.
      const cards: string[] = [];
      await projector.page.locator(".event-card").first().waitFor();
      for (let i = 0; i < 20 && (await projector.page.locator(".scores-card").count()) === 0; i++) {
        cards.push(await textOf(projector.page.locator(".event-card")));
        await projector.page.keyboard.press("ArrowRight");
      }
      expect(cards.join("\n")).toMatch(/Alliance formed: Atlantia and Borealis\./);
      expect(await projector.page.locator(".stage-main .bigcode").count()).toBe(0); // the lobby's join panel is gone…
      await waitText(projector.page.locator("aside.stage-join .bigcode"), new RegExp(`^${code}$`)); // …to the corner
      await waitText(allianceRow(ann.page, "Borealis").locator(".relation-text"), /^ally$/);

      await tab(ben.page, "Results").click();
      await waitText(ben.page.locator("#panel-results"), /Alliance formed: Atlantia and Borealis\./, 20_000);
      await waitText(ben.page.locator("#panel-results"), /Your score/);
      await teacher.page.getByRole("button", { name: "Start round 2" }).waitFor();

      await projector.page.waitForTimeout(1000); // let the round's animation play out
      await projector.screenshot("projector-round1-review");
      await measure(projector, "projector after round 1");
      await ann.screenshot("student-phone-review");
      await projector.runAxe("projector after round 1");
      await ben.screenshot("student-desktop-results-round1");
      await ben.runAxe("student after round 1, Results tab (desktop)");
      // The projector and Cleo have been checked: closing them spares the CPU for the rest.
      await projector.close();
      await cleo.close();
    },
    STEP,
  );

  it(
    "round 2: a closed tab comes back from the home page, chat works, the teacher ends the round and finishes",
    async () => {
      step("round 2");
      await teacher.page.getByRole("button", { name: "Start round 2" }).click();
      for (const u of [teacher, ann, ben]) await waitText(roundPill(u.page), /^Round 2 of 2 · diplomacy$/);

      // Ann closes her tab and comes back from the home page's "Back to your game" link.
      await ann.reopenTab();
      await ann.goto("/");
      const back = ann.page.getByRole("link", { name: `${code} as Ann` });
      await back.click();
      await waitText(ann.page.locator("header.topbar h1"), /^Entente · Atlantia$/);
      await waitText(roundPill(ann.page), /^Round 2 of 2 · diplomacy$/);
      await waitText(teacher.page.locator("section[aria-labelledby=join-title]"), /3 joined, 2 connected/);

      // Chat: Ben writes to everyone, Ann and the teacher read it.
      await tab(ben.page, "Chat").click();
      await ben.page.selectOption("#chat-channel", "public");
      await ben.page.fill("#chat-text", "Hello from Borealis");
      await ben.page.getByRole("button", { name: "Send", exact: true }).click();
      await expect.poll(() => ben.page.inputValue("#chat-text")).toBe("");
      await tab(ann.page, "Chat").click();
      await waitText(ann.page.locator("#panel-chat .chat-log"), /Ben \(Borealis\) to everyone: Hello from Borealis/);
      await waitText(teacher.page.locator("section[aria-labelledby=chat-title] .chat-log"), /Hello from Borealis/);
      await ben.screenshot("student-desktop-chat");
      await ben.runAxe("student in a round, Chat tab (desktop)");

      await teacher.page.getByRole("button", { name: "End the round now" }).click();
      // Ending a round early asks first, and says what it does.
      await teacher.page.getByRole("dialog", { name: "End the round now?" }).getByRole("button", { name: "End the round now" }).click();
      for (const u of [teacher, ann, ben]) await waitText(roundPill(u.page), /^Round 2 of 2 · review$/);
      await teacher.page.getByRole("button", { name: "Finish the game" }).click();
      for (const u of [teacher, ann, ben]) await waitText(roundPill(u.page), /game over|ended/);
    },
    STEP,
  );

  it(
    "at the end the students see their report card on the Results tab",
    async () => {
      step("report card");
      for (const [u, stateName] of [
        [ann, "Atlantia"],
        [ben, "Borealis"],
      ] as const) {
        await tab(u.page, "Results").click();
        await waitText(u.page.locator("#panel-results h2").first(), new RegExp(`^Report card: ${stateName}$`), 20_000);
        await waitText(u.page.locator("#panel-results"), /Final score -?[\d.,]+, rank \d of 8\./);
        // The reflection question of the report card, fetched with the student's rejoin key.
        await waitText(u.page.locator("#panel-results .reflection"), /\?/, 20_000);
      }
      await ann.screenshot("student-phone-report-card-full", true);
      await measure(ann, "student at the end, Results tab (phone)");
      await ben.screenshot("student-desktop-report-card");
      await ann.runAxe("student at the end, Results tab (phone)");
      await teacher.screenshot("teacher-console-ended", true);
      await teacher.runAxe("teacher console at the end");
    },
    STEP,
  );

  it(
    "the teacher's debrief report shows the game, prints to PDF, and hides nicknames on request",
    async () => {
      step("debrief report");
      const page = teacher.page;
      await page.goto(`/report.html?code=${code}`);
      await page.waitForSelector("[data-report-ready='true']", { timeout: 30_000 });
      const text = (await page.locator("main").innerText()).replace(/\s+/g, " ");
      // The verdict sentence, the alliance the students made, and the counterfactual runs.
      expect(text).toMatch(/alignments? (were|was) consistent with .* in \d+% of cases/);
      expect(text).toMatch(/Atlantia/);
      expect(text).toMatch(/Bots: balance of threat/);
      expect(await page.locator("svg[role='img']").count()).toBeGreaterThanOrEqual(3);
      expect(text).toContain("Ann");
      await teacher.screenshot("report-desktop", true);
      await measure(teacher, "debrief report");
      await teacher.runAxe("debrief report");
      const pdf = await page.pdf({ format: "A4", printBackground: true });
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      expect(pdf.length).toBeGreaterThan(10_000);
      writeFileSync(join(SCREENSHOTS, "report.pdf"), pdf);
      await page.goto(`/report.html?code=${code}&anonymize=1&revealChat=1`);
      await page.waitForSelector("[data-report-ready='true']", { timeout: 30_000 });
      const anonymous = await page.locator("main").innerText();
      expect(anonymous).not.toContain("Ann");
      expect(anonymous).toMatch(/Player \d/);
      expect(anonymous).toMatch(/Chat excerpts/);
    },
    STEP,
  );

  it("no page logged an error or asked another origin for anything", () => {
    if (budgetOverwrites > 0) console.log(`note: a state patch overwrote budget fields being typed ${budgetOverwrites} time(s)`);
    const failed = users.flatMap((u) => u.failedRequests);
    if (failed.length > 0) console.log(`failed requests:\n  ${failed.join("\n  ")}`);
    const problems = users.flatMap((u) => u.problems);
    if (problems.length > 0) console.log(`problems:\n  ${problems.join("\n  ")}`);
    expect.soft(problems).toEqual([]);
    // Requests cut short by a reload or a closed tab (net::ERR_ABORTED) are normal; anything else is not.
    expect(failed.filter((f) => !f.endsWith("net::ERR_ABORTED"))).toEqual([]);
  });

  it("nothing is cut off or drawn by mistake: no page scrolls sideways, the projector shows the whole join code, hidden stays hidden", () => {
    const notes = layout.flatMap((l) => l.elements.map((e) => `${l.where}: ${e}`));
    if (notes.length > 0) console.log(`content wider than its box:\n  ${notes.join("\n  ")}`);
    expect(layout.length).toBeGreaterThanOrEqual(10);
    expect.soft(layout.filter((l) => l.page > 0).map((l) => `${l.where}: the page scrolls ${l.page}px sideways`)).toEqual([]);
    expect.soft(notes.filter((n) => n.includes(".bigcode"))).toEqual([]);
    expect.soft([...new Set(layout.flatMap((l) => l.hiddenShown.map((e) => `${l.where}: ${e}`)))]).toEqual([]);
  });

  it("axe-core finds no serious or critical violation on any page", () => {
    const all = users.flatMap((u) => u.axe);
    console.log(`axe-core, every violation found:\n${formatViolations(all)}`);
    expect(all.length).toBeGreaterThanOrEqual(15);
    expect(seriousViolations(all)).toEqual([]);
  });
});
