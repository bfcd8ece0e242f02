// The server of bench-floor.ts: a bare Colyseus 0.16 room shaped like a class
// (teams of 4 seeing their own team's entry through a StateView, a teacher
// seeing every team, a public list of students) that does nothing but what
// Colyseus itself must do for a decision: take the message, change the team's
// entry, acknowledge, patch those who see it. No validation, rules, storage,
// mirror or events: what it costs is the floor under any game on this stack.
// Empty patches are skipped as the real room skips them (rooms/empty-patches.ts).
// Started by bench-floor.ts through bench-kit's startServer (PORT, FLOOR_ROOMS).
import { createServer } from "node:http";
import { matchMaker, Room, Server, type Client } from "@colyseus/core";
import { MapSchema, Schema, StateView, type, view } from "@colyseus/schema";
import { WebSocketTransport } from "@colyseus/ws-transport";
import express from "express";
import { skipEmptyPatches } from "../rooms/empty-patches.js";
import { PATCH_MS } from "../rooms/classroom-room.js";

/** Students a team takes, and teams a room has (as bench-load's classes of 30 in rival-shores: 8 states, teams of 4). */
export const FLOOR_TEAM_SIZE = 4;
export const FLOOR_TEAMS = 8;

class FloorTeam extends Schema {
  @type("uint8") economy = 0;
  @type("uint8") defense = 0;
  @type("uint8") offense = 0;
}

class FloorStudent extends Schema {
  @type("string") nickname = "";
  @type("string") state = "";
}

class FloorState extends Schema {
  @type({ map: FloorStudent }) students = new MapSchema<FloorStudent>();
  @view() @type({ map: FloorTeam }) teams = new MapSchema<FloorTeam>();
}

/** A decision as the floor's clients send it: a budget and the ref the acknowledgement carries back. */
export interface FloorDecision {
  ref: number;
  economy: number;
  defense: number;
  offense: number;
}

class FloorRoom extends Room<FloorState> {
  private seated = 0;

  override onCreate(): void {
    this.state = new FloorState();
    this.patchRate = PATCH_MS;
    for (let i = 0; i < FLOOR_TEAMS; i++) this.state.teams.set(`t${i}`, new FloorTeam());
    this.onMessage("decide", (client, m: FloorDecision) => {
      const team = this.state.teams.get((client.userData as { team: string }).team);
      if (team) Object.assign(team, { economy: m.economy, defense: m.defense, offense: m.offense });
      client.send("ack", { ref: m.ref });
    });
  }

  override onJoin(client: Client, options: { teacher?: boolean; nickname?: string }): void {
    skipEmptyPatches(client);
    client.view = new StateView();
    if (options.teacher) {
      for (const team of this.state.teams.values()) client.view.add(team);
      return;
    }
    const team = `t${Math.floor(this.seated++ / FLOOR_TEAM_SIZE) % FLOOR_TEAMS}`;
    client.userData = { team };
    client.view.add(this.state.teams.get(team)!);
    this.state.students.set(client.sessionId, Object.assign(new FloorStudent(), { nickname: options.nickname ?? "", state: team }));
  }

  override onLeave(client: Client): void {
    this.state.students.delete(client.sessionId);
  }
}

const app = express();
const rooms: string[] = [];
app.get("/api/health", (_req, res) => res.json({ ok: true }));
app.get("/api/floor-rooms", (_req, res) => res.json(rooms));
const http = createServer(app);
const gameServer = new Server({ transport: new WebSocketTransport({ server: http }) });
gameServer.define("floor", FloorRoom);
for (let i = 0; i < Number(process.env.FLOOR_ROOMS ?? 1); i++) rooms.push((await matchMaker.createRoom("floor", {})).roomId);
http.listen(Number(process.env.PORT), "127.0.0.1");
