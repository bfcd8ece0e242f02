// The geographic map (issue 14) in real Chromium, on every built-in scenario:
// the student's page on a 360x740 phone (touch) and the projector at
// 1920x1080, plus a 768x1024 tablet and a 1366x768 Chromebook for one
// scenario. Each page waits for the map's geometry, is photographed
// (test-results/screenshots/map-geo-*.png) and checked: no two label chips
// overlap, none is cut off by the canvas's edges or lies under the zoom
// buttons, the canvas is not cut off by the page's edges, nothing scrolls
// sideways, and the own state's chip ("YOU · id") is shown. On the phone: a
// two-finger pinch zooms (touch through the DevTools protocol, which Playwright
// lacks for two fingers), one finger then pans, "Show the whole map" goes back,
// and a one-finger vertical swipe at the whole-map zoom scrolls the page instead
// of moving the map (one finger pans after "Zoom in" by button); a tap on a
// zoom button selects nothing under it, a tap on a disabled one reaches the
// marker below it (Rival Shores); a tap on a territory far from its marker and
// its label selects the state in the alliances panel. On the Chromebook: the wheel zooms
// about the pointer, a drag pans, the zoom buttons work from the keyboard, and
// axe-core finds nothing serious with the map zoomed in. Last, the geometry's
// address: compressed, cached for good, and 404 JSON for a key that names no map.
//
// The tests run in order and share the games.
import type { CDPSession, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { joinTeacher, request, type Joined } from "../server/harness.js";
import { ServedBrowser } from "../security/served.js";
import { formatViolations, PHONE, PROJECTOR, seriousViolations, type User } from "./browser.js";

const SCENARIOS = ["cold-war-1947", "europe-1936", "rival-shores", "europe-1914"] as const;
/** The scenario also seen on a tablet and a Chromebook, and whose phone page is used for the gestures. */
const MAIN = "europe-1914";
const TABLET = { viewport: { width: 768, height: 1024 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 } as const;
const CHROMEBOOK = { viewport: { width: 1366, height: 768 }, deviceScaleFactor: 1 } as const;
const MAP = "[data-map-ready=true]";

let sb: ServedBrowser;
const games = new Map<string, { code: string; teacherKey: string }>();
const teachers: Joined[] = [];
/** The scenario whose phone page is kept for the disabled zoom buttons: a marker lies under them there. */
const SMALL_PHONE = "rival-shores";
let smallPhone: User;
/** The phone and the Chromebook on MAIN's game. */
let phone: User;
let chromebook: User;

beforeAll(async () => {
  sb = await ServedBrowser.start();
  for (const scenario of SCENARIOS) {
    games.set(scenario, await sb.served.server.createGame({ scenario, settings: { rounds: 3, teams: { mode: "count", value: 4 }, diplomacySeconds: 600 } }));
  }
}, 120_000);

afterAll(async () => {
  for (const t of teachers) {
    t.room.removeAllListeners();
    await t.room.leave(true).catch(() => undefined);
  }
  await sb.stop();
}, 30_000);

async function joinAsStudent(user: User, code: string, nickname: string): Promise<void> {
  await user.goto(`/?code=${code}`);
  await user.page.getByLabel("Nickname").fill(nickname);
  await user.page.getByRole("button", { name: "Join", exact: true }).click();
  await user.page.waitForURL(/\/student\.html\?code=/);
  await waitForGeometry(user.page);
}

/** Scrolls the map's top to the top of the window (scrolled merely into view, its bottom can lie under the fixed bottom bar). */
async function showMap(page: Page): Promise<void> {
  await page.locator(MAP).first().evaluate((el: any) => el.scrollIntoView({ block: "start" }));
}

async function waitForGeometry(page: Page): Promise<void> {
  await page.locator(`${MAP}[data-map-geometry=loaded]`).first().waitFor({ state: "attached", timeout: 20_000 });
}

/** The teacher starts the game (the pages then show the first round). */
async function start(code: string, teacherKey: string): Promise<void> {
  const teacher = await joinTeacher(sb.served.server.client(), code, teacherKey);
  teachers.push(teacher);
  expect((await request(teacher.room, teacher.inbox, "start")).ok).toBe(true);
}

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}
interface Box extends Rect {
  id: string;
}
/** A DOMRect's fields the tests read (CSS px of the viewport). */
interface PageRect {
  left: number;
  top: number;
  right: number;
  width: number;
  height: number;
}
/** Frame (map units) -> screen (CSS px of the canvas): view-transform.ts. */
interface Transform {
  scale: number;
  offsetX: number;
  offsetY: number;
}

/** What the map shows now: label chips and the canvas's size (CSS px), the canvas and zoom buttons on the page, the own state's chip. */
const mapReport = (page: Page) =>
  page.locator(MAP).first().evaluate((el: any) => {
    const win = globalThis as any;
    const m = el.ententeMap;
    const canvas = el.querySelector("canvas").getBoundingClientRect();
    const zoomBox = el.querySelector(".map-zoom");
    const z = zoomBox && !zoomBox.hidden ? zoomBox.getBoundingClientRect() : null;
    const own: string | null = m.scene.view.own;
    const { boxes, width, height } = m.labelBoxes();
    return {
      boxes: boxes as Box[],
      width: width as number,
      height: height as number,
      canvas: { left: canvas.left as number, right: canvas.right as number, width: canvas.width as number },
      viewportWidth: win.document.documentElement.clientWidth as number,
      zoomButtons: z ? { x: z.left - canvas.left, y: z.top - canvas.top, width: z.width as number, height: z.height as number } : null,
      own,
      ownText: own ? (m.scene.sprites.get(own)?.idText.text as string) : null,
    };
  });

const intersects = (a: Box | Omit<Box, "id">, b: Box | Omit<Box, "id">, gap = 0) =>
  a.x < b.x + b.width + gap && b.x < a.x + a.width + gap && a.y < b.y + b.height + gap && b.y < a.y + a.height + gap;

/** Every problem of the labels and the canvas's placement, as readable lines (none: an empty list). */
function layoutProblems(r: Awaited<ReturnType<typeof mapReport>>): string[] {
  const problems: string[] = [];
  const show = (b: Box) => `${b.id} at ${Math.round(b.x)},${Math.round(b.y)} ${Math.round(b.width)}x${Math.round(b.height)}`;
  for (let i = 0; i < r.boxes.length; i++) {
    const a = r.boxes[i]!;
    for (const b of r.boxes.slice(i + 1)) if (intersects(a, b)) problems.push(`labels overlap: ${show(a)} and ${show(b)}`);
    if (a.x < 0 || a.y < 0 || a.x + a.width > r.width + 0.5 || a.y + a.height > r.height + 0.5) problems.push(`label clipped by the ${r.width}x${r.height} canvas: ${show(a)}`);
    if (r.zoomButtons && intersects(a, r.zoomButtons)) problems.push(`label under the zoom buttons (${JSON.stringify(r.zoomButtons)}): ${show(a)}`);
  }
  if (r.canvas.left < -0.5 || r.canvas.right > r.viewportWidth + 0.5) problems.push(`canvas ${r.canvas.left}..${r.canvas.right} cut off by the ${r.viewportWidth}px page`);
  return problems;
}

/** Screenshots of the page and of the map alone, then the layout checks. */
async function checkMap(user: User, name: string, withOwn: boolean): Promise<Awaited<ReturnType<typeof mapReport>>> {
  await showMap(user.page);
  // The labels are placed on the redraw after the geometry arrives; let the frame be drawn before the picture.
  await user.page.evaluate(() => new Promise((resolve) => (globalThis as any).requestAnimationFrame(() => (globalThis as any).requestAnimationFrame(resolve))));
  await user.screenshot(`map-geo-${name}`);
  await user.screenshotOf(MAP, `map-geo-${name}-map`);
  const r = await mapReport(user.page);
  expect(r.boxes.length, `${name}: no labels at all`).toBeGreaterThan(0);
  expect(layoutProblems(r), name).toEqual([]);
  const overflow = await user.overflows(name);
  expect(overflow.page, `${name}: the page scrolls sideways`).toBe(0);
  if (withOwn) {
    expect(r.own, `${name}: the student has no state`).not.toBeNull();
    expect(r.boxes.map((b) => b.id), `${name}: the own state's label is not shown`).toContain(r.own);
    expect(r.ownText).toContain("YOU");
  }
  return r;
}

const zoomOf = (page: Page) => page.locator(MAP).first().evaluate((el: any) => ({ ...el.ententeMap.scene.zoom }) as { k: number; x: number; y: number });

describe("every built-in scenario on a phone and the projector", () => {
  for (const scenario of SCENARIOS) {
    it(`${scenario}: labels clear of each other, of the edges and of the zoom buttons`, async () => {
      const game = games.get(scenario)!;
      const student = await sb.open(`ann-${scenario}`, PHONE);
      await joinAsStudent(student, game.code, "Ann");
      await start(game.code, game.teacherKey);
      await student.page.getByText(/Round 1 of 3/).first().waitFor();
      await checkMap(student, `${scenario}-phone`, true);

      const projector = await sb.open(`projector-${scenario}`, PROJECTOR);
      await projector.goto(`/projector.html?code=${game.code}`);
      await waitForGeometry(projector.page);
      await projector.page.getByText(/Round 1 of 3/).first().waitFor();
      const r = await checkMap(projector, `${scenario}-projector`, false);
      expect(r.zoomButtons, "the projector has no zoom buttons").toBeNull();
      expect(projector.problems).toEqual([]);
      await projector.close();

      if (scenario === MAIN) phone = student;
      else if (scenario === SMALL_PHONE) smallPhone = student;
      else {
        expect(student.problems).toEqual([]);
        await student.close();
      }
    }, 60_000);
  }

  it(`${MAIN}: on a tablet and a Chromebook too`, async () => {
    const game = games.get(MAIN)!;
    const tablet = await sb.open("tablet", TABLET);
    await joinAsStudent(tablet, game.code, "Tia");
    await checkMap(tablet, `${MAIN}-tablet`, true);
    expect(tablet.problems).toEqual([]);
    await tablet.close();
    chromebook = await sb.open("chromebook", CHROMEBOOK);
    await joinAsStudent(chromebook, game.code, "Ben");
    await checkMap(chromebook, `${MAIN}-chromebook`, true);
  }, 60_000);
});

/** One CDP touch event (points in CSS px of the viewport). */
async function touch(cdp: CDPSession, type: "touchStart" | "touchMove" | "touchEnd", points: [number, number][]): Promise<void> {
  await cdp.send("Input.dispatchTouchEvent", { type, touchPoints: points.map(([x, y], id) => ({ x, y, id })) });
}

/** Fingers moving in `steps` from their start to their end points, pressed before and lifted after. */
async function gesture(cdp: CDPSession, from: [number, number][], to: [number, number][], steps = 8): Promise<void> {
  await touch(cdp, "touchStart", from);
  for (let s = 1; s <= steps; s++) {
    const t = s / steps;
    await touch(cdp, "touchMove", from.map(([x, y], i) => [x + (to[i]![0] - x) * t, y + (to[i]![1] - y) * t]));
    // About one frame per step, as a finger moves (the browser tells a scroll from a tap by the movement).
    await new Promise((resolve) => setTimeout(resolve, 16));
  }
  await touch(cdp, "touchEnd", []);
}

/** The map area's centre in viewport px. */
async function mapCentre(page: Page): Promise<[number, number]> {
  return page.locator(MAP).first().evaluate((el: any) => {
    const c: PageRect = el.querySelector("canvas").getBoundingClientRect();
    const a: Rect = el.ententeMap.scene.mapRect;
    return [c.left + a.x + a.width / 2, c.top + a.y + a.height / 2] as [number, number];
  });
}

describe(`gestures on the phone (${MAIN})`, () => {
  let cdp: CDPSession;

  it("a two-finger pinch spreading the fingers zooms in", async () => {
    cdp = await phone.context.newCDPSession(phone.page);
    await showMap(phone.page);
    expect((await zoomOf(phone.page)).k).toBe(1);
    const [cx, cy] = await mapCentre(phone.page);
    await gesture(cdp, [[cx - 20, cy], [cx + 20, cy]], [[cx - 110, cy], [cx + 110, cy]]);
    await expect.poll(async () => (await zoomOf(phone.page)).k).toBeGreaterThan(1.5);
    await phone.screenshot(`map-geo-${MAIN}-phone-pinched`);
  });

  it("then one finger pans", async () => {
    const before = await zoomOf(phone.page);
    const [cx, cy] = await mapCentre(phone.page);
    await gesture(cdp, [[cx, cy]], [[cx + 40, cy + 30]]);
    const after = await zoomOf(phone.page);
    expect(after.k).toBeCloseTo(before.k, 6);
    expect(Math.hypot(after.x - before.x, after.y - before.y), `zoom ${JSON.stringify(before)} -> ${JSON.stringify(after)}`).toBeGreaterThan(10);
    // Zoomed in, the labels still keep clear of each other and of the buttons.
    expect(layoutProblems(await mapReport(phone.page))).toEqual([]);
  });

  it('"Show the whole map" goes back to the whole map, and its tap selects nothing under it', async () => {
    await phone.page.getByRole("button", { name: "Show the whole map" }).tap();
    expect(await zoomOf(phone.page)).toEqual({ k: 1, x: 0, y: 0 });
    expect(await phone.page.locator("li.relation.selected").count(), "a tap on the button selected the state under it").toBe(0);
    expect(await phone.page.locator(MAP).first().evaluate((el: any) => el.ententeMap.scene.view.selected)).toBeNull();
  });

  it("a one-finger vertical swipe at the whole-map zoom scrolls the page, not the map", async () => {
    const scrollBefore = await phone.page.evaluate(() => (globalThis as any).scrollY as number);
    expect(scrollBefore, "the page is not scrolled down to the map: nothing to scroll back").toBeGreaterThan(60);
    const [cx, cy] = await mapCentre(phone.page);
    await gesture(cdp, [[cx, cy - 60]], [[cx, cy + 60]]);
    await expect.poll(() => phone.page.evaluate(() => (globalThis as any).scrollY as number)).toBeLessThan(scrollBefore - 20);
    expect(await zoomOf(phone.page)).toEqual({ k: 1, x: 0, y: 0 });
    await showMap(phone.page);
  });

  it('"Zoom in" by button, then one finger pans the map instead of scrolling the page', async () => {
    await phone.page.getByRole("button", { name: "Zoom in" }).tap();
    const before = await zoomOf(phone.page);
    expect(before.k).toBeGreaterThan(1.1);
    const scrollBefore = await phone.page.evaluate(() => (globalThis as any).scrollY as number);
    const [cx, cy] = await mapCentre(phone.page);
    await gesture(cdp, [[cx, cy - 40]], [[cx, cy + 40]]);
    const after = await zoomOf(phone.page);
    expect(after.y - before.y, `zoom ${JSON.stringify(before)} -> ${JSON.stringify(after)}`).toBeGreaterThan(10);
    expect(await phone.page.evaluate(() => (globalThis as any).scrollY as number)).toBe(scrollBefore);
    // A finger lifts, then taps: Chromium drops a tap that comes within a few ms of the end of a touch gesture.
    await phone.page.waitForTimeout(400);
    await phone.page.getByRole("button", { name: "Show the whole map" }).tap();
    expect(await zoomOf(phone.page)).toEqual({ k: 1, x: 0, y: 0 });
  });

  it("a tap on a territory, away from its marker and its label, selects that state in the alliances panel", async () => {
    // A point of some other state's territory (not the own state: the panel lists the others) that the map
    // gives to that state, more than 30 px from every marker, clear of every label and of the zoom buttons.
    const found = await phone.page.locator(MAP).first().evaluate((el: any) => {
      const m = el.ententeMap;
      const scene = m.scene;
      const t: Transform = scene.layout.transform;
      const { boxes } = m.labelBoxes() as { boxes: Box[] };
      const zb: PageRect = el.querySelector(".map-zoom").getBoundingClientRect();
      const c: PageRect = el.querySelector("canvas").getBoundingClientRect();
      const zoomButtons = { x: zb.left - c.left - 8, y: zb.top - c.top - 8, width: zb.width + 16, height: zb.height + 16 };
      const inside = (b: Rect, x: number, y: number, pad: number) => x >= b.x - pad && x <= b.x + b.width + pad && y >= b.y - pad && y <= b.y + b.height + pad;
      const discs: { x: number; y: number; r: number }[] = [...scene.sprites.values()].map((sp: any) => sp.disc);
      let best: { id: string; x: number; y: number; clearance: number } | null = null;
      for (const [id, rings] of Object.entries(scene.geometry.territories as Record<string, number[][]>)) {
        if (id === scene.view.own || !scene.sprites.has(id)) continue;
        const ring = rings[0]!;
        let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
        for (let i = 0; i < ring.length; i += 2) {
          const sx = ring[i]! * t.scale + t.offsetX;
          const sy = ring[i + 1]! * t.scale + t.offsetY;
          [x0, y0, x1, y1] = [Math.min(x0, sx), Math.min(y0, sy), Math.max(x1, sx), Math.max(y1, sy)];
        }
        for (let x = Math.max(4, x0); x <= Math.min(scene.viewSize.width - 4, x1); x += 3) {
          for (let y = Math.max(4, y0); y <= Math.min(scene.viewSize.height - 4, y1); y += 3) {
            if (boxes.some((b) => inside(b, x, y, 6)) || inside(zoomButtons, x, y, 0)) continue;
            const clearance = Math.min(...discs.map((d) => Math.hypot(d.x - x, d.y - y) - d.r));
            const nearest = Math.min(...discs.map((d) => Math.hypot(d.x - x, d.y - y)));
            if (nearest <= 30 || scene.stateAt(x, y) !== id) continue;
            if (!best || clearance > best.clearance) best = { id, x, y, clearance };
          }
        }
      }
      return best ? { ...best, left: c.left, top: c.top } : null;
    });
    expect(found, "no point of a territory is clear of markers and labels").not.toBeNull();
    const { id, x, y, left, top } = found!;
    const row = phone.page.locator(`li.relation[data-state="${id}"]`);
    expect(await row.getAttribute("class")).not.toContain("selected");
    await phone.page.touchscreen.tap(left + x, top + y);
    await expect.poll(() => row.getAttribute("class")).toContain("selected");
    expect(await row.locator("button.state-name").getAttribute("aria-pressed")).toBe("true");
    expect(await phone.page.locator("li.relation.selected").count()).toBe(1);
    // The map marks the same state.
    expect(await phone.page.locator(MAP).first().evaluate((el: any) => el.ententeMap.scene.marks.selected)).toBe(id);
    await phone.screenshot(`map-geo-${MAIN}-phone-selected`);
    expect(phone.problems).toEqual([]);
  });
});

describe(`the zoom buttons on the phone (${SMALL_PHONE})`, () => {
  it("keeps the map out from under the zoom buttons: they sit in a band of their own beside the legend", async () => {
    const page = smallPhone.page;
    await showMap(page);
    const seen = await page.locator(MAP).first().evaluate((el: any) => {
      const scene = el.ententeMap.scene;
      const c: PageRect = el.querySelector("canvas").getBoundingClientRect();
      const box: PageRect = el.querySelector(".map-zoom").getBoundingClientRect();
      const area = scene.mapRect as Rect;
      const discs = [...scene.sprites.values()].map((sp: { id: string; disc: { y: number; r: number } }) => ({ id: sp.id, bottom: c.top + sp.disc.y + sp.disc.r }));
      return { areaBottom: c.top + area.y + area.height, buttonsTop: box.top, discs };
    });
    expect(seen.areaBottom).toBeLessThanOrEqual(seen.buttonsTop);
    for (const d of seen.discs) expect(d.bottom, d.id).toBeLessThanOrEqual(seen.buttonsTop);
    expect(smallPhone.problems).toEqual([]);
    await smallPhone.close();
  });
});

describe(`mouse and keyboard on the Chromebook (${MAIN})`, () => {
  it("the wheel zooms in about the pointer", async () => {
    const page = chromebook.page;
    await showMap(page);
    // A point a third of the way into the map area; the frame point under it must stay under it.
    const p = await page.locator(MAP).first().evaluate((el: any) => {
      const c: PageRect = el.querySelector("canvas").getBoundingClientRect();
      const a: Rect = el.ententeMap.scene.mapRect;
      const t: Transform = el.ententeMap.scene.layout.transform;
      const x = a.x + a.width / 3;
      const y = a.y + a.height / 3;
      return { x, y, left: c.left, top: c.top, frame: [(x - t.offsetX) / t.scale, (y - t.offsetY) / t.scale] as [number, number] };
    });
    expect((await zoomOf(page)).k).toBe(1);
    await page.mouse.move(p.left + p.x, p.top + p.y);
    await page.mouse.wheel(0, -100);
    await expect.poll(async () => (await zoomOf(page)).k).toBeGreaterThan(1.1);
    const now = await page.locator(MAP).first().evaluate((el: any, f: [number, number]) => {
      const t: Transform = el.ententeMap.scene.layout.transform;
      return [f[0] * t.scale + t.offsetX, f[1] * t.scale + t.offsetY] as [number, number];
    }, p.frame);
    expect(Math.abs(now[0] - p.x), `the point under the pointer moved to ${now.join(",")}`).toBeLessThan(1);
    expect(Math.abs(now[1] - p.y)).toBeLessThan(1);
  });

  it("a mouse drag pans", async () => {
    const page = chromebook.page;
    const before = await zoomOf(page);
    const [cx, cy] = await mapCentre(page);
    await page.mouse.move(cx, cy);
    await page.mouse.down();
    await page.mouse.move(cx + 30, cy + 20, { steps: 6 });
    await page.mouse.up();
    const after = await zoomOf(page);
    expect(after.k).toBe(before.k);
    expect(after.x - before.x).toBeCloseTo(30, 0);
    expect(after.y - before.y).toBeCloseTo(20, 0);
  });

  it("the zoom buttons have names and work from the keyboard", async () => {
    const page = chromebook.page;
    for (const name of ["Zoom in", "Zoom out", "Show the whole map"]) expect(await page.getByRole("button", { name, exact: true }).count()).toBe(1);
    await page.getByRole("group", { name: "Map zoom" }).waitFor();
    // Back to the whole map without the mouse, then from the top of the page with Tab only.
    await page.evaluate(() => (globalThis as any).document.activeElement?.blur());
    await page.getByRole("button", { name: "Show the whole map" }).focus();
    await page.keyboard.press("Enter");
    expect((await zoomOf(page)).k).toBe(1);
    await page.evaluate(() => (globalThis as any).document.activeElement?.blur());
    let presses = 0;
    for (; presses < 100; presses++) {
      await page.keyboard.press("Tab");
      if (await page.evaluate(() => (globalThis as any).document.activeElement?.getAttribute("aria-label") === "Zoom in")) break;
    }
    expect(presses, "Tab never reached the Zoom in button").toBeLessThan(100);
    await page.keyboard.press("Enter");
    const k1 = (await zoomOf(page)).k;
    expect(k1).toBeGreaterThan(1.1);
    await page.keyboard.press("Space");
    expect((await zoomOf(page)).k).toBeGreaterThan(k1 + 0.1);
    await showMap(page);
    await chromebook.screenshot(`map-geo-${MAIN}-chromebook-zoomed`);
    expect(layoutProblems(await mapReport(page))).toEqual([]);
  });

  it("axe finds nothing serious on the page with the map zoomed in", async () => {
    expect((await zoomOf(chromebook.page)).k).toBeGreaterThan(1.1);
    const axe = await chromebook.runAxe("student page, map zoomed in");
    console.log(formatViolations([axe]));
    expect(seriousViolations([axe])).toEqual([]);
    expect(chromebook.problems).toEqual([]);
  });
});

describe("the geometry's address", () => {
  it("answers compressed and cached for good; a key that names no map answers 404 JSON", async () => {
    const mapUrl = await chromebook.page.locator(MAP).first().evaluate((el: any) => el.ententeMap.scene.view.mapUrl as string);
    expect(mapUrl).toMatch(/^\/maps\/[0-9a-f]{16}\.json\?game=/);
    const url = `${sb.served.server.url}${mapUrl}`;
    const r = await fetch(url, { headers: { "accept-encoding": "br, gzip" } });
    expect(r.status).toBe(200);
    expect(["br", "gzip"]).toContain(r.headers.get("content-encoding"));
    expect(r.headers.get("cache-control")).toContain("immutable");
    const geometry = (await r.json()) as { scenarioId: string; territories: Record<string, unknown> };
    expect(geometry.scenarioId).toBe(MAIN);
    expect(Object.keys(geometry.territories).length).toBeGreaterThan(0);

    const code = games.get(MAIN)!.code;
    const missing = await fetch(`${sb.served.server.url}/maps/0123456789abcdef.json?game=${code}`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get("content-type")).toMatch(/application\/json/);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe("no-map");
  });
});
