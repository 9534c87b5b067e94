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
      explorerAddressUrl: null,
    });
  });
});
