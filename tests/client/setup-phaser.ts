// Runs before each client test file (vitest setupFiles), before Phaser is
// imported: jsdom has no canvas and never loads images, so Phaser would crash
// on import (no 2D context) or never boot (its base64 textures never load).
// The stubs (see the Phaser notes): a fake 2D context, images that "load" at
// once, window.focus, and a CanvasRenderingContext2D for mountMap's AUTO type.
const noop = () => {};

function fake2d(canvas: HTMLCanvasElement): CanvasRenderingContext2D {
  const base: Record<string | symbol, unknown> = {
    canvas,
    getImageData: (_x: number, _y: number, w: number, h: number) => ({
      width: w,
      height: h,
      data: new Uint8ClampedArray(Math.max(1, w * h * 4)),
    }),
    createImageData: (w: number, h: number) => ({ width: w, height: h, data: new Uint8ClampedArray(Math.max(1, w * h * 4)) }),
    // 8 px per character, so text sizes are predictable in tests.
    measureText: (t: string) => ({
      width: t.length * 8,
      actualBoundingBoxAscent: 8,
      actualBoundingBoxDescent: 2,
      fontBoundingBoxAscent: 8,
      fontBoundingBoxDescent: 2,
    }),
    getLineDash: () => [],
    createLinearGradient: () => ({ addColorStop: noop }),
    createRadialGradient: () => ({ addColorStop: noop }),
    createPattern: () => ({}),
    isPointInPath: () => false,
    getTransform: () => ({ a: 1, b: 0, c: 0, d: 1, e: 0, f: 0 }),
  };
  // Unknown methods are no-ops; property writes are kept.
  return new Proxy(base, {
    get: (t, k) => (k in t ? t[k] : noop),
    set: (t, k, v) => ((t[k] = v), true),
  }) as unknown as CanvasRenderingContext2D;
}

HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string) {
  return type === "2d" ? fake2d(this) : null;
} as typeof HTMLCanvasElement.prototype.getContext;

const srcDescriptor = Object.getOwnPropertyDescriptor(HTMLImageElement.prototype, "src");
if (!srcDescriptor?.get || !srcDescriptor.set) throw new Error("jsdom changed: HTMLImageElement.src has no accessor");
const { get: getSrc, set: setSrc } = srcDescriptor;
Object.defineProperty(HTMLImageElement.prototype, "src", {
  configurable: true,
  get(this: HTMLImageElement) {
    return getSrc.call(this);
  },
  set(this: HTMLImageElement, value: string) {
    setSrc.call(this, value);
    if (!this.getAttribute("width")) {
      this.width = 32;
      this.height = 32;
    }
    setTimeout(() => this.dispatchEvent(new Event("load")), 0);
  },
});

window.focus = noop;

// Phaser decides that a browser can draw on a canvas by the presence of this
// constructor (jsdom has none): with it, mountMap's Phaser.AUTO falls back to
// the canvas renderer, drawing into the fake context above.
if (!("CanvasRenderingContext2D" in window)) {
  Object.defineProperty(window, "CanvasRenderingContext2D", { value: function CanvasRenderingContext2D() {}, configurable: true });
}
