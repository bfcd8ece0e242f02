// The glossary a tap away: a modal <dialog> listing every term of the game in
// plain words (shared/theory/glossary.ts). The browser's modal dialog keeps
// focus inside it and closes on Escape; on closing, focus goes back to the
// button or link that opened it. A term in a sentence is a link that opens the
// glossary at its entry.
import "./theories.css";
import { GLOSSARY, glossaryEntry, type GlossaryId } from "../../../shared/theory/glossary.js";
import { h } from "../common/dom.js";
import { findPlace, placeOf, type Place } from "./focus.js";

let dialog: HTMLDialogElement | null = null;
let opener: HTMLElement | null = null;
/** Where the opener stood in the page, to find it again if its panel was drawn again meanwhile (focus.ts). */
let openerPlace: Place | null = null;

function glossaryDialog(): HTMLDialogElement {
  if (dialog) return dialog;
  const close = h("button", { type: "button", class: "secondary small glossary-close", onclick: () => dialog?.close() }, "Close");
  const d = h(
    "dialog",
    { class: "glossary", id: "glossary", "aria-labelledby": "glossary-title" },
    h("div", { class: "glossary-head" }, h("h2", { id: "glossary-title" }, "Glossary"), close),
    h(
      "dl",
      {},
      ...GLOSSARY.flatMap((e) => [h("dt", { id: `glossary-${e.id}`, tabindex: -1 }, e.term), h("dd", {}, e.text)]),
    ),
  );
  // A click on the backdrop (outside the dialog's box) closes it too.
  d.addEventListener("click", (e) => {
    if (e.target === d) {
      const r = d.getBoundingClientRect();
      const m = e as MouseEvent;
      if (m.clientX < r.left || m.clientX > r.right || m.clientY < r.top || m.clientY > r.bottom) d.close();
    }
  });
  d.addEventListener("close", () => {
    for (const dt of d.querySelectorAll("dt.current")) dt.classList.remove("current");
    let back = opener;
    if (back && !back.isConnected && openerPlace) back = findPlace(openerPlace, document.body);
    opener = null;
    openerPlace = null;
    back?.focus();
  });
  document.body.append(d);
  dialog = d;
  return d;
}

/** Opens the glossary (at one term's entry), remembering what to give focus back to. */
export function openGlossary(id: GlossaryId | null, from: HTMLElement | null): void {
  const d = glossaryDialog();
  opener = from;
  openerPlace = from ? placeOf(from, document.body) : null;
  if (!d.open) d.showModal();
  const target = id ? d.querySelector<HTMLElement>(`#glossary-${id}`) : null;
  if (target) {
    target.classList.add("current");
    target.scrollIntoView({ block: "start" });
    target.focus();
  } else {
    d.querySelector<HTMLElement>(".glossary-close")?.focus();
  }
}

/**
 * A term of the field inside a sentence: a link to its glossary entry, opened in the dialog. A link rather
 * than a button so that a long term wraps with the words around it on a phone (a button never breaks).
 */
export function termButton(id: GlossaryId, text: string): HTMLAnchorElement {
  const entry = glossaryEntry(id);
  const a: HTMLAnchorElement = h(
    "a",
    {
      href: `#glossary-${id}`,
      class: "term",
      "aria-haspopup": "dialog",
      title: `${entry.term}: what it means`,
      onclick: (e: Event) => {
        e.preventDefault();
        openGlossary(id, a);
      },
    },
    text,
  );
  return a;
}

/** The "Glossary" button that opens the whole list. */
export function glossaryButton(): HTMLButtonElement {
  const b: HTMLButtonElement = h("button", { type: "button", class: "secondary small glossary-open", "aria-haspopup": "dialog", onclick: () => openGlossary(null, b) }, "Glossary");
  return b;
}
