// The projector as a stage, in real Chromium at 1920x1080 against a real
// server with the built pages: students (colyseus.js) join and play, the
// teacher (colyseus.js) starts, injects a crisis, announces, ends. At each
// phase the projector is photographed and measured: the round and the clock
// at least 8% of the screen's height, every name, event and banner at 28 px or
// more, nothing cut off or outside the screen, text contrast at least 4.5:1
// (both themes), no axe violation. And it says what happens: the nickname
// wall, "X of Y teams ready" as teams get ready, the banners, one card per
// event at resolution, the podium and the theories' fit at the end.
//
// The tests run in order and share one game.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { joinStudent, joinTeacher, request, serverRoom, type Joined } from "../server/harness.js";
import { startServedClient, type ServedClient } from "../security/served.js";
import { clearScreenshots, formatViolations, launchBrowser, PROJECTOR, User } from "./browser.js";

let served: ServedClient;
let browser: Browser;
let projector: User;
let teacher: Joined;
let code = "";
/** Students by nickname. */
const students = new Map<string, Joined>();

const STEP = 60_000;
const JOIN_URL = "http://192.168.1.20:2567";
const qrName = () => new RegExp(`QR code to join game ${code} at ${JOIN_URL.replace(/\./g, "\\.")}/\\?code=${code}`);

beforeAll(async () => {
  clearScreenshots();
  // A fixed join address (the test server listens on loopback only, which has none to show).
  served = await startServedClient({ joinUrl: JOIN_URL });
  browser = await launchBrowser();
  // Three team seats; the other states of Rival Shores are played by bots (not counted as deciding).
  const game = await served.server.createGame({ scenario: "rival-shores", settings: { rounds: 2, teams: { mode: "count", value: 3 }, emptySeats: "balance-of-threat", diplomacySeconds: 300, seed: 11 } });
  code = game.code;
  teacher = await joinTeacher(served.server.client(), code, game.teacherKey);
  projector = await User.open(browser, "projector", served.server.url, PROJECTOR);
}, 120_000);

afterAll(async () => {
  await projector.close();
  for (const s of students.values()) await s.room.leave().catch(() => undefined);
  await teacher.room.leave().catch(() => undefined);
  await browser.close();
  await served.stop();
}, 30_000);

/** A command from the teacher or a student; the test clock moves on a little so that the per-address rate limit never bites. */
async function send(who: Joined, type: string, payload: Record<string, unknown> = {}): Promise<void> {
  served.server.clock.advance(250);
  const r = await request(who.room, who.inbox, type, payload);
  if (!r.ok) throw new Error(`${type} refused: ${JSON.stringify(r.body)}`);
}

async function join(nickname: string): Promise<Joined> {
  served.server.clock.advance(250);
  const s = await joinStudent(served.server.client(), code, nickname);
  students.set(nickname, s);
  return s;
}

const page = () => projector.page;
const stageText = () => page().locator(".stage-main").innerText();

async function waitStage(pattern: RegExp, timeout = 10_000): Promise<void> {
  await expect.poll(stageText, { timeout, interval: 100 }).toMatch(pattern);
}

interface Measured {
  viewport: { width: number; height: number };
  round: { fontSize: number; height: number };
  clock: { fontSize: number; height: number; text: string } | null;
  /** Stage texts (names, events, banners) under 28 px. */
  small: string[];
  /** Boxes that cut their content off, and texts outside the screen. */
  clipped: string[];
  /** Texts with a contrast under 4.5:1. */
  lowContrast: string[];
  /** The smallest stage font size seen. */
  minFont: number;
  texts: number;
}

/** Measures the projector as it is now (in the page, from computed styles and boxes). */
async function measure(): Promise<Measured> {
  return page().evaluate(() => {
    const win = globalThis as any;
    const doc = win.document;
    const describe = (el: any) => `${el.tagName.toLowerCase()}${typeof el.className === "string" && el.className ? `.${el.className.trim().split(/\s+/).join(".")}` : ""} "${(el.textContent ?? "").trim().slice(0, 40)}"`;
    const visible = (el: any) => {
      const r = el.getBoundingClientRect();
      const st = win.getComputedStyle(el);
      return r.width > 0 && r.height > 0 && st.visibility !== "hidden" && !el.closest("[hidden], .visually-hidden");
    };
    const ownText = (el: any) => [...el.childNodes].some((n: any) => n.nodeType === 3 && n.textContent.trim().length > 0);
    // Colours: rgb(a) strings to [r, g, b, a]; relative luminance (WCAG 2).
    const rgba = (s: string) => (s.match(/[\d.]+/g) ?? []).map(Number);
    const lum = ([r, g, b]: number[]) => {
      const c = [r!, g!, b!].map((v) => {
        const x = v / 255;
        return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * c[0]! + 0.7152 * c[1]! + 0.0722 * c[2]!;
    };
    const background = (el: any): number[] => {
      for (let e = el; e; e = e.parentElement) {
        const c = rgba(win.getComputedStyle(e).backgroundColor);
        if (c.length >= 3 && (c.length < 4 || c[3]! > 0.5)) return c;
      }
      return [255, 255, 255];
    };
    const contrast = (a: number[], b: number[]) => {
      const [l1, l2] = [lum(a), lum(b)].sort((x, y) => y - x);
      return (l1! + 0.05) / (l2! + 0.05);
    };
    const box = (sel: string) => {
      const el = doc.querySelector(sel);
      if (!el || !visible(el)) return null;
      return { fontSize: Number.parseFloat(win.getComputedStyle(el).fontSize), height: el.getBoundingClientRect().height, text: el.textContent.trim() };
    };
    const small: string[] = [];
    const clipped: string[] = [];
    const lowContrast: string[] = [];
    let minFont = Infinity;
    let texts = 0;
    for (const el of doc.querySelectorAll("body *")) {
      if (el.closest("svg") || el.tagName === "CANVAS" || !visible(el)) continue;
      const st = win.getComputedStyle(el);
      // Cut off: a box whose overflow is hidden (or clipped) and whose content is larger.
      if (/(hidden|clip)/.test(`${st.overflowX} ${st.overflowY}`) && !el.closest(".map")) {
        const [sw, cw, sh, ch] = [el.scrollWidth, el.clientWidth, el.scrollHeight, el.clientHeight] as number[];
        if (sw! > cw! + 1 || sh! > ch! + 1) clipped.push(`${describe(el)} cuts off ${sw! - cw!}x${sh! - ch!}px`);
      }
      if (!ownText(el)) continue;
      const r = el.getBoundingClientRect() as { left: number; top: number; right: number; bottom: number };
      const [vw, vh] = [win.innerWidth, win.innerHeight] as number[];
      if (r.left < -1 || r.top < -1 || r.right > vw! + 1 || r.bottom > vh! + 1) clipped.push(`${describe(el)} is outside the screen (${Math.round(r.left)},${Math.round(r.top)} to ${Math.round(r.right)},${Math.round(r.bottom)})`);
      const ratio = contrast(rgba(st.color), background(el));
      if (ratio < 4.5) lowContrast.push(`${describe(el)}: ${ratio.toFixed(2)}:1 (${st.color} on ${background(el).join(",")})`);
      if (el.closest(".stage-main, .stage-join")) {
        texts += 1;
        const size = Number.parseFloat(st.fontSize);
        minFont = Math.min(minFont, size);
        if (size < 28) small.push(`${describe(el)}: ${size}px`);
      }
    }
    return {
      viewport: { width: win.innerWidth, height: win.innerHeight },
      round: box(".stage-round")!,
      clock: box(".stage-bar .clock"),
      small,
      clipped,
      lowContrast,
      minFont,
      texts,
    };
  });
}

/** The checks every phase must pass; returns the measures for more. */
async function checkStage(where: string): Promise<Measured> {
  const m = await measure();
  const eight = 0.08 * m.viewport.height;
  expect(m.viewport.height).toBe(1080);
  expect(m.round.fontSize, `${where}: the round's font size`).toBeGreaterThanOrEqual(eight);
  expect(m.round.height, `${where}: the round's box`).toBeGreaterThanOrEqual(eight);
  expect(m.texts, `${where}: stage texts measured`).toBeGreaterThan(0);
  expect(m.small, `${where}: stage texts under 28 px`).toEqual([]);
  expect(m.clipped, `${where}: cut off or outside the screen`).toEqual([]);
  expect(m.lowContrast, `${where}: contrast under 4.5:1`).toEqual([]);
  const overflow = await projector.overflows(where);
  expect(overflow.page, `${where}: the page scrolls sideways`).toBe(0);
  expect(overflow.hiddenShown).toEqual([]);
  const axe = await projector.runAxe(where);
  if (axe.violations.length > 0) console.log(formatViolations([axe]));
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  console.log(`${where}: round ${m.round.fontSize}px (box ${Math.round(m.round.height)}px), clock ${m.clock ? `${m.clock.fontSize}px` : "not shown"}, smallest stage text ${m.minFont}px over ${m.texts} texts`);
  return m;
}

describe("the projector as a stage", () => {
  it(
    "lobby: the join code, address and QR code large, and a wall of nicknames that grows as students join",
    async () => {
      await projector.goto(`/projector.html?code=${code}&theme=dark`);
      const lobby = page().locator(".stage-main");
      await lobby.locator(".bigcode").getByText(code).waitFor();
      await lobby.getByRole("img", { name: qrName() }).waitFor();
      await waitStage(/Nobody has joined yet/);
      // The widest code there can be: the panel must still fit beside its QR code.
      await lobby.locator(".bigcode").evaluate((el, wide) => (el.textContent = wide), "WWWWWW");
      expect(await lobby.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
      await lobby.locator(".bigcode").evaluate((el, c) => (el.textContent = c), code);
      for (const n of ["Zoë", "Łukasz", "مريم", "李雷", "Ann", "Ben"]) await join(n);
      await waitStage(/6 joined/);
      await projector.screenshot("stage-lobby");
      const wall = await page().locator(".name-wall li").allInnerTexts();
      expect(wall.sort()).toEqual(["Zoë", "Łukasz", "مريم", "李雷", "Ann", "Ben"].sort());
      // Nicknames are isolated (bdi), so a right-to-left name cannot reorder the page.
      expect(await page().locator(".name-wall li bdi").count()).toBe(6);
      await page().locator(".map[data-map-ready=true] canvas").waitFor({ state: "attached" });
      const big = await lobby.locator(".bigcode").evaluate((el) => Number.parseFloat((globalThis as any).getComputedStyle(el).fontSize));
      expect(big).toBeGreaterThanOrEqual(0.08 * 1080); // as large as the round (it also has to fit the width beside the QR code)
      await projector.screenshot("stage-lobby");
      await checkStage("lobby");
    },
    STEP,
  );

  it(
    "diplomacy: the round and clock large, the join code in a corner, and \"X of Y teams ready\" as teams get ready",
    async () => {
      await send(teacher, "start");
      await expect.poll(() => page().locator(".stage-roundbox").innerText(), { timeout: 10_000 }).toMatch(/Round 1 of 2\s*·\s*diplomacy/);
      await expect.poll(() => page().locator(".stage-bar .clock").innerText()).toMatch(/^\d+:\d\d$/);
      // The join panel is now in the corner (late joiners are welcome).
      const corner = page().locator("aside.stage-join");
      await corner.locator(".bigcode").getByText(code).waitFor();
      await corner.getByRole("img", { name: qrName() }).waitFor();
      expect(await page().locator(".stage-main .bigcode").count()).toBe(0);

      // Three team seats, two students each; the bots' seats are not counted.
      const ready = page().locator(".ready-text");
      await expect.poll(() => ready.innerText()).toBe("0 of 3 teams ready");
      const room = await serverRoom(code);
      const byState = new Map<string, string[]>();
      for (const s of Object.values(room.session.students)) byState.set(s.state!, [...(byState.get(s.state!) ?? []), s.nickname]);
      expect([...byState.keys()]).toHaveLength(3);
      const [first, second] = [...byState.values()];
      await send(students.get(first![0]!)!, "ready", { ready: true });
      await expect.poll(() => ready.innerText()).toBe("1 of 3 teams ready");
      expect(await page().getByRole("progressbar", { name: "Teams ready" }).getAttribute("aria-valuenow")).toBe("1");
      await send(students.get(second![0]!)!, "ready", { ready: true });
      await expect.poll(() => ready.innerText()).toBe("2 of 3 teams ready");
      // And back: a team that is not ready after all.
      await send(students.get(second![1]!)!, "ready", { ready: false });
      await expect.poll(() => ready.innerText()).toBe("1 of 3 teams ready");
      // The bar is a third full (after its short transition).
      const fill = () => page().locator(".ready-fill").evaluate((el) => el.getBoundingClientRect().width / el.parentElement!.getBoundingClientRect().width);
      // Polled until the bar settles (it may be read mid-transition, on its way down from two thirds).
      await expect.poll(fill).toBeCloseTo(1 / 3, 1);

      await page().waitForTimeout(400); // the map's first frames
      await projector.screenshot("stage-diplomacy-dark");
      const m = await checkStage("diplomacy (dark)");
      expect(m.clock!.fontSize).toBeGreaterThanOrEqual(0.08 * 1080);
      expect(m.clock!.height).toBeGreaterThanOrEqual(0.08 * 1080);
    },
    STEP,
  );

  it(
    "the light theme: a visible toggle (and the T key), remembered in this browser, with AA contrast",
    async () => {
      const toggle = page().getByRole("button", { name: /Light theme/ });
      expect(await toggle.getAttribute("aria-pressed")).toBe("false");
      await toggle.click();
      expect(await page().evaluate(() => (globalThis as any).document.documentElement.dataset.theme)).toBe("light");
      expect(await toggle.getAttribute("aria-pressed")).toBe("true");
      expect(await page().evaluate(() => (globalThis as any).localStorage.getItem("entente:projectorTheme"))).toBe("light");
      const bg = await page().evaluate(() => (globalThis as any).getComputedStyle((globalThis as any).document.body).backgroundColor);
      expect(bg).toBe("rgb(255, 255, 255)");
      // The map, a canvas, is mounted again in its light colours (it kept its dark ones before).
      await page().locator(".map[data-map-theme=light][data-map-ready=true][data-map-geometry=loaded]").waitFor();
      expect(await page().locator(".map canvas").count()).toBe(1);
      await projector.screenshot("stage-diplomacy-light");
      await checkStage("diplomacy (light)");

      // Reloaded without ?theme: the light theme is remembered.
      await projector.goto(`/projector.html?code=${code}`);
      await page().locator(".ready-text").getByText(/teams ready/).waitFor();
      expect(await page().evaluate(() => (globalThis as any).document.documentElement.dataset.theme)).toBe("light");
      await page().locator(".map[data-map-theme=light]").waitFor();
      // The keyboard shortcut switches back, the map too.
      await page().keyboard.press("t");
      expect(await page().evaluate(() => (globalThis as any).document.documentElement.dataset.theme)).toBe("dark");
      await page().locator(".map[data-map-theme=dark][data-map-ready=true]").waitFor();
      await page().keyboard.press("t");
      expect(await page().evaluate(() => (globalThis as any).document.documentElement.dataset.theme)).toBe("light");
    },
    STEP,
  );

  it(
    "a late joiner gets a short line; a crisis and an announcement become large banners with their text",
    async () => {
      await join("Cleo");
      await waitStage(/Cleo joined /);
      await send(teacher, "crisis", { title: "Oil shock", text: "Oil prices triple overnight: every economy suffers." });
      const crisis = page().getByRole("region", { name: "Crisis" });
      await crisis.getByText("Oil shock").waitFor();
      await crisis.getByText(/Oil prices triple overnight/).waitFor();
      await projector.screenshot("stage-crisis-banner-light");
      await checkStage("crisis banner (light)");

      await send(teacher, "announce", { text: "Two minutes left: make your offers now." });
      const notice = page().getByRole("region", { name: "Announcement" });
      await notice.getByText("Two minutes left: make your offers now.").waitFor();
      await page().keyboard.press("t"); // back to the dark theme
      await projector.screenshot("stage-announcement-dark");
      await checkStage("announcement and crisis banners (dark)");

      // A projector reloaded mid-round (the teacher's laptop slept, a cable was pulled) still shows both.
      await page().reload();
      await page().getByRole("region", { name: "Crisis" }).getByText("Oil shock").waitFor();
      await page().getByRole("region", { name: "Announcement" }).getByText("Two minutes left: make your offers now.").waitFor();
    },
    STEP,
  );

  it(
    "review: one large card per event in turn (the alliance formed, the crisis), then the scores",
    async () => {
      const room = await serverRoom(code);
      const states = room.session.teams;
      const [a, b] = [states[0]!, states[1]!];
      const member = (state: string) => {
        const st = Object.values(room.session.students).find((s) => s.state === state && !s.removed);
        if (!st) throw new Error(`nobody plays ${state}: ${JSON.stringify(Object.values(room.session.students).map((s) => [s.nickname, s.state]))}`);
        return students.get(st.nickname)!;
      };
      await send(member(a), "offer", { to: b });
      await send(member(b), "accept", { from: a });
      await send(teacher, "advance"); // ends the diplomacy now: the round resolves
      await expect.poll(() => page().locator(".stage-roundbox").innerText(), { timeout: 10_000 }).toMatch(/Round 1 of 2\s*·\s*review/);
      const card = page().locator(".event-card");
      await expect.poll(() => page().locator(".card-count").innerText()).toMatch(/^Event 1 of \d+$/);
      const total = Number((await page().locator(".card-count").innerText()).match(/of (\d+)/)![1]);
      expect(total).toBeGreaterThanOrEqual(2);
      // Step through every card with the arrow key; the alliance and the crisis are among them.
      const seen: string[] = [];
      for (let i = 0; i < total; i++) {
        await expect.poll(() => page().locator(".card-count").innerText()).toBe(`Event ${i + 1} of ${total}`);
        seen.push(await card.innerText());
        if (i === 0) {
          // The card slides in; with reduced motion asked for, it does not.
          expect(await card.evaluate((el) => (globalThis as any).getComputedStyle(el).animationName)).toBe("card-in");
          await page().emulateMedia({ reducedMotion: "reduce" });
          expect(await card.evaluate((el) => (globalThis as any).getComputedStyle(el).animationName)).toBe("none");
          await projector.screenshot("stage-review-card");
          await checkStage("review, first card");
        }
        await page().keyboard.press("ArrowRight");
      }
      expect(seen.some((t) => /Alliance formed/.test(t) && t.includes(room.session.game.states.find((s) => s.id === a)!.name))).toBe(true);
      expect(seen.some((t) => /Crisis/.test(t) && /Oil shock/.test(t))).toBe(true);
      await page().locator(".scores-card").getByRole("heading", { name: "Scores after round 1" }).waitFor();
      await projector.screenshot("stage-review-scores");
      const rows = await page().locator(".score-list li").count();
      expect(rows).toBe(room.session.game.states.length);
      await checkStage("review, scores");
    },
    STEP,
  );

  it(
    "ended: a podium of the top three with the class's teams, and which theories fit the class",
    async () => {
      await send(teacher, "end");
      await expect.poll(() => page().locator(".stage-roundbox").innerText(), { timeout: 10_000 }).toMatch(/ended/);
      const podium = page().getByRole("list", { name: "Podium" });
      await podium.waitFor();
      const room = await serverRoom(code);
      const ranked = room.session.game.states
        .map((s) => ({ name: s.name, total: room.state.states.get(s.id)!.score }))
        .sort((x, y) => y.total - x.total);
      const steps = await podium.locator(".podium-name").allInnerTexts();
      expect(steps).toHaveLength(3);
      // The podium's totals are the three best public totals, best first.
      const totals = (await podium.locator(".podium-total").allInnerTexts()).map((t) => Number.parseFloat(t));
      expect(totals).toEqual(ranked.slice(0, 3).map((r) => Number(r.total.toFixed(1))));
      await page().getByRole("heading", { name: /Which theory fits the class's teams\?/ }).waitFor();
      expect(await page().locator(".fit-list li").count()).toBeGreaterThan(0);
      await expect.poll(() => page().locator(".verdict").innerText()).toMatch(/^Your teams' /);
      await page().waitForTimeout(300);
      await projector.screenshot("stage-ended-podium");
      await checkStage("ended, podium");
    },
    STEP,
  );

  it("logged no error and asked no other origin for anything", () => {
    expect(projector.problems).toEqual([]);
  });
});
