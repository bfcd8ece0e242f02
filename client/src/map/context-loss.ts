// The map after a lost WebGL context. A browser may take the map's GPU context
// away (a phone under memory pressure, a Chromebook's GPU process restarting,
// too many canvases): the canvas then shows nothing. Phaser 4's WebGLRenderer
// keeps the canvas restorable (it calls preventDefault on "webglcontextlost")
// and emits Phaser.Renderer.Events.LOSE_WEBGL; when the browser gives the
// context back it recreates its textures, buffers and shaders and emits
// RESTORE_WEBGL. Meanwhile the map says "Map paused: redrawing…"; once
// restored it is redrawn with the current view (mount.ts wakes its sleeping
// render loop). If the context does not come back within STUCK_AFTER_MS the
// sentence says to reload the page. The parent's data-map-context is "lost"
// or "restored" (for tests).
import Phaser from "./phaser.js";
import { h } from "../common/dom.js";
import "./context-loss.css";

export const PAUSED_TEXT = "Map paused: redrawing…";
export const STUCK_TEXT = "The map could not be redrawn: reload the page to see it again.";
/** How long the browser may take to give the context back before the page asks for a reload (ms). */
export const STUCK_AFTER_MS = 15_000;

/**
 * Follows the game's WebGL context (nothing to do for the Canvas renderer). `restored` redraws the map.
 * Returns a function that stops following and removes the notice.
 */
export function followWebglContext(game: Phaser.Game, parent: HTMLElement, restored: () => void): () => void {
  const renderer = game.renderer as Phaser.Renderer.WebGL.WebGLRenderer | Phaser.Renderer.Canvas.CanvasRenderer | null;
  if (!(renderer instanceof Phaser.Renderer.WebGL.WebGLRenderer)) return () => undefined;
  // Always in the page and empty until needed, so that screen readers announce the sentence when it appears.
  const notice = h("p", { class: "map-paused", role: "status" });
  parent.append(notice);
  let stuck: ReturnType<typeof setTimeout> | undefined;

  const onLost = () => {
    parent.dataset.mapContext = "lost";
    notice.textContent = PAUSED_TEXT;
    clearTimeout(stuck);
    stuck = setTimeout(() => {
      if (renderer.contextLost) notice.textContent = STUCK_TEXT;
    }, STUCK_AFTER_MS);
  };
  const onRestored = () => {
    clearTimeout(stuck);
    restored();
    parent.dataset.mapContext = "restored";
    notice.textContent = "";
  };
  renderer.on(Phaser.Renderer.Events.LOSE_WEBGL, onLost);
  renderer.on(Phaser.Renderer.Events.RESTORE_WEBGL, onRestored);
  return () => {
    clearTimeout(stuck);
    renderer.off(Phaser.Renderer.Events.LOSE_WEBGL, onLost);
    renderer.off(Phaser.Renderer.Events.RESTORE_WEBGL, onRestored);
    notice.remove();
    delete parent.dataset.mapContext;
  };
}
