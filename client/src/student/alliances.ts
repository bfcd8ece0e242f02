// Step 1, alliances: the student's relation with every other state (ally,
// offer in or out, accepted) and the buttons that change it. Each answer of
// the server shows in words under the heading ("Saved: …" or why not). The
// list is drawn again only when what it shows changes, and a focused button
// keeps its place (focus.ts): after an offer, focus is on the same row's
// button (now "Withdraw"), also when a teammate's change redraws the list.
import { fill, h } from "../common/dom.js";
import { allied, nameInTextOf, type Synced } from "../common/synced.js";
import type { ClientMessage } from "../../../shared/protocol/messages.js";
import type { Request } from "../common/connection.js";
import type { Panel, StudentContext } from "./context.js";
import { redrawKeepingFocus } from "./focus.js";

export interface AlliancesStep extends Panel {
  element: HTMLElement;
}

/** Why nothing can be changed now, or null when the team may act (diplomacy, not paused, played by the team). */
export function lockedReason(s: Synced, own: string | null): string | null {
  if (!own) return "You are not in a team yet.";
  if (s.phase === "lobby") return "The round has not started yet.";
  if (s.phase === "ended") return "The game is over.";
  if (s.phase === "review") return "This round is over: see what happened on the Results tab.";
  if (s.paused) return "The teacher has paused the game: nothing can be changed until they resume. What your team saved is kept.";
  if (s.states.find((x) => x.id === own)?.control !== "team") return "The teacher has handed your state to a bot for now: it decides for your team.";
  return null;
}

export function mountAlliances(ctx: StudentContext): AlliancesStep {
  const status = h("p", { id: "alliances-status", class: "save-status", "aria-live": "polite" });
  const list = h("ul", { class: "relations", "aria-labelledby": "step-title-alliances" });
  const element = h(
    "div",
    {},
    h("p", { class: "muted" }, "Offer alliances and answer offers. They count at the end of the round. Leaving an ally is a betrayal in their eyes. Tap a state's name to see it on the map."),
    status,
    list,
  );
  let drawn = "";

  async function send<K extends ClientMessage>(type: K, payload: Request<K>, done: string): Promise<void> {
    status.dataset.state = "saving";
    status.textContent = "Saving…";
    const reply = await ctx.conn.send(type, payload);
    status.dataset.state = reply.ok ? "saved" : "refused";
    status.textContent = reply.ok ? `Saved: ${done}` : `Not saved: ${reply.message}`;
  }

  function render(s: Synced) {
    const id = ctx.own();
    if (!id) {
      if (drawn !== "none") fill(list, h("li", {}, "Waiting for your team…"));
      drawn = "none";
      return;
    }
    const t = ctx.team();
    const outs = new Map((t?.offersOut ?? []).map((o) => [o.state, o.accepted]));
    const ins = new Map((t?.offersIn ?? []).map((o) => [o.state, o.accepted]));
    const leaving = new Set(t?.leaving ?? []);
    const selected = ctx.selected();
    const locked = lockedReason(s, id) !== null;
    const rows = s.states
      .filter((x) => x.id !== id)
      .map((x) => {
        const name = nameInTextOf(s, x.id);
        const buttons: { label: string; run: () => void; kind?: string }[] = [];
        let relation: string;
        if (allied(s, id, x.id)) {
          relation = leaving.has(x.id) ? "ally: you are leaving" : "ally";
          buttons.push(
            leaving.has(x.id)
              ? { label: "Stay", run: () => void send("stay", { ally: x.id }, `you stay allied with ${name}.`), kind: "secondary" }
              : { label: "Leave", run: () => void send("leave", { ally: x.id }, `you leave ${name} at the end of the round.`), kind: "secondary" },
          );
        } else if (ins.has(x.id)) {
          relation = ins.get(x.id) ? "you accepted: forms at the end of the round" : "offers you an alliance";
          if (!ins.get(x.id)) {
            buttons.push({ label: "Accept", run: () => void send("accept", { from: x.id }, `you accepted ${name}'s offer.`) });
            buttons.push({ label: "Decline", run: () => void send("decline", { from: x.id }, `you declined ${name}'s offer.`), kind: "secondary" });
          }
        } else if (outs.has(x.id)) {
          relation = outs.get(x.id) ? "accepted: forms at the end of the round" : "you offered";
          if (!outs.get(x.id)) buttons.push({ label: "Withdraw", run: () => void send("withdraw", { to: x.id }, `you withdrew your offer to ${name}.`), kind: "secondary" });
        } else {
          relation = "—";
          buttons.push({ label: "Offer alliance", run: () => void send("offer", { to: x.id }, `you offered an alliance to ${name}.`) });
        }
        return { x, relation, buttons };
      });
    const signature = JSON.stringify([locked, selected, rows.map((r) => [r.x.id, r.x.name, r.relation, r.buttons.map((b) => b.label)])]);
    if (signature === drawn) return;
    drawn = signature;
    redrawKeepingFocus(list, () =>
      fill(
        list,
        ...rows.map(({ x, relation, buttons }) =>
          h(
            "li",
            { class: selected === x.id ? "relation selected" : "relation", "data-state": x.id },
            h(
              "button",
              { type: "button", class: "secondary state-name", "data-key": `name:${x.id}`, "aria-pressed": selected === x.id ? "true" : "false", onclick: () => ctx.select(selected === x.id ? null : x.id) },
              x.name,
            ),
            h("span", { class: "relation-text" }, relation),
            buttons.length > 0
              ? h(
                  "span",
                  { class: "relation-actions" },
                  ...buttons.map((b, i) =>
                    h(
                      "button",
                      {
                        type: "button",
                        class: b.kind ?? "",
                        "data-key": `act:${x.id}:${i}`,
                        "data-fallback": i > 0 ? `act:${x.id}:0` : `name:${x.id}`,
                        "aria-label": `${b.label}: ${x.name}`,
                        disabled: locked,
                        onclick: b.run,
                      },
                      b.label,
                    ),
                  ),
                )
              : null,
          ),
        ),
      ),
    );
  }
  return { element, render };
}
