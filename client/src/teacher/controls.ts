// "Run the class": start, pause and resume, add a minute, end the round, next
// round, end the game, show predictions, the debrief and exports, and the
// announcement and crisis forms.
import { fill, h, isolated, toast } from "../common/dom.js";
import type { Synced } from "../common/synced.js";
import type { ConsoleContext } from "./context.js";
import { downloadExport } from "./setup.js";

export function mountControls(box: HTMLElement, ctx: ConsoleContext): { render(s: Synced): void } {
  const announceInput = h("input", { id: "announce-text", maxlength: 500 });
  const crisisSelect = h("select", { id: "crisis-id" });
  const crisisTitle = h("input", { id: "crisis-title", maxlength: 80 });
  const crisisText = h("input", { id: "crisis-text", maxlength: 1000 });
  const button = (label: string, onclick: () => unknown, kind?: string) => h("button", { type: "button", ...(kind ? { class: kind } : {}), onclick: () => void onclick() }, label);

  /** The announcement form: the field is cleared once the announcement is accepted. */
  async function sendAnnouncement(): Promise<void> {
    const text = announceInput.value.trim();
    if (text && (await ctx.act("announce", { text }))) announceInput.value = "";
  }

  /** The live crisis form: both fields are needed, and cleared once the crisis is accepted. */
  async function sendCrisis(): Promise<void> {
    const title = crisisTitle.value.trim();
    const text = crisisText.value.trim();
    if (!title || !text) {
      toast("A crisis needs a title and a text.", "error");
      return;
    }
    if (await ctx.act("crisis", { title, text })) {
      crisisTitle.value = "";
      crisisText.value = "";
    }
  }

  function render(s: Synced) {
    const { act, code } = ctx;
    const phase = s.phase;
    const buttons: HTMLElement[] = [];
    if (phase === "lobby") buttons.push(button("Start the game", () => act("start", {})));
    if (phase === "diplomacy") {
      buttons.push(
        s.paused ? button("Resume", () => act("resume", {})) : button("Pause", () => act("pause", {})),
        button("+1 minute", () => act("extend", { seconds: 60 }), "secondary"),
        button("End the round now", () => act("advance", {}), "secondary"),
      );
    }
    if (phase === "review") buttons.push(button(s.round >= s.rounds ? "Finish the game" : "Start the next round", () => act("advance", {})));
    if (phase !== "ended") buttons.push(button("End the game", () => confirm("End the game for everyone now?") && act("end", {}), "danger"));
    buttons.push(
      h(
        "button",
        { type: "button", class: "secondary", "aria-pressed": s.showPredictions ? "true" : "false", onclick: () => void act("predictions", { show: !s.showPredictions }) },
        s.showPredictions ? "Hide predictions from students" : "Show predictions to students",
      ),
    );
    buttons.push(h("a", { class: "button secondary", href: `/report.html?code=${code}`, target: "_blank" }, phase === "ended" ? "Debrief report" : "Debrief so far"));
    if (phase === "ended") {
      for (const file of ["rounds.csv", "events.csv", "log.json"]) buttons.push(button(`Download ${file}`, () => downloadExport(code, file), "secondary"));
    }
    const crises = ctx.crises();
    const chosen = crisisSelect.value;
    fill(crisisSelect, ...crises.map((c) => h("option", { value: c.id }, `${isolated(c.title)}${c.round ? ` (scheduled round ${c.round})` : ""}${c.fired ? " – already out" : ""}`)));
    if (crises.some((c) => c.id === chosen)) crisisSelect.value = chosen;
    const running = phase !== "ended";
    fill(
      box,
      h("h2", { id: "controls-title" }, "Run the class"),
      h("div", { class: "row" }, ...buttons),
      !running
        ? h("p", {}, "The game is over. Its report stays available with your teacher key.")
        : h(
            "form",
            {
              class: "row",
              onsubmit: (e: Event) => {
                e.preventDefault();
                void sendAnnouncement();
              },
            },
            h("label", { for: "announce-text" }, "Announcement"),
            announceInput,
            h("button", { type: "submit", class: "secondary" }, "Announce"),
          ),
      running && crises.length > 0
        ? h(
            "form",
            {
              class: "row",
              onsubmit: (e: Event) => {
                e.preventDefault();
                void act("crisis", { crisisId: crisisSelect.value });
              },
            },
            h("label", { for: "crisis-id" }, "Scenario crisis"),
            crisisSelect,
            h("button", { type: "submit", class: "secondary" }, "Inject"),
          )
        : null,
      !running
        ? null
        : h(
            "form",
            {
              class: "row",
              onsubmit: (e: Event) => {
                e.preventDefault();
                void sendCrisis();
              },
            },
            h("label", { for: "crisis-title" }, "Live crisis: title"),
            crisisTitle,
            h("label", { for: "crisis-text" }, "text"),
            crisisText,
            h("button", { type: "submit", class: "secondary" }, "Inject"),
          ),
    );
  }
  return { render };
}
