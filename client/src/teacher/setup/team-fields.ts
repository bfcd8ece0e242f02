// Teams and the states no team plays, in a teacher's words: "Play 4 teams" or
// "Teams of about 4 students"; the other states played by the computer
// (following a theory, or at random) or by nobody.
import type { SettingsInput } from "../../../../shared/classroom/settings.js";
import { MAX_TEAMS_VALUE } from "../../../../shared/classroom/settings.js";
import { fill, h } from "../../common/dom.js";
import { count } from "./messages.js";

export interface TeamFields {
  element: HTMLElement;
  read(): { teams: NonNullable<SettingsInput["teams"]>; emptySeats: NonNullable<SettingsInput["emptySeats"]> } | { problem: string; field: HTMLElement };
  /** The scenario changed: how many states it has (teams play at most one each). */
  setStates(n: number): void;
}

export function teamFields(): TeamFields {
  const mode = h(
    "select",
    { id: "team-mode" },
    h("option", { value: "count" }, "Play a number of teams"),
    h("option", { value: "size" }, "Teams of about a number of students"),
  );
  const valueLabel = h("label", { for: "team-value" });
  const value = h("input", { id: "team-value", type: "number", min: 1, max: MAX_TEAMS_VALUE, value: 4, inputmode: "numeric", "aria-describedby": "team-summary" });
  const summary = h("div", { id: "team-summary", class: "muted", "aria-live": "polite" });
  const emptySeats = h(
    "select",
    { id: "empty-seats", "aria-describedby": "empty-seats-help" },
    h("option", { value: "balance-of-threat" }, "The computer, following balance of threat"),
    h("option", { value: "balance-of-power" }, "The computer, following balance of power"),
    h("option", { value: "bandwagon" }, "The computer, siding with the threat (bandwagoning)"),
    h("option", { value: "random" }, "The computer, at random"),
    h("option", { value: "empty" }, "Nobody: they do nothing"),
  );
  let states = 1;

  const render = () => {
    const n = Number(value.value);
    const ok = Number.isInteger(n) && n >= 1;
    if (mode.value === "count") {
      fill(valueLabel, "Number of teams");
      fill(
        summary,
        !ok
          ? "Type a whole number of teams."
          : n >= states
            ? `Play ${count(Math.min(n, states), "team")}: students play every state of the scenario (it has ${count(states, "state")}); the class is shared out among them.`
            : `Play ${count(n, "team")}: students play the first ${count(n, "state")} of the scenario's ${states}, and the class is shared out among them.`,
      );
    } else {
      fill(valueLabel, "Students per team");
      fill(summary, !ok ? "Type a whole number of students." : `Teams of about ${count(n, "student")}: a new team opens when the others are full, up to one per state (${states}).`);
    }
  };
  mode.addEventListener("change", render);
  value.addEventListener("input", render);
  render();

  const element = h(
    "fieldset",
    { class: "setup-teams" },
    h("legend", {}, "Teams"),
    h(
      "div",
      { class: "setup-grid" },
      h("div", { class: "setup-field" }, h("label", { for: "team-mode" }, "How to make teams"), mode),
      h("div", { class: "setup-field" }, valueLabel, value),
    ),
    summary,
    h(
      "div",
      { class: "setup-field" },
      h("label", { for: "empty-seats" }, "States without a team are played by"),
      emptySeats,
      h("div", { id: "empty-seats-help", class: "muted" }, "The computer keeps every state in the game, so the class meets a full world. You can hand a team's state to the computer, or take it back, during the game."),
    ),
  );
  return {
    element,
    read() {
      const n = Number(value.value);
      if (!Number.isInteger(n) || n < 1 || n > MAX_TEAMS_VALUE) {
        return { problem: mode.value === "count" ? `Number of teams: type a whole number from 1 to ${MAX_TEAMS_VALUE}.` : `Students per team: type a whole number from 1 to ${MAX_TEAMS_VALUE}.`, field: value };
      }
      return { teams: { mode: mode.value as "count" | "size", value: n }, emptySeats: emptySeats.value as NonNullable<SettingsInput["emptySeats"]> };
    },
    setStates(n) {
      states = n;
      render();
    },
  };
}
