// Real Chromium for the end-to-end tests: Debian's /usr/bin/chromium driven by
// playwright-core (no bundled browser download). One browser, one context per
// person (own cookies, localStorage, sessionStorage), and on every page:
// console errors, page errors, failed requests and requests to another origin
// are collected; axe-core is evaluated from node_modules; screenshots go to
// test-results/screenshots/ (git-ignored).
//
// Environment: CHROMIUM_PATH (another Chromium than /usr/bin/chromium),
// E2E_DEBUG=1 (steps and timings on stdout), E2E_NO_MINIFY=1 (readable page
// errors), E2E_EXTRA_ARGS="--flag …" (more Chromium flags, e.g. --disable-3d-apis
// to try the map without WebGL).
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

const require = createRequire(import.meta.url);

export const ROOT = resolve(import.meta.dirname, "..", "..");
export const SCREENSHOTS = join(ROOT, "test-results", "screenshots");

/** Empties test-results/screenshots/ (so no picture of an older run is left to mislead). */
export function clearScreenshots(): void {
  rmSync(SCREENSHOTS, { recursive: true, force: true });
  mkdirSync(SCREENSHOTS, { recursive: true });
}

/** Chromium: CHROMIUM_PATH, else Debian's package (CI installs it with apt-get). */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const ARGS = [
  "--no-sandbox", // CI runs as root in a container
  "--disable-gpu", // WebGL still works (SwiftShader)
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking", // no calls home: the "other origin" check must see only the pages' own requests
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage", // small /dev/shm in containers
  ...(process.env.E2E_EXTRA_ARGS ? process.env.E2E_EXTRA_ARGS.split(" ") : []),
];

/** With E2E_DEBUG=1, timings on stdout. */
export function debug(text: string): void {
  if (process.env.E2E_DEBUG) console.log(`[e2e] ${text}`);
}

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`No Chromium at ${CHROMIUM}: install it (apt-get install chromium) or set CHROMIUM_PATH.`);
  }
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}

export const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 } as const;
export const DESKTOP = { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 } as const;
export const PROJECTOR = { viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 } as const;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

export interface Overflow {
  where: string;
  /** How many CSS px the page scrolls sideways (0: none). */
  page: number;
  elements: string[];
  /** Elements with the hidden attribute that are drawn anyway. */
  hiddenShown: string[];
}

export interface AxeResult {
  where: string;
  violations: AxeViolation[];
}

/** One person at one browser: their context, their page, and what went wrong on it. */
export class User {
  readonly problems: string[] = [];
  /** Requests that failed (kept apart: aborts caused by a navigation or a reload are normal). */
  readonly failedRequests: string[] = [];
  readonly axe: AxeResult[] = [];

  private constructor(
    readonly name: string,
    readonly context: BrowserContext,
    public page: Page,
    private readonly origin: string,
  ) {
    this.watch(page);
  }

  /** Collects console errors, page errors, failed requests and requests to other origins of one page. */
  private watch(page: Page): void {
    const origin = this.origin;
    const { host } = new URL(origin);
    page.on("console", (m) => {
      if (m.type() === "error") this.problems.push(`${this.name}: console error at ${page.url()}: ${m.text()} (${m.location().url}:${m.location().lineNumber})`);
    });
    page.on("pageerror", (e) => this.problems.push(`${this.name}: page error at ${page.url()}: ${e.message}\n      ${(e.stack ?? "").split("\n").slice(1, 4).join("\n      ")}`));
    page.on("request", (r) => {
      const url = r.url();
      if (url.startsWith("data:") || url.startsWith("blob:")) return;
      if (new URL(url).origin !== origin) this.problems.push(`${this.name}: request to another origin: ${url}`);
    });
    page.on("websocket", (ws) => {
      if (new URL(ws.url()).host !== host) this.problems.push(`${this.name}: WebSocket to another origin: ${ws.url()}`);
    });
    page.on("requestfailed", (r) => this.failedRequests.push(`${this.name}: ${r.method()} ${r.url()}: ${r.failure()?.errorText ?? "?"}`));
  }

  /** Closes this person's tab and opens a new one in the same browser profile (like closing and reopening a tab). */
  async reopenTab(): Promise<Page> {
    await this.page.close();
    this.page = await this.context.newPage();
    this.watch(this.page);
    return this.page;
  }

  static async open(browser: Browser, name: string, origin: string, options: Parameters<Browser["newContext"]>[0]): Promise<User> {
    const context = await browser.newContext({ ...options, baseURL: origin, locale: "en-US" });
    context.setDefaultTimeout(10_000);
    context.setDefaultNavigationTimeout(15_000);
    const page = await context.newPage();
    return new User(name, context, page, origin);
  }

  async goto(path: string): Promise<void> {
    await this.page.goto(path, { waitUntil: "load" });
  }

  /** A screenshot under test-results/screenshots/<name>.png (the viewport; the whole page with fullPage). */
  async screenshot(name: string, fullPage = false): Promise<string> {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const path = join(SCREENSHOTS, `${name}.png`);
    const t = Date.now();
    await this.page.screenshot({ path, fullPage, animations: "allow" });
    debug(`screenshot ${name}: ${Date.now() - t} ms`);
    return path;
  }

  /** A screenshot of one element (e.g. the map, to judge its labels at real size). */
  async screenshotOf(selector: string, name: string): Promise<string> {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const path = join(SCREENSHOTS, `${name}.png`);
    await this.page.locator(selector).first().screenshot({ path, animations: "allow" });
    return path;
  }

  /**
   * What is too wide on the page as it is now: the page itself (sideways scrolling), and every
   * element whose content is wider than its box (text or a table cut off, or scrolled sideways).
   */
  async overflows(where: string): Promise<Overflow> {
    const r = await this.page.evaluate(() => {
      const doc = (globalThis as any).document;
      const win = globalThis as any;
      const describe = (el: any) =>
        `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${typeof el.className === "string" && el.className ? `.${el.className.trim().split(/\s+/).join(".")}` : ""}`;
      const elements: string[] = [];
      for (const el of doc.querySelectorAll("body *")) {
        // Not counted: SVG, canvases, and what is hidden on purpose (visually-hidden text for screen readers).
        if (el.closest("svg, .visually-hidden") || el.tagName === "CANVAS" || el.clientWidth === 0) continue;
        const style = win.getComputedStyle(el);
        if (style.display === "inline" || style.visibility === "hidden") continue;
        const extra = el.scrollWidth - el.clientWidth;
        if (extra > 1) elements.push(`${describe(el)} is ${extra}px too narrow for its content (overflow-x: ${style.overflowX})`);
      }
      // An element with the hidden attribute that still takes room (a CSS display rule beat [hidden]).
      const hiddenShown: string[] = [];
      for (const el of doc.querySelectorAll("[hidden]")) {
        const box = el.getBoundingClientRect();
        if (box.width > 0 || box.height > 0) hiddenShown.push(`${describe(el)} has the hidden attribute but is drawn (${Math.round(box.width)}x${Math.round(box.height)}px, display: ${win.getComputedStyle(el).display})`);
      }
      return { page: doc.documentElement.scrollWidth - doc.documentElement.clientWidth, elements, hiddenShown };
    });
    return { where: `${this.name}: ${where}`, page: r.page, elements: r.elements, hiddenShown: r.hiddenShown };
  }

  /** Runs axe-core (all its default rules: WCAG 2.x A/AA and best practices) on the page as it is now. */
  async runAxe(where: string): Promise<AxeResult> {
    const t = Date.now();
    const loaded = await this.page.evaluate(() => typeof (globalThis as { axe?: unknown }).axe === "object");
    // Evaluated through the DevTools protocol: a <script> tag would be inline script, which the pages' CSP refuses.
    if (!loaded) await this.page.evaluate(readFileSync(require.resolve("axe-core/axe.min.js"), "utf8"));
    const violations = (await this.page.evaluate(async () => {
      const axe = (globalThis as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<any> } }).axe;
      const doc = (globalThis as unknown as { document: unknown }).document;
      const r = await axe.run(doc, { resultTypes: ["violations"] });
      return r.violations.map((v: any) => ({
        id: v.id,
        impact: v.impact ?? null,
        help: v.help,
        nodes: v.nodes.slice(0, 8).map((n: any) => `${n.target.join(" ")}${n.failureSummary ? ` — ${String(n.failureSummary).replace(/\s+/g, " ").slice(0, 200)}` : ""}`),
      }));
    })) as AxeViolation[];
    const result = { where: `${this.name}: ${where}`, violations };
    debug(`axe ${result.where}: ${Date.now() - t} ms`);
    this.axe.push(result);
    return result;
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => undefined);
  }
}

/** The serious and critical violations of some axe results, as readable lines. */
export function seriousViolations(results: AxeResult[]): string[] {
  return results.flatMap((r) =>
    r.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${r.where}: [${v.impact}] ${v.id}: ${v.help}\n    ${v.nodes.join("\n    ")}`),
  );
}

/** Every violation, for the log (minor and moderate ones are printed, not failed). */
export function formatViolations(results: AxeResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    if (r.violations.length === 0) {
      lines.push(`${r.where}: no violations`);
      continue;
    }
    for (const v of r.violations) lines.push(`${r.where}: [${v.impact}] ${v.id}: ${v.help}\n    ${v.nodes.join("\n    ")}`);
  }
  return lines.join("\n");
}
