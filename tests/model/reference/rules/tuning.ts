// REFERENCE COPY: the pre-optimisation model (issue 15), kept unchanged to check that the
// optimised code in shared/ gives identical results (tests/model/optimised-model.test.ts).
// Copied from shared/rules/tuning.ts at 968eafc; do not edit or import from the game.
// The numbers of the rules, in one place. They were tuned by simulation
// (`npm run tune`, results in docs/rules.md) so that choices matter:
// aggression pays sometimes but not always, and no single policy always wins.

/** Each round a state may spend this share of its economy. */
export const BUDGET_RATE = 0.2;
/** Each unit of budget put into the economy adds this much economy. */
export const ECONOMY_RETURN = 0.5;
/** Forces wear out: each round this share of defensive and offensive forces is lost before new spending. */
export const FORCE_UPKEEP = 0.1;
/** A state's own defensive forces count this much more at home. */
export const HOME_DEFENSE_BONUS = 1.5;
/** Allies coming to help send their offensive forces and this share of their defensive forces. */
export const HELPER_DEFENSE_SHARE = 0.25;
/** Security points: this many x own defence / (own defence + the strongest hostile force in reach). */
export const SECURITY_POINTS = 15;
/** Contest success exponent: chance = A^k / (A^k + D^k). */
export const WAR_EXPONENT = 2;
/** A beaten target loses this share of its economy... */
export const CONQUEST_SHARE = 0.2;
/** ...of which this part goes to the attackers, split by the strength they brought. */
export const SPOILS_SHARE = 0.5;
/** Share of all its forces (defensive and offensive) that each state on the losing side of a war loses, and on the winning side. */
export const LOSER_FORCE_LOSS = 0.3;
export const WINNER_FORCE_LOSS = 0.1;
/** At most this share of a state's forces can be lost in one round, however many wars it fights. */
export const MAX_FORCE_LOSS = 0.6;
/** A target that gives in to a threat pays this share of its economy to the threatener. */
export const TRIBUTE_SHARE = 0.05;
/** Game points for the war result of a round: winning side, losing side (helpers get half). */
export const WAR_WIN_POINTS = 5;
export const WAR_LOSS_POINTS = -10;
/** Theory-challenge mode: points per round whose alignment matches the dealt theory. */
export const THEORY_MATCH_POINTS = 5;
/** Floors that keep every state in the game. */
export const MIN_ECONOMY = 1;
export const MIN_FORCES = 0.1;
