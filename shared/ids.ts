// The shapes of the identifiers used everywhere, defined once: state ids,
// join codes and secret keys. Pure: generating and hashing keys is the
// server's (server/keys.ts).

/** A state id in a scenario: 1 to 12 letters, digits, "-" or "_", starting with a letter ("USA", "rival_1"). */
export const STATE_ID_SOURCE = "[A-Za-z][A-Za-z0-9_-]{0,11}";
export const STATE_ID = new RegExp(`^${STATE_ID_SOURCE}$`);

/** Join codes: 6 characters with no letters that are easy to confuse (no 0/O, 1/I/L). */
export const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const CODE_LENGTH = 6;

/** What a student types: upper-cased, spaces and dashes dropped. */
export function normalizeCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, "");
}

const JOIN_CODE = new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`);

/** A well-formed join code (after normalizeCode). */
export function isJoinCode(code: string): boolean {
  return JOIN_CODE.test(code);
}

/** Teacher keys and rejoin keys: URL-safe base64, 22 to 200 characters (the server makes 32: 192 random bits). */
export const KEY = /^[A-Za-z0-9_-]{22,200}$/;

export function isWellFormedKey(key: string): boolean {
  return KEY.test(key);
}
