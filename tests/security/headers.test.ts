// Security headers, against a real server and real Chromium: every response
// carries a strict Content-Security-Policy (nothing from another origin, no
// inline or eval'd script, no framing), X-Frame-Options, nosniff and
// Referrer-Policy; every API response (reports, logs, CSVs, cards, the teacher
// key from POST /api/games) says Cache-Control: no-store; every page (home,
// teacher, projector with its QR code, student with the Phaser map, debrief)
// works under the policy with no violation and no console error; and a page
// of another origin cannot load the teacher console in a frame.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { joinStudent } from "../server/harness.js";
import { DESKTOP, PROJECTOR, User } from "../e2e/browser.js";
import { parseCsp, ServedBrowser, type ServedClient } from "./served.js";

let served: ServedClient;
let browser: Browser;
let session: ServedBrowser;
/** Every securitypolicyviolation event any page fired, with the page it fired on. */
const violations: string[] = [];

beforeAll(async () => {
  session = await ServedBrowser.start();
  ({ served, browser } = session);
}, 120_000);

afterAll(async () => {
  await session.stop();
}, 30_000);

const host = () => new URL(served.server.url).host;

/** A person at a browser whose pages report every CSP violation (an init script listens before any page script runs). */
async function open(name: string, options: Parameters<Browser["newContext"]>[0]): Promise<User> {
  const user = await session.open(name, options);
  await user.context.exposeBinding("reportCspViolation", ({ frame }, text: string) => {
    violations.push(`${name} at ${frame.url()}: ${text}`);
  });
  await user.context.addInitScript(() => {
    const g = globalThis as any;
    g.document.addEventListener("securitypolicyviolation", (e: any) => {
      void g.reportCspViolation(`${e.effectiveDirective} blocked ${e.blockedURI || "(inline)"} (${e.sourceFile ?? ""}:${e.lineNumber ?? ""})`);
    });
  });
  return user;
}

/** The sources a page of this server may use: itself, inline data it makes, and its own WebSocket. */
function allowedSource(source: string): boolean {
  return ["'self'", "'none'", "data:", "blob:", `ws://${host()}`, `wss://${host()}`].includes(source);
}

/** Asserts the headers every response must carry. */
function expectStrictHeaders(res: Response, what: string): void {
  const csp = parseCsp(res.headers.get("content-security-policy"));
  expect(csp.size, `${what}: no Content-Security-Policy`).toBeGreaterThan(0);
  expect(csp.get("default-src"), what).toEqual(["'self'"]);
  expect(csp.get("script-src"), what).toEqual(["'self'"]);
  expect(csp.get("script-src-attr"), what).toEqual(["'none'"]);
  expect(csp.get("style-src"), what).toEqual(["'self'"]);
  expect(csp.get("object-src"), what).toEqual(["'none'"]);
  expect(csp.get("base-uri"), what).toEqual(["'self'"]);
  expect(csp.get("form-action"), what).toEqual(["'self'"]);
  expect(csp.get("frame-ancestors"), what).toEqual(["'none'"]);
  expect(csp.get("connect-src"), what).toContain("'self'");
  expect(csp.get("img-src"), what).toContain("'self'");
  // Plain HTTP on a school network must keep working: no forced upgrade to https.
  expect(csp.has("upgrade-insecure-requests"), what).toBe(false);
  for (const [name, sources] of csp) {
    for (const source of sources) expect(allowedSource(source), `${what}: ${name} allows ${source}`).toBe(true);
  }
  expect(res.headers.get("x-frame-options"), what).toBe("DENY");
  expect(res.headers.get("x-content-type-options"), what).toBe("nosniff");
  expect(res.headers.get("referrer-policy"), what).toBe("no-referrer");
}

describe("headers", () => {
  it("every page, asset and API response carries the strict policy and its companions", async () => {
    const paths = ["/", "/index.html", "/student.html?code=ABCDEF", "/teacher.html", "/projector.html?code=ABCDEF", "/report.html?code=ABCDEF", "/favicon.svg", "/api/health", "/api/scenarios", "/api/nothing-here", "/no-such-page"];
    const page = await (await fetch(`${served.server.url}/student.html`)).text();
    const asset = /src="(\/assets\/[^"]+\.js)"/.exec(page)?.[1];
    expect(asset).toBeDefined();
    for (const path of [...paths, asset!]) {
      const res = await fetch(served.server.url + path);
      expectStrictHeaders(res, `GET ${path}`);
    }
  });

  it("responses that carry a secret or a student's data are never stored by a browser or a proxy", async () => {
    const { url } = served.server;
    const created = await fetch(`${url}/api/games`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ scenario: "rival-shores", settings: { teams: { mode: "count", value: 1 } } }),
    });
    expect(created.status).toBe(201);
    expect(created.headers.get("cache-control")).toBe("no-store");
    const game = (await created.json()) as { code: string; teacherKey: string };
    const student = await joinStudent(served.server.client(), game.code, "Ann");
    const rejoinKey = student.welcome.rejoinKey as string;
    await student.room.leave();

    const teacher = { authorization: `Bearer ${game.teacherKey}` };
    const secret: [string, Record<string, string>][] = [
      ["/api/teacher/games", teacher],
      [`/api/games/${game.code}/report`, teacher],
      [`/api/games/${game.code}/debrief?revealChat=1`, teacher],
      [`/api/games/${game.code}/counterfactuals`, teacher],
      [`/api/games/${game.code}/export/rounds.csv`, teacher],
      [`/api/games/${game.code}/export/events.csv`, teacher],
      [`/api/games/${game.code}/export/chat.csv?revealChat=1`, teacher],
      [`/api/games/${game.code}/log.json`, teacher],
      [`/api/games/${game.code}/card`, { "x-rejoin-key": rejoinKey }],
    ];
    for (const [path, headers] of secret) {
      const res = await fetch(url + path, { headers });
      expect(res.status, `GET ${path}`).toBe(200);
      expect(res.headers.get("cache-control"), `GET ${path}`).toBe("no-store");
      expectStrictHeaders(res, `GET ${path}`);
    }
  });

  it(
    "every page works under the policy: setup, console and projector with the map and QR code, a student's map, the debrief",
    async () => {
      const teacher = await open("teacher", DESKTOP);
      const page = teacher.page;
      await teacher.goto("/teacher.html");
      await page.locator("#scenario option[value=rival-shores]").waitFor({ state: "attached" });
      await page.selectOption("#scenario", "rival-shores");
      await page.fill("#rounds", "1");
      await page.fill("#minutes", "3");
      await page.fill("#team-value", "1");
      await page.getByRole("button", { name: "Create the game" }).click();
      await page.locator("#new-key").waitFor();
      await page.getByRole("link", { name: "I saved it: open the game" }).click();
      await page.waitForURL(/\/teacher\.html\?code=[A-Z0-9]{6}$/);
      const code = new URL(page.url()).searchParams.get("code")!;
      await page.getByRole("button", { name: "Start the game" }).waitFor();
      await page.locator(".map[data-map-ready=true] canvas").waitFor({ state: "attached" });

      const projector = await open("projector", PROJECTOR);
      await projector.goto(`/projector.html?code=${code}`);
      await projector.page.getByRole("img", { name: `QR code to join game ${code}` }).waitFor();
      await projector.page.locator(".map[data-map-ready=true] canvas").waitFor({ state: "attached" });

      const student = await open("student", DESKTOP);
      await student.goto("/");
      await student.page.fill("#code", code);
      await student.page.fill("#nickname", "Ann");
      await student.page.getByRole("button", { name: "Join", exact: true }).click();
      await student.page.waitForURL(/\/student\.html\?code=/);
      await expect.poll(() => student.page.locator("header.topbar h1").textContent()).toMatch(/^Entente · \w+/);

      await page.getByRole("button", { name: "Start the game" }).click();
      await expect.poll(() => student.page.locator("header.topbar .pill").first().textContent()).toBe("Round 1 of 1 · diplomacy");
      await student.page.locator(".map[data-map-ready=true] canvas").waitFor({ state: "attached" });
      await page.getByRole("button", { name: "End the round now" }).click();
      await page.getByRole("dialog", { name: "End the round now?" }).getByRole("button", { name: "End the round now" }).click();
      await page.getByRole("button", { name: "Finish the game" }).click();
      await student.page.getByRole("tab", { name: "Results", exact: true }).click();
      await expect.poll(() => student.page.locator("#panel-results .reflection").count(), { timeout: 20_000 }).toBe(1);

      await teacher.goto(`/report.html?code=${code}`);
      await page.waitForSelector("[data-report-ready='true']", { timeout: 30_000 });

      expect(violations).toEqual([]);
      expect(session.users.flatMap((u) => u.problems)).toEqual([]);
    },
    120_000,
  );

  it("a page of another origin cannot show the teacher console in a frame", async () => {
    const { url } = served.server;
    const game = await served.server.createGame({ scenario: "rival-shores" });
    // The decoy: another origin on this machine (another port), as a student's laptop on the school network would be.
    const decoy = createServer((_req, res) => {
      res.setHeader("content-type", "text/html");
      res.end(`<!doctype html><title>Win a prize</title><iframe id="f" src="${url}/teacher.html?code=${game.code}" style="opacity:0"></iframe>`);
    });
    await new Promise<void>((resolve) => decoy.listen(0, "127.0.0.1", resolve));
    const decoyUrl = `http://127.0.0.1:${(decoy.address() as AddressInfo).port}/`;
    const context = await browser.newContext();
    try {
      // The teacher's browser holds the key, as the console stores it.
      const page = await context.newPage();
      await page.goto(`${url}/`);
      await page.evaluate((key) => (globalThis as any).localStorage.setItem("entente:teacherKey", key), game.teacherKey);
      const before = served.seen.length;
      await page.goto(decoyUrl, { waitUntil: "load" });
      // The decoy's load event waits for its frame: by then the frame holds the console page, or the browser's error page.
      expect(served.seen.slice(before).some((r) => r.url.startsWith("/teacher.html"))).toBe(true);
      const frame = page.frames().find((f) => f !== page.mainFrame());
      expect(frame).toBeDefined();
      expect(frame!.url()).not.toContain("/teacher.html");
      const consoleDocument = await frame!.evaluate(() => (globalThis as any).document.getElementById("app") !== null).catch(() => false);
      expect(consoleDocument).toBe(false);
    } finally {
      await context.close();
      decoy.close();
    }
  });
});
