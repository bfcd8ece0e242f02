// A QR code for the join link, drawn in the browser (no request leaves the server).
import { renderSVG } from "uqr";

export function qrElement(text: string, label: string): HTMLElement {
  const box = document.createElement("div");
  box.className = "qr";
  const svg = new DOMParser().parseFromString(renderSVG(text, { ecc: "M", border: 2 }), "image/svg+xml").documentElement;
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", label);
  box.append(document.importNode(svg, true));
  return box;
}
