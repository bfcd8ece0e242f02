// Mounts the Phaser map into an element of a page and returns the MapHandle
// the pages drive (see types.ts).
//
// The canvas fills the parent element and follows its size (a ResizeObserver),
// like Phaser's RESIZE scale mode, but at the device's pixel ratio (up to 2):
// RESIZE renders one canvas pixel per CSS pixel, which blurs the labels on
// phones and hi-DPI Chromebooks. The parent must have a definite CSS height.
//
// A lost WebGL context pauses the map with a notice and redraws it when the
// browser gives the context back (context-loss.ts).
import Phaser from "./phaser.js";
import { followWebglContext } from "./context-loss.js";
import { loadGeometry } from "./geometry-loader.js";
import { followGestures, touchActionFor } from "./gestures.js";
import { chooseRenderer } from "./renderer-choice.js";
import { mountZoomControls } from "./zoom-controls.js";
import { relativeLuminance, THEMES, type ThemeName } from "./palette.js";
import { MapScene } from "./scene.js";
import type { MapHandle, MapHappening, MapData } from "./types.js";

export interface MountOptions {
  /** Clicking or tapping a state calls the onSelect callback. */
  interactive: boolean;
  /** Projector: bigger text and lines, names whenever they fit, and a legend. */
  large?: boolean;
  /**
   * Background and line colours: "light", "dark", or "auto" (the default):
   * dark when the parent's CSS background (or its nearest ancestor's) is dark.
   */
  theme?: ThemeName | "auto";
  /** Legend of the line styles along the bottom edge (default: always). */
  legend?: boolean;
  /** Pinch, wheel and drag zoom and pan, with zoom buttons (default: unless large; the projector only shows). */
  zoomable?: boolean;
  /** Colour states with the scenario's colours instead of the colour-blind-safe palette (default false). */
  useScenarioColors?: boolean;
}

/** The handle, plus what tests need. */
export interface MountedMap extends MapHandle {
  readonly game: Phaser.Game;
  readonly scene: MapScene;
  /** Centre and radius of a state's disc in CSS px from the canvas's top-left corner (null if not drawn). */
  statePoint(id: string): { x: number; y: number; r: number } | null;
  /** The label chips drawn now (CSS px from the canvas's top-left corner), and the canvas's size: for tests and benchmarks. */
  labelBoxes(): { boxes: { id: string; x: number; y: number; width: number; height: number; compact: boolean }[]; width: number; height: number };
}

/** The parent element carries its handle, so end-to-end tests can find states: `el.ententeMap.statePoint("BOR")`. */
export type MapParent = HTMLElement & { ententeMap?: MountedMap };

/** Largest device pixel ratio rendered (more costs fill rate and battery for little gain). */
const MAX_PIXEL_RATIO = 2;

export function prefersReducedMotion(): boolean {
  return typeof window !== "undefined" && typeof window.matchMedia === "function"
    ? window.matchMedia("(prefers-reduced-motion: reduce)").matches
    : false;
}

function tabHidden(): boolean {
  return typeof document !== "undefined" && document.visibilityState === "hidden";
}

/** "dark" when the element's own or inherited (nearest painted ancestor's) background is dark. */
export function themeFor(element: HTMLElement): ThemeName {
  const rgba = /rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:[,/\s]+([\d.]+%?))?/;
  for (let el: HTMLElement | null = element; el; el = el.parentElement) {
    const m = rgba.exec(getComputedStyle(el).backgroundColor);
    if (!m) continue;
    const alpha = m[4] === undefined ? 1 : m[4].endsWith("%") ? Number.parseFloat(m[4]) / 100 : Number(m[4]);
    if (alpha < 0.5) continue;
    const hex = `#${[m[1], m[2], m[3]].map((v) => Math.round(Number(v)).toString(16).padStart(2, "0")).join("")}`;
    return relativeLuminance(hex) < 0.2 ? "dark" : "light";
  }
  return "light";
}

function pixelRatio(): number {
  const r = typeof window !== "undefined" ? window.devicePixelRatio : 1;
  return Math.min(MAX_PIXEL_RATIO, Math.max(1, Number.isFinite(r) && r > 0 ? r : 1));
}

export function mountMap(parent: HTMLElement, options: MountOptions): MountedMap {
  const theme = !options.theme || options.theme === "auto" ? themeFor(parent) : options.theme;
  const large = options.large ?? false;
  if (parent.getClientRects().length > 0 && parent.getBoundingClientRect().height < 40 && !parent.style.minHeight) {
    // Displayed but without a height, the canvas would be 0 px high: better a small map and a hint
    // to fix the page. (A hidden parent is fine: the map takes its size when it is shown.)
    console.warn("mountMap: the map's parent element has no height; give it one in CSS (using min-height: 320px).");
    parent.style.minHeight = "320px";
  }
  // The canvas is taken out of the flow, so that it never sizes its parent (no
  // feedback loop with an auto height, no flex item that cannot shrink).
  if (getComputedStyle(parent).position === "static") parent.style.position = "relative";
  parent.style.overflow = "hidden";

  /** Parent size in CSS px, and the canvas size in device px for it. */
  const measure = () => {
    const rect = parent.getBoundingClientRect();
    const ratio = pixelRatio();
    const width = Math.max(1, Math.floor(rect.width * ratio));
    const height = Math.max(1, Math.floor(rect.height * ratio));
    return { ratio, width, height };
  };
  let size = measure();
  let destroyed = false;

  let canvas: HTMLCanvasElement | null = null;
  let summary = "Map";
  let gameRef: Phaser.Game | null = null;
  let unfollowContext: (() => void) | null = null;
  const styleCanvas = () => {
    canvas = gameRef?.canvas ?? null;
    if (!canvas) return;
    canvas.setAttribute("role", "img");
    canvas.setAttribute("aria-label", summary);
    Object.assign(canvas.style, {
      position: "absolute",
      left: "0",
      top: "0",
      display: "block",
      width: `${size.width / size.ratio}px`,
      height: `${size.height / size.ratio}px`,
    });
  };
  const scene = new MapScene(
    {
      interactive: options.interactive,
      large,
      theme,
      legend: options.legend ?? true,
      useScenarioColors: options.useScenarioColors ?? false,
    },
    {
      ready: () => {
        styleCanvas();
        resize(); // in case the parent changed size while the game was booting
        parent.dataset.mapReady = "true";
        if (gameRef && !unfollowContext) {
          unfollowContext = followWebglContext(gameRef, parent, () => {
            scene.redrawAll();
            wake();
          });
        }
        wake();
      },
      drawn: (view, text) => {
        wake();
        summary = text;
        parent.dataset.mapStates = String(view.states.length);
        if (canvas && canvas.getAttribute("aria-label") !== text) canvas.setAttribute("aria-label", text);
      },
    },
  );
  scene.pixelRatio = size.ratio;
  const renderer = chooseRenderer();
  parent.dataset.mapRenderer = renderer.type === Phaser.CANVAS ? "canvas" : renderer.type === Phaser.WEBGL ? "webgl" : "auto";
  parent.dataset.mapTheme = theme;
  const game = new Phaser.Game({
    type: renderer.type,
    parent,
    backgroundColor: THEMES[theme].background,
    banner: false,
    autoFocus: false,
    audio: { noAudio: true },
    disableContextMenu: false,
    // No keyboard capture (the page's own controls keep the keys), no preventDefault on
    // touch (a swipe over the map still scrolls the page), no listening outside the canvas.
    input: { keyboard: false, touch: { capture: false }, windowEvents: false },
    // A calm map: 30 frames per second are plenty on a Chromebook and spare its battery; the projector
    // shows the round's animation to the whole class at 60.
    fps: { limit: large ? 60 : 30 },
    render: { antialias: true, powerPreference: "low-power" },
    scale: {
      mode: Phaser.Scale.NONE,
      width: size.width,
      height: size.height,
      zoom: 1 / size.ratio,
      expandParent: false,
    },
    scene,
  });
  gameRef = game;
  styleCanvas();

  // Render on demand: the map is still most of the time, so the game loop runs
  // while something changes (a new view, a resize, the round animation) and
  // sleeps otherwise, which keeps the page responsive with hundreds of states
  // and spares the batteries. Clicks and taps are handled without the loop.
  let sleepTimer: ReturnType<typeof setTimeout> | undefined;
  function wake(ms = 500): void {
    const loop = gameRef?.loop;
    if (destroyed || !loop || !gameRef?.isBooted) return;
    if (!loop.running) loop.wake();
    clearTimeout(sleepTimer);
    sleepTimer = setTimeout(() => {
      if (scene.animating) wake(ms);
      else if (!destroyed) loop.sleep();
    }, ms);
  }
  // The loop updates the canvas's page position every half second; while it
  // sleeps, refresh it before Phaser reads a pointer (the page may have moved).
  const refreshBounds = () => {
    if (!destroyed && game.isBooted) game.scale.updateBounds();
  };
  parent.addEventListener("pointerdown", refreshBounds, { capture: true, passive: true });
  parent.addEventListener("pointerenter", refreshBounds, { passive: true });

  function resize(): void {
    if (destroyed || !gameRef?.isBooted) return;
    const next = measure();
    if (next.width === size.width && next.height === size.height && next.ratio === size.ratio) return;
    size = next;
    scene.setPixelRatio(next.ratio);
    gameRef.scale.resize(next.width, next.height);
    gameRef.scale.setZoom(1 / next.ratio);
    styleCanvas();
    reserveControls();
    wake();
  }
  const observer = typeof ResizeObserver === "function" ? new ResizeObserver(() => resize()) : null;
  observer?.observe(parent);
  window.addEventListener("resize", resize); // also catches a changed pixel ratio (browser zoom)

  const onVisibility = () => {
    if (tabHidden()) scene.finishAnimation();
    else wake();
  };
  document.addEventListener("visibilitychange", onVisibility);

  // Zoom and pan (and taps that select: the scene finds the state under the finger).
  const zoomable = options.zoomable ?? !large;
  const gestureTarget = {
    zoom: () => scene.zoom,
    area: () => scene.mapRect,
    canZoom: () => zoomable && scene.geometry !== null,
    setZoom: (z: Parameters<MapScene["setZoom"]>[0]) => {
      scene.setZoom(z);
      followTouchAction();
      controls?.update();
      wake();
    },
    stateAt: (x: number, y: number) => scene.stateAt(x, y),
    select: (id: string) => scene.select(id),
  };
  /**
   * One finger scrolls the page at the whole-map zoom and pans the map zoomed in: after every change of
   * the zoom (the buttons' too, which the gestures do not see, and a new geometry, which resets it).
   */
  const followTouchAction = () => {
    parent.style.touchAction = touchActionFor(gestureTarget);
  };
  const unfollowGestures = followGestures(parent, gestureTarget, options.interactive);
  const controls = zoomable ? mountZoomControls(parent, gestureTarget) : null;
  /** The map keeps a band free for the zoom buttons, and labels keep out from under them (measured when they show or the map's size changes). */
  const reserveControls = () => {
    const box = controls?.element;
    if (!box || box.hidden) {
      scene.setControlsBox(null);
      scene.setKeepOut([]);
      return;
    }
    const p = parent.getBoundingClientRect();
    const b = box.getBoundingClientRect();
    scene.setControlsBox({ width: Math.ceil(p.right - b.left) + 6, height: Math.ceil(p.bottom - b.top) + 4 });
    scene.setKeepOut([{ x: b.left - p.left - 4, y: b.top - p.top - 4, width: b.width + 8, height: b.height + 8 }]);
  };

  // The scenario's map geometry, fetched when the view names a new one.
  let geometryUrl = "";
  const followGeometry = (url: string) => {
    if (url === geometryUrl) return;
    geometryUrl = url;
    if (!url) {
      scene.setGeometry(null);
      followTouchAction();
      controls?.update();
      reserveControls();
      return;
    }
    void loadGeometry(url).then((g) => {
      if (destroyed || url !== geometryUrl) return;
      scene.setGeometry(g);
      parent.dataset.mapGeometry = g ? "loaded" : "none";
      followTouchAction();
      controls?.update();
      reserveControls();
      wake();
    });
  };

  const handle: MountedMap = {
    game,
    scene,
    update(view: MapData): void {
      if (destroyed) return;
      followGeometry(view.mapUrl);
      scene.setView(view);
    },
    animate(happenings: MapHappening[]): Promise<void> {
      if (destroyed || prefersReducedMotion() || tabHidden()) return Promise.resolve();
      const played = scene.playRound(happenings);
      wake();
      return played;
    },
    onSelect(callback: (id: string) => void): void {
      scene.setSelectCallback(callback);
    },
    statePoint(id: string) {
      return scene.statePoint(id);
    },
    labelBoxes() {
      const boxes = [...scene.sprites.values()].flatMap((sp) =>
        sp.label && !sp.label.hidden && sp.chip.visible
          ? [{ id: sp.id, x: sp.label.x, y: sp.label.y, width: sp.label.width, height: sp.label.height, compact: sp.label.compact }]
          : [],
      );
      return { boxes, ...scene.viewSize };
    },
    destroy(): void {
      if (destroyed) return;
      destroyed = true;
      observer?.disconnect();
      clearTimeout(sleepTimer);
      window.removeEventListener("resize", resize);
      parent.removeEventListener("pointerdown", refreshBounds, { capture: true });
      parent.removeEventListener("pointerenter", refreshBounds);
      document.removeEventListener("visibilitychange", onVisibility);
      unfollowContext?.();
      unfollowGestures();
      controls?.destroy();
      scene.setSelectCallback(null);
      scene.finishAnimation();
      game.destroy(true); // runs on the next frame: make sure there is one
      if (game.isBooted && !game.loop.running) game.loop.wake();
      delete parent.dataset.mapReady;
      delete parent.dataset.mapStates;
      delete parent.dataset.mapGeometry;
      delete parent.dataset.mapRenderer;
      delete parent.dataset.mapTheme;
      delete (parent as MapParent).ententeMap;
    },
  };
  (parent as MapParent).ententeMap = handle;
  return handle;
}
