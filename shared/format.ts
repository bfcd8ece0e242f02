// Numbers and lists in words, the same everywhere a sentence is built.

/** 0.371 -> "37%"; with `digits`, 0.3714 -> "37.1%". */
export const pct = (x: number, digits = 0): string => (digits === 0 ? `${Math.round(x * 100)}%` : `${(x * 100).toFixed(digits)}%`);

/** Rounded to `decimals` places: roundTo(0.123456, 4) -> 0.1235. */
export const roundTo = (x: number, decimals: number): number => Math.round(x * 10 ** decimals) / 10 ** decimals;

/**
 * Numbers with English digit grouping: the same as `x.toLocaleString("en-US")`, which
 * builds a new formatter on every call (a tenth of a millisecond each).
 */
export const EN_US_NUMBER = new Intl.NumberFormat("en-US");

/** 1234.5 -> "1,235 km". */
export const km = (d: number): string => `${EN_US_NUMBER.format(Math.round(d))} km`;

/** First letter upper case, for the start of a sentence. */
export const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** ["a"] -> "a"; ["a", "b", "c"] -> "a, b and c" (or "or"). */
export function joinList(items: readonly string[], word = "and"): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${word} ${items[items.length - 1]}`;
}
