import { generateKeyPairSync } from "node:crypto";
import type { UserActionChallenge } from "@dfns/sdk";
import { AsymmetricKeySigner } from "@dfns/sdk-keysigner";
import { describe, expect, it } from "vitest";
import { SoftwarePasskey } from "@/lib/testing/software-passkey";
import { assertionSchema, verifyAssertion, verifyNewCredential, type StoredCredential } from ".";
import { expectRefused, newChallenge, rp } from "./test-helpers";

/** What POST /auth/action/init answers, reduced to what signers read. */
function userActionChallenge(challenge: string, allow: { key?: string[]; webauthn?: string[] }): UserActionChallenge {
  return {
    challenge,
    challengeIdentifier: "eyJ.fake.jwt",
    externalAuthenticationUrl: "",
    userVerification: "required",
    supportedCredentialKinds: [{ kind: "Key", factor: "first", requiresSecondFactor: false }],
    allowCredentials: {
      key: (allow.key ?? []).map((id) => ({ type: "public-key" as const, id })),
      webauthn: (allow.webauthn ?? []).map((id) => ({ type: "public-key" as const, id })),
    },
  };
}

const keyPairs = {
  "P-256": () => generateKeyPairSync("ec", { namedCurve: "P-256" }),
  secp256k1: () => generateKeyPairSync("ec", { namedCurve: "secp256k1" }),
  Ed25519: () => generateKeyPairSync("ed25519"),
  "RSA 2048": () => generateKeyPairSync("rsa", { modulusLength: 2048 }),
};

describe("@dfns/sdk-keysigner AsymmetricKeySigner output", () => {
  it.each(Object.keys(keyPairs) as (keyof typeof keyPairs)[])("verifies with a %s key", async (name) => {
    const { privateKey, publicKey } = keyPairs[name]();
    // A service account's credId is base64url of its ci-… id.
    const credId = Buffer.from("ci-3v3b1-v2i5d-9vo6eaf1ibmm1r4s").toString("base64url");
    const signer = new AsymmetricKeySigner({
      credId,
      privateKey: privateKey.export({ type: "pkcs8", format: "pem" }).toString(),
    });
    const challenge = newChallenge();
    const assertion = await signer.sign(userActionChallenge(challenge, { key: [credId] }));
    expect(assertionSchema.parse(assertion)).toEqual(assertion);
    const credential: StoredCredential = {
      credId,
      kind: "Key",
      publicKey: publicKey.export({ type: "spki", format: "pem" }).toString(),
      signCount: 0,
    };
    await expect(verifyAssertion({ assertion, challenge, credential, rp })).resolves.toEqual({ signCount: 0 });
    await expectRefused(
      () => verifyAssertion({ assertion, challenge: newChallenge(), credential, rp }),
      401,
      "Challenge does not match",
    );
  });
});

describe("SoftwarePasskey.signer()", () => {
  it("signs a user action challenge that lists it, and the assertion verifies", async () => {
    const registration = newChallenge();
    const { passkey, credentialInfo } = SoftwarePasskey.create({
      rpId: rp.rpId,
      origin: rp.origins[0]!,
      challenge: registration,
      userId: "us-abc",
    });
    const verified = await verifyNewCredential({ kind: "Fido2", credentialInfo, challenge: registration, rp });
    const credential: StoredCredential = {
      credId: verified.credId,
      kind: "Fido2",
      publicKey: verified.publicKey,
      signCount: verified.signCount,
    };

    const challenge = newChallenge();
    const assertion = await passkey.signer().sign(userActionChallenge(challenge, { webauthn: [passkey.credId] }));
    expect(assertion.credentialAssertion.userHandle).toBe(Buffer.from("us-abc").toString("base64url"));
    await expect(verifyAssertion({ assertion, challenge, credential, rp })).resolves.toEqual({ signCount: 1 });
  });

  it("refuses a challenge that does not list it", async () => {
    const { passkey } = SoftwarePasskey.create({ rpId: rp.rpId, origin: rp.origins[0]!, challenge: newChallenge() });
    await expect(passkey.signer().sign(userActionChallenge(newChallenge(), { key: [passkey.credId] }))).rejects.toThrow(
      /NotAllowedError/,
    );
  });
});
