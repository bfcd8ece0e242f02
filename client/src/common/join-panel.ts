// The join code, address and QR code, built once per page and kept (the
// console and the projector re-render around it: a picker being used keeps
// its focus). The address is one students' devices can reach (join-address.ts);
// with several networks the teacher picks one, and the QR code follows.
import { CHOICE_KEY, displayAddress, chooseJoinAddress, joinLink, loadJoinAddress, type JoinAddress } from "./join-address.js";
import { fill, h } from "./dom.js";
import { qrElement } from "./qr.js";

export interface JoinPanel {
  /** The whole panel: code, address, QR code, and the picker or warning. */
  element: HTMLElement;
  /** The join address in use, once known (null before). */
  address(): JoinAddress | null;
}

/** A join panel for game `code`. `picker`: whether the teacher may choose among several networks here (the console; not the projector). */
export function joinPanel(code: string, options: { picker: boolean; compact?: boolean }): JoinPanel {
  const spelled = code.split("").join(" ");
  const addressEl = h("strong", { class: "join-address" }, "…");
  const qrBox = h("div", { class: "qr-slot" });
  const extra = h("div", { class: "join-extra" });
  const element = h(
    "div",
    { class: `join-panel${options.compact ? " compact" : ""}` },
    h("div", {}, h("p", { class: "join-at" }, "Go to ", addressEl), h("div", { class: "bigcode", "aria-label": `Join code ${spelled}` }, code), extra),
    qrBox,
  );
  let current: JoinAddress | null = null;

  function show(address: JoinAddress) {
    current = address;
    const link = joinLink(address.url, code);
    addressEl.textContent = displayAddress(address.url);
    fill(qrBox, qrElement(link, `QR code to join game ${code} at ${link}`));
    qrBox.dataset.link = link;
    fill(
      extra,
      address.warning ? h("p", { class: "warning", role: "alert" }, address.warning) : null,
      options.picker && address.choices.length > 1
        ? h(
            "label",
            { class: "join-picker" },
            "Network students use: ",
            h(
              "select",
              {
                onchange: (e: Event) => {
                  const url = (e.target as HTMLSelectElement).value;
                  chooseJoinAddress(url);
                  show({ ...address, url });
                  element.querySelector("select")?.focus();
                },
              },
              ...address.choices.map((c) => h("option", { value: c.url, selected: c.url === address.url }, c.label)),
            ),
          )
        : null,
    );
  }

  void loadJoinAddress().then(show);
  // Another tab (the console) picked another network: follow it.
  window.addEventListener("storage", (e) => {
    if (e.key === CHOICE_KEY && current && e.newValue && current.choices.some((c) => c.url === e.newValue)) show({ ...current, url: e.newValue });
  });
  return { element, address: () => current };
}
