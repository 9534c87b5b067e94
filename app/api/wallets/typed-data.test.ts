import { hashTypedData, verifyTypedData, type Hex } from "viem";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withDfnsDown } from "@/lib/testing/dfns-down";
import { startApp, type AppHarness, type AppUser } from "@/lib/testing/app-harness";
import { registeredUser } from "@/lib/testing/registration";
import type { SoftwarePasskey } from "@/lib/testing/software-passkey";
import { typedDataExamples } from "@/lib/typed-data/examples";
import { GET as listSignatures, POST as beginMessage } from "./[walletId]/signatures/route";
import { POST as completeTypedData } from "./[walletId]/signatures/typed-data/complete/route";
import { POST as beginTypedData } from "./[walletId]/signatures/typed-data/route";
import { GET as listWallets } from "./route";

// Signing typed data (EIP-712) through the app's routes, against a real database and the sandbox
// over HTTP through the official SDK, with a software passkey in place of the browser's.

let app: AppHarness;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => app.close());

const SEPOLIA = 11155111;
type User = { user: AppUser; passkey: SoftwarePasskey };
interface WalletJson {
  id: string;
  network: string;
  address: string;
}
interface SignatureJson {
  id: string;
  kind: string;
  message: string;
  typedData: { primaryType: string; domainName: string | null } | null;
  signature: string;
  verified: boolean | null;
  status: string;
}
interface ActionJson {
  id: string;
  challenge: string;
}
interface ErrorJson {
  error: { message: string; code?: string };
}

const json = async <T>(response: Response) => (await response.json()) as T;

async function walletOn(user: AppUser, network: string): Promise<WalletJson> {
  const { wallets } = await json<{ wallets: WalletJson[] }>(await app.call(listWallets, user, { method: "GET" }));
  return wallets.find((w) => w.network === network)!;
}

const begin = (user: AppUser, walletId: string, body: unknown) =>
  app.call(beginTypedData, user, { body, params: { walletId } });
const complete = (user: AppUser, walletId: string, body: unknown) =>
  app.call(completeTypedData, user, { body, params: { walletId } });

async function startSigning(user: AppUser, walletId: string, typedData: string): Promise<ActionJson> {
  const response = await begin(user, walletId, { typedData });
  expect(response.status, await response.clone().text()).toBe(200);
  return (await json<{ action: ActionJson }>(response)).action;
}

async function approve(
  { user, passkey }: User,
  walletId: string,
  action: ActionJson,
  extra: object = {},
): Promise<SignatureJson> {
  const response = await complete(user, walletId, {
    actionId: action.id,
    assertion: passkey.assert(action.challenge).credentialAssertion,
    ...extra,
  });
  expect(response.status, await response.clone().text()).toBe(200);
  return (await json<{ signature: SignatureJson }>(response)).signature;
}

const pendingActions = (user: AppUser) => app.database.prisma.pendingUserAction.count({ where: { userId: user.id } });

describe("signing typed data (EIP-712)", () => {
  it("signs the permit example with the passkey's approval; the server verifies it with viem and lists it readably", async () => {
    const alice = await registeredUser(app);
    const wallet = await walletOn(alice.user, "EthereumSepolia");
    const [permit] = typedDataExamples(wallet.address, SEPOLIA);
    const signature = await approve(alice, wallet.id, await startSigning(alice.user, wallet.id, permit!.json));
    expect(signature).toMatchObject({
      kind: "Eip712",
      status: "Signed",
      verified: true,
      typedData: { primaryType: "Permit", domainName: "Example Token" },
    });

    // Checked here too, independently of the server's own verification.
    const typed = JSON.parse(permit!.json);
    expect(
      await verifyTypedData({ ...typed, address: wallet.address as Hex, signature: signature.signature as Hex }),
    ).toBe(true);
    const changed = { ...typed, message: { ...typed.message, value: "2000000000000000000" } };
    expect(
      await verifyTypedData({ ...changed, address: wallet.address as Hex, signature: signature.signature as Hex }),
    ).toBe(false);

    // Stored with the typed data (no EIP712Domain: Dfns derives it) and the digest it signs.
    const stored = await app.database.prisma.signature.findUniqueOrThrow({ where: { id: signature.id } });
    const { EIP712Domain: _, ...types } = typed.types;
    expect(JSON.parse(stored.message)).toEqual({ ...typed, types });
    expect(stored).toMatchObject({ kind: "Eip712", messageHex: hashTypedData(typed), verified: true });

    const listed = await json<{ signatures: SignatureJson[] }>(
      await app.call(listSignatures, alice.user, { method: "GET", params: { walletId: wallet.id } }),
    );
    expect(listed.signatures).toEqual([signature]);

    // One Dfns had not finished signing is asked for again and verified as typed data then.
    await app.database.prisma.signature.update({
      where: { id: signature.id },
      data: { status: "Pending", signature: null, verified: null },
    });
    const relisted = await json<{ signatures: SignatureJson[] }>(
      await app.call(listSignatures, alice.user, { method: "GET", params: { walletId: wallet.id } }),
    );
    expect(relisted.signatures).toEqual([signature]);
  });

  it("signs the mail example (nested structs) on an added EVM network with that network's chain id", async () => {
    const alice = await registeredUser(app);
    const wallet = await walletOn(alice.user, "EthereumSepolia");
    const [, mail] = typedDataExamples(wallet.address, SEPOLIA);
    const signature = await approve(alice, wallet.id, await startSigning(alice.user, wallet.id, mail!.json));
    expect(signature).toMatchObject({ verified: true, typedData: { primaryType: "Mail", domainName: "Ether Mail" } });
  });

  it("refuses invalid typed data with a 400 naming what is wrong, before asking Dfns (it answers even with Dfns down)", async () => {
    const alice = await registeredUser(app);
    const wallet = await walletOn(alice.user, "EthereumSepolia");
    const mail = JSON.parse(typedDataExamples(wallet.address, SEPOLIA)[1]!.json);
    const cases: [string, RegExp][] = [
      ['{"types": {', /^This isn't valid JSON/],
      [JSON.stringify({ ...mail, primaryType: undefined }), /^primaryType is missing/],
      [JSON.stringify({ ...mail, primaryType: "Letter" }), /^primaryType "Letter" is not one of the types/],
      [
        JSON.stringify({ ...mail, message: { ...mail.message, to: { name: "Bob" } } }),
        /^message\.to\.wallet is missing/,
      ],
      [
        JSON.stringify({ ...mail, domain: { ...mail.domain, chainId: "sepolia" } }),
        /^domain\.chainId must be a whole number/,
      ],
      [
        JSON.stringify({ ...mail, domain: { ...mail.domain, verifyingContract: "0x1234" } }),
        /^domain\.verifyingContract is not an address/,
      ],
      [
        JSON.stringify({ ...mail, domain: { ...mail.domain, owner: "me" } }),
        /^domain has a field EIP-712 doesn't define: owner/,
      ],
      [
        JSON.stringify({ ...mail, domain: { ...mail.domain, chainId: 1 } }),
        /^domain\.chainId is 1, but this wallet is on Ethereum Sepolia \(chain id 11155111\)/,
      ],
    ];
    await withDfnsDown(async () => {
      for (const [typedData, problem] of cases) {
        const response = await begin(alice.user, wallet.id, { typedData });
        expect(response.status).toBe(400);
        const { error } = await json<ErrorJson>(response);
        expect(error.message).toMatch(problem);
        expect(error.code).toBe("invalid_typed_data");
      }
    });
    const notText = await begin(alice.user, wallet.id, { typedData: mail });
    expect(notText.status).toBe(400);
    expect((await json<ErrorJson>(notText)).error.message).toMatch(/^Request body is invalid: typedData/);
    expect(await pendingActions(alice.user)).toBe(0);
  });

  it("signs only the typed data the server stored: what the browser sends at completion is ignored", async () => {
    const alice = await registeredUser(app);
    const wallet = await walletOn(alice.user, "EthereumSepolia");
    const [permit] = typedDataExamples(wallet.address, SEPOLIA);
    const typed = JSON.parse(permit!.json);
    const action = await startSigning(alice.user, wallet.id, permit!.json);
    const tampered = { ...typed, message: { ...typed.message, value: "999999999999999999999999" } };
    const signature = await approve(alice, wallet.id, action, {
      typedData: JSON.stringify(tampered),
      request: { body: { kind: "Eip712", types: tampered.types, domain: tampered.domain, message: tampered.message } },
    });
    expect(signature.verified).toBe(true);
    expect(JSON.parse(signature.message).message.value).toBe("1000000000000000000");
    expect(
      await verifyTypedData({ ...typed, address: wallet.address as Hex, signature: signature.signature as Hex }),
    ).toBe(true);
    expect(
      await verifyTypedData({ ...tampered, address: wallet.address as Hex, signature: signature.signature as Hex }),
    ).toBe(false);
  });

  it("answers another user's wallet like an unknown one (404), and a Solana wallet with a 400 in words, changing nothing", async () => {
    const alice = await registeredUser(app);
    const bob = await registeredUser(app);
    const bobsWallet = await walletOn(bob.user, "EthereumSepolia");
    const [permit] = typedDataExamples(bobsWallet.address, SEPOLIA);
    const bobsAction = await startSigning(bob.user, bobsWallet.id, permit!.json);

    const unknown = await begin(alice.user, "no-such-wallet", { typedData: permit!.json });
    const others = await begin(alice.user, bobsWallet.id, { typedData: permit!.json });
    const completing = await complete(alice.user, bobsWallet.id, {
      actionId: bobsAction.id,
      assertion: alice.passkey.assert(bobsAction.challenge).credentialAssertion,
    });
    expect(unknown.status).toBe(404);
    const expected = await json<ErrorJson>(unknown);
    for (const response of [others, completing]) {
      expect(response.status).toBe(404);
      expect(await json<ErrorJson>(response)).toEqual(expected);
    }

    const solana = await walletOn(alice.user, "SolanaDevnet");
    const onSolana = await begin(alice.user, solana.id, { typedData: permit!.json });
    expect(onSolana.status).toBe(400);
    expect(await json<ErrorJson>(onSolana)).toMatchObject({
      error: {
        message:
          "Typed data (EIP-712) is signed with Ethereum-style wallets; your Solana Devnet wallet can't sign it. Use one of your EVM wallets.",
        code: "typed_data_not_supported",
      },
    });
    expect(await pendingActions(alice.user)).toBe(0);
    expect(
      await app.database.prisma.signature.count({ where: { wallet: { dfnsUser: { userId: alice.user.id } } } }),
    ).toBe(0);

    // Bob's action is untouched and still his to complete.
    expect((await approve(bob, bobsWallet.id, bobsAction)).verified).toBe(true);
  });

  it("refuses an action begun for a message signature, and one of another wallet (404)", async () => {
    const alice = await registeredUser(app);
    const wallet = await walletOn(alice.user, "EthereumSepolia");
    const begun = await app.call(beginMessage, alice.user, {
      body: { message: "a plain message" },
      params: { walletId: wallet.id },
    });
    const messageAction = (await json<{ action: ActionJson }>(begun)).action;
    const asTypedData = await complete(alice.user, wallet.id, {
      actionId: messageAction.id,
      assertion: alice.passkey.assert(messageAction.challenge).credentialAssertion,
    });
    expect(asTypedData.status).toBe(404);
    expect((await json<ErrorJson>(asTypedData)).error.code).toBe("action_not_found");

    const [permit] = typedDataExamples(wallet.address, SEPOLIA);
    const action = await startSigning(alice.user, wallet.id, permit!.json);
    const solana = await walletOn(alice.user, "SolanaDevnet");
    const wrongWallet = await complete(alice.user, solana.id, {
      actionId: action.id,
      assertion: alice.passkey.assert(action.challenge).credentialAssertion,
    });
    expect(wrongWallet.status).toBe(404);
    expect((await json<ErrorJson>(wrongWallet)).error.code).toBe("action_not_found");
    expect((await approve(alice, wallet.id, action)).verified).toBe(true);
  });
});
