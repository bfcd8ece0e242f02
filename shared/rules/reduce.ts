// The game as a deterministic reducer: (state, command, context) -> the next
// state and its events, or a refusal that says why. The input state is never
// changed. Phases: diplomacy (states give commands) -> resolve -> review ->
// nextRound -> diplomacy of the next round ... -> ended.
import { mixSeed, seededRandom } from "../random.js";
import { predictAlignments } from "../theory/predict.js";
import { applyCrisis, checkCrisis } from "./crisis.js";
import { applyStateCommand, isStateCommand } from "./diplomacy.js";
import { resolveRound } from "./resolve.js";
import { STREAM } from "./setup.js";
import type { Command, Context, GameEvent, GameState, Outcome, Refusal, StateCommand } from "./types.js";
import { copyDraft, copyDrafts } from "./draft-copy.js";

const refuse = (code: Refusal["code"], message: string): Outcome => ({ ok: false, refusal: { code, message } });

/** The context a keeper passes for the current round: its own seeded generator. */
export function contextFor(game: Pick<GameState, "seed" | "round">): Context {
  return { random: seededRandom(mixSeed(mixSeed(game.seed, STREAM.resolution), game.round)) };
}

/** The diplomacy commands that change offers (the others change only the sender's draft). */
const OFFER_COMMANDS: ReadonlySet<Command["type"]> = new Set(["offer", "accept", "decline", "withdraw"]);

/**
 * A copy of the parts that a diplomacy command may change: the sender's draft and, for
 * the commands about offers, the offers and the lists of offers made (diplomacy.ts
 * replaces those lists rather than changing them). The rest is shared with the input,
 * which stays unchanged.
 */
function copyForDiplomacy(game: GameState, command: StateCommand): GameState {
  const drafts = { ...game.drafts };
  const own = drafts[command.by];
  if (own) drafts[command.by] = copyDraft(own);
  if (!OFFER_COMMANDS.has(command.type)) return { ...game, drafts };
  return { ...game, drafts, offers: game.offers.map((o) => ({ ...o })), offersMade: { ...game.offersMade } };
}

/** The refusal of every state command while the game is not in a diplomacy phase, or null. */
function stateCommandsClosed(game: GameState): Outcome | null {
  if (game.phase === "ended") return refuse("game-over", "The game is over.");
  if (game.phase !== "diplomacy") return refuse("wrong-phase", "Decisions are closed until the next round's diplomacy phase.");
  return null;
}

/**
 * A copy of `game` that any number of state commands may then change in place through
 * `applyOwned`: every draft, the offers and the lists of offers made copied (what
 * `copyForDiplomacy` copies for one command, for all of them at once). The rest is shared.
 */
export function copyForCommands(game: GameState): GameState {
  return { ...game, drafts: copyDrafts(game.drafts), offers: game.offers.map((o) => ({ ...o })), offersMade: { ...game.offersMade } };
}

/**
 * A state command applied to `game` itself, for a caller that owns it (a copy from
 * `copyForCommands` that nobody else holds): the same checks, refusals, changes and events as
 * `reduce`, without copying the state for each command. A refused command leaves `game` as it
 * was (diplomacy.ts checks everything before it changes anything).
 */
export function applyOwned(game: GameState, command: StateCommand): Outcome {
  const closed = stateCommandsClosed(game);
  if (closed) return closed;
  const result = applyStateCommand(game, command);
  if ("refusal" in result) return { ok: false, refusal: result.refusal };
  return { ok: true, state: game, events: result.events };
}

/**
 * A copy for the commands that change the world (resolve, nextRound, crisis,
 * endGame). Everything they change in place is copied; records they only read
 * or replace (round history, predictions, scenario constants) are shared, since
 * nothing ever changes them after they are made. The drafts record is copied but
 * not the drafts in it: resolveRound and startNextRound replace a draft, never
 * change it.
 */
function copyForRound(game: GameState): GameState {
  return {
    ...game,
    settings: { ...game.settings },
    states: game.states.map((s) => ({ ...s, position: [s.position[0], s.position[1]] })),
    alliances: game.alliances.map(([a, b]) => [a, b]),
    deeds: [...game.deeds],
    offers: game.offers.map((o) => ({ ...o })),
    offersMade: { ...game.offersMade },
    drafts: { ...game.drafts },
    scores: { ...game.scores },
    history: [...game.history],
    pendingCrises: [...game.pendingCrises],
    openingEvents: [...game.openingEvents],
  };
}

export function reduce(game: GameState, command: Command, ctx: Context): Outcome {
  if (game.phase === "ended") return refuse("game-over", "The game is over.");
  if (isStateCommand(command)) {
    // Refused before anything is copied; applyOwned then changes this command's own copy.
    const closed = stateCommandsClosed(game);
    return closed ?? applyOwned(copyForDiplomacy(game, command), command);
  }
  switch (command.type) {
    case "resolve": {
      if (game.phase !== "diplomacy") return refuse("wrong-phase", "There is no diplomacy phase to end.");
      const next = copyForRound(game);
      const events = resolveRound(next, ctx);
      return { ok: true, state: next, events };
    }
    case "nextRound": {
      if (game.phase !== "review") return refuse("wrong-phase", "The round has not been resolved yet.");
      const next = copyForRound(game);
      return { ok: true, state: next, events: startNextRound(next) };
    }
    case "crisis": {
      const problem = checkCrisis(game, command.crisis);
      if (problem) return { ok: false, refusal: problem };
      const next = copyForRound(game);
      const event = applyCrisis(next, command.crisis);
      // A scheduled crisis fired early by the teacher does not break out again in its round.
      next.pendingCrises = next.pendingCrises.filter((c) => c.id !== command.crisis.id);
      // The world changed: what the theories predict for the rest of the round changes too.
      if (next.phase === "diplomacy") next.predictions = predictAlignments(next);
      return { ok: true, state: next, events: [event] };
    }
    case "endGame": {
      const next = copyForRound(game);
      next.phase = "ended";
      return { ok: true, state: next, events: [{ type: "gameEnded", round: next.round, reason: "ended-early" }] };
    }
  }
}

function startNextRound(game: GameState): GameEvent[] {
  if (game.round >= game.settings.rounds) {
    game.phase = "ended";
    return [{ type: "gameEnded", round: game.round, reason: "completed" }];
  }
  game.round += 1;
  game.phase = "diplomacy";
  for (const id of Object.keys(game.drafts)) {
    const draft = game.drafts[id]!;
    game.drafts[id] = { budget: draft.budget, action: { kind: "none" }, leaving: [], ready: false };
    game.offersMade[id] = [];
  }
  const events: GameEvent[] = [{ type: "roundStarted", round: game.round }];
  const due = game.pendingCrises.filter((c) => c.round === game.round);
  game.pendingCrises = game.pendingCrises.filter((c) => c.round !== game.round);
  for (const crisis of due) events.push(applyCrisis(game, crisis));
  game.predictions = predictAlignments(game);
  return events;
}
