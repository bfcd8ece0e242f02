// The teacher's games, newest first, at the top of the page: code, scenario,
// date and status, with links to the console or the debrief, a download, and
// delete with a confirmation in the row itself.
import type { DeleteGameResponse, TeacherGamesResponse } from "../../../../shared/protocol/http.js";
import { api, teacherKey } from "../../common/api.js";
import { announce, fill, h } from "../../common/dom.js";
import { downloadExport } from "./downloads.js";
import { failureText } from "./messages.js";

type Game = TeacherGamesResponse["games"][number];

const STATUS: Record<Game["status"], string> = { running: "Running", finished: "Finished", damaged: "Damaged" };

function dateOf(at: number): string {
  return new Date(at).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });
}

export interface GamesList {
  element: HTMLElement;
  refresh(): Promise<void>;
}

export function gamesList(): GamesList {
  const body = h("div", { id: "games-body" });
  const element = h("section", { class: "card", id: "your-games", "aria-labelledby": "games-title" }, h("h2", { id: "games-title" }, "Your games"), body);

  const deleteRow = (row: HTMLTableRowElement, cell: HTMLElement, game: Game, restore: () => void) => {
    const yes = h("button", { type: "button", class: "small danger" }, `Yes, delete ${game.code}`);
    const no = h("button", { type: "button", class: "small secondary" }, "Keep it");
    const problem = h("p", { role: "alert", class: "setup-problem", hidden: true });
    yes.addEventListener("click", () => {
      yes.disabled = true;
      no.disabled = true;
      void api<DeleteGameResponse>(`/api/games/${game.code}`, { method: "DELETE", teacher: true }).then(async (r) => {
        if (!r.ok) {
          problem.textContent = failureText(r, "deleting the game");
          problem.hidden = false;
          yes.disabled = false;
          no.disabled = false;
          return;
        }
        announce(`Game ${game.code} deleted.`);
        await refresh();
      });
    });
    no.addEventListener("click", restore);
    fill(cell, h("p", { class: "setup-confirm" }, `Delete game ${game.code} and all its data (decisions, chats, report)? This cannot be undone.`), h("div", { class: "row" }, yes, no), problem);
    row.classList.add("selected");
    no.focus();
  };

  const actions = (row: HTMLTableRowElement, cell: HTMLTableCellElement, game: Game) => {
    const restore = () => {
      row.classList.remove("selected");
      actions(row, cell, game);
      cell.querySelector<HTMLButtonElement>("button.danger")?.focus();
    };
    fill(
      cell,
      h(
        "div",
        { class: "row setup-actions" },
        game.status === "running" ? h("a", { class: "button small", href: `/teacher.html?code=${game.code}` }, "Open the console") : null,
        game.status !== "damaged" ? h("a", { class: "button small secondary", href: `/report.html?code=${game.code}` }, game.status === "finished" ? "Debrief report" : "Debrief so far") : null,
        game.status !== "damaged" ? h("button", { type: "button", class: "small secondary", onclick: () => void downloadExport(game.code, "rounds.csv") }, "Decisions (CSV)") : null,
        h("button", { type: "button", class: "small danger", "aria-label": `Delete game ${game.code}`, onclick: () => deleteRow(row, cell, game, restore) }, "Delete"),
      ),
    );
  };

  const table = (games: Game[]) => {
    const sorted = [...games].sort((a, b) => b.createdAt - a.createdAt);
    return h(
      "div",
      { class: "setup-table-wrap" },
      h(
        "table",
        { class: "setup-games" },
        h("caption", { class: "visually-hidden" }, "Your games, newest first"),
        h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Code"), h("th", { scope: "col" }, "Scenario"), h("th", { scope: "col" }, "Created"), h("th", { scope: "col" }, "Status"), h("th", { scope: "col" }, "Open"))),
        h(
          "tbody",
          {},
          ...sorted.map((g) => {
            const cell = h("td", {});
            const row = h(
              "tr",
              { "data-code": g.code },
              h("th", { scope: "row", class: "setup-code" }, g.code),
              h("td", {}, g.title),
              h("td", {}, h("time", { datetime: new Date(g.createdAt).toISOString() }, dateOf(g.createdAt))),
              h("td", {}, h("span", { class: `pill ${g.status === "running" ? "ok" : g.status === "damaged" ? "bad" : ""}` }, STATUS[g.status]), g.status === "damaged" ? h("div", { class: "muted" }, `Its saved record cannot be read (${g.damage ?? "unknown reason"}): it cannot be opened. Restore a backup of the server's data folder, or delete it.`) : null),
              cell,
            );
            actions(row, cell, g);
            return row;
          }),
        ),
      ),
    );
  };

  async function refresh(): Promise<void> {
    if (!teacherKey()) {
      fill(body, h("p", {}, "Your games appear here once this browser has your teacher key: create your first game below, or paste your key under ", h("a", { href: "#key-title" }, "I have a teacher key"), "."));
      return;
    }
    const r = await api<TeacherGamesResponse>("/api/teacher/games", { teacher: true });
    if (!r.ok) {
      fill(body, h("p", { role: "alert", class: "setup-problem" }, failureText(r, "listing your games")));
      return;
    }
    fill(body, r.body.games.length === 0 ? h("p", {}, "No games under your key yet: create one below.") : table(r.body.games));
  }

  return { element, refresh };
}
