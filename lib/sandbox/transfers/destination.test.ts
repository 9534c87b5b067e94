import { describe, expect, it } from "vitest";
import { parseAmount, parseDestination } from "./destination";

describe("parseDestination", () => {
  it("EVM: lowercases a lowercase, uppercase or correctly checksummed address", () => {
    const checksummed = "0x52908400098527886E0F7030069857D2E4169EE7";
    expect(parseDestination("evm", checksummed)).toBe(checksummed.toLowerCase());
    expect(parseDestination("evm", checksummed.toLowerCase())).toBe(checksummed.toLowerCase());
    expect(parseDestination("evm", "0x" + checksummed.slice(2).toUpperCase())).toBe(checksummed.toLowerCase());
  });

  it.each([
    ["0x52908400098527886E0F7030069857D2E4169Ee7", /checksum/],
    ["0x5290840009852788", /40 hexadecimal/],
    ["52908400098527886e0f7030069857d2e4169ee7", /40 hexadecimal/],
    ["0x52908400098527886e0f7030069857d2e4169eeg", /40 hexadecimal/],
  ])("EVM: refuses %s", (address, message) => {
    expect(() => parseDestination("evm", address)).toThrow(message);
  });

  it("Solana: base58 of exactly 32 bytes", () => {
    expect(parseDestination("solana", "11111111111111111111111111111111")).toBe("11111111111111111111111111111111");
    expect(() => parseDestination("solana", "1111111111111111111111111111111")).toThrow(/32 bytes/);
    expect(() => parseDestination("solana", "0OIl" + "1".repeat(40))).toThrow(/base58/);
    expect(() => parseDestination("solana", "0x000000000000000000000000000000000000dead")).toThrow(/base58/);
  });

  it("names the field in a 400", () => {
    try {
      parseDestination("evm", "nope", "contract");
    } catch (error) {
      expect(error).toMatchObject({ status: 400, details: { field: "contract" } });
      return;
    }
    throw new Error("expected a 400");
  });
});

describe("parseAmount", () => {
  it("takes positive whole numbers in smallest units, up to 2^256 − 1", () => {
    expect(parseAmount("1")).toBe(1n);
    expect(parseAmount("1000000000000000000000")).toBe(10n ** 21n);
    expect(parseAmount(((1n << 256n) - 1n).toString())).toBe((1n << 256n) - 1n);
  });

  it.each(["0", "-1", "1.5", "1e18", "01", " 1", "", "0x10", (1n << 256n).toString()])("refuses %j", (amount) => {
    expect(() => parseAmount(amount)).toThrow(/amount/);
  });
});
