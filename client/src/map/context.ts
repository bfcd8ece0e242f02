// What the drawing modules of the map (markers, chips, edges, legend,
// animation) read from the scene, and the text styles that follow from it.
import type Phaser from "./phaser.js";
import type { Size } from "./geometry.js";
import type { MapTheme } from "./palette.js";

/** The parts of the map scene that its drawing modules use (MapScene is one). */
export interface SceneContext {
  /** The scene's game-object factory: what it makes is added to the scene. */
  readonly add: Phaser.GameObjects.GameObjectFactory;
  readonly theme: MapTheme;
  readonly options: {
    /** Clicking or tapping a state selects it. */
    readonly interactive: boolean;
    /** Projector: bigger text and lines. */
    readonly large: boolean;
  };
  /** Multiplier of line widths and distances: 1.5 on the projector, else 1. */
  readonly unit: number;
  /** Device pixels per CSS pixel: text is rendered at this resolution. */
  readonly pixelRatio: number;
  /** Size of the drawing surface, CSS px. */
  readonly viewSize: Size;
}

/** The system font stack of all map text (no font is downloaded). */
export const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif';

/** The kinds of label text: a state's id, its name, and tags such as "bot". */
export type TextKind = "id" | "name" | "tag";

/** Font sizes (px) of the label texts: by the projector option and the surface's width. */
export function fontSizes(ctx: SceneContext): Record<TextKind, number> {
  const { width } = ctx.viewSize;
  if (ctx.options.large) return { id: 22, name: 18, tag: 15 };
  if (width < 480) return { id: 13, name: 12, tag: 11 };
  return { id: 14, name: 13, tag: 11 };
}

/** Phaser text style of a label text (`own`: on the own state's inverted chip). */
export function textStyle(ctx: SceneContext, kind: TextKind, own = false): Phaser.Types.GameObjects.Text.TextStyle {
  const sizes = fontSizes(ctx);
  const t = ctx.theme;
  const color = own ? t.ownText : kind === "id" ? t.text : t.mutedText;
  return {
    fontFamily: FONT,
    fontSize: `${sizes[kind]}px`,
    fontStyle: kind === "id" ? "bold" : kind === "tag" ? "italic" : "normal",
    color,
    resolution: ctx.pixelRatio,
  };
}
