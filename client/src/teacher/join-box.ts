// "Students join": the code, the address, the QR code, how many joined; the
// lock that closes the game to new players; and the requests to come back as a
// student on a new device, which only the teacher can let in.
import { fill, h, isolated, userText } from "../common/dom.js";
import { joinUrl, qrElement } from "../common/qr.js";
import { nameOf, type Synced } from "../common/synced.js";
import type { ConsoleContext } from "./context.js";

export function renderJoinBox(box: HTMLElement, ctx: ConsoleContext, s: Synced): void {
  const { code, act } = ctx;
  const online = s.students.filter((st) => st.connected).length;
  const url = joinUrl(code);
  const requests = ctx.seatRequests();
  fill(
    box,
    h("h2", { id: "join-title" }, "Students join"),
    h(
      "div",
      { class: "row" },
      h(
        "div",
        {},
        h("div", { class: "bigcode", "aria-label": `Join code ${code.split("").join(" ")}` }, code),
        h("p", {}, "at ", h("strong", {}, location.host)),
        h("p", {}, `${s.students.length} joined, ${online} connected`),
      ),
      qrElement(url, `QR code for ${url}`),
    ),
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
