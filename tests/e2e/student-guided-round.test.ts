// The student's turn as one guided round, in real Chromium (issue 13): Ann on a
// 360x740 phone (touch) and Ben on a 1366x768 Chromebook who uses only the
// keyboard; Cleo, Ann's teammate, and the teacher are colyseus.js clients. It
// checks: the lobby says what to wait for; the four steps in order with
// "step n of 4"; every change saves itself and says "Saved", or the server's
// refusal in words; a reload keeps an unsent change and sends it (or says that a
// teammate saved something else meanwhile); "We are ready" first sends the
// budget typed just before it (checked on the server); while paused every
// action is disabled and says so; focus stays on the same control after an
// action and after a teammate's change; every button and input is at least
// 44 px high and 8 px from the next; nothing scrolls sideways; "We are ready"
// is in view at every step; axe-core finds nothing. Screenshots of every step
// at both sizes go to test-results/screenshots/guided-*.png.
//
// The tests run in order and share one game.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { joinStudent, joinTeacher, request, serverRoom, type Joined } from "../server/harness.js";
import { startServedClient, type ServedClient } from "../security/served.js";
import { formatViolations, launchBrowser, PHONE, User } from "./browser.js";

/** A school Chromebook's screen. */
const CHROMEBOOK = { viewport: { width: 1366, height: 768 }, deviceScaleFactor: 1 } as const;

let served: ServedClient;
let browser: Browser;
const users: User[] = [];
let code = "";
let teacher: Joined;
/** Ann's teammate in Atlantia, through colyseus.js. */
let cleo: Joined;
/** Ann (phone, touch) and Ben (Chromebook, keyboard only). */
let ann: User;
let ben: User;
/** Figures reported at the end. */
const figures: string[] = [];

async function open(name: string, options: Parameters<Browser["newContext"]>[0]): Promise<User> {
  const user = await User.open(browser, name, served.server.url, options);
  users.push(user);
  return user;
}

async function joinFromHome(user: User, nickname: string): Promise<void> {
  await user.goto(`/?code=${code}`);
  await user.page.getByLabel("Nickname").fill(nickname);
  await user.page.getByRole("button", { name: "Join", exact: true }).click();
  await user.page.waitForURL(/\/student\.html\?code=/);
  await user.page.locator("header.topbar h1").getByText(/Entente · /).waitFor();
}

const text = async (page: Page, selector: string) => ((await page.locator(selector).first().textContent()) ?? "").replace(/\s+/g, " ").trim();
const waitText = (page: Page, selector: string, pattern: RegExp, timeout = 10_000) => expect.poll(() => text(page, selector), { timeout, interval: 100 }).toMatch(pattern);
/** What has the focus: its id, data-key and text. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = (globalThis as any).document.activeElement;
    return { id: (el?.id as string) || "", key: (el?.dataset?.key as string) || "", text: ((el?.textContent as string) || "").trim(), tag: (el?.tagName as string) || "" };
  });
/** The ATL team's draft on the server. */
const draftOf = async (state: string) => (await serverRoom(code)).session.game.drafts[state]!;
const stepTitle = (page: Page) => text(page, ".step:not([hidden]) .step-title");

/** Presses Tab until `match` holds for the focused element; returns how many presses it took. */
async function tabUntil(page: Page, match: (f: Awaited<ReturnType<typeof focused>>) => boolean, max = 80, key = "Tab"): Promise<number> {
  for (let n = 1; n <= max; n++) {
    await page.keyboard.press(key);
    if (match(await focused(page))) return n;
  }
  throw new Error(`nothing matching after ${max} presses of ${key}; focus on ${JSON.stringify(await focused(page))}`);
}

/** Every button and input on screen that is under 44 px high, or nearer than 8 px to another one. */
async function tapTargetProblems(page: Page): Promise<{ count: number; problems: string[] }> {
  return page.evaluate(() => {
    const doc = (globalThis as any).document;
    const win = globalThis as any;
    const name = (el: any) => `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${el.dataset?.key ? `[${el.dataset.key}]` : ""} "${(el.textContent || el.value || "").trim().slice(0, 30)}"`;
    const els = [...doc.querySelectorAll("button, input, select, textarea, summary, a.button")].filter((el: any) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && win.getComputedStyle(el).visibility !== "hidden" && !el.closest(".visually-hidden");
    });
    // The bar at the bottom stays on top of the page, which scrolls under it: its controls are compared with each
    // other, the page's with each other, and the page keeps room below its content for the bar.
    const boxes = els.map((el: any) => ({ el, r: el.getBoundingClientRect(), bar: el.closest(".bottom-bar") !== null }));
    const problems: string[] = [];
    const bar = doc.querySelector(".bottom-bar");
    const room = parseFloat(win.getComputedStyle(doc.body).paddingBottom);
    if (bar && room < bar.offsetHeight - 1) problems.push(`the page keeps ${room} px below its content for a bar of ${bar.offsetHeight} px`);
    for (const { el, r } of boxes) if (r.height < 43.5) problems.push(`${name(el)} is ${r.height.toFixed(1)} px high`);
    for (let i = 0; i < boxes.length; i++) {
      for (let j = i + 1; j < boxes.length; j++) {
        if (boxes[i]!.bar !== boxes[j]!.bar) continue;
        const a = boxes[i]!.r;
        const b = boxes[j]!.r;
        const gap = Math.max(0, b.left - a.right, a.left - b.right, b.top - a.bottom, a.top - b.bottom);
        if (gap < 7.5) problems.push(`${name(boxes[i]!.el)} and ${name(boxes[j]!.el)} are ${gap.toFixed(1)} px apart`);
      }
    }
    return { count: boxes.length, problems };
  });
}

/** At the current step: tap targets, no sideways scrolling, "We are ready" in view, axe, and a screenshot. */
async function checkScreen(user: User, where: string): Promise<void> {
  await user.page.waitForTimeout(150);
  await user.screenshot(`guided-${where}`);
  const taps = await tapTargetProblems(user.page);
  expect(taps.count, `${where}: controls found`).toBeGreaterThan(3);
  expect(taps.problems, `${where}: tap targets`).toEqual([]);
  const over = await user.overflows(where);
  expect(over.page, `${where}: the page scrolls sideways`).toBe(0);
  expect(over.hiddenShown, `${where}: hidden elements drawn`).toEqual([]);
  const box = await user.page.locator("#ready").boundingBox();
  const view = user.page.viewportSize()!;
  expect(box, `${where}: "We are ready" is drawn`).not.toBeNull();
  expect(box!.y >= 0 && box!.y + box!.height <= view.height && box!.x >= 0 && box!.x + box!.width <= view.width, `${where}: "We are ready" in view (${JSON.stringify(box)})`).toBe(true);
  const axe = await user.runAxe(where);
  expect(axe.violations, formatViolations([axe])).toEqual([]);
}

/** Goes to a step with the Next / Back buttons (a tap on the phone, a click elsewhere). */
async function goToStep(user: User, n: number, touch = false): Promise<void> {
  for (let guard = 0; guard < 6; guard++) {
    const current = Number(/^Step (\d)/.exec(await stepTitle(user.page))?.[1] ?? 0);
    if (current === n) return;
    const button = user.page.locator(current < n ? "#step-next" : "#step-back");
    if (touch) await button.tap();
    else await button.click();
    await expect.poll(() => stepTitle(user.page)).not.toMatch(new RegExp(`^Step ${current} `));
  }
  throw new Error(`could not reach step ${n}`);
}

beforeAll(async () => {
  served = await startServedClient();
  browser = await launchBrowser();
  const game = await served.server.createGame({ scenario: "rival-shores", settings: { rounds: 2, teams: { mode: "count", value: 2 }, emptySeats: "balance-of-threat", diplomacySeconds: 900 } });
  code = game.code;
  teacher = await joinTeacher(served.server.client(), code, game.teacherKey);
}, 120_000);

afterAll(async () => {
  if (figures.length > 0) console.log(`guided round, figures:\n  ${figures.join("\n  ")}`);
  for (const u of users) await u.close();
  await browser.close();
  await served.stop();
}, 30_000);

const STEP = 90_000;

describe("the student's turn as one guided round", () => {
  it(
    "in the lobby the page says what the student waits for, with whom, and nothing can be changed yet",
    async () => {
      ann = await open("ann-phone", PHONE);
      await joinFromHome(ann, "Ann");
      ben = await open("ben-chromebook", CHROMEBOOK);
      await joinFromHome(ben, "Ben");
      cleo = await joinStudent(served.server.client(), code, "Cleo");
      await waitText(ann.page, ".notice", /^Waiting for the teacher to start\. You are in team Atlantia, playing Atlantia with Cleo\./);
      await waitText(ben.page, ".notice", /^Waiting for the teacher to start\. You are in team Borealis, playing Borealis \(no teammates yet\)\./);
      expect(await ann.page.locator("#budget-economy").isDisabled()).toBe(true);
      expect(await ann.page.locator("#ready").isDisabled()).toBe(true);
      await waitText(ann.page, ".bottom-bar .deciding", /The round has not started/);
      await checkScreen(ann, "phone-lobby");
      await checkScreen(ben, "chromebook-lobby");
    },
    STEP,
  );

  it(
    "Ben plays the alliance step with the keyboard only: Enter on a row's button, focus stays on that row, the answer is in words",
    async () => {
      expect((await request(teacher.room, teacher.inbox, "start")).ok).toBe(true);
      const page = ben.page;
      await expect.poll(() => page.locator("#ready").isEnabled()).toBe(true);
      await expect.poll(() => stepTitle(page)).toBe("Step 1 of 4: Alliances");
      await waitText(page, ".bottom-bar .deciding", /^2 teams still deciding$/);
      await waitText(page, ".bottom-bar .clock", /^1[0-5]:\d\d$/);
      await checkScreen(ben, "chromebook-step1-alliances");
      // From the top of the page to Atlantia's "Offer alliance", by Tab alone.
      await page.locator("body").focus();
      const toOffer = await tabUntil(page, (f) => f.key === "act:ATL:0");
      figures.push(`Tabs from the top of the page to the first alliance button (Chromebook): ${toOffer}`);
      expect((await focused(page)).text).toBe("Offer alliance");
      await page.keyboard.press("Enter");
      await waitText(page, "#alliances-status", /^Saved: you offered an alliance to Atlantia\.$/);
      await waitText(page, 'li.relation[data-state="ATL"] .relation-text', /^you offered$/);
      // The row's button is now "Withdraw", and it has the focus: the next Enter withdraws, the next Tab goes on from here.
      await expect.poll(async () => (await focused(page)).key).toBe("act:ATL:0");
      expect((await focused(page)).text).toBe("Withdraw");
    },
    STEP,
  );

  it(
    "Ben's budget saves itself, with a refusal in the server's words when it does not add up, and the Tab count from a changed input",
    async () => {
      const page = ben.page;
      await tabUntil(page, (f) => f.id === "step-next");
      await page.keyboard.press("Enter");
      await expect.poll(() => stepTitle(page)).toBe("Step 2 of 4: Budget");
      // Focus is on the new step's heading: the next Tab is its first input.
      expect((await focused(page)).id).toBe("step-title-budget");
      await page.keyboard.press("Tab");
      expect((await focused(page)).id).toBe("budget-economy");
      await page.keyboard.press("Control+a");
      await page.keyboard.type("40");
      await waitText(page, "#budget-status", /^Not saved yet: The parts add up to \d+%/);
      const tabs = await tabUntil(page, (f) => f.id === "budget-defense");
      figures.push(`Tabs from a changed budget input to the next control: ${tabs}`);
      expect(tabs).toBe(1);
      await page.keyboard.press("Control+a");
      await page.keyboard.type("40");
      await page.keyboard.press("Tab");
      expect((await focused(page)).id).toBe("budget-offense");
      await page.keyboard.press("Control+a");
      await page.keyboard.type("20");
      await waitText(page, "#budget-status", /^Saved$/);
      await expect.poll(async () => (await draftOf("BOR")).budget).toEqual({ economy: 40, defense: 40, offense: 20 });
      expect((await focused(page)).id).toBe("budget-offense");
      await checkScreen(ben, "chromebook-step2-budget");

      // 70 + 40 + 20: leaving the fields sends it, and the server's refusal is shown in its words.
      await page.keyboard.press("Shift+Tab");
      await page.keyboard.press("Shift+Tab");
      expect((await focused(page)).id).toBe("budget-economy");
      await page.keyboard.press("Control+a");
      await page.keyboard.type("70");
      await tabUntil(page, (f) => !f.id.startsWith("budget-"), 10);
      await waitText(page, "#budget-status", /^Not saved: The budget must be whole percentages \(0 to 100\) for economy, defence and offence that add up to 100\.$/);
      expect((await draftOf("BOR")).budget).toEqual({ economy: 40, defense: 40, offense: 20 });
      await ben.screenshot("guided-chromebook-step2-refused");
      await tabUntil(page, (f) => f.id === "budget-economy", 10, "Shift+Tab");
      await page.keyboard.press("Control+a");
      await page.keyboard.type("40");
      await waitText(page, "#budget-status", /^Saved$/);
    },
    STEP,
  );

  it(
    "Ben chooses an action with the arrow keys; it is saved at once, and a missing target is named",
    async () => {
      const page = ben.page;
      await tabUntil(page, (f) => f.id === "step-next");
      await page.keyboard.press("Enter");
      await expect.poll(() => stepTitle(page)).toBe("Step 3 of 4: Action");
      await page.keyboard.press("Tab");
      expect((await focused(page)).id).toBe("action-kind");
      await page.keyboard.press("ArrowDown"); // Threaten a state
      await waitText(page, "#action-status", /^Not saved yet: Choose which state to threaten, or choose "No action"\.$/);
      await page.keyboard.press("Tab");
      expect((await focused(page)).id).toBe("action-target");
      // The first state in reach that may be threatened.
      const target = await page.locator("#action-target option:not([disabled]):not([value=''])").first().getAttribute("value");
      await page.keyboard.press("ArrowDown");
      await expect.poll(() => page.inputValue("#action-target")).toBe(target);
      await waitText(page, "#action-status", /^Saved$/);
      await expect.poll(async () => (await draftOf("BOR")).action).toEqual({ kind: "threaten", target });
      expect((await focused(page)).id).toBe("action-target");
      await checkScreen(ben, "chromebook-step3-action");
      // Back to "No action" (a threat is not what this test is about).
      await page.keyboard.press("Shift+Tab");
      await page.keyboard.press("ArrowUp");
      await expect.poll(async () => (await draftOf("BOR")).action).toEqual({ kind: "none" });
      await tabUntil(page, (f) => f.id === "step-next");
      await page.keyboard.press("Enter");
      await expect.poll(() => stepTitle(page)).toBe("Step 4 of 4: Ready");
      await waitText(page, ".step:not([hidden]) .summary", /Budget: economy 40%, defence 40%, offence 20%\./);
      await checkScreen(ben, "chromebook-step4-ready");
    },
    STEP,
  );

  it(
    "Ann's focus stays on her control when Cleo changes the team's draft (alliances, then budget)",
    async () => {
      const page = ann.page;
      await expect.poll(() => stepTitle(page)).toBe("Step 1 of 4: Alliances");
      // Borealis's offer arrived: Accept and Decline, each 44 px high and 8 px apart.
      await waitText(page, 'li.relation[data-state="BOR"] .relation-text', /^offers you an alliance$/);
      const accept = await page.locator('li.relation[data-state="BOR"] button', { hasText: "Accept" }).boundingBox();
      const decline = await page.locator('li.relation[data-state="BOR"] button', { hasText: "Decline" }).boundingBox();
      figures.push(`Accept / Decline on the phone: ${accept!.height} and ${decline!.height} px high, ${Math.round(decline!.x - (accept!.x + accept!.width))} px apart`);
      await checkScreen(ann, "phone-step1-alliances");

      // Focus on the Decline button of Borealis (as after a Tab), then Cleo makes an offer to Caspia: the list is drawn again.
      await page.locator('li.relation[data-state="BOR"] [data-key="act:BOR:1"]').focus();
      const other = (await serverRoom(code)).session.game.states.find((s) => !["ATL", "BOR"].includes(s.id))!.id;
      expect((await request(cleo.room, cleo.inbox, "offer", { to: other })).ok).toBe(true);
      await waitText(page, `li.relation[data-state="${other}"] .relation-text`, /^you offered$/);
      expect((await focused(page)).key).toBe("act:BOR:1");
      // Ann taps Accept: focus stays in Borealis's row (its buttons are gone, so on its name).
      await page.locator('[data-key="act:BOR:0"]').tap();
      await waitText(page, "#alliances-status", /^Saved: you accepted Borealis's offer\.$/);
      await waitText(page, 'li.relation[data-state="BOR"] .relation-text', /^you accepted: forms at the end of the round$/);

      await goToStep(ann, 2, true);
      await checkScreen(ann, "phone-step2-budget");
      await page.locator("#budget-economy").focus();
      expect((await request(cleo.room, cleo.inbox, "budget", { economy: 60, defense: 30, offense: 10 })).ok).toBe(true);
      await expect.poll(() => Promise.all(["#budget-economy", "#budget-defense", "#budget-offense"].map((s) => page.inputValue(s)))).toEqual(["60", "30", "10"]);
      expect((await focused(page)).id).toBe("budget-economy");
      await page.keyboard.press("Tab");
      expect((await focused(page)).id).toBe("budget-defense");
      figures.push("Tabs from the budget field a teammate's change redrew to the next control: 1");
    },
    STEP,
  );

  it(
    "a reload with an unsent change keeps it and sends it after the rejoin; a teammate's save meanwhile is not overwritten",
    async () => {
      let page = ann.page;
      await page.fill("#budget-economy", "20");
      await page.fill("#budget-defense", "70");
      // Reload at once, before the pause that sends a typed change.
      await page.reload({ waitUntil: "load" });
      await waitText(page, "#budget-status", /^Saved \(the change you made before the page reloaded\)$/, 15_000);
      await expect.poll(async () => (await draftOf("ATL")).budget).toEqual({ economy: 20, defense: 70, offense: 10 });
      await expect.poll(() => stepTitle(page)).toBe("Step 2 of 4: Budget");

      // Now the page goes away with an unsent change, Cleo saves another budget, and Ann comes back.
      await page.fill("#budget-economy", "30");
      await page.fill("#budget-defense", "60");
      await page.goto("about:blank");
      expect((await request(cleo.room, cleo.inbox, "budget", { economy: 34, defense: 33, offense: 33 })).ok).toBe(true);
      await page.goto(`/student.html?code=${code}`);
      page = ann.page;
      await waitText(page, ".conflict", /a teammate saved the budget economy 34%, defence 33%, offence 33%\. Your change \(economy 30%, defence 60%, offence 10%\) was not sent/, 15_000);
      await expect.poll(() => page.inputValue("#budget-economy")).toBe("34");
      expect((await draftOf("ATL")).budget).toEqual({ economy: 34, defense: 33, offense: 33 });
      await ann.screenshot("guided-phone-step2-conflict");
      await page.getByRole("button", { name: "Use my change instead" }).tap();
      await expect.poll(async () => (await draftOf("ATL")).budget).toEqual({ economy: 30, defense: 60, offense: 10 });
      await waitText(page, "#budget-status", /^Saved$/);
    },
    STEP,
  );

  it(
    "while paused every action is disabled and the page says why",
    async () => {
      const page = ann.page;
      expect((await request(teacher.room, teacher.inbox, "pause")).ok).toBe(true);
      await waitText(page, ".notice", /^The teacher has paused the game: nothing can be changed until they resume\./);
      await expect.poll(() => page.locator("#budget-economy").isDisabled()).toBe(true);
      expect(await page.locator("#ready").isDisabled()).toBe(true);
      await waitText(page, "#ready-meaning", /^Paused by the teacher\.$/);
      await goToStep(ann, 1, true);
      const enabled = await page.locator(".relations .relation-actions button:enabled").count();
      expect(enabled).toBe(0);
      expect(await page.locator(".relations .relation-actions button").count()).toBeGreaterThan(0);
      await checkScreen(ann, "phone-paused");
      expect((await request(teacher.room, teacher.inbox, "resume")).ok).toBe(true);
      await expect.poll(() => page.locator(".relations .relation-actions button:enabled").count()).toBeGreaterThan(0);
    },
    STEP,
  );

  it(
    "\"We are ready\" first sends the budget typed just before it: the server has it in the team's decision",
    async () => {
      const page = ann.page;
      await goToStep(ann, 2, true);
      await page.fill("#budget-economy", "25");
      await page.fill("#budget-defense", "65");
      await page.locator("#ready").tap();
      await expect.poll(async () => `${await page.locator("#ready").getAttribute("aria-pressed")} ${await text(page, "#ready-meaning")}`).toMatch(/^true /);
      const draft = await draftOf("ATL");
      expect(draft.ready).toBe(true);
      expect(draft.budget).toEqual({ economy: 25, defense: 65, offense: 10 });
      await waitText(page, "#ready-meaning", /^Your team said it is done\. Press again to keep deciding\.$/);
      await waitText(page, ".bottom-bar .deciding", /^1 team still deciding$/);
      await goToStep(ann, 3, true);
      await checkScreen(ann, "phone-step3-action");
      await goToStep(ann, 4, true);
      await checkScreen(ann, "phone-step4-ready");
    },
    STEP,
  );

  it(
    "Ben marks ready from the keyboard; every team is ready, the round ends and the page says so",
    async () => {
      const page = ben.page;
      const tabs = await tabUntil(page, (f) => f.id === "ready");
      figures.push(`Tabs from step 4's heading area to "We are ready" (Chromebook): ${tabs}`);
      await page.keyboard.press("Space");
      await waitText(page, ".notice", /^This round is over: see what happened on the Results tab\.$/, 15_000);
      await waitText(ann.page, ".notice", /^This round is over/);
      await waitText(page, ".bottom-bar .deciding", /^Round over\.$/);
      expect((await serverRoom(code)).session.phase).toBe("review");
      await checkScreen(ben, "chromebook-review");
    },
    STEP,
  );

  it(
    "the other tabs on the phone keep the tap targets: 44 px high, 8 px apart",
    async () => {
      for (const name of ["Intel", "Chat", "Results"]) {
        await ann.page.getByRole("tab", { name, exact: true }).tap();
        await ann.page.waitForTimeout(150);
        const taps = await tapTargetProblems(ann.page);
        expect(taps.problems, `${name} tab (phone)`).toEqual([]);
        await ann.screenshot(`guided-phone-tab-${name.toLowerCase()}`);
      }
    },
    STEP,
  );

  it("no page logged an error", () => {
    const problems = users.flatMap((u) => u.problems);
    expect(problems).toEqual([]);
  });
});
