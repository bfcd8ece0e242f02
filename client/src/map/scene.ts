// The Phaser scene of the map. It is given plain data (MapData, MapHappening)
// by mount.ts (and its options, see options.ts) and orchestrates the drawing,
// redoing each step only when what it depends on changed: the layout
// (disc-layout.ts), the state markers (markers.ts, chips.ts), the lines
// (edges.ts), the legend (legend.ts) and the round animation (animation.ts,
// round-tracks.ts). With the scenario's map geometry (setGeometry) the states
// are territories on a geographic basemap (basemap.ts) with their power
// markers at their capitals (geo-layout.ts), zoomed and panned by the reader
// (setZoom; the gestures are in gestures.ts); without it (still loading, or
// none), discs at the states' positions (disc-layout.ts).
import Phaser from "./phaser.js";
import type { MapGeometry } from "../../../shared/map/types.js";
import { advance, drawTracks, startAnimation, type RoundAnimation } from "./animation.js";
import { drawBasemap } from "./basemap.js";
import { drawLeaders, labelLines, placeChips } from "./chips.js";
import { layoutDiscs, type DiscLayout } from "./disc-layout.js";
import { drawEdges } from "./edges.js";
import { textStyle } from "./context.js";
import { layoutOnMap, type GeoLayout } from "./geo-layout.js";
import type { Rect, Size } from "./geometry.js";
import { drawLegend } from "./legend.js";
import { drawDiscs, syncSprites, type StateSprite } from "./markers.js";
import { describeMap, type Edge } from "./relations.js";
import { withDefaults, type MapSceneHooks, type MapSceneOptions } from "./options.js";
import { hexToNumber, stateStyles, THEMES, type MapTheme, type StateStyle } from "./palette.js";
import { pointInRings } from "./polygons.js";
import { planRound } from "./round-tracks.js";
import { clampZoom, NO_ZOOM, toFrame, type Zoom } from "./view-transform.js";
import type { MapHappening, MapData } from "./types.js";

/** The view until the page gives one: no states. */
export const EMPTY_DATA: MapData = { mapUrl: "", states: [], alliances: [], own: null, offers: [], deeds: [], selected: null };

/**
 * The map: give it views (setView) and rounds to play (playRound); it draws
 * in CSS px on a canvas of device px (setPixelRatio) and reports selections.
 */
export class MapScene extends Phaser.Scene {
  readonly options: MapSceneOptions;
  readonly theme: MapTheme;
  private readonly hooks: MapSceneHooks;
  view: MapData = EMPTY_DATA;
  ready = false;
  layout: DiscLayout | null = null;
  /** The scenario's map geometry (null: discs on a plain ground). */
  geometry: MapGeometry | null = null;
  /** The reader's zoom and pan (view-transform.ts). */
  zoom: Zoom = NO_ZOOM;
  /** Rectangles (px) no label may cover: the zoom buttons over the canvas (setKeepOut), the credit line. */
  private keepOut: Rect[] = [];
  /** The state sprites, in draw order. */
  readonly sprites = new Map<string, StateSprite>();
  /** Edges drawn at the last redraw (suppressed ones left out). */
  edges: Edge[] = [];
  /** What the last redraw marked. */
  marks: { own: string | null; selected: string | null } = { own: null, selected: null };
  /** Times the static map was redrawn (update() with an unchanged view does not redraw). */
  redraws = 0;
  /** Device pixels per CSS pixel (see setPixelRatio). */
  pixelRatio = 1;

  private selectCallback: ((id: string) => void) | null = null;
  private lastSelect = { id: "", at: -Infinity };
  private linkGfx!: Phaser.GameObjects.Graphics;
  private deedGfx!: Phaser.GameObjects.Graphics;
  private discGfx!: Phaser.GameObjects.Graphics;
  /** The basemap and the own and selected territories' outlines, drawn into `ground` (not on the display list). */
  private baseGfx!: Phaser.GameObjects.Graphics;
  private territoryMarkGfx!: Phaser.GameObjects.Graphics;
  /**
   * The basemap as one texture (device px), redrawn only when it changes (view transform, own, selected,
   * colours, size): every other frame, and every frame of the round's animation, shows it as one image
   * instead of filling thousands of polygon points again.
   */
  private ground: Phaser.GameObjects.RenderTexture | null = null;

  /** The graphics the basemap was last drawn with (for tests: they are not on the display list). */
  get groundGraphics(): { base: Phaser.GameObjects.Graphics; marks: Phaser.GameObjects.Graphics } {
    return { base: this.baseGfx, marks: this.territoryMarkGfx };
  }
  private groundKey = "";
  private credit: Phaser.GameObjects.Text | null = null;
  private geometryVersion = 0;
  private markGfx!: Phaser.GameObjects.Graphics;
  private animGfx!: Phaser.GameObjects.Graphics;
  private leaderGfx!: Phaser.GameObjects.Graphics;
  private legend: Phaser.GameObjects.Container | null = null;
  /** Height (px) of the band kept at the bottom: the legend's or the zoom buttons', whichever is higher. */
  private legendHeight = 0;
  private legendOwnHeight = 0;
  private controls: Size | null = null;
  private layoutKey = "";
  private labelKey = "";
  private drawKey = "";
  private styleKey = "";
  private styles = new Map<string, StateStyle>();
  private anim: RoundAnimation | null = null;

  constructor(options: Partial<MapSceneOptions> = {}, hooks: MapSceneHooks = {}) {
    super({ key: "map" });
    this.options = withDefaults(options);
    this.theme = THEMES[this.options.theme];
    this.hooks = hooks;
  }

  create(): void {
    // World units are CSS pixels: the camera zooms by the device pixel ratio from the top-left corner.
    this.cameras.main.setBackgroundColor(this.theme.background).setOrigin(0, 0).setZoom(this.pixelRatio);
    this.baseGfx = this.make.graphics({}, false).setName("basemap");
    this.territoryMarkGfx = this.make.graphics({}, false).setName("territory-marks");
    this.linkGfx = this.add.graphics().setDepth(1).setName("links");
    this.deedGfx = this.add.graphics().setDepth(2).setName("deeds");
    this.discGfx = this.add.graphics().setDepth(3).setName("discs");
    this.markGfx = this.add.graphics().setDepth(4).setName("marks");
    this.animGfx = this.add.graphics().setDepth(4.5).setName("animation");
    // Leader lines from a marker to its label set further out: above discs and marks, below the chips (5).
    this.leaderGfx = this.add.graphics().setDepth(4.8).setName("leaders");
    this.scale.on(Phaser.Scale.Events.RESIZE, this.onResize);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      this.scale.off(Phaser.Scale.Events.RESIZE, this.onResize);
      this.finishAnimation();
    });
    this.events.once(Phaser.Scenes.Events.DESTROY, () => this.finishAnimation());
    this.ready = true;
    this.redraw(true);
    this.hooks.ready?.();
  }

  /** Size of the drawing surface in CSS px. */
  get viewSize(): Size {
    return { width: this.scale.width / this.pixelRatio, height: this.scale.height / this.pixelRatio };
  }

  /** Multiplier of line widths and distances: 1.5 on the projector, else 1. */
  get unit(): number {
    return this.options.large ? 1.5 : 1;
  }

  /**
   * Device pixels per CSS pixel of the canvas (mount.ts sizes the canvas in
   * device pixels for crisp text on phones and hi-DPI screens). Call before
   * resizing the game to the new size.
   */
  setPixelRatio(ratio: number): void {
    if (!(ratio > 0) || ratio === this.pixelRatio) return;
    this.pixelRatio = ratio;
    if (this.ready) {
      this.cameras.main.setZoom(ratio);
      this.redraw(true);
    }
  }

  setView(view: MapData): void {
    this.view = view;
    if (this.ready) this.redraw(false);
  }

  /** Shows the scenario's map geometry (null: none), at the whole-map zoom. */
  setGeometry(geometry: MapGeometry | null): void {
    if (geometry === this.geometry) return;
    this.geometry = geometry;
    this.geometryVersion += 1;
    this.zoom = NO_ZOOM;
    if (this.ready) this.redraw(true);
  }

  /** Rectangles (CSS px from the canvas's top-left) that page elements cover (the zoom buttons): labels keep out. */
  setKeepOut(rects: readonly Rect[]): void {
    const next = rects.map((r) => ({ x: r.x, y: r.y, width: r.width, height: r.height }));
    if (JSON.stringify(next) === JSON.stringify(this.keepOut)) return;
    this.keepOut = next;
    if (this.ready) this.redraw(true);
  }

  /** The rectangle (px) the map is drawn in (the surface less padding and the legend). */
  get mapRect(): Rect {
    return this.layout?.area ?? { x: 0, y: 0, ...this.viewSize };
  }

  /** Zooms and pans (kept within 1 to 8 times and to the map area); without geometry there is nothing to zoom. */
  setZoom(zoom: Zoom): void {
    if (!this.geometry) return;
    const z = clampZoom(zoom, this.mapRect);
    if (z.k === this.zoom.k && z.x === this.zoom.x && z.y === this.zoom.y) return;
    this.zoom = z;
    if (this.ready) this.redraw(false);
  }

  /**
   * The state at a screen point (CSS px from the canvas's top-left), as a tap
   * or a click means it: its label chip, then its marker (at least 22 px
   * around its centre when the map takes input), then its territory; or null.
   */
  stateAt(x: number, y: number): string | null {
    for (const sp of this.sprites.values()) {
      const p = sp.label;
      if (p && !p.hidden && sp.chip.visible && x >= p.x && x <= p.x + p.width && y >= p.y && y <= p.y + p.height) return sp.id;
    }
    let best: { id: string; d: number } | null = null;
    for (const sp of this.sprites.values()) {
      const d = Math.hypot(sp.disc.x - x, sp.disc.y - y);
      const reach = Math.max(sp.disc.r, this.options.interactive ? 22 : 0);
      if (d <= reach && (!best || d - sp.disc.r < best.d)) best = { id: sp.id, d: d - sp.disc.r };
    }
    if (best) return best.id;
    const layout = this.layout as GeoLayout | null;
    if (this.geometry && layout && "transform" in layout) {
      const [fx, fy] = toFrame(layout.transform, x, y);
      for (const [id, rings] of Object.entries(this.geometry.territories)) {
        if (this.sprites.has(id) && pointInRings(rings, fx, fy)) return id;
      }
    }
    return null;
  }

  /**
   * Draws everything again, labels included (their text is rendered anew): after the WebGL
   * context came back (context-loss.ts), when the GPU's copy of the map is gone.
   */
  redrawAll(): void {
    if (!this.ready || !this.sys.isActive()) return;
    const renderTexts = (objects: readonly Phaser.GameObjects.GameObject[]): void => {
      for (const o of objects) {
        if (o instanceof Phaser.GameObjects.Text) o.updateText();
        else if (o instanceof Phaser.GameObjects.Container) renderTexts(o.list);
      }
    };
    renderTexts(this.children.list);
    this.labelKey = "";
    this.redraw(true);
  }

  setSelectCallback(callback: ((id: string) => void) | null): void {
    this.selectCallback = callback;
  }

  /** Screen position and radius of a state's disc (CSS px from the canvas's top-left), for tests. */
  statePoint(id: string): { x: number; y: number; r: number } | null {
    const d = this.sprites.get(id)?.disc;
    return d ? { x: d.x, y: d.y, r: d.r } : null;
  }

  /** Calls the select callback (once per tap: touch and its emulated mouse event count once). */
  select(id: string): void {
    const now = typeof performance !== "undefined" ? performance.now() : Date.now();
    if (this.lastSelect.id === id && now - this.lastSelect.at < 400) return;
    this.lastSelect = { id, at: now };
    this.selectCallback?.(id);
  }

  /**
   * Phaser also reports "resize" when only the canvas's page position changed
   * (every half second on a scrolled page): redraw only for a new size.
   */
  /** An arrow, so that the scale manager can call it as a listener (and remove that same listener). */
  private readonly onResize = (): void => {
    this.redraw(false);
  };

  // -------------------------------------------------------------------------
  // Static drawing

  private redraw(force: boolean): void {
    const view = this.view;
    const size = this.viewSize;
    const drawKey = JSON.stringify([size.width, size.height, view, this.geometryVersion, this.zoom, [...(this.anim?.suppressed ?? [])]]);
    if (!force && drawKey === this.drawKey) return;
    this.drawKey = drawKey;
    this.redraws += 1;

    const styleKey = view.states.map((s) => `${s.id}:${s.color}`).join(",");
    if (styleKey !== this.styleKey) {
      this.styleKey = styleKey;
      this.styles = stateStyles(view.states, {
        theme: this.options.theme,
        useScenarioColors: this.options.useScenarioColors,
      });
    }
    this.updateLegend(size, view);
    const layoutKey = JSON.stringify([
      size.width,
      size.height,
      this.legendHeight,
      this.geometryVersion,
      this.zoom,
      view.states.map((s) => [s.id, s.x, s.y, s.powerShare]),
    ]);
    const reserveBottom = this.legendHeight ? this.legendHeight + 4 : 0;
    if (layoutKey !== this.layoutKey || !this.layout) {
      this.layoutKey = layoutKey;
      this.layout = this.geometry
        ? layoutOnMap(
            view.states.map((s) => ({ id: s.id, share: s.powerShare })),
            this.geometry,
            size,
            this.zoom,
            { large: this.options.large, reserveBottom, reserveTop: this.creditHeight() },
          )
        : layoutDiscs(
            view.states.map((s) => ({ id: s.id, x: s.x, y: s.y, share: s.powerShare })),
            size,
            { large: this.options.large, reserveBottom },
          );
    }
    this.drawGround(size, view);
    syncSprites(this, this.sprites, this.layout, this.styles, view);
    const lines = labelLines(view);
    const labelKey = JSON.stringify([
      this.layoutKey,
      view.own,
      view.selected,
      [...this.sprites.values()].map((sp) => sp.contentKey),
      lines,
      this.keepOut,
    ]);
    if (labelKey !== this.labelKey) {
      this.labelKey = labelKey;
      // Zoomed in, only the states in sight get labels.
      const a = this.layout.area;
      const inSight = this.layout.discs.filter((d) => d.x >= a.x && d.x <= a.x + a.width && d.y >= a.y && d.y <= a.y + a.height);
      const credit = this.credit?.visible ? [this.credit.getBounds()] : [];
      const keepOut = [...this.keepOut, ...credit.map((b) => ({ x: b.x, y: b.y, width: b.width, height: b.height }))];
      const placed = placeChips(this, this.sprites, { ...this.layout, discs: inSight }, view, size, lines, this.legendHeight, keepOut);
      drawLeaders(this.leaderGfx, placed.values(), this.theme, this.unit);
    }
    drawDiscs(this, this.discGfx, this.markGfx, this.sprites, view);
    this.edges = drawEdges(this, this.linkGfx, this.deedGfx, this.sprites, view, this.anim?.suppressed);
    this.marks = {
      own: view.own && this.sprites.has(view.own) ? view.own : null,
      selected: view.selected && this.sprites.has(view.selected) ? view.selected : null,
    };
    this.hooks.drawn?.(view, describeMap(view));
  }

  /** Height (px) of the credit line at the top of a geographic map (0 without geometry). */
  private creditHeight(): number {
    return this.geometry ? (this.options.large ? 26 : 18) : 0;
  }

  /** The basemap and its credit line ("Schematic borders · Natural Earth"), or nothing without geometry. */
  private drawGround(size: Size, view: MapData): void {
    const layout = this.layout as GeoLayout | null;
    if (!this.geometry || !layout || !("transform" in layout)) {
      this.baseGfx.clear();
      this.territoryMarkGfx.clear();
      this.ground?.setVisible(false);
      this.groundKey = "";
      this.credit?.setVisible(false);
      return;
    }
    const ratio = this.pixelRatio;
    const key = JSON.stringify([this.geometryVersion, layout.transform, size.width, size.height, ratio, view.own, view.selected, this.styleKey]);
    if (key !== this.groundKey || !this.ground) {
      this.groundKey = key;
      drawBasemap(this.baseGfx, this.territoryMarkGfx, this.geometry, layout.transform, { x: 0, y: 0, ...size }, {
        theme: this.theme,
        styles: this.styles,
        own: view.own,
        selected: view.selected,
        unit: this.unit,
      });
      // A headless game (the scene's unit tests) renders nothing: the graphics are all there is.
      if (this.game.config.renderType !== Phaser.HEADLESS) this.renderGround(size, ratio);
    }
    const g = this.geometry;
    const text = `${g.schematic ? "Schematic borders · " : ""}${g.credit}`;
    // On a veil of the background's colour: zoomed in, the map runs under it.
    const bg = hexToNumber(this.theme.background);
    const style = { ...textStyle(this, "tag"), backgroundColor: `rgba(${bg >> 16},${(bg >> 8) & 255},${bg & 255},0.8)`, padding: { x: 4, y: 1 } };
    if (!this.credit) this.credit = this.add.text(0, 0, text, style).setDepth(6).setName("credit");
    this.credit.setText(text).setStyle(style).setVisible(true);
    this.credit.setPosition(Math.round(layout.area.x), Math.round(Math.max(2, layout.area.y - this.creditHeight())));
  }

  /** Renders the basemap's graphics into the `ground` texture, at the device's resolution, shown at CSS px size. */
  private renderGround(size: Size, ratio: number): void {
    const w = Math.max(2, Math.ceil(size.width * ratio));
    const h = Math.max(2, Math.ceil(size.height * ratio));
    if (!this.ground) this.ground = this.add.renderTexture(0, 0, w, h).setOrigin(0, 0).setDepth(0).setName("ground");
    else if (this.ground.width !== w || this.ground.height !== h) this.ground.resize(w, h);
    this.ground.setScale(1 / ratio).setVisible(true);
    this.baseGfx.setScale(ratio);
    this.territoryMarkGfx.setScale(ratio);
    this.ground.clear().draw([this.baseGfx, this.territoryMarkGfx]).render();
  }

  /**
   * The legend lists the alliance line and the kinds of line the view shows. The band it takes at the
   * bottom is at least as high as the zoom buttons, which sit at its right: the map never lies under them.
   */
  private updateLegend(size: Size, view: MapData): void {
    const controls = this.controls;
    if (this.options.legend) {
      const drawn = drawLegend(this, this.legend, size, view, controls?.width ?? 0);
      if (drawn) {
        this.legend = drawn.legend;
        this.legendOwnHeight = drawn.height;
      }
    } else this.legendOwnHeight = 0;
    this.legendHeight = Math.max(this.legendOwnHeight, controls?.height ?? 0);
  }

  /** Size (px, with their margins) of the zoom buttons in the bottom-right corner, or null when there are none. */
  setControlsBox(box: Size | null): void {
    const same = box === this.controls || (box && this.controls && box.width === this.controls.width && box.height === this.controls.height);
    if (same) return;
    this.controls = box ? { width: box.width, height: box.height } : null;
    if (this.ready) this.redraw(true);
  }

  // -------------------------------------------------------------------------
  // Round animation

  get animating(): boolean {
    return this.anim !== null;
  }

  /** Plays the round; resolves when done (at once when there is nothing to show). */
  playRound(happenings: readonly MapHappening[]): Promise<void> {
    this.finishAnimation();
    if (!this.ready || happenings.length === 0 || !this.layout) return Promise.resolve();
    const plan = planRound(this, happenings, (id) => this.sprites.get(id)?.disc);
    if (plan.tracks.length === 0) {
      for (const o of plan.objects) o.destroy();
      return Promise.resolve();
    }
    return new Promise<void>((resolve) => {
      this.anim = startAnimation(plan, resolve, () => this.finishAnimation());
      this.redraw(true);
      this.drawAnimationFrame();
    });
  }

  override update(time: number): void {
    if (!this.anim) return;
    if (advance(this.anim, time)) this.finishAnimation();
    else this.drawAnimationFrame();
  }

  private drawAnimationFrame(): void {
    if (this.anim) drawTracks(this.animGfx, this.anim.tracks, this.anim.elapsed);
  }

  /** Ends the running animation (if any): removes its objects, redraws the static map, resolves its promise. */
  finishAnimation(): void {
    const anim = this.anim;
    if (!anim) return;
    this.anim = null;
    clearTimeout(anim.timer);
    for (const o of anim.objects) o.destroy();
    if (this.ready && this.sys.isActive()) {
      this.animGfx.clear();
      this.redraw(true);
    }
    anim.resolve();
  }
}
