import { createECDH, generateKeyPairSync } from "node:crypto";
import { secp256k1 } from "@noble/curves/secp256k1.js";

import { internalHexToBytes } from "./hex";
import type { Curve } from "./networks";

/** Hex without 0x. `publicKey` is what Dfns shows in `signingKey.publicKey`. */
export interface WalletKey {
  privateKey: string;
  publicKey: string;
}

/**
 * A fresh random key pair. Dfns reports secp256k1 keys compressed (33 bytes) and ed25519 keys as
 * the raw 32 bytes, so that is what we store. Made by node:crypto (OpenSSL), several times
 * faster than pure JS on the registration path; no MPC, the sandbox simply holds the private key.
 */
export function generateWalletKey(curve: Curve): WalletKey {
  if (curve === "secp256k1") {
    const ecdh = createECDH("secp256k1");
    ecdh.generateKeys();
    // OpenSSL drops leading zero bytes of the scalar: pad back to 32 bytes.
    return {
      privateKey: ecdh.getPrivateKey("hex").padStart(64, "0"),
      publicKey: ecdh.getPublicKey("hex", "compressed"),
    };
  }
  const jwk = generateKeyPairSync("ed25519").privateKey.export({ format: "jwk" });
  return { privateKey: base64UrlToHex(jwk.d!), publicKey: base64UrlToHex(jwk.x!) };
}

const base64UrlToHex = (value: string) => Buffer.from(value, "base64url").toString("hex");

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
