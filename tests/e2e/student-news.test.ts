// Nothing important hides in a tab: in real Chromium, Ann on a 360x740 phone
// and Ben at 1366x768 play Europe 1914 (two crises break out when round 1
// starts). The teacher (a colyseus.js client sending the console's messages)
// fires a crisis typed live, announces, moves Ann to Ben's team, hands the team
// to a bot and back, and two more students (colyseus.js) chat. Checked on the
// pages: the crises and the announcement as banners, also after a reload, a
// dismissed banner staying dismissed, seat news in plain words, "My team"
// following Ann to her new team, the chat's unread counts, no private chat with
// a state a bot plays, and axe-core with the banners shown. Screenshots of each
// step go to test-results/screenshots/news-*.png.
//
// The tests run in order and share one game.
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatViolations, launchBrowser, PHONE, User } from "./browser.js";
import { startServedClient, type ServedClient } from "../security/served.js";
import { joinStudent, joinTeacher, mapKeys, request, settled, type Joined } from "../server/harness.js";

const LAPTOP = { viewport: { width: 1366, height: 768 }, deviceScaleFactor: 1 } as const;
const STEP = 60_000;

let served: ServedClient;
let browser: Browser;
let code = "";
let teacher: Joined;
/** Cleo plays Russia, Dan the United Kingdom (Ann's first team): both through colyseus.js. */
let cleo: Joined;
let dan: Joined;
let ann: User;
let ben: User;
const users: User[] = [];
const cleanups: (() => Promise<unknown>)[] = [];

const banners = (page: Page) => page.locator("#student-banners");
const banner = (page: Page, heading: RegExp) => banners(page).locator(".banner").filter({ has: page.locator("h2", { hasText: heading }) });
const tab = (page: Page, name: string | RegExp) => page.getByRole("tab", { name });

async function textOf(locator: Locator): Promise<string> {
  return ((await locator.textContent({ timeout: 2_000 }).catch(() => "")) ?? "").replace(/\s+/g, " ").trim();
}

async function waitText(locator: Locator, pattern: RegExp, timeout = 10_000): Promise<void> {
  await expect.poll(() => textOf(locator), { timeout, interval: 100 }).toMatch(pattern);
}

async function teacherSends(type: string, payload: Record<string, unknown> = {}): Promise<void> {
  const reply = await request(teacher.room, teacher.inbox, type, payload);
  expect(reply.ok, `${type}: ${JSON.stringify(reply.body)}`).toBe(true);
}

function studentId(nickname: string): string {
  const id = mapKeys(teacher.state.students).find((k) => teacher.state.students.get(k).nickname === nickname);
  if (!id) throw new Error(`no student ${nickname}`);
  return id;
}

async function joinFromHome(user: User, nickname: string, stateName: string): Promise<void> {
  await user.goto("/");
  await user.page.fill("#code", code);
  await user.page.fill("#nickname", nickname);
  await user.page.getByRole("button", { name: "Join", exact: true }).click();
  await user.page.waitForURL(/\/student\.html\?code=/);
  await waitText(user.page.locator("header.topbar h1"), new RegExp(`^Entente · ${stateName}$`));
}

/** The conversations the chat offers (the options' values). */
async function channels(page: Page): Promise<string[]> {
  return page.locator("#chat-channel option").evaluateAll((os) => os.map((o) => (o as unknown as { value: string }).value));
}

async function noViolations(user: User, where: string): Promise<void> {
  const result = await user.runAxe(where);
  expect(result.violations, formatViolations([result])).toEqual([]);
}

beforeAll(async () => {
  served = await startServedClient();
  cleanups.push(() => served.stop());
  browser = await launchBrowser();
  cleanups.push(() => browser.close());
  const game = await served.server.createGame({
    scenario: "europe-1914",
    settings: { rounds: 3, diplomacySeconds: 900, chatMode: "open", teams: { mode: "count", value: 3 }, emptySeats: "balance-of-threat", seed: 5 },
  });
  code = game.code;
  teacher = await joinTeacher(served.server.client(), code, game.teacherKey);
  cleanups.push(() => teacher.room.leave());
}, 120_000);

afterAll(async () => {
  // Last opened, first closed; whatever beforeAll did not get to open is not in the list.
  for (const close of cleanups.reverse()) await close().catch(() => undefined);
}, 30_000);

describe("news on the student's page", () => {
  it(
    "round 1's scheduled crises appear as banners when the round starts, with what they change, readable on a phone",
    async () => {
      ann = await User.open(browser, "ann-phone", served.server.url, PHONE);
      ben = await User.open(browser, "ben-laptop", served.server.url, LAPTOP);
      users.push(ann, ben);
      cleanups.push(() => ann.close(), () => ben.close());
      await joinFromHome(ann, "Ann", "United Kingdom");
      await joinFromHome(ben, "Ben", "France");
      cleo = await joinStudent(served.server.client(), code, "Cleo");
      dan = await joinStudent(served.server.client(), code, "Dan");
      cleanups.push(() => cleo.room.leave(), () => dan.room.leave());
      expect(cleo.welcome.state).toBe("RUS");
      expect(dan.welcome.state).toBe("GBR");
      // In the lobby the crises have not broken out for the class yet.
      expect(await banners(ann.page).locator(".banner").count()).toBe(0);

      await teacherSends("start");
      for (const u of [ann, ben]) {
        await waitText(banner(u.page, /Assassination at Sarajevo/), /Crisis: Assassination at Sarajevo/);
        await waitText(banner(u.page, /Ultimatum to Belgium/), /Crisis: Ultimatum to Belgium/);
        expect(await banner(u.page, /Sarajevo/).getAttribute("role")).toBe("alert");
        await waitText(banner(u.page, /Sarajevo/).locator(".banner-changes"), /^On the record: Austria-Hungary threatened Serbia/);
      }
      // Large enough to read on the phone, and nothing cut off or scrolling sideways.
      const sizes = await banner(ann.page, /Sarajevo/).evaluate((el) => {
        const size = (sel: string) => parseFloat((globalThis as any).getComputedStyle(el.querySelector(sel)).fontSize);
        return { title: size("h2"), text: size("p") };
      });
      expect(sizes.title).toBeGreaterThanOrEqual(20);
      expect(sizes.text).toBeGreaterThanOrEqual(18);
      const layout = await ann.overflows("crisis banners (phone)");
      expect(layout.page).toBe(0);
      expect(layout.elements.filter((e) => e.includes("banner"))).toEqual([]);
      await ann.screenshot("news-round1-crises-phone");
      await ben.screenshot("news-round1-crises-laptop");
      await noViolations(ann, "crisis banners (phone)");
      await noViolations(ben, "crisis banners (laptop)");
    },
    STEP,
  );

  it(
    "the crises are still there after a reload, and one Ann dismissed stays dismissed",
    async () => {
      await ann.page.reload();
      await waitText(banner(ann.page, /Sarajevo/), /Crisis: Assassination at Sarajevo/);
      await waitText(banner(ann.page, /Belgium/), /Crisis: Ultimatum to Belgium/);
      await ann.page.getByRole("button", { name: "Dismiss crisis: Assassination at Sarajevo" }).click();
      await expect.poll(() => banner(ann.page, /Sarajevo/).count()).toBe(0);
      await ann.page.reload();
      await waitText(banner(ann.page, /Belgium/), /Crisis: Ultimatum to Belgium/);
      await waitText(ann.page.locator("header.topbar h1"), /^Entente · United Kingdom$/);
      expect(await banner(ann.page, /Sarajevo/).count()).toBe(0);
      // Dismissed on Ann's phone only.
      expect(await banner(ben.page, /Sarajevo/).count()).toBe(1);
      await ann.screenshot("news-after-reload-phone");
    },
    STEP,
  );

  it(
    "a crisis the teacher types mid-round appears at once for both students",
    async () => {
      await teacherSends("crisis", { title: "Naval mutiny at Kiel", text: "Sailors refuse to sail; the fleet stays in port." });
      for (const u of [ann, ben]) {
        await waitText(banner(u.page, /Naval mutiny/).locator("h2"), /^Crisis: Naval mutiny at Kiel$/);
        await waitText(banner(u.page, /Naval mutiny/).locator("p").first(), /^Sailors refuse to sail; the fleet stays in port\.$/);
        // A story only: nothing listed as changed.
        expect(await banner(u.page, /Naval mutiny/).locator(".banner-changes").count()).toBe(0);
      }
      await ann.screenshot("news-live-crisis-phone");
      await ben.screenshot("news-live-crisis-laptop");
    },
    STEP,
  );

  it(
    "the teacher's announcement appears as a banner for everyone",
    async () => {
      await teacherSends("announce", { text: "Five minutes left: agree on your alliances." });
      for (const u of [ann, ben]) {
        const b = banner(u.page, /The teacher says/);
        await waitText(b, /Five minutes left: agree on your alliances\./);
        expect(await b.getAttribute("role")).toBe("status");
      }
      // Clearing an announcement: the model has no command for it yet (another change adds one), so it is not tested here.
      await ann.screenshot("news-announcement-phone");
      await ben.screenshot("news-announcement-laptop");
      await noViolations(ann, "all banners (phone)");
      await noViolations(ben, "all banners (laptop)");
    },
    STEP,
  );

  it(
    "the teacher moves Ann to France: she is told, and her team chat reaches France's team, not her old one",
    async () => {
      await teacherSends("move", { studentId: studentId("Ann"), state: "FRA" });
      await waitText(banner(ann.page, /moved you/), /^The teacher moved you to another team: you now play France\./);
      await waitText(ann.page.locator("header.topbar h1"), /^Entente · France$/);
      await ann.screenshot("news-moved-phone");

      await tab(ann.page, /^Chat/).click();
      await expect.poll(() => channels(ann.page)).toContain("team:FRA");
      expect(await channels(ann.page)).not.toContain("team:GBR");
      await ann.page.selectOption("#chat-channel", "team:FRA");
      expect(await ann.page.locator("#chat-channel option:checked").textContent()).toBe("My team (France)");
      await ann.page.fill("#chat-text", "Hello France, Ann here");
      await ann.page.getByRole("button", { name: "Send", exact: true }).click();
      // Accepted: the field is cleared only then.
      await expect.poll(() => ann.page.inputValue("#chat-text")).toBe("");
      await waitText(ann.page.locator("#panel-chat .chat-log"), /Ann \(France\) to team France: Hello France, Ann here/);

      await tab(ben.page, /^Chat/).click();
      await ben.page.selectOption("#chat-channel", "team:FRA");
      await waitText(ben.page.locator("#panel-chat .chat-log"), /Ann \(France\) to team France: Hello France, Ann here/);
      // Dan, left in the United Kingdom's team, and Cleo never get it.
      await settled(code, dan, cleo);
      for (const other of [dan, cleo]) expect(other.inbox.of("chat").map((m: { text: string }) => m.text)).not.toContain("Hello France, Ann here");
      await ann.screenshot("news-moved-chat-phone");
      await ben.screenshot("news-team-chat-laptop");
    },
    STEP,
  );

  it(
    "the teacher hands France to a computer player and back: both announced to the team",
    async () => {
      await teacherSends("seat", { state: "FRA", control: "balance-of-power" });
      for (const u of [ann, ben]) {
        await waitText(banner(u.page, /computer player/), /^A computer player is playing for your team until someone comes back\./);
        expect(await banner(u.page, /computer player/).getAttribute("role")).toBe("status");
      }
      await ann.screenshot("news-bot-seat-phone");
      await ben.screenshot("news-bot-seat-laptop");
      // Still said after a reload, while the computer plays.
      await ben.page.reload();
      await waitText(banner(ben.page, /computer player/), /A computer player is playing for your team/);

      await teacherSends("seat", { state: "FRA", control: "team" });
      for (const u of [ann, ben]) {
        await waitText(banner(u.page, /yours again/), /^Your team is yours again\./);
        await expect.poll(() => banner(u.page, /computer player/).count()).toBe(0);
      }
      // The live region says it too (for screen readers).
      await waitText(ann.page.locator("body > [aria-live=polite][role=status]"), /Your team is yours again\./);
      await ann.screenshot("news-seat-back-phone");
      await ben.screenshot("news-seat-back-laptop");
    },
    STEP,
  );

  it(
    "the chat's unread badge counts what arrives in other conversations and tabs, and clears when they are read",
    async () => {
      await tab(ben.page, /^Your turn/).click();
      const chatTab = ben.page.locator("#tab-chat");
      expect(await chatTab.locator(".unread-badge").count()).toBe(0);
      // Cleo (Russia) writes privately to France, and Ann to her team, while Ben looks at "Your turn".
      expect((await request(cleo.room, cleo.inbox, "chat", { channel: "private:RUS|FRA", text: "Russia proposes an alliance" })).ok).toBe(true);
      await ann.page.selectOption("#chat-channel", "team:FRA");
      await ann.page.fill("#chat-text", "Shall we accept Russia?");
      await ann.page.getByRole("button", { name: "Send", exact: true }).click();
      await expect.poll(() => ann.page.inputValue("#chat-text")).toBe("");
      await waitText(chatTab.locator(".unread-badge"), /^2$/);
      await expect.poll(() => chatTab.getAttribute("aria-label")).toBe("Chat, 2 unread messages");
      await ben.screenshot("news-unread-badge-laptop");

      // Ben opens the chat on the team conversation: its message is read, the private one is not.
      await chatTab.click();
      await ben.page.selectOption("#chat-channel", "team:FRA");
      await waitText(chatTab.locator(".unread-badge"), /^1$/);
      expect(await ben.page.locator("#chat-channel option[value='private:FRA|RUS']").textContent()).toBe("Private: Russia – 1 unread");
      await ben.screenshot("news-unread-one-laptop");
      await ben.page.selectOption("#chat-channel", "private:FRA|RUS");
      await waitText(ben.page.locator("#panel-chat .chat-log"), /Cleo \(Russia\) to private France – Russia: Russia proposes an alliance/);
      await expect.poll(() => chatTab.locator(".unread-badge").count()).toBe(0);
      expect(await chatTab.getAttribute("aria-label")).toBeNull();
      expect(await ben.page.locator("#chat-channel option[value='private:FRA|RUS']").textContent()).toBe("Private: Russia");

      // Ben's own message never counts; a message to everyone while he reads the private one does.
      await ben.page.fill("#chat-text", "Ben agrees");
      await ben.page.getByRole("button", { name: "Send", exact: true }).click();
      await expect.poll(() => ben.page.inputValue("#chat-text")).toBe("");
      expect((await request(dan.room, dan.inbox, "chat", { channel: "public", text: "Britain calls a conference" })).ok).toBe(true);
      await waitText(chatTab.locator(".unread-badge"), /^1$/);
      // After a reload, Ben is back on the private conversation, and the message to everyone is still unread.
      await ben.page.reload();
      await expect.poll(() => ben.page.inputValue("#chat-channel")).toBe("private:FRA|RUS");
      await waitText(ben.page.locator("#tab-chat .unread-badge"), /^1$/);
      await ben.page.locator("#tab-chat").click();
      await ben.page.selectOption("#chat-channel", "public");
      await expect.poll(() => ben.page.locator("#tab-chat .unread-badge").count()).toBe(0);
      await noViolations(ben, "chat with unread counts (laptop)");
    },
    STEP,
  );

  it(
    "no private chat is offered with a state a computer plays",
    async () => {
      const offered = await channels(ben.page);
      expect(offered).toContain("private:FRA|RUS");
      expect(offered).toContain("private:FRA|GBR");
      // Germany is played by a balance-of-threat bot from the start.
      expect(offered.filter((c) => c.includes("DEU"))).toEqual([]);
      expect(offered).toHaveLength(1 + 1 + 2);
      // Russia handed to a bot: its conversation goes.
      await teacherSends("seat", { state: "RUS", control: "bandwagon" });
      await expect.poll(() => channels(ben.page)).not.toContain("private:FRA|RUS");
      await ben.screenshot("news-no-bot-chat-laptop");
      await ann.screenshot("news-chat-phone");
      const layout = await ann.overflows("chat (phone)");
      expect(layout.page).toBe(0);
      for (const u of users) expect(u.problems, u.problems.join("\n")).toEqual([]);
    },
    STEP,
  );
});
