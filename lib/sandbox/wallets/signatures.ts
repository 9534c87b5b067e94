import { ed25519 } from "@noble/curves/ed25519.js";
import { secp256k1 } from "@noble/curves/secp256k1.js";

import { internalHexToBytes, to0x } from "./hex";

/** Dfns's `signature` object: hex with 0x. `recid` only for ECDSA. */
export interface SignatureResult {
  r: string;
  s: string;
  recid?: number;
  encoded: string;
}

/**
 * Raw ECDSA over a 32-byte digest: no further hashing (noble would sha256 it by default), low-s
 * (as Ethereum and Bitcoin require), deterministic k (RFC 6979). `encoded` is r ‖ s ‖ v with
 * v = 27 + recid, the 65-byte form viem/ethers verify and Dfns returns (its EIP-712 example ends in 0x1c
 * for recid 1).
 */
export function signSecp256k1Digest(privateKeyHex: string, digest: Uint8Array): SignatureResult {
  const sk = internalHexToBytes(privateKeyHex, 32, "secp256k1 private key");
  // 'recovered' = recid ‖ r ‖ s
  const sig = secp256k1.sign(digest, sk, { prehash: false, lowS: true, format: "recovered" });
  const recid = sig[0]!;
  const r = sig.subarray(1, 33);
  const s = sig.subarray(33, 65);
  const encoded = new Uint8Array(65);
  encoded.set(r, 0);
  encoded.set(s, 32);
  encoded[64] = 27 + recid;
  return { r: to0x(r), s: to0x(s), recid, encoded: to0x(encoded) };
}

/** Pure ed25519 over the message bytes themselves (Solana signs raw bytes). R = first half, S = second. */
export function signEd25519Message(privateKeyHex: string, message: Uint8Array): SignatureResult {
  const sk = internalHexToBytes(privateKeyHex, 32, "ed25519 private key");
  const sig = ed25519.sign(message, sk);
  return { r: to0x(sig.subarray(0, 32)), s: to0x(sig.subarray(32, 64)), encoded: to0x(sig) };
}
