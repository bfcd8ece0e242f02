// The guide to scenario files (docs/scenarios.md), bundled into the page: the
// server serves no docs folder, so a link to it would lead nowhere. The
// teacher can read it here and download its complete example as a file to
// start from.
import guide from "../../../../docs/scenarios.md?raw";
import { h } from "../../common/dom.js";

/** The first JSON block of the guide: its small complete example. */
export function exampleScenario(): string {
  const match = /```json\n([\s\S]*?)```/.exec(guide);
  return match ? match[1]! : "";
}

function downloadExample(): void {
  const url = URL.createObjectURL(new Blob([exampleScenario()], { type: "application/json" }));
  const a = h("a", { href: url, download: "example-scenario.json" });
  document.body.append(a);
  a.click();
  a.remove();
  URL.revokeObjectURL(url);
}

/** A disclosure with the guide, and a button that downloads the example file. */
export function scenarioGuide(): HTMLElement {
  return h(
    "details",
    { class: "setup-guide" },
    h("summary", {}, "How to write your own scenario file"),
    h(
      "p",
      {},
      "A scenario is one JSON file: its states, their strength and position, alliances, past events and crises. Start from the example, change it, then choose it above: Entente checks it and lists anything to fix. ",
      h("button", { type: "button", class: "small secondary", onclick: downloadExample }, "Download the example file"),
    ),
    h("pre", { class: "setup-guide-text", tabindex: 0, "aria-label": "The guide to scenario files" }, guide),
  );
}
