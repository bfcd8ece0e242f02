// Right-to-left text in the teacher's console, in real Chromium: students with
// Arabic and Hebrew nicknames (one of them trying a right-to-left override)
// join and chat, the teacher announces and injects a crisis with Hebrew and
// Arabic text. Every element of the console that shows a nickname or a typed
// text must be (or be inside) a bidi isolate, no override may reach the page,
// and the words after a name in its row must be drawn after it (to its right in
// these left-to-right rows): an override would have drawn them before it.
//
// Builds the client like tests/e2e (run in the "browser" project, one file at a
// time, see vitest.config.ts). Run alone with `npx vitest run tests/security`.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DESKTOP, launchBrowser, User } from "../e2e/browser.js";
import { startE2eServer } from "../e2e/server.js";
import { joinStudent, joinTeacher, request, type Joined, type TestServer } from "../server/harness.js";

let server: TestServer;
let browser: Browser;
let teacher: User | null = null;

beforeAll(async () => {
  server = await startE2eServer();
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  await teacher?.close();
  await browser.close();
  await server.stop();
}, 30_000);

/** What the students type, and what the model keeps of it (overrides and isolates stripped). */
const MARYAM = { typed: "\u0645\u0631\u064a\u0645 7", shown: "\u0645\u0631\u064a\u0645 7" };
const BEN = { typed: "\u202eBen 12", shown: "Ben 12" };
const DANA = { typed: "\u05d3\u05e0\u05d4", shown: "\u05d3\u05e0\u05d4" };
const CHAT_MARYAM = { typed: "\u0645\u0631\u062d\u0628\u0627 \u202eabc 123", shown: "\u0645\u0631\u062d\u0628\u0627 abc 123" };
const CHAT_BEN = { typed: "\u202eyes 4 us", shown: "yes 4 us" };
const CHAT_DANA = { typed: "\u05e9\u05dc\u05d5\u05dd 5 friends", shown: "\u05e9\u05dc\u05d5\u05dd 5 friends" };
const ANNOUNCEMENT = "\u05e9\u05d9\u05de\u05d5 \u05dc\u05d1 2";
const CRISIS = { title: "\u0641\u064a\u0636\u0627\u0646 3", text: "\u202eRiver floods 9" };
const TYPED_TEXTS = [MARYAM.shown, BEN.shown, DANA.shown, CHAT_MARYAM.shown, CHAT_BEN.shown, CHAT_DANA.shown, ANNOUNCEMENT, CRISIS.title, "River floods 9"];

/** Waits until the page shows this text somewhere. */
async function shows(page: Page, text: string): Promise<void> {
  await expect.poll(() => page.evaluate((t) => (globalThis as any).document.body.textContent.includes(t), text), { timeout: 15_000, interval: 100 }).toBe(true);
}

/**
 * In the page: each text node that holds one of the typed texts, and the closest element around
 * it that isolates (a <bdi>, or computed unicode-bidi isolate, isolate-override or plaintext).
 * The typed text is isolated when that element holds it and nothing else: browsers isolate
 * every block (a <li>, a <p>) too, but a name isolated together with the words of its row can
 * still reorder them.
 */
function isolationReport(page: Page, texts: string[]) {
  return page.evaluate((needles: string[]) => {
    const doc = (globalThis as any).document;
    const win = globalThis as any;
    const isolating = (el: any) => el.tagName === "BDI" || ["isolate", "isolate-override", "plaintext"].includes(win.getComputedStyle(el).unicodeBidi);
    const describe = (el: any) => (el ? `${el.tagName.toLowerCase()}${typeof el.className === "string" && el.className ? `.${el.className.split(" ").join(".")}` : ""}` : "none");
    const found: { text: string; where: string; isolate: string; isolated: boolean }[] = [];
    const walker = doc.createTreeWalker(doc.body, 4);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (["SCRIPT", "STYLE"].includes(n.parentElement.tagName)) continue;
      for (const text of needles) {
        if (!n.data.includes(text)) continue;
        let iso = n.parentElement;
        while (iso && iso !== doc.body && !isolating(iso)) iso = iso.parentElement;
        found.push({ text, where: `${describe(n.parentElement)} in ${describe(n.parentElement.parentElement)}`, isolate: describe(iso), isolated: iso !== doc.body && iso?.textContent === text });
      }
    }
    return found;
  }, texts);
}

/**
 * In the page: for every row (li) that contains `needle`, where the first letter before it and
 * the first letter after it are drawn, against the needle's own box. In a left-to-right row,
 * a letter logically after the needle must not be drawn left of it, nor one before it right of it.
 */
function orderReport(page: Page, needle: string) {
  return page.evaluate((text: string) => {
    const doc = (globalThis as any).document;
    const rows: { row: string; innerText: string; before: number | null; start: number; end: number; after: number | null; sameLine: boolean }[] = [];
    for (const row of doc.querySelectorAll("li")) {
      if (!row.textContent.includes(text) || row.closest(".visually-hidden")) continue;
      // Every character of the row with its text node and offset, in logical (DOM) order.
      const chars: { node: any; offset: number; ch: string }[] = [];
      const walker = doc.createTreeWalker(row, 4);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) for (let i = 0; i < n.data.length; i++) chars.push({ node: n, offset: i, ch: n.data[i] });
      const all = chars.map((c) => c.ch).join("");
      const at = all.indexOf(text);
      const rect = (from: number, to: number) => {
        const r = doc.createRange();
        r.setStart(chars[from]!.node, chars[from]!.offset);
        r.setEnd(chars[to - 1]!.node, chars[to - 1]!.offset + 1);
        return r.getBoundingClientRect();
      };
      const name = rect(at, at + text.length);
      const letter = /[A-Za-z]/;
      let after: number | null = null;
      let before: number | null = null;
      let sameLine = true;
      for (let i = at + text.length; i < chars.length; i++) {
        if (!letter.test(chars[i]!.ch)) continue;
        const r = rect(i, i + 1);
        after = r.left;
        sameLine &&= Math.abs(r.top - name.top) < name.height;
        break;
      }
      for (let i = at - 1; i >= 0; i--) {
        if (!letter.test(chars[i]!.ch)) continue;
        const r = rect(i, i + 1);
        before = r.right;
        sameLine &&= Math.abs(r.top - name.top) < name.height;
        break;
      }
      rows.push({ row: row.parentElement?.className ?? "", innerText: row.innerText, before, start: name.left, end: name.right, after, sameLine });
    }
    return rows;
  }, needle);
}

describe("right-to-left text in the teacher's console", () => {
  it("is shown in bidi isolates, without overrides, and does not reorder the words after it", { timeout: 120_000 }, async () => {
    const game = await server.createGame({ scenario: "rival-shores", settings: { rounds: 2, teams: { mode: "count", value: 2 }, emptySeats: "balance-of-threat", chatMode: "open", diplomacySeconds: 600, seed: 4 } });
    teacher = await User.open(browser, "teacher", server.url, DESKTOP);
    const page = teacher.page;
    await page.addInitScript((key: string) => (globalThis as any).localStorage.setItem("entente:teacherKey", key), game.teacherKey);
    await teacher.goto(`/teacher.html?code=${game.code}`);
    await page.getByRole("button", { name: "Start the game" }).waitFor();

    const client = server.client();
    const students: Joined[] = [];
    for (const s of [MARYAM, BEN, DANA]) students.push(await joinStudent(client, game.code, s.typed));
    expect(students.map((s) => s.welcome.nickname)).toEqual([MARYAM.shown, BEN.shown, DANA.shown]);
    const [maryam, ben, dana] = students as [Joined, Joined, Joined];
    for (const [who, said] of [[maryam, CHAT_MARYAM], [ben, CHAT_BEN], [dana, CHAT_DANA]] as const) {
      expect((await request(who.room, who.inbox, "chat", { channel: "public", text: said.typed })).ok).toBe(true);
    }
    const desk = await joinTeacher(client, game.code, game.teacherKey);
    expect((await request(desk.room, desk.inbox, "announce", { text: ANNOUNCEMENT })).ok).toBe(true);
    expect((await request(desk.room, desk.inbox, "crisis", { title: CRISIS.title, text: CRISIS.text })).ok).toBe(true);

    // The console shows all of it: names in the teams and the events, messages in the chat, the announcement and the crisis in the events.
    for (const text of TYPED_TEXTS) await shows(page, text);
    await teacher.screenshot("security-bidi-console", true);

    // No embedding, override or isolate that a person typed reached the page. (FSI and PDI, U+2068 and
    // U+2069, are left out: the page itself puts them around text where no element can go, as in an <option>.)
    expect(await page.evaluate(() => /[\u202a-\u202e\u2066\u2067]/.test((globalThis as any).document.body.textContent))).toBe(false);

    // Every typed text on the page is in a bidi isolate of its own.
    const found = await isolationReport(page, TYPED_TEXTS);
    for (const text of TYPED_TEXTS) expect(found.some((f) => f.text === text), `${text} is shown`).toBe(true);
    expect(found.filter((f) => !f.isolated)).toEqual([]);

    // The rows read in logical order: the chat row of each student, and the words around each name drawn in order.
    const chatRows = await page.locator(".chat-log li").allInnerTexts();
    for (const [name, said] of [[MARYAM.shown, CHAT_MARYAM.shown], [BEN.shown, CHAT_BEN.shown], [DANA.shown, CHAT_DANA.shown]]) {
      expect(chatRows.some((r) => new RegExp(`^${name} \\((Atlantia|Borealis)\\) to everyone: ${said}$`).test(r)), `${name}: ${said}`).toBe(true);
    }
    for (const name of [MARYAM.shown, BEN.shown, DANA.shown]) {
      const rows = await orderReport(page, name);
      expect(rows.length, `rows with ${name}`).toBeGreaterThanOrEqual(3); // teams, chat, events
      for (const r of rows.filter((x) => x.sameLine)) {
        if (r.after !== null) expect(r.after, `after ${name} in ${r.innerText}`).toBeGreaterThanOrEqual(r.end - 1);
        if (r.before !== null) expect(r.before, `before ${name} in ${r.innerText}`).toBeLessThanOrEqual(r.start + 1);
      }
    }
    expect(teacher.problems).toEqual([]);
  });
});
