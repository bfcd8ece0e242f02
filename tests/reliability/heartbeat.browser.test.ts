// A console that thinks it is connected: the teacher closes the laptop's lid,
// the Wi-Fi path dies without a word to either end, and the browser's
// WebSocket stays "open". A TCP proxy of the test's own (freezing-proxy.ts)
// sits between real Chromium and the real server and freezes like that path.
// The console must notice by its heartbeat, say it is reconnecting, and once
// the path is back come back by itself with the game as it is now (the round
// moved on while it was away).
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { joinTeacher, request, type Joined } from "../server/harness.js";
import { DESKTOP, launchBrowser, User } from "../e2e/browser.js";
import { startServedClient, type ServedClient } from "../security/served.js";
import { FreezingProxy } from "./freezing-proxy.js";

let served: ServedClient;
let proxy: FreezingProxy;
let browser: Browser;
let teacher: User;
/** The teacher's second device, straight to the server (not through the proxy). */
let direct: Joined;
let code = "";

/** Bounded waits: long enough for a slow machine, only there so that a broken page fails instead of hanging. */
const NOTICE_WITHIN_MS = 20_000;
const BACK_WITHIN_MS = 40_000;

beforeAll(async () => {
  served = await startServedClient();
  proxy = await FreezingProxy.start(served.server.port);
  browser = await launchBrowser();
  const game = await served.server.createGame({ scenario: "rival-shores", settings: { rounds: 3, teams: { mode: "count", value: 2 }, diplomacySeconds: 600 } });
  code = game.code;
  direct = await joinTeacher(served.server.client(), code, game.teacherKey);
  teacher = await User.open(browser, "teacher", proxy.url, DESKTOP);
  await teacher.page.addInitScript((key) => (globalThis as any).localStorage.setItem("entente:teacherKey", key), game.teacherKey);
}, 120_000);

afterAll(async () => {
  await direct.room.leave().catch(() => undefined);
  await teacher.close();
  await browser.close();
  await proxy.close();
  await served.stop();
}, 30_000);

const status = () => teacher.page.locator("header.topbar .status");
const roundPill = () => teacher.page.locator("header.topbar .pill").first();

async function advance(): Promise<void> {
  const reply = await request(direct.room, direct.inbox, "advance");
  if (!reply.ok) throw new Error(`advance was refused: ${JSON.stringify(reply.body)}`);
}

describe("a dead network path under an open console", () => {
  it("is noticed by the heartbeat, shown, and the console comes back with the current round", async () => {
    await teacher.goto(`/teacher.html?code=${code}`);
    await status().getByText("Connected", { exact: true }).waitFor();
    const started = await request(direct.room, direct.inbox, "start");
    expect(started.ok).toBe(true);
    await roundPill().getByText("Round 1 of 3 · diplomacy").waitFor();

    proxy.freeze();
    await status().getByText(/reconnecting/i).waitFor({ timeout: NOTICE_WITHIN_MS });
    expect(await status().textContent()).not.toBe("Connected");
    await teacher.screenshot("reliability-console-frozen");

    // The class goes on without this console: review, then round 2.
    await advance();
    await advance();

    proxy.thaw();
    await status().getByText("Connected", { exact: true }).waitFor({ timeout: BACK_WITHIN_MS });
    await roundPill().getByText("Round 2 of 3 · diplomacy").waitFor({ timeout: 10_000 });
    await teacher.screenshot("reliability-console-back");
    expect(teacher.problems.filter((p) => !/ERR_CONNECTION|ERR_EMPTY_RESPONSE|WebSocket/.test(p))).toEqual([]);
  });
});
