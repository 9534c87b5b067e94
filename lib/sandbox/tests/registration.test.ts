import { DfnsApiClient } from "@dfns/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRecoveryCredential } from "@/lib/recovery";
import { KeyCredential } from "@/lib/testing/key-credential";
import { SoftwarePasskey } from "@/lib/testing/software-passkey";
import { dfnsError, ORIGIN, raw, registerUser, RP_ID, startSandbox, uniqueEmail, type Harness } from "./harness";

let h: Harness;
beforeAll(async () => {
  h = await startSandbox();
});
afterAll(async () => h.close());

async function challengeFor(email = uniqueEmail()) {
  const challenge = await h.serviceAccount.auth.createDelegatedRegistrationChallenge({
    body: { kind: "EndUser", email },
  });
  return {
    email,
    challenge,
    temp: new DfnsApiClient({ baseUrl: h.url, authToken: challenge.temporaryAuthenticationToken }),
  };
}

const fido2 = (credentialInfo: { credId: string; clientData: string; attestationData: string }) =>
  ({ credentialKind: "Fido2", credentialInfo, credentialName: "Passkey" }) as const;

describe("Create Delegated Registration Challenge", () => {
  it("returns the WebAuthn options the SDK types promise", async () => {
    const { email, challenge } = await challengeFor();
    expect(challenge.user.id).toMatch(/^us-[0-9a-v]{5}-[0-9a-v]{5}-[0-9a-v]{16}$/);
    expect(challenge.user.name).toBe(email);
    expect(challenge.rp).toEqual({ id: RP_ID, name: "Test" });
    expect(challenge.excludeCredentials).toEqual([]);
    expect(challenge.pubKeyCredParams.map((p) => p.alg)).toContain(-7);
    expect(challenge.authenticatorSelection.userVerification).toBe("required");
    expect(challenge.temporaryAuthenticationToken.split(".")).toHaveLength(3);
  });

  it("announces rp as configured, none (behaviour.challengeRp omitted), or another one; passkeys are checked against the configured RP ID", async () => {
    try {
      h.config.behaviour.challengeRp = "omitted";
      const { challenge } = await challengeFor();
      expect(challenge.rp).toBeUndefined();
      h.config.behaviour.challengeRp = { id: "other.example", name: "Other" };
      expect((await challengeFor()).challenge.rp).toEqual({ id: "other.example", name: "Other" });
      // A passkey made for the announced RP ID is refused: Dfns checks its Passkey Settings.
      const other = await challengeFor();
      const { credentialInfo } = SoftwarePasskey.create({
        rpId: "other.example",
        origin: ORIGIN,
        challenge: other.challenge.challenge,
        userId: other.challenge.user.id,
      });
      const recovery = await createRecoveryCredential({
        username: other.email,
        challenge: other.challenge.challenge,
        origin: ORIGIN,
      });
      const refused = await dfnsError(() =>
        other.temp.auth.registerEndUser({
          body: {
            firstFactorCredential: fido2(credentialInfo),
            recoveryCredential: { ...recovery.credential, credentialName: "Recovery" },
            wallets: [],
          },
        }),
      );
      expect(refused.httpStatus).toBe(401);
    } finally {
      h.config.behaviour.challengeRp = "configured";
    }
  });

  it("answers 'User already exists.' for an unfinished registration behind behaviour.unfinishedRegistration", async () => {
    const first = await challengeFor();
    h.config.behaviour.unfinishedRegistration = "user-exists";
    try {
      expect(await dfnsError(() => challengeFor(first.email))).toMatchObject({
        httpStatus: 401,
        message: "User already exists.",
      });
    } finally {
      h.config.behaviour.unfinishedRegistration = "fresh-challenge";
    }
  });

  it("restarts an abandoned registration for the same user with a fresh challenge", async () => {
    const first = await challengeFor();
    const second = await challengeFor(first.email);
    expect(second.challenge.user.id).toBe(first.challenge.user.id);
    expect(second.challenge.challenge).not.toBe(first.challenge.challenge);
  });

  it("refuses an already registered username with 401 'User already exists.' (Dfns's error table), 409 behind the switch", async () => {
    const user = await registerUser(h);
    expect(await dfnsError(() => challengeFor(user.email))).toMatchObject({
      httpStatus: 401,
      message: "User already exists.",
    });
    h.config.behaviour.userExistsStatus = 409;
    try {
      expect(await dfnsError(() => challengeFor(user.email))).toMatchObject({
        httpStatus: 409,
        message: "User already exists.",
      });
    } finally {
      h.config.behaviour.userExistsStatus = 401;
    }
  });

  it("is for service accounts only: an end user gets 403", async () => {
    const user = await registerUser(h);
    const error = await dfnsError(() =>
      user.client.auth.createDelegatedRegistrationChallenge({ body: { kind: "EndUser", email: uniqueEmail() } }),
    );
    expect(error.httpStatus).toBe(403);
  });

  it("needs a token (401) and a user action (403)", async () => {
    const body = JSON.stringify({ kind: "EndUser", email: uniqueEmail() });
    expect((await raw(h, "POST", "/auth/registration/delegated", { body })).status).toBe(401);
    const noAction = await raw(h, "POST", "/auth/registration/delegated", {
      body,
      token: h.credentials.DFNS_AUTH_TOKEN,
    });
    expect(noAction.status).toBe(403);
    expect(noAction.body.error?.message).toMatch(/x-dfns-useraction/);
  });

  it("answers a malformed body with 400 naming the field", async () => {
    const error = await dfnsError(() =>
      h.serviceAccount.auth.createDelegatedRegistrationChallenge({ body: { kind: "Employee" as never, email: "x" } }),
    );
    expect(error.httpStatus).toBe(400);
    expect(error.message).toMatch(/kind/);
  });
});

describe("Complete End User Registration with Wallets", () => {
  it("registers a passkey and a recovery key and creates real wallets", async () => {
    const user = await registerUser(h, ["EthereumSepolia", "SolanaDevnet", "Bitcoin", "Tron"]);
    const [evm, sol, btc, tron] = user.wallets;
    expect(evm).toMatchObject({
      network: "EthereumSepolia",
      custodial: false,
      status: "Active",
      signingKey: { scheme: "ECDSA", curve: "secp256k1", delegatedTo: user.userId },
    });
    expect(evm!.address).toMatch(/^0x[0-9a-f]{40}$/);
    expect(evm!.signingKey.publicKey).toMatch(/^0[23][0-9a-f]{64}$/);
    expect(sol).toMatchObject({ network: "SolanaDevnet", signingKey: { scheme: "EdDSA", curve: "ed25519" } });
    expect(sol!.address).toMatch(/^[1-9A-HJ-NP-Za-km-z]{32,44}$/);
    expect(btc!.address).toMatch(/^bc1q[0-9a-z]{38}$/);
    expect(tron!.address).toMatch(/^T[1-9A-HJ-NP-Za-km-z]{33}$/);
    const listed = await user.client.wallets.listWallets();
    expect(listed.items.map((w) => w.id).sort()).toEqual(user.wallets.map((w) => w.id).sort());
    const credentials = await user.client.auth.listCredentials();
    expect(credentials.items.map((c) => c.kind).sort()).toEqual(["Fido2", "RecoveryKey"]);
  });

  it("spends the temporary token: a second completion is 401 and creates nothing", async () => {
    const { challenge, temp, email } = await challengeFor();
    const { credentialInfo } = SoftwarePasskey.create({ rpId: RP_ID, origin: ORIGIN, challenge: challenge.challenge });
    await temp.auth.registerEndUser({
      body: { firstFactorCredential: fido2(credentialInfo), wallets: [{ network: "EthereumSepolia" }] },
    });
    const again = SoftwarePasskey.create({ rpId: RP_ID, origin: ORIGIN, challenge: challenge.challenge });
    const error = await dfnsError(() =>
      temp.auth.registerEndUser({
        body: { firstFactorCredential: fido2(again.credentialInfo), wallets: [{ network: "EthereumSepolia" }] },
      }),
    );
    expect(error.httpStatus).toBe(401);
    const user = await h.db.prisma.sandboxUser.findFirstOrThrow({
      where: { username: email },
      include: { wallets: true, credentials: true },
    });
    expect(user.wallets).toHaveLength(1);
    expect(user.credentials).toHaveLength(1);
  });

  it("refuses an expired temporary token", async () => {
    const { challenge, temp } = await challengeFor();
    const { credentialInfo } = SoftwarePasskey.create({ rpId: RP_ID, origin: ORIGIN, challenge: challenge.challenge });
    h.advanceClock(901);
    try {
      const error = await dfnsError(() =>
        temp.auth.registerEndUser({ body: { firstFactorCredential: fido2(credentialInfo), wallets: [] } }),
      );
      expect(error).toMatchObject({ httpStatus: 401 });
      expect(error.message).toMatch(/expired/);
    } finally {
      h.advanceClock(-901);
    }
  });

  const refusals: [string, (c: string) => ReturnType<typeof SoftwarePasskey.create>["credentialInfo"], RegExp][] = [
    [
      "a wrong origin",
      (c) => SoftwarePasskey.create({ rpId: RP_ID, origin: "https://evil.example", challenge: c }).credentialInfo,
      /origin/i,
    ],
    [
      "a wrong RP ID",
      (c) => SoftwarePasskey.create({ rpId: "evil.example", origin: ORIGIN, challenge: c }).credentialInfo,
      /RP ID/i,
    ],
    [
      "another registration's challenge (replay)",
      () => SoftwarePasskey.create({ rpId: RP_ID, origin: ORIGIN, challenge: "another-challenge" }).credentialInfo,
      /challenge/i,
    ],
    [
      "tampered clientData",
      (c) => {
        const info = SoftwarePasskey.create({ rpId: RP_ID, origin: ORIGIN, challenge: c }).credentialInfo;
        const json = Buffer.from(info.clientData, "base64url")
          .toString()
          .replace('"crossOrigin":false', '"crossOrigin":true');
        return { ...info, clientData: Buffer.from(json).toString("base64url") };
      },
      /./,
    ],
  ];
  for (const [what, make, message] of refusals) {
    it(`refuses a passkey with ${what} (401) and leaves the registration open`, async () => {
      const { challenge, temp } = await challengeFor();
      const error = await dfnsError(() =>
        temp.auth.registerEndUser({ body: { firstFactorCredential: fido2(make(challenge.challenge)), wallets: [] } }),
      );
      expect(error.httpStatus).toBe(401);
      expect(error.message).toMatch(message);
      // Nothing was spent: the right passkey still completes with the same token.
      const { credentialInfo } = SoftwarePasskey.create({
        rpId: RP_ID,
        origin: ORIGIN,
        challenge: challenge.challenge,
      });
      await expect(
        temp.auth.registerEndUser({ body: { firstFactorCredential: fido2(credentialInfo), wallets: [] } }),
      ).resolves.toBeTruthy();
    });
  }

  it("refuses a recovery key signed by another key", async () => {
    const { challenge, temp, email } = await challengeFor();
    const { credentialInfo } = SoftwarePasskey.create({ rpId: RP_ID, origin: ORIGIN, challenge: challenge.challenge });
    const mine = await createRecoveryCredential({ username: email, challenge: challenge.challenge, origin: ORIGIN });
    const other = await createRecoveryCredential({ username: email, challenge: challenge.challenge, origin: ORIGIN });
    const attestation = JSON.parse(Buffer.from(mine.credential.credentialInfo.attestationData, "base64url").toString());
    const forged = JSON.parse(Buffer.from(other.credential.credentialInfo.attestationData, "base64url").toString());
    const mixed = Buffer.from(JSON.stringify({ ...attestation, signature: forged.signature })).toString("base64url");
    const error = await dfnsError(() =>
      temp.auth.registerEndUser({
        body: {
          firstFactorCredential: fido2(credentialInfo),
          recoveryCredential: {
            ...mine.credential,
            credentialInfo: { ...mine.credential.credentialInfo, attestationData: mixed },
          },
          wallets: [],
        },
      }),
    );
    expect(error.httpStatus).toBe(401);
  });

  it("answers unknown and unsupported networks with distinct 400s, before anything is written", async () => {
    const { challenge, temp, email } = await challengeFor();
    const { credentialInfo } = SoftwarePasskey.create({ rpId: RP_ID, origin: ORIGIN, challenge: challenge.challenge });
    const unknown = await dfnsError(() =>
      temp.auth.registerEndUser({
        body: { firstFactorCredential: fido2(credentialInfo), wallets: [{ network: "Arbitrum" as never }] },
      }),
    );
    expect(unknown.httpStatus).toBe(400);
    expect(unknown.message).toMatch(/Unknown network/);
    const unsupported = await dfnsError(() =>
      temp.auth.registerEndUser({
        body: { firstFactorCredential: fido2(credentialInfo), wallets: [{ network: "Cardano" }] },
      }),
    );
    expect(unsupported.httpStatus).toBe(400);
    expect(unsupported.message).toMatch(/not supported/);
    const user = await h.db.prisma.sandboxUser.findFirstOrThrow({ where: { username: email } });
    expect(user.registered).toBe(false);
  });

  it("answers a malformed body with 400 naming the field", async () => {
    const { challenge } = await challengeFor();
    const response = await raw(h, "POST", "/auth/registration/enduser", {
      token: challenge.temporaryAuthenticationToken,
      body: JSON.stringify({ firstFactorCredential: { credentialKind: "Fido2" }, wallets: [] }),
    });
    expect(response.status).toBe(400);
    expect(response.body.error?.message).toMatch(/firstFactorCredential/);
    expect(
      (
        await raw(h, "POST", "/auth/registration/enduser", {
          token: challenge.temporaryAuthenticationToken,
          body: "{not json",
        })
      ).status,
    ).toBe(400);
  });

  it("lets exactly one of 20 parallel completions with the same token win", async () => {
    const { challenge, temp, email } = await challengeFor();
    const attempts = Array.from({ length: 20 }, () => {
      const { credentialInfo } = SoftwarePasskey.create({
        rpId: RP_ID,
        origin: ORIGIN,
        challenge: challenge.challenge,
      });
      return temp.auth.registerEndUser({
        body: { firstFactorCredential: fido2(credentialInfo), wallets: [{ network: "EthereumSepolia" }] },
      });
    });
    const results = await Promise.allSettled(attempts);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const user = await h.db.prisma.sandboxUser.findFirstOrThrow({
      where: { username: email },
      include: { wallets: true },
    });
    expect(user.wallets).toHaveLength(1);
  });

  it("lets exactly one of two registrations (two challenges) of one user win", async () => {
    const first = await challengeFor();
    const second = await challengeFor(first.email);
    const results = await Promise.allSettled(
      [first, second].map(({ challenge, temp }) => {
        const { credentialInfo } = SoftwarePasskey.create({
          rpId: RP_ID,
          origin: ORIGIN,
          challenge: challenge.challenge,
        });
        return temp.auth.registerEndUser({
          body: { firstFactorCredential: fido2(credentialInfo), wallets: [{ network: "EthereumSepolia" }] },
        });
      }),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });
});

describe("Complete User Registration, each credential kind", () => {
  it("registers a Key credential as first factor, then it signs user actions", async () => {
    const { challenge, temp, email } = await challengeFor();
    const { key, credentialInfo } = KeyCredential.create({ challenge: challenge.challenge });
    const result = await temp.auth.register({
      body: { firstFactorCredential: { credentialKind: "Key", credentialInfo, credentialName: "Server key" } },
    });
    expect(result.credential.kind).toBe("Key");
    expect(result.user.username).toBe(email);
    expect(result).not.toHaveProperty("wallets");
    const login = await h.serviceAccount.auth.delegatedLogin({ body: { username: email } });
    const { AsymmetricKeySigner } = await import("@dfns/sdk-keysigner");
    const client = new DfnsApiClient({
      baseUrl: h.url,
      authToken: login.token,
      signer: new AsymmetricKeySigner({ credId: key.credId, privateKey: key.privateKeyPem }),
    });
    const wallet = await client.wallets.createWallet({ body: { network: "KeyECDSA" } });
    expect(wallet.address).toBeUndefined();
  });

  it("registers a PasswordProtectedKey and returns its encrypted key in user action challenges", async () => {
    const { challenge, temp, email } = await challengeFor();
    const { credentialInfo } = KeyCredential.create({ challenge: challenge.challenge, kind: "PasswordProtectedKey" });
    await temp.auth.register({
      body: {
        firstFactorCredential: {
          credentialKind: "PasswordProtectedKey",
          credentialInfo,
          encryptedPrivateKey: "opaque-to-dfns",
          credentialName: "PPK",
        },
      },
    });
    const login = await h.serviceAccount.auth.delegatedLogin({ body: { username: email } });
    const init = await new DfnsApiClient({ baseUrl: h.url, authToken: login.token }).auth.createUserActionChallenge({
      body: { userActionPayload: "{}", userActionHttpMethod: "POST", userActionHttpPath: "/wallets" },
    });
    expect(init.allowCredentials.passwordProtectedKey).toEqual([
      { type: "public-key", id: credentialInfo.credId, encryptedPrivateKey: "opaque-to-dfns" },
    ]);
  });

  it("refuses a Key credential whose clientData was tampered with", async () => {
    const { challenge, temp } = await challengeFor();
    const { credentialInfo } = KeyCredential.create({ challenge: challenge.challenge });
    const clientData = JSON.parse(Buffer.from(credentialInfo.clientData, "base64url").toString());
    const tampered = Buffer.from(JSON.stringify({ ...clientData, challenge: "x" + clientData.challenge })).toString(
      "base64url",
    );
    const error = await dfnsError(() =>
      temp.auth.register({
        body: {
          firstFactorCredential: {
            credentialKind: "Key",
            credentialInfo: { ...credentialInfo, clientData: tampered },
            credentialName: "k",
          },
        },
      }),
    );
    expect(error.httpStatus).toBe(401);
  });
});
