import { describe, expect, it } from "vitest";
import { checkTransfer, recipientIssue, type WalletAsset } from "./transfer-input";

const eth: WalletAsset = {
  id: "native",
  kind: "Native",
  symbol: "ETH",
  decimals: 18,
  balance: "1000000000000000000",
  token: null,
};
const usd: WalletAsset = {
  id: "Erc20:0x1",
  kind: "Erc20",
  symbol: "TUSD",
  decimals: 6,
  balance: "2500000",
  token: "0x1",
};
const EVM = "0x52908400098527886E0F7030069857D2E4169EE7"; // EIP-55 test vector
const SOLANA = "11111111111111111111111111111111"; // the system program: 32 zero bytes

describe("recipientIssue", () => {
  it("accepts EVM addresses in lower case, upper case or with a correct checksum", () => {
    expect(recipientIssue("EthereumSepolia", EVM)).toBeNull();
    expect(recipientIssue("EthereumSepolia", EVM.toLowerCase())).toBeNull();
    expect(recipientIssue("BaseSepolia", `0x${EVM.slice(2).toUpperCase()}`)).toBeNull();
  });

  it("refuses a mistyped checksum, a short address and another network's address", () => {
    const badChecksum = EVM.replace("E0F", "e0F");
    expect(recipientIssue("EthereumSepolia", badChecksum)).toMatchObject({
      field: "to",
      code: "invalid_recipient",
      message: expect.stringMatching(/checksum/),
    });
    expect(recipientIssue("EthereumSepolia", "0x1234")?.message).toMatch(/40 hex characters/);
    expect(recipientIssue("EthereumSepolia", SOLANA)?.code).toBe("invalid_recipient");
    expect(recipientIssue("EthereumSepolia", "")?.message).toBe("Enter the address to send to.");
  });

  it("accepts a Solana address only when it decodes to 32 bytes", () => {
    expect(recipientIssue("SolanaDevnet", SOLANA)).toBeNull();
    expect(recipientIssue("SolanaDevnet", "So11111111111111111111111111111111111111112")).toBeNull();
    expect(recipientIssue("SolanaDevnet", EVM)?.code).toBe("invalid_recipient");
    expect(recipientIssue("SolanaDevnet", "0OIl0OIl0OIl0OIl0OIl0OIl0OIl0OIl")?.code).toBe("invalid_recipient"); // not base58
    expect(recipientIssue("SolanaDevnet", "1111111111111111111111111111111")?.code).toBe("invalid_recipient"); // 31 bytes
  });
});

describe("checkTransfer", () => {
  it("gives the amount in base units when everything holds", () => {
    expect(checkTransfer({ network: "EthereumSepolia", asset: eth, to: EVM, amount: "0.25" })).toEqual({
      ok: true,
      baseUnits: 250_000_000_000_000_000n,
    });
    expect(checkTransfer({ network: "EthereumSepolia", asset: usd, to: EVM, amount: "2.5" })).toEqual({
      ok: true,
      baseUnits: 2_500_000n,
    });
  });

  it("names the field and the problem", () => {
    const issue = (asset: WalletAsset, amount: string, to = EVM) => {
      const checked = checkTransfer({ network: "EthereumSepolia", asset, to, amount });
      return checked.ok ? null : { field: checked.issue.field, code: checked.issue.code };
    };
    expect(issue(usd, "2.5000001")).toEqual({ field: "amount", code: "too_many_decimals" });
    expect(issue(usd, "0")).toEqual({ field: "amount", code: "not_positive" });
    expect(issue(usd, "-3")).toEqual({ field: "amount", code: "not_positive" });
    expect(issue(usd, "1e3")).toEqual({ field: "amount", code: "invalid_amount" });
    expect(issue(usd, "2.500001")).toEqual({ field: "amount", code: "insufficient_funds" });
    expect(issue(eth, "1", "0xnope")).toEqual({ field: "to", code: "invalid_recipient" });
    const over = checkTransfer({ network: "EthereumSepolia", asset: usd, to: EVM, amount: "3" });
    expect(!over.ok && over.issue.message).toBe(
      "That is more than your balance of 2.5 TUSD. Enter a smaller amount, or get more TUSD first.",
    );
  });
});
