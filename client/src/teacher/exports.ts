// "Downloads": the game's data for a spreadsheet, at any time during the game
// and after it: the decisions (rounds.csv), the events (events.csv), the whole
// log (log.json) and the chat (chat.csv), whose download says plainly that it
// holds students' private messages.
import { download } from "../common/api.js";
import { fill, h, toast } from "../common/dom.js";

const FILES = [
  { file: "rounds.csv", label: "Decisions (rounds.csv)", path: (code: string) => `/api/games/${code}/export/rounds.csv` },
  { file: "events.csv", label: "Events (events.csv)", path: (code: string) => `/api/games/${code}/export/events.csv` },
  { file: "log.json", label: "Whole log (log.json)", path: (code: string) => `/api/games/${code}/log.json` },
] as const;

async function save(path: string, filename: string): Promise<void> {
  if (await download(path, filename)) toast(`${filename} downloaded.`);
  else toast(`${filename} could not be downloaded: check that the server is running (the header says "connected") and try again.`, "error");
}

export function renderExports(box: HTMLElement, code: string): void {
  fill(
    box,
    h("h2", { id: "exports-title" }, "Downloads"),
    h("p", { class: "muted" }, "For a spreadsheet, now or after the game."),
    h("div", { class: "row" }, ...FILES.map((f) => h("button", { type: "button", class: "secondary small", onclick: () => void save(f.path(code), `entente-${code}-${f.file}`) }, f.label))),
    h(
      "div",
      { class: "chat-export" },
      h("p", { id: "chat-export-warning" }, h("strong", {}, "Chat export: "), "the file holds every chat message of the game, including students' private team and two-state messages, with their nicknames. Keep it to yourself and delete it when you no longer need it."),
      h(
        "button",
        { type: "button", class: "secondary small", "aria-describedby": "chat-export-warning", onclick: () => void save(`/api/games/${code}/export/chat.csv?revealChat=1`, `entente-${code}-chat.csv`) },
        "Download the chat (chat.csv)",
      ),
    ),
  );
}
