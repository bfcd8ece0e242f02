// Secrets and codes: teacher keys (at least 128 random bits), students' rejoin
// keys, join codes. Their shapes are in shared/ids.ts; making and hashing them
// needs Node's crypto, so it is here.
import { createHash, randomBytes, randomInt, randomUUID } from "node:crypto";
import { CODE_ALPHABET, CODE_LENGTH } from "../shared/ids.js";

export function newJoinCode(): string {
  let code = "";
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET.charAt(randomInt(CODE_ALPHABET.length));
  return code;
}

/** 192 random bits, URL-safe. */
export function newSecret(): string {
  return randomBytes(24).toString("base64url");
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
