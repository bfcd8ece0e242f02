// Lets client/src/map/phaser.ts build Phaser from its sources, taking only the
// modules the map uses (the vite config and the client tests' vitest project
// both use this plugin, so the tests run the Phaser the pages ship).
//
// - "phaser-src/<path>" resolves to node_modules/phaser/src/<path>: the package's
//   "exports" field publishes only its prebuilt bundle, not the sources.
// - Phaser's sources test build flags as `typeof FLAG` (true when the flag is
//   undefined, since typeof gives a non-empty string); Phaser's own webpack
//   build replaces them with constants (node_modules/phaser/config). This
//   plugin does the same with the values below, so that the modules behind a
//   false flag are never required.
import { realpathSync } from "node:fs";
import { resolve } from "node:path";
import type { Plugin } from "vite";

// The real path (node_modules may be a link): the modules Phaser's sources require by relative paths
// resolve from there too, and one module reached by two paths would be bundled, and run, twice.
const phaserSources = realpathSync(resolve(import.meta.dirname, "..", "node_modules", "phaser", "src"));

/** Phaser's build flags: both renderers (renderer-choice.ts picks one), no sound, no debugging hooks, no plugins. */
export const PHASER_FLAGS: Readonly<Record<string, boolean>> = {
  CANVAS_RENDERER: true,
  WEBGL_RENDERER: true,
  // True would require phaser3spectorjs, a WebGL debugger that is not installed.
  WEBGL_DEBUG: false,
  // The map plays no sound (the game is configured with audio.noAudio).
  FEATURE_SOUND: false,
  PLUGIN_CAMERA3D: false,
  PLUGIN_FBINSTANT: false,
  EXPERIMENTAL: false,
};

const flagPattern = new RegExp(`typeof (${Object.keys(PHASER_FLAGS).join("|")})\\b`, "g");
const sourceFile = /[\\/]node_modules[\\/]phaser[\\/]src[\\/].*\.js$/;

/** The vite plugin: the "phaser-src/" alias and the build flags in Phaser's sources. */
export function phaserSubset(): Plugin {
  return {
    name: "entente-phaser-subset",
    enforce: "pre",
    resolveId(source) {
      return source.startsWith("phaser-src/") ? resolve(phaserSources, source.slice("phaser-src/".length)) : null;
    },
    transform: {
      filter: { id: sourceFile },
      handler(code, id) {
        if (!sourceFile.test(id) || !code.includes("typeof ")) return null;
        const replaced = code.replace(flagPattern, (_, flag: string) => String(PHASER_FLAGS[flag]));
        return replaced === code ? null : { code: replaced, map: null };
      },
    },
  };
}
