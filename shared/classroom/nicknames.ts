// The nickname rules: how a nickname is cleaned and when it is refused. No
// look-alike data here (that is look-alike.ts), so the home page can check a
// nickname as the server will without loading it.
import { cleanNickname, hasVisibleLetterOrDigit } from "./user-text.js";

/** The most characters (UTF-16 code units, as an input's maxlength counts) a nickname has, after cleaning. */
export const MAX_NICKNAME = 24;

export type NicknameCheck = { ok: true; nickname: string } | { ok: false; message: string };

/**
 * A typed nickname, cleaned (cleanNickname: invisible and bidi-control characters removed,
 * NFKC, white space collapsed, trimmed) and checked: 1 to MAX_NICKNAME characters after
 * cleaning, with at least one visible letter or digit (so no name of braille blanks, Hangul
 * fillers or zero-width spaces). The message says what to change.
 */
export function checkNickname(raw: string): NicknameCheck {
  const nickname = cleanNickname(raw);
  const length = `Choose a nickname of 1 to ${MAX_NICKNAME} characters.`;
  if (nickname.length > MAX_NICKNAME) return { ok: false, message: length };
  if (!hasVisibleLetterOrDigit(nickname)) {
    // Nothing typed at all, or only characters that show as nothing (or no letter or digit).
    return { ok: false, message: raw.trim() === "" ? length : "A nickname needs at least one letter or digit that can be seen." };
  }
  return { ok: true, nickname };
}

/** The cleaned nickname, or null if checkNickname refuses it. */
export function normalizeNickname(raw: string): string | null {
  const checked = checkNickname(raw);
  return checked.ok ? checked.nickname : null;
}

/**
 * How a refusal names a nickname in use: `"Ann"`, or for a look-alike
 * `"Аnn" (too much like "Ann")`, so the student sees why their different-looking
 * spelling is taken.
 */
export function nicknameInUse(typed: string, existing: string): string {
  return typed === existing ? `"${existing}"` : `"${typed}" (too much like "${existing}")`;
}
