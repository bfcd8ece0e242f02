// The Decide panel: the team's members, the budget, the action (with the
// targets the rules allow) and "We are ready". The team's saved values come
// back from the server; what a student is typing is never overwritten.
import { actionTargets } from "../../../shared/rules/diplomacy.js";
import { append, fill, h, toast, userText } from "../common/dom.js";
import { km } from "../../../shared/format.js";
import { membersOf, nameInTextOf, worldOf, type Synced } from "../common/synced.js";
import type { Panel, StudentContext } from "./context.js";

const PARTS = ["economy", "defense", "offense"] as const;
const LABELS = ["Economy %", "Defence %", "Offence %"];

export function mountDecide(panel: HTMLElement, ctx: StudentContext, rejoinBox: HTMLElement): Panel {
  const budgetInputs = PARTS.map((k) => h("input", { type: "number", id: `budget-${k}`, min: 0, max: 100, step: 5, inputmode: "numeric", "aria-describedby": "budget-total" }));
  const budgetTotal = h("p", { id: "budget-total", class: "muted", "aria-live": "polite" });
  const actionKind = h(
    "select",
    { id: "action-kind" },
    h("option", { value: "none" }, "No action"),
    h("option", { value: "threaten" }, "Threaten a state"),
    h("option", { value: "attack" }, "Attack a state"),
  );
  const actionTarget = h("select", { id: "action-target" });
  const readyButton = h("button", { type: "button", id: "ready" }, "We are ready");
  const teamLine = h("p", { class: "muted" });
  let lastSavedBudget = "";
  let lastSavedAction = "";

  const budgetSum = () => budgetInputs.reduce((s, i) => s + (Number(i.value) || 0), 0);
  const showTotal = () => (budgetTotal.textContent = `Total: ${budgetSum()}% (must be 100%)`);
  for (const input of budgetInputs) input.addEventListener("input", showTotal);

  append(
    panel,
    teamLine,
    rejoinBox,
    h(
      "form",
      {
        onsubmit: (e: Event) => {
          e.preventDefault();
          if (budgetSum() !== 100) {
            toast("The three parts must add up to 100%.", "error");
            return;
          }
          const [economy, defense, offense] = budgetInputs.map((i) => Number(i.value)) as [number, number, number];
          void ctx.act("budget", { economy, defense, offense });
        },
      },
      h(
        "fieldset",
        {},
        h("legend", {}, "Budget this round"),
        h("p", { class: "muted" }, "Split what you can spend: economy grows your wealth; defence protects your land; offence can attack, threaten and help allies far away."),
        h("div", { class: "row" }, ...budgetInputs.map((input, i) => h("div", {}, h("label", { for: input.id }, LABELS[i]), h("br"), input))),
        budgetTotal,
        h("button", { type: "submit" }, "Save budget"),
      ),
    ),
    h(
      "form",
      {
        onsubmit: (e: Event) => {
          e.preventDefault();
          const kind = actionKind.value;
          void ctx.act("action", kind === "threaten" || kind === "attack" ? { kind, target: actionTarget.value } : { kind: "none" });
        },
      },
      h(
        "fieldset",
        {},
        h("legend", {}, "Action (at most one)"),
        h("div", { class: "row" }, h("div", {}, h("label", { for: "action-kind" }, "What"), h("br"), actionKind), h("div", {}, h("label", { for: "action-target" }, "Target"), h("br"), actionTarget)),
        h("p", { class: "muted" }, "A threat or attack is a hostile act: others will see you as more threatening."),
        h("button", { type: "submit" }, "Save action"),
      ),
    ),
    h("div", { class: "row" }, readyButton),
  );
  readyButton.addEventListener("click", () => {
    const s = ctx.synced();
    const ready = !(s?.states.find((x) => x.id === ctx.own())?.ready ?? false);
    void ctx.act("ready", { ready });
  });

  function render(s: Synced) {
    const id = ctx.own();
    const t = ctx.team();
    if (!id) {
      fill(teamLine, ctx.me() ? "You are not in a team yet." : "");
      return;
    }
    const members = membersOf(s, id).flatMap((m, i) => [i > 0 ? ", " : "", userText(m.nickname), m.connected ? "" : " (away)"]);
    fill(teamLine, `You play ${nameInTextOf(s, id)} with: `, ...members, ". Any of you can change the team's decisions; all of you see them.");
    if (t) {
      // Only when the team's saved values change: a patch must not undo what someone is typing.
      const saved = `${t.budget.economy}/${t.budget.defense}/${t.budget.offense}`;
      if (saved !== lastSavedBudget) {
        lastSavedBudget = saved;
        const values = [t.budget.economy, t.budget.defense, t.budget.offense];
        budgetInputs.forEach((input, i) => (input.value = String(values[i])));
      }
      showTotal();
      if (t.action.kind !== lastSavedAction) {
        lastSavedAction = t.action.kind;
        actionKind.value = t.action.kind;
      }
    }
    const current = document.activeElement === actionTarget ? actionTarget.value : t?.action.kind !== "none" ? (t?.action.target ?? "") : "";
    const targets = actionTargets({ ...worldOf(s), reach: s.reach }, id, t?.leaving ?? []);
    fill(
      actionTarget,
      h("option", { value: "" }, "(choose)"),
      ...targets.map((target) => {
        const stateName = s.states.find((x) => x.id === target.id)?.name ?? target.id;
        const note = target.ally && !target.allowed ? " (ally)" : !target.inReach ? ` (out of reach: ${km(target.distance)})` : ` (${km(target.distance)})`;
        return h("option", { value: target.id, disabled: !target.allowed }, `${stateName}${note}`);
      }),
    );
    actionTarget.value = current;
    const mine = s.states.find((x) => x.id === id);
    const diplomacy = s.phase === "diplomacy" && !s.paused;
    readyButton.textContent = mine?.ready ? "Not ready after all" : "We are ready";
    readyButton.setAttribute("aria-pressed", mine?.ready ? "true" : "false");
    for (const el of [readyButton, ...budgetInputs, actionKind, actionTarget]) el.disabled = !diplomacy || mine?.control !== "team";
  }
  return { render };
}
