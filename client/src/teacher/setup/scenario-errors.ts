// The errors of an uploaded scenario file in a teacher's words: each
// validation error ("states[3].military: must be a number") says where it is
// ("State 4 (Atlantia), military") and what is wrong ("must be a number").
// The place is read from the file the teacher chose, so a state is named.

export interface ScenarioProblem {
  where: string;
  what: string;
}

const SECTIONS: Record<string, string> = {
  states: "State",
  alliances: "Alliance",
  borders: "Border",
  history: "Past event",
  crises: "Crisis",
  claims: "Claim",
  rivalIdeologies: "Rival ideologies",
};

function nameOf(item: unknown): string | null {
  if (item === null || typeof item !== "object") return null;
  const record = item as Record<string, unknown>;
  const name = record.name ?? record.title ?? record.id;
  return typeof name === "string" && name.trim() !== "" ? name.trim() : null;
}

/** One error from the validator (path, colon, message), with its place in words. */
export function describeProblem(error: string, file: unknown): ScenarioProblem {
  const colon = error.indexOf(": ");
  if (colon < 0) return { where: "The file", what: error };
  const path = error.slice(0, colon);
  const what = error.slice(colon + 2);
  if (path === "scenario") return { where: "The file", what };
  const parts = path.match(/[^.[\]]+|\[\d+\]/g) ?? [path];
  const words: string[] = [];
  let value: unknown = file;
  let section: string | null = null;
  for (const part of parts) {
    const index = /^\[(\d+)\]$/.exec(part);
    if (index) {
      const i = Number(index[1]);
      value = Array.isArray(value) ? (value[i] as unknown) : undefined;
      const name = nameOf(value);
      if (section !== null) words.pop();
      const label = section !== null ? (SECTIONS[section] ?? `${section}, item`) : "item";
      words.push(`${label} ${i + 1}${name ? ` (${name})` : ""}`);
      section = null;
      continue;
    }
    value = value !== null && typeof value === "object" ? (value as Record<string, unknown>)[part] : undefined;
    section = part;
    words.push(part);
  }
  return { where: words.join(", "), what };
}
