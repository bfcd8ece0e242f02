// No body limit on /matchmake: one 64 MB JSON body used to be read, parsed and
// kept for 15 s. Join requests are now limited (16 KB) before parsing, like the
// API's 1 MB, and the server answers 413 without reading the rest.
import { request as httpRequest } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MATCHMAKE_BODY_LIMIT } from "../../server/guard/matchmake.js";
import { joinStudent, startTestServer, type TestServer } from "../server/harness.js";

let t: TestServer;
beforeAll(async () => {
  t = await startTestServer();
});
afterAll(async () => {
  await t.stop();
});

/** Posts `bytes` of JSON-looking body, declared or streamed in chunks; resolves with the status and how much was written before the answer. */
function post(path: string, bytes: number, chunked: boolean): Promise<{ status: number; written: number }> {
  const prefix = '{"role":"projector","x":"';
  return new Promise((resolve, reject) => {
    let written = 0;
    const req = httpRequest(`${t.url}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(chunked ? { "transfer-encoding": "chunked" } : { "content-length": String(prefix.length + bytes) }) },
    });
    req.on("response", (res) => {
      res.resume();
      resolve({ status: res.statusCode ?? 0, written });
      req.destroy();
    });
    req.on("error", (err: NodeJS.ErrnoException) => {
      // The server may close the socket while we are still writing: that is a refusal too.
      if (err.code === "ECONNRESET" || err.code === "EPIPE") resolve({ status: 0, written });
      else reject(err);
    });
    const chunk = Buffer.alloc(64 * 1024, "a");
    const write = () => {
      while (written < bytes) {
        const n = Math.min(chunk.length, bytes - written);
        written += n;
        if (!req.write(n === chunk.length ? chunk : chunk.subarray(0, n))) return void req.once("drain", write);
      }
      req.end();
    };
    req.write(prefix);
    write();
  });
}

describe("request bodies", () => {
  it(`a join request over ${MATCHMAKE_BODY_LIMIT} is refused with 413, declared or streamed, before it is read`, async () => {
    const game = await t.createGame({ scenario: "rival-shores", settings: { rounds: 3 } });
    const big = 64 * 1024 * 1024;
    const declared = await post(`/matchmake/joinById/${game.code}`, big, false);
    expect([413, 0]).toContain(declared.status);
    expect(declared.written).toBeLessThan(big);
    // Streamed without a length: refused once over the limit (what follows is read and dropped, not kept).
    const streamed = await post(`/matchmake/joinById/${game.code}`, 1024 * 1024, true);
    expect(streamed.status).toBe(413);
    // The API keeps its own 1 MB limit.
    expect((await post("/api/scenarios/validate", 2 * 1024 * 1024, false)).status).toBe(413);
    // The room is unharmed.
    await joinStudent(t.client(), game.code, "Ann");
  });
});
