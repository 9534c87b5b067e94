// The human-readable recovery code: `D1-` + 32 characters in groups 6-5-5-5-5-6, the format of
// Dfns's randomRecoveryKey(). The code is the PBKDF2 password verbatim (prefix and dashes
// included), so every code must be put back in this exact canonical form before use.

import { InvalidRecoveryCodeError } from "./errors";
import { randomBytes } from "./webcrypto";

/** No 0/O, 1/I: the code is copied by hand from paper. */
export const RECOVERY_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
const PREFIX = "D1";
const GROUPS = [6, 5, 5, 5, 5, 6];
const BODY_LENGTH = 32;

function format(body: string): string {
  const parts: string[] = [];
  let at = 0;
  for (const size of GROUPS) {
    parts.push(body.slice(at, at + size));
    at += size;
  }
  return [PREFIX, ...parts].join("-");
}

export function generateRecoveryCode(): string {
  // 256 is a multiple of 32, so keeping the low 5 bits of a random byte is unbiased: 160 bits of entropy.
  // (Dfns's example derives the characters from two UUIDv4s, whose fixed version/variant nibbles
  // cost a few bits; the resulting format is the same.)
  let body = "";
  for (const byte of randomBytes(BODY_LENGTH)) body += RECOVERY_CODE_ALPHABET[byte & 31];
  return format(body);
}

/**
 * Canonical form of what a user typed or pasted: case, spaces, dashes (including typographic
 * dashes from word processors) and a missing `D1` prefix are forgiven; anything else is an error.
 */
export function normalizeRecoveryCode(input: string): string {
  if (typeof input !== "string") throw new InvalidRecoveryCodeError("A recovery code is text.");
  let body = input.toUpperCase().replace(/[\s\-\u2010-\u2015\u2212]/g, "");
  // "1" is not in the alphabet, so a leading "D1" can only be the version prefix.
  if (body.startsWith(PREFIX)) body = body.slice(PREFIX.length);
  if (body.length === 0) throw new InvalidRecoveryCodeError("Enter your recovery code.");

  const foreign = [...new Set([...body].filter((c) => !RECOVERY_CODE_ALPHABET.includes(c)))];
  if (foreign.length > 0) {
    throw new InvalidRecoveryCodeError(
      `A recovery code never contains ${foreign.map((c) => JSON.stringify(c)).join(", ")}` +
        " (codes use A-Z without I and O, and digits 2-9).",
    );
  }
  if (body.length !== BODY_LENGTH) {
    throw new InvalidRecoveryCodeError(
      `A recovery code has ${BODY_LENGTH} characters after "D1-"; this one has ${body.length}.`,
    );
  }
  return format(body);
}
