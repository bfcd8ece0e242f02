import { configDefaults, defineConfig } from "vitest/config";
import { shippedPhaser } from "./tests/client/shipped-phaser.js";

// Three projects: the node tests (model, server, cli, security, reliability),
// the client map tests in jsdom with the Phaser stubs of
// tests/client/setup-phaser.ts, and the browser tests (tests/e2e, and every
// *.browser.test.ts: tests/security, tests/reliability). Each browser test file
// builds the pages, which the server serves: they run after the others and one
// file at a time, so no build empties client/dist under another file's pages.
// The reporters are shared: the summary line counts all three.
const BROWSER_TESTS = ["tests/e2e/**/*.test.ts", "tests/**/*.browser.test.ts"];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    reporters: ["default", "./tests/summary-reporter.ts"],
    projects: [
      {
        extends: true,
        test: {
          name: "node",
          include: ["tests/**/*.test.ts"],
          exclude: [...configDefaults.exclude, "tests/client/**", ...BROWSER_TESTS],
        },
      },
      {
        extends: true,
        test: {
          name: "browser",
          include: BROWSER_TESTS,
          fileParallelism: false,
          sequence: { groupOrder: 1 },
        },
      },
      {
        extends: true,
        // The map runs on the Phaser entry the pages ship (client/src/map/phaser.ts), bundled once per run.
        plugins: [shippedPhaser()],
        test: {
          name: "client",
          environment: "jsdom",
          include: ["tests/client/**/*.test.ts"],
          setupFiles: ["./tests/client/setup-phaser.ts"],
        },
      },
    ],
  },
});
