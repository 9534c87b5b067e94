import { ed25519 } from "@noble/curves/ed25519.js";
import { secp256k1 } from "@noble/curves/secp256k1.js";
import { bytesToHex } from "@noble/hashes/utils.js";

import { internalHexToBytes } from "./hex";
import type { Curve } from "./networks";

/** Hex without 0x. `publicKey` is what Dfns shows in `signingKey.publicKey`. */
export interface WalletKey {
  privateKey: string;
  publicKey: string;
}

/**
 * A fresh random key pair. Dfns reports secp256k1 keys compressed (33 bytes) and ed25519 keys as
 * the raw 32 bytes, so that is what we store. noble does this in ~0.5 ms, fine for the
 * registration throughput target; no MPC, the sandbox simply holds the private key.
 */
export function generateWalletKey(curve: Curve): WalletKey {
  if (curve === "secp256k1") {
    const sk = secp256k1.utils.randomSecretKey();
    return { privateKey: bytesToHex(sk), publicKey: bytesToHex(secp256k1.getPublicKey(sk, true)) };
  }
  const sk = ed25519.utils.randomSecretKey();
  return { privateKey: bytesToHex(sk), publicKey: bytesToHex(ed25519.getPublicKey(sk)) };
}

/** 65-byte `04 ‖ x ‖ y` form, which EVM and Tron addresses hash. Accepts compressed or uncompressed. */
export function uncompressedSecp256k1(publicKeyHex: string): Uint8Array {
  const bytes = internalHexToBytes(publicKeyHex, [33, 65], "secp256k1 public key");
  return secp256k1.Point.fromBytes(bytes).toBytes(false);
}

/** 33-byte compressed form, which Bitcoin P2WPKH hashes. Accepts compressed or uncompressed. */
export function compressedSecp256k1(publicKeyHex: string): Uint8Array {
  const bytes = internalHexToBytes(publicKeyHex, [33, 65], "secp256k1 public key");
  return bytes.length === 33 ? bytes : secp256k1.Point.fromBytes(bytes).toBytes(true);
}
