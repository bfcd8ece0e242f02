// What a page says while it waits to join again (client/src/common/join-failure.ts): the server's own sentence
// when it gave one, and "moving to another server" after its room was closed because another process keeps the
// game now (CLOSE.NOT_READY, docs/protocol.md), instead of the generic "the server may be restarting".
import { describe, expect, it } from "vitest";
import { CLOSE } from "../../shared/protocol/close-codes.js";
import { nextStepAfter, retryingText } from "../../client/src/common/join-failure.js";

describe("a join that is not open yet", () => {
  it("keeps the server's sentence of a 4500 refusal, and retries", async () => {
    const said = "The server that runs this game is not answering; the game is moving to another server. Trying again in a few seconds…";
    const next = await nextStepAfter("ABC123", { code: CLOSE.NOT_READY, message: said }, true);
    expect(next).toEqual({ kind: "retry", why: "not-open", message: said });
    if (next.kind !== "retry") throw new Error("not a retry");
    expect(retryingText(next, null)).toBe(said);
    expect(retryingText(next, CLOSE.NOT_READY)).toBe(said);
  });

  it("says the game is moving when the page's room was closed with 4500, and the generic text otherwise", async () => {
    const next = await nextStepAfter("ABC123", { code: CLOSE.RESERVATION_EXPIRED, message: "" }, true);
    if (next.kind !== "retry") throw new Error("not a retry");
    expect(retryingText(next, CLOSE.NOT_READY)).toMatch(/moving to another server/);
    expect(retryingText(next, 1006)).toMatch(/not open yet/);
    expect(retryingText(next, null)).toMatch(/not open yet/);
    expect(retryingText({ kind: "retry", why: "not-open" }, CLOSE.NOT_READY)).toMatch(/moving to another server/);
  });

  it("leaves the other retries to the page's usual status", () => {
    expect(retryingText({ kind: "retry", why: "unreachable" }, CLOSE.NOT_READY)).toBeNull();
    expect(retryingText({ kind: "retry", why: "busy" }, null)).toBeNull();
  });
});
