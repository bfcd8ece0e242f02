import { THEORY_NAMES, type Theory } from "../../../shared/theory/world.js";

// Times and labels as people read them (numbers and lists: shared/format.ts).
export const num1 = (x: number) => (Math.round(x * 10) / 10).toLocaleString("en-US");

export function clock(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

/** A theory's name in words ("balance of threat"): the model's own names. */
export const THEORY_LABEL: Record<Theory, string> = THEORY_NAMES;

export function controlLabel(control: string): string {
  if (control === "team") return "team";
  if (control === "empty") return "nobody";
  return `bot (${(THEORY_LABEL as Record<string, string>)[control] ?? control})`;
}
