// Checks a historical validation case without the theory engine: the file's
// shape, its scenario (validateScenario), that every strength and position was
// computed by the method of docs/scenarios.md from the Correlates of War rows
// and capitals stored in the file, and that the expert coding agrees with the
// game's classification rules read with the scenario's formal alliances.
// history.test.ts runs it on every case. (When the set was built, each row was
// also compared with the Correlates of War file; tests do not read the handout.)
import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { validateScenario } from "../../../shared/scenario/validate.js";

const here = dirname(fileURLToPath(import.meta.url));
const casesDir = join(here, "cases");
const repoRoot = resolve(here, "../../..");

const PERIODS = ["world-war-1", "world-war-2", "cold-war", "middle-east"];
const COMPONENTS = ["milex", "milper", "irst", "pec", "tpop", "upop"] as const;
type Component = (typeof COMPONENTS)[number];
type Cow = { stateabb: string; year: number } & Record<Component, number>;
type Loose = Record<string, any>;

/** The two data citations every historical scenario carries, taken from a built-in. */
const builtin = JSON.parse(readFileSync(join(repoRoot, "shared/scenario/builtin/cold-war-1947.json"), "utf8")) as Loose;
const COW_CITATIONS = (builtin.sources as string[]).slice(0, 2);

/** Military and economy by docs/scenarios.md: shares among the case's own states, -9 counted as 0. */
function strengths(cows: Cow[]): { military: number; economy: number }[] {
  const v = (c: Cow, k: Component) => Math.max(c[k], 0);
  const total = Object.fromEntries(COMPONENTS.map((k) => [k, cows.reduce((s, c) => s + v(c, k), 0)])) as Record<Component, number>;
  const share = (c: Cow, k: Component) => (total[k] > 0 ? v(c, k) / total[k] : 0);
  return cows.map((c) => ({
    military: Math.round((100 * (share(c, "milex") + share(c, "milper"))) / 2 * 100) / 100,
    economy: Math.round((100 * (share(c, "irst") + share(c, "pec") + share(c, "tpop") + share(c, "upop"))) / 4 * 100) / 100,
  }));
}

/** Equirectangular projection about the mean latitude and longitude of the case's capitals. */
function positions(capitals: { lat: number; lon: number }[]): [number, number][] {
  const lat0 = capitals.reduce((s, c) => s + c.lat, 0) / capitals.length;
  const lon0 = capitals.reduce((s, c) => s + c.lon, 0) / capitals.length;
  const rad = Math.PI / 180;
  return capitals.map((c) => [
    Math.round(6371 * ((c.lon - lon0) * rad) * Math.cos(lat0 * rad)),
    Math.round(6371 * ((c.lat - lat0) * rad)),
  ]);
}

/** The errors (and notes) of one case file in ./cases; no errors means the case is sound. */
export function checkCase(file: string): { errors: string[]; notes: string[] } {
  const errors: string[] = [];
  const notes: string[] = [];
  const err = (m: string) => errors.push(m);
  let c: Loose;
  try {
    c = JSON.parse(readFileSync(join(casesDir, file), "utf8")) as Loose;
  } catch (e) {
    return { errors: [`not valid JSON: ${String(e)}`], notes };
  }
  const known = ["id", "title", "period", "year", "data", "decider", "decision", "expert", "scenario"];
  for (const k of Object.keys(c)) if (!known.includes(k)) err(`unknown field "${k}"`);
  if (`${c.id}.json` !== file) err(`id "${c.id}" does not match the file name`);
  if (typeof c.title !== "string" || c.title === "") err("title: missing");
  if (!PERIODS.includes(c.period)) err(`period: must be one of ${PERIODS.join(", ")}`);
  if (!Number.isInteger(c.year)) err("year: must be a whole number");
  const v = validateScenario(c.scenario);
  if (!v.ok) for (const e of v.errors) err(`scenario.${e}`);
  if (typeof c.scenario !== "object" || c.scenario === null) return { errors, notes };
  const s = c.scenario as Loose;
  if (s.id !== c.id) err(`scenario.id "${s.id}" must equal the case id`);
  if (s.rounds !== 1) err("scenario.rounds: must be 1");
  const states = (s.states ?? []) as Loose[];
  if (states.length < 4 || states.length > 10) err(`scenario.states: ${states.length} states, the set uses 4 to 10`);
  const ids = new Set(states.map((st) => st.id as string));
  const sources = (s.sources ?? []) as string[];
  for (const cite of COW_CITATIONS) if (!sources.includes(cite)) err(`scenario.sources: missing the COW citation "${cite.slice(0, 40)}..."`);

  // Strength and position from the stored rows and capitals.
  const cows = states.map((st) => st.cow as Cow | undefined);
  const caps = states.map((st) => st.capital as { lat: number; lon: number } | undefined);
  if (cows.some((x) => !x) || caps.some((x) => !x)) err("every state needs cow and capital");
  else {
    const years = new Set(cows.map((x) => x!.year));
    if (years.size !== 1) err(`cow rows of several years: ${[...years].join(", ")}`);
    const year = [...years][0];
    if (typeof c.data !== "string" || !c.data.includes(`year ${year}`)) err(`data: must name the COW year ${year}`);
    const str = strengths(cows as Cow[]);
    const pos = positions(caps as { lat: number; lon: number }[]);
    states.forEach((st, i) => {
      if (st.military !== str[i]!.military) err(`${st.id}: military ${st.military}, recomputed ${str[i]!.military}`);
      if (st.economy !== str[i]!.economy) err(`${st.id}: economy ${st.economy}, recomputed ${str[i]!.economy}`);
      const [x, y] = pos[i]!;
      if (st.position?.[0] !== x || st.position?.[1] !== y) err(`${st.id}: position [${st.position}], recomputed [${x}, ${y}]`);
      if (typeof c.data === "string" && !c.data.includes(st.cow.stateabb)) err(`data: row ${st.cow.stateabb} not named`);
      if (typeof st.description !== "string" || !/offensive share/i.test(st.description)) err(`${st.id}: description must give the reason for the offensive share`);
    });
  }

  // The decision and its coding.
  const allied = new Set(((s.alliances ?? []) as [string, string][]).map(([a, b]) => [a, b].sort().join("|")));
  const isAllied = (a: string, b: string) => allied.has([a, b].sort().join("|"));
  const d = c.decider as string;
  if (!ids.has(d)) err(`decider "${d}" is not a state of the scenario`);
  const allies = (c.decision?.allies ?? []) as string[];
  if (!Array.isArray(allies) || allies.length === 0) err("decision.allies: must name at least one state");
  for (const a of allies) {
    if (!ids.has(a)) err(`decision.allies: "${a}" is not a state of the scenario`);
    if (a === d) err("decision.allies: the decider cannot ally with itself");
    if (isAllied(a, d)) err(`decision.allies: "${a}" is already allied to ${d} in scenario.alliances`);
  }
  if (typeof c.decision?.text !== "string" || c.decision.text === "") err("decision.text: missing");
  const e = (c.expert ?? {}) as Loose;
  for (const k of ["balance-of-threat", "bandwagon"]) if (typeof e[k] !== "boolean") err(`expert.${k}: must be true or false`);
  const bop = e["balance-of-power"];
  if (!(typeof bop === "boolean" || (bop === null && e.leader === d))) err("expert.balance-of-power: true or false (null only when the decider is the leader)");
  for (const k of ["leader", "topThreat"]) if (!ids.has(e[k])) err(`expert.${k}: "${e[k]}" is not a state of the scenario`);
  if (e.topThreat === d) err("expert.topThreat: cannot be the decider");
  if (typeof e.reading !== "string" || e.reading.length < 40) err("expert.reading: missing");
  if (!Array.isArray(e.sources) || e.sources.length === 0) err("expert.sources: missing");

  // Consistency of the coding with the game's rules, read with the scenario's formal alliances.
  const T = e.topThreat as string;
  if (e.bandwagon !== allies.includes(T)) err(`expert.bandwagon is ${e.bandwagon} but ${T} is${allies.includes(T) ? "" : " not"} among the allies`);
  const botFormal = allies.some((a) => a !== T && !isAllied(a, T));
  if (e["balance-of-threat"] && !botFormal) err("expert.balance-of-threat is true but every partner is the top threat or formally allied to it");
  if (!e["balance-of-threat"] && botFormal) notes.push(`balance-of-threat coded false although a partner is not formally allied to ${T} (the reading explains the informal camp)`);
  if (allies.includes(e.leader) && bop === true) err("expert.balance-of-power is true but the decider allies with the leader");
  return { errors, notes };
}
