import * as chains from "viem/chains";
import { describe, expect, it } from "vitest";
import { networkInfo } from "./networks";

describe("networkInfo", () => {
  it("names a network, links its explorer and says how its signatures are checked", () => {
    expect(networkInfo("EthereumSepolia")).toMatchObject({
      displayName: "Ethereum Sepolia",
      testnet: true,
      verification: "evm",
    });
    expect(networkInfo("EthereumSepolia").explorerAddressUrl!("0xabc")).toBe(
      "https://sepolia.etherscan.io/address/0xabc",
    );
    expect(networkInfo("SolanaDevnet").explorerAddressUrl!("So1")).toBe(
      "https://explorer.solana.com/address/So1?cluster=devnet",
    );
    expect(networkInfo("Tron").verification).toBe("none");
  });

  it("links transactions, names a testnet's public faucet and says where fee priority applies", () => {
    expect(networkInfo("EthereumSepolia").explorerTxUrl!("0x12")).toBe("https://sepolia.etherscan.io/tx/0x12");
    expect(networkInfo("SolanaDevnet").explorerTxUrl!("5ig")).toBe("https://explorer.solana.com/tx/5ig?cluster=devnet");
    expect(networkInfo("TronNile").explorerTxUrl!("ab")).toBe("https://nile.tronscan.org/#/transaction/ab");
    expect(networkInfo("SolanaDevnet").publicFaucetUrl).toBe("https://faucet.solana.com/");
    expect(networkInfo("Ethereum").publicFaucetUrl).toBeNull();
    expect(networkInfo("BaseSepolia")).toMatchObject({ family: "evm", feePriority: true });
    expect(networkInfo("SolanaDevnet")).toMatchObject({ family: "solana", feePriority: false });
    expect(networkInfo("Bitcoin").feePriority).toBe(true);
  });

  it("gives an unlisted network a readable name and no explorer", () => {
    expect(networkInfo("StarknetSepolia")).toEqual({
      network: "StarknetSepolia",
      displayName: "Starknet Sepolia",
      testnet: false,
      family: "other",
      verification: "none",
      chainId: null,
      explorerAddressUrl: null,
      explorerTxUrl: null,
      publicFaucetUrl: null,
      feePriority: false,
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
    for (const [network, chain] of Object.entries(viemChain))
      expect([network, networkInfo(network).chainId]).toEqual([network, chain.id]);
    for (const network of ["Solana", "SolanaDevnet", "Bitcoin", "Tron", "TronNile"])
      expect(networkInfo(network).chainId).toBeNull();
  });
});
