import { ripemd160 } from "@noble/hashes/legacy.js";
import { sha256 } from "@noble/hashes/sha2.js";
import { keccak_256 } from "@noble/hashes/sha3.js";
import { base58, bech32, createBase58check } from "@scure/base";

import { internalHexToBytes, to0x } from "./hex";
import { compressedSecp256k1, uncompressedSecp256k1 } from "./keys";
import type { NetworkSpec } from "./networks";

const base58check = createBase58check(sha256);

/** Last 20 bytes of keccak256(x ‖ y): the account id shared by EVM chains and Tron. */
function keccakAccountId(publicKeyHex: string): Uint8Array {
  return keccak_256(uncompressedSecp256k1(publicKeyHex).subarray(1)).subarray(12);
}

/** Lowercase, not EIP-55 checksummed: that is how Dfns returns `wallet.address`. */
export function evmAddress(publicKeyHex: string): string {
  return to0x(keccakAccountId(publicKeyHex));
}

/** Tron: base58check(0x41 ‖ account id), always `T…` (Nile uses the same prefix as mainnet). */
export function tronAddress(publicKeyHex: string): string {
  const payload = new Uint8Array(21);
  payload[0] = 0x41;
  payload.set(keccakAccountId(publicKeyHex), 1);
  return base58check.encode(payload);
}

/** Native segwit v0 P2WPKH: bech32(hrp, [0, hash160(compressed key)]). Signet and testnet3 share `tb`. */
export function bitcoinAddress(publicKeyHex: string, testnet: boolean): string {
  const program = ripemd160(sha256(compressedSecp256k1(publicKeyHex)));
  return bech32.encode(testnet ? "tb" : "bc", [0, ...bech32.toWords(program)]);
}

/** Solana: the 32-byte ed25519 public key is the address, base58-encoded. */
export function solanaAddress(publicKeyHex: string): string {
  return base58.encode(internalHexToBytes(publicKeyHex, 32, "ed25519 public key"));
}

/** `undefined` for the Key* pseudo-networks, which Dfns returns without an address. */
export function deriveAddress(spec: NetworkSpec, publicKeyHex: string): string | undefined {
  switch (spec.family) {
    case "evm":
      return evmAddress(publicKeyHex);
    case "tron":
      return tronAddress(publicKeyHex);
    case "bitcoin":
      return bitcoinAddress(publicKeyHex, spec.testnet);
    case "solana":
      return solanaAddress(publicKeyHex);
    case "key":
      return undefined;
  }
}
