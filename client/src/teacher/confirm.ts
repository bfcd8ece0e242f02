// A real confirm step for the controls that end things (the round, the game):
// a modal <dialog> that says what will happen, with "Cancel" focused first so
// that Enter or Escape never ends anything by accident. Keyboard: Tab between
// the two buttons, Enter to choose, Escape to cancel.
import { h } from "../common/dom.js";

export interface ConfirmStep {
  /** The question, as the dialog's heading ("End the round now?"). */
  title: string;
  /** What will happen, in plain words. */
  consequence: string;
  /** The button that goes ahead ("End the round now"). */
  confirmLabel: string;
}

let open: HTMLDialogElement | null = null;

/** Shows the step and resolves true only when the teacher presses the confirm button. */
export function confirmStep(step: ConfirmStep): Promise<boolean> {
  open?.close();
  return new Promise((resolve) => {
    let answer = false;
    const cancel = h("button", { type: "button", class: "secondary", onclick: () => dialog.close() }, "Cancel");
    const go = h(
      "button",
      {
        type: "button",
        class: "danger",
        onclick: () => {
          answer = true;
          dialog.close();
        },
      },
      step.confirmLabel,
    );
    const dialog = h(
      "dialog",
      { class: "confirm-step", "aria-labelledby": "confirm-title", "aria-describedby": "confirm-text" },
      h("h2", { id: "confirm-title" }, step.title),
      h("p", { id: "confirm-text" }, step.consequence),
      h("div", { class: "row" }, cancel, go),
    );
    dialog.addEventListener("close", () => {
      dialog.remove();
      if (open === dialog) open = null;
      resolve(answer);
    });
    document.body.append(dialog);
    open = dialog;
    dialog.showModal();
    cancel.focus();
  });
}
