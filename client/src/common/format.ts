// Numbers and times as people read them.
export const pct = (x: number, digits = 0) => `${(x * 100).toFixed(digits)}%`;
export const km = (d: number) => `${Math.round(d).toLocaleString("en-US")} km`;
export const num1 = (x: number) => (Math.round(x * 10) / 10).toLocaleString("en-US");

export function clock(ms: number): string {
  const s = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, "0")}`;
}

export const THEORY_LABEL: Record<string, string> = {
  "balance-of-power": "balance of power",
  "balance-of-threat": "balance of threat",
  bandwagon: "bandwagoning",
  random: "random",
  team: "team",
  empty: "nobody",
};

export function controlLabel(control: string): string {
  if (control === "team") return "team";
  if (control === "empty") return "nobody";
  return `bot (${THEORY_LABEL[control] ?? control})`;
}
