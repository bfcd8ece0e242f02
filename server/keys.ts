// Secrets and codes: teacher keys (at least 128 random bits), students' rejoin
// keys, join codes (6 characters with no letters that are easy to confuse).
import { createHash, randomBytes, randomInt, randomUUID } from "node:crypto";

/** No 0/O, 1/I/L: a code read from a projector is typed right the first time. */
export const CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";
export const CODE_LENGTH = 6;

export function newJoinCode(): string {
  let code = "";
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** What a student types: upper-cased, spaces and dashes dropped. */
export function normalizeCode(typed: string): string {
  return typed.toUpperCase().replace(/[\s-]/g, "");
}

export function isJoinCode(code: string): boolean {
  return code.length === CODE_LENGTH && [...code].every((c) => CODE_ALPHABET.includes(c));
}

/** 192 random bits, URL-safe. */
export function newSecret(): string {
  return randomBytes(24).toString("base64url");
}

export function isWellFormedKey(key: string): boolean {
  return /^[A-Za-z0-9_-]{22,200}$/.test(key);
}

export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

export function newId(): string {
  return randomUUID();
}

export function newSeed(): number {
  return randomInt(1, 2 ** 31 - 1);
}
