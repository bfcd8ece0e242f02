// Colours, patterns and themes of the map (pure: no Phaser, no DOM).
//
// States are told apart by their short id label first, then by a pattern or
// marker, and only then by colour: the colours are the Okabe-Ito palette (safe
// for the common forms of colour blindness), the patterns cycle with a period
// (5) prime to the number of colours (8), so the first 40 states all get a
// different colour + pattern pair. Line kinds (alliance, offer, attack, threat,
// betrayal) differ by dash style and arrowheads, not by colour alone.

export type Pattern = "none" | "stripes" | "dots" | "ring" | "crosshatch";

export const PATTERNS: readonly Pattern[] = ["none", "stripes", "dots", "ring", "crosshatch"];

/** Okabe & Ito (2008), ordered so that the first few states are the most distinct. */
export const OKABE_ITO = {
  blue: "#0072B2",
  orange: "#E69F00",
  bluishGreen: "#009E73",
  vermillion: "#D55E00",
  skyBlue: "#56B4E9",
  reddishPurple: "#CC79A7",
  yellow: "#F0E442",
  black: "#000000",
} as const;

const LIGHT_COLORS = Object.values(OKABE_ITO);
/** On a dark background black is replaced by a light grey. */
const DARK_COLORS = LIGHT_COLORS.map((c) => (c === OKABE_ITO.black ? "#BBBBBB" : c));

export type ThemeName = "light" | "dark";

export interface MapTheme {
  name: ThemeName;
  /** Canvas background (the "sea"). */
  background: string;
  /** Land of no state of the scenario, and its borders. */
  land: string;
  landBorder: string;
  /** Borders between territories. */
  border: string;
  /** Opacity of a territory's fill (its state's colour), so that lines and patterns stay readable over it. */
  territoryAlpha: number;
  /** Label text, on `chip`. */
  text: string;
  /** Secondary label text (the "bot" tag, names), on `chip`. */
  mutedText: string;
  /** Label chip background (opaque). */
  chip: string;
  /** Outline of every disc. */
  discOutline: string;
  /** Own state: thick outline colour, and the inverted "YOU" chip (text on `own`). */
  own: string;
  ownText: string;
  /** Ring around the selected state. */
  selection: string;
  alliance: string;
  offer: string;
  attack: string;
  threat: string;
  betrayal: string;
  /** Crisis banner: text on background. */
  bannerBackground: string;
  bannerText: string;
  colors: readonly string[];
}

export const THEMES: Record<ThemeName, MapTheme> = {
  light: {
    name: "light",
    background: "#EEF2F6",
    land: "#D3D8DF",
    landBorder: "#9AA3AF",
    border: "#2B3440",
    territoryAlpha: 0.7,
    text: "#14181F",
    mutedText: "#4A5361",
    chip: "#FFFFFF",
    discOutline: "#2B3440",
    own: "#14181F",
    ownText: "#FFFFFF",
    selection: "#0057B8",
    alliance: "#232A33",
    offer: "#0057B8",
    attack: "#B8360A",
    threat: "#8A5300",
    betrayal: "#7B2D8E",
    bannerBackground: "#8E1F0B",
    bannerText: "#FFFFFF",
    colors: LIGHT_COLORS,
  },
  dark: {
    name: "dark",
    background: "#111923",
    land: "#2A3442",
    landBorder: "#4E5A6A",
    border: "#DCE2EA",
    territoryAlpha: 0.75,
    text: "#F2F4F7",
    mutedText: "#BAC3CF",
    chip: "#1E2935",
    discOutline: "#DCE2EA",
    own: "#F2F4F7",
    ownText: "#111923",
    selection: "#FFD166",
    alliance: "#E3E8EE",
    offer: "#7CC4FF",
    attack: "#FF7F5C",
    threat: "#F2C14E",
    betrayal: "#D9A6EA",
    bannerBackground: "#FFB4A2",
    bannerText: "#2A0A02",
    colors: DARK_COLORS,
  },
};

export interface StateStyle {
  id: string;
  /** Fill colour (#RRGGBB). */
  color: string;
  pattern: Pattern;
  /** Colour to draw the pattern with on `color` (black or white, whichever contrasts more). */
  ink: string;
}

/**
 * Colour and pattern of each state, in the order given (the scenario's order,
 * so every page of a game gets the same result). The scenario's own colour is
 * used only when `useScenarioColors` is set and the colour is valid; the
 * default is the colour-blind-safe palette for every state, for consistency.
 * The pages can call this too, to colour HTML swatches like the map.
 */
export function stateStyles(
  states: readonly { id: string; color?: string }[],
  options: { theme?: ThemeName; useScenarioColors?: boolean } = {},
): Map<string, StateStyle> {
  const colors = THEMES[options.theme ?? "light"].colors;
  const out = new Map<string, StateStyle>();
  states.forEach((s, i) => {
    const own = options.useScenarioColors && s.color && isHex(s.color) ? s.color.toUpperCase() : undefined;
    const color = own ?? colors[i % colors.length]!;
    const pattern = PATTERNS[i % PATTERNS.length] as Pattern;
    out.set(s.id, { id: s.id, color, pattern, ink: inkOn(color) });
  });
  return out;
}

export function isHex(color: string): boolean {
  return /^#[0-9a-fA-F]{6}$/.test(color);
}

/** "#RRGGBB" -> 0xRRGGBB for Phaser. */
export function hexToNumber(color: string): number {
  return isHex(color) ? Number.parseInt(color.slice(1), 16) : 0x808080;
}

/** WCAG 2 relative luminance of "#RRGGBB". */
export function relativeLuminance(color: string): number {
  const n = hexToNumber(color);
  const channel = (v: number) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel((n >> 16) & 255) + 0.7152 * channel((n >> 8) & 255) + 0.0722 * channel(n & 255);
}

/** WCAG 2 contrast ratio, from 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const la = relativeLuminance(a);
  const lb = relativeLuminance(b);
  return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
}

/** Black or white, whichever contrasts more with the colour. */
export function inkOn(color: string): string {
  return contrastRatio(color, "#000000") >= contrastRatio(color, "#FFFFFF") ? "#000000" : "#FFFFFF";
}
