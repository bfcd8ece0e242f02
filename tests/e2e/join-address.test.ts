// The join address a class can use: a teacher opens the console at
// `localhost` (as the README says), and the address shown and the QR code must
// lead students' devices to this machine over the network, never to
// `localhost`. The QR code is read back from a screenshot of the real page, as
// a phone's camera would read it off the projector, and the address it holds
// must answer over the network.
import { createRequire } from "node:module";
import { networkInterfaces } from "node:os";
import { PNG } from "pngjs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DESKTOP, launchBrowser, PROJECTOR, User } from "./browser.js";
import { startServedClient, type ServedClient } from "../security/served.js";

// jsqr is CommonJS (module.exports is the function): required, so that its type matches what runs.
const jsQR = createRequire(import.meta.url)("jsqr") as typeof import("jsqr").default;

let served: ServedClient;
let browser: Browser;
let teacher: User;
let code = "";
let teacherKey = "";

/** The machine's own non-loopback IPv4 addresses (what students' devices can reach). */
const ownAddresses = Object.values(networkInterfaces())
  .flat()
  .filter((a) => a && a.family === "IPv4" && !a.internal)
  .map((a) => a!.address);

beforeAll(async () => {
  // As `npm start` does: listening on every interface, so that the school network reaches it.
  served = await startServedClient({ hostname: "0.0.0.0" });
  browser = await launchBrowser();
  const game = await served.server.createGame({ scenario: "rival-shores", settings: { rounds: 3, teams: { mode: "count", value: 2 } } });
  code = game.code;
  teacherKey = game.teacherKey;
}, 120_000);

afterAll(async () => {
  // Each is unset when beforeAll failed part way.
  await (teacher as User | undefined)?.close();
  await (browser as Browser | undefined)?.close();
  await (served as ServedClient | undefined)?.stop();
}, 30_000);

/** Reads the QR code in a screenshot of `selector` on the user's page. */
async function readQr(user: User, selector: string): Promise<string | null> {
  const png = PNG.sync.read(await user.page.locator(selector).first().screenshot());
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}

describe("the join address", () => {
  it("needs a network to test: this machine has a non-loopback IPv4 address", () => {
    expect(ownAddresses.length, "no network interface besides loopback: the join address cannot be tested here").toBeGreaterThan(0);
  });

  it("is a network address of this machine when the console is opened at localhost, in the text and the QR code, and it answers", async () => {
    teacher = await User.open(browser, "teacher", `http://localhost:${served.server.port}`, DESKTOP);
    await teacher.page.addInitScript((key) => (globalThis as unknown as { localStorage: { setItem(k: string, v: string): void } }).localStorage.setItem("entente:teacherKey", key), teacherKey);
    await teacher.goto(`/teacher.html?code=${code}`);
    const shown = teacher.page.locator(".join-panel .join-address");
    await expect.poll(async () => shown.textContent(), { timeout: 15_000 }).not.toBe("…");
    const text = (await shown.textContent()) ?? "";
    expect(text).not.toMatch(/localhost|127\.0\.0\.1/);

    const decoded = await readQr(teacher, ".join-panel .qr-slot svg");
    expect(decoded, "the QR code could not be read").not.toBeNull();
    const url = new URL(decoded!);
    expect(url.hostname).not.toMatch(/^(localhost|127\.)/);
    expect(ownAddresses).toContain(url.hostname);
    expect(url.port).toBe(String(served.server.port));
    expect(url.searchParams.get("code")).toBe(code);
    expect(text).toBe(`${url.hostname}:${url.port}`);
    // The address reaches this server over the network, not only in name.
    const health = await fetch(`${url.origin}/api/health`);
    expect(health.status).toBe(200);
    await teacher.screenshot("join-address-console");
  });

  it("is the same on the projector opened from that console", async () => {
    const projector = await teacher.reopenTab();
    await projector.setViewportSize(PROJECTOR.viewport);
    await projector.goto(`http://localhost:${served.server.port}/projector.html?code=${code}`);
    const slot = projector.locator(".join-panel .qr-slot svg");
    await slot.waitFor({ timeout: 15_000 });
    const png = PNG.sync.read(await slot.screenshot());
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? "";
    expect(ownAddresses).toContain(new URL(decoded).hostname);
  });
});
