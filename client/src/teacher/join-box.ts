// "Students join": the code, the address, the QR code, how many joined; the
// lock that closes the game to new players; and the requests to come back as a
// student on a new device, which only the teacher can let in.
import { fill, h, isolated, userText } from "../common/dom.js";
import { joinPanel, type JoinPanel } from "../common/join-panel.js";
import { nameOf, type Synced } from "../common/synced.js";
import type { ConsoleContext } from "./context.js";

/** The code, address and QR code of each box, built once (see join-panel.ts). */
const panels = new WeakMap<HTMLElement, JoinPanel>();

export function renderJoinBox(box: HTMLElement, ctx: ConsoleContext, s: Synced): void {
  const { code, act } = ctx;
  const online = s.students.filter((st) => st.connected).length;
  let panel = panels.get(box);
  if (!panel) panels.set(box, (panel = joinPanel(code, { picker: true })));
  const requests = ctx.seatRequests();
  fill(
    box,
    h("h2", { id: "join-title" }, "Students join"),
    panel.element,
    h("p", {}, `${s.students.length} joined, ${online} connected`),
    h(
      "p",
      { class: "row" },
      h("span", { class: `pill ${s.locked ? "warn" : "ok"}` }, s.locked ? "Closed to new players" : "Open to new players"),
      h(
        "button",
        { type: "button", class: "small secondary", "aria-pressed": s.locked, onclick: () => void act("lock", { locked: !s.locked }) },
        s.locked ? "Open to new players" : "Close to new players",
      ),
    ),
    requests.length === 0
      ? null
      : h(
          "div",
          { role: "region", "aria-labelledby": "requests-title", class: "requests" },
          h("h3", { id: "requests-title" }, `Asking to come back (${requests.length})`),
          h("p", { class: "muted" }, "Someone typed the nickname of a student who is away, without that student's rejoin link. Let them in only if it is that student (on a new device)."),
          h(
            "ul",
            {},
            ...requests.map((r) =>
              h(
                "li",
                {},
                userText(r.nickname),
                r.state ? ` (${nameOf(s, r.state)})` : "",
                " ",
                h("button", { type: "button", class: "small", "aria-label": `Let ${r.nickname} in`, onclick: () => void act("answerSeat", { requestId: r.id, approve: true }) }, "Let in"),
                " ",
                h(
                  "button",
                  { type: "button", class: "small danger", "aria-label": `Refuse ${r.nickname}`, onclick: () => void (confirm(`Refuse this request to play as ${isolated(r.nickname)}?`) && act("answerSeat", { requestId: r.id, approve: false })) },
                  "Refuse",
                ),
              ),
            ),
          ),
        ),
  );
}
