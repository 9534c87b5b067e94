import { readFileSync } from "node:fs";
import path from "node:path";

import { describe, expect, it } from "vitest";

import { SandboxError } from "@/lib/sandbox/errors";

import { DFNS_NETWORKS, resolveNetwork, SUPPORTED_NETWORKS } from "./networks";

const sdkFile = (rel: string) =>
  readFileSync(path.resolve(__dirname, "../../../node_modules/@dfns/sdk/generated", rel), "utf8");

/** The string literals of the first `network:` union after `marker` in an SDK .d.ts file. */
function sdkUnion(rel: string, marker: string): string[] {
  const text = sdkFile(rel);
  const start = text.indexOf(marker);
  expect(start, `${marker} in ${rel}`).toBeGreaterThanOrEqual(0);
  const line = text
    .slice(start)
    .split("\n")
    .find((l) => l.trim().startsWith("network:"));
  return [...(line ?? "").matchAll(/"([A-Za-z0-9]+)"/g)].map((m) => m[1]!);
}

function thrown(fn: () => unknown): SandboxError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(SandboxError);
    return error as SandboxError;
  }
  throw new Error("expected a SandboxError");
}

describe("network list", () => {
  it("is exactly the SDK's CreateWalletBody network union", () => {
    expect([...DFNS_NETWORKS]).toEqual(sdkUnion("wallets/types.d.ts", "export type CreateWalletBody"));
  });

  it("has no Arbitrum or Avalanche (Dfns names them ArbitrumOne / AvalancheC)", () => {
    expect(DFNS_NETWORKS).not.toContain("Arbitrum");
    expect(DFNS_NETWORKS).not.toContain("Avalanche");
  });

  it("treats exactly the SDK's EVM networks (GetFeesResponse kind Eip1559) as evm", () => {
    const sdkEvm = sdkUnion("networks/types.d.ts", 'kind: "Eip1559"').sort();
    const ours = SUPPORTED_NETWORKS.filter((n) => resolveNetwork(n).family === "evm").sort();
    expect(ours).toEqual(sdkEvm);
    expect(ours.length).toBeGreaterThan(40);
  });
});

describe("resolveNetwork", () => {
  it.each([
    ["Ethereum", { family: "evm", curve: "secp256k1", scheme: "ECDSA", testnet: false }],
    ["EthereumSepolia", { family: "evm", curve: "secp256k1", scheme: "ECDSA", testnet: true }],
    ["ArbitrumOne", { family: "evm", testnet: false }],
    ["AvalancheCFuji", { family: "evm", testnet: true }],
    ["PolygonAmoy", { family: "evm", testnet: true }],
    ["Bitcoin", { family: "bitcoin", curve: "secp256k1", testnet: false }],
    ["BitcoinSignet", { family: "bitcoin", testnet: true }],
    ["BitcoinTestnet3", { family: "bitcoin", testnet: true }],
    ["Solana", { family: "solana", curve: "ed25519", scheme: "EdDSA", testnet: false }],
    ["SolanaDevnet", { family: "solana", curve: "ed25519", testnet: true }],
    ["Tron", { family: "tron", curve: "secp256k1", testnet: false }],
    ["TronNile", { family: "tron", testnet: true }],
    ["KeyECDSA", { family: "key", curve: "secp256k1", scheme: "ECDSA" }],
    ["KeyEdDSA", { family: "key", curve: "ed25519", scheme: "EdDSA" }],
  ])("%s", (network, expected) => {
    expect(resolveNetwork(network)).toMatchObject({ network, ...expected });
  });

  it("refuses a name the SDK doesn't know with 'Unknown network'", () => {
    for (const name of ["Arbitrum", "Avalanche", "ethereum", "", "BitcoinTestnet9"]) {
      const error = thrown(() => resolveNetwork(name));
      expect(error.status).toBe(400);
      expect(error.message).toBe(`Unknown network: ${name}`);
      expect(error.details).toEqual({ field: "network" });
    }
  });

  it("refuses a name the SDK knows but the sandbox doesn't implement, listing what is supported", () => {
    for (const name of ["Stellar", "Sui", "Aptos", "Ton", "KeyECDSAStark", "Litecoin"]) {
      const error = thrown(() => resolveNetwork(name));
      expect(error.status).toBe(400);
      expect(error.message).toMatch(new RegExp(`^Network ${name} is not supported by the Dfns sandbox \\(supported: `));
      expect(error.message).toContain("Ethereum, ");
      expect(error.message).toContain("KeyEdDSA");
      expect(error.details).toEqual({ field: "network" });
    }
  });

  it("supports every name in SUPPORTED_NETWORKS and nothing outside the SDK list", () => {
    for (const name of SUPPORTED_NETWORKS) {
      expect(DFNS_NETWORKS).toContain(name);
      expect(resolveNetwork(name).network).toBe(name);
    }
  });
});
