import { describe, expect, it } from "vitest";
import { SandboxError } from "../errors";
import { challengeMatches } from "./challenge";
import { decodeBase64Url } from "./encoding";
import { assertionSchema, credentialInfoSchema } from "./schemas";

describe("challengeMatches", () => {
  const challenge = "ch-3v3b1-v2i5d-9vo6eaf1ibmm1r4s";
  it("accepts the challenge and base64url(utf8(challenge)), nothing else", () => {
    expect(challengeMatches(challenge, challenge)).toBe(true);
    expect(challengeMatches(Buffer.from(challenge).toString("base64url"), challenge)).toBe(true);
    expect(challengeMatches(Buffer.from(challenge).toString("base64"), challenge)).toBe(false); // padded base64
    expect(
      challengeMatches(Buffer.from(Buffer.from(challenge).toString("base64url")).toString("base64url"), challenge),
    ).toBe(false);
    expect(challengeMatches(challenge.toUpperCase(), challenge)).toBe(false);
    expect(challengeMatches(undefined, challenge)).toBe(false);
    expect(challengeMatches("", "")).toBe(false);
  });
});

describe("decodeBase64Url", () => {
  it("decodes base64url with or without padding", () => {
    expect(decodeBase64Url("aGk", "x").toString()).toBe("hi");
    expect(decodeBase64Url("aGk=", "x").toString()).toBe("hi");
    expect(decodeBase64Url("-_8", "x")).toEqual(Buffer.from([0xfb, 0xff]));
  });
  it.each(["", "a", "aGk==", "aG k", "aGk+", "aGk/", "a=Gk", "!!!"])(
    "refuses %j with a 400 naming the field",
    (value) => {
      let error: unknown;
      try {
        decodeBase64Url(value, "clientData");
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(SandboxError);
      expect(error).toMatchObject({ status: 400, message: "clientData is not valid base64url" });
    },
  );
});

describe("schemas", () => {
  it("parse the Dfns shapes", () => {
    expect(credentialInfoSchema.safeParse({ credId: "a", clientData: "b", attestationData: "c" }).success).toBe(true);
    expect(credentialInfoSchema.safeParse({ credId: "a", clientData: "b" }).success).toBe(false);
    const fido2 = {
      kind: "Fido2",
      credentialAssertion: { credId: "a", clientData: "b", authenticatorData: "c", signature: "d", userHandle: "" },
    };
    expect(assertionSchema.parse(fido2)).toEqual(fido2);
    expect(
      assertionSchema.safeParse({
        kind: "Fido2",
        credentialAssertion: { credId: "a", clientData: "b", signature: "d" },
      }).success,
    ).toBe(false);
    for (const kind of ["Key", "PasswordProtectedKey", "RecoveryKey"]) {
      expect(
        assertionSchema.safeParse({ kind, credentialAssertion: { credId: "a", clientData: "b", signature: "d" } })
          .success,
      ).toBe(true);
    }
    expect(assertionSchema.safeParse({ kind: "Password", password: "x" }).success).toBe(false);
  });
});
