import { describe, expect, it } from "vitest";
import { SoftwarePasskey } from "@/lib/testing/software-passkey";
import { verifyAssertion, verifyNewCredential, type StoredCredential } from ".";
import { editBase64UrlText, expectRefused, newChallenge, rp } from "./test-helpers";

async function registered(userId = "us-test") {
  const challenge = newChallenge();
  const { passkey, credentialInfo } = SoftwarePasskey.create({
    rpId: rp.rpId,
    origin: rp.origins[0]!,
    challenge,
    userId,
  });
  const verified = await verifyNewCredential({ kind: "Fido2", credentialInfo, challenge, rp });
  const stored: StoredCredential = {
    credId: verified.credId,
    kind: "Fido2",
    publicKey: verified.publicKey,
    algorithm: verified.algorithm,
    signCount: verified.signCount,
  };
  return { passkey, credentialInfo, verified, stored, challenge };
}

describe("Fido2 attestation", () => {
  it("accepts a passkey made for the challenge", async () => {
    const { passkey, verified } = await registered();
    expect(verified).toMatchObject({
      credId: passkey.credId,
      algorithm: "ES256",
      signCount: 0,
      origin: "http://localhost:3000",
      rpId: "localhost",
    });
    expect(verified.publicKey).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it("accepts the challenge itself in clientData, not only base64url(utf8(challenge))", async () => {
    const challenge = newChallenge();
    const { credentialInfo } = SoftwarePasskey.create({ rpId: rp.rpId, origin: rp.origins[0]!, challenge });
    // With fmt "none" nothing signs clientData, so it can be rewritten here to test the rule.
    const clientData = editBase64UrlText(credentialInfo.clientData, (t) =>
      t.replace(Buffer.from(challenge).toString("base64url"), challenge),
    );
    await expect(
      verifyNewCredential({ kind: "Fido2", credentialInfo: { ...credentialInfo, clientData }, challenge, rp }),
    ).resolves.toMatchObject({ signCount: 0 });
  });

  it("refuses another challenge", async () => {
    const { credentialInfo } = SoftwarePasskey.create({
      rpId: rp.rpId,
      origin: rp.origins[0]!,
      challenge: newChallenge(),
    });
    await expectRefused(
      () => verifyNewCredential({ kind: "Fido2", credentialInfo, challenge: newChallenge(), rp }),
      401,
      "Challenge does not match",
    );
  });

  it("refuses a wrong origin", async () => {
    const challenge = newChallenge();
    const { credentialInfo } = SoftwarePasskey.create({ rpId: rp.rpId, origin: "https://evil.example", challenge });
    await expectRefused(
      () => verifyNewCredential({ kind: "Fido2", credentialInfo, challenge, rp }),
      401,
      "Origin https://evil.example is not allowed",
    );
  });

  it("refuses a passkey scoped to another RP ID", async () => {
    const challenge = newChallenge();
    const { credentialInfo } = SoftwarePasskey.create({ rpId: "evil.example", origin: rp.origins[0]!, challenge });
    await expectRefused(
      () => verifyNewCredential({ kind: "Fido2", credentialInfo, challenge, rp }),
      401,
      "RP ID hash does not match",
    );
  });

  it("refuses a credId that is not the attested one", async () => {
    const challenge = newChallenge();
    const { credentialInfo } = SoftwarePasskey.create({ rpId: rp.rpId, origin: rp.origins[0]!, challenge });
    const other = SoftwarePasskey.create({ rpId: rp.rpId, origin: rp.origins[0]!, challenge }).passkey.credId;
    await expectRefused(
      () => verifyNewCredential({ kind: "Fido2", credentialInfo: { ...credentialInfo, credId: other }, challenge, rp }),
      401,
      "credId does not match",
    );
  });

  it("answers 400 to malformed base64url, JSON and CBOR", async () => {
    const challenge = newChallenge();
    const { credentialInfo } = SoftwarePasskey.create({ rpId: rp.rpId, origin: rp.origins[0]!, challenge });
    const args = (patch: object) => ({
      kind: "Fido2" as const,
      credentialInfo: { ...credentialInfo, ...patch },
      challenge,
      rp,
    });
    await expectRefused(
      () => verifyNewCredential(args({ clientData: "not base64!" })),
      400,
      "clientData is not valid base64url",
    );
    await expectRefused(
      () => verifyNewCredential(args({ clientData: Buffer.from("{nope").toString("base64url") })),
      400,
      "clientData is not valid base64url JSON",
    );
    await expectRefused(
      () => verifyNewCredential(args({ attestationData: Buffer.from("garbage").toString("base64url") })),
      400,
      "attestationData is not a valid CBOR attestation object",
    );
    await expectRefused(() => verifyNewCredential(args({ credId: "" })), 400);
  });
});

describe("Fido2 assertion", () => {
  it("accepts the passkey's signature and returns the new sign count", async () => {
    const { passkey, stored } = await registered();
    const challenge = newChallenge();
    await expect(
      verifyAssertion({ assertion: passkey.assert(challenge), challenge, credential: stored, rp }),
    ).resolves.toEqual({ signCount: 1 });
    const again = newChallenge();
    await expect(
      verifyAssertion({
        assertion: passkey.assert(again),
        challenge: again,
        credential: { ...stored, signCount: 1 },
        rp,
      }),
    ).resolves.toEqual({ signCount: 2 });
  });

  it("accepts a passkey whose counter stays at zero", async () => {
    const { passkey, stored } = await registered();
    const challenge = newChallenge();
    await expect(
      verifyAssertion({ assertion: passkey.assert(challenge, { signCount: 0 }), challenge, credential: stored, rp }),
    ).resolves.toEqual({ signCount: 0 });
  });

  it("refuses a wrong challenge", async () => {
    const { passkey, stored } = await registered();
    await expectRefused(
      () =>
        verifyAssertion({
          assertion: passkey.assert(newChallenge()),
          challenge: newChallenge(),
          credential: stored,
          rp,
        }),
      401,
      "Challenge does not match",
    );
  });

  it("refuses the replay of another challenge's clientData", async () => {
    const { passkey, stored } = await registered();
    const first = newChallenge();
    const old = passkey.assert(first);
    const second = newChallenge();
    const fresh = passkey.assert(second);
    // The old clientData with the fresh authenticatorData/signature, and the old assertion as a whole.
    const spliced = {
      ...fresh,
      credentialAssertion: { ...fresh.credentialAssertion, clientData: old.credentialAssertion.clientData },
    };
    await expectRefused(
      () => verifyAssertion({ assertion: spliced, challenge: second, credential: stored, rp }),
      401,
      "Challenge does not match",
    );
    await expectRefused(
      () => verifyAssertion({ assertion: old, challenge: second, credential: stored, rp }),
      401,
      "Challenge does not match",
    );
  });

  it("refuses a wrong origin", async () => {
    const { passkey, stored } = await registered();
    const challenge = newChallenge();
    await expectRefused(
      () =>
        verifyAssertion({
          assertion: passkey.assert(challenge, { origin: "http://localhost:3001" }),
          challenge,
          credential: stored,
          rp,
        }),
      401,
      "Origin http://localhost:3001 is not allowed",
    );
  });

  it("refuses a wrong RP ID", async () => {
    const { passkey, stored } = await registered();
    const challenge = newChallenge();
    await expectRefused(
      () =>
        verifyAssertion({
          assertion: passkey.assert(challenge, { rpId: "example.com" }),
          challenge,
          credential: stored,
          rp,
        }),
      401,
      "RP ID hash does not match",
    );
    await expectRefused(
      () =>
        verifyAssertion({
          assertion: passkey.assert(challenge),
          challenge,
          credential: stored,
          rp: { ...rp, rpId: "example.com" },
        }),
      401,
      "RP ID hash does not match",
    );
  });

  it("refuses tampered clientData", async () => {
    const { passkey, stored } = await registered();
    const challenge = newChallenge();
    const assertion = passkey.assert(challenge);
    // One byte changed, still valid JSON that passes every claim check: only the signature can tell.
    const clientData = editBase64UrlText(assertion.credentialAssertion.clientData, (t) =>
      t.replace('"crossOrigin"', '"crossOrigiN"'),
    );
    const tampered = { ...assertion, credentialAssertion: { ...assertion.credentialAssertion, clientData } };
    await expectRefused(
      () => verifyAssertion({ assertion: tampered, challenge, credential: stored, rp }),
      401,
      "Invalid signature",
    );
  });

  it("refuses a signature by another passkey", async () => {
    const { stored } = await registered();
    const { passkey: other } = await registered();
    const challenge = newChallenge();
    const assertion = other.assert(challenge);
    const forged = { ...assertion, credentialAssertion: { ...assertion.credentialAssertion, credId: stored.credId } };
    await expectRefused(
      () => verifyAssertion({ assertion: forged, challenge, credential: stored, rp }),
      401,
      "Invalid signature",
    );
    await expectRefused(
      () => verifyAssertion({ assertion, challenge, credential: stored, rp }),
      401,
      "Credential id does not match",
    );
  });

  it("refuses a sign counter that does not increase", async () => {
    const { passkey, stored } = await registered();
    const challenge = newChallenge();
    await expectRefused(
      () =>
        verifyAssertion({
          assertion: passkey.assert(challenge, { signCount: 5 }),
          challenge,
          credential: { ...stored, signCount: 5 },
          rp,
        }),
      401,
      "Sign counter did not increase (stored 5, received 5)",
    );
    await expectRefused(
      () =>
        verifyAssertion({
          assertion: passkey.assert(challenge, { signCount: 0 }),
          challenge,
          credential: { ...stored, signCount: 3 },
          rp,
        }),
      401,
      "Sign counter did not increase",
    );
  });

  it("refuses an assertion without user verification", async () => {
    const { passkey, stored } = await registered();
    const challenge = newChallenge();
    await expectRefused(
      () =>
        verifyAssertion({
          assertion: passkey.assert(challenge, { userVerified: false }),
          challenge,
          credential: stored,
          rp,
        }),
      401,
      "User verification is required",
    );
  });

  it("refuses a Fido2 assertion against a Key credential", async () => {
    const { passkey, stored } = await registered();
    const challenge = newChallenge();
    await expectRefused(
      () =>
        verifyAssertion({
          assertion: passkey.assert(challenge),
          challenge,
          credential: { ...stored, kind: "Key" },
          rp,
        }),
      401,
    );
  });

  it("answers 400 to malformed base64url and authenticator data", async () => {
    const { passkey, stored } = await registered();
    const challenge = newChallenge();
    const assertion = passkey.assert(challenge);
    const patch = (p: object) => ({ ...assertion, credentialAssertion: { ...assertion.credentialAssertion, ...p } });
    await expectRefused(
      () => verifyAssertion({ assertion: patch({ signature: "%%%" }), challenge, credential: stored, rp }),
      400,
      "signature is not valid base64url",
    );
    await expectRefused(
      () => verifyAssertion({ assertion: patch({ clientData: "a" }), challenge, credential: stored, rp }),
      400,
      "clientData is not valid base64url",
    );
    await expectRefused(
      () => verifyAssertion({ assertion: patch({ authenticatorData: "AAAA" }), challenge, credential: stored, rp }),
      400,
      "authenticatorData is not valid authenticator data",
    );
    await expectRefused(
      () => verifyAssertion({ assertion: { kind: "Fido2" } as never, challenge, credential: stored, rp }),
      400,
      "Invalid credential assertion",
    );
  });
});
