// "Run the class": pause and resume, add a minute, show predictions, the
// debrief so far, the announcement (send, and take down) and the crisis forms.
// The next step (start, end the round, next round) is the bar's primary button
// (next-action.ts); ending the game sits apart at the bottom, behind a confirm
// step that says what it does.
import { fill, h, isolated, toast, userText } from "../common/dom.js";
import type { Synced } from "../common/synced.js";
import { confirmStep } from "./confirm.js";
import type { ConsoleContext } from "./context.js";

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

  async function endGame(s: Synced): Promise<void> {
    const rest = s.phase === "lobby" ? "before it has started" : `in round ${s.round} of ${s.rounds}`;
    const ok = await confirmStep({
      title: "End the game for everyone?",
      consequence: `The game ends now, ${rest}: no more rounds are played, students can no longer decide anything, and everyone sees the end screens. This cannot be undone. The debrief and the downloads stay available.`,
      confirmLabel: "End the game",
    });
    if (ok) await ctx.act("end", {});
  }

  function render(s: Synced) {
    const { act, code } = ctx;
    const phase = s.phase;
    const buttons: HTMLElement[] = [];
    if (phase === "diplomacy") {
      buttons.push(s.paused ? button("Resume", () => act("resume", {})) : button("Pause", () => act("pause", {})), button("+1 minute", () => act("extend", { seconds: 60 }), "secondary"));
    }
    buttons.push(
      h(
        "button",
        { type: "button", class: "secondary", "aria-pressed": s.showPredictions ? "true" : "false", onclick: () => void act("predictions", { show: !s.showPredictions }) },
        s.showPredictions ? "Hide predictions from students" : "Show predictions to students",
      ),
    );
    buttons.push(h("a", { class: "button secondary", href: `/report.html?code=${code}`, target: "_blank" }, phase === "ended" ? "Debrief report" : "Debrief so far"));
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
            "div",
            { class: "announcement-now", role: "group", "aria-labelledby": "announcement-now-title" },
            h("h3", { id: "announcement-now-title" }, "Announcement on every screen"),
            s.announcement
              ? h("p", { class: "row" }, h("span", { class: "shown" }, userText(s.announcement)), button("Clear the announcement", () => act("clearAnnouncement", {}), "secondary small"))
              : h("p", { class: "muted" }, "None shown."),
          ),
      !running
        ? null
        : h(
            "form",
            {
              class: "row",
              onsubmit: (e: Event) => {
                e.preventDefault();
                void sendAnnouncement();
              },
            },
            h("label", { for: "announce-text" }, "New announcement"),
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
      !running
        ? null
        : h(
            "div",
            { class: "end-zone", role: "group", "aria-labelledby": "end-zone-title" },
            h("h3", { id: "end-zone-title" }, "End the game early"),
            h("p", { class: "muted" }, "Stops the game for everyone before its last round. You will be asked to confirm."),
            button("End the game…", () => endGame(s), "danger"),
          ),
    );
  }
  return { render };
}
