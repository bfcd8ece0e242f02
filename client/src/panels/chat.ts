// Chat: public, private with one state, and team. The server decides what may
// be written (the game's chat mode) and who reads it; this panel shows what it sends.
import type { ChatMessage } from "../../../shared/classroom/types.js";
import type { GameConnection, ServerEnvelope } from "../common/connection.js";
import { append, fill, h, toast, userText } from "../common/dom.js";
import { nameOf, type Synced } from "../common/synced.js";

interface Context {
  synced: Synced | null;
  own: string | null;
  teacher: boolean;
}

export function mountChat(panel: HTMLElement, conn: GameConnection, context: () => Context) {
  const messages: ChatMessage[] = [];
  const log = h("ol", { class: "chat-log", "aria-live": "polite", "aria-label": "Messages" });
  const channel = h("select", { id: "chat-channel" });
  const text = h("input", { id: "chat-text", maxlength: 500, autocomplete: "off" });
  const modeLine = h("p", { class: "muted" });
  /** Sends the typed message; the field is cleared once it is accepted. */
  async function send(): Promise<void> {
    const value = text.value.trim();
    if (!value) return;
    const reply = await conn.send("chat", { channel: channel.value, text: value });
    if (reply.ok) text.value = "";
    else toast(reply.message, "error");
  }
  const form = h(
    "form",
    {
      class: "stack",
      onsubmit: (e: Event) => {
        e.preventDefault();
        void send();
      },
    },
    h("div", {}, h("label", { for: "chat-channel" }, "To"), h("br"), channel),
    h("div", {}, h("label", { for: "chat-text" }, "Message"), h("br"), text),
    h("button", { type: "submit" }, "Send"),
  );
  append(panel, modeLine, log, form);

  function label(channelName: string, state: Synced): string {
    if (channelName === "public") return "everyone";
    if (channelName.startsWith("team:")) return `team ${nameOf(state, channelName.slice(5))}`;
    const [a, b] = channelName.slice(8).split("|");
    return `private ${nameOf(state, a!)} – ${nameOf(state, b!)}`;
  }

  function channels(): { value: string; text: string }[] {
    const { synced: state, own, teacher } = context();
    if (!state) return [];
    const mode = state.chatMode;
    const list: { value: string; text: string }[] = [];
    if (teacher || mode === "open") list.push({ value: "public", text: "Everyone" });
    if (teacher) {
      for (const s of state.states) list.push({ value: `team:${s.id}`, text: `Team ${s.name}` });
      return list;
    }
    if (mode === "off" || !own) return list;
    list.push({ value: `team:${own}`, text: "My team" });
    for (const s of state.states) {
      if (s.id === own) continue;
      const pair = [own, s.id].sort();
      list.push({ value: `private:${pair[0]}|${pair[1]}`, text: `Private: ${s.name}` });
    }
    return list;
  }

  function refresh() {
    const { synced: state, teacher } = context();
    if (!state) return;
    const options = channels();
    const current = channel.value;
    if (channel.options.length !== options.length) {
      fill(channel, ...options.map((o) => h("option", { value: o.value }, o.text)));
      if (options.some((o) => o.value === current)) channel.value = current;
    }
    const off = options.length === 0;
    text.disabled = off;
    channel.disabled = off;
    modeLine.textContent = teacher
      ? "You read every chat."
      : state.chatMode === "off"
        ? "Chat is off in this game."
        : state.chatMode === "private"
          ? "Public chat is off: write to your team or privately to a state."
          : "Write to everyone, your team, or privately to a state.";
    fill(
      log,
      ...messages.slice(-200).map((m) =>
        h(
          "li",
          {},
          h("span", { class: "who" }, ...(m.from.kind === "teacher" ? ["Teacher"] : [userText(m.from.nickname), m.from.state ? ` (${nameOf(state, m.from.state)})` : ""])),
          " ",
          h("span", { class: "chan" }, `to ${label(m.channel, state)}`),
          ": ",
          userText(m.text, { class: "text" }),
        ),
      ),
    );
    log.scrollTop = log.scrollHeight;
  }

  function onMessage(m: ServerEnvelope) {
    if (m.type === "chatHistory") {
      messages.length = 0;
      messages.push(...m.payload.messages);
      refresh();
    } else if (m.type === "chat") {
      const message = m.payload;
      if (!messages.some((x) => x.id === message.id)) messages.push(message);
      refresh();
    }
  }

  return { refresh, onMessage, messages };
}
