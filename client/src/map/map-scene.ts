// The Phaser scene of the map: discs, labels, lines, arrows and the round
// animation. It is given plain data (MapView, MapHappening) by mount.ts; all
// the geometry comes from the pure modules layout.ts, palette.ts and model.ts.
import Phaser from "phaser";
import {
  clamp,
  layoutDiscs,
  placeLabels,
  type Disc,
  type DiscLayout,
  type LabelBox,
  type LabelPlacement,
  type Size,
} from "./layout.js";
import { buildEdges, describeMap, EDGE_STYLES, isBot, type Dash, type Edge, type EdgeKind } from "./model.js";
import { hexToNumber, stateStyles, THEMES, type MapTheme, type StateStyle, type ThemeName } from "./palette.js";
import type { MapHappening, MapState, MapView } from "./types.js";

export interface MapSceneOptions {
  /** Clicking or tapping a state calls the select callback. */
  interactive: boolean;
  /** Projector: bigger text and lines, names shown whenever they fit. */
  large: boolean;
  theme: ThemeName;
  /** A legend of the line styles along the bottom edge. */
  legend: boolean;
  /** Use the scenario's colours instead of the colour-blind-safe palette. */
  useScenarioColors: boolean;
}

export interface MapSceneHooks {
  /** The scene has been created (it draws from now on). */
  ready?(): void;
  /** The map was redrawn for this view; `summary` is its text description. */
  drawn?(view: MapView, summary: string): void;
}

/** Per-state game objects. */
export interface StateSprite {
  id: string;
  disc: Disc;
  style: StateStyle;
  /** Invisible, touch-sized circle that takes clicks and taps (named "disc:<id>"). */
  hit: Phaser.GameObjects.Arc;
  /** Label chip (named "label:<id>"): background, id line, optional name line. */
  chip: Phaser.GameObjects.Container;
  chipBg: Phaser.GameObjects.Rectangle;
  idText: Phaser.GameObjects.Text;
  botText: Phaser.GameObjects.Text | null;
  nameText: Phaser.GameObjects.Text | null;
  label: LabelPlacement | null;
  contentKey: string;
}

export const EMPTY_VIEW: MapView = { states: [], alliances: [], own: null, offers: [], deeds: [], selected: null };

const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/** Frame-driven timeline of one round's animation. */
interface Track {
  start: number;
  end: number;
  /** p: progress 0..1 within the track. */
  frame(g: Phaser.GameObjects.Graphics, p: number): void;
}

interface RoundAnimation {
  /** Frame time of the first frame, and ms since. */
  startTime: number | null;
  elapsed: number;
  total: number;
  tracks: Track[];
  objects: Phaser.GameObjects.GameObject[];
  /** Edge keys hidden from the static drawing while they are animated. */
  suppressed: Set<string>;
  resolve: () => void;
  timer: ReturnType<typeof setTimeout>;
}

/** Longest possible round animation (ms). */
export const ANIMATION_MAX_MS = 2800;

/** Key of an edge for suppression during the animation (alliances in either order). */
export function edgeKey(kind: EdgeKind, from: string, to: string): string {
  if (kind === "alliance") return `alliance:${from < to ? `${from}|${to}` : `${to}|${from}`}`;
  return `${kind}:${from}>${to}`;
}

export class MapScene extends Phaser.Scene {
  readonly options: MapSceneOptions;
  readonly theme: MapTheme;
  private readonly hooks: MapSceneHooks;
  view: MapView = EMPTY_VIEW;
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
    this.options = {
      interactive: options.interactive ?? false,
      large: options.large ?? false,
      theme: options.theme ?? "light",
      legend: options.legend ?? options.large ?? false,
      useScenarioColors: options.useScenarioColors ?? false,
    };
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
    this.scale.on(Phaser.Scale.Events.RESIZE, this.onResize, this);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      this.scale.off(Phaser.Scale.Events.RESIZE, this.onResize, this);
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

  setView(view: MapView): void {
    this.view = view;
    if (this.ready) this.redraw(false);
  }

  setSelectCallback(callback: ((id: string) => void) | null): void {
    this.selectCallback = callback;
  }

  /** Screen position and radius of a state's disc (CSS px from the canvas's top-left), for tests. */
  statePoint(id: string): { x: number; y: number; r: number } | null {
    const d = this.sprites.get(id)?.disc;
    return d ? { x: d.x, y: d.y, r: d.r } : null;
  }

  /**
   * Phaser also reports "resize" when only the canvas's page position changed
   * (every half second on a scrolled page): redraw only for a new size.
   */
  private onResize(): void {
    this.redraw(false);
  }

  private get unit(): number {
    return this.options.large ? 1.5 : 1;
  }

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
    this.drawLegend(size, view);
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
    this.syncSprites(view);
    // Labels keep clear of alliance lines and deed arrows (not of offers, which
    // change often during a round: the labels would move under the students' eyes).
    const lines = buildEdges(view)
      .filter((e) => e.kind !== "offer" && e.kind !== "offer-accepted")
      .map((e) => [e.from, e.to] as const);
    const labelKey = JSON.stringify([
      this.layoutKey,
      view.own,
      view.selected,
      [...this.sprites.values()].map((sp) => sp.contentKey),
      lines,
    ]);
    if (labelKey !== this.labelKey) {
      this.labelKey = labelKey;
      this.placeChips(view, size, lines);
    }
    this.drawDiscs(view);
    this.drawEdges(view);
    this.marks = {
      own: view.own && this.sprites.has(view.own) ? view.own : null,
      selected: view.selected && this.sprites.has(view.selected) ? view.selected : null,
    };
    this.hooks.drawn?.(view, describeMap(view));
  }

  /** Creates, updates and removes the per-state objects to match the view. */
  private syncSprites(view: MapView): void {
    const layout = this.layout;
    if (!layout) return;
    const discs = new Map(layout.discs.map((d) => [d.id, d]));
    const keep = new Set(view.states.map((s) => s.id));
    for (const [id, sprite] of this.sprites) {
      if (!keep.has(id)) {
        sprite.hit.destroy();
        sprite.chip.destroy();
        this.sprites.delete(id);
      }
    }
    // Bigger discs first, so smaller ones (drawn and hit-tested on top) stay reachable.
    const order = [...view.states].sort((a, b) => (discs.get(b.id)?.r ?? 0) - (discs.get(a.id)?.r ?? 0));
    order.forEach((state, index) => {
      const disc = discs.get(state.id);
      const style = this.styles.get(state.id);
      if (!disc || !style) return;
      let sprite = this.sprites.get(state.id);
      if (!sprite) {
        sprite = this.createSprite(state, disc, style);
        this.sprites.set(state.id, sprite);
      }
      sprite.disc = disc;
      sprite.style = style;
      this.updateLabelContent(sprite, state, view);
      const hitR = Math.max(disc.r, this.options.interactive ? 22 : 0);
      sprite.hit.setPosition(disc.x, disc.y);
      if (sprite.hit.radius !== hitR) {
        sprite.hit.setRadius(hitR);
        const area = sprite.hit.input?.hitArea as Phaser.Geom.Circle | undefined;
        area?.setTo(hitR, hitR, hitR);
      }
      sprite.hit.setDepth(3 + index / 10000);
      sprite.chip.setDepth(5 + index / 10000);
    });
  }

  private createSprite(state: MapState, disc: Disc, style: StateStyle): StateSprite {
    const hitR = Math.max(disc.r, this.options.interactive ? 22 : 0);
    const hit = this.add.circle(disc.x, disc.y, hitR);
    hit.setName(`disc:${state.id}`);
    const chip = this.add.container(0, 0).setName(`label:${state.id}`);
    const chipBg = this.add.rectangle(0, 0, 10, 10, hexToNumber(this.theme.chip)).setOrigin(0, 0);
    const idText = this.add.text(0, 0, state.id, this.textStyle("id"));
    chip.add([chipBg, idText]);
    const sprite: StateSprite = {
      id: state.id,
      disc,
      style,
      hit,
      chip,
      chipBg,
      idText,
      botText: null,
      nameText: null,
      label: null,
      contentKey: "",
    };
    if (this.options.interactive) {
      hit.setInteractive({
        hitArea: new Phaser.Geom.Circle(hitR, hitR, hitR),
        hitAreaCallback: Phaser.Geom.Circle.Contains,
        useHandCursor: true,
      });
      hit.on(Phaser.Input.Events.GAMEOBJECT_POINTER_DOWN, () => this.select(state.id));
      chipBg.setInteractive({ useHandCursor: true });
      chipBg.on(Phaser.Input.Events.GAMEOBJECT_POINTER_DOWN, () => this.select(state.id));
    }
    return sprite;
  }

  /** Calls the select callback (once per tap: touch and its emulated mouse event count once). */
  select(id: string): void {
    const now = typeof performance !== "undefined" ? performance.now() : Date.now();
    if (this.lastSelect.id === id && now - this.lastSelect.at < 400) return;
    this.lastSelect = { id, at: now };
    this.selectCallback?.(id);
  }

  private fontSizes(): { id: number; name: number; tag: number } {
    const { width } = this.viewSize;
    if (this.options.large) return { id: 22, name: 18, tag: 15 };
    if (width < 480) return { id: 13, name: 12, tag: 11 };
    return { id: 14, name: 13, tag: 11 };
  }

  private textStyle(kind: "id" | "name" | "tag", own = false): Phaser.Types.GameObjects.Text.TextStyle {
    const sizes = this.fontSizes();
    const t = this.theme;
    const color = own ? t.ownText : kind === "id" ? t.text : t.mutedText;
    return {
      fontFamily: FONT,
      fontSize: `${sizes[kind]}px`,
      fontStyle: kind === "id" ? "bold" : kind === "tag" ? "italic" : "normal",
      color,
      resolution: this.pixelRatio,
    };
  }

  private showNames(): boolean {
    return this.options.large || this.viewSize.width >= 560;
  }

  private updateLabelContent(sprite: StateSprite, state: MapState, view: MapView): void {
    const own = view.own === state.id;
    const bot = isBot(state.control);
    const withName = this.showNames() && !!state.name && state.name !== state.id;
    const key = JSON.stringify([own, bot, withName, state.name, this.fontSizes(), this.pixelRatio]);
    if (key === sprite.contentKey) return;
    sprite.contentKey = key;
    const t = this.theme;
    sprite.idText.setText(own ? `YOU · ${state.id}` : state.id);
    sprite.idText.setStyle(this.textStyle("id", own));
    if (bot && !sprite.botText) {
      sprite.botText = this.add.text(0, 0, "bot", this.textStyle("tag", own));
      sprite.chip.add(sprite.botText);
    } else if (!bot && sprite.botText) {
      sprite.botText.destroy();
      sprite.botText = null;
    }
    sprite.botText?.setStyle(this.textStyle("tag", own));
    if (withName && !sprite.nameText) {
      sprite.nameText = this.add.text(0, 0, state.name, this.textStyle("name", own));
      sprite.chip.add(sprite.nameText);
    } else if (!withName && sprite.nameText) {
      sprite.nameText.destroy();
      sprite.nameText = null;
    }
    sprite.nameText?.setText(state.name).setStyle(this.textStyle("name", own));
    sprite.chipBg.setFillStyle(hexToNumber(own ? t.own : t.chip), 1);
    sprite.chipBg.setStrokeStyle(1, hexToNumber(own ? t.own : t.discOutline), own ? 1 : 0.35);
  }

  private chipMetrics(sprite: StateSprite): { pad: number; gap: number; line1: Size; full: Size | null; compact: Size } {
    const pad = this.options.large ? 6 : 4;
    const gap = this.options.large ? 6 : 4;
    const botW = sprite.botText ? sprite.botText.width + gap : 0;
    const line1 = {
      width: sprite.idText.width + botW,
      height: Math.max(sprite.idText.height, sprite.botText?.height ?? 0),
    };
    const compact = { width: Math.ceil(line1.width + 2 * pad), height: Math.ceil(line1.height + pad) };
    const full = sprite.nameText
      ? {
          width: Math.ceil(Math.max(line1.width, sprite.nameText.width) + 2 * pad),
          height: Math.ceil(line1.height + sprite.nameText.height + pad),
        }
      : null;
    return { pad, gap, line1, full, compact };
  }

  private placeChips(view: MapView, size: Size, lines: readonly (readonly [string, string])[]): void {
    const layout = this.layout;
    if (!layout) return;
    const boxes: LabelBox[] = [];
    const metrics = new Map<string, ReturnType<MapScene["chipMetrics"]>>();
    for (const sprite of this.sprites.values()) {
      const m = this.chipMetrics(sprite);
      metrics.set(sprite.id, m);
      boxes.push({ id: sprite.id, full: m.full, compact: m.compact });
    }
    const must = [view.own, view.selected].filter((x): x is string => !!x);
    const legend = this.legendHeight ? this.legendHeight + 4 : 0;
    const bounds = { x: 2, y: 2, width: size.width - 4, height: size.height - 4 - legend };
    const segments = lines.flatMap(([from, to]) => {
      const a = this.sprites.get(from)?.disc;
      const b = this.sprites.get(to)?.disc;
      return a && b ? [{ x1: a.x, y1: a.y, x2: b.x, y2: b.y }] : [];
    });
    const placements = placeLabels(layout.discs, boxes, bounds, {
      mustShow: must,
      gap: this.options.large ? 4 : 3,
      segments,
    });
    for (const sprite of this.sprites.values()) {
      const p = placements.get(sprite.id) ?? null;
      const m = metrics.get(sprite.id);
      sprite.label = p;
      if (!p || !m || p.hidden) {
        sprite.chip.setVisible(false);
        continue;
      }
      sprite.chip.setVisible(true).setPosition(Math.round(p.x), Math.round(p.y));
      sprite.chipBg.setSize(p.width, p.height);
      sprite.chipBg.setRounded(Math.min(6, p.height / 3));
      if (sprite.chipBg.input) sprite.chipBg.input.hitArea.setTo(0, 0, p.width, p.height);
      const w = p.width;
      sprite.idText.setPosition(Math.round((w - m.line1.width) / 2), Math.round(m.pad / 2));
      sprite.botText?.setPosition(
        Math.round(sprite.idText.x + sprite.idText.width + m.gap),
        Math.round(m.pad / 2 + (sprite.idText.height - sprite.botText.height) / 2 + 1),
      );
      if (sprite.nameText) {
        sprite.nameText.setVisible(!p.compact);
        sprite.nameText.setPosition(Math.round((w - sprite.nameText.width) / 2), Math.round(m.pad / 2 + m.line1.height));
      }
    }
  }

  private drawDiscs(view: MapView): void {
    const g = this.discGfx;
    const marks = this.markGfx;
    g.clear();
    marks.clear();
    const t = this.theme;
    const u = this.unit;
    const sprites = [...this.sprites.values()].sort((a, b) => b.disc.r - a.disc.r);
    for (const s of sprites) {
      const { x, y, r } = s.disc;
      g.fillStyle(hexToNumber(s.style.color), 1);
      g.fillCircle(x, y, r);
      drawPattern(g, s.style, x, y, r);
      g.lineStyle(1.5 * u, hexToNumber(t.discOutline), 0.9);
      g.strokeCircle(x, y, r);
    }
    const own = view.own ? this.sprites.get(view.own) : undefined;
    if (own) {
      const { x, y, r } = own.disc;
      const w = ownOutline(r, u);
      marks.lineStyle(w + 4, hexToNumber(t.background), 1);
      marks.strokeCircle(x, y, r + w / 2);
      marks.lineStyle(w, hexToNumber(t.own), 1);
      marks.strokeCircle(x, y, r + w / 2);
    }
    const selected = view.selected ? this.sprites.get(view.selected) : undefined;
    if (selected) {
      const { x, y, r } = selected.disc;
      const extra = selected === own ? ownOutline(r, u) + 2 : 0;
      const ring = r + extra + 6 * u;
      marks.lineStyle(3 * u, hexToNumber(t.selection), 1);
      marks.strokeCircle(x, y, ring);
      // Four ticks, so the ring reads as "selected" even where it crosses lines.
      for (let k = 0; k < 4; k++) {
        const a = (Math.PI / 2) * k + Math.PI / 4;
        marks.lineBetween(
          x + Math.cos(a) * ring,
          y + Math.sin(a) * ring,
          x + Math.cos(a) * (ring + 6 * u),
          y + Math.sin(a) * (ring + 6 * u),
        );
      }
    }
  }

  private drawEdges(view: MapView): void {
    const suppressed = this.anim?.suppressed;
    const all = buildEdges(view);
    this.edges = suppressed ? all.filter((e) => !suppressed.has(edgeKey(e.kind, e.from, e.to))) : all;
    this.linkGfx.clear();
    this.deedGfx.clear();
    for (const e of this.edges) {
      const a = this.sprites.get(e.from)?.disc;
      const b = this.sprites.get(e.to)?.disc;
      if (!a || !b) continue;
      const g = e.kind === "alliance" || e.kind === "offer" || e.kind === "offer-accepted" ? this.linkGfx : this.deedGfx;
      const style = EDGE_STYLES[e.kind];
      const color = hexToNumber(this.theme[style.color]);
      const geometry = edgeGeometry(a, b, e.lane * 8 * this.unit, style.arrow ? 3 : 1);
      if (!geometry) continue;
      const alpha = e.faded ? 0.45 : 1;
      if (e.kind === "alliance") {
        // A thin halo of the background, so the line reads over other lines.
        drawLine(g, geometry, "solid", (style.width + 3) * this.unit, hexToNumber(this.theme.background), 0.8, false);
      }
      drawLine(g, geometry, style.dash, style.width * this.unit, color, alpha, style.arrow);
      if (e.kind === "offer-accepted") drawCheck(g, geometry, 7 * this.unit, color, alpha);
    }
  }

  /** The legend lists the alliance line and the kinds of line the view shows. */
  private drawLegend(size: Size, view: MapView): void {
    if (!this.options.legend) {
      this.legendHeight = 0;
      return;
    }
    const present = new Set<EdgeKind>(buildEdges(view).map((e) => e.kind));
    const order: EdgeKind[] = ["alliance", "offer", "offer-accepted", "threat", "attack", "betrayal"];
    const kinds = order.filter((k) => k === "alliance" || present.has(k));
    const key = `${size.width}x${size.height}@${this.pixelRatio}:${kinds.join()}`;
    if (this.legend && this.legend.getData("key") === key) return;
    this.legend?.destroy();
    const u = this.unit;
    const c = this.add.container(0, 0).setDepth(7).setName("legend");
    c.setData("key", key);
    const pad = 6 * u;
    const sample = 30 * u;
    const bg = this.add.rectangle(0, 0, 10, 10, hexToNumber(this.theme.chip), 0.95).setOrigin(0, 0);
    bg.setStrokeStyle(1, hexToNumber(this.theme.discOutline), 0.35);
    c.add(bg);
    const g = this.add.graphics();
    c.add(g);
    let x = pad;
    let y = pad;
    let rowH = 0;
    let maxW = 0;
    const maxRowW = size.width - 16;
    for (const kind of kinds) {
      const style = EDGE_STYLES[kind];
      const text = this.add.text(0, 0, style.label, this.textStyle("name"));
      const itemW = sample + 4 * u + text.width;
      if (x > pad && x + itemW > maxRowW) {
        x = pad;
        y += rowH + 4 * u;
        rowH = 0;
      }
      const h = Math.max(text.height, 10);
      const cy = y + h / 2;
      const geometry = { x1: x, y1: cy, x2: x + sample, y2: cy };
      drawLine(g, geometry, style.dash, style.width * u * 0.8, hexToNumber(this.theme[style.color]), 1, style.arrow);
      text.setPosition(x + sample + 4 * u, y);
      c.add(text);
      x += itemW + 14 * u;
      maxW = Math.max(maxW, x - 14 * u);
      rowH = Math.max(rowH, h);
    }
    const height = y + rowH + pad;
    bg.setSize(maxW + pad, height);
    c.setPosition(8, size.height - height - 8);
    this.legend = c;
    this.legendHeight = height + 8;
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
    const tracks: Track[] = [];
    const objects: Phaser.GameObjects.GameObject[] = [];
    const suppressed = new Set<string>();
    const t = this.theme;
    const u = this.unit;
    const disc = (id: string) => this.sprites.get(id)?.disc;
    const fade = (p: number, inEnd: number, outStart: number) =>
      p < inEnd ? p / inEnd : p > outStart ? Math.max(0, (1 - p) / (1 - outStart)) : 1;

    const tag = (text: string, d: Disc, color: string, start: number, end: number) => {
      const obj = this.add
        .text(d.x, d.y - d.r - 8 * u, text, {
          fontFamily: FONT,
          fontSize: `${this.options.large ? 20 : 13}px`,
          fontStyle: "bold",
          color: t.bannerText,
          backgroundColor: color,
          resolution: this.pixelRatio,
          padding: { x: 5 * u, y: 2 * u },
        })
        .setOrigin(0.5, 1)
        .setDepth(8)
        .setAlpha(0);
      const { width } = this.viewSize;
      obj.x = clamp(obj.x, obj.width / 2 + 2, width - obj.width / 2 - 2);
      obj.y = Math.max(obj.height + 2, obj.y);
      objects.push(obj);
      tracks.push({ start, end, frame: (_g, p) => obj.setAlpha(fade(p, 0.2, 0.75)) });
    };

    for (const h of happenings) {
      switch (h.kind) {
        case "allianceFormed": {
          const a = disc(h.a);
          const b = disc(h.b);
          if (!a || !b) break;
          suppressed.add(edgeKey("alliance", h.a, h.b));
          const geo = edgeGeometry(a, b, 0, 1);
          if (!geo) break;
          const color = hexToNumber(t.alliance);
          tracks.push({
            start: 0,
            end: 1000,
            frame: (g, p) => {
              // Both ends reach for the middle, then the line pulses once.
              const grow = Math.min(1, p / 0.7);
              const pulse = p > 0.7 ? 1 + 0.6 * Math.sin(((p - 0.7) / 0.3) * Math.PI) : 1;
              const [half1, half2] = halves(geo);
              const w = EDGE_STYLES.alliance.width * u * pulse;
              drawLine(g, partial(half1, grow), "solid", w, color, 1, false);
              drawLine(g, partial(half2, grow), "solid", w, color, 1, false);
            },
          });
          break;
        }
        case "allianceLeft": {
          const a = disc(h.by);
          const b = disc(h.ally);
          if (!a || !b) break;
          suppressed.add(edgeKey("alliance", h.by, h.ally));
          const geo = edgeGeometry(a, b, 0, 1);
          if (!geo) break;
          const color = hexToNumber(t.alliance);
          tracks.push({
            start: 0,
            end: 1100,
            frame: (g, p) => {
              // Holds, then snaps in the middle and the halves shrink back and fade.
              const keep = p < 0.3 ? 1 : 1 - (p - 0.3) / 0.7;
              const [half1, half2] = halves(geo);
              const w = EDGE_STYLES.alliance.width * u;
              drawLine(g, partial(half1, keep), "solid", w, color, keep, false);
              drawLine(g, partial(half2, keep), "solid", w, color, keep, false);
            },
          });
          suppressed.add(edgeKey("betrayal", h.by, h.ally));
          const bgeo = edgeGeometry(a, b, 8 * u, 3);
          if (bgeo) {
            const bcolor = hexToNumber(t.betrayal);
            tracks.push({
              start: 500,
              end: 1500,
              frame: (g, p) =>
                drawLine(g, partial(bgeo, Math.min(1, p / 0.6)), "dotted", EDGE_STYLES.betrayal.width * u, bcolor, 1, true),
            });
          }
          break;
        }
        case "threat": {
          const a = disc(h.from);
          const b = disc(h.to);
          if (!a || !b) break;
          suppressed.add(edgeKey("threat", h.from, h.to));
          const geo = edgeGeometry(a, b, 0, 3);
          if (!geo) break;
          const color = hexToNumber(t.threat);
          tracks.push({
            start: 250,
            end: 1900,
            frame: (g, p) =>
              drawLine(g, partial(geo, Math.min(1, p / 0.45)), "dashed", EDGE_STYLES.threat.width * u, color, 1, true),
          });
          tag(h.yielded ? "yielded" : "stood firm", b, t.threat, 1050, 1900);
          break;
        }
        case "war": {
          const target = disc(h.target);
          if (!target) break;
          const acolor = hexToNumber(t.attack);
          for (const id of h.attackers) {
            const a = disc(id);
            if (!a) continue;
            suppressed.add(edgeKey("attack", id, h.target));
            const geo = edgeGeometry(a, target, 0, 3);
            if (!geo) continue;
            tracks.push({
              start: 900,
              end: 2600,
              frame: (g, p) =>
                drawLine(g, partial(geo, Math.min(1, p / 0.35)), "solid", EDGE_STYLES.attack.width * u, acolor, 1, true),
            });
          }
          tracks.push({
            start: 1400,
            end: 2400,
            frame: (g, p) => {
              const flash = Math.max(0, Math.sin(p * Math.PI * 3)); // three flashes
              g.fillStyle(acolor, 0.55 * flash);
              g.fillCircle(target.x, target.y, target.r);
              g.lineStyle(3 * u, acolor, 1 - p);
              g.strokeCircle(target.x, target.y, target.r + 4 * u + p * 18 * u);
            },
          });
          const dcolor = hexToNumber(t.alliance);
          for (const id of h.defenders) {
            const d = disc(id);
            if (!d || id === h.target) continue;
            tracks.push({
              start: 1400,
              end: 2400,
              frame: (g, p) => {
                g.lineStyle(3 * u, dcolor, Math.sin(p * Math.PI));
                g.strokeCircle(d.x, d.y, d.r + 5 * u);
              },
            });
          }
          tag(h.winner === "attackers" ? "defeated" : "held", target, t.attack, 1900, 2750);
          break;
        }
        case "crisis": {
          const { width } = this.viewSize;
          const banner = this.add
            .text(width / 2, 10 * u, `Crisis: ${h.title}`, {
              fontFamily: FONT,
              fontSize: `${this.options.large ? 28 : width < 480 ? 15 : 18}px`,
              fontStyle: "bold",
              color: t.bannerText,
              backgroundColor: t.bannerBackground,
              resolution: this.pixelRatio,
              padding: { x: 12 * u, y: 6 * u },
              align: "center",
              wordWrap: { width: Math.max(120, width - 40), useAdvancedWrap: true },
            })
            .setOrigin(0.5, 0)
            .setDepth(9)
            .setAlpha(0)
            .setName("crisis-banner");
          objects.push(banner);
          tracks.push({ start: 0, end: 2500, frame: (_g, p) => banner.setAlpha(fade(p, 0.08, 0.88)) });
          break;
        }
      }
    }
    if (tracks.length === 0) {
      for (const o of objects) o.destroy();
      return Promise.resolve();
    }
    const total = Math.min(ANIMATION_MAX_MS, Math.max(...tracks.map((tr) => tr.end)));
    return new Promise<void>((resolve) => {
      this.anim = {
        startTime: null,
        elapsed: 0,
        total,
        tracks,
        objects,
        suppressed,
        resolve,
        // If frames stop (the tab went to the background), finish on the wall clock.
        timer: setTimeout(() => this.finishAnimation(), total + 1500),
      };
      this.redraw(true);
      this.drawAnimationFrame();
    });
  }

  override update(time: number): void {
    const anim = this.anim;
    if (!anim) return;
    // Wall-clock time (the frame's timestamp), so that slow frames do not stretch the round.
    anim.startTime ??= time;
    anim.elapsed = Math.max(0, time - anim.startTime);
    if (anim.elapsed >= anim.total) this.finishAnimation();
    else this.drawAnimationFrame();
  }

  private drawAnimationFrame(): void {
    const anim = this.anim;
    if (!anim) return;
    const g = this.animGfx;
    g.clear();
    for (const track of anim.tracks) {
      if (anim.elapsed < track.start) continue; // (tags start transparent)
      track.frame(g, clamp((anim.elapsed - track.start) / Math.max(1, track.end - track.start), 0, 1));
    }
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

// ---------------------------------------------------------------------------
// Drawing helpers (plain functions on a Graphics)

/** Width of the own state's outline. */
function ownOutline(r: number, unit: number): number {
  return (3 + Math.min(3, r * 0.05)) * unit;
}

interface Segment {
  x1: number;
  y1: number;
  x2: number;
  y2: number;
}

/**
 * The segment from disc a's rim to disc b's rim, moved sideways by `offset`
 * (px; positive to the left of the direction from the smaller id to the larger,
 * so that a→b and b→a edges keep apart), leaving `endGap` px before b.
 */
export function edgeGeometry(a: Disc, b: Disc, offset: number, endGap: number): Segment | null {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const d = Math.hypot(dx, dy);
  if (d < 1e-6) return null;
  const ux = dx / d;
  const uy = dy / d;
  const flip = a.id < b.id ? 1 : -1;
  const nx = -uy * flip;
  const ny = ux * flip;
  const inA = Math.sqrt(Math.max(0, a.r * a.r - offset * offset)) + 2;
  const inB = Math.sqrt(Math.max(0, b.r * b.r - offset * offset)) + endGap;
  if (inA + inB >= d - 4) return null;
  return {
    x1: a.x + nx * offset + ux * inA,
    y1: a.y + ny * offset + uy * inA,
    x2: b.x + nx * offset - ux * inB,
    y2: b.y + ny * offset - uy * inB,
  };
}

/** The first fraction p of a segment. */
function partial(s: Segment, p: number): Segment {
  return { x1: s.x1, y1: s.y1, x2: s.x1 + (s.x2 - s.x1) * p, y2: s.y1 + (s.y2 - s.y1) * p };
}

/** The two halves of a segment, each from its end to the middle. */
function halves(s: Segment): [Segment, Segment] {
  const mx = (s.x1 + s.x2) / 2;
  const my = (s.y1 + s.y2) / 2;
  return [
    { x1: s.x1, y1: s.y1, x2: mx, y2: my },
    { x1: s.x2, y1: s.y2, x2: mx, y2: my },
  ];
}

function drawLine(
  g: Phaser.GameObjects.Graphics,
  s: Segment,
  dash: Dash,
  width: number,
  color: number,
  alpha: number,
  arrow: boolean,
): void {
  const len = Math.hypot(s.x2 - s.x1, s.y2 - s.y1);
  if (len < 0.5 || alpha <= 0) return;
  const ux = (s.x2 - s.x1) / len;
  const uy = (s.y2 - s.y1) / len;
  const head = arrow ? Math.min(len * 0.6, Math.max(9, width * 2.6)) : 0;
  const bodyLen = len - head * 0.8;
  const ex = s.x1 + ux * bodyLen;
  const ey = s.y1 + uy * bodyLen;
  if (dash === "solid") {
    g.lineStyle(width, color, alpha);
    g.lineBetween(s.x1, s.y1, ex, ey);
  } else if (dash === "dotted") {
    const step = Math.max(5, width * 2.4);
    g.fillStyle(color, alpha);
    for (let t = width / 2; t <= bodyLen; t += step) g.fillCircle(s.x1 + ux * t, s.y1 + uy * t, width * 0.62);
  } else {
    const on = dash === "long-dashed" ? Math.max(12, width * 4) : Math.max(7, width * 2.8);
    const off = dash === "long-dashed" ? Math.max(5, width * 1.6) : Math.max(5, width * 2);
    g.lineStyle(width, color, alpha);
    for (let t = 0; t < bodyLen; t += on + off) {
      const t2 = Math.min(bodyLen, t + on);
      g.lineBetween(s.x1 + ux * t, s.y1 + uy * t, s.x1 + ux * t2, s.y1 + uy * t2);
    }
  }
  if (arrow) {
    const bx = s.x2 - ux * head;
    const by = s.y2 - uy * head;
    const hw = head * 0.55;
    g.fillStyle(color, alpha);
    g.fillTriangle(s.x2, s.y2, bx - uy * hw, by + ux * hw, bx + uy * hw, by - ux * hw);
  }
}

/** A check mark at the middle of an accepted offer. */
function drawCheck(g: Phaser.GameObjects.Graphics, s: Segment, size: number, color: number, alpha: number): void {
  const mx = (s.x1 + s.x2) / 2;
  const my = (s.y1 + s.y2) / 2;
  g.fillStyle(0xffffff, alpha);
  g.fillCircle(mx, my, size * 1.15);
  g.lineStyle(size * 0.38, color, alpha);
  g.lineBetween(mx - size * 0.6, my, mx - size * 0.15, my + size * 0.5);
  g.lineBetween(mx - size * 0.15, my + size * 0.5, mx + size * 0.65, my - size * 0.55);
}

/** Draws the state's pattern inside its disc (clipped analytically to the circle). */
export function drawPattern(g: Phaser.GameObjects.Graphics, style: StateStyle, cx: number, cy: number, r: number): void {
  const ink = hexToNumber(style.ink);
  const alpha = style.ink === "#000000" ? 0.5 : 0.7;
  const inner = r - 1.5;
  if (inner <= 2) return;
  const chords = (angle: number, spacing: number, width: number) => {
    const dx = Math.cos(angle);
    const dy = Math.sin(angle);
    g.lineStyle(width, ink, alpha);
    for (let off = -inner + spacing / 2; off < inner; off += spacing) {
      const half = Math.sqrt(inner * inner - off * off);
      const px = cx - dy * off;
      const py = cy + dx * off;
      g.lineBetween(px - dx * half, py - dy * half, px + dx * half, py + dy * half);
    }
  };
  switch (style.pattern) {
    case "none":
      return;
    case "stripes":
      chords(Math.PI / 4, Math.max(4, r / 3), Math.max(1.2, r / 9));
      return;
    case "crosshatch": {
      const spacing = Math.max(5, r / 2.6);
      const w = Math.max(1, r / 14);
      chords(Math.PI / 4, spacing, w);
      chords(-Math.PI / 4, spacing, w);
      return;
    }
    case "dots": {
      const spacing = Math.max(5, r / 2.4);
      const dot = Math.max(1.2, spacing * 0.22);
      g.fillStyle(ink, alpha);
      for (let y = -inner; y <= inner; y += spacing) {
        const shift = Math.round(y / spacing) % 2 === 0 ? 0 : spacing / 2;
        for (let x = -inner + shift; x <= inner; x += spacing) {
          if (Math.hypot(x, y) + dot <= inner) g.fillCircle(cx + x, cy + y, dot);
        }
      }
      return;
    }
    case "ring":
      g.lineStyle(Math.max(1.5, r / 7), ink, alpha);
      g.strokeCircle(cx, cy, r * 0.55);
      g.fillStyle(ink, alpha);
      g.fillCircle(cx, cy, Math.max(1.2, r * 0.12));
      return;
  }
}
