import { ed25519 } from "@noble/curves/ed25519.js";
import { verifyMessage, type Hex } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getEnv } from "@/lib/env";
import type { Fido2Assertion } from "@/lib/passkeys/types";
import { withDfnsDown } from "@/lib/testing/dfns-down";
import { startApp, type AppHarness, type AppUser } from "@/lib/testing/app-harness";
import { registeredUser } from "@/lib/testing/registration";
import type { SoftwarePasskey } from "@/lib/testing/software-passkey";
import { POST as completeSignature } from "./[walletId]/signatures/complete/route";
import { GET as listSignatures, POST as beginSignature } from "./[walletId]/signatures/route";
import { POST as completeWallet } from "./complete/route";
import { GET as listWallets, POST as beginWallet } from "./route";

// The wallet routes against a real database and the sandbox over HTTP through the official SDK:
// what the wallet page does, with a software passkey in place of the browser's.

let app: AppHarness;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => app.close());

interface WalletJson {
  id: string;
  network: string;
  address: string;
  publicKey: string;
  status: string;
  name: string | null;
  explorerUrl: string | null;
}
interface SignatureJson {
  id: string;
  message: string;
  signature: string;
  verified: boolean | null;
  status: string;
  createdAt: string;
}
interface ActionJson {
  id: string;
  challenge: string;
}
interface ErrorJson {
  error: { message: string; code?: string };
}
type User = { user: AppUser; passkey: SoftwarePasskey };

const json = async <T>(response: Response) => (await response.json()) as T;
const hex = (text: string) => `0x${Buffer.from(text, "utf8").toString("hex")}`;
const assertionFor = (passkey: SoftwarePasskey, action: ActionJson): Fido2Assertion =>
  passkey.assert(action.challenge).credentialAssertion;

async function walletsOf(user: AppUser) {
  const response = await app.call(listWallets, user, { method: "GET" });
  expect(response.status).toBe(200);
  return json<{ wallets: WalletJson[]; refreshed: boolean; addableNetworks: { network: string }[] }>(response);
}

async function walletOn(user: AppUser, network: string): Promise<WalletJson> {
  const wallet = (await walletsOf(user)).wallets.find((w) => w.network === network);
  expect(wallet).toBeDefined();
  return wallet!;
}

const beginSign = (user: AppUser, walletId: string, body: unknown) =>
  app.call(beginSignature, user, { body, params: { walletId } });
const completeSign = (user: AppUser, walletId: string, body: unknown) =>
  app.call(completeSignature, user, { body, params: { walletId } });

async function startSigning(user: AppUser, walletId: string, message: string): Promise<ActionJson> {
  const response = await beginSign(user, walletId, { message });
  expect(response.status).toBe(200);
  return (await json<{ action: ActionJson }>(response)).action;
}

/** The whole signing flow: begin, the passkey approves, complete. */
async function sign({ user, passkey }: User, walletId: string, message: string): Promise<SignatureJson> {
  const action = await startSigning(user, walletId, message);
  const response = await completeSign(user, walletId, {
    actionId: action.id,
    assertion: assertionFor(passkey, action),
  });
  expect(response.status).toBe(200);
  return (await json<{ signature: SignatureJson }>(response)).signature;
}

async function signaturesOf(user: AppUser, walletId: string) {
  const response = await app.call(listSignatures, user, { method: "GET", params: { walletId } });
  expect(response.status).toBe(200);
  return (await json<{ signatures: SignatureJson[] }>(response)).signatures;
}

/** What a failed request must not have changed. */
async function counts(user: AppUser) {
  const prisma = app.database.prisma;
  return {
    pending: await prisma.pendingUserAction.count({ where: { userId: user.id } }),
    signatures: await prisma.signature.count({ where: { wallet: { dfnsUser: { userId: user.id } } } }),
    wallets: await prisma.wallet.count({ where: { dfnsUser: { userId: user.id } } }),
  };
}

describe("GET /api/wallets", () => {
  it("lists the signed-in user's wallets with what the page shows, and only theirs", async () => {
    const alice = await registeredUser(app);
    const bob = await registeredUser(app);
    const list = await walletsOf(alice.user);
    expect(list.refreshed).toBe(true);
    expect(list.wallets.map((w) => w.network)).toEqual(["EthereumSepolia", "SolanaDevnet"]);
    const [evm, solana] = list.wallets;
    expect(evm).toMatchObject({
      status: "Active",
      explorerUrl: `https://sepolia.etherscan.io/address/${evm!.address}`,
    });
    expect(evm!.address).toMatch(/^0x[0-9a-f]{40}$/);
    expect(solana!.address).toMatch(/^[1-9A-HJ-NP-Za-km-z]{32,44}$/);
    expect(solana!.explorerUrl).toBe(`https://explorer.solana.com/address/${solana!.address}?cluster=devnet`);
    expect(list.addableNetworks.map((n) => n.network)).toEqual(["BaseSepolia"]);

    const stored = await app.database.prisma.wallet.findMany({
      where: { dfnsUser: { userId: alice.user.id } },
      orderBy: { createdAt: "asc" },
    });
    expect(list.wallets.map((w) => [w.id, w.address, w.publicKey])).toEqual(
      stored.map((w) => [w.id, w.address, w.publicKey]),
    );
    const bobs = (await walletsOf(bob.user)).wallets.map((w) => w.id);
    expect(bobs).toHaveLength(2);
    for (const id of bobs) expect(list.wallets.map((w) => w.id)).not.toContain(id);
    expect(JSON.stringify(list)).not.toMatch(/eyJ/); // no token
  });

  it("brings the stored wallets up to date with Dfns: a missing one is added back, a changed status is corrected", async () => {
    const { user } = await registeredUser(app);
    const prisma = app.database.prisma;
    const [first, second] = await prisma.wallet.findMany({
      where: { dfnsUser: { userId: user.id } },
      orderBy: { createdAt: "asc" },
    });
    await prisma.wallet.delete({ where: { id: first!.id } });
    await prisma.wallet.update({ where: { id: second!.id }, data: { status: "Archived" } });

    const list = await walletsOf(user);
    expect(list.refreshed).toBe(true);
    expect(list.wallets.map((w) => w.address).sort()).toEqual([first!.address, second!.address].sort());
    expect(list.wallets.find((w) => w.id === second!.id)?.status).toBe("Active");
    expect(await prisma.wallet.count({ where: { dfnsWalletId: first!.dfnsWalletId } })).toBe(1);
  });

  it("shows the stored wallets with refreshed: false when Dfns is unreachable, and keeps them", async () => {
    const { user } = await registeredUser(app);
    const before = await walletsOf(user);
    const during = await withDfnsDown(() => walletsOf(user));
    expect(during.refreshed).toBe(false);
    expect(during.wallets).toEqual(before.wallets);
    expect((await walletsOf(user)).wallets).toEqual(before.wallets);
  });

  it("is empty for a user who has not finished onboarding, and 401 without a session", async () => {
    const user = await app.createUser();
    expect(await walletsOf(user)).toEqual({ registered: false, wallets: [], refreshed: true, addableNetworks: [] });
    expect((await app.call(listWallets, null, { method: "GET" })).status).toBe(401);
  });
});

describe("signing a message", () => {
  it("signs with the passkey's approval; the server verifies it (EVM and Solana) and lists it", async () => {
    const alice = await registeredUser(app);
    const evm = await walletOn(alice.user, "EthereumSepolia");
    const solana = await walletOn(alice.user, "SolanaDevnet");

    const first = await sign(alice, evm.id, "Hello from the test 👋");
    expect(first).toMatchObject({ message: "Hello from the test 👋", status: "Signed", verified: true });
    // Checked here too, independently of the server's own verification.
    expect(
      await verifyMessage({
        address: evm.address as Hex,
        message: "Hello from the test 👋",
        signature: first.signature as Hex,
      }),
    ).toBe(true);
    expect(
      await verifyMessage({
        address: evm.address as Hex,
        message: "Hello from the test",
        signature: first.signature as Hex,
      }),
    ).toBe(false);

    const second = await sign(alice, evm.id, "second");
    expect((await signaturesOf(alice.user, evm.id)).map((s) => s.id)).toEqual([second.id, first.id]);

    const onSolana = await sign(alice, solana.id, "gm solana");
    expect(onSolana.verified).toBe(true);
    const signatureBytes = Buffer.from(onSolana.signature.replace(/^0x/, ""), "hex");
    expect(
      ed25519.verify(signatureBytes, Buffer.from("gm solana"), Buffer.from(solana.publicKey.replace(/^0x/, ""), "hex")),
    ).toBe(true);
    expect(await signaturesOf(alice.user, solana.id)).toEqual([onSolana]);

    const stored = await app.database.prisma.signature.findUniqueOrThrow({ where: { id: first.id } });
    expect(stored).toMatchObject({
      walletId: evm.id,
      kind: "Message",
      messageHex: hex("Hello from the test 👋"),
      verified: true,
    });
    expect(stored.dfnsSignatureId).toMatch(/^sig-/);
    const audit = await app.database.prisma.auditEvent.count({
      where: { userId: alice.user.id, type: "dfns.signature.created" },
    });
    expect(audit).toBe(3);
  });

  it("a policy approval (Dfns's 202): answered 202 in words, kept as Pending, and shown as decided once Dfns decides", async () => {
    const alice = await registeredUser(app);
    const evm = await walletOn(alice.user, "EthereumSepolia");
    const action = await startSigning(alice.user, evm.id, "needs approval");
    const response = await app.withSandbox({ policyApproval: true }, () =>
      completeSign(alice.user, evm.id, { actionId: action.id, assertion: assertionFor(alice.passkey, action) }),
    );
    expect(response.status).toBe(202);
    const { signature } = await json<{ signature: SignatureJson }>(response);
    expect(signature).toMatchObject({ message: "needs approval", status: "Pending", signature: null, verified: null });
    // Kept: the request waits at Dfns; the app lists it and asks Dfns again on each read.
    const stored = await app.database.prisma.signature.findUniqueOrThrow({ where: { id: signature.id } });
    expect(stored.dfnsSignatureId).toMatch(/^sig-/);
    expect(
      await app.database.prisma.auditEvent.count({ where: { userId: alice.user.id, type: "dfns.approval.pending" } }),
    ).toBe(1);
    expect((await signaturesOf(alice.user, evm.id)).map((s) => s.status)).toEqual(["Pending"]);
    // The approval is denied at Dfns: the next read says so.
    await app.dfnsStore.sandboxSignature.update({
      where: { id: stored.dfnsSignatureId! },
      data: { status: "Rejected" },
    });
    expect((await signaturesOf(alice.user, evm.id)).map((s) => s.status)).toEqual(["Rejected"]);
  });

  it("answers another user's wallet id exactly like an unknown one (404), on every route, changing nothing", async () => {
    const alice = await registeredUser(app);
    const bob = await registeredUser(app);
    const bobsWallet = await walletOn(bob.user, "EthereumSepolia");
    const action = await startSigning(bob.user, bobsWallet.id, "bob's message");
    const before = await counts(alice.user);

    const unknown = await beginSign(alice.user, "no-such-wallet", { message: "hi" });
    const responses = [
      await beginSign(alice.user, bobsWallet.id, { message: "hi" }),
      await completeSign(alice.user, bobsWallet.id, {
        actionId: action.id,
        assertion: assertionFor(alice.passkey, action),
      }),
      await app.call(listSignatures, alice.user, { method: "GET", params: { walletId: bobsWallet.id } }),
    ];
    const expected = await json<ErrorJson>(unknown);
    expect(unknown.status).toBe(404);
    for (const response of responses) {
      expect(response.status).toBe(404);
      expect(await json<ErrorJson>(response)).toEqual(expected);
    }
    expect(await counts(alice.user)).toEqual(before);

    // Bob's action is untouched and still his to complete.
    const done = await completeSign(bob.user, bobsWallet.id, {
      actionId: action.id,
      assertion: assertionFor(bob.passkey, action),
    });
    expect(done.status).toBe(200);
  });

  it("signs only the message the server stored: extra or changed fields from the browser are ignored", async () => {
    const alice = await registeredUser(app);
    const bob = await registeredUser(app);
    const wallet = await walletOn(alice.user, "EthereumSepolia");
    const bobsWallet = await walletOn(bob.user, "EthereumSepolia");

    const begun = await beginSign(alice.user, wallet.id, {
      message: "pay 1",
      walletId: bobsWallet.id,
      kind: "Hash",
      body: { kind: "Hash", hash: `0x${"00".repeat(32)}` },
    });
    expect(begun.status).toBe(200);
    const { action } = await json<{ action: ActionJson }>(begun);
    const stored = await app.database.prisma.pendingUserAction.findUniqueOrThrow({ where: { id: action.id } });
    expect(JSON.parse(stored.request as string)).toEqual({
      walletId: (await app.database.prisma.wallet.findUniqueOrThrow({ where: { id: wallet.id } })).dfnsWalletId,
      body: { kind: "Message", message: hex("pay 1"), externalId: expect.any(String) },
    });

    const completed = await completeSign(alice.user, wallet.id, {
      actionId: action.id,
      assertion: assertionFor(alice.passkey, action),
      message: "pay 1000",
      request: { body: { kind: "Message", message: hex("pay 1000") } },
    });
    expect(completed.status).toBe(200);
    const { signature } = await json<{ signature: SignatureJson }>(completed);
    expect(signature).toMatchObject({ message: "pay 1", verified: true });
    expect(
      await verifyMessage({ address: wallet.address as Hex, message: "pay 1", signature: signature.signature as Hex }),
    ).toBe(true);
  });

  it("refuses an action begun for another of the user's wallets (404) and keeps it usable for its own", async () => {
    const alice = await registeredUser(app);
    const evm = await walletOn(alice.user, "EthereumSepolia");
    const solana = await walletOn(alice.user, "SolanaDevnet");
    const action = await startSigning(alice.user, evm.id, "for the EVM wallet");
    const wrong = await completeSign(alice.user, solana.id, {
      actionId: action.id,
      assertion: assertionFor(alice.passkey, action),
    });
    expect(wrong.status).toBe(404);
    expect((await json<ErrorJson>(wrong)).error.code).toBe("action_not_found");
    const right = await completeSign(alice.user, evm.id, {
      actionId: action.id,
      assertion: assertionFor(alice.passkey, action),
    });
    expect(right.status).toBe(200);
  });

  it("refuses a replayed approval (404): one signature per action", async () => {
    const alice = await registeredUser(app);
    const wallet = await walletOn(alice.user, "EthereumSepolia");
    const action = await startSigning(alice.user, wallet.id, "once");
    const body = { actionId: action.id, assertion: assertionFor(alice.passkey, action) };
    expect((await completeSign(alice.user, wallet.id, body)).status).toBe(200);
    const replay = await completeSign(alice.user, wallet.id, body);
    expect(replay.status).toBe(404);
    expect((await json<ErrorJson>(replay)).error.message).toBe(
      "This request was already used or does not exist. Start again.",
    );
    expect(await signaturesOf(alice.user, wallet.id)).toHaveLength(1);
  });

  it("refuses an approval by a passkey that is not the user's (403), and a forged one Dfns rejects (403), storing nothing", async () => {
    const alice = await registeredUser(app);
    const bob = await registeredUser(app);
    const wallet = await walletOn(alice.user, "EthereumSepolia");
    const action = await startSigning(alice.user, wallet.id, "approve me");
    const before = await counts(alice.user);

    const byBob = await completeSign(alice.user, wallet.id, {
      actionId: action.id,
      assertion: assertionFor(bob.passkey, action),
    });
    expect(byBob.status).toBe(403);
    expect((await json<ErrorJson>(byBob)).error.code).toBe("passkey_not_allowed");
    expect(await counts(alice.user)).toEqual(before); // still pending

    // Alice's credential id, signed by Bob's key: only Dfns can tell, and it refuses.
    const forged = { ...assertionFor(alice.passkey, action), signature: assertionFor(bob.passkey, action).signature };
    const refused = await completeSign(alice.user, wallet.id, { actionId: action.id, assertion: forged });
    expect(refused.status).toBe(403);
    const error = (await json<ErrorJson>(refused)).error;
    expect(error.code).toBe("approval_refused");
    expect(error.message).toMatch(/Start again/);
    expect((await counts(alice.user)).signatures).toBe(before.signatures);
  });

  it("refuses an expired action (409) and a Dfns that cannot be reached (502), storing nothing", async () => {
    const alice = await registeredUser(app);
    const wallet = await walletOn(alice.user, "EthereumSepolia");
    const expired = await startSigning(alice.user, wallet.id, "too late");
    await app.database.prisma.pendingUserAction.update({
      where: { id: expired.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const late = await completeSign(alice.user, wallet.id, {
      actionId: expired.id,
      assertion: assertionFor(alice.passkey, expired),
    });
    expect(late.status).toBe(409);
    expect(await json<ErrorJson>(late)).toMatchObject({
      error: { message: "The passkey request expired before it was approved. Start again.", code: "action_expired" },
    });

    const before = await counts(alice.user);
    const down = await withDfnsDown(() => beginSign(alice.user, wallet.id, { message: "while Dfns is down" }));
    expect(down.status).toBe(502);
    expect((await json<ErrorJson>(down)).error.message).toMatch(
      /^Dfns could not be reached to start the signature\. .*try again/i,
    );
    expect(await counts(alice.user)).toEqual(before);

    const action = await startSigning(alice.user, wallet.id, "Dfns goes down before completion");
    const failed = await withDfnsDown(() =>
      completeSign(alice.user, wallet.id, { actionId: action.id, assertion: assertionFor(alice.passkey, action) }),
    );
    expect(failed.status).toBe(502);
    expect((await counts(alice.user)).signatures).toBe(before.signatures);
  });

  it("answers invalid input with 400 and changes nothing", async () => {
    const alice = await registeredUser(app);
    const wallet = await walletOn(alice.user, "EthereumSepolia");
    const before = await counts(alice.user);
    for (const body of [{}, { message: "" }, { message: "   " }, { message: "x".repeat(1001) }, { message: 42 }]) {
      const response = await beginSign(alice.user, wallet.id, body);
      expect(response.status).toBe(400);
      expect((await json<ErrorJson>(response)).error.message).toMatch(/^Request body is invalid: message/);
    }
    expect(
      (await app.call(beginSignature, alice.user, { raw: "{not json", params: { walletId: wallet.id } })).status,
    ).toBe(400);
    for (const body of [
      {},
      { actionId: "x" },
      { actionId: "x", assertion: { credId: "a" } },
      { actionId: "x", assertion: { credId: "a+b", clientData: "c", authenticatorData: "d", signature: "e" } },
    ]) {
      expect((await completeSign(alice.user, wallet.id, body)).status).toBe(400);
    }
    expect(await counts(alice.user)).toEqual(before);
  });

  it("asks a user without a wallet to finish onboarding (409), and needs a session (401)", async () => {
    const user = await app.createUser();
    const response = await beginSign(user, "any", { message: "hi" });
    expect(response.status).toBe(409);
    expect((await json<ErrorJson>(response)).error.code).toBe("not_registered");
    expect((await beginSign(null as never, "any", { message: "hi" })).status).toBe(401);
    expect((await app.call(listSignatures, null, { method: "GET", params: { walletId: "any" } })).status).toBe(401);
  });

  it("asks Dfns again for a signature it had not finished, and verifies it then", async () => {
    const alice = await registeredUser(app);
    const wallet = await walletOn(alice.user, "SolanaDevnet");
    const signed = await sign(alice, wallet.id, "eventually");
    await app.database.prisma.signature.update({
      where: { id: signed.id },
      data: { status: "Pending", signature: null, verified: null },
    });
    const [listed] = await signaturesOf(alice.user, wallet.id);
    expect(listed).toEqual(signed);
  });
});

describe("adding a wallet", () => {
  const beginAdd = (user: AppUser, body: unknown) => app.call(beginWallet, user, { body });
  const completeAdd = (user: AppUser, body: unknown) => app.call(completeWallet, user, { body });

  it("after a registration without wallets (DFNS_WALLET_NETWORKS=none: Complete User Registration), the first wallet is added here", async () => {
    const env = getEnv();
    const configured = env.walletNetworks;
    env.walletNetworks = [];
    try {
      const bob = await registeredUser(app);
      expect(bob.wallets).toEqual([]);
      const stored = await app.database.prisma.dfnsUser.findUniqueOrThrow({
        where: { userId: bob.user.id },
        include: { credentials: true, wallets: true },
      });
      expect(stored.credentials.map((c) => c.kind).sort()).toEqual(["Fido2", "RecoveryKey"]);
      expect(stored.wallets).toEqual([]);
      const atDfns = await app.dfnsStore.sandboxUser.findUniqueOrThrow({
        where: { id: stored.dfnsUserId },
        include: { wallets: true },
      });
      expect(atDfns).toMatchObject({ registered: true, wallets: [] });

      const page = await walletsOf(bob.user);
      expect(page.wallets).toEqual([]);
      expect(page.addableNetworks.map((n) => n.network)).toEqual(env.extraWalletNetworks);
      const begun = await beginAdd(bob.user, { network: "BaseSepolia" });
      const { action } = await json<{ action: ActionJson }>(begun);
      const completed = await completeAdd(bob.user, {
        actionId: action.id,
        assertion: assertionFor(bob.passkey, action),
      });
      expect(completed.status).toBe(200);
      expect((await walletsOf(bob.user)).wallets.map((w) => w.network)).toEqual(["BaseSepolia"]);
    } finally {
      env.walletNetworks = configured;
    }
  });

  it("creates a wallet on an offered network with the passkey's approval; it signs; a second one on it is refused", async () => {
    const alice = await registeredUser(app);
    const begun = await beginAdd(alice.user, { network: "BaseSepolia", name: "ignored", delegateTo: "someone" });
    expect(begun.status).toBe(200);
    const { action } = await json<{ action: ActionJson }>(begun);
    const completed = await completeAdd(alice.user, {
      actionId: action.id,
      assertion: assertionFor(alice.passkey, action),
    });
    expect(completed.status).toBe(200);
    const { wallet } = await json<{ wallet: WalletJson }>(completed);
    expect(wallet).toMatchObject({
      network: "BaseSepolia",
      status: "Active",
      name: null,
      explorerUrl: `https://sepolia.basescan.org/address/${wallet.address}`,
    });
    expect(wallet.address).toMatch(/^0x[0-9a-f]{40}$/);

    const list = await walletsOf(alice.user);
    expect(list.wallets.map((w) => w.network)).toEqual(["EthereumSepolia", "SolanaDevnet", "BaseSepolia"]);
    expect(list.wallets[2]).toEqual(wallet);
    expect(list.addableNetworks).toEqual([]);

    const signature = await sign(alice, wallet.id, "from my new wallet");
    expect(signature.verified).toBe(true);
    expect(
      await verifyMessage({
        address: wallet.address as Hex,
        message: "from my new wallet",
        signature: signature.signature as Hex,
      }),
    ).toBe(true);

    const again = await beginAdd(alice.user, { network: "BaseSepolia" });
    expect(again.status).toBe(409);
    expect((await json<ErrorJson>(again)).error.code).toBe("wallet_exists");
    const replay = await completeAdd(alice.user, {
      actionId: action.id,
      assertion: assertionFor(alice.passkey, action),
    });
    expect(replay.status).toBe(404); // the approval was used
    expect((await walletsOf(alice.user)).wallets).toHaveLength(3);
  });

  it("of 20 parallel completions for one network, exactly one creates a wallet (at Dfns and in the app); the others get 409 or 404 in words", async () => {
    const alice = await registeredUser(app);
    // Ten approvals (a user's most pending requests at once), each sent twice at the same moment.
    const actions = await Promise.all(
      Array.from(
        { length: 10 },
        async () => (await json<{ action: ActionJson }>(await beginAdd(alice.user, { network: "BaseSepolia" }))).action,
      ),
    );
    const bodies = actions.flatMap((action) => {
      const body = { actionId: action.id, assertion: assertionFor(alice.passkey, action) };
      return [body, body];
    });
    const responses = await Promise.all(bodies.map((body) => completeAdd(alice.user, body)));
    const answers = await Promise.all(responses.map(async (r) => ({ status: r.status, body: await r.json() })));
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    for (const { status, body } of answers.filter((a) => a.status !== 200)) {
      expect([409, 404]).toContain(status);
      const { error } = body as ErrorJson;
      if (status === 409)
        expect(error).toEqual({
          message: "You already have a wallet on Base Sepolia. Use it, or choose another network.",
          code: "wallet_exists",
          status: 409,
        });
      else expect(error.code).toBe("action_not_found"); // the winner's own second send
    }
    const dfnsUser = await app.database.prisma.dfnsUser.findUniqueOrThrow({ where: { userId: alice.user.id } });
    const atDfns = await app.dfnsStore.sandboxWallet.count({
      where: { network: "BaseSepolia", userId: dfnsUser.dfnsUserId },
    });
    expect(atDfns).toBe(1);
    expect((await walletsOf(alice.user)).wallets.filter((w) => w.network === "BaseSepolia")).toHaveLength(1);
  });

  it("refuses networks the app does not offer or the user has, and another user's passkey or action", async () => {
    const alice = await registeredUser(app);
    const bob = await registeredUser(app);
    const before = await counts(alice.user);
    for (const network of ["Bitcoin", "EthereumSepolia"]) {
      const response = await beginAdd(alice.user, { network });
      expect(response.status).toBe(network === "Bitcoin" ? 400 : 409);
    }
    for (const body of [{}, { network: "" }, { network: "Base Sepolia" }, { network: 1 }]) {
      expect((await beginAdd(alice.user, body)).status).toBe(400);
    }
    expect(await counts(alice.user)).toEqual(before);

    const { action } = await json<{ action: ActionJson }>(await beginAdd(alice.user, { network: "BaseSepolia" }));
    const byBob = await completeAdd(alice.user, { actionId: action.id, assertion: assertionFor(bob.passkey, action) });
    expect(byBob.status).toBe(403);
    expect((await counts(alice.user)).wallets).toBe(before.wallets);
    // Bob cannot complete Alice's action as himself either.
    expect(
      (await completeAdd(bob.user, { actionId: action.id, assertion: assertionFor(bob.passkey, action) })).status,
    ).toBe(404);
  });
});
