// A game's downloads with the teacher key (CSV for spreadsheets, or the whole log as JSON).
import { download } from "../../common/api.js";
import { toast } from "../../common/dom.js";

/** Downloads an export of a game with the teacher key. */
export async function downloadExport(gameCode: string, file: string): Promise<void> {
  const path = file === "log.json" ? `/api/games/${gameCode}/log.json` : `/api/games/${gameCode}/export/${file}`;
  if (!(await download(path, `entente-${gameCode}-${file}`))) toast("The download failed: the server may have stopped, or the game was deleted. Reload this page and try again.", "error");
}
