// Bots: one policy per theory, and a random one. A bot reads what its theory
// predicts for its state this round and turns it into commands: offers to the
// predicted partners, answers to incoming offers, leaving alliances the theory
// condemns, a budget and at most one action. They fill empty seats and replay
// games for the debrief, so they must always be legal in any scenario.
import { mixSeed, seededRandom } from "../random.js";
import { STREAM } from "../rules/setup.js";
import { defensiveStrength, inReach, projectedForce, strongestHostileForce } from "../rules/strength.js";
import { WAR_EXPONENT } from "../rules/tuning.js";
import type { Action, Budget, GameState, StateCommand } from "../rules/types.js";
import type { StatePrediction } from "../theory/predict.js";
import { allyMap, THEORIES, type Theory } from "../theory/world.js";

export const POLICIES = [...THEORIES, "random"] as const;
export type Policy = (typeof POLICIES)[number];

/** How many partners a bot courts at once. */
const COURTED = 2;
/** A bot attacks only when it expects to win at least this often on its own. */
const ATTACK_CONFIDENCE = 0.75;

export function isPolicy(x: string): x is Policy {
  return (POLICIES as readonly string[]).includes(x);
}

/** The generator a bot uses for a state in a round: reproducible from the game's seed. */
export function botRandom(game: Pick<GameState, "seed" | "round">, id: string, pass: number): () => number {
  let h = 0;
  for (let i = 0; i < id.length; i++) h = (Math.imul(h, 31) + id.charCodeAt(i)) >>> 0;
  return seededRandom(mixSeed(mixSeed(mixSeed(game.seed, STREAM.bots), game.round * 4 + pass), h));
}

interface Intent {
  /** Partners to court, best first. */
  court: string[];
  /** Offers from these are welcome. */
  welcome: Set<string>;
  /** Alliances to leave. */
  leave: string[];
  /** The adversary this theory names, if any (a target for pressure). */
  adversaries: string[];
}

function intentFor(policy: Theory, p: StatePrediction, allies: Set<string>): Intent {
  switch (policy) {
    case "balance-of-power": {
      const bop = p.balanceOfPower;
      if (bop.against === null) {
        // The leader: the theory says nothing; a status-quo bot keeps what it has and takes what comes.
        return { court: [], welcome: new Set(allies), leave: [], adversaries: [] };
      }
      const against = new Set(bop.against);
      return {
        court: bop.partners.slice(0, COURTED),
        welcome: new Set(bop.partners),
        leave: [...allies].filter((a) => against.has(a)),
        adversaries: [bop.leader],
      };
    }
    case "balance-of-threat": {
      const bot = p.balanceOfThreat;
      return {
        court: bot.partners.slice(0, COURTED),
        welcome: new Set(bot.partners),
        leave: [...allies].filter((a) => a === bot.against),
        adversaries: [bot.against],
      };
    }
    case "bandwagon": {
      const top = p.bandwagon.with;
      return { court: [top], welcome: new Set([top, ...allies]), leave: [], adversaries: [] };
    }
  }
}

function budgetFor(policy: Policy, game: GameState, id: string, random: () => number): Budget {
  if (policy === "random") {
    const a = Math.floor(random() * 101);
    const b = Math.floor(random() * (101 - a));
    return { economy: a, defense: b, offense: 100 - a - b };
  }
  // The theory bots share one budget rule, so that comparing them compares their alignments.
  const pressed = strongestHostileForce(game, game.reach, id) > defensiveStrength(game, id);
  return pressed ? { economy: 35, defense: 45, offense: 20 } : { economy: 50, defense: 35, offense: 15 };
}

/** Expected chance of winning an attack alone on `target`, against its own and its allies' defence. */
export function attackChance(game: GameState, id: string, target: string): number {
  const a = projectedForce(game, id, target) ** WAR_EXPONENT;
  const d = defensiveStrength(game, target, new Set([id])) ** WAR_EXPONENT;
  return a + d > 0 ? a / (a + d) : 0;
}

function actionFor(
  policy: Policy,
  game: GameState,
  id: string,
  friends: Set<string>,
  adversaries: string[],
  random: () => number,
): Action {
  const targets = game.states
    .map((s) => s.id)
    .filter((t) => t !== id && !friends.has(t) && inReach(game, game.reach, id, t));
  if (targets.length === 0) return { kind: "none" };
  if (policy === "random") {
    const roll = random();
    const target = targets[Math.floor(random() * targets.length)]!;
    if (roll < 0.1) return { kind: "attack", target };
    if (roll < 0.25) return { kind: "threaten", target };
    return { kind: "none" };
  }
  // Opportunism: a sure win against anyone not a friend. The best chance, equal chances by id
  // (the first in that order, found in one pass).
  const byChance = (x: { t: string; chance: number }, y: { t: string; chance: number }) => y.chance - x.chance || (x.t < y.t ? -1 : 1);
  let best = { t: targets[0]!, chance: attackChance(game, id, targets[0]!) };
  for (const t of targets.slice(1)) {
    const option = { t, chance: attackChance(game, id, t) };
    if (byChance(option, best) < 0) best = option;
  }
  if (best.chance >= ATTACK_CONFIDENCE && random() < 0.5) return { kind: "attack", target: best.t };
  // Pressure on the adversary the theory names, now and then, when it might give in.
  const adversary = adversaries.find((t) => targets.includes(t));
  if (adversary && attackChance(game, id, adversary) >= 0.25 && random() < 0.3) return { kind: "threaten", target: adversary };
  return { kind: "none" };
}

/**
 * First pass of a round: leaves, offers, budget and action. Commands are given
 * in order and each is legal after the ones before it.
 */
export function planRound(game: GameState, id: string, policy: Policy): StateCommand[] {
  const random = botRandom(game, id, 0);
  const p = game.predictions.states[id];
  if (!p) return [];
  const allies = allyMap(game).get(id) ?? new Set<string>();
  const commands: StateCommand[] = [];
  let intent: Intent;
  if (policy === "random") {
    const others = game.states.map((s) => s.id).filter((x) => x !== id);
    const pick = others[Math.floor(random() * others.length)]!;
    intent = {
      court: random() < 0.4 ? [pick] : [],
      welcome: new Set(others.filter(() => random() < 0.5)),
      leave: [...allies].filter(() => random() < 0.1),
      adversaries: [],
    };
  } else {
    intent = intentFor(policy, p, allies);
  }
  for (const ally of intent.leave) commands.push({ type: "leave", by: id, ally });
  const leaving = new Set(intent.leave);
  const offered = new Set(game.offers.filter((o) => o.from === id).map((o) => o.to));
  const courted = new Set<string>();
  for (const partner of intent.court) {
    if (partner === id || allies.has(partner) || offered.has(partner) || leaving.has(partner)) continue;
    commands.push({ type: "offer", by: id, to: partner });
    courted.add(partner);
  }
  commands.push({ type: "budget", by: id, ...budgetFor(policy, game, id, random) });
  const friends = new Set([...[...allies].filter((a) => !leaving.has(a)), ...courted, ...offered]);
  for (const o of game.offers) if (o.to === id || o.from === id) friends.add(o.to === id ? o.from : o.to);
  commands.push({ type: "action", by: id, action: actionFor(policy, game, id, friends, intent.adversaries, random) });
  return commands;
}

/** Second pass: answers to the offers received this round. */
export function answerOffers(game: GameState, id: string, policy: Policy): StateCommand[] {
  const random = botRandom(game, id, 1);
  const p = game.predictions.states[id];
  if (!p) return [];
  const allies = allyMap(game).get(id) ?? new Set<string>();
  const welcome =
    policy === "random" ? null : intentFor(policy, p, allies).welcome;
  const action = game.drafts[id]?.action;
  const commands: StateCommand[] = [];
  for (const offer of game.offers) {
    if (offer.to !== id || offer.accepted) continue;
    const attacking = action?.kind === "attack" && action.target === offer.from;
    const yes = !attacking && (welcome ? welcome.has(offer.from) : random() < 0.5);
    commands.push(yes ? { type: "accept", by: id, from: offer.from } : { type: "decline", by: id, from: offer.from });
  }
  commands.push({ type: "ready", by: id, ready: true });
  return commands;
}
