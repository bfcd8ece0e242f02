// The pages students, teachers and the projector load, built into client/dist
// and served by the Entente server. Phaser is its own chunk, built from only the
// parts the map uses (src/map/phaser.ts, phaser-subset.ts); nothing is loaded
// from outside the server. The pages run under a Content-Security-Policy
// without 'unsafe-eval' (server/http/security-headers.ts): colyseus.js's
// MessagePack decoder is its no-eval build, which decodes the same messages
// without compiling readers with `new Function` (and without probing for it).
//
// The built-in scenarios' maps are written as maps/<key>.json (builtInMaps below).
//
// Every page, script, style, SVG and map is also written compressed beside itself
// (name.br, name.gz) by vite-plugin-compression2, at the highest levels since
// it is done once per build: the server sends those files as they are
// (express-static-gzip in server/app.ts), so a school network carries about a
// quarter of the bytes and the server spends no CPU compressing.
import { resolve } from "node:path";
import { constants } from "node:zlib";
import { defineConfig, type Plugin } from "vite";
import { compression, defineAlgorithm } from "vite-plugin-compression2";
import { mapGeometryJson } from "../server/maps/geometry.js";
import { mapKey } from "../server/maps/key.js";
import { builtinScenarios } from "../shared/scenario/builtin/index.js";
import { phaserSubset } from "./phaser-subset.js";

const root = import.meta.dirname;

/**
 * Writes the map geometry of every built-in scenario as maps/<key>.json (a hash of its content:
 * server/maps/key.ts), compressed with the rest below; the server builds other scenarios' maps on demand.
 */
function builtInMaps(): Plugin {
  return {
    name: "entente-built-in-maps",
    apply: "build",
    generateBundle() {
      for (const scenario of builtinScenarios()) {
        this.emitFile({ type: "asset", fileName: `maps/${mapKey(scenario)}.json`, source: mapGeometryJson(scenario) });
      }
    },
  };
}
const pages = ["index", "student", "teacher", "projector", "report"];

export default defineConfig({
  root,
  base: "/",
  publicDir: "public",
  plugins: [
    phaserSubset(),
    builtInMaps(),
    compression({
      include: /\.(?:html|js|css|svg|json)$/,
      threshold: 0,
      algorithms: [
        defineAlgorithm("brotliCompress", { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } }),
        defineAlgorithm("gzip", { level: constants.Z_BEST_COMPRESSION }),
      ],
      skipIfLargerOrEqual: true,
      logLevel: "silent",
    }),
  ],
  resolve: {
    alias: [{ find: /^@colyseus\/msgpackr$/, replacement: "@colyseus/msgpackr/index-no-eval" }],
  },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    chunkSizeWarningLimit: 1600,
    modulePreload: { polyfill: false },
    rolldownOptions: {
      // Building the maps takes a few seconds in one callback: that is expected, not worth a warning on every start.
      checks: { bundlerTimings: false },
      input: Object.fromEntries(pages.map((p) => [p, resolve(root, `${p}.html`)])),
      output: {
        codeSplitting: { groups: [{ name: "phaser", test: /node_modules[\\/]phaser[\\/]/, priority: 10 }] },
      },
    },
  },
});
