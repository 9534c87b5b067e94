import { DfnsApiClient } from "@dfns/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRecoveryCredential, decryptRecoveryKey, signRecovery } from "@/lib/recovery";
import { signDer } from "@/lib/recovery/ecdsa";
import { SoftwarePasskey } from "@/lib/testing/software-passkey";
import { dfnsError, ORIGIN, registerUser, RP_ID, startSandbox, type Harness, type RegisteredUser } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await startSandbox();
});
afterAll(async () => h.close());

/** What the app does on a lost device: recovery challenge, decrypt with the code, new passkey + recovery key. */
/** Dfns's newest browser SDK signs the recovery challenge instead of the new credentials. */
async function signRecoveryChallenge(privateKey: CryptoKey, credId: string, challenge: string) {
  const clientData = JSON.stringify({ challenge, type: "key.get" });
  const signature = await signDer(privateKey, new TextEncoder().encode(clientData));
  return {
    kind: "RecoveryKey" as const,
    credentialAssertion: {
      credId,
      clientData: Buffer.from(clientData).toString("base64url"),
      signature: Buffer.from(signature).toString("base64url"),
    },
  };
}

async function recover(
  user: RegisteredUser,
  code: string,
  recoveryCredId: string,
  tamper?: (body: Record<string, unknown>) => void,
  signs: "new-credentials" | "challenge" = "new-credentials",
) {
  const challenge = await h.serviceAccount.auth.createDelegatedRecoveryChallenge({
    body: { username: user.email, credentialId: recoveryCredId },
  });
  const [allowed] = challenge.allowedRecoveryCredentials;
  const privateKey = await decryptRecoveryKey({
    encryptedPrivateKey: allowed!.encryptedRecoveryKey,
    recoveryCode: code,
    username: user.email,
  });
  const { passkey, credentialInfo } = SoftwarePasskey.create({
    rpId: RP_ID,
    origin: ORIGIN,
    challenge: challenge.challenge,
    userId: challenge.user.id,
  });
  const nextRecovery = await createRecoveryCredential({
    username: user.email,
    challenge: challenge.challenge,
    origin: ORIGIN,
  });
  const newCredentials = {
    firstFactorCredential: { credentialKind: "Fido2" as const, credentialInfo, credentialName: "New passkey" },
    recoveryCredential: nextRecovery.credential,
  };
  const recovery =
    signs === "challenge"
      ? await signRecoveryChallenge(privateKey, allowed!.id, challenge.challenge)
      : await signRecovery({ privateKey, credId: allowed!.id, newCredentials, origin: ORIGIN });
  const body = { recovery, newCredentials };
  tamper?.(body as never);
  const temp = new DfnsApiClient({ baseUrl: h.url, authToken: challenge.temporaryAuthenticationToken });
  const result = await temp.auth.recover({ body });
  return {
    result,
    passkey,
    recoveryCode: nextRecovery.recoveryCode,
    recoveryCredId: nextRecovery.credential.credentialInfo.credId,
  };
}

describe("delegated recovery", () => {
  it("replaces every credential: the old passkey is refused, the new one signs, the new code recovers again", async () => {
    const user = await registerUser(h);
    const first = await recover(user, user.recoveryCode, user.recoveryCredId);
    expect(first.result.user.id).toBe(user.userId);
    expect(first.result.credential.kind).toBe("Fido2");

    // Old passkey: no longer allowed (Dfns invalidated it), and refused if it signs anyway.
    const login = await h.serviceAccount.auth.delegatedLogin({ body: { username: user.email } });
    const plain = new DfnsApiClient({ baseUrl: h.url, authToken: login.token });
    const challenge = await plain.auth.createUserActionChallenge({
      body: { userActionPayload: "{}", userActionHttpMethod: "POST", userActionHttpPath: "/wallets" },
    });
    expect(challenge.allowCredentials.webauthn.map((c) => c.id)).toEqual([first.passkey.credId]);
    const refused = await dfnsError(() =>
      plain.auth.createUserActionSignature({
        body: {
          challengeIdentifier: challenge.challengeIdentifier,
          firstFactor: user.passkey.assert(challenge.challenge),
        },
      }),
    );
    expect(refused.httpStatus).toBe(401);

    // New passkey signs; wallets are the same.
    const client = new DfnsApiClient({ baseUrl: h.url, authToken: login.token, signer: first.passkey.signer() });
    const signed = await client.wallets.generateSignature({
      walletId: user.wallets[0]!.id,
      body: { kind: "Message", message: "0x6869" },
    });
    expect(signed.status).toBe("Signed");

    // The old recovery key is dead too; the new code works for a second recovery.
    expect((await dfnsError(() => recover(user, user.recoveryCode, user.recoveryCredId))).httpStatus).toBe(404);
    const second = await recover(user, first.recoveryCode, first.recoveryCredId);
    expect(second.result.user.id).toBe(user.userId);
  });

  it("accepts a recovery key that signs the recovery challenge (Dfns's newest browser SDK) as well as the new credentials (the documents)", async () => {
    const user = await registerUser(h);
    const first = await recover(user, user.recoveryCode, user.recoveryCredId, undefined, "challenge");
    expect(first.result.user.id).toBe(user.userId);
    const second = await recover(user, first.recoveryCode, first.recoveryCredId, undefined, "new-credentials");
    expect(second.result.user.id).toBe(user.userId);
    // Either way the old recovery key is spent.
    expect(
      (await dfnsError(() => recover(user, first.recoveryCode, first.recoveryCredId, undefined, "challenge")))
        .httpStatus,
    ).toBe(404);
  });

  it("refuses a recovery key's signature over another challenge, leaving the old credentials working", async () => {
    const user = await registerUser(h);
    const otherChallenge = await dfnsError(() =>
      recover(
        user,
        user.recoveryCode,
        user.recoveryCredId,
        (body) => {
          const assertion = (body.recovery as { credentialAssertion: { clientData: string } }).credentialAssertion;
          const json = JSON.parse(Buffer.from(assertion.clientData, "base64url").toString()) as { challenge: string };
          assertion.clientData = Buffer.from(JSON.stringify({ ...json, challenge: `${json.challenge}x` })).toString(
            "base64url",
          );
        },
        "challenge",
      ),
    );
    expect(otherChallenge.httpStatus).toBe(401);
    const signed = await user.client.wallets.generateSignature({
      walletId: user.wallets[0]!.id,
      body: { kind: "Message", message: "0x6869" },
    });
    expect(signed.status).toBe("Signed");
  });

  it("refuses a tampered new credential and leaves the old credentials working", async () => {
    const user = await registerUser(h);
    const error = await dfnsError(() =>
      recover(user, user.recoveryCode, user.recoveryCredId, (body) => {
        (
          body.newCredentials as { firstFactorCredential: { credentialName: string } }
        ).firstFactorCredential.credentialName = "Attacker";
      }),
    );
    expect(error.httpStatus).toBe(401);
    const signed = await user.client.wallets.generateSignature({
      walletId: user.wallets[0]!.id,
      body: { kind: "Message", message: "0x6869" },
    });
    expect(signed.status).toBe("Signed");
  });

  it("refuses a non-recovery credential as recovery factor", async () => {
    const user = await registerUser(h);
    const error = await dfnsError(() =>
      h.serviceAccount.auth.createDelegatedRecoveryChallenge({
        body: { username: user.email, credentialId: user.passkey.credId },
      }),
    );
    expect(error).toMatchObject({ httpStatus: 401, message: "Credential cannot be used as a recovery factor." });
  });

  it("answers an unknown user with 401 `User not found`, as Dfns documents", async () => {
    const error = await dfnsError(() =>
      h.serviceAccount.auth.createDelegatedRecoveryChallenge({
        body: { username: "nobody@example.com", credentialId: "x" },
      }),
    );
    expect(error).toMatchObject({ httpStatus: 401, message: "User not found" });
  });
});

describe("delegated login", () => {
  it("gives a token for a registered user and 401 `User not found` otherwise", async () => {
    const user = await registerUser(h);
    const { token } = await h.serviceAccount.auth.delegatedLogin({ body: { username: user.email } });
    const payload = JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString());
    expect(payload["https://custom/app_metadata"]).toMatchObject({
      orgId: h.credentials.DFNS_ORG_ID,
      userId: user.userId,
    });
    const error = await dfnsError(() =>
      h.serviceAccount.auth.delegatedLogin({ body: { username: "nobody@example.com" } }),
    );
    expect(error).toMatchObject({ httpStatus: 401, message: "User not found" });
  });

  it("is for service accounts only", async () => {
    const user = await registerUser(h);
    expect(
      (await dfnsError(() => user.client.auth.delegatedLogin({ body: { username: user.email } }))).httpStatus,
    ).toBe(403);
  });
});

describe("credentials", () => {
  it("adds a second passkey signed by the first, then deactivates the first", async () => {
    const user = await registerUser(h);
    const challenge = await user.client.auth.createCredentialChallenge({ body: { kind: "Fido2" } });
    if (challenge.kind !== "Fido2") throw new Error(`expected a Fido2 challenge, got ${challenge.kind}`);
    const { passkey: second, credentialInfo } = SoftwarePasskey.create({
      rpId: RP_ID,
      origin: ORIGIN,
      challenge: challenge.challenge,
      userId: user.userId,
    });
    const created = await user.client.auth.createCredential({
      body: {
        credentialKind: "Fido2",
        credentialInfo,
        credentialName: "Laptop",
        challengeIdentifier: challenge.challengeIdentifier,
      },
    });
    expect(created).toMatchObject({
      kind: "Fido2",
      name: "Laptop",
      isActive: true,
      credentialId: second.credId,
      relyingPartyId: RP_ID,
      origin: ORIGIN,
    });

    const first = (await user.client.auth.listCredentials()).items.find((c) => c.credentialId === user.passkey.credId)!;
    const secondClient = new DfnsApiClient({ baseUrl: h.url, authToken: user.token, signer: second.signer() });
    await secondClient.auth.deactivateCredential({ body: { credentialUuid: first.credentialUuid } });
    const items = (await secondClient.auth.listCredentials()).items;
    expect(items.find((c) => c.credentialUuid === first.credentialUuid)!.isActive).toBe(false);
    // The deactivated passkey is no longer offered, and refused if it signs anyway.
    await expect(user.client.wallets.createWallet({ body: { network: "EthereumSepolia" } })).rejects.toThrow(
      /not in allowCredentials/,
    );
    const plain = new DfnsApiClient({ baseUrl: h.url, authToken: user.token });
    const action = await plain.auth.createUserActionChallenge({
      body: { userActionPayload: "{}", userActionHttpMethod: "POST", userActionHttpPath: "/wallets" },
    });
    const refused = await dfnsError(() =>
      plain.auth.createUserActionSignature({
        body: { challengeIdentifier: action.challengeIdentifier, firstFactor: user.passkey.assert(action.challenge) },
      }),
    );
    expect(refused.httpStatus).toBe(401);
  });

  it("refuses a new credential that signs another challenge", async () => {
    const user = await registerUser(h);
    const challenge = await user.client.auth.createCredentialChallenge({ body: { kind: "Fido2" } });
    if (challenge.kind !== "Fido2") throw new Error(`expected a Fido2 challenge, got ${challenge.kind}`);
    expect(challenge.challenge).not.toBe("not-the-challenge");
    const { credentialInfo } = SoftwarePasskey.create({ rpId: RP_ID, origin: ORIGIN, challenge: "not-the-challenge" });
    const error = await dfnsError(() =>
      user.client.auth.createCredential({
        body: {
          credentialKind: "Fido2",
          credentialInfo,
          credentialName: "x",
          challengeIdentifier: challenge.challengeIdentifier,
        },
      }),
    );
    expect(error.httpStatus).toBe(401);
  });

  it("answers another user's credential uuid with 404", async () => {
    const [a, b] = await Promise.all([registerUser(h), registerUser(h)]);
    const theirs = (await b.client.auth.listCredentials()).items[0]!;
    expect(
      (await dfnsError(() => a.client.auth.deactivateCredential({ body: { credentialUuid: theirs.credentialUuid } })))
        .httpStatus,
    ).toBe(404);
  });
});
