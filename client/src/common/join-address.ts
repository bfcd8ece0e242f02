// The address students type, and the QR code encodes: one their devices can
// reach. A teacher usually opens the console at `localhost`, which is this
// computer for every device, so the page asks the server for its
// school-network addresses (GET /api/join-address) and shows the best one, or
// the one the teacher picked (kept in this browser, so the projector tab shows
// the same). A page opened at a network address already has a reachable one.
import type { JoinAddressResponse } from "../../../shared/protocol/http.js";
import { api } from "./api.js";

/** Where this browser keeps the teacher's pick (localStorage). */
export const CHOICE_KEY = "entente:joinAddress";

export interface JoinAddress {
  /** The origin to show and encode ("http://192.168.1.20:2567"). */
  url: string;
  /** Every reachable origin the teacher may pick from (url and a label naming its network), best first. */
  choices: { url: string; label: string }[];
  /** Why students may not reach `url`, in words for the teacher; null when all is well. */
  warning: string | null;
}

/** Whether a host name means "this computer" (students' devices cannot use it). */
export function isLoopbackHost(host: string): boolean {
  const name = host.replace(/^\[|\]$/g, "").toLowerCase();
  return name === "localhost" || name.endsWith(".localhost") || name === "::1" || /^127\./.test(name);
}

/** The join address for this page (see the file's comment). Never fails: without an answer, the page's own origin with a warning. */
export async function loadJoinAddress(): Promise<JoinAddress> {
  const here = location.origin;
  const r = await api<JoinAddressResponse>("/api/join-address");
  if (!r.ok) {
    return { url: here, choices: [], warning: isLoopbackHost(location.hostname) ? "The server's network address could not be found: students cannot use a localhost address." : null };
  }
  const found = r.body;
  if (found.configured) return { url: found.addresses[0]!.url, choices: [], warning: null };
  const choices = isLoopbackHost(location.hostname) || found.addresses.some((a) => a.url === here) ? found.addresses : [{ url: here, label: `This page's address (${location.host})` }, ...found.addresses];
  if (choices.length === 0) {
    return {
      url: here,
      choices,
      warning: found.loopbackOnly
        ? "The server only accepts connections from this computer (HOSTNAME_BIND=127.0.0.1): students cannot join. Restart it without HOSTNAME_BIND."
        : "This computer has no network address: connect it to the school network (Wi-Fi or cable), then reload this page.",
    };
  }
  const picked = localStorage.getItem(CHOICE_KEY);
  const url = choices.find((c) => c.url === picked)?.url ?? (isLoopbackHost(location.hostname) ? choices[0]!.url : here);
  return { url, choices, warning: null };
}

/** Remembers the teacher's pick in this browser (the projector tab reads it too). */
export function chooseJoinAddress(url: string): void {
  localStorage.setItem(CHOICE_KEY, url);
}

/** The join link of game `code` at origin `origin`, as the QR code encodes it. */
export function joinLink(origin: string, code: string): string {
  return `${origin}/?code=${code}`;
}

/** What to print for the address: without "http://", which nobody needs to type. */
export function displayAddress(origin: string): string {
  return origin.replace(/^http:\/\//, "");
}
