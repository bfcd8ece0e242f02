// Which Phaser renderer draws the map. WebGL where the device has a graphics
// processor; Canvas where WebGL would run in software (SwiftShader, llvmpipe:
// a blocklisted GPU, a virtual machine, headless Chromium), because there
// Canvas 2D is several times faster: on this project's 2-core test machine a
// 1920x1080 projector map animates at about 60 frames per second with Canvas
// and 7 to 16 with software WebGL (npm run bench). Tests and the curious can
// force one with localStorage "entente:map-renderer" = "webgl" or "canvas".
import Phaser from "./phaser.js";

/** What the renderer probe found. */
export interface RendererChoice {
  type: number;
  /** Why, in words (shown nowhere; for tests and debugging). */
  reason: string;
}

/** WebGL renderers that draw on the CPU. */
const SOFTWARE = /swiftshader|llvmpipe|softpipe|software|basic render driver/i;

function forced(): string | null {
  try {
    return typeof localStorage === "undefined" ? null : localStorage.getItem("entente:map-renderer");
  } catch {
    return null; // storage blocked
  }
}

/** Phaser.WEBGL, or Phaser.CANVAS where WebGL is missing or in software (see above). */
export function chooseRenderer(): RendererChoice {
  const asked = forced();
  if (asked === "webgl") return { type: Phaser.WEBGL, reason: "forced" };
  if (asked === "canvas") return { type: Phaser.CANVAS, reason: "forced" };
  if (typeof document === "undefined") return { type: Phaser.AUTO, reason: "no document" };
  let gl: WebGLRenderingContext | null;
  try {
    gl = document.createElement("canvas").getContext("webgl");
  } catch {
    gl = null;
  }
  if (!gl) return { type: Phaser.CANVAS, reason: "no WebGL" };
  const info = gl.getExtension("WEBGL_debug_renderer_info");
  const name = String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER));
  gl.getExtension("WEBGL_lose_context")?.loseContext(); // give the probe's context back at once
  return SOFTWARE.test(name) ? { type: Phaser.CANVAS, reason: `software WebGL (${name})` } : { type: Phaser.WEBGL, reason: name };
}
