// "Students join": the code, the address, the QR code, and how many joined.
import { fill, h } from "../common/dom.js";
import { joinUrl, qrElement } from "../common/qr.js";
import type { Synced } from "../common/synced.js";

export function renderJoinBox(box: HTMLElement, code: string, s: Synced): void {
  const online = s.students.filter((st) => st.connected).length;
  const url = joinUrl(code);
  fill(
    box,
    h("h2", { id: "join-title" }, "Students join"),
    h(
      "div",
      { class: "row" },
      h(
        "div",
        {},
        h("div", { class: "bigcode", "aria-label": `Join code ${code.split("").join(" ")}` }, code),
        h("p", {}, "at ", h("strong", {}, location.host)),
        h("p", {}, `${s.students.length} joined, ${online} connected`),
      ),
      qrElement(url, `QR code for ${url}`),
    ),
  );
}
