// The teacher's defences, as a teacher and students use them in real Chromium:
// a student who comes back on a new device with only her nickname waits on her
// page until the teacher lets her in from the console (and gets her seat back);
// an impostor the teacher refuses stays out; the teacher closes the game to new
// players and removes several made-up players at once. Keyboard and screen
// reader names are used to find the controls, as a teacher would.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { joinStudent, serverRoom, until } from "../server/harness.js";
import { DESKTOP, PHONE, User } from "../e2e/browser.js";
import { ServedBrowser, type ServedClient } from "./served.js";

let served: ServedClient;
let session: ServedBrowser;
let code = "";
let teacher: User;

beforeAll(async () => {
  session = await ServedBrowser.start();
  served = session.served;
  const game = await served.server.createGame({ scenario: "rival-shores", settings: { rounds: 3, teams: { mode: "count", value: 2 }, emptySeats: "balance-of-threat", diplomacySeconds: 300 } });
  code = game.code;
  teacher = await open("teacher", DESKTOP);
  await teacher.page.addInitScript((key) => (globalThis as any).localStorage.setItem("entente:teacherKey", key), game.teacherKey);
  await teacher.goto(`/teacher.html?code=${code}`);
  await teacher.page.getByRole("button", { name: "Start the game" }).waitFor();
}, 120_000);

afterAll(async () => {
  await session.stop();
}, 30_000);

async function open(name: string, options: Parameters<Browser["newContext"]>[0]): Promise<User> {
  return session.open(name, options);
}

/** A student typing the code and a nickname on the home page. */
async function joinFromHome(user: User, nickname: string): Promise<void> {
  await user.goto(`/?code=${code}`);
  await user.page.getByLabel("Nickname").fill(nickname);
  await user.page.getByRole("button", { name: "Join" }).click();
  await user.page.waitForURL(/\/student\.html\?code=/);
}

describe("coming back on a new device", () => {
  it("waits for the teacher, who lets her in from the console; she is back in her seat", async () => {
    const phone = await open("maya-phone", PHONE);
    await joinFromHome(phone, "Maya");
    await phone.page.locator("header.topbar h1").getByText(/Entente · /).waitFor();
    const mayaId = Object.values((await serverRoom(code)).session.students).find((s) => s.nickname === "Maya")!.id;
    await phone.close(); // the phone's battery dies

    const laptop = await open("maya-laptop", DESKTOP);
    await joinFromHome(laptop, "maya");
    const waiting = laptop.page.locator(".waiting");
    await waiting.getByText(/your teacher can let you back in/).waitFor();
    await laptop.screenshot("security-waiting-for-teacher");

    await teacher.page.getByRole("heading", { name: /Asking to come back \(1\)/ }).waitFor();
    await teacher.screenshot("security-console-request");
    await teacher.page.getByRole("button", { name: "Let Maya in" }).click();

    // Her page opens by itself, in her seat.
    await waiting.waitFor({ state: "hidden", timeout: 15_000 });
    await laptop.page.locator("header.topbar h1").getByText(/Entente · /).waitFor();
    const room = await serverRoom(code);
    expect(Object.values(room.session.students).filter((s) => s.nickname === "Maya")).toHaveLength(1);
    await until(() => room.clients.some((c) => (c.userData as { actor?: { studentId?: string } } | undefined)?.actor?.studentId === mayaId), 5000, "Maya connected");
    // The new device keeps the new key: a reload brings her straight back.
    await laptop.page.reload();
    await laptop.page.locator("header.topbar h1").getByText(/Entente · /).waitFor();
    expect(await laptop.page.locator(".waiting").isHidden()).toBe(true);
    expect(laptop.problems).toEqual([]);
  });

  it("an impostor the teacher refuses is told so and stays out", async () => {
    await joinStudent(served.server.client(), code, "Omar");
    const omar = Object.values((await serverRoom(code)).session.students).find((s) => s.nickname === "Omar")!;
    const room = await serverRoom(code);
    const omarsClient = room.clients.find((c) => (c.userData as { actor?: { studentId?: string } }).actor?.studentId === omar.id)!;
    omarsClient.leave(4000);
    await until(() => !room.clients.some((c) => (c.userData as { actor?: { studentId?: string } }).actor?.studentId === omar.id), 5000, "Omar away");

    const impostor = await open("impostor", PHONE);
    await joinFromHome(impostor, "OMAR");
    await impostor.page.locator(".waiting").getByText(/your teacher can let you back in/).waitFor();
    teacher.page.once("dialog", (d) => void d.accept());
    await teacher.page.getByRole("button", { name: "Refuse OMAR" }).or(teacher.page.getByRole("button", { name: "Refuse Omar" })).click();
    await impostor.page.getByRole("alert").getByText(/did not let you in/).waitFor({ timeout: 15_000 });
    expect(room.clients.some((c) => (c.userData as { actor?: { studentId?: string } }).actor?.studentId === omar.id)).toBe(false);
  });
});

describe("a flood of made-up players", () => {
  it("the teacher closes the game to new players and removes the ticked ones at once", async () => {
    for (let i = 1; i <= 4; i++) await joinStudent(served.server.client(), code, `fake${i}`);
    const page = teacher.page;
    await page.getByRole("button", { name: "Close to new players" }).click();
    await page.getByText("Closed to new players", { exact: true }).waitFor();
    const late = await open("latecomer", PHONE);
    await joinFromHome(late, "Latecomer");
    await late.page.getByRole("alert").getByText(/closed this game to new players/).waitFor();

    for (let i = 1; i <= 4; i++) await page.getByRole("checkbox", { name: `Select fake${i}` }).check();
    await page.getByRole("button", { name: "Remove selected (4)" }).waitFor();
    page.once("dialog", (d) => void d.accept());
    await page.getByRole("button", { name: "Remove selected (4)" }).click();
    const room = await serverRoom(code);
    await until(() => Object.values(room.session.students).filter((s) => s.nickname.startsWith("fake") && !s.removed).length === 0, 5000, "the fakes removed");
    await teacher.screenshot("security-console-after-removal");
    await page.getByRole("button", { name: "Open to new players" }).click();
    await page.getByText("Open to new players", { exact: true }).waitFor();
    expect(teacher.problems).toEqual([]);
  });
});
