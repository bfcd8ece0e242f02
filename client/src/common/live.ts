// What every page that follows a game does the same way: the clock in the
// header, the connection status, state patches batched per frame, and the
// events of a round turned into map animations.
import { STATUS_TEXT, type GameConnection } from "./connection.js";
import { clock } from "./format.js";
import type { MapHappening } from "../map/types.js";

/* eslint-disable @typescript-eslint/no-explicit-any */

/** The header clock: time left in the diplomacy phase (server time), or the frozen time while paused. */
export function clockText(state: any, conn: GameConnection): string {
  if (!state || state.phase !== "diplomacy") return "";
  if (state.paused) return `⏸ ${clock(state.remaining)}`;
  return state.deadline ? clock(state.deadline - conn.serverNow()) : "";
}

/** Wires a page to a connection: status line, clock, and a render per animation frame on state patches. */
export function follow(conn: GameConnection, els: { status: HTMLElement; clock: HTMLElement }, onState: (state: any) => void): { state: () => any } {
  let state: any = null;
  let queued = false;
  conn.onStatus((status, detail) => {
    els.status.textContent = detail ?? STATUS_TEXT[status];
    els.status.className = `status ${status === "connected" ? "" : "bad"}`;
  });
  conn.onState((s) => {
    state = s;
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      onState(state);
    });
  });
  setInterval(() => (els.clock.textContent = clockText(state, conn)), 500);
  return { state: () => state };
}

/** The part of an event the map animates, if any. */
export function happeningOf(e: any): MapHappening | null {
  switch (e?.type) {
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
