import { ed25519 } from "@noble/curves/ed25519.js";
import { secp256k1 } from "@noble/curves/secp256k1.js";
import { bytesToHex, hexToBytes } from "@noble/hashes/utils.js";
import { describe, expect, it } from "vitest";

import { deriveAddress } from "./addresses";
import { compressedSecp256k1, generateWalletKey, uncompressedSecp256k1 } from "./keys";
import { resolveNetwork } from "./networks";

describe("generateWalletKey", () => {
  it("secp256k1: public key is the compressed point of the private key", () => {
    const key = generateWalletKey("secp256k1");
    expect(key.publicKey).toMatch(/^0[23][0-9a-f]{64}$/);
    expect(key.publicKey).toBe(bytesToHex(secp256k1.getPublicKey(hexToBytes(key.privateKey), true)));
  });

  it("ed25519: public key is the 32-byte key of the seed", () => {
    const key = generateWalletKey("ed25519");
    expect(key.publicKey).toMatch(/^[0-9a-f]{64}$/);
    expect(key.publicKey).toBe(bytesToHex(ed25519.getPublicKey(hexToBytes(key.privateKey))));
  });

  it("never repeats a key", () => {
    const seen = new Set(Array.from({ length: 50 }, () => generateWalletKey("secp256k1").privateKey));
    expect(seen.size).toBe(50);
  });

  it("round-trips between compressed and uncompressed secp256k1 forms", () => {
    const key = generateWalletKey("secp256k1");
    const full = uncompressedSecp256k1(key.publicKey);
    expect(full).toHaveLength(65);
    expect(full[0]).toBe(4);
    expect(bytesToHex(compressedSecp256k1(bytesToHex(full)))).toBe(key.publicKey);
  });

  // The sandbox must create ~100 wallets/s on 2 cores; a generous bound that still catches a
  // pathological regression (e.g. a slow pure-JS path or a KDF slipping in).
  it("key + address is fast enough for the registration throughput target", () => {
    const evm = resolveNetwork("Ethereum");
    const sol = resolveNetwork("Solana");
    for (let i = 0; i < 20; i++) deriveAddress(evm, generateWalletKey("secp256k1").publicKey); // warm up
    const started = performance.now();
    for (let i = 0; i < 200; i++) {
      deriveAddress(evm, generateWalletKey("secp256k1").publicKey);
      deriveAddress(sol, generateWalletKey("ed25519").publicKey);
    }
    const perWalletMs = (performance.now() - started) / 400;
    expect(perWalletMs).toBeLessThan(3);
  });
});
