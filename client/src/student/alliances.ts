// The Alliances panel: the student's relation with every state (ally, offer
// in or out, accepted) and the buttons that change it.
import { fill, h } from "../common/dom.js";
import { allied, type Synced } from "../common/synced.js";
import type { Panel, StudentContext } from "./context.js";

export function mountAlliances(panel: HTMLElement, ctx: StudentContext): Panel {
  const button = (label: string, onclick: () => void, kind = "small") => h("button", { class: kind, type: "button", onclick }, label);

  function render(s: Synced) {
    const id = ctx.own();
    if (!id) {
      fill(panel, h("p", {}, "Waiting for your team…"));
      return;
    }
    const t = ctx.team();
    const outs = new Map((t?.offersOut ?? []).map((o) => [o.state, o.accepted]));
    const ins = new Map((t?.offersIn ?? []).map((o) => [o.state, o.accepted]));
    const leaving = new Set(t?.leaving ?? []);
    const selected = ctx.selected();
    const rows = s.states
      .filter((x) => x.id !== id)
      .map((x) => {
        const buttons: HTMLElement[] = [];
        let status = "";
        if (allied(s, id, x.id)) {
          status = leaving.has(x.id) ? "ally: you are leaving" : "ally";
          buttons.push(
            leaving.has(x.id) ? button("Stay", () => void ctx.act("stay", { ally: x.id }), "small secondary") : button("Leave", () => void ctx.act("leave", { ally: x.id }), "small secondary"),
          );
        } else if (ins.has(x.id)) {
          status = ins.get(x.id) ? "you accepted: forms at the end of the round" : "offers you an alliance";
          if (!ins.get(x.id)) {
            buttons.push(button("Accept", () => void ctx.act("accept", { from: x.id })));
            buttons.push(button("Decline", () => void ctx.act("decline", { from: x.id }), "small secondary"));
          }
        } else if (outs.has(x.id)) {
          status = outs.get(x.id) ? "accepted: forms at the end of the round" : "you offered";
          if (!outs.get(x.id)) buttons.push(button("Withdraw", () => void ctx.act("withdraw", { to: x.id }), "small secondary"));
        } else {
          buttons.push(button("Offer alliance", () => void ctx.act("offer", { to: x.id })));
        }
        return h(
          "tr",
          { class: selected === x.id ? "selected" : "" },
          h("th", { scope: "row" }, h("button", { type: "button", class: "small secondary", onclick: () => ctx.select(x.id), "aria-pressed": selected === x.id ? "true" : "false" }, x.name)),
          h("td", {}, status || "—"),
          h("td", {}, h("div", { class: "row" }, ...buttons)),
        );
      });
    fill(
      panel,
      h("p", { class: "muted" }, "Offers and answers count at the end of the round. Leaving an alliance is a betrayal in your partner's eyes. Select a state to see it on the map."),
      h("table", {}, h("caption", { class: "visually-hidden" }, "Your relations with every state"), h("thead", {}, h("tr", {}, h("th", {}, "State"), h("th", {}, "Relation"), h("th", {}, "Do"))), h("tbody", {}, ...rows)),
    );
  }
  return { render };
}
