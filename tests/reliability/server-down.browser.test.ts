// Pages while the server is down, in real Chromium against a real server
// process: a console opened while the server is stopped (its page served by a
// stand-in that answers 502 for the rest, then by nothing: refused
// connections) keeps trying, since these errors have no Colyseus code, and
// joins by itself once the server is back on the same port and data folder; a
// student page whose server crashes under it says it is reconnecting and comes
// back by itself when the server is started again.
import type { Browser } from "playwright-core";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { DESKTOP, launchBrowser, PHONE, User } from "../e2e/browser.js";
import { stopAllProcesses } from "../server/processes.js";
import { startPagesServer, startStandIn, type PagesServer } from "./pages-process.js";

let server: PagesServer;
let browser: Browser;
const users: User[] = [];
let code = "";
let teacherKey = "";

/** Bounded waits: generous for a slow machine (a server process takes a few seconds to start); they only keep a broken page from hanging the test. */
const WITHIN_MS = 45_000;
const TEST_MS = 150_000;

beforeAll(async () => {
  server = await startPagesServer();
  browser = await launchBrowser();
  const game = await server.process!.createGame({ scenario: "rival-shores", settings: { rounds: 3, teams: { mode: "count", value: 2 } } });
  code = game.code;
  teacherKey = game.teacherKey;
}, 120_000);

/** The stand-in, while it holds the port (closed by the test, or after it if it failed first). */
let standIn: { close(): Promise<void> } | null = null;
async function closeStandIn(): Promise<void> {
  const closing = standIn?.close();
  standIn = null;
  await closing;
}
afterEach(closeStandIn);

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

const statusOf = (user: User) => user.page.locator("header.topbar .status");

describe("the server is down", () => {
  it("a console opened while it is down keeps trying and joins once the server is back", async () => {
    await server.stop("SIGTERM");
    standIn = await startStandIn(server.port, server.clientDir);
    const teacher = await open("teacher", DESKTOP);
    await teacher.page.addInitScript((key) => (globalThis as any).localStorage.setItem("entente:teacherKey", key), teacherKey);
    await teacher.goto(`/teacher.html?code=${code}`);
    // Its join got 502 (no Colyseus code): it says so and keeps trying instead of giving up.
    await statusOf(teacher).getByText(/cannot be reached/i).waitFor({ timeout: WITHIN_MS });
    await teacher.screenshot("reliability-console-server-down");

    // Nothing on the port now: the next tries are refused outright, and it still keeps trying.
    const refused = teacher.page.waitForEvent("requestfailed", { predicate: (r) => r.url().includes("/matchmake/"), timeout: WITHIN_MS });
    await closeStandIn();
    await refused;
    expect(await teacher.page.getByText("Could not open the game").count()).toBe(0);

    await server.start();
    await statusOf(teacher).getByText("Connected", { exact: true }).waitFor({ timeout: WITHIN_MS });
    await teacher.page.locator("header.topbar .pill").getByText("Lobby", { exact: true }).waitFor();
    await teacher.page.getByRole("button", { name: "Start the game" }).waitFor();
    expect(await teacher.page.getByText("Could not open the game").count()).toBe(0);
  }, TEST_MS);

  it("a student page whose server crashes says so and comes back when it is started again", async () => {
    if (!server.process) await server.start();
    const student = await open("student", PHONE);
    await student.goto(`/?code=${code}`);
    await student.page.getByLabel("Nickname").fill("Ann");
    await student.page.getByRole("button", { name: "Join" }).click();
    await student.page.waitForURL(/\/student\.html\?code=/);
    // Her state in the title: the welcome (with her rejoin key) has arrived, not just the connection.
    await student.page.locator("header.topbar h1").getByText(/^Entente · /).waitFor({ timeout: WITHIN_MS });

    await server.stop("SIGKILL");
    await statusOf(student).getByText(/reconnecting|cannot be reached|offline/i).waitFor({ timeout: WITHIN_MS });

    await server.start();
    await statusOf(student).getByText("Connected", { exact: true }).waitFor({ timeout: WITHIN_MS });
    await student.page.locator("header.topbar h1").getByText(/^Entente · /).waitFor();
    // Back in the same seat: one Ann in the game.
    const students = await server.process!.api(`/api/games/${code}/report`, { teacherKey });
    expect(students.status).toBe(200);
    expect(students.body.states.flatMap((s: any) => s.team).filter((n: string) => n === "Ann")).toEqual(["Ann"]);
  }, TEST_MS);
});
