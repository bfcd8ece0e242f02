// Which games this process runs. At start and then every third of a lease, it
// claims (storage/store.ts, claimGames) its own unfinished games and any game
// whose keeper stopped renewing its lease (a process that died or stalled),
// and opens a room for each one it has no room for, after restore.ts has
// looked at its log. So a game comes back when its own process restarts, and,
// with several processes on one database, on another process when its own
// does not come back within the lease. Students reconnect as after a restart.
// It also beats the heart of every game this process runs: one statement
// renews all their leases (every third of a lease, at least every 2 s), and a
// room whose game another process took over is told so and closes.
import { matchMaker, type Room } from "@colyseus/core";
import { restoreGame } from "./restore.js";
import { StorageError } from "./storage/faults.js";
import type { GameRecord, GameStore } from "./storage/store.js";

/** A room's listing, or undefined when no process lists the room: what getRoomById resolves to, though its declared type leaves undefined out. */
function roomListing(roomId: string): Promise<Awaited<ReturnType<typeof matchMaker.getRoomById>> | undefined> {
  return matchMaker.getRoomById(roomId);
}

/** The rooms' side of the heartbeat (server/rooms/classroom-room.ts). */
export interface Heartbeat {
  /** Renews this game's lease with the others from now on; `lost` is called if another process takes the game. */
  hold(gameId: string, lost: () => void): void;
  /** Stops renewing it (the game finished, or its room closes). */
  letGo(gameId: string): void;
}

export class GameKeeper implements Heartbeat {
  private timer: NodeJS.Timeout | null = null;
  private beating: NodeJS.Timeout | null = null;
  /** The games whose rooms run here, with what to do if one is taken over. */
  private readonly held = new Map<string, () => void>();
  private running: Promise<void> | null = null;
  /** Damaged games already reported by this process (looked at again only at the next start). */
  private readonly reported = new Set<string>();

  /** `leaseMs`: the store's lease; `now`: the clock (ms since the epoch). */
  constructor(
    private readonly store: GameStore,
    private readonly leaseMs: number,
    private readonly now: () => number,
  ) {}

  /** Starts the heartbeat, brings back the games to keep now, then looks again every third of a lease. Never throws. */
  async start(): Promise<void> {
    this.beating = setInterval(() => void this.beat(), Math.min(2000, Math.floor(this.leaseMs / 3)));
    this.beating.unref();
    await this.scan();
    this.timer = setInterval(() => void this.scan(), Math.max(500, Math.floor(this.leaseMs / 3)));
    this.timer.unref();
  }

  /** Stops looking and beating (a scan under way finishes first). */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    if (this.beating) clearInterval(this.beating);
    this.timer = this.beating = null;
    await this.running;
  }

  hold(gameId: string, lost: () => void): void {
    this.held.set(gameId, lost);
  }

  letGo(gameId: string): void {
    this.held.delete(gameId);
  }

  /** One heartbeat for every game held here; tells the rooms of games taken over. A failed write is tried at the next beat. */
  async beat(): Promise<void> {
    const ids = [...this.held.keys()];
    if (ids.length === 0) return;
    const kept = await this.store.renewLeases(ids, this.now());
    if (!kept) return;
    for (const id of ids) {
      if (kept.has(id)) continue;
      const lost = this.held.get(id);
      this.held.delete(id);
      lost?.();
    }
  }

  /** One look: claim, then open a room for each claimed game that has none here. One at a time; never throws. */
  scan(): Promise<void> {
    this.running ??= this.claimAndOpen().finally(() => (this.running = null));
    return this.running;
  }

  private async claimAndOpen(): Promise<void> {
    let games: GameRecord[];
    try {
      games = await this.store.claimGames(this.now());
    } catch (err) {
      // Reported once by the store's health; the next scan tries again.
      if (!(err instanceof StorageError)) console.error("could not look for games to keep:", err);
      return;
    }
    for (const game of games) {
      if (matchMaker.state === matchMaker.MatchMakerState.SHUTTING_DOWN) return;
      if ((matchMaker.getLocalRoomById(game.code) as Room | undefined) !== undefined) continue;
      if (game.damage !== null && this.reported.has(game.id)) continue;
      try {
        await this.open(game);
      } catch (err) {
        // The database failed meanwhile (the game stays as it was and the next scan tries again), or a bug.
        console.error(`could not bring back game ${game.code}:`, err instanceof StorageError ? err.message : err);
      }
    }
  }

  private async open(game: GameRecord): Promise<void> {
    const listing = await roomListing(game.code);
    if (listing && listing.processId !== matchMaker.processId) {
      // Another process still lists the room. If it answers, it has not noticed yet that it lost the game (its next
      // heartbeat closes the room): look again at the next scan. If not, it is gone: its listings are removed.
      if (await matchMaker.healthCheckProcessId(listing.processId)) return;
    }
    const restored = await restoreGame(this.store, game);
    if (restored.kind === "finished") {
      console.log(`game ${game.code} had ended before its server stopped: it is now marked finished, with its report.`);
    } else if (restored.kind === "damaged") {
      this.reported.add(game.id);
      console.error(
        `game ${game.code} is damaged: ${restored.reason}. It is not reopened; its teacher sees it as damaged. Restore a backup of the data (docs/deploy.md), or delete it.`,
      );
    } else {
      await matchMaker.createRoom("classroom", { gameId: game.id, restore: true });
      console.log(`game ${game.code} is open on this server (${this.store.host}).`);
    }
  }
}
