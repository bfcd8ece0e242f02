// Pages of a game that ended, after the server restarts under them, in real
// Chromium against a real server process: the finished game is not brought
// back (joining it gives 4212, and GET /api/games/:code says "finished"), so
// the pages must stop trying and say the game is over: the student's page shows
// her report card (her browser has her rejoin key), the console says so with
// the way to the debrief, also when it is opened again.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DESKTOP, launchBrowser, PHONE, User } from "../e2e/browser.js";
import { acked, joinVia, stopAllProcesses } from "../server/processes.js";
import { startPagesServer, type PagesServer } from "./pages-process.js";

let server: PagesServer;
let browser: Browser;
const users: User[] = [];

/** Bounded waits: generous for a slow machine (a server process takes a few seconds to start); they only keep a broken page from hanging the test. */
const WITHIN_MS = 45_000;

beforeAll(async () => {
  server = await startPagesServer();
  browser = await launchBrowser();
}, 120_000);

afterAll(async () => {
  for (const u of users) await u.close();
  await browser.close();
  await server.dispose();
  await stopAllProcesses();
}, 30_000);

async function open(name: string, options: Parameters<Browser["newContext"]>[0]): Promise<User> {
  const user = await User.open(browser, name, server.url, options);
  users.push(user);
  return user;
}

describe("a game that ended, after a restart", () => {
  it("the pages stop trying: the student sees her report card, the console says the game is over", async () => {
    const game = await server.process!.createGame({ scenario: "rival-shores", settings: { rounds: 3, teams: { mode: "count", value: 2 } } });
    const { code, teacherKey } = game;

    const teacher = await open("teacher", DESKTOP);
    await teacher.page.addInitScript((key) => (globalThis as any).localStorage.setItem("entente:teacherKey", key), teacherKey);
    await teacher.goto(`/teacher.html?code=${code}`);
    await teacher.page.getByRole("button", { name: "Start the game" }).waitFor();

    const student = await open("student", PHONE);
    await student.goto(`/?code=${code}`);
    await student.page.getByLabel("Nickname").fill("Ann");
    await student.page.getByRole("button", { name: "Join" }).click();
    await student.page.waitForURL(/\/student\.html\?code=/);
    await student.page.locator("header.topbar h1").getByText(/^Entente · /).waitFor();

    // The teacher plays a round and ends the game from another device.
    const direct = await joinVia(server.process!.wsUrl, code, { role: "teacher", teacherKey });
    await acked(direct, "start");
    await acked(direct, "end");
    await student.page.locator("header.topbar .pill").getByText(/game over/).waitFor();
    await direct.room.leave();

    // The laptop restarts the server: the finished game's room is gone for good.
    await server.stop("SIGTERM");
    await server.start();
    expect((await server.process!.api(`/api/games/${code}`)).body.status).toBe("finished");

    await student.page.locator("section.report-card").getByRole("heading", { name: /^Report card: / }).waitFor({ timeout: WITHIN_MS });
    expect(await student.page.getByText(/reconnecting/i).count()).toBe(0);
    await student.screenshot("reliability-student-card-after-restart");

    await teacher.page.getByRole("heading", { name: "This game is over" }).waitFor({ timeout: WITHIN_MS });
    await teacher.page.getByRole("link", { name: "Debrief report" }).waitFor();
    expect(await teacher.page.locator("header.topbar .status").textContent()).toBe("The game is over");
    await teacher.screenshot("reliability-console-over-after-restart");

    // Opened again, the console says the same at once (its first join gets 4212 too).
    await teacher.page.reload();
    await teacher.page.getByRole("heading", { name: "This game is over" }).waitFor({ timeout: WITHIN_MS });
  }, 180_000);
});
