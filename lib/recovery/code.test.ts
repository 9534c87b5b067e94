import { describe, expect, it } from "vitest";
import { generateRecoveryCode, InvalidRecoveryCodeError, normalizeRecoveryCode, RECOVERY_CODE_ALPHABET } from "./index";

const FORMAT =
  /^D1-[A-HJ-NP-Z2-9]{6}-[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{5}-[A-HJ-NP-Z2-9]{6}$/;

describe("generateRecoveryCode", () => {
  it("has the Dfns layout D1-XXXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXXX over the alphabet", () => {
    expect(RECOVERY_CODE_ALPHABET).toBe("ABCDEFGHJKLMNPQRSTUVWXYZ23456789");
    for (let i = 0; i < 200; i++) {
      const code = generateRecoveryCode();
      expect(code).toMatch(FORMAT);
      expect(code).toHaveLength(3 + 32 + 5);
    }
  });

  it("is random and uses the whole alphabet", () => {
    const codes = Array.from({ length: 500 }, generateRecoveryCode);
    expect(new Set(codes).size).toBe(codes.length);
    const seen = new Set(
      codes
        .join("")
        .replace(/^D1-|-/g, "")
        .split(""),
    );
    for (const c of RECOVERY_CODE_ALPHABET) expect(seen.has(c)).toBe(true);
  });

  it("is already canonical", () => {
    const code = generateRecoveryCode();
    expect(normalizeRecoveryCode(code)).toBe(code);
  });
});

describe("normalizeRecoveryCode", () => {
  const code = "D1-ABCDEF-GHJKL-MNPQR-STUVW-XYZ23-456789";
  const body = code.slice(3).replace(/-/g, "");

  it.each([
    ["lowercase", code.toLowerCase()],
    ["surrounding whitespace", `  ${code}\n`],
    ["spaces instead of dashes", code.replace(/-/g, " ")],
    ["no separators", `D1${body}`],
    ["no prefix", body],
    ["groups of four with spaces, lowercase", body.toLowerCase().replace(/(.{4})/g, "$1 ")],
    ["typographic dashes", code.replace(/-/g, "\u2013")],
  ])("accepts %s", (_, input) => {
    expect(normalizeRecoveryCode(input)).toBe(code);
  });

  it.each([
    ["empty", ""],
    ["blank", "   -  "],
    ["one character short", code.slice(0, -1)],
    ["one character long", `${code}2`],
    ["letter O", code.replace("A", "O")],
    ["digit 0", code.replace("A", "0")],
    ["digit 1", code.replace("B", "1")],
    ["letter I", code.replace("C", "I")],
    ["punctuation", code.replace("D", ".")],
    ["other version prefix", code.replace("D1-", "D2-")],
    ["not a code", "hello world"],
  ])("rejects %s", (_, input) => {
    expect(() => normalizeRecoveryCode(input)).toThrow(InvalidRecoveryCodeError);
  });

  it("names the offending characters", () => {
    expect(() => normalizeRecoveryCode(code.replace("A", "0"))).toThrow(/"0"/);
  });
});
