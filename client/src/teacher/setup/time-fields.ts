// The game's length: the class period, the rounds and the minutes of talks per
// round, proposed so that the game fits the class (shared/classroom/timing.ts)
// and the estimated total shown beside them, updated as they change.
import { MAX_DIPLOMACY_SECONDS, MIN_DIPLOMACY_SECONDS } from "../../../../shared/classroom/settings.js";
import { CLASS_MINUTES, DEBRIEF_MINUTES, estimateGameTime, JOIN_MINUTES, proposedTiming, REVIEW_MINUTES } from "../../../../shared/classroom/timing.js";
import { MAX_ROUNDS } from "../../../../shared/scenario/schema.js";
import { fill, h } from "../../common/dom.js";
import { count } from "./messages.js";

export interface TimeFields {
  element: HTMLElement;
  /** The rounds and diplomacy seconds to send, or a sentence saying what to fix. */
  read(): { rounds: number; diplomacySeconds: number } | { problem: string; field: HTMLInputElement };
  /** The scenario changed: propose rounds and minutes that fit the class for it. */
  propose(scenarioRounds: number): void;
}

const minutesText = (m: number) => (Number.isInteger(m) ? String(m) : m.toFixed(1));

export function timeFields(): TimeFields {
  const classMinutes = h("input", { id: "class-minutes", type: "number", min: 10, max: 300, step: 5, value: CLASS_MINUTES, inputmode: "numeric", "aria-describedby": "class-minutes-help" });
  const rounds = h("input", { id: "rounds", type: "number", min: 1, max: MAX_ROUNDS, inputmode: "numeric", "aria-describedby": "rounds-help" });
  const minutes = h("input", { id: "minutes", type: "number", min: MIN_DIPLOMACY_SECONDS / 60, max: MAX_DIPLOMACY_SECONDS / 60, step: 0.5, inputmode: "decimal", "aria-describedby": "minutes-help" });
  const roundsHelp = h("div", { id: "rounds-help", class: "muted" });
  const estimate = h("div", { id: "estimate", class: "setup-estimate", role: "status", "aria-live": "polite" });
  let scenarioRounds = 1;

  const read: TimeFields["read"] = () => {
    const r = Number(rounds.value);
    if (rounds.value === "" || !Number.isInteger(r) || r < 1 || r > MAX_ROUNDS) return { problem: `Rounds: type a whole number from 1 to ${MAX_ROUNDS}.`, field: rounds };
    const m = Number(minutes.value);
    const seconds = Math.round(m * 60);
    if (minutes.value === "" || !Number.isFinite(m) || seconds < MIN_DIPLOMACY_SECONDS || seconds > MAX_DIPLOMACY_SECONDS) {
      return { problem: `Minutes of talks per round: type a number from ${MIN_DIPLOMACY_SECONDS / 60} to ${MAX_DIPLOMACY_SECONDS / 60} (3 to 8 suit a class period).`, field: minutes };
    }
    return { rounds: r, diplomacySeconds: seconds };
  };

  const renderEstimate = () => {
    fill(roundsHelp, `The scenario is written for ${count(scenarioRounds, "round")}. Fewer rounds make a shorter game.`);
    const settings = read();
    if ("problem" in settings) {
      fill(estimate, h("p", { class: "setup-problem" }, settings.problem));
      return;
    }
    const t = estimateGameTime(settings.rounds, settings.diplomacySeconds);
    const period = Number(classMinutes.value);
    const fits = !Number.isFinite(period) || period <= 0 ? null : t.total <= period;
    fill(
      estimate,
      h("p", { class: "setup-total" }, "Estimated length: ", h("strong", { id: "estimate-total" }, `about ${t.total} minutes`), fits === null ? "" : fits ? ` (fits your ${period}-minute class)` : ` (longer than your ${period}-minute class)`),
      h(
        "p",
        { class: "muted" },
        `${JOIN_MINUTES} min for students to join, ${count(settings.rounds, "round")} of ${minutesText(settings.diplomacySeconds / 60)} min of talks and about ${REVIEW_MINUTES} min to read the results (${minutesText(t.diplomacy + t.review)} min), and ${DEBRIEF_MINUTES} min for the debrief. A round ends sooner when every team is ready.`,
      ),
      fits === false ? h("p", { class: "setup-warning" }, "Choose fewer rounds or fewer minutes of talks to finish within the class.") : null,
    );
  };
  for (const input of [classMinutes, rounds, minutes]) input.addEventListener("input", renderEstimate);

  const propose = (sRounds: number) => {
    scenarioRounds = sRounds;
    const period = Number(classMinutes.value);
    const p = proposedTiming(sRounds, Number.isFinite(period) && period > 0 ? period : CLASS_MINUTES);
    rounds.value = String(p.rounds);
    minutes.value = minutesText(p.diplomacySeconds / 60);
    renderEstimate();
  };
  // A new class length proposes again (once typed: not at every keystroke).
  classMinutes.addEventListener("change", () => propose(scenarioRounds));

  const field = (input: HTMLInputElement, label: string, help: HTMLElement | string) =>
    h("div", { class: "setup-field" }, h("label", { for: input.id }, label), input, typeof help === "string" ? h("div", { id: `${input.id}-help`, class: "muted" }, help) : help);

  const element = h(
    "fieldset",
    { class: "setup-time" },
    h("legend", {}, "Time"),
    h(
      "div",
      { class: "setup-grid" },
      field(classMinutes, "Length of your class (minutes)", "Rounds and minutes below are proposed to fit it."),
      field(rounds, "Rounds", roundsHelp),
      field(minutes, "Minutes of talks per round", "Teams negotiate and decide; 3 to 8 minutes suit a class."),
    ),
    estimate,
  );
  return { element, read, propose };
}
