// Chat: public, private with one state, and team. The server decides what may
// be written (the game's chat mode) and who reads it; this panel shows what it sends.
// A student picks a conversation (everyone, their team, or privately with a state
// a team plays: shared/classroom/chat-conversations.ts) and reads it there; the
// team conversation follows the student's current team. Messages that arrive
// while a conversation is not on screen count as unread, per conversation and in
// total on the chat tab, until it is shown. The teacher reads every chat in one log.
import "./banners.css";
import { conversationsFor, unreadByChannel, type Conversation } from "../../../shared/classroom/chat-conversations.js";
import type { ChatMessage } from "../../../shared/classroom/types.js";
import type { GameConnection, ServerEnvelope } from "../common/connection.js";
import { append, fill, h, toast, userText } from "../common/dom.js";
import { nameOf, type Synced } from "../common/synced.js";

interface Context {
  synced: Synced | null;
  own: string | null;
  teacher: boolean;
  /** The student's id: their team is read from the state, and their own messages are never unread. */
  studentId?: string | null;
}

interface Option {
  value: string;
  text: string;
  writable: boolean;
}

export interface ChatOptions {
  /** The tab or button that opens the chat, which shows the unread count (students; default: the tab #tab-chat). */
  badge?: () => HTMLElement | null;
}

export function mountChat(panel: HTMLElement, conn: GameConnection, context: () => Context, options: ChatOptions = {}) {
  const messages: ChatMessage[] = [];
  const log = h("ol", { class: "chat-log", "aria-live": "polite", "aria-label": "Messages" });
  const channel = h("select", { id: "chat-channel" });
  const text = h("input", { id: "chat-text", maxlength: 500, autocomplete: "off" });
  const sendButton = h("button", { type: "submit" }, "Send");
  const modeLine = h("p", { class: "muted" });
  const channelLabel = h("label", { for: "chat-channel" }, "To");
  /** Students: the last message read in each conversation (kept for this tab, so a reload does not make old messages new). */
  const readKey = `entente:chat-read:${conn.code}`;
  const lastRead: Record<string, number> = readStored(readKey);
  /** A first visit to this game in this tab: what was said before is not news. */
  let firstVisit = sessionStorage.getItem(readKey) === null;
  let inView = false;
  let shownKey = "";
  let badgeBase: string | null = null;

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
    h("div", {}, channelLabel, h("br"), channel),
    h("div", {}, h("label", { for: "chat-text" }, "Message"), h("br"), text),
    sendButton,
  );
  append(panel, modeLine, log, form);
  /** The conversation chosen, kept for this tab (a reload comes back to it). */
  const channelKey = `entente:chat-channel:${conn.code}`;
  let preferred = sessionStorage.getItem(channelKey);
  channel.addEventListener("change", () => {
    preferred = channel.value;
    sessionStorage.setItem(channelKey, channel.value);
    refresh();
  });

  // A conversation is read when it is on screen: its panel shown (and scrolled to, on a phone) in a visible page.
  if (typeof IntersectionObserver === "function") {
    new IntersectionObserver((entries) => {
      inView = entries.some((e) => e.isIntersecting);
      refresh();
    }).observe(panel);
  }
  document.addEventListener("visibilitychange", () => refresh());

  function label(channelName: string, state: Synced): string {
    if (channelName === "public") return "everyone";
    if (channelName.startsWith("team:")) return `team ${nameOf(state, channelName.slice(5))}`;
    const [a, b] = channelName.slice(8).split("|");
    return `private ${nameOf(state, a!)} – ${nameOf(state, b!)}`;
  }

  function ownState(state: Synced): string | null {
    const { own, studentId } = context();
    const me = studentId ? state.students.find((s) => s.id === studentId) : undefined;
    return me ? me.state : own;
  }

  function conversations(state: Synced): Conversation[] {
    return conversationsFor(state.chatMode, ownState(state), state.states);
  }

  function teacherOptions(state: Synced): Option[] {
    return [{ value: "public", text: "Everyone", writable: true }, ...state.states.map((s) => ({ value: `team:${s.id}`, text: `Team ${s.name}`, writable: true }))];
  }

  function studentOptions(state: Synced, unread: Map<string, number>): Option[] {
    return conversations(state).map((c) => {
      const name = c.kind === "public" ? "Everyone" : c.kind === "team" ? `My team (${nameOf(state, c.channel.slice(5))})` : `Private: ${nameOf(state, c.partner!)}`;
      const n = unread.get(c.channel) ?? 0;
      return { value: c.channel, text: n > 0 ? `${name} – ${n} unread` : name, writable: c.writable };
    });
  }

  /** Fills the select when its conversations change (a move, a seat given to a bot), and keeps the choice. */
  function setOptions(list: Option[]): void {
    // The student's choice, even if it was not offered for a moment (before the server said who they are).
    const current = preferred ?? channel.value;
    const same = channel.options.length === list.length && list.every((o, i) => channel.options[i]!.value === o.value);
    if (!same) {
      fill(channel, ...list.map((o) => h("option", { value: o.value }, o.text)));
      // The team conversation is the student's team, whichever it is now.
      const team = current.startsWith("team:") ? list.find((o) => o.value.startsWith("team:")) : undefined;
      if (list.some((o) => o.value === current)) channel.value = current;
      else if (team) channel.value = preferred = team.value;
      else channel.value = list[0]?.value ?? "";
    } else {
      list.forEach((o, i) => {
        const option = channel.options[i]!;
        if (option.textContent !== o.text) option.textContent = o.text;
      });
    }
  }

  /** Marks the shown conversation read, if it is on screen. */
  function markRead(): boolean {
    if (!inView || document.visibilityState !== "visible" || !channel.value) return false;
    const last = messages.filter((m) => m.channel === channel.value).reduce((max, m) => Math.max(max, m.id), 0);
    if (last <= (lastRead[channel.value] ?? 0)) return false;
    lastRead[channel.value] = last;
    sessionStorage.setItem(readKey, JSON.stringify(lastRead));
    return true;
  }

  function showBadge(total: number): void {
    const target = (options.badge ?? (() => document.getElementById("tab-chat")))();
    if (!target) return;
    badgeBase ??= target.textContent.trim();
    let badge = target.querySelector<HTMLElement>(".unread-badge");
    if (total === 0) {
      badge?.remove();
      target.removeAttribute("aria-label");
      return;
    }
    if (!badge) {
      badge = h("span", { class: "unread-badge", "aria-hidden": "true" });
      target.append(badge);
    }
    badge.textContent = String(total);
    target.setAttribute("aria-label", `${badgeBase}, ${total} unread ${total === 1 ? "message" : "messages"}`);
  }

  function refresh() {
    const { synced: state, teacher } = context();
    if (!state) return;
    let list: Option[];
    if (teacher) {
      list = teacherOptions(state);
    } else {
      list = studentOptions(state, new Map());
      setOptions(list);
      markRead();
      const offered = new Set(list.map((o) => o.value));
      const unread = unreadByChannel(messages, lastRead, context().studentId ?? null);
      list = studentOptions(state, unread);
      showBadge([...unread].reduce((sum, [c, n]) => sum + (offered.has(c) ? n : 0), 0));
    }
    setOptions(list);
    channelLabel.textContent = teacher ? "To" : "Conversation";
    const chosen = list.find((o) => o.value === channel.value);
    const off = !chosen?.writable;
    text.disabled = off;
    sendButton.disabled = off;
    channel.disabled = list.length === 0;
    modeLine.textContent = teacher
      ? "You read every chat."
      : state.chatMode === "off"
        ? "Chat is off in this game: you can still read what the teacher writes."
        : off
          ? "Only the teacher writes to everyone in this game: pick your team or a state to write."
          : state.chatMode === "private"
            ? "Public chat is off: write to your team or privately to a state."
            : "Write to everyone, your team, or privately to a state a team plays.";
    const shown = teacher ? messages : messages.filter((m) => m.channel === channel.value);
    const latest = shown.slice(-200);
    // Only when what is shown changes: the log is a live region.
    const key = `${channel.value}|${latest.length}|${latest[latest.length - 1]?.id ?? 0}|${state.states.length}`;
    if (key === shownKey) return;
    shownKey = key;
    fill(
      log,
      ...latest.map((m) =>
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
      if (firstVisit) {
        firstVisit = false;
        for (const x of messages) lastRead[x.channel] = Math.max(lastRead[x.channel] ?? 0, x.id);
        sessionStorage.setItem(readKey, JSON.stringify(lastRead));
      }
      refresh();
    } else if (m.type === "chat") {
      const message = m.payload;
      if (!messages.some((x) => x.id === message.id)) messages.push(message);
      refresh();
    }
  }

  return { refresh, onMessage, messages };
}

function readStored(key: string): Record<string, number> {
  try {
    const value: unknown = JSON.parse(sessionStorage.getItem(key) ?? "{}");
    if (typeof value !== "object" || value === null) return {};
    return Object.fromEntries(Object.entries(value).filter((e): e is [string, number] => typeof e[1] === "number"));
  } catch {
    return {};
  }
}
