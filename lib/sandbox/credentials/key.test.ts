import { generateKeyPairSync, sign } from "node:crypto";
import { describe, expect, it } from "vitest";
import { KeyCredential } from "@/lib/testing/key-credential";
import { verifyAssertion, verifyNewCredential, type KeyCredentialKind, type StoredCredential } from ".";
import { editBase64UrlText, expectRefused, newChallenge, rp } from "./test-helpers";

const KINDS: KeyCredentialKind[] = ["Key", "PasswordProtectedKey", "RecoveryKey"];
const b64url = (data: Uint8Array | string) => Buffer.from(data).toString("base64url");

async function registered(kind: KeyCredentialKind = "Key", curve?: "P-256" | "secp256k1" | "Ed25519") {
  const challenge = newChallenge();
  const { key, credentialInfo } = KeyCredential.create({ challenge, origin: rp.origins[0], kind, curve });
  const verified = await verifyNewCredential({ kind, credentialInfo, challenge, rp });
  const stored: StoredCredential = {
    credId: verified.credId,
    kind,
    publicKey: verified.publicKey,
    algorithm: verified.algorithm ?? null,
    signCount: 0,
  };
  return { key, stored };
}

/** An assertion over clientData of the test's own making, signed by `key`. */
function assertionOver(key: KeyCredential, clientDataJson: Record<string, unknown>) {
  const clientData = Buffer.from(JSON.stringify(clientDataJson));
  return {
    kind: "Key" as const,
    credentialAssertion: {
      credId: key.credId,
      clientData: b64url(clientData),
      signature: b64url(key.signBytes(clientData)),
    },
  };
}

describe("Key attestation", () => {
  it.each(KINDS)("accepts a %s credential made for the challenge", async (kind) => {
    const challenge = newChallenge();
    const { key, credentialInfo } = KeyCredential.create({ challenge, origin: rp.origins[0], kind });
    const verified = await verifyNewCredential({ kind, credentialInfo, challenge, rp });
    expect(verified).toEqual({
      credId: key.credId,
      publicKey: key.publicKeyPem,
      signCount: 0,
      origin: "http://localhost:3000",
    });
  });

  it.each([
    ["no origin (like Dfns's RecoveryKeySigner)", { algorithm: "SHA256" }],
    ["a base64url-encoded challenge", { challengeEncoding: "base64url" as const, origin: rp.origins[0] }],
    ["a secp256k1 key", { curve: "secp256k1" as const }],
    ["an Ed25519 key", { curve: "Ed25519" as const }],
  ])("accepts %s", async (_, opts) => {
    const challenge = newChallenge();
    const { credentialInfo } = KeyCredential.create({ challenge, ...opts });
    await expect(verifyNewCredential({ kind: "Key", credentialInfo, challenge, rp })).resolves.toMatchObject({
      signCount: 0,
    });
  });

  it("accepts an RSA key in PKCS#1 PEM, as in Dfns's key generation guide", async () => {
    const challenge = newChallenge();
    const { privateKey, publicKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const pem = publicKey.export({ type: "pkcs1", format: "pem" }).toString();
    const clientData = Buffer.from(
      JSON.stringify({ type: "key.create", challenge, origin: rp.origins[0], crossOrigin: false }),
    );
    const clientDataHash = (await import("node:crypto")).createHash("sha256").update(clientData).digest("hex");
    const signature = sign(
      undefined,
      Buffer.from(JSON.stringify({ clientDataHash, publicKey: pem })),
      privateKey,
    ).toString("hex");
    const attestationData = b64url(JSON.stringify({ publicKey: pem, signature, algorithm: "RSA-SHA256" }));
    const verified = await verifyNewCredential({
      kind: "Key",
      credentialInfo: { credId: b64url("rsa-key"), clientData: b64url(clientData), attestationData },
      challenge,
      rp,
    });
    expect(verified.publicKey).toBe(publicKey.export({ type: "spki", format: "pem" }));
    expect(verified.algorithm).toBe("RSA-SHA256");
  });

  it("refuses another challenge", async () => {
    const { credentialInfo } = KeyCredential.create({ challenge: newChallenge(), origin: rp.origins[0] });
    await expectRefused(
      () => verifyNewCredential({ kind: "Key", credentialInfo, challenge: newChallenge(), rp }),
      401,
      "Challenge does not match",
    );
  });

  it("refuses a wrong origin", async () => {
    const challenge = newChallenge();
    const { credentialInfo } = KeyCredential.create({ challenge, origin: "https://x.example" });
    await expectRefused(
      () => verifyNewCredential({ kind: "RecoveryKey", credentialInfo, challenge, rp }),
      401,
      "Origin https://x.example is not allowed",
    );
  });

  it("refuses a clientData of another type", async () => {
    const challenge = newChallenge();
    const key = KeyCredential.generate();
    const assertion = key.assert(challenge); // key.get clientData, not key.create
    const { credentialInfo } = KeyCredential.create({ challenge });
    await expectRefused(
      () =>
        verifyNewCredential({
          kind: "Key",
          credentialInfo: { ...credentialInfo, clientData: assertion.credentialAssertion.clientData },
          challenge,
          rp,
        }),
      401,
      'clientData type is "key.get", expected "key.create"',
    );
  });

  it("refuses tampered clientData", async () => {
    const challenge = newChallenge();
    const { credentialInfo } = KeyCredential.create({ challenge, origin: rp.origins[0] });
    const clientData = editBase64UrlText(credentialInfo.clientData, (t) => t.replace('"crossOrigin"', '"crossOrigiN"'));
    await expectRefused(
      () => verifyNewCredential({ kind: "Key", credentialInfo: { ...credentialInfo, clientData }, challenge, rp }),
      401,
      "Invalid signature",
    );
  });

  it("refuses a public key swapped for another one", async () => {
    const challenge = newChallenge();
    const { credentialInfo } = KeyCredential.create({ challenge });
    const other = KeyCredential.generate();
    const attestationData = editBase64UrlText(credentialInfo.attestationData, (t) => {
      const parsed = JSON.parse(t);
      return JSON.stringify({ ...parsed, publicKey: other.publicKeyPem });
    });
    await expectRefused(
      () => verifyNewCredential({ kind: "Key", credentialInfo: { ...credentialInfo, attestationData }, challenge, rp }),
      401,
      "Invalid signature",
    );
  });

  it("refuses a raw (non-DER) ECDSA signature with a hint", async () => {
    const challenge = newChallenge();
    const { credentialInfo } = KeyCredential.create({ challenge });
    const attestationData = editBase64UrlText(credentialInfo.attestationData, (t) =>
      JSON.stringify({ ...JSON.parse(t), signature: "11".repeat(64) }),
    );
    await expectRefused(
      () => verifyNewCredential({ kind: "Key", credentialInfo: { ...credentialInfo, attestationData }, challenge, rp }),
      401,
      /must be ASN\.1\/DER encoded/,
    );
  });

  it("answers 400 to malformed input", async () => {
    const challenge = newChallenge();
    const { credentialInfo } = KeyCredential.create({ challenge });
    const run =
      (patch: object, kind: string = "Key") =>
      () =>
        verifyNewCredential({ kind: kind as "Key", credentialInfo: { ...credentialInfo, ...patch }, challenge, rp });
    await expectRefused(run({ clientData: "e30=x" }), 400, "clientData is not valid base64url");
    await expectRefused(run({ attestationData: b64url("[1,2]") }), 400, "attestationData is not valid base64url JSON");
    await expectRefused(
      run({ attestationData: b64url(JSON.stringify({ publicKey: "nope", signature: "00" })) }),
      400,
      "attestationData.publicKey is not a valid PEM public key",
    );
    await expectRefused(
      run({
        attestationData: editBase64UrlText(credentialInfo.attestationData, (t) =>
          JSON.stringify({ ...JSON.parse(t), signature: "xyz" }),
        ),
      }),
      400,
      "attestationData.signature is not valid hex",
    );
    await expectRefused(
      run({
        attestationData: editBase64UrlText(credentialInfo.attestationData, (t) =>
          JSON.stringify({ ...JSON.parse(t), algorithm: "MD5" }),
        ),
      }),
      400,
      "Unsupported algorithm MD5",
    );
    await expectRefused(run({ credId: "a b" }), 400, "credId is not valid base64url");
    await expectRefused(run({}, "Password"), 400, "Unsupported credential kind Password");
  });
});

describe("Key assertion", () => {
  it.each(KINDS)("accepts a %s signature and keeps the sign count", async (kind) => {
    const { key, stored } = await registered(kind);
    const challenge = newChallenge();
    await expect(
      verifyAssertion({ assertion: key.assert(challenge), challenge, credential: { ...stored, signCount: 7 }, rp }),
    ).resolves.toEqual({ signCount: 7 });
  });

  it.each(["secp256k1", "Ed25519"] as const)("accepts a %s signature", async (curve) => {
    const { key, stored } = await registered("Key", curve);
    const challenge = newChallenge();
    await expect(
      verifyAssertion({ assertion: key.assert(challenge), challenge, credential: stored, rp }),
    ).resolves.toEqual({ signCount: 0 });
  });

  it("accepts a base64url-encoded challenge and an allowed origin", async () => {
    const { key, stored } = await registered();
    const challenge = newChallenge();
    const assertion = assertionOver(key, {
      type: "key.get",
      challenge: b64url(challenge),
      origin: rp.origins[0],
      crossOrigin: false,
    });
    await expect(verifyAssertion({ assertion, challenge, credential: stored, rp })).resolves.toEqual({ signCount: 0 });
  });

  it("refuses a wrong challenge, and the replay of another challenge's clientData", async () => {
    const { key, stored } = await registered();
    const first = newChallenge();
    const old = key.assert(first);
    const second = newChallenge();
    await expectRefused(
      () => verifyAssertion({ assertion: old, challenge: second, credential: stored, rp }),
      401,
      "Challenge does not match",
    );
    const fresh = key.assert(second);
    const spliced = {
      ...fresh,
      credentialAssertion: { ...fresh.credentialAssertion, clientData: old.credentialAssertion.clientData },
    };
    await expectRefused(
      () => verifyAssertion({ assertion: spliced, challenge: second, credential: stored, rp }),
      401,
      "Challenge does not match",
    );
  });

  it("refuses a wrong origin", async () => {
    const { key, stored } = await registered();
    const challenge = newChallenge();
    const assertion = assertionOver(key, { type: "key.get", challenge, origin: "https://x.example" });
    await expectRefused(
      () => verifyAssertion({ assertion, challenge, credential: stored, rp }),
      401,
      "Origin https://x.example is not allowed",
    );
  });

  it("refuses a clientData of type key.create", async () => {
    const { key, stored } = await registered();
    const challenge = newChallenge();
    const assertion = assertionOver(key, { type: "key.create", challenge });
    await expectRefused(
      () => verifyAssertion({ assertion, challenge, credential: stored, rp }),
      401,
      'clientData type is "key.create", expected "key.get"',
    );
  });

  it("refuses tampered clientData: a byte changed, or the same JSON re-serialized", async () => {
    const { key, stored } = await registered();
    const challenge = newChallenge();
    const assertion = key.assert(challenge);
    const withClientData = (clientData: string) => ({
      ...assertion,
      credentialAssertion: { ...assertion.credentialAssertion, clientData },
    });
    const reordered = b64url(JSON.stringify({ challenge, type: "key.get" }));
    await expectRefused(
      () => verifyAssertion({ assertion: withClientData(reordered), challenge, credential: stored, rp }),
      401,
      "Invalid signature",
    );
    const spaced = editBase64UrlText(assertion.credentialAssertion.clientData, (t) => t.replace('"type":', '"type": '));
    await expectRefused(
      () => verifyAssertion({ assertion: withClientData(spaced), challenge, credential: stored, rp }),
      401,
      "Invalid signature",
    );
    // A raw byte flipped in the key name "type" ("txpe"): the claims no longer hold.
    const bytes = Buffer.from(assertion.credentialAssertion.clientData, "base64url");
    bytes[3] = bytes[3]! ^ 0x01;
    await expectRefused(
      () => verifyAssertion({ assertion: withClientData(b64url(bytes)), challenge, credential: stored, rp }),
      401,
      /clientData has no type/,
    );
  });

  it("refuses a signature by another key", async () => {
    const { stored } = await registered();
    const other = KeyCredential.generate({ credId: stored.credId });
    const challenge = newChallenge();
    await expectRefused(
      () => verifyAssertion({ assertion: other.assert(challenge), challenge, credential: stored, rp }),
      401,
      "Invalid signature",
    );
  });

  it("refuses an assertion for another credential id", async () => {
    const { stored } = await registered();
    const other = KeyCredential.generate();
    const challenge = newChallenge();
    await expectRefused(
      () => verifyAssertion({ assertion: other.assert(challenge), challenge, credential: stored, rp }),
      401,
      "Credential id does not match",
    );
  });

  it("keeps recovery credentials and other credentials apart", async () => {
    const recovery = await registered("RecoveryKey");
    const challenge = newChallenge();
    const asKey = { ...recovery.key.assert(challenge), kind: "Key" as const };
    await expectRefused(
      () => verifyAssertion({ assertion: asKey, challenge, credential: recovery.stored, rp }),
      401,
      "A recovery credential can only be used for recovery.",
    );
    const normal = await registered("Key");
    const asRecovery = { ...normal.key.assert(challenge), kind: "RecoveryKey" as const };
    await expectRefused(
      () => verifyAssertion({ assertion: asRecovery, challenge, credential: normal.stored, rp }),
      401,
      "Credential cannot be used as a recovery factor.",
    );
  });

  it("answers 400 to malformed input", async () => {
    const { key, stored } = await registered();
    const challenge = newChallenge();
    const assertion = key.assert(challenge);
    const patch = (p: object) => ({ ...assertion, credentialAssertion: { ...assertion.credentialAssertion, ...p } });
    await expectRefused(
      () => verifyAssertion({ assertion: patch({ signature: "***" }), challenge, credential: stored, rp }),
      400,
      "signature is not valid base64url",
    );
    await expectRefused(
      () =>
        verifyAssertion({ assertion: patch({ clientData: b64url("not json") }), challenge, credential: stored, rp }),
      400,
      "clientData is not valid base64url JSON",
    );
    await expectRefused(
      () => verifyAssertion({ assertion: patch({ clientData: "" }), challenge, credential: stored, rp }),
      400,
      "Invalid credential assertion",
    );
  });
});
