// The pages students, teachers and the projector load, built into client/dist
// and served by the Entente server. Phaser is its own chunk; nothing is loaded
// from outside the server. The pages run under a Content-Security-Policy
// without 'unsafe-eval' (server/http/security-headers.ts): colyseus.js's
// MessagePack decoder is its no-eval build, which decodes the same messages
// without compiling readers with `new Function` (and without probing for it).
import { resolve } from "node:path";
import { defineConfig } from "vite";

const root = import.meta.dirname;
const pages = ["index", "student", "teacher", "projector", "report"];

export default defineConfig({
  root,
  base: "/",
  publicDir: "public",
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
      input: Object.fromEntries(pages.map((p) => [p, resolve(root, `${p}.html`)])),
      output: {
        codeSplitting: { groups: [{ name: "phaser", test: /node_modules[\\/]phaser[\\/]/, priority: 10 }] },
      },
    },
  },
});
