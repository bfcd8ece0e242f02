// The client tests' vitest project runs the map on the Phaser entry the pages
// ship (client/src/map/phaser.ts), not on Phaser's full prebuilt bundle.
//
// That entry requires Phaser's CommonJS sources, with build flags that the
// phaserSubset plugin compiles in (client/phaser-subset.ts). Vitest would load
// those sources with Node's own require, past the plugin (and one of them
// requires a debugger that is not installed unless its flag is compiled out),
// so this plugin bundles the entry once per run with vite and the same plugin,
// into a temporary directory, and resolves imports of the entry to the bundle.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { build, type Plugin } from "vite";
import { phaserSubset } from "../../client/phaser-subset.js";

const entry = resolve(import.meta.dirname, "..", "..", "client", "src", "map", "phaser.ts");

async function bundleEntry(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), "entente-phaser-"));
  process.once("exit", () => rmSync(outDir, { recursive: true, force: true }));
  await build({
    configFile: false,
    logLevel: "warn",
    plugins: [phaserSubset()],
    build: {
      outDir,
      emptyOutDir: false,
      minify: false,
      target: "es2022",
      lib: { entry, formats: ["es"], fileName: () => "phaser.js" },
      rolldownOptions: { external: ["phaser"] },
    },
  });
  return join(outDir, "phaser.js");
}

/** The vite plugin: any import of client/src/map/phaser.js resolves to the bundled entry (built on first use). */
export function shippedPhaser(): Plugin {
  let bundled: Promise<string> | null = null;
  return {
    name: "entente-shipped-phaser",
    enforce: "pre",
    resolveId(source, importer) {
      if (!importer || !/(?:^|\/)phaser\.js$/.test(source)) return null;
      if (resolve(dirname(importer), source.replace(/\.js$/, ".ts")) !== entry) return null;
      bundled ??= bundleEntry();
      return bundled;
    },
  };
}
