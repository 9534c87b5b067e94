import { DfnsApiClient } from "@dfns/sdk";
import { createPublicKey, verify } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  decryptRecoveryKey,
  generateRecoveryCode,
  InvalidRecoveryCodeError,
  WrongRecoveryCodeError,
} from "@/lib/recovery";
import {
  dfnsError,
  ORIGIN,
  registerUser,
  startSandbox,
  type Harness,
  type RegisteredUser,
} from "@/lib/sandbox/tests/harness";
import { recoveryRequest } from "@/lib/testing/browser-credentials";
import { SoftwarePasskey } from "@/lib/testing/software-passkey";
import { recoveryNewCredentials } from "@/lib/dfns/recovery-request";
import { completeRecoverySchema } from "@/lib/dfns/recovery-schema";

// The browser's half of a recovery against the sandbox: the recovery key made at registration
// (lib/recovery's createRecoveryCredential, as onboarding makes it) opens with its code, and the
// package it signs is what Dfns accepts, and refuses once a new credential is swapped.

let h: Harness;
beforeAll(async () => {
  h = await startSandbox();
});
afterAll(async () => h.close());

/** Dfns's recovery challenge for a registered user, as the app's server receives it. */
async function recoveryChallenge(user: RegisteredUser) {
  const response = await h.serviceAccount.auth.createDelegatedRecoveryChallenge({
    body: { username: user.email, credentialId: user.recoveryCredId },
  });
  const [offered] = response.allowedRecoveryCredentials;
  return {
    status: "started" as const,
    username: user.email,
    challenge: { challenge: response.challenge, rp: response.rp!, user: response.user },
    recoveryCredential: offered!,
    temporaryToken: response.temporaryAuthenticationToken,
  };
}

const recover = (token: string, body: Parameters<DfnsApiClient["auth"]["recover"]>[0]["body"]) =>
  new DfnsApiClient({ baseUrl: h.url, authToken: token }).auth.recover({ body });

describe("the recovery key made at registration", () => {
  it("opens with its code: a sign-only key whose signatures verify with the public key Dfns registered", async () => {
    const user = await registerUser(h);
    const started = await recoveryChallenge(user);
    expect(started.recoveryCredential.id).toBe(user.recoveryCredId);

    const key = await decryptRecoveryKey({
      encryptedPrivateKey: started.recoveryCredential.encryptedRecoveryKey,
      recoveryCode: user.recoveryCode,
      username: user.email,
    });
    expect(key).toMatchObject({
      type: "private",
      extractable: false,
      usages: ["sign"],
      algorithm: { name: "ECDSA", namedCurve: "P-256" },
    });

    const data = new TextEncoder().encode("recovery check");
    const signature = new Uint8Array(await crypto.subtle.sign({ name: "ECDSA", hash: "SHA-256" }, key, data));
    const stored = await h.db.prisma.sandboxCredential.findUniqueOrThrow({ where: { credId: user.recoveryCredId } });
    const publicKey = createPublicKey(stored.publicKey);
    expect(verify("sha256", data, { key: publicKey, dsaEncoding: "ieee-p1363" }, signature)).toBe(true);
  });

  it("refuses another code (WrongRecoveryCodeError) and text that is no code (InvalidRecoveryCodeError)", async () => {
    const user = await registerUser(h);
    const { recoveryCredential } = await recoveryChallenge(user);
    const open = (recoveryCode: string) =>
      decryptRecoveryKey({
        encryptedPrivateKey: recoveryCredential.encryptedRecoveryKey,
        recoveryCode,
        username: user.email,
      });
    await expect(open(generateRecoveryCode())).rejects.toBeInstanceOf(WrongRecoveryCodeError);
    await expect(open("D1-not-a-code")).rejects.toBeInstanceOf(InvalidRecoveryCodeError);
    // The right code, typed loosely, still opens it.
    await expect(open(` ${user.recoveryCode.toLowerCase()} `)).resolves.toBeDefined();
  });
});

describe("the signed recovery package", () => {
  it("is accepted by Dfns: the new passkey signs, the old one is refused", async () => {
    const user = await registerUser(h);
    const started = await recoveryChallenge(user);
    const { body, passkey } = await recoveryRequest(started, user.recoveryCode, ORIGIN);

    const result = await recover(started.temporaryToken, {
      recovery: body.recovery,
      newCredentials: recoveryNewCredentials(body),
    });
    expect(result.user.id).toBe(user.userId);
    expect(result.credential).toMatchObject({ kind: "Fido2", name: "Passkey" });

    const { token } = await h.serviceAccount.auth.delegatedLogin({ body: { username: user.email } });
    const fresh = new DfnsApiClient({ baseUrl: h.url, authToken: token, signer: passkey.signer() });
    expect(
      (
        await fresh.wallets.generateSignature({
          walletId: user.wallets[0]!.id,
          body: { kind: "Message", message: "0x6869" },
        })
      ).status,
    ).toBe("Signed");
    const stale = new DfnsApiClient({ baseUrl: h.url, authToken: token, signer: user.passkey.signer() });
    await expect(
      stale.wallets.generateSignature({ walletId: user.wallets[0]!.id, body: { kind: "Message", message: "0x6869" } }),
    ).rejects.toThrow(/not in allowCredentials/);
  });

  it("is refused once its new passkey is swapped for another, and the old credentials keep working", async () => {
    const user = await registerUser(h);
    const started = await recoveryChallenge(user);
    const { body } = await recoveryRequest(started, user.recoveryCode, ORIGIN);
    // A passkey Dfns would accept on its own (it signs the same challenge), but not the one the recovery key vouched for.
    const other = SoftwarePasskey.create({
      rpId: started.challenge.rp.id,
      origin: ORIGIN,
      challenge: started.challenge.challenge,
      userId: started.challenge.user.id,
    });
    const tampered = { ...body, firstFactorCredential: { credentialInfo: other.credentialInfo } };

    const error = await dfnsError(() =>
      recover(started.temporaryToken, { recovery: body.recovery, newCredentials: recoveryNewCredentials(tampered) }),
    );
    expect(error.httpStatus).toBe(401);
    expect(
      (
        await user.client.wallets.generateSignature({
          walletId: user.wallets[0]!.id,
          body: { kind: "Message", message: "0x6869" },
        })
      ).status,
    ).toBe("Signed");
  });

  it("is rebuilt by the server to the very bytes the browser signed, whatever the JSON trip adds or reorders", async () => {
    const user = await registerUser(h);
    const { body } = await recoveryRequest(await recoveryChallenge(user), user.recoveryCode, ORIGIN);
    const reordered = JSON.parse(
      JSON.stringify({
        recovery: body.recovery,
        extra: "ignored",
        recoveryCredential: {
          encryptedPrivateKey: body.recoveryCredential.encryptedPrivateKey,
          credentialInfo: { ...body.recoveryCredential.credentialInfo, extra: 1 },
        },
        firstFactorCredential: {
          credentialInfo: {
            attestationData: body.firstFactorCredential.credentialInfo.attestationData,
            clientData: body.firstFactorCredential.credentialInfo.clientData,
            credId: body.firstFactorCredential.credentialInfo.credId,
          },
        },
      }),
    );
    const parsed = completeRecoverySchema.parse(reordered);
    expect(JSON.stringify(recoveryNewCredentials(parsed))).toBe(JSON.stringify(recoveryNewCredentials(body)));
  });
});
