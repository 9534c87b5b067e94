import { randomBytes } from "node:crypto";

// Dfns ids look like `us-2ba0h-lvp2q-8s7bga2hnfp3jkb7`: a prefix, then lowercase base32hex ([0-9a-v]).
const ALPHABET = "0123456789abcdefghijklmnopqrstuv";

function base32hex(bytes: Uint8Array): string {
  let out = "";
  for (const byte of bytes) out += ALPHABET[byte & 31];
  return out;
}

export type IdPrefix = "us" | "or" | "cr" | "wa" | "key" | "sig" | "to" | "ch" | "ci" | "xfr" | "er" | "ap";

export function newId(prefix: IdPrefix): string {
  const bytes = randomBytes(26); // one call, not one per group: ids are made on every request
  return `${prefix}-${base32hex(bytes.subarray(0, 5))}-${base32hex(bytes.subarray(5, 10))}-${base32hex(bytes.subarray(10))}`;
}

/** A random challenge for a credential to sign: 32 bytes, base64url. */
export function newChallenge(): string {
  return randomBytes(32).toString("base64url");
}
