// The console's refusals in words a teacher understands (client/src/teacher/refusal-text.ts).
import { describe, expect, it } from "vitest";
import { PROTOCOL_ERRORS } from "../../shared/protocol/server-messages.js";
import { plainRefusal } from "../../client/src/teacher/refusal-text.js";

describe("plainRefusal", () => {
  it("replaces the technical protocol errors (except storage, whose sentence already says what to do) with plain sentences", () => {
    for (const code of PROTOCOL_ERRORS.filter((c) => c !== "storage")) {
      const technical = `payload.${code}: Invalid input: expected number`;
      const plain = plainRefusal("extend", code, technical);
      expect(plain).not.toBe(technical);
      expect(plain).toMatch(/^[A-Z].*[.:]/);
    }
    const storage = "The server could not save this (the disk is full): nothing was changed. Try again in a moment.";
    expect(plainRefusal("start", "storage", storage)).toBe(storage);
  });

  it("says what a phase refusal means for the request that was refused", () => {
    expect(plainRefusal("pause", "wrong-phase", "Not in a running diplomacy phase.")).toMatch(/nothing to pause/);
    expect(plainRefusal("resume", "wrong-phase", "Not paused.")).toMatch(/not paused/);
    expect(plainRefusal("clearAnnouncement", "stale", "stale")).toBe("There is no announcement to clear.");
    expect(plainRefusal("lock", "not-allowed", "not allowed")).toMatch(/teacher key/);
  });

  it("keeps the model's own sentences, written for people, where nothing plainer is known", () => {
    const message = "An announcement needs 1 to 500 characters.";
    expect(plainRefusal("announce", "chat", message)).toBe(message);
  });
});
