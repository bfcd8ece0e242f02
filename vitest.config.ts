import { fileURLToPath } from "node:url";
import { configDefaults, defineConfig } from "vitest/config";

// Two projects: the node tests (model, server, cli) as before, and the client
// map tests in jsdom with the Phaser stubs of tests/client/setup-phaser.ts.
// The reporters are shared: the summary line counts both.
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
          exclude: [...configDefaults.exclude, "tests/client/**"],
        },
      },
      {
        extends: true,
        // The minified build imports in about half the time of the 8.8 MB one.
        resolve: {
          alias: { phaser: fileURLToPath(new URL("./node_modules/phaser/dist/phaser.esm.min.js", import.meta.url)) },
        },
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
