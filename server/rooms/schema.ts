// The synchronized state of a classroom room (Colyseus schema 3). Public parts
// reach every client, the projector included; `teams` and `theory` are filtered
// per client with StateView: a student sees their own team's entry (and its
// theory entry only while the teacher shows predictions); the teacher sees all.
import { ArraySchema, MapSchema, Schema, type, view } from "@colyseus/schema";

export class StatePublic extends Schema {
  @type("string") id = "";
  @type("string") name = "";
  @type("string") color = "";
  @type("float64") x = 0;
  @type("float64") y = 0;
  @type("float64") economy = 0;
  @type("float64") defense = 0;
  @type("float64") offense = 0;
  @type("float64") powerShare = 0;
  /** "team", "empty" or a bot policy. */
  @type("string") control = "";
  @type("boolean") ready = false;
  @type("uint16") members = 0;
  @type("uint16") connected = 0;
  @type("float64") score = 0;
  /** "the" when the name reads with an article ("the Soviet Union"), else "". */
  @type("string") article = "";
  /** A sea power (Levy and Thompson). */
  @type("boolean") maritime = false;
  /** Revisionist aims (part of its offensive intentions). */
  @type("boolean") revisionist = false;
  /** Regime or ideology label, or "". */
  @type("string") ideology = "";
}

/** A standing territorial claim: `from` claims land held by `to`. */
export class ClaimPublic extends Schema {
  @type("string") from = "";
  @type("string") to = "";
}

/** Two ideologies hostile to each other. */
export class IdeologyRivalry extends Schema {
  @type("string") a = "";
  @type("string") b = "";
}

export class StudentPublic extends Schema {
  @type("string") id = "";
  @type("string") nickname = "";
  @type("string") state = "";
  @type("boolean") connected = false;
  @type("boolean") muted = false;
}

export class DeedPublic extends Schema {
  @type("int16") round = 0;
  @type("string") from = "";
  @type("string") to = "";
  @type("string") kind = "";
}

/** One team's private view: its shared draft, its offers, its role and its scores. */
export class TeamPrivate extends Schema {
  @type("string") state = "";
  @type("uint8") economy = 0;
  @type("uint8") defense = 0;
  @type("uint8") offense = 0;
  @type("string") actionKind = "none";
  @type("string") actionTarget = "";
  /** This round: the team saved a budget / chose an action ("none" included); see shared/rules/draft-status.ts. */
  @type("boolean") budgetSaved = false;
  @type("boolean") actionChosen = false;
  @type(["string"]) leaving = new ArraySchema<string>();
  /** Offers this state made this round: "<to>" or "<to>:accepted". */
  @type(["string"]) offersOut = new ArraySchema<string>();
  /** Offers received this round: "<from>" or "<from>:accepted". */
  @type(["string"]) offersIn = new ArraySchema<string>();
  /** Theory-challenge mode: the theory dealt to this team. */
  @type("string") role = "";
  /** Score lines as JSON: [{round, prosperity, security, war, theory, total}]. */
  @type("string") scoresJson = "[]";
  /**
   * Each resolved round as JSON: [{round, allies, offers, matches, alone, divergent, predictions}]; the
   * predictions ({balanceOfPower, balanceOfThreat, bandwagon}: the reasons in words) only while the
   * teacher shows predictions or once the game has ended, otherwise null.
   */
  @type("string") historyJson = "[]";
  /** Theory-challenge mode: this team's guesses of the others' theories, as JSON {<state>: <theory>}. */
  @type("string") guessesJson = "{}";
}

/** What the theories predict for one state this round, and how its alignment was classified last round. */
export class TheoryView extends Schema {
  @type("string") state = "";
  @type("string") balanceOfPower = "";
  @type("string") balanceOfThreat = "";
  @type("string") bandwagon = "";
  @type("string") topThreat = "";
  @type("boolean") divergent = false;
  /** The last resolved round's classification, e.g. "balance-of-threat,bandwagon" or "alone". */
  @type("string") lastMatches = "";
  /** Whether the team's draft so far fits each theory ("yes,no,-" in the order of THEORIES; "" without a prediction): encodeFit in shared/protocol/codec.ts. */
  @type("string") draftFit = "";
}

/** A crisis of the current round (shared/classroom/news.ts): kept in the state so that a reload or a late joiner reads it. */
export class CrisisPublic extends Schema {
  @type("string") id = "";
  @type("uint8") round = 0;
  @type("string") title = "";
  @type("string") text = "";
  /** What it changes, one sentence each; empty for a story-only crisis. */
  @type(["string"]) changes = new ArraySchema<string>();
}

export class ClassroomSchema extends Schema {
  @type("string") code = "";
  @type("string") title = "";
  @type("string") scenarioId = "";
  /** Names the scenario's map geometry, fetched as /maps/<mapKey>.json (server/maps/key.ts). */
  @type("string") mapKey = "";
  /** "lobby", "diplomacy", "review" or "ended". */
  @type("string") phase = "lobby";
  @type("uint8") round = 0;
  @type("uint8") rounds = 0;
  @type("boolean") paused = false;
  /** When the diplomacy phase ends (ms since the epoch; 0 when no clock runs). */
  @type("float64") deadline = 0;
  /** Milliseconds left while paused. */
  @type("float64") remaining = 0;
  @type("string") chatMode = "open";
  @type("string") scoring = "standard";
  @type("boolean") showPredictions = false;
  /** The teacher closed the game to new players. */
  @type("boolean") locked = false;
  @type("float64") distanceScale = 1000;
  @type("float64") reach = 3000;
  @type({ map: StatePublic }) states = new MapSchema<StatePublic>();
  @type({ map: StudentPublic }) students = new MapSchema<StudentPublic>();
  /** Alliances in force, as "A|B" with the ids sorted. */
  @type(["string"]) alliances = new ArraySchema<string>();
  /** Declared borders, as "A|B". */
  @type(["string"]) borders = new ArraySchema<string>();
  /** The record of hostile deeds (public knowledge: it feeds everyone's threat assessment). */
  @type([DeedPublic]) deeds = new ArraySchema<DeedPublic>();
  /** Standing territorial claims (from the scenario; they never change during a game). */
  @type([ClaimPublic]) claims = new ArraySchema<ClaimPublic>();
  @type([IdeologyRivalry]) rivalIdeologies = new ArraySchema<IdeologyRivalry>();
  @type("string") announcement = "";
  /** Once the game has ended: the podium and the class's theory fit as JSON (Finale, shared/report/finale.ts); "" before. */
  @type("string") finaleJson = "";
  /** When the latest announcement was made (server ms), 0 if none: the same words announced again are news again. */
  @type("float64") announcementAt = 0;
  /** The current round's crises, oldest first. */
  @type([CrisisPublic]) crises = new ArraySchema<CrisisPublic>();
  @view() @type({ map: TeamPrivate }) teams = new MapSchema<TeamPrivate>();
  @view() @type({ map: TheoryView }) theory = new MapSchema<TheoryView>();
}
