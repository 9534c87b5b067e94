import { ed25519 } from "@noble/curves/ed25519.js";
import { base58 } from "@scure/base";
import { PolicyPendingError } from "@dfns/sdk";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recoverPublicKey, verifyMessage, keccak256, toHex } from "viem";
import { dfnsError, raw, registerUser, startSandbox, type Harness, type RegisteredUser } from "./harness";

let h: Harness;
let alice: RegisteredUser;
let bob: RegisteredUser;
beforeAll(async () => {
  h = await startSandbox();
  [alice, bob] = await Promise.all([registerUser(h), registerUser(h)]);
});
afterAll(async () => h.close());

const hexOf = (text: string) => toHex(new TextEncoder().encode(text));

describe("wallets", () => {
  it("gives every user different keys and addresses", () => {
    expect(alice.wallets[0]!.address).not.toBe(bob.wallets[0]!.address);
  });

  it("gets one's own wallet and answers another user's with 404", async () => {
    const wallet = await alice.client.wallets.getWallet({ walletId: alice.wallets[0]!.id });
    expect(wallet.id).toBe(alice.wallets[0]!.id);
    const error = await dfnsError(() => alice.client.wallets.getWallet({ walletId: bob.wallets[0]!.id }));
    expect(error.httpStatus).toBe(404);
  });

  it("lets the service account read every wallet of the org", async () => {
    const all = await h.serviceAccount.wallets.listWallets({ query: { limit: 500 } });
    const ids = all.items.map((w) => w.id);
    expect(ids).toEqual(expect.arrayContaining([...alice.wallets, ...bob.wallets].map((w) => w.id)));
  });

  it("creates a wallet with the end user's passkey signing the user action", async () => {
    const wallet = await alice.client.wallets.createWallet({ body: { network: "BaseSepolia", name: "Second" } });
    expect(wallet).toMatchObject({
      network: "BaseSepolia",
      name: "Second",
      custodial: false,
      signingKey: { delegatedTo: alice.userId },
    });
    // Same key scheme, different key: a new wallet is a new key.
    expect(wallet.address).not.toBe(alice.wallets[0]!.address);
  });

  it("answers a bad pagination limit with 400", async () => {
    expect((await raw(h, "GET", "/wallets?limit=0", { token: alice.token })).status).toBe(400);
  });
});

describe("signatures", () => {
  it("answers 202 with a pending approval behind behaviour.policyApproval: the SDK's PolicyPendingError, the request kept as Pending", async () => {
    h.config.behaviour.policyApproval = true;
    let error: unknown;
    try {
      await alice.client.wallets.generateSignature({
        walletId: alice.wallets[0]!.id,
        body: { kind: "Message", message: hexOf("approve me") },
      });
    } catch (e) {
      error = e;
    } finally {
      h.config.behaviour.policyApproval = false;
    }
    expect(error).toBeInstanceOf(PolicyPendingError);
    const approval = (error as PolicyPendingError).context as {
      id: string;
      status: string;
      activity: { kind: string; signatureRequest: { id: string } };
    };
    expect(approval).toMatchObject({
      id: expect.stringMatching(/^ap-/),
      status: "Pending",
      activity: { kind: "Wallets:Sign" },
    });
    const held = await alice.client.wallets.getSignature({
      walletId: alice.wallets[0]!.id,
      signatureId: approval.activity.signatureRequest.id,
    });
    expect(held.status).toBe("Pending");
    expect(held.signature).toBeUndefined();
  });

  it("signs an EVM message (EIP-191) that viem verifies against the wallet address", async () => {
    const wallet = alice.wallets.find((w) => w.network === "EthereumSepolia")!;
    const message = "Hello from the Dfns sandbox";
    const result = await alice.client.wallets.generateSignature({
      walletId: wallet.id,
      body: { kind: "Message", message: hexOf(message) },
    });
    expect(result).toMatchObject({
      status: "Signed",
      walletId: wallet.id,
      network: "EthereumSepolia",
      requester: { userId: alice.userId },
    });
    const ok = await verifyMessage({
      address: wallet.address as `0x${string}`,
      message,
      signature: result.signature!.encoded as `0x${string}`,
    });
    expect(ok).toBe(true);
    const wrong = await verifyMessage({
      address: wallet.address as `0x${string}`,
      message: message + "!",
      signature: result.signature!.encoded as `0x${string}`,
    });
    expect(wrong).toBe(false);
  });

  it("signs a Solana message with ed25519 under the wallet's key (the address)", async () => {
    const wallet = alice.wallets.find((w) => w.network === "SolanaDevnet")!;
    const result = await alice.client.wallets.generateSignature({
      walletId: wallet.id,
      body: { kind: "Message", message: hexOf("gm") },
    });
    const signature = Buffer.from(result.signature!.encoded!.replace(/^0x/, ""), "hex");
    expect(ed25519.verify(signature, new TextEncoder().encode("gm"), base58.decode(wallet.address!))).toBe(true);
  });

  it("signs a Hash with a signature that recovers to the wallet's public key", async () => {
    const wallet = alice.wallets.find((w) => w.network === "EthereumSepolia")!;
    const hash = keccak256(hexOf("some payload"));
    const result = await alice.client.wallets.generateSignature({ walletId: wallet.id, body: { kind: "Hash", hash } });
    const recovered = await recoverPublicKey({ hash, signature: result.signature!.encoded as `0x${string}` });
    const { secp256k1 } = await import("@noble/curves/secp256k1.js");
    const compressed = secp256k1.Point.fromHex(recovered.slice(2)).toHex(true);
    expect(compressed).toBe(wallet.signingKey.publicKey);
  });

  it("works through DfnsDelegatedApiClient: init, passkey assertion in between, complete", async () => {
    const wallet = alice.wallets[0]!;
    const request = { walletId: wallet.id, body: { kind: "Message" as const, message: hexOf("delegated") } };
    const challenge = await alice.delegated.wallets.generateSignatureInit(request);
    expect(challenge.allowCredentials.webauthn.map((c) => c.id)).toEqual([alice.passkey.credId]);
    const signed = await alice.delegated.wallets.generateSignatureComplete(request, {
      challengeIdentifier: challenge.challengeIdentifier,
      firstFactor: alice.passkey.assert(challenge.challenge),
    });
    expect(signed.status).toBe("Signed");
  });

  it("lists and gets a wallet's signatures, newest first, and 404s another user's", async () => {
    const wallet = alice.wallets[0]!;
    const list = await alice.client.wallets.listSignatures({ walletId: wallet.id });
    expect(list.items.length).toBeGreaterThanOrEqual(2);
    const [newest] = list.items;
    const one = await alice.client.wallets.getSignature({ walletId: wallet.id, signatureId: newest!.id });
    expect(one.id).toBe(newest!.id);
    expect((await dfnsError(() => bob.client.wallets.listSignatures({ walletId: wallet.id }))).httpStatus).toBe(404);
    expect(
      (
        await dfnsError(() =>
          bob.client.wallets.getSignature({ walletId: bob.wallets[0]!.id, signatureId: newest!.id }),
        )
      ).httpStatus,
    ).toBe(404);
  });

  it("refuses to sign another user's wallet with 404", async () => {
    const error = await dfnsError(() =>
      alice.client.wallets.generateSignature({
        walletId: bob.wallets[0]!.id,
        body: { kind: "Message", message: "0x00" },
      }),
    );
    expect(error.httpStatus).toBe(404);
  });

  it("answers a malformed signature request with 400", async () => {
    const wallet = alice.wallets[0]!;
    const error = await dfnsError(() =>
      alice.client.wallets.generateSignature({ walletId: wallet.id, body: { kind: "Message", message: "not hex" } }),
    );
    expect(error.httpStatus).toBe(400);
  });
});

describe("user actions", () => {
  const walletBody = (network: string) => JSON.stringify({ network });

  async function signedAction(user: RegisteredUser, body: string, path = "/wallets", method: "POST" | "PUT" = "POST") {
    const { DfnsApiClient } = await import("@dfns/sdk");
    const client = new DfnsApiClient({ baseUrl: h.url, authToken: user.token });
    const challenge = await client.auth.createUserActionChallenge({
      body: { userActionPayload: body, userActionHttpMethod: method, userActionHttpPath: path },
    });
    const { userAction } = await client.auth.createUserActionSignature({
      body: {
        challengeIdentifier: challenge.challengeIdentifier,
        firstFactor: user.passkey.assert(challenge.challenge),
      },
    });
    return userAction;
  }

  it("is single use: a replayed user action is 400 `user action has already been used` (with an error id) and creates nothing", async () => {
    const body = walletBody("PolygonAmoy");
    const userAction = await signedAction(alice, body);
    const first = await raw(h, "POST", "/wallets", {
      token: alice.token,
      body,
      headers: { "x-dfns-useraction": userAction },
    });
    expect(first.status).toBe(200);
    const before = await h.db.prisma.sandboxWallet.count({ where: { userId: alice.userId } });
    const replay = await raw(h, "POST", "/wallets", {
      token: alice.token,
      body,
      headers: { "x-dfns-useraction": userAction },
    });
    expect(replay.status).toBe(400);
    expect(replay.body.error).toMatchObject({
      message: "user action has already been used",
      status: 400,
      id: expect.stringMatching(/^er-/),
    });
    expect(await h.db.prisma.sandboxWallet.count({ where: { userId: alice.userId } })).toBe(before);
  });

  it("lets exactly one of 10 parallel requests with the same user action win", async () => {
    const body = walletBody("OptimismSepolia");
    const userAction = await signedAction(alice, body);
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        raw(h, "POST", "/wallets", { token: alice.token, body, headers: { "x-dfns-useraction": userAction } }),
      ),
    );
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    expect(results.filter((r) => r.status === 400)).toHaveLength(9);
  });

  it("is bound to the body: a tampered body is 403", async () => {
    const userAction = await signedAction(alice, walletBody("EthereumSepolia"));
    const response = await raw(h, "POST", "/wallets", {
      token: alice.token,
      body: walletBody("Ethereum"),
      headers: { "x-dfns-useraction": userAction },
    });
    expect(response.status).toBe(403);
    expect(response.body.error?.message).toMatch(/body/);
  });

  it("is bound to the path and the user", async () => {
    const body = walletBody("EthereumSepolia");
    const userAction = await signedAction(alice, body, "/wallets/other");
    expect(
      (await raw(h, "POST", "/wallets", { token: alice.token, body, headers: { "x-dfns-useraction": userAction } }))
        .status,
    ).toBe(403);
    const alices = await signedAction(alice, body);
    expect(
      (await raw(h, "POST", "/wallets", { token: bob.token, body, headers: { "x-dfns-useraction": alices } })).status,
    ).toBe(403);
  });

  it("expires", async () => {
    const body = walletBody("EthereumSepolia");
    const userAction = await signedAction(alice, body);
    h.advanceClock(301);
    try {
      expect(
        (await raw(h, "POST", "/wallets", { token: alice.token, body, headers: { "x-dfns-useraction": userAction } }))
          .status,
      ).toBe(403);
    } finally {
      h.advanceClock(-301);
    }
  });

  it("refuses a challenge signed by a credential that is not the user's (401)", async () => {
    const { DfnsApiClient } = await import("@dfns/sdk");
    const client = new DfnsApiClient({ baseUrl: h.url, authToken: alice.token });
    const challenge = await client.auth.createUserActionChallenge({
      body: { userActionPayload: "{}", userActionHttpMethod: "POST", userActionHttpPath: "/wallets" },
    });
    const error = await dfnsError(() =>
      client.auth.createUserActionSignature({
        body: {
          challengeIdentifier: challenge.challengeIdentifier,
          firstFactor: bob.passkey.assert(challenge.challenge),
        },
      }),
    );
    expect(error.httpStatus).toBe(401);
  });

  it("refuses a replayed challenge signature (the challenge is spent)", async () => {
    const { DfnsApiClient } = await import("@dfns/sdk");
    const client = new DfnsApiClient({ baseUrl: h.url, authToken: alice.token });
    const challenge = await client.auth.createUserActionChallenge({
      body: { userActionPayload: "{}", userActionHttpMethod: "POST", userActionHttpPath: "/wallets" },
    });
    const body = {
      challengeIdentifier: challenge.challengeIdentifier,
      firstFactor: alice.passkey.assert(challenge.challenge),
    };
    await client.auth.createUserActionSignature({ body });
    const second = { ...body, firstFactor: alice.passkey.assert(challenge.challenge) };
    expect((await dfnsError(() => client.auth.createUserActionSignature({ body: second }))).httpStatus).toBe(403);
  });

  it("refuses an assertion for a wrong origin", async () => {
    const { DfnsApiClient } = await import("@dfns/sdk");
    const client = new DfnsApiClient({ baseUrl: h.url, authToken: alice.token });
    const challenge = await client.auth.createUserActionChallenge({
      body: { userActionPayload: "{}", userActionHttpMethod: "POST", userActionHttpPath: "/wallets" },
    });
    const firstFactor = alice.passkey.assert(challenge.challenge, { origin: "https://evil.example" });
    expect(
      (
        await dfnsError(() =>
          client.auth.createUserActionSignature({
            body: { challengeIdentifier: challenge.challengeIdentifier, firstFactor },
          }),
        )
      ).httpStatus,
    ).toBe(401);
  });
});

describe("tokens", () => {
  it("refuses a forged, a malformed and a missing token with 401 in Dfns's error shape", async () => {
    const [header, payload] = alice.token.split(".");
    const forged = `${header}.${payload}.${Buffer.from("x".repeat(32)).toString("base64url")}`;
    for (const token of [forged, "not-a-jwt", undefined]) {
      const response = await raw(h, "GET", "/wallets", { token });
      expect(response.status).toBe(401);
      expect(response.body.error).toMatchObject({ status: 401, message: expect.any(String) });
    }
  });

  it("refuses an expired end-user token", async () => {
    h.advanceClock(3601);
    try {
      expect((await dfnsError(() => alice.client.wallets.listWallets())).httpStatus).toBe(401);
    } finally {
      h.advanceClock(-3601);
    }
  });

  it("answers an unknown route with a JSON 404", async () => {
    const response = await raw(h, "GET", "/nope", { token: alice.token });
    expect(response.status).toBe(404);
    expect(response.body.error?.message).toMatch(/No Dfns endpoint/);
  });
});
