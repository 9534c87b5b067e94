import { bytesToHex, hexToBytes } from "@noble/hashes/utils.js";

/** Dfns returns signature parts as lowercase `0x`-prefixed hex. */
export const to0x = (bytes: Uint8Array): string => `0x${bytesToHex(bytes)}`;

/**
 * Decodes hex the sandbox produced itself (stored keys). A bad value here is our own bug, not the
 * caller's, so it throws a plain Error (→ 500) instead of a 400.
 */
export function internalHexToBytes(hex: string, expectedLength: number | readonly number[], what: string): Uint8Array {
  const clean = hex.startsWith("0x") ? hex.slice(2) : hex;
  const lengths = typeof expectedLength === "number" ? [expectedLength] : expectedLength;
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(clean) || !lengths.includes(clean.length / 2)) {
    throw new Error(`Malformed ${what}: expected ${lengths.join(" or ")} bytes of hex`);
  }
  return hexToBytes(clean);
}
