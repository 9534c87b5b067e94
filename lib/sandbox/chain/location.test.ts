import path from "node:path";
import { describe, expect, it } from "vitest";
import { evmChainId } from "./evm/networks";
import { chainDirFor } from "./location";

describe("chainDirFor", () => {
  it("puts the chains next to the embedded database, one folder per database", () => {
    expect(chainDirFor(".data/pglite")).toBe(path.resolve(".data/chain/pglite"));
    expect(chainDirFor(".data/sandbox-pglite")).toBe(path.resolve(".data/chain/sandbox-pglite"));
  });

  it("names them after a PostgreSQL database; none for an in-memory one", () => {
    expect(chainDirFor("postgresql://u:p@127.0.0.1:5432/app_db")).toBe(path.join(".data", "chain", "postgres-app_db"));
    expect(chainDirFor("memory:")).toBeUndefined();
  });
});

describe("evmChainId", () => {
  it("is the real network's chain id for the networks the app uses", () => {
    expect(evmChainId("EthereumSepolia")).toBe(11155111);
    expect(evmChainId("BaseSepolia")).toBe(84532);
    expect(evmChainId("ArbitrumSepolia")).toBe(421614);
    expect(evmChainId("PolygonAmoy")).toBe(80002);
  });

  it("is 4,200,000,000 + the SDK list position for a network not in the table: stable and distinct", () => {
    expect(evmChainId("TempoModerato")).toBeGreaterThan(4_200_000_000);
    expect(evmChainId("TempoModerato")).not.toBe(evmChainId("TempoAndantino"));
  });
});
