// Amounts as people type them ("1.5") and as chains count them (base units: 1500000 for 1.5 of a
// 6-decimal token). Only bigint arithmetic: a float would round 0.1 + 0.2 and large balances.
// Plain code, used by the server and the browser alike.

/** Longest amount text accepted: more digits than any asset's supply needs. */
export const AMOUNT_MAX_LENGTH = 80;

export type AmountProblem = "empty" | "malformed" | "not_positive" | "too_many_decimals";

export type ParsedAmount = { ok: true; baseUnits: bigint } | { ok: false; problem: AmountProblem };

const AMOUNT = /^(\d*)(?:\.(\d*))?$/;

/**
 * "1.5" with 6 decimals → 1500000n. Accepts digits with at most one dot ("0.5", ".5", "2.");
 * refuses signs, exponents, separators, zero and more fraction digits than `decimals`
 * (trailing zeros beyond them are fine: "1.50" of a 1-decimal asset is 15). A minus sign is
 * named as such (`not_positive`), not as a malformed number.
 */
export function parseAmount(text: string, decimals: number): ParsedAmount {
  const trimmed = text.trim();
  if (trimmed === "") return { ok: false, problem: "empty" };
  if (/^-\s*[\d.]/.test(trimmed)) return { ok: false, problem: "not_positive" };
  const match = trimmed.length <= AMOUNT_MAX_LENGTH ? AMOUNT.exec(trimmed) : null;
  if (!match || (match[1] === "" && !match[2])) return { ok: false, problem: "malformed" };
  const whole = match[1] || "0";
  const fraction = (match[2] ?? "").replace(/0+$/, "");
  if (fraction.length > decimals) return { ok: false, problem: "too_many_decimals" };
  const baseUnits = BigInt(whole) * 10n ** BigInt(decimals) + BigInt(fraction.padEnd(decimals, "0") || "0");
  if (baseUnits === 0n) return { ok: false, problem: "not_positive" };
  return { ok: true, baseUnits };
}

/** 1500000n (or "1500000") with 6 decimals → "1.5"; no trailing zeros, no grouping. */
export function formatAmount(baseUnits: bigint | string, decimals: number): string {
  let value = typeof baseUnits === "bigint" ? baseUnits : BigInt(baseUnits);
  const negative = value < 0n;
  if (negative) value = -value;
  const scale = 10n ** BigInt(decimals);
  const whole = (value / scale).toString();
  const fraction = decimals > 0 ? (value % scale).toString().padStart(decimals, "0").replace(/0+$/, "") : "";
  return `${negative ? "-" : ""}${whole}${fraction ? `.${fraction}` : ""}`;
}

/** The sentence for a problem with the amount the user typed. */
export function amountProblemMessage(problem: AmountProblem, decimals: number, symbol: string): string {
  switch (problem) {
    case "empty":
      return "Enter the amount to send.";
    case "malformed":
      return "Enter the amount as a number, e.g. 0.5 (digits and one dot, no commas or signs).";
    case "not_positive":
      return "Enter an amount greater than zero.";
    case "too_many_decimals":
      return decimals === 0
        ? `${symbol} has no decimals: enter a whole number.`
        : `${symbol} has ${decimals} decimals at most: shorten the amount after the dot.`;
  }
}
