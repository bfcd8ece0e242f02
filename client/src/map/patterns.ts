// The patterns inside the state discs (stripes, crosshatch, dots, ring), so
// that states differ by more than colour (the pattern of each state is chosen
// in palette.ts).
import type Phaser from "./phaser.js";
import { hexToNumber, type StateStyle } from "./palette.js";

/**
 * Draws the state's pattern inside its disc (centre cx, cy and radius r, px),
 * clipped analytically to the circle; discs of radius 3.5 px or less get none.
 */
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
