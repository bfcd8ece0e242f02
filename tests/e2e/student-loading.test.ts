// The student's page over a slow school network and on a device whose clock
// is wrong: pages and assets come compressed (with their security and cache
// headers intact), every page says "Loading Entente…" until its code runs and
// a plain sentence when the code does not come, the page then works, and the
// countdown follows the server even when the device's date jumps ten minutes
// mid-round. How fast it loads is measured by `npm run bench`
// (server/cli/bench-client.ts), not here.
import { get } from "node:http";
import type { Browser, Route } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { joinTeacher, request, type Joined } from "../server/harness.js";
import { startServedClient, type ServedClient } from "../security/served.js";
import { launchBrowser, PHONE, seriousViolations, User } from "./browser.js";

let served: ServedClient;
let browser: Browser;
let code = "";
let teacherKey = "";
const users: User[] = [];

beforeAll(async () => {
  served = await startServedClient();
  browser = await launchBrowser();
  const game = await served.server.createGame({ scenario: "rival-shores", settings: { rounds: 2, teams: { mode: "count", value: 2 }, diplomacySeconds: 300 } });
  code = game.code;
  teacherKey = game.teacherKey;
}, 120_000);

afterAll(async () => {
  for (const u of users) await u.close();
  await browser.close();
  await served.stop();
}, 30_000);

async function open(name: string): Promise<User> {
  const user = await User.open(browser, name, served.server.url, PHONE);
  users.push(user);
  return user;
}

/** A GET with exactly these request headers (Node's fetch would add its own Accept-Encoding and decode the body). */
function rawGet(path: string, headers: Record<string, string>): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; bytes: number }> {
  return new Promise((resolve, reject) => {
    get(`${served.server.url}${path}`, { headers }, (res) => {
      let bytes = 0;
      res.on("data", (chunk: Buffer) => (bytes += chunk.length));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes }));
      res.on("error", reject);
    }).on("error", reject);
  });
}

/** The page's own scripts and styles (Vite's hashed files) that student.html names. */
async function studentAssets(): Promise<string[]> {
  const html = await (await fetch(`${served.server.url}/student.html`)).text();
  return [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
}

/** A student joins from the home page with the code and a nickname and lands on the student page. */
async function joinFromHome(user: User, nickname: string): Promise<void> {
  await user.goto("/");
  await user.page.fill("#code", code);
  await user.page.fill("#nickname", nickname);
  await user.page.getByRole("button", { name: "Join", exact: true }).click();
  await user.page.waitForURL(/\/student\.html\?code=/);
}

describe("pages and assets", () => {
  it("are sent compressed to a browser that accepts it, with the security and cache headers of uncompressed ones", async () => {
    const assets = await studentAssets();
    expect(assets.some((a) => a.endsWith(".js"))).toBe(true);
    expect(assets.some((a) => a.endsWith(".css"))).toBe(true);
    for (const path of ["/", "/student.html", "/teacher.html", ...assets]) {
      const plain = await rawGet(path, { "accept-encoding": "identity" });
      const br = await rawGet(path, { "accept-encoding": "gzip, deflate, br" });
      const gzip = await rawGet(path, { "accept-encoding": "gzip" });
      expect([plain.status, br.status, gzip.status], path).toEqual([200, 200, 200]);
      expect(plain.headers["content-encoding"], path).toBeUndefined();
      expect(br.headers["content-encoding"], path).toBe("br");
      expect(gzip.headers["content-encoding"], path).toBe("gzip");
      expect(br.bytes, path).toBeLessThan(plain.bytes);
      expect(gzip.bytes, path).toBeLessThan(plain.bytes);
      for (const r of [br, gzip]) {
        expect(String(r.headers.vary), path).toMatch(/accept-encoding/i);
        // The type is the file's, not the compressed file's.
        expect(String(r.headers["content-type"]).toLowerCase(), path).toBe(String(plain.headers["content-type"]).toLowerCase());
        // helmet's headers come with the compressed files too.
        expect(r.headers["content-security-policy"], path).toBe(plain.headers["content-security-policy"]);
        expect(r.headers["x-frame-options"], path).toBe("DENY");
        expect(r.headers["x-content-type-options"], path).toBe("nosniff");
        expect(r.headers["cache-control"], path).toBe(plain.headers["cache-control"]);
      }
      if (path.startsWith("/assets/")) expect(br.headers["cache-control"], path).toBe("public, max-age=31536000, immutable");
      else expect(br.headers["cache-control"], path).toBe("public, max-age=0");
    }
  });

  it("are compressed as the browser loads the student page, which says 'Loading Entente…' until its code runs", async () => {
    const user = await open("loading");
    const encodings = new Map<string, string>();
    user.page.on("response", (r) => {
      const { pathname } = new URL(r.url());
      if (/\.(?:html|js|css)$/.test(pathname)) encodings.set(pathname, r.headers()["content-encoding"] ?? "none");
    });
    // The scripts are held back, as on a slow network, until the indicator has been seen.
    let release: () => void = () => undefined;
    const released = new Promise<void>((resolve) => (release = resolve));
    await user.page.route("**/assets/*.js", async (route: Route) => {
      await released;
      await route.continue();
    });
    // As the home page leaves it after "Join" (the nickname for this code).
    await user.page.addInitScript(([c]) => (globalThis as any).sessionStorage.setItem(`entente:nickname:${c}`, "Lou"), [code]);
    await user.page.goto(`/student.html?code=${code}`, { waitUntil: "commit" });
    const indicator = user.page.locator(".page-loading");
    await indicator.waitFor({ state: "visible" });
    expect(await user.page.getByRole("status").filter({ hasText: "Loading Entente…" }).count()).toBe(1);
    await user.screenshot("student-loading-phone");
    const axe = await user.runAxe("the student page while its code loads");
    expect(seriousViolations([axe])).toEqual([]);
    release();
    // The page's code runs: the indicator goes, the student joins.
    await indicator.waitFor({ state: "hidden", timeout: 15_000 });
    expect(await user.page.locator("#app").evaluate((el) => el.childElementCount)).toBeGreaterThan(0);
    expect([...encodings.keys()].some((p) => p.endsWith(".js"))).toBe(true);
    for (const [path, encoding] of encodings) expect(encoding, path).toMatch(/^(br|gzip)$/);
  });

  it("say so in a plain sentence when the scripts cannot be loaded", async () => {
    const user = await open("no-scripts");
    await user.page.route("**/assets/*.js", (route) => route.abort("connectionfailed"));
    // CSS animations at 100x speed: the 20-second reveal comes at once (no test waits 20 s).
    const cdp = await user.context.newCDPSession(user.page);
    await cdp.send("Animation.enable");
    await cdp.send("Animation.setPlaybackRate", { playbackRate: 100 });
    await user.page.goto(`/student.html?code=${code}`, { waitUntil: "commit" });
    const slow = user.page.locator(".page-loading-slow");
    await expect.poll(() => slow.isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await slow.textContent()).toMatch(/reload the page/);
    await user.screenshot("student-scripts-failed-phone");
    user.failedRequests.length = 0; // the aborted scripts, on purpose
  });

  it("explain themselves without JavaScript", async () => {
    const context = await browser.newContext({ ...PHONE, baseURL: served.server.url, javaScriptEnabled: false });
    try {
      const page = await context.newPage();
      await page.goto("/student.html");
      await expect.poll(() => page.locator(".page-loading-noscript").isVisible()).toBe(true);
      expect(await page.locator(".page-loading-noscript").textContent()).toMatch(/needs JavaScript/);
    } finally {
      await context.close();
    }
  });
});

describe("the student's countdown", () => {
  let teacher: Joined;
  let student: User;

  it("works after loading: a student joins from the home page and sees the map", async () => {
    student = await open("ann");
    // The device's date can be moved by the test: Date.now() + globalThis.__shiftMs (0 to start with).
    await student.page.addInitScript(() => {
      const g = globalThis as unknown as { __shiftMs: number };
      g.__shiftMs = 0;
      const realNow = Date.now.bind(Date);
      Date.now = () => realNow() + g.__shiftMs;
    });
    await joinFromHome(student, "Ann");
    await student.page.locator("[data-map-ready=true] canvas").first().waitFor({ state: "attached", timeout: 15_000 });
    expect(Number(await student.page.locator("[data-map-ready=true]").first().getAttribute("data-map-states"))).toBeGreaterThan(0);
    await expect.poll(() => student.page.locator(".page-loading").isVisible()).toBe(false);
  });

  it("follows the server's clock when the device's date jumps ten minutes forward, then back", async () => {
    teacher = await joinTeacher(served.server.client(), code, teacherKey);
    const started = await request(teacher.room, teacher.inbox, "start");
    expect(started.ok, JSON.stringify(started.body)).toBe(true);
    const timer = student.page.getByRole("timer");
    await expect.poll(async () => (await timer.textContent()) ?? "", { timeout: 10_000 }).toMatch(/^\d+:\d\d$/);

    /** Seconds left on the page's countdown, and on the server's clock at the same moment. */
    const readBoth = async () => {
      const text = (await timer.textContent()) ?? "";
      const m = /^(\d+):(\d\d)$/.exec(text);
      expect(m, `the countdown shows "${text}"`).not.toBeNull();
      const shown = Number(m![1]) * 60 + Number(m![2]);
      const server = (teacher.state.deadline - served.server.clock.now()) / 1000;
      return { shown, server };
    };
    const before = await readBoth();
    expect(Math.abs(before.shown - before.server)).toBeLessThanOrEqual(2);

    for (const shiftMs of [10 * 60_000, -10 * 60_000]) {
      await student.page.evaluate((ms) => ((globalThis as unknown as { __shiftMs: number }).__shiftMs = ms), shiftMs);
      // Read a few times over more than one heartbeat (a ping every 5 s brings the server's time again).
      for (let i = 0; i < 7; i++) {
        const { shown, server } = await readBoth();
        expect(Math.abs(shown - server), `shift ${shiftMs / 60_000} min: the page shows ${shown} s, the server has ${server.toFixed(1)} s left`).toBeLessThanOrEqual(2);
        await student.page.waitForTimeout(1000);
      }
    }
    await student.screenshot("student-countdown-after-date-jump");
    teacher.room.removeAllListeners();
    await teacher.room.leave(true);
  }, 60_000);

  it("left no errors on the pages", () => {
    for (const u of users) expect(u.problems.filter((p) => !/ERR_CONNECTION_FAILED|Failed to load|net::/.test(p)), u.name).toEqual([]);
  });
});
