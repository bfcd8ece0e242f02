// What a map scene can be asked for (options, given once) and told about
// (hooks), with the defaults.
import type { ThemeName } from "./palette.js";
import type { MapData } from "./types.js";

/** Options of a MapScene, fixed when it is made (see withDefaults). */
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

/** Callbacks of a MapScene (mount.ts uses them). */
export interface MapSceneHooks {
  /** The scene has been created (it draws from now on). */
  ready?(): void;
  /** The map was redrawn for this view; `summary` is its text description. */
  drawn?(view: MapData, summary: string): void;
}

/** All options, the missing ones by default: not interactive, not large, light, a legend when large, the palette. */
export function withDefaults(options: Partial<MapSceneOptions>): MapSceneOptions {
  return {
    interactive: options.interactive ?? false,
    large: options.large ?? false,
    theme: options.theme ?? "light",
    legend: options.legend ?? options.large ?? false,
    useScenarioColors: options.useScenarioColors ?? false,
  };
}
