// Keys in URLs, against a real server and real Chromium: the student's
// personal rejoin link carries the key in the URL fragment, which browsers
// never send; following it (on "another device") brings the student back to
// their seat, stores the key and takes it out of the address bar, and no
// request the server receives carries it, in its URL or its Referer. An old
// link with ?key= still works once and is cleaned the same way. The report
// card is fetched with the key in a header (X-Rejoin-Key), and the server no
// longer takes it from the URL. The teacher key and the server passcode never
// appear in a URL either.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { joinTeacher, request, serverRoom } from "../server/harness.js";
import { DESKTOP, PHONE, User } from "../e2e/browser.js";
import { type SeenRequest, ServedBrowser, type ServedClient } from "./served.js";

const PASSCODE = "owl-lantern-42";

let served: ServedClient;
let session: ServedBrowser;
let code = "";
let teacherKey = "";
let rejoinKey = "";
/** The student's own first tab (the phone). */
let ann: User;

beforeAll(async () => {
  session = await ServedBrowser.start({ teacherPasscode: PASSCODE });
  served = session.served;
}, 120_000);

afterAll(async () => {
  await session.stop();
}, 30_000);

async function open(name: string, options: Parameters<Browser["newContext"]>[0]): Promise<User> {
  return session.open(name, options);
}

/** The requests (and upgrades) whose URL or Referer contains `secret`. */
function carrying(secret: string, requests: readonly SeenRequest[] = served.seen): SeenRequest[] {
  return requests.filter((r) => r.url.includes(secret) || (r.referer ?? "").includes(secret) || r.url.includes(encodeURIComponent(secret)));
}

const title = (page: Page) => page.locator("header.topbar h1");
const seats = (page: Page) => page.evaluate(() => JSON.parse((globalThis as any).localStorage.getItem("entente:seats") ?? "[]")) as Promise<{ code: string; nickname: string; rejoinKey: string }[]>;
const address = (page: Page) => page.evaluate(() => (globalThis as any).location.href as string);
const studentCount = async () => Object.keys((await serverRoom(code)).session.students).length;

describe("keys stay out of URLs", () => {
  it("the teacher creates a game with the passcode and opens the console: neither the key nor the passcode is in a URL", async () => {
    const teacher = await open("teacher", DESKTOP);
    const page = teacher.page;
    await teacher.goto("/teacher.html");
    await page.locator("#scenario option[value=rival-shores]").waitFor({ state: "attached" });
    await page.selectOption("#scenario", "rival-shores");
    await page.fill("#team-value", "1");
    await page.fill("#passcode", PASSCODE);
    await page.getByRole("button", { name: "Create the game" }).click();
    teacherKey = await page.locator("#new-key").inputValue();
    await page.getByRole("link", { name: "I saved it: open the game" }).click();
    await page.waitForURL(/\/teacher\.html\?code=[A-Z0-9]{6}$/);
    code = new URL(page.url()).searchParams.get("code")!;
    await page.getByRole("button", { name: "Start the game" }).waitFor();
    expect(teacherKey).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(carrying(teacherKey)).toEqual([]);
    expect(carrying(PASSCODE)).toEqual([]);
  });

  it("a student's rejoin link keeps the key in the fragment", async () => {
    ann = await open("ann-phone", PHONE);
    await ann.goto("/");
    await ann.page.fill("#code", code);
    await ann.page.fill("#nickname", "Ann");
    await ann.page.getByRole("button", { name: "Join", exact: true }).click();
    await expect.poll(() => title(ann.page).textContent()).toBe("Entente · Atlantia");
    const link = await ann.page.locator("#rejoin-link").inputValue();
    rejoinKey = (await seats(ann.page)).find((s) => s.code === code)?.rejoinKey ?? "";
    expect(rejoinKey).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(link).toBe(`${served.server.url}/student.html?code=${code}#key=${rejoinKey}`);
    expect(carrying(rejoinKey)).toEqual([]);
  });

  it("following the link on another device: back in the same seat, key stored, gone from the address bar, never sent", async () => {
    const before = served.seen.length;
    const laptop = await open("ann-laptop", DESKTOP);
    const referers: string[] = [];
    laptop.page.on("request", (r) => referers.push(`${r.url()} ${r.headers().referer ?? ""}`));
    await laptop.goto(`/student.html?code=${code}#key=${rejoinKey}`);
    await expect.poll(() => title(laptop.page).textContent()).toBe("Entente · Atlantia");
    await expect.poll(() => laptop.page.locator("#panel-decide").textContent()).toContain("You play Atlantia with: Ann.");
    expect(await studentCount()).toBe(1);
    expect(await address(laptop.page)).toBe(`${served.server.url}/student.html?code=${code}`);
    expect((await seats(laptop.page)).find((s) => s.code === code)).toMatchObject({ nickname: "Ann", rejoinKey });

    const after = served.seen.slice(before);
    expect(after.some((r) => r.url.startsWith("/matchmake/joinById/"))).toBe(true);
    expect(after.some((r) => r.kind === "upgrade")).toBe(true);
    expect(carrying(rejoinKey, after)).toEqual([]);
    expect(referers.filter((r) => r.includes(rejoinKey))).toEqual([]);

    // A reload comes back from what the page stored (the address has no key any more).
    await laptop.page.reload({ waitUntil: "load" });
    await expect.poll(() => title(laptop.page).textContent()).toBe("Entente · Atlantia");
    expect(await studentCount()).toBe(1);
    expect(carrying(rejoinKey)).toEqual([]);
  });

  it("an old link with ?key= still works once: the key is stored and taken out of the address bar", async () => {
    const before = served.seen.length;
    const tablet = await open("ann-tablet", DESKTOP);
    await tablet.goto(`/student.html?code=${code}&key=${rejoinKey}`);
    await expect.poll(() => title(tablet.page).textContent()).toBe("Entente · Atlantia");
    expect(await studentCount()).toBe(1);
    expect(await address(tablet.page)).toBe(`${served.server.url}/student.html?code=${code}`);
    expect((await seats(tablet.page)).find((s) => s.code === code)?.rejoinKey).toBe(rejoinKey);
    // The old link's own request line carries it (it was handed out that way); nothing after it does.
    const leaks = carrying(rejoinKey, served.seen.slice(before));
    expect(leaks.map((r) => r.url)).toEqual([`/student.html?code=${code}&key=${rejoinKey}`]);
  });

  it("the report card is fetched with the key in a header, and the server refuses it in the URL", async () => {
    const before = served.seen.length;
    const teacher = await joinTeacher(served.server.client(), code, teacherKey);
    expect((await request(teacher.room, teacher.inbox, "start")).ok).toBe(true);
    expect((await request(teacher.room, teacher.inbox, "end")).ok).toBe(true);
    await teacher.room.leave();

    // At the end, the student's page fetches the card by itself; the Results tab shows it.
    await ann.page.getByRole("tab", { name: "Results", exact: true }).click();
    await expect.poll(() => ann.page.locator("#panel-results .reflection").count(), { timeout: 20_000 }).toBe(1);
    const cards = served.seen.slice(before).filter((r) => r.url.startsWith(`/api/games/${code}/card`));
    // One per open page of Ann's (phone, laptop, tablet), each with the bare path.
    expect(cards.length).toBeGreaterThanOrEqual(1);
    expect(new Set(cards.map((r) => r.url))).toEqual(new Set([`/api/games/${code}/card`]));
    expect(carrying(rejoinKey)).toHaveLength(1); // only the old link's own request, above

    const api = served.server.api;
    expect((await api(`/api/games/${code}/card`, { headers: { "x-rejoin-key": rejoinKey } })).status).toBe(200);
    const inUrl = await api(`/api/games/${code}/card?key=${rejoinKey}`);
    expect(inUrl.status).toBe(400);
    expect(inUrl.body.error.code).toBe("key-in-url");
    expect((await api(`/api/games/${code}/card`, { headers: { "x-rejoin-key": "x".repeat(32) } })).status).toBe(404);
    expect((await api(`/api/games/${code}/card`)).status).toBe(404);
  });

  it("no page logged an error, and neither the teacher key nor the passcode was ever in a URL or Referer", () => {
    expect(session.users.flatMap((u) => u.problems)).toEqual([]);
    expect(carrying(teacherKey)).toEqual([]);
    expect(carrying(PASSCODE)).toEqual([]);
  });
});
