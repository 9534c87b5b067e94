import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword, verifyPasswordAgainstNothing } from "./password";

describe("password hashing", () => {
  it("hashes with scrypt, a random salt and the parameters in the string", async () => {
    const a = await hashPassword("correct horse battery staple");
    const b = await hashPassword("correct horse battery staple");
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain("horse");
  });

  it("verifies the right password and refuses a wrong one", async () => {
    const hash = await hashPassword("correct horse battery staple");
    expect(await verifyPassword("correct horse battery staple", hash)).toBe(true);
    expect(await verifyPassword("correct horse battery stapler", hash)).toBe(false);
    expect(await verifyPassword("", hash)).toBe(false);
  });

  it("uses the parameters stored in the hash (older, cheaper hashes keep working)", async () => {
    const { scryptSync, randomBytes } = await import("node:crypto");
    const salt = randomBytes(16);
    const key = scryptSync("old password", salt, 32, { N: 1024, r: 8, p: 1 });
    const old = `scrypt$1024$8$1$${salt.toString("base64url")}$${key.toString("base64url")}`;
    expect(await verifyPassword("old password", old)).toBe(true);
    expect(await verifyPassword("new password", old)).toBe(false);
  });

  it("treats a malformed or absurd hash as no match rather than throwing", async () => {
    expect(await verifyPassword("x", "")).toBe(false);
    expect(await verifyPassword("x", "bcrypt$2b$10$abc")).toBe(false);
    expect(await verifyPassword("x", "scrypt$NaN$8$1$c2FsdA$a2V5")).toBe(false);
    expect(await verifyPassword("x", `scrypt$${2 ** 30}$8$1$c2FsdA$a2V5`)).toBe(false);
  });

  it("normalizes Unicode, so the same password typed differently matches", async () => {
    const hash = await hashPassword("café-passphrase"); // é as one code point
    expect(await verifyPassword("cafe\u0301-passphrase", hash)).toBe(true); // e + combining accent
  });

  it("spends a check's time on unknown accounts and says no", async () => {
    expect(await verifyPasswordAgainstNothing("anything")).toBe(false);
  });
});
