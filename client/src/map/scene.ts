// The Phaser scene of the map. It is given plain data (MapData, MapHappening)
// by mount.ts (and its options, see options.ts) and orchestrates the drawing,
// redoing each step only when what it depends on changed: the layout
// (disc-layout.ts), the state markers (markers.ts, chips.ts), the lines
// (edges.ts), the legend (legend.ts) and the round animation (animation.ts,
// round-tracks.ts).
import Phaser from "phaser";
import { advance, drawTracks, startAnimation, type RoundAnimation } from "./animation.js";
import { labelLines, placeChips } from "./chips.js";
import { layoutDiscs, type DiscLayout } from "./disc-layout.js";
import { drawEdges } from "./edges.js";
import type { Size } from "./geometry.js";
import { drawLegend } from "./legend.js";
import { drawDiscs, syncSprites, type StateSprite } from "./markers.js";
import { describeMap, type Edge } from "./relations.js";
import { withDefaults, type MapSceneHooks, type MapSceneOptions } from "./options.js";
import { stateStyles, THEMES, type MapTheme, type StateStyle } from "./palette.js";
import { planRound } from "./round-tracks.js";
import type { MapHappening, MapData } from "./types.js";

/** The view until the page gives one: no states. */
export const EMPTY_DATA: MapData = { states: [], alliances: [], own: null, offers: [], deeds: [], selected: null };

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
  private markGfx!: Phaser.GameObjects.Graphics;
  private animGfx!: Phaser.GameObjects.Graphics;
  private legend: Phaser.GameObjects.Container | null = null;
  private legendHeight = 0;
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
    this.linkGfx = this.add.graphics().setDepth(1).setName("links");
    this.deedGfx = this.add.graphics().setDepth(2).setName("deeds");
    this.discGfx = this.add.graphics().setDepth(3).setName("discs");
    this.markGfx = this.add.graphics().setDepth(4).setName("marks");
    this.animGfx = this.add.graphics().setDepth(4.5).setName("animation");
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
    const drawKey = JSON.stringify([size.width, size.height, view, [...(this.anim?.suppressed ?? [])]]);
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
      view.states.map((s) => [s.id, s.x, s.y, s.powerShare]),
    ]);
    if (layoutKey !== this.layoutKey || !this.layout) {
      this.layoutKey = layoutKey;
      this.layout = layoutDiscs(
        view.states.map((s) => ({ id: s.id, x: s.x, y: s.y, share: s.powerShare })),
        size,
        { large: this.options.large, reserveBottom: this.legendHeight ? this.legendHeight + 4 : 0 },
      );
    }
    syncSprites(this, this.sprites, this.layout, this.styles, view, (id) => this.select(id));
    const lines = labelLines(view);
    const labelKey = JSON.stringify([
      this.layoutKey,
      view.own,
      view.selected,
      [...this.sprites.values()].map((sp) => sp.contentKey),
      lines,
    ]);
    if (labelKey !== this.labelKey) {
      this.labelKey = labelKey;
      placeChips(this, this.sprites, this.layout, view, size, lines, this.legendHeight);
    }
    drawDiscs(this, this.discGfx, this.markGfx, this.sprites, view);
    this.edges = drawEdges(this, this.linkGfx, this.deedGfx, this.sprites, view, this.anim?.suppressed);
    this.marks = {
      own: view.own && this.sprites.has(view.own) ? view.own : null,
      selected: view.selected && this.sprites.has(view.selected) ? view.selected : null,
    };
    this.hooks.drawn?.(view, describeMap(view));
  }

  /** The legend lists the alliance line and the kinds of line the view shows. */
  private updateLegend(size: Size, view: MapData): void {
    if (!this.options.legend) {
      this.legendHeight = 0;
      return;
    }
    const drawn = drawLegend(this, this.legend, size, view);
    if (!drawn) return;
    this.legend = drawn.legend;
    this.legendHeight = drawn.height;
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
