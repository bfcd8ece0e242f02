// The scenario file format: a zod schema for the shape of each field, then
// cross-field checks (unknown ids, duplicates, self-alliances) that a schema
// alone cannot express. Every error names the path and the problem, in the
// form `states[3].military: must be a positive number`.
import { z } from "zod";
import { STATE_ID } from "../ids.js";

export const DEED_KINDS = ["attack", "threat", "betrayal"] as const;
export type DeedKind = (typeof DEED_KINDS)[number];

export const MIN_STATES = 3;
export const MAX_STATES = 400;
export const MAX_ROUNDS = 30;

const positive = z
  .number({ error: "must be a positive number" })
  .refine((n) => Number.isFinite(n) && n > 0, { error: "must be a positive number" });

const finite = z
  .number({ error: "must be a number" })
  .refine((n) => Number.isFinite(n), { error: "must be a finite number" });

const text = (max: number) =>
  z
    .string({ error: "must be text" })
    .trim()
    .min(1, { error: "must not be empty" })
    .max(max, { error: `must be at most ${max} characters` });

const stateId = z
  .string({ error: "must be text" })
  .regex(STATE_ID, {
    error: "must be 1 to 12 letters, digits, '-' or '_', starting with a letter",
  });

const colour = z
  .string({ error: "must be text" })
  .regex(/^#[0-9a-fA-F]{6}$/, { error: "must be a colour like #1f77b4" });

/** Raw Correlates of War figures a historical state was built from (optional, for citation and checks). */
const cowFigures = z.strictObject({
  stateabb: z.string(),
  year: z.number().int(),
  milex: z.number(),
  milper: z.number(),
  irst: z.number(),
  pec: z.number(),
  tpop: z.number(),
  upop: z.number(),
});

const capital = z.strictObject({
  name: text(80),
  lat: finite.refine((n) => n >= -90 && n <= 90, { error: "must be between -90 and 90" }),
  lon: finite.refine((n) => n >= -180 && n <= 180, { error: "must be between -180 and 180" }),
});

const ideologyLabel = z
  .string({ error: "must be text" })
  .regex(/^[a-z][a-z0-9 -]{0,39}$/, { error: "must be 1 to 40 lower-case letters, digits, spaces or '-', like \"communist\"" });

/** The most modern countries one state's territory may gather. */
export const MAX_TERRITORY_COUNTRIES = 40;

/**
 * Modern countries that approximate a historical state on the map, by their
 * Natural Earth names (world-atlas `properties.name`, e.g. "Bosnia and Herz.").
 * The names are checked against the atlas when the map is built (shared/map/build.ts).
 */
const territory = z
  .array(text(60), { error: 'must be a list of Natural Earth country names, like ["Austria", "Hungary"]' })
  .min(1, { error: "must name at least one country" })
  .max(MAX_TERRITORY_COUNTRIES, { error: `must name at most ${MAX_TERRITORY_COUNTRIES} countries` });

const stateSchema = z.strictObject({
  id: stateId,
  name: text(60),
  military: positive,
  economy: positive,
  position: z.tuple([finite, finite], { error: "must be [x, y] in kilometres" }),
  offensive: z
    .number({ error: "must be a number between 0 and 1" })
    .refine((n) => Number.isFinite(n) && n >= 0 && n <= 1, {
      error: "must be a number between 0 and 1",
    }),
  color: colour.optional(),
  description: text(600).optional(),
  capital: capital.optional(),
  cow: cowFigures.optional(),
  /** "the" when the name reads with an article in a sentence ("the Soviet Union"). */
  article: z.literal("the", { error: 'must be "the" (or left out)' }).optional(),
  /** A sea power: its strength is mostly naval (Levy and Thompson 2010: states seldom balance against it). */
  maritime: z.boolean({ error: "must be true or false" }).optional(),
  /** Aims to overturn the existing order (Walt: offensive intentions; Schweller: a revisionist state). */
  revisionist: z.boolean({ error: "must be true or false" }).optional(),
  /** Regime or ideology, a short label such as "communist" (Walt ch. 6; Rousseau and Garcia-Retamero 2007). */
  ideology: ideologyLabel.optional(),
  /** Modern countries (Natural Earth names) drawn as this state's territory; all states have one or none do. */
  territory: territory.optional(),
});

const pair = z.tuple([stateId, stateId], { error: "must be a pair of state ids, like [\"USA\", \"GBR\"]" });

const deedSchema = z.strictObject({
  from: stateId,
  to: stateId,
  kind: z.enum(DEED_KINDS, { error: `must be one of ${DEED_KINDS.join(", ")}` }),
  ago: z
    .number({ error: "must be a whole number of rounds, 1 or more" })
    .int({ error: "must be a whole number of rounds, 1 or more" })
    .min(1, { error: "must be a whole number of rounds, 1 or more" })
    .max(50, { error: "must be at most 50 rounds" }),
  note: text(400).optional(),
  source: text(400).optional(),
});

/** A standing territorial claim of one state on another (Walt: offensive intentions). */
const claimSchema = z.strictObject({
  from: stateId,
  to: stateId,
  note: text(400).optional(),
  source: text(400).optional(),
});

const effectSchema = z.strictObject({
  state: stateId,
  economy: finite
    .refine((n) => n >= -90 && n <= 200, { error: "must be a percentage change between -90 and 200" })
    .optional(),
  military: finite
    .refine((n) => n >= -90 && n <= 200, { error: "must be a percentage change between -90 and 200" })
    .optional(),
});

export const crisisSchema = z.strictObject({
  id: z
    .string({ error: "must be text" })
    .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, { error: "must be lower-case letters, digits and '-'" }),
  title: text(80),
  text: text(1000),
  round: z
    .number({ error: "must be a round number" })
    .int({ error: "must be a whole round number" })
    .min(1, { error: "must be 1 or more" })
    .optional(),
  effects: z.array(effectSchema).max(50).optional(),
  deeds: z
    .array(deedSchema.omit({ ago: true }))
    .max(50)
    .optional(),
});

export const scenarioSchema = z.strictObject({
  id: z
    .string({ error: "must be text" })
    .regex(/^[a-z0-9][a-z0-9-]{1,59}$/, {
      error: "must be 2 to 60 lower-case letters, digits and '-', like cold-war-1947",
    }),
  title: text(100),
  description: text(2000).optional(),
  rounds: z
    .number({ error: `must be a whole number from 1 to ${MAX_ROUNDS}` })
    .int({ error: `must be a whole number from 1 to ${MAX_ROUNDS}` })
    .min(1, { error: `must be a whole number from 1 to ${MAX_ROUNDS}` })
    .max(MAX_ROUNDS, { error: `must be a whole number from 1 to ${MAX_ROUNDS}` }),
  /** Distance (km) at which another state's power counts half: g(d) = 1 / (1 + d / distanceScale). */
  distanceScale: positive.optional(),
  /** Farthest distance (km) at which a state can attack or threaten another (neighbours always can). */
  reach: positive.optional(),
  states: z
    .array(stateSchema, { error: "must be a list of states" })
    .min(MIN_STATES, { error: `must have at least ${MIN_STATES} states` })
    .max(MAX_STATES, { error: `must have at most ${MAX_STATES} states` }),
  alliances: z.array(pair).optional(),
  borders: z.array(pair).optional(),
  history: z.array(deedSchema).optional(),
  /** Territorial claims in force at the start: `from` claims land held by `to`. */
  claims: z.array(claimSchema).max(400).optional(),
  /** Pairs of ideologies hostile to each other, like ["communist", "liberal democracy"]. */
  rivalIdeologies: z.array(z.tuple([ideologyLabel, ideologyLabel], { error: 'must be a pair of ideologies, like ["communist", "liberal democracy"]' })).max(100).optional(),
  crises: z.array(crisisSchema).max(50).optional(),
  teachingNotes: text(4000).optional(),
  sources: z.array(text(500)).optional(),
});

export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Scenario = z.output<typeof scenarioSchema>;
export type ScenarioState = Scenario["states"][number];
export type ScenarioDeed = NonNullable<Scenario["history"]>[number];
export type Crisis = z.output<typeof crisisSchema>;
export type ScenarioClaim = NonNullable<Scenario["claims"]>[number];
