import { randomBytes as nodeRandomBytes, generateKeyPairSync, sign, verify } from "node:crypto";
import { describe, expect, it } from "vitest";
import { base64Decode, base64Encode, base64UrlDecode, base64UrlEncode, derToRaw, rawToDer } from "./index";

describe("base64 / base64url", () => {
  it("matches Node's Buffer for every length 0..70", () => {
    for (let n = 0; n <= 70; n++) {
      const bytes = new Uint8Array(nodeRandomBytes(n));
      const b = Buffer.from(bytes);
      expect(base64Encode(bytes)).toBe(b.toString("base64"));
      expect(base64UrlEncode(bytes)).toBe(b.toString("base64url"));
      expect(base64Decode(b.toString("base64"))).toEqual(bytes);
      expect(base64UrlDecode(b.toString("base64url"))).toEqual(bytes);
    }
  });

  it("handles large inputs", () => {
    const bytes = nodeRandomBytes(200_000);
    const encoded = base64Encode(bytes);
    expect(encoded).toBe(bytes.toString("base64"));
    expect(Buffer.from(base64Decode(encoded)).equals(bytes)).toBe(true);
  });

  it("rejects foreign characters and impossible lengths", () => {
    expect(() => base64Decode("ab-_")).toThrow();
    expect(() => base64Decode("a b=")).toThrow();
    expect(() => base64Decode("abcde")).toThrow();
    expect(() => base64UrlDecode("ab+/")).toThrow();
  });
});

describe("rawToDer / derToRaw", () => {
  const hex = (s: string) => new Uint8Array(Buffer.from(s, "hex"));

  it("encodes minimal integers: strips leading zeros, pads a set high bit", () => {
    const r = "00".repeat(31) + "01";
    const s = "80" + "00".repeat(31);
    expect(Buffer.from(rawToDer(hex(r + s))).toString("hex")).toBe("3026" + "020101" + "022100" + s);
    expect(Buffer.from(rawToDer(hex("00".repeat(64)))).toString("hex")).toBe("3006020100020100");
  });

  it("agrees with Node on real P-256 signatures (both directions)", () => {
    const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "prime256v1" });
    for (let i = 0; i < 300; i++) {
      const msg = nodeRandomBytes(20);
      const raw = new Uint8Array(sign("sha256", msg, { key: privateKey, dsaEncoding: "ieee-p1363" }));
      const der = rawToDer(raw);
      expect(verify("sha256", msg, publicKey, der)).toBe(true);
      expect(derToRaw(der)).toEqual(raw);
      const nodeDer = new Uint8Array(sign("sha256", msg, privateKey));
      expect(rawToDer(derToRaw(nodeDer))).toEqual(nodeDer);
    }
  });

  it("refuses malformed input", () => {
    expect(() => rawToDer(new Uint8Array(63))).toThrow();
    expect(() => derToRaw(hex("3006020100020100ff"))).toThrow();
    expect(() => derToRaw(hex("3106020100020100"))).toThrow();
  });
});
