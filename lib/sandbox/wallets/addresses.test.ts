import { ed25519 } from "@noble/curves/ed25519.js";
import { secp256k1 } from "@noble/curves/secp256k1.js";
import { bytesToHex, hexToBytes } from "@noble/hashes/utils.js";
import { base58, bech32, createBase58check } from "@scure/base";
import { sha256 } from "@noble/hashes/sha2.js";
import { privateKeyToAddress } from "viem/accounts";
import { describe, expect, it } from "vitest";

import { bitcoinAddress, deriveAddress, evmAddress, solanaAddress, tronAddress } from "./addresses";
import { generateWalletKey } from "./keys";
import { resolveNetwork, SUPPORTED_NETWORKS } from "./networks";

const ONE = "0000000000000000000000000000000000000000000000000000000000000001";
const pubOf = (sk: string, compressed = true) => bytesToHex(secp256k1.getPublicKey(hexToBytes(sk), compressed));

describe("known vectors (private key 1 and RFC 8032)", () => {
  it("EVM: 0x7e5f…5bdf, lowercase, from compressed or uncompressed key", () => {
    expect(evmAddress(pubOf(ONE))).toBe("0x7e5f4552091a69125d5dfcb7b8c2659029395bdf");
    expect(evmAddress(pubOf(ONE, false))).toBe("0x7e5f4552091a69125d5dfcb7b8c2659029395bdf");
  });

  it("Bitcoin: P2WPKH bc1qw508… on mainnet (BIP-173 vector), tb1qw508… on test networks", () => {
    expect(bitcoinAddress(pubOf(ONE), false)).toBe("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4");
    expect(bitcoinAddress(pubOf(ONE), true)).toBe("tb1qw508d6qejxtdg4y5r3zarvary0c5xw7kxpjzsx");
    // An uncompressed key must still hash its compressed form.
    expect(bitcoinAddress(pubOf(ONE, false), false)).toBe("bc1qw508d6qejxtdg4y5r3zarvary0c5xw7kv8f3t4");
  });

  it("Tron: TMVQGm1q… (TronWeb's test vector for key 1)", () => {
    expect(tronAddress(pubOf(ONE))).toBe("TMVQGm1qAQYVdetCeGRRkTWYYrLXuHK2HC");
    // TronWeb sign-message vector 2: key 51d1… ↔ TVEZYj…
    expect(tronAddress(pubOf("51d1d6047622bca92272d36b297799ecc152dc2ef91b229debf84fc41e8c73ee"))).toBe(
      "TVEZYjZyemfJoLUdGtzsM2ua1HAnbsNgAF",
    );
  });

  it("Tron address decodes to 0x41 ‖ the EVM address bytes", () => {
    const payload = createBase58check(sha256).decode(tronAddress(pubOf(ONE)));
    expect(bytesToHex(payload)).toBe("417e5f4552091a69125d5dfcb7b8c2659029395bdf");
  });

  it("Solana: RFC 8032 test 1 public key is FVen3X66…", () => {
    const seed = "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60";
    const pub = bytesToHex(ed25519.getPublicKey(hexToBytes(seed)));
    expect(pub).toBe("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
    expect(solanaAddress(pub)).toBe("FVen3X669xLzsi6N2V91DoiyzHzg1uAgqiT8jZ9nS96Z");
  });

  it("EVM agrees with viem for random keys", () => {
    for (let i = 0; i < 5; i++) {
      const key = generateWalletKey("secp256k1");
      expect(evmAddress(key.publicKey)).toBe(privateKeyToAddress(`0x${key.privateKey}`).toLowerCase());
    }
  });

  it("refuses a malformed stored key as an internal error, not a 400", () => {
    expect(() => evmAddress("02abc")).toThrow(/Malformed secp256k1 public key/);
    expect(() => solanaAddress("00".repeat(33))).toThrow(/Malformed ed25519 public key/);
  });
});

const SHAPES: Record<string, (address: string, testnet: boolean) => void> = {
  evm: (a) => expect(a).toMatch(/^0x[0-9a-f]{40}$/),
  bitcoin: (a, testnet) => {
    expect(a).toMatch(testnet ? /^tb1q[02-9ac-hj-np-z]{38}$/ : /^bc1q[02-9ac-hj-np-z]{38}$/);
    const { prefix, words } = bech32.decode(a as `${string}1${string}`);
    expect(prefix).toBe(testnet ? "tb" : "bc");
    expect(words[0]).toBe(0);
    expect(bech32.fromWords(words.slice(1))).toHaveLength(20);
  },
  solana: (a) => {
    expect(a).toMatch(/^[1-9A-HJ-NP-Za-km-z]{32,44}$/);
    expect(base58.decode(a)).toHaveLength(32);
  },
  tron: (a) => expect(a).toMatch(/^T[1-9A-HJ-NP-Za-km-z]{33}$/),
};

describe("every supported network", () => {
  it.each(SUPPORTED_NETWORKS.map((n) => [n]))("%s yields a key and an address of the right shape", (network) => {
    const spec = resolveNetwork(network);
    const key = generateWalletKey(spec.curve);
    expect(key.privateKey).toMatch(/^[0-9a-f]{64}$/);
    expect(key.publicKey).toMatch(spec.curve === "secp256k1" ? /^0[23][0-9a-f]{64}$/ : /^[0-9a-f]{64}$/);
    const address = deriveAddress(spec, key.publicKey);
    if (spec.family === "key") {
      expect(address).toBeUndefined();
      return;
    }
    expect(address).toBeTypeOf("string");
    SHAPES[spec.family]!(address!, spec.testnet);
  });

  it("the same secp256k1 key has the same address on every EVM chain", () => {
    const key = generateWalletKey("secp256k1");
    const evm = SUPPORTED_NETWORKS.map(resolveNetwork).filter((s) => s.family === "evm");
    expect(new Set(evm.map((s) => deriveAddress(s, key.publicKey))).size).toBe(1);
  });
});
