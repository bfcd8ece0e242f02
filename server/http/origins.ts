// Which browser pages may talk to this server. A browser sends the page's
// origin (scheme://host[:port]) in the Origin header of every WebSocket upgrade
// and every cross-site or non-GET request; a page of another site must not get
// a seat, open a game connection or read an answer. Allowed: the server's own
// origins (the host the request came to, over http or https) and those listed
// in ALLOWED_ORIGINS. A request without an Origin header comes from no browser
// page (colyseus.js in Node, curl, a bot) and is allowed: the Origin check
// protects browsers' users, it is not an authentication.

/** An origin as browsers write it: scheme, host and port, lower case, no default port, no path. */
export type Origin = string;

/**
 * The origins of ALLOWED_ORIGINS: a comma-separated list such as
 * `https://games.school.example, http://10.0.12.34:2571`. Empty or unset: none.
 * Each entry is normalized (lower case, default port dropped, trailing slash dropped).
 *
 * @throws Error naming the entry when one is not an http(s) origin (no scheme, a path, a query, `*`…).
 */
export function parseAllowedOrigins(text: string | undefined): Origin[] {
  const entries = (text ?? "").split(",").map((s) => s.trim()).filter((s) => s.length > 0);
  return entries.map((entry) => {
    const origin = asOrigin(entry);
    if (origin === null) {
      throw new Error(`ALLOWED_ORIGINS: "${entry}" is not an origin: write it as scheme://host[:port], e.g. https://games.school.example or http://10.0.12.34:2571`);
    }
    return origin;
  });
}

/** The origin an entry names, or null when it is not exactly an http(s) origin. */
function asOrigin(text: string): Origin | null {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null;
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return null;
  if (url.username || url.password || url.search || url.hash || (url.pathname !== "/" && url.pathname !== "")) return null;
  if (!/^[a-z][a-z0-9+.-]*:\/\/[^/]+\/?$/i.test(text)) return null;
  return url.origin;
}

/**
 * Whether a request from a page of `originHeader` may use this server (matchmaking, WebSocket
 * upgrades, or any route that wants the same rule).
 *
 * @param originHeader the request's Origin header as received; `undefined` when the request has none.
 * @param hostHeader the request's Host header (the address the browser used to reach this server,
 *   `host[:port]`); `undefined` when missing, and then only `configured` origins match.
 * @param configured origins from {@link parseAllowedOrigins} (ALLOWED_ORIGINS), already normalized.
 * @returns true when there is no Origin header (not a browser page), when the Origin is
 *   `http://<Host>` or `https://<Host>` (default ports ignored, case ignored), or when it is one of
 *   `configured`; false for anything else, including `Origin: null` (sandboxed frames, files) and
 *   malformed values. Never throws.
 */
export function originAllowed(originHeader: string | undefined, hostHeader: string | undefined, configured: readonly Origin[]): boolean {
  if (originHeader === undefined) return true;
  const origin = asOrigin(originHeader);
  if (origin === null) return false;
  if (configured.includes(origin)) return true;
  if (!hostHeader) return false;
  return ownOrigins(hostHeader).includes(origin);
}

/** The http and https origins of the host a request came to (empty when the Host header is not a host[:port]). */
export function ownOrigins(hostHeader: string): Origin[] {
  if (!isHost(hostHeader)) return [];
  return ["http:", "https:"].flatMap((scheme) => {
    const origin = asOrigin(`${scheme}//${hostHeader}`);
    return origin === null ? [] : [origin];
  });
}

/** A Host header value that is a plain host name, IPv4 or [IPv6] address, with an optional port (nothing that could smuggle text into a header). */
export function isHost(value: string): boolean {
  return /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i.test(value);
}

/** The WebSocket origin (ws:// or wss://) of an http(s) origin. */
export function websocketOrigin(origin: Origin): string {
  return origin.replace(/^http/, "ws");
}
