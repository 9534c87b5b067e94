import { describe, expect, it } from "vitest";
import type { Env } from "@/lib/env";
import { testFundsUrl, transactionUrl } from "./network-links";

describe("test funds and transaction links", () => {
  const sandbox: Pick<Env, "dfns" | "appOrigin"> = { dfns: { mode: "sandbox" }, appOrigin: "http://localhost:3020" };
  const live: Pick<Env, "dfns" | "appOrigin"> = {
    dfns: { mode: "live", apiUrl: "https://api.dfns.io", authToken: "token", credId: "cred", privateKey: "key" },
    appOrigin: "https://wallet.example.com",
  };

  it("sandbox mode: the sandbox's faucet page for the address; transactions have no public explorer", () => {
    expect(testFundsUrl("EthereumSepolia", "0xAbC", sandbox)).toBe(
      "http://localhost:3020/api/dfns-sandbox/sandbox/faucet?network=EthereumSepolia&address=0xAbC",
    );
    expect(testFundsUrl("Ethereum", "0xAbC", sandbox)).toContain("/api/dfns-sandbox/sandbox/faucet?network=Ethereum&");
    expect(transactionUrl("EthereumSepolia", "0x12", sandbox)).toBeNull();
  });

  it("live mode: the testnet's public faucet, none on a mainnet; the network's explorer", () => {
    expect(testFundsUrl("SolanaDevnet", "So1", live)).toBe("https://faucet.solana.com/");
    expect(testFundsUrl("Ethereum", "0xAbC", live)).toBeNull();
    expect(transactionUrl("EthereumSepolia", "0x12", live)).toBe("https://sepolia.etherscan.io/tx/0x12");
    expect(transactionUrl("StarknetSepolia", "0x12", live)).toBeNull();
  });
});
