// What every page that follows a game does the same way: the clock in the
// header, the connection status, state patches decoded once and rendered once
// per frame, and the events of a round turned into map animations.
import type { SessionEvent } from "../../../shared/classroom/types.js";
import { STATUS_TEXT, type GameConnection } from "./connection.js";
import { clock } from "./format.js";
import { decode, type Synced } from "./synced.js";
import type { MapHappening } from "../map/types.js";

/** The header clock: time left in the diplomacy phase (on the server's clock, never the device's), or the frozen time while paused. */
export function clockText(synced: Synced | null, conn: Pick<GameConnection, "serverNow">): string {
  if (!synced || synced.phase !== "diplomacy") return "";
  if (synced.paused) return `⏸ ${clock(synced.remaining ?? 0)}`;
  return synced.deadline ? clock(synced.deadline - conn.serverNow()) : "";
}

/**
 * Wires a page to a connection: the status line, the clock, and on state patches
 * one decode and one render per animation frame. Returns the latest decoded state.
 */
export function follow(conn: GameConnection, els: { status: HTMLElement; clock: HTMLElement }, onState: (synced: Synced) => void, onStatus?: (status: string) => void): { synced: () => Synced | null } {
  let synced: Synced | null = null;
  let queued = false;
  conn.onStatus((status, detail) => {
    els.status.textContent = detail ?? STATUS_TEXT[status];
    els.status.className = `status ${status === "connected" ? "" : "bad"}`;
    onStatus?.(status);
  });
  conn.onState((schema) => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      synced = decode(schema);
      onState(synced);
    });
  });
  setInterval(() => (els.clock.textContent = clockText(synced, conn)), 500);
  return { synced: () => synced };
}

/** The part of an event the map animates, if any. */
export function happeningOf(e: SessionEvent): MapHappening | null {
  switch (e.type) {
    case "allianceFormed":
      return { kind: "allianceFormed", a: e.a, b: e.b };
    case "allianceLeft":
      return { kind: "allianceLeft", by: e.by, ally: e.ally };
    case "threat":
      return { kind: "threat", from: e.from, to: e.to, yielded: e.yielded };
    case "war":
      return { kind: "war", target: e.target, attackers: e.attackers, defenders: e.defenders, winner: e.winner };
    case "crisis":
      return { kind: "crisis", title: e.title };
    default:
      return null;
  }
}
