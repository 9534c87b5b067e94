import { describe, expect, it } from "vitest";
import { amountProblemMessage, formatAmount, parseAmount } from "./amount";

describe("parseAmount", () => {
  it("turns typed amounts into base units with bigint precision", () => {
    expect(parseAmount("1.5", 6)).toEqual({ ok: true, baseUnits: 1_500_000n });
    expect(parseAmount(" 0.000001 ", 6)).toEqual({ ok: true, baseUnits: 1n });
    expect(parseAmount(".5", 18)).toEqual({ ok: true, baseUnits: 500_000_000_000_000_000n });
    expect(parseAmount("2.", 9)).toEqual({ ok: true, baseUnits: 2_000_000_000n });
    expect(parseAmount("0.1", 18)).toEqual({ ok: true, baseUnits: 100_000_000_000_000_000n });
    // More than a float can hold exactly.
    expect(parseAmount("123456789012345678.123456789012345678", 18)).toEqual({
      ok: true,
      baseUnits: 123456789012345678123456789012345678n,
    });
    expect(parseAmount("7", 0)).toEqual({ ok: true, baseUnits: 7n });
  });

  it("allows zeros past the asset's decimals but not digits", () => {
    expect(parseAmount("1.50", 1)).toEqual({ ok: true, baseUnits: 15n });
    expect(parseAmount("1.0000001", 6)).toEqual({ ok: false, problem: "too_many_decimals" });
    expect(parseAmount("1.5", 0)).toEqual({ ok: false, problem: "too_many_decimals" });
  });

  it("refuses empty, malformed, zero and negative amounts", () => {
    expect(parseAmount("  ", 6)).toEqual({ ok: false, problem: "empty" });
    for (const text of ["abc", "1e5", "1,5", "1.2.3", ".", "+1", "0x10", "1 000", "Infinity", "9".repeat(81)]) {
      expect(parseAmount(text, 6), text).toEqual({ ok: false, problem: "malformed" });
    }
    expect(parseAmount("0", 6)).toEqual({ ok: false, problem: "not_positive" });
    expect(parseAmount("0.000", 6)).toEqual({ ok: false, problem: "not_positive" });
    expect(parseAmount("-1", 6)).toEqual({ ok: false, problem: "not_positive" });
    expect(parseAmount("-.5", 6)).toEqual({ ok: false, problem: "not_positive" });
  });
});

describe("formatAmount", () => {
  it("writes base units with the asset's decimals, without trailing zeros", () => {
    expect(formatAmount(1_500_000n, 6)).toBe("1.5");
    expect(formatAmount("1", 18)).toBe("0.000000000000000001");
    expect(formatAmount("0", 18)).toBe("0");
    expect(formatAmount(2_000_000_000n, 9)).toBe("2");
    expect(formatAmount(42n, 0)).toBe("42");
    expect(formatAmount(-1_250_000n, 6)).toBe("-1.25");
    expect(formatAmount("123456789012345678123456789012345678", 18)).toBe("123456789012345678.123456789012345678");
  });

  it("round-trips with parseAmount", () => {
    for (const [text, decimals] of [
      ["0.1", 18],
      ["1000000", 6],
      ["3.14159", 9],
    ] as const) {
      const parsed = parseAmount(text, decimals);
      expect(parsed.ok && formatAmount(parsed.baseUnits, decimals)).toBe(text);
    }
  });
});

describe("amountProblemMessage", () => {
  it("says what to do in words", () => {
    expect(amountProblemMessage("too_many_decimals", 6, "USDT")).toBe(
      "USDT has 6 decimals at most: shorten the amount after the dot.",
    );
    expect(amountProblemMessage("too_many_decimals", 0, "NFT")).toMatch(/whole number/);
    expect(amountProblemMessage("not_positive", 6, "ETH")).toBe("Enter an amount greater than zero.");
  });
});
