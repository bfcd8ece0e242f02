// The map after its WebGL context is lost and given back (a phone short of
// memory, a Chromebook's GPU process restarting), in real Chromium with the
// WEBGL_lose_context extension: the map says "Map paused: redrawing…" while it
// is lost, and once restored it is drawn again with the game as it is now,
// without waiting for the next round.
import { PNG } from "pngjs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { joinTeacher, request } from "../server/harness.js";
import { startServedClient, type ServedClient } from "../security/served.js";
import { DESKTOP, launchBrowser, seriousViolations, User } from "./browser.js";

let served: ServedClient;
let browser: Browser;
let student: User;
let code = "";
let teacherKey = "";

beforeAll(async () => {
  served = await startServedClient();
  browser = await launchBrowser();
  const game = await served.server.createGame({ scenario: "rival-shores", settings: { rounds: 2, teams: { mode: "count", value: 2 }, diplomacySeconds: 300 } });
  code = game.code;
  teacherKey = game.teacherKey;
}, 120_000);

afterAll(async () => {
  await student.close();
  await browser.close();
  await served.stop();
}, 30_000);

const MAP = "[data-map-ready=true]";

/**
 * How many pixels of the map's canvas differ clearly from its background (the top-left pixel):
 * the discs, lines and labels. The notice in the middle is left out.
 */
async function drawnPixels(page: Page): Promise<number> {
  const png = PNG.sync.read(await page.locator(`${MAP} canvas`).first().screenshot());
  const at = (x: number, y: number) => (y * png.width + x) * 4;
  const bg = [png.data[0]!, png.data[1]!, png.data[2]!];
  let count = 0;
  for (let y = 0; y < png.height; y++) {
    for (let x = 0; x < png.width; x++) {
      if (Math.abs(x - png.width / 2) < png.width / 4 && Math.abs(y - png.height / 2) < png.height / 8) continue;
      const i = at(x, y);
      if (Math.abs(png.data[i]! - bg[0]!) + Math.abs(png.data[i + 1]! - bg[1]!) + Math.abs(png.data[i + 2]! - bg[2]!) > 60) count++;
    }
  }
  return count;
}

/**
 * Calls loseContext() or restoreContext() of the map canvas's WEBGL_lose_context extension; false if there is
 * none. The extension is kept from the loss (a lost context gives out no extension).
 */
async function context(page: Page, what: "loseContext" | "restoreContext"): Promise<boolean> {
  return page.locator(`${MAP} canvas`).first().evaluate((canvas: any, method) => {
    const g = globalThis as any;
    if (method === "loseContext") {
      const gl = canvas.getContext("webgl2") ?? canvas.getContext("webgl");
      g.__loseContext = gl?.getExtension("WEBGL_lose_context") ?? null;
    }
    if (!g.__loseContext) return false;
    g.__loseContext[method]();
    return true;
  }, what);
}

/** The map's handle on its parent (mount.ts): its renderer type and how often the scene redrew. */
const mapHandle = (page: Page) =>
  page.locator(MAP).first().evaluate((el: any) => ({ renderer: el.ententeMap?.game.renderer.type as number, redraws: el.ententeMap?.scene.redraws as number }));

describe("the map after a lost WebGL context", () => {
  it("is drawn on a student's page with WebGL", async () => {
    student = await User.open(browser, "ann", served.server.url, DESKTOP);
    // Headless Chromium's WebGL is software (SwiftShader), where the map would choose Canvas (renderer-choice.ts).
    await student.page.addInitScript({ content: `localStorage.setItem("entente:map-renderer", "webgl");` });
    await student.goto("/");
    await student.page.fill("#code", code);
    await student.page.fill("#nickname", "Ann");
    await student.page.getByRole("button", { name: "Join", exact: true }).click();
    await student.page.waitForURL(/\/student\.html\?code=/);
    await student.page.locator(`${MAP} canvas`).first().waitFor({ state: "attached", timeout: 15_000 });
    expect(Number(await student.page.locator(MAP).first().getAttribute("data-map-states"))).toBeGreaterThan(0);
    const { renderer } = await mapHandle(student.page);
    expect(renderer, "the map does not use WebGL here (Phaser.WEBGL is 2)").toBe(2);
    await expect.poll(() => drawnPixels(student.page), { timeout: 10_000 }).toBeGreaterThan(500);
  });

  it("says 'Map paused: redrawing…' while the context is lost", async () => {
    expect(await context(student.page, "loseContext")).toBe(true);
    const map = student.page.locator(MAP).first();
    await expect.poll(() => map.getAttribute("data-map-context")).toBe("lost");
    const notice = map.getByRole("status");
    expect(await notice.textContent()).toBe("Map paused: redrawing…");
    expect(await notice.isVisible()).toBe(true);
    await student.screenshot("map-context-lost-desktop");
    const axe = await student.runAxe("student page with the map paused");
    expect(seriousViolations([axe])).toEqual([]);
  });

  it("is drawn again once the context is restored, with the game as it is now", async () => {
    // The game moves on while the map is lost: the round starts (the student's page follows).
    const teacher = await joinTeacher(served.server.client(), code, teacherKey);
    expect((await request(teacher.room, teacher.inbox, "start")).ok).toBe(true);
    await expect.poll(async () => (await student.page.getByRole("timer").textContent()) ?? "", { timeout: 10_000 }).toMatch(/^\d+:\d\d$/);
    const redrawsBefore = (await mapHandle(student.page)).redraws;

    expect(await context(student.page, "restoreContext")).toBe(true);
    const map = student.page.locator(MAP).first();
    await expect.poll(() => map.getAttribute("data-map-context")).toBe("restored");
    expect(await map.getByRole("status").textContent()).toBe("");
    await expect.poll(() => drawnPixels(student.page), { timeout: 10_000 }).toBeGreaterThan(500);
    // Redrawn on the restore itself (nothing else changed the view meanwhile), not only at the next change.
    const redrawsAfter = (await mapHandle(student.page)).redraws;
    expect(redrawsAfter).toBeGreaterThan(redrawsBefore);
    await student.screenshot("map-context-restored-desktop");
    teacher.room.removeAllListeners();
    await teacher.room.leave(true);
  });

  it("left no errors on the page", () => {
    expect(student.problems).toEqual([]);
  });
});
