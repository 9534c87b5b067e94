import { createPublicKey, verify } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import {
  createRecoveryCredential,
  decryptRecoveryKey,
  recoveryChallenge,
  signRecovery,
  type RecoveryAssertion,
} from "./index";

const USERNAME = "carol@example.com";
const ORIGIN = "http://localhost:3000";

// Shaped like RecoverBody["newCredentials"]: a new passkey plus a new recovery key.
const newCredentials = {
  firstFactorCredential: {
    credentialKind: "Fido2",
    credentialInfo: {
      credId: "c1QEdgnPLJargwzy3cbYKny4Q18u0hr97unXsF3DiE8",
      clientData: "eyJ0eXBlIjoid2ViYXV0aG4uY3JlYXRlIn0",
      attestationData: "o2NmbXRkbm9uZQ",
    },
  },
  recoveryCredential: {
    credentialKind: "RecoveryKey",
    credentialInfo: {
      credId: "GMkW0zlmcoMxI1OX0Z96LL_Mz7dgeu6vOH5_TOeGyNk",
      clientData: "e30",
      attestationData: "e30",
    },
    encryptedPrivateKey: "eyJrZXkiOiIiLCJpdiI6IiJ9",
  },
};

let credId: string;
let publicKeyPem: string;
let assertion: RecoveryAssertion;

beforeAll(async () => {
  const { recoveryCode, credential } = await createRecoveryCredential({
    username: USERNAME,
    challenge: "registration-challenge",
    origin: ORIGIN,
  });
  credId = credential.credentialInfo.credId;
  publicKeyPem = JSON.parse(
    Buffer.from(credential.credentialInfo.attestationData, "base64url").toString("utf8"),
  ).publicKey;
  const privateKey = await decryptRecoveryKey({
    encryptedPrivateKey: credential.encryptedPrivateKey,
    recoveryCode,
    username: USERNAME,
  });
  assertion = await signRecovery({ privateKey, credId, newCredentials, origin: ORIGIN });
});

describe("signRecovery", () => {
  it("has the RecoverBody['recovery'] shape", () => {
    expect(assertion.kind).toBe("RecoveryKey");
    expect(Object.keys(assertion.credentialAssertion).sort()).toEqual(["clientData", "credId", "signature"]);
    expect(assertion.credentialAssertion.credId).toBe(credId);
  });

  it("clientData is key.get over base64url(JSON.stringify(newCredentials)), with origin", () => {
    const clientData = Buffer.from(assertion.credentialAssertion.clientData, "base64url").toString("utf8");
    const expectedChallenge = Buffer.from(JSON.stringify(newCredentials), "utf8").toString("base64url");
    expect(recoveryChallenge(newCredentials)).toBe(expectedChallenge);
    expect(clientData).toBe(
      `{"type":"key.get","challenge":"${expectedChallenge}","origin":"${ORIGIN}","crossOrigin":false}`,
    );
    expect(JSON.parse(Buffer.from(JSON.parse(clientData).challenge, "base64url").toString("utf8"))).toEqual(
      newCredentials,
    );
  });

  it("signature is base64url DER that verifies over the clientData bytes with the recovery public key", () => {
    const key = createPublicKey(publicKeyPem);
    const clientData = Buffer.from(assertion.credentialAssertion.clientData, "base64url");
    const signature = Buffer.from(assertion.credentialAssertion.signature, "base64url");
    expect(signature[0]).toBe(0x30);
    expect(verify("sha256", clientData, key, signature)).toBe(true);

    const flipped = Buffer.from(clientData);
    flipped[flipped.length - 3] = flipped[flipped.length - 3]! ^ 1;
    expect(verify("sha256", flipped, key, signature)).toBe(false);
    const badSig = Buffer.from(signature);
    badSig[10] = badSig[10]! ^ 1;
    expect(verify("sha256", clientData, key, badSig)).toBe(false);
  });

  it("binds the exact new credentials: a different object gives a different challenge", () => {
    const swapped = {
      ...newCredentials,
      firstFactorCredential: { ...newCredentials.firstFactorCredential, credentialKind: "Key" },
    };
    expect(recoveryChallenge(swapped)).not.toBe(recoveryChallenge(newCredentials));
  });

  it("refuses what cannot be serialised and a non-origin", async () => {
    expect(() => recoveryChallenge(undefined)).toThrow(TypeError);
    const { privateKey } = await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, false, [
      "sign",
      "verify",
    ]);
    await expect(signRecovery({ privateKey, credId, newCredentials, origin: "localhost:3000" })).rejects.toThrow(
      TypeError,
    );
  });
});
