// Steps 2 and 3, the budget and the action (with the targets the rules allow),
// and the line that says who plays the state. Both save themselves
// (autosave.ts): what the student types is sent after a pause, or at once when
// they leave the field; the team's saved values come back from the server and
// never overwrite a change that has not been sent yet.
import { actionTargets } from "../../../shared/rules/diplomacy.js";
import { actionFromChoice, budgetProblem, budgetTotal, type ActionChoice } from "../../../shared/classroom/draft-input.js";
import type { Action, Budget } from "../../../shared/rules/types.js";
import { km } from "../../../shared/format.js";
import { fill, h, userText } from "../common/dom.js";
import { membersOf, nameInTextOf, nameOf, worldOf, type Synced } from "../common/synced.js";
import { DraftStore, FieldSaver } from "./autosave.js";
import { lockedReason } from "./alliances.js";
import type { Panel, StudentContext } from "./context.js";

const PARTS = ["economy", "defense", "offense"] as const;
const LABELS = ["Economy %", "Defence %", "Offence %"];

export interface DecideSteps extends Panel {
  teamLine: HTMLElement;
  budget: HTMLElement;
  action: HTMLElement;
  /** Sends every pending change now; resolves with the first reason one could not be saved, or null. */
  flush(): Promise<string | null>;
  flushBudget(): Promise<boolean>;
  flushAction(): Promise<boolean>;
}

const encodeBudget = (b: Budget) => `${b.economy}/${b.defense}/${b.offense}`;
const encodeChoice = (c: ActionChoice) => (c.kind === "none" ? "none" : `${c.kind}:${c.target}`);
const choiceOf = (a: Action): ActionChoice => (a.kind === "none" ? { kind: "none", target: "" } : { kind: a.kind, target: a.target });

export function mountDecide(ctx: StudentContext): DecideSteps {
  const store = new DraftStore(ctx.code);
  const budgetInputs = PARTS.map((k) =>
    h("input", { type: "number", id: `budget-${k}`, min: 0, max: 100, step: 5, inputmode: "numeric", "aria-describedby": "budget-total budget-status" }),
  );
  const budgetTotalEl = h("p", { id: "budget-total", class: "muted" });
  const budgetStatus = h("p", { id: "budget-status", class: "save-status", "aria-live": "polite" });
  const budgetConflict = h("div", { class: "conflict", role: "status", hidden: true });
  const actionKind = h(
    "select",
    { id: "action-kind", "aria-describedby": "action-status" },
    h("option", { value: "none" }, "No action"),
    h("option", { value: "threaten" }, "Threaten a state"),
    h("option", { value: "attack" }, "Attack a state"),
  );
  const actionTarget = h("select", { id: "action-target", "aria-describedby": "action-status" });
  const actionStatus = h("p", { id: "action-status", class: "save-status", "aria-live": "polite" });
  const actionConflict = h("div", { class: "conflict", role: "status", hidden: true });
  const teamLine = h("p", { class: "team-line" });

  const readBudget = (): Budget => {
    const [economy, defense, offense] = budgetInputs.map((i) => (i.value.trim() === "" ? Number.NaN : Number(i.value))) as [number, number, number];
    return { economy, defense, offense };
  };
  const readChoice = (): ActionChoice => ({ kind: actionKind.value, target: actionKind.value === "none" ? "" : actionTarget.value });
  /** The team's saved draft, with its state and round, while it may be changed. */
  const savedOf = (encode: (t: NonNullable<ReturnType<StudentContext["team"]>>) => string) => () => {
    const s = ctx.synced();
    const t = ctx.team();
    const own = ctx.own();
    if (!s || !t || !own || lockedReason(s, own)) return null;
    return { value: encode(t), state: own, round: s.round };
  };

  const budget = new FieldSaver<Budget>({
    name: "budget",
    status: budgetStatus,
    read: readBudget,
    encode: encodeBudget,
    problem: budgetProblem,
    send: (b) => ctx.conn.send("budget", b),
    saved: savedOf((t) => encodeBudget(t.budget)),
    store,
  });
  const action = new FieldSaver<ActionChoice>({
    name: "action",
    status: actionStatus,
    read: readChoice,
    encode: encodeChoice,
    problem: (c) => {
      const r = actionFromChoice(c);
      return "problem" in r ? r.problem : null;
    },
    send: (c) => {
      const r = actionFromChoice(c);
      if ("problem" in r) return Promise.resolve({ ok: false as const, code: "bad-message" as const, message: r.problem });
      return ctx.conn.send("action", r.action.kind === "none" ? { kind: "none" } : { kind: r.action.kind, target: r.action.target });
    },
    saved: savedOf((t) => encodeChoice(choiceOf(t.action))),
    store,
  });

  const showTotal = () => (budgetTotalEl.textContent = `Total: ${budgetTotal(readBudget())}% (must be 100%)`);
  for (const input of budgetInputs) {
    input.addEventListener("input", () => {
      showTotal();
      budget.changed();
    });
  }
  const budgetFieldset = h(
    "fieldset",
    {},
    h("legend", {}, "Budget this round"),
    h("p", { class: "muted" }, "Split what you can spend: economy grows your wealth; defence protects your land; offence can attack, threaten and help allies far away."),
    h("div", { class: "budget-parts" }, ...budgetInputs.map((input, i) => h("div", {}, h("label", { for: input.id }, LABELS[i]), input))),
    budgetTotalEl,
    budgetStatus,
    budgetConflict,
  );
  // Leaving the three fields (not moving between them) sends at once.
  budgetFieldset.addEventListener("focusout", (e) => {
    const next = e.relatedTarget;
    if (!(next instanceof Node && budgetFieldset.contains(next))) void budget.flush();
  });
  actionKind.addEventListener("change", () => action.changed(0));
  actionTarget.addEventListener("change", () => action.changed(0));

  const budgetEl = h("form", { onsubmit: (e: Event) => e.preventDefault(), "aria-labelledby": "step-title-budget" }, budgetFieldset);
  const actionEl = h(
    "form",
    { onsubmit: (e: Event) => e.preventDefault(), "aria-labelledby": "step-title-action" },
    h(
      "fieldset",
      {},
      h("legend", {}, "Action (at most one)"),
      h("div", { class: "action-parts" }, h("div", {}, h("label", { for: "action-kind" }, "What"), actionKind), h("div", {}, h("label", { for: "action-target" }, "Target"), actionTarget)),
      h("p", { class: "muted" }, "A threat or attack is a hostile act: others will see you as more threatening."),
      actionStatus,
      actionConflict,
    ),
  );

  /** Says that a kept change was not sent because a teammate saved another value, and offers to send it anyway. */
  function showConflict(box: HTMLElement, what: string, theirs: string, mine: string, use: () => void) {
    box.hidden = false;
    fill(
      box,
      h("p", {}, `While the page was reloading, a teammate saved ${what} ${theirs}. Your change (${mine}) was not sent, so nothing of theirs was overwritten.`),
      h(
        "button",
        {
          type: "button",
          class: "secondary",
          onclick: () => {
            box.hidden = true;
            use();
          },
        },
        "Use my change instead",
      ),
    );
  }
  const budgetWords = (enc: string) => {
    const [e, d, o] = enc.split("/");
    return `economy ${e}%, defence ${d}%, offence ${o}%`;
  };
  const actionWords = (enc: string) => {
    if (enc === "none") return "no action";
    const [kind, target] = enc.split(":");
    return `${kind === "attack" ? "attack" : "threaten"} ${nameOf(ctx.synced(), target ?? "")}`;
  };
  const applyBudget = (enc: string) => {
    enc.split("/").forEach((v, i) => (budgetInputs[i]!.value = v));
    showTotal();
  };
  const applyChoice = (enc: string) => {
    const [kind, target] = enc === "none" ? ["none", ""] : enc.split(":");
    actionKind.value = kind ?? "none";
    if (target) {
      if (![...actionTarget.options].some((o) => o.value === target)) actionTarget.append(h("option", { value: target }, nameOf(ctx.synced(), target)));
      actionTarget.value = target;
    }
  };

  let shownBudget = "";
  let shownChoice = "";
  let targetsDrawn = "";
  let restored = false;
  let round = 0;

  function render(s: Synced) {
    const id = ctx.own();
    const t = ctx.team();
    if (!id) {
      fill(teamLine, ctx.me() ? "You are not in a team yet." : "");
      return;
    }
    const members = membersOf(s, id).flatMap((m, i) => [i > 0 ? ", " : "", userText(m.nickname), m.connected ? "" : " (away)"]);
    // In the lobby the notice above says it already.
    teamLine.hidden = s.phase === "lobby";
    fill(teamLine, `You play ${nameInTextOf(s, id)} with: `, ...members, ". Any of you can change the team's choices; all of you see them.");
    if (s.round !== round) {
      round = s.round;
      budget.reset();
      action.reset();
      budgetConflict.hidden = true;
      actionConflict.hidden = true;
    }
    const locked = lockedReason(s, id);
    if (t) {
      // The team's saved values, unless this student has a change the server does not have yet.
      const savedBudget = encodeBudget(t.budget);
      if (savedBudget !== shownBudget && !budget.dirty()) {
        shownBudget = savedBudget;
        applyBudget(savedBudget);
        budget.showsSaved();
      }
      const savedChoice = encodeChoice(choiceOf(t.action));
      if (savedChoice !== shownChoice && !action.dirty()) {
        shownChoice = savedChoice;
        applyChoice(savedChoice);
        action.showsSaved();
      }
    }
    showTotal();
    const targets = actionTargets({ ...worldOf(s), reach: s.reach }, id, t?.leaving ?? []);
    const targetSignature = JSON.stringify(targets.map((x) => [x.id, x.allowed, x.inReach, Math.round(x.distance)]));
    if (targetSignature !== targetsDrawn) {
      targetsDrawn = targetSignature;
      const current = actionTarget.value;
      fill(
        actionTarget,
        h("option", { value: "" }, "(choose)"),
        ...targets.map((target) => {
          const note = target.ally && !target.allowed ? " (ally)" : !target.inReach ? ` (out of reach: ${km(target.distance)})` : ` (${km(target.distance)})`;
          return h("option", { value: target.id, disabled: !target.allowed }, `${nameOf(s, target.id)}${note}`);
        }),
      );
      actionTarget.value = current;
    }
    for (const el of [...budgetInputs, actionKind, actionTarget]) el.disabled = locked !== null;
    actionTarget.disabled ||= actionKind.value === "none";
    if (!restored && t && !locked) {
      restored = true;
      budget.restore(applyBudget, (theirs, mine) =>
        showConflict(budgetConflict, "the budget", budgetWords(theirs), budgetWords(mine), () => {
          applyBudget(mine);
          budget.changed(0);
        }),
      );
      action.restore(applyChoice, (theirs, mine) =>
        showConflict(actionConflict, "the action", actionWords(theirs), actionWords(mine), () => {
          applyChoice(mine);
          action.changed(0);
        }),
      );
    }
  }

  // Picking "No action" leaves no target to choose.
  actionKind.addEventListener("change", () => (actionTarget.disabled = actionKind.value === "none"));

  return {
    teamLine,
    budget: budgetEl,
    action: actionEl,
    render,
    flushBudget: () => budget.flush(),
    flushAction: () => action.flush(),
    async flush() {
      const [b, a] = await Promise.all([budget.flush(), action.flush()]);
      if (!b) return budgetStatus.textContent || "The budget is not saved.";
      if (!a) return actionStatus.textContent || "The action is not saved.";
      return null;
    },
  };
}
