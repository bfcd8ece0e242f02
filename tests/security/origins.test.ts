// Origins, against a real server: a page of another site (Origin:
// http://evil.example) gets neither a seat from /matchmake nor a game
// connection (HTTP 403 on both), and no answer ever names it in
// Access-Control-Allow-Origin; the server's own origin, an origin listed in
// ALLOWED_ORIGINS, and clients that send no Origin (colyseus.js in Node, curl)
// work. Plus the contract of the predicate other routes reuse.
import { request as httpRequest, type IncomingHttpHeaders } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { configFromEnv } from "../../server/config.js";
import { originAllowed, parseAllowedOrigins } from "../../server/http/origins.js";
import { joinProjector, startTestServer, type TestServer } from "../server/harness.js";

const EVIL = "http://evil.example";
const CONFIGURED = "http://games.school.example";

let server: TestServer;
let code = "";
/** The headers of every answer these tests got from the server (none may name EVIL). */
const answers: IncomingHttpHeaders[] = [];

beforeAll(async () => {
  server = await startTestServer({ allowedOrigins: [CONFIGURED] });
  code = (await server.createGame({ scenario: "rival-shores" })).code;
});

afterAll(async () => {
  await server.stop();
});

const own = () => server.url;

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** An HTTP request with exactly these headers (plus Host), as a browser page would send it. */
function send(method: string, path: string, headers: Record<string, string>, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${server.url}${path}`, { method, headers }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.on("end", () => {
        answers.push(res.headers);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text });
      });
    });
    req.on("error", reject);
    req.end(body);
  });
}

/** A matchmaking request for a projector seat in the game (what colyseus.js sends before opening the socket). */
function matchmake(origin: string | null): Promise<Answer> {
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (origin !== null) headers.origin = origin;
  return send("POST", `/matchmake/joinById/${code}`, headers, JSON.stringify({ role: "projector" }));
}

/** A seat reserved the way the page's own origin gets it: the socket's path. */
async function reservedSeat(): Promise<string> {
  const r = await matchmake(own());
  expect(r.status).toBe(200);
  const seat = JSON.parse(r.body) as { sessionId: string; room: { processId: string; roomId: string } };
  return `/${seat.room.processId}/${seat.room.roomId}?sessionId=${seat.sessionId}`;
}

/** A WebSocket upgrade: 101 when the server opens the socket (then closed at once), else the refusal's status. */
function upgrade(path: string, origin: string | null): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { connection: "Upgrade", upgrade: "websocket", "sec-websocket-version": "13", "sec-websocket-key": "dGhlIHNhbXBsZSBub25jZQ==" };
    if (origin !== null) headers.origin = origin;
    const req = httpRequest(`${server.url}${path}`, { headers });
    req.on("upgrade", (res, socket) => {
      answers.push(res.headers);
      socket.destroy();
      resolve(res.statusCode ?? 0);
    });
    req.on("response", (res) => {
      answers.push(res.headers);
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
    req.end();
  });
}

describe("the origin predicate", () => {
  it("allows no Origin, the host the request came to over http or https, and configured origins; nothing else", () => {
    const host = "10.0.12.34:2567";
    expect(originAllowed(undefined, host, [])).toBe(true);
    expect(originAllowed("http://10.0.12.34:2567", host, [])).toBe(true);
    expect(originAllowed("https://10.0.12.34:2567", host, [])).toBe(true);
    expect(originAllowed("HTTP://Games.School.Example", "games.school.example", [])).toBe(true);
    expect(originAllowed("https://games.school.example", "games.school.example:443", [])).toBe(true);
    expect(originAllowed("http://games.school.example", "games.school.example:80", [])).toBe(true);
    expect(originAllowed(CONFIGURED, host, [CONFIGURED])).toBe(true);
    expect(originAllowed("http://10.0.12.34:2571", host, [])).toBe(false);
    expect(originAllowed(EVIL, host, [CONFIGURED])).toBe(false);
    expect(originAllowed("null", host, [])).toBe(false);
    expect(originAllowed("", host, [])).toBe(false);
    expect(originAllowed("ws://10.0.12.34:2567", host, [])).toBe(false);
    expect(originAllowed("http://10.0.12.34:2567/path", host, [])).toBe(false);
    expect(originAllowed("http://10.0.12.34:2567", undefined, [])).toBe(false);
    expect(originAllowed("http://evil.example", "evil.example; script-src *", [])).toBe(false);
  });

  it("ALLOWED_ORIGINS is read, normalized, and refused with the bad entry named", () => {
    expect(parseAllowedOrigins(undefined)).toEqual([]);
    expect(parseAllowedOrigins(" https://Games.School.Example/ , http://10.0.12.34:2571,http://10.0.12.34:80 ")).toEqual([
      "https://games.school.example",
      "http://10.0.12.34:2571",
      "http://10.0.12.34",
    ]);
    for (const bad of ["games.school.example", "*", "https://games.school.example/p1", "ftp://files.example", "https://x.example/?a=1"]) {
      expect(() => parseAllowedOrigins(bad)).toThrow(bad);
    }
    expect(configFromEnv({ ALLOWED_ORIGINS: "https://games.school.example" }).allowedOrigins).toEqual(["https://games.school.example"]);
    expect(configFromEnv({}).allowedOrigins).toEqual([]);
  });
});

describe("matchmaking and WebSocket upgrades", () => {
  it("a page of another site gets 403 from /matchmake, for the request and its preflight, and no CORS permission", async () => {
    const post = await matchmake(EVIL);
    expect(post.status).toBe(403);
    expect(post.body).not.toContain("sessionId");
    expect(post.headers["access-control-allow-origin"]).toBeUndefined();
    expect(post.headers["access-control-allow-credentials"]).toBeUndefined();
    const preflight = await send("OPTIONS", `/matchmake/joinById/${code}`, { origin: EVIL, "access-control-request-method": "POST", "access-control-request-headers": "content-type" });
    expect(preflight.status).toBe(403);
    expect(preflight.headers["access-control-allow-origin"]).toBeUndefined();
    expect((await matchmake("null")).status).toBe(403);
  });

  it("a page of another site cannot open a game connection, even with a valid seat: 403", async () => {
    const path = await reservedSeat();
    expect(await upgrade(path, EVIL)).toBe(403);
    expect(await upgrade(path, "null")).toBe(403);
    // The refusal left the seat alone: the page's own origin then connects with it.
    expect(await upgrade(path, own())).toBe(101);
  });

  it("the page's own origin and a configured origin get their seat and their connection, with CORS for themselves", async () => {
    for (const origin of [own(), CONFIGURED]) {
      const r = await matchmake(origin);
      expect(r.status, origin).toBe(200);
      expect(JSON.parse(r.body).sessionId, origin).toEqual(expect.any(String));
      expect(r.headers["access-control-allow-origin"], origin).toBe(origin);
      expect(r.headers["cache-control"], origin).toBe("no-store");
      const seat = JSON.parse(r.body) as { sessionId: string; room: { processId: string; roomId: string } };
      expect(await upgrade(`/${seat.room.processId}/${seat.room.roomId}?sessionId=${seat.sessionId}`, origin), origin).toBe(101);
    }
  });

  it("clients that send no Origin (colyseus.js in Node, curl) still join, and get no CORS header they do not need", async () => {
    const r = await matchmake(null);
    expect(r.status).toBe(200);
    expect(r.headers["access-control-allow-origin"]).toBeUndefined();
    const projector = await joinProjector(server.client(), code);
    expect(projector.welcome.role).toBe("projector");
    await projector.room.leave();
  });

  it("no answer named the foreign origin in Access-Control-Allow-Origin", () => {
    expect(answers.length).toBeGreaterThanOrEqual(10);
    expect(answers.filter((h) => h["access-control-allow-origin"] === EVIL || h["access-control-allow-origin"] === "*")).toEqual([]);
  });
});
