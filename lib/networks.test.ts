import * as chains from "viem/chains";
import { describe, expect, it } from "vitest";
import { networkInfo } from "./networks";

describe("networkInfo", () => {
  it("names a network, links its explorer and says how its signatures are checked", () => {
    expect(networkInfo("EthereumSepolia")).toMatchObject({ displayName: "Ethereum Sepolia", testnet: true, verification: "evm" });
    expect(networkInfo("EthereumSepolia").explorerAddressUrl!("0xabc")).toBe("https://sepolia.etherscan.io/address/0xabc");
    expect(networkInfo("SolanaDevnet").explorerAddressUrl!("So1")).toBe("https://explorer.solana.com/address/So1?cluster=devnet");
    expect(networkInfo("Tron").verification).toBe("none");
  });

  it("gives an unlisted network a readable name and no explorer", () => {
    expect(networkInfo("StarknetSepolia")).toEqual({
      network: "StarknetSepolia",
      displayName: "Starknet Sepolia",
      testnet: false,
      verification: "none",
      chainId: null,
      explorerAddressUrl: null,
    });
  });

  it("gives every listed EVM network the chain id viem knows it by, and no other network one", () => {
    const viemChain: Record<string, chains.Chain> = {
      Ethereum: chains.mainnet,
      EthereumSepolia: chains.sepolia,
      EthereumHolesky: chains.holesky,
      EthereumHoodi: chains.hoodi,
      Base: chains.base,
      BaseSepolia: chains.baseSepolia,
      ArbitrumOne: chains.arbitrum,
      ArbitrumSepolia: chains.arbitrumSepolia,
      Optimism: chains.optimism,
      OptimismSepolia: chains.optimismSepolia,
      Polygon: chains.polygon,
      PolygonAmoy: chains.polygonAmoy,
      Bsc: chains.bsc,
      BscTestnet: chains.bscTestnet,
      AvalancheC: chains.avalanche,
      AvalancheCFuji: chains.avalancheFuji,
    };
    for (const [network, chain] of Object.entries(viemChain)) expect([network, networkInfo(network).chainId]).toEqual([network, chain.id]);
    for (const network of ["Solana", "SolanaDevnet", "Bitcoin", "Tron", "TronNile"]) expect(networkInfo(network).chainId).toBeNull();
  });
});
