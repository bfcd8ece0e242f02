// Home: a student joins with the code on the projector and a nickname; a
// teacher goes to the console. A link or QR code with ?code= fills the code in.
import "../common/no-eval.js";
import "../styles.css";
import { isJoinCode, normalizeCode } from "../../../shared/ids.js";
import { checkNickname, MAX_NICKNAME } from "../../../shared/classroom/nicknames.js";
import type { GameLookupResponse } from "../../../shared/protocol/http.js";
import { api } from "../common/api.js";
import { append, byId, h, param, userText } from "../common/dom.js";
import { rememberedRejoins } from "../common/rejoin-memory.js";

const app = byId("app");
const codeInput = h("input", {
  id: "code",
  name: "code",
  autocomplete: "off",
  autocapitalize: "characters",
  spellcheck: "false",
  maxlength: 8,
  required: true,
  inputmode: "text",
  "aria-describedby": "code-help",
  value: (param("code") ?? "").toUpperCase(),
});
const nickInput = h("input", { id: "nickname", name: "nickname", autocomplete: "nickname", maxlength: MAX_NICKNAME, required: true, "aria-describedby": "nick-help" });
const error = h("p", { id: "join-error", class: "pill bad", role: "alert", hidden: true });

async function join(e: Event) {
  e.preventDefault();
  error.hidden = true;
  const code = normalizeCode(codeInput.value);
  // The server's own rules (shared/classroom/nicknames.ts): cleaned, 1 to 24 characters, something visible.
  const checked = checkNickname(nickInput.value);
  if (!isJoinCode(code)) {
    showError("The join code has 6 letters and digits: copy it from the projector.");
    return;
  }
  if (!checked.ok) {
    showError(`${checked.message} No real name needed.`);
    return;
  }
  const nickname = checked.nickname;
  const r = await api<GameLookupResponse>(`/api/games/${encodeURIComponent(code)}`);
  if (!r.ok) {
    showError(r.status === 0 ? "The server cannot be reached: check the network." : r.error.message);
    return;
  }
  if (r.body.status === "damaged") {
    showError("This game cannot be opened: the server's saved copy of it is damaged. Tell your teacher.");
    return;
  }
  if (r.body.status !== "running") {
    showError("This game is over.");
    return;
  }
  sessionStorage.setItem(`entente:nickname:${code}`, nickname);
  location.href = `/student.html?code=${code}`;
}

function showError(text: string) {
  error.textContent = text;
  error.hidden = false;
}

const seats = rememberedRejoins();
append(
  app,
  h("h1", {}, "Entente"),
  h("p", {}, "A classroom game about alliances: balance of power, balance of threat and bandwagoning."),
  h(
    "section",
    { class: "card", "aria-labelledby": "join-title" },
    h("h2", { id: "join-title" }, "Join a game"),
    h(
      "form",
      { class: "stack", onsubmit: (e: Event) => void join(e), novalidate: true },
      h("div", {}, h("label", { for: "code" }, "Join code"), h("br"), codeInput, h("div", { id: "code-help", class: "muted" }, "The 6 characters on the projector.")),
      h("div", {}, h("label", { for: "nickname" }, "Nickname"), h("br"), nickInput, h("div", { id: "nick-help", class: "muted" }, "No real name, no e-mail: a nickname is enough.")),
      error,
      h("button", { type: "submit" }, "Join"),
    ),
  ),
  seats.length > 0
    ? h(
        "section",
        { class: "card", "aria-labelledby": "rejoin-title" },
        h("h2", { id: "rejoin-title" }, "Back to your game"),
        h("ul", {}, ...seats.map((s) => h("li", {}, h("a", { href: `/student.html?code=${s.code}` }, s.code, ...(s.nickname ? [" as ", userText(s.nickname)] : []))))),
      )
    : null,
  h(
    "section",
    { class: "card", "aria-labelledby": "teach-title" },
    h("h2", { id: "teach-title" }, "Teachers"),
    h("p", {}, "Create a game, run it from your console and show the map on the projector."),
    h("a", { class: "button", href: "/teacher.html" }, "Open the teacher console"),
  ),
);
if (codeInput.value) nickInput.focus();
else codeInput.focus();
