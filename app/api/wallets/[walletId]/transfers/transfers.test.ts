import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dfnsConnection, setDfnsConnection } from "@/lib/dfns/connection";
import { withEndUserClient } from "@/lib/dfns/end-user";
import { NEVER_RECEIVED_AFTER_MS, UNAPPROVED_KEPT_MS } from "@/lib/dfns/transfers";
import { startApp, type AppHarness, type AppUser } from "@/lib/testing/app-harness";
import { registeredUser } from "@/lib/testing/registration";
import type { SoftwarePasskey } from "@/lib/testing/software-passkey";
import { GET as activityRoute } from "../activity/route";
import { GET as assetsRoute } from "../assets/route";
import { GET as statusRoute } from "./[transferId]/route";
import { POST as completeRoute } from "./complete/route";
import { POST as beginRoute } from "./route";

// Sending value through the app's routes, against the sandbox over HTTP (the official SDK) and
// its real local chains: what the wallet page does, with a software passkey in place of the
// browser's. Balances are read back from the chain through the assets route.

let app: AppHarness;
beforeAll(async () => {
  app = await startApp();
});
afterAll(async () => app.close());

type User = Awaited<ReturnType<typeof registeredUser>>;
interface WalletRef {
  id: string;
  network: string;
  address: string;
}
interface AssetJson {
  id: string;
  kind: string;
  symbol: string;
  decimals: number;
  balance: string;
  formatted: string;
  token: string | null;
}
interface ActionJson {
  id: string;
  challenge: string;
}
interface TransferJson {
  id: string;
  status: string;
  amount: string;
  formattedAmount: string;
  to: string;
  symbol: string;
  txHash: string | null;
  explorerUrl: string | null;
  fee: string | null;
  reason: string | null;
  priority: string | null;
}
interface ErrorJson {
  error: {
    message: string;
    issues?: { path: string }[];
    code?: string;
    field?: string;
    details?: { transferId?: string };
  };
}

const json = async <T>(response: Response) => (await response.json()) as T;
const SETTLED = ["Confirmed", "Failed", "Rejected"];

const appWallets = new Map<string, WalletRef[]>();

/** The user's wallet on `network`, with the app's id (the routes' `walletId`). */
function walletOf(user: User, network: string): WalletRef {
  const wallet = appWallets.get(user.user.id)?.find((w) => w.network === network);
  expect(wallet?.address).toBeDefined();
  return wallet!;
}

async function withAppWallets(user: User): Promise<User> {
  const rows = await app.database.prisma.wallet.findMany({ where: { dfnsUser: { userId: user.user.id } } });
  appWallets.set(
    user.user.id,
    rows.map((w) => ({ id: w.id, network: w.network, address: w.address! })),
  );
  return user;
}

async function faucet(wallet: WalletRef, asset: "native" | "token") {
  const response = await fetch(`${app.sandboxUrl}/sandbox/faucet`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ network: wallet.network, address: wallet.address, asset }),
  });
  expect(response.status, await response.clone().text()).toBeLessThan(300);
}

async function assetsOf(user: AppUser, wallet: WalletRef) {
  const response = await app.call(assetsRoute, user, { method: "GET", params: { walletId: wallet.id } });
  expect(response.status).toBe(200);
  return json<{ assets: AssetJson[]; refreshed: boolean }>(response);
}

async function balance(user: AppUser, wallet: WalletRef, kind: "Native" | "Erc20" | "Spl"): Promise<bigint> {
  const asset = (await assetsOf(user, wallet)).assets.find((a) => a.kind === kind);
  return BigInt(asset?.balance ?? "0");
}

async function tokenOf(user: AppUser, wallet: WalletRef): Promise<AssetJson> {
  const token = (await assetsOf(user, wallet)).assets.find((a) => a.kind !== "Native");
  expect(token).toBeDefined();
  return token!;
}

const begin = (user: AppUser, walletId: string, body: unknown) =>
  app.call(beginRoute, user, { body, params: { walletId } });
const complete = (user: AppUser, walletId: string, body: unknown) =>
  app.call(completeRoute, user, { body, params: { walletId } });
const status = (user: AppUser, walletId: string, transferId: string) =>
  app.call(statusRoute, user, { method: "GET", params: { walletId, transferId } });
const approval = (passkey: SoftwarePasskey, action: ActionJson) => ({
  actionId: action.id,
  assertion: passkey.assert(action.challenge).credentialAssertion,
});

async function started(user: AppUser, walletId: string, body: Record<string, unknown>) {
  const response = await begin(user, walletId, body);
  expect(response.status, JSON.stringify(await response.clone().json())).toBe(200);
  return json<{ action: ActionJson; transfer: TransferJson }>(response);
}

/** Polls the status route (as the page does) until the transfer settles. */
async function settled(user: AppUser, walletId: string, transferId: string): Promise<TransferJson> {
  for (let i = 0; i < 100; i++) {
    const response = await status(user, walletId, transferId);
    expect(response.status).toBe(200);
    const { transfer } = await json<{ transfer: TransferJson }>(response);
    if (SETTLED.includes(transfer.status)) return transfer;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error("the transfer did not settle");
}

/** The whole flow: begin, the passkey approves, complete, then followed until it settles. */
async function send(sender: User, wallet: WalletRef, body: Record<string, unknown>): Promise<TransferJson> {
  const { action } = await started(sender.user, wallet.id, body);
  const response = await complete(sender.user, wallet.id, approval(sender.passkey, action));
  expect(response.status, JSON.stringify(await response.clone().json())).toBe(200);
  const { transfer } = await json<{ transfer: TransferJson }>(response);
  return settled(sender.user, wallet.id, transfer.id);
}

/** Dfns's transfers of a wallet, as the sandbox lists them. */
async function dfnsTransfers(user: User, walletId: string) {
  const wallet = await app.database.prisma.wallet.findUniqueOrThrow({
    where: { id: walletId },
    include: { dfnsUser: true },
  });
  return withEndUserClient(
    wallet.dfnsUser,
    async (client) =>
      (await client.wallets.listTransfers({ walletId: wallet.dfnsWalletId, query: { limit: 100 } })).items,
  );
}

async function rowsOf(user: AppUser) {
  const prisma = app.database.prisma;
  return {
    transfers: await prisma.transfer.count({ where: { wallet: { dfnsUser: { userId: user.id } } } }),
    pending: await prisma.pendingUserAction.count({ where: { userId: user.id } }),
  };
}

async function withConnection<T>(apiUrl: string, fn: () => Promise<T>): Promise<T> {
  const live = await dfnsConnection();
  setDfnsConnection({ ...live, apiUrl });
  try {
    return await fn();
  } finally {
    setDfnsConnection(live);
  }
}

/**
 * A proxy in front of the sandbox that passes everything, except that it drops the answer to a
 * transfer's completion (POST /wallets/…/transfers with the user action) after Dfns has handled it:
 * what a lost connection or a timeout looks like to the app. `thenUnreachable`: and every request
 * after it too, as if Dfns went down right then.
 */
async function answerLosingProxy(
  target: string,
  { thenUnreachable = false } = {},
): Promise<{ url: string; lostAnswers: () => boolean; close: () => Promise<void> }> {
  const upstream = new URL(target);
  let lost = false;
  const server: Server = createServer((req, res) => {
    // After the lost answer, optionally every later request is cut too: Dfns unreachable.
    if (lost && thenUnreachable) return req.socket.destroy();
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const forward = httpRequest(
        {
          hostname: upstream.hostname,
          port: upstream.port,
          path: req.url,
          method: req.method,
          headers: { ...req.headers, host: upstream.host },
        },
        (answer) => {
          const body: Buffer[] = [];
          answer.on("data", (chunk: Buffer) => body.push(chunk));
          answer.on("end", () => {
            const losesAnswer =
              req.method === "POST" &&
              /\/wallets\/[^/]+\/transfers$/.test(req.url ?? "") &&
              req.headers["x-dfns-useraction"];
            if (losesAnswer) {
              lost = true;
              return req.socket.destroy();
            }
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            res.end(Buffer.concat(body));
          });
        },
      );
      forward.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    lostAnswers: () => lost,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

let alice: User;
let bob: User;
beforeAll(async () => {
  alice = await withAppWallets(await registeredUser(app));
  bob = await withAppWallets(await registeredUser(app));
  await faucet(walletOf(alice, "EthereumSepolia"), "native");
  await faucet(walletOf(alice, "EthereumSepolia"), "token");
  await faucet(walletOf(alice, "SolanaDevnet"), "native");
});

describe("sending value", () => {
  it("sends ETH to another user's address: Confirmed with a hash, the sender pays amount + fee exactly, the receiver sees it", async () => {
    const from = walletOf(alice, "EthereumSepolia");
    const to = walletOf(bob, "EthereumSepolia");
    const [aliceBefore, bobBefore] = [await balance(alice.user, from, "Native"), await balance(bob.user, to, "Native")];

    const transfer = await send(alice, from, { asset: "native", to: to.address, amount: "0.0125", priority: "Fast" });
    expect(transfer).toMatchObject({
      status: "Confirmed",
      amount: "12500000000000000",
      formattedAmount: "0.0125",
      to: to.address,
      priority: "Fast",
      explorerUrl: null,
    });
    expect(transfer.txHash).toMatch(/^0x[0-9a-f]{64}$/);
    expect(BigInt(transfer.fee ?? "0")).toBeGreaterThan(0n);

    expect(await balance(alice.user, from, "Native")).toBe(
      aliceBefore - 12_500_000_000_000_000n - BigInt(transfer.fee!),
    );
    expect(await balance(bob.user, to, "Native")).toBe(bobBefore + 12_500_000_000_000_000n);

    // Bob did nothing: his activity shows the incoming transfer from Alice.
    const activity = await json<{
      items: { direction: string; counterparty: string; amount: string; txHash: string; status: string }[];
    }>(await app.call(activityRoute, bob.user, { method: "GET", params: { walletId: to.id } }));
    expect(activity.items.find((i) => i.txHash === transfer.txHash)).toMatchObject({
      direction: "In",
      amount: "0.0125",
      status: "Confirmed",
    });
    expect(activity.items.find((i) => i.txHash === transfer.txHash)?.counterparty.toLowerCase()).toBe(
      from.address.toLowerCase(),
    );
    // And Alice's shows it once, as hers.
    const mine = await json<{ items: { transferId: string | null; direction: string }[] }>(
      await app.call(activityRoute, alice.user, { method: "GET", params: { walletId: from.id } }),
    );
    expect(mine.items.filter((i) => i.transferId === transfer.id)).toEqual([
      expect.objectContaining({ direction: "Out" }),
    ]);

    const row = await app.database.prisma.transfer.findUniqueOrThrow({ where: { id: transfer.id } });
    expect(row).toMatchObject({ status: "Confirmed", txHash: transfer.txHash, fee: transfer.fee, kind: "Native" });
    expect(JSON.parse(row.request)).toMatchObject({
      body: {
        kind: "Native",
        to: to.address,
        amount: "12500000000000000",
        priority: "Fast",
        externalId: row.externalId,
      },
    });
    expect(
      (await dfnsTransfers(alice, from.id)).filter(
        (t) => t.externalId === row.externalId || t.requestBody.externalId === row.externalId,
      ),
    ).toHaveLength(1);
  });

  it("sends a token (6 decimals): the token balance moves by the amount, the sender's native balance by the fee only", async () => {
    const from = walletOf(alice, "EthereumSepolia");
    const to = walletOf(bob, "EthereumSepolia");
    const token = await tokenOf(alice.user, from);
    expect(token.decimals).toBe(6);
    const nativeBefore = await balance(alice.user, from, "Native");
    const tokenBefore = BigInt(token.balance);

    const transfer = await send(alice, from, { asset: token.id, to: to.address, amount: "1.5" });
    expect(transfer).toMatchObject({ status: "Confirmed", amount: "1500000", symbol: token.symbol });
    expect(BigInt((await tokenOf(alice.user, from)).balance)).toBe(tokenBefore - 1_500_000n);
    expect(BigInt((await tokenOf(bob.user, to)).balance)).toBe(1_500_000n);
    expect(await balance(alice.user, from, "Native")).toBe(nativeBefore - BigInt(transfer.fee!));
  });

  it("sends SOL to another user's Solana address", async () => {
    const from = walletOf(alice, "SolanaDevnet");
    const to = walletOf(bob, "SolanaDevnet");
    const bobBefore = await balance(bob.user, to, "Native");
    const transfer = await send(alice, from, { asset: "native", to: to.address, amount: "0.25" });
    expect(transfer).toMatchObject({ status: "Confirmed", amount: "250000000", priority: null });
    expect(await balance(bob.user, to, "Native")).toBe(bobBefore + 250_000_000n);
  });
});

describe("sending exactly what was approved, once", () => {
  it("sends the stored request: an amount or recipient added to the completion is ignored", async () => {
    const from = walletOf(alice, "EthereumSepolia");
    const to = walletOf(bob, "EthereumSepolia");
    const mallory = "0x000000000000000000000000000000000000dEaD";
    const bobBefore = await balance(bob.user, to, "Native");
    const { action, transfer } = await started(alice.user, from.id, {
      asset: "native",
      to: to.address,
      amount: "0.001",
    });
    const response = await complete(alice.user, from.id, {
      ...approval(alice.passkey, action),
      amount: "0.5",
      to: mallory,
      walletId: "other",
    });
    expect(response.status).toBe(200);
    const done = await settled(alice.user, from.id, transfer.id);
    expect(done).toMatchObject({ status: "Confirmed", amount: "1000000000000000", to: to.address });
    expect(await balance(bob.user, to, "Native")).toBe(bobBefore + 1_000_000_000_000_000n);
    const dfns = (await dfnsTransfers(alice, from.id)).find((t) => t.txHash === done.txHash);
    expect(dfns?.requestBody).toMatchObject({ to: to.address, amount: "1000000000000000" });
  });

  it("20 parallel completions of one approval: one succeeds, one transfer reaches the chain", async () => {
    const from = walletOf(alice, "EthereumSepolia");
    const to = walletOf(bob, "EthereumSepolia");
    const bobBefore = await balance(bob.user, to, "Native");
    const { action, transfer } = await started(alice.user, from.id, {
      asset: "native",
      to: to.address,
      amount: "0.002",
    });
    const body = approval(alice.passkey, action);
    const responses = await Promise.all(Array.from({ length: 20 }, () => complete(alice.user, from.id, body)));
    expect(responses.map((r) => r.status).sort()).toEqual([200, ...Array(19).fill(404)]);
    await settled(alice.user, from.id, transfer.id);
    expect(await balance(bob.user, to, "Native")).toBe(bobBefore + 2_000_000_000_000_000n);
    const externalId = (await app.database.prisma.transfer.findUniqueOrThrow({ where: { id: transfer.id } }))
      .externalId;
    expect(
      (await dfnsTransfers(alice, from.id)).filter(
        (t) => t.requestBody.externalId === externalId || t.externalId === externalId,
      ),
    ).toHaveLength(1);
  });

  it("a lost answer is found at Dfns by externalId, not sent again", async () => {
    const from = walletOf(alice, "EthereumSepolia");
    const to = walletOf(bob, "EthereumSepolia");
    const bobBefore = await balance(bob.user, to, "Native");
    const { action, transfer } = await started(alice.user, from.id, {
      asset: "native",
      to: to.address,
      amount: "0.003",
    });
    const proxy = await answerLosingProxy(app.sandboxUrl);
    try {
      // The completion's answer never arrives; the app looks the transfer up and answers with it.
      const response = await withConnection(proxy.url, () =>
        complete(alice.user, from.id, approval(alice.passkey, action)),
      );
      expect(proxy.lostAnswers()).toBe(true);
      expect(response.status).toBe(200);
      expect((await json<{ transfer: TransferJson }>(response)).transfer.id).toBe(transfer.id);
    } finally {
      await proxy.close();
    }
    // A retry of the same approval sends nothing.
    expect((await complete(alice.user, from.id, approval(alice.passkey, action))).status).toBe(404);
    expect(await settled(alice.user, from.id, transfer.id)).toMatchObject({ status: "Confirmed" });
    expect(await balance(bob.user, to, "Native")).toBe(bobBefore + 3_000_000_000_000_000n);
    const row = await app.database.prisma.transfer.findUniqueOrThrow({ where: { id: transfer.id } });
    expect(
      (await dfnsTransfers(alice, from.id)).filter((t) => t.requestBody.externalId === row.externalId),
    ).toHaveLength(1);
  });

  it("a lost answer with Dfns then unreachable: 502 in words with the transfer's id; the status route finds it later", async () => {
    const from = walletOf(alice, "EthereumSepolia");
    const to = walletOf(bob, "EthereumSepolia");
    const { action, transfer } = await started(alice.user, from.id, {
      asset: "native",
      to: to.address,
      amount: "0.004",
    });
    const proxy = await answerLosingProxy(app.sandboxUrl, { thenUnreachable: true });
    let response: Response;
    try {
      response = await withConnection(proxy.url, () => complete(alice.user, from.id, approval(alice.passkey, action)));
      expect(proxy.lostAnswers()).toBe(true);
    } finally {
      await proxy.close();
    }
    expect(response.status).toBe(502);
    const body = await json<ErrorJson>(response);
    expect(body.error.message).toMatch(/didn't get its answer.*Don't send it again/);
    expect(body.error).toMatchObject({ code: "transfer_unconfirmed", details: { transferId: transfer.id } });
    expect((await app.database.prisma.transfer.findUniqueOrThrow({ where: { id: transfer.id } })).status).toBe(
      "Submitting",
    );

    expect(await settled(alice.user, from.id, transfer.id)).toMatchObject({ status: "Confirmed" });
  });
});

describe("refusing what cannot be sent, in words, storing nothing", () => {
  it("400 naming the field for a bad recipient, amount or asset", async () => {
    const from = walletOf(alice, "EthereumSepolia");
    const bobs = walletOf(bob, "EthereumSepolia").address;
    const before = await rowsOf(alice.user);
    const checksum = `0x${bobs.slice(2).toLowerCase()}`.replace(/[a-f]/, (c) => c.toUpperCase());
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ asset: "native", to: "0x1234", amount: "0.1" }, "to", /40 hex characters/],
      [
        { asset: "native", to: walletOf(bob, "SolanaDevnet").address, amount: "0.1" },
        "to",
        /not a Ethereum Sepolia address/,
      ],
      [{ asset: "native", to: bobs, amount: "0.1234567891234567891" }, "amount", /18 decimals at most/],
      [{ asset: "native", to: bobs, amount: "0" }, "amount", /greater than zero/],
      [{ asset: "native", to: bobs, amount: "-1" }, "amount", /greater than zero/],
      [{ asset: "native", to: bobs, amount: "1e3" }, "amount", /as a number/],
      [{ asset: "native", to: bobs, amount: "1000000" }, "amount", /more than your balance/],
      [
        { asset: "Erc20:0x0000000000000000000000000000000000000001", to: bobs, amount: "1" },
        "asset",
        /doesn't hold that asset/,
      ],
    ];
    if (checksum !== bobs.toLowerCase())
      cases.push([{ asset: "native", to: checksum, amount: "0.1" }, "to", /checksum/]);
    for (const [body, field, message] of cases) {
      const response = await begin(alice.user, from.id, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      const error = (await json<ErrorJson>(response)).error;
      expect(error.field, JSON.stringify(body)).toBe(field);
      expect(error.message).toMatch(message);
    }
    const missing = await begin(alice.user, from.id, { asset: "native", to: bobs });
    expect(missing.status).toBe(400);
    expect((await json<ErrorJson>(missing)).error.issues?.map((i) => i.path)).toEqual(["amount"]);
    expect(await rowsOf(alice.user)).toEqual(before);
  });

  it("502 in words when Dfns is unreachable, storing nothing; balances say refreshed: false", async () => {
    const from = walletOf(alice, "EthereumSepolia");
    const before = await rowsOf(alice.user);
    const response = await withConnection("http://127.0.0.1:9", () =>
      begin(alice.user, from.id, { asset: "native", to: walletOf(bob, "EthereumSepolia").address, amount: "0.01" }),
    );
    expect(response.status).toBe(502);
    expect((await json<ErrorJson>(response)).error.message).toMatch(
      /^Dfns could not be reached to prepare the transfer/,
    );
    expect(await rowsOf(alice.user)).toEqual(before);
    expect(await withConnection("http://127.0.0.1:9", () => assetsOf(alice.user, from))).toEqual({
      assets: [],
      refreshed: false,
    });
  });

  it("a completion Dfns never received becomes Failed once its approval can no longer arrive", async () => {
    const from = walletOf(alice, "EthereumSepolia");
    const { action, transfer } = await started(alice.user, from.id, {
      asset: "native",
      to: walletOf(bob, "EthereumSepolia").address,
      amount: "0.005",
    });
    const response = await withConnection("http://127.0.0.1:9", () =>
      complete(alice.user, from.id, approval(alice.passkey, action)),
    );
    expect(response.status).toBe(502);
    expect((await json<ErrorJson>(response)).error).toMatchObject({
      code: "transfer_unconfirmed",
      details: { transferId: transfer.id },
    });
    // Dfns answers again and has no such transfer: still Submitting while its approval could arrive…
    const first = await json<{ transfer: TransferJson }>(await status(alice.user, from.id, transfer.id));
    expect(first.transfer.status).toBe("Submitting");
    // …Failed once it cannot.
    await app.database.prisma.transfer.update({
      where: { id: transfer.id },
      data: { submittedAt: new Date(Date.now() - NEVER_RECEIVED_AFTER_MS - 1000) },
    });
    const later = await json<{ transfer: TransferJson }>(await status(alice.user, from.id, transfer.id));
    expect(later.transfer).toMatchObject({ status: "Failed", reason: expect.stringMatching(/never received/) });
  });
});

describe("transfers never approved", () => {
  it("are not in the activity, and are forgotten once their approval is long expired", async () => {
    const from = walletOf(alice, "EthereumSepolia");
    const to = walletOf(bob, "EthereumSepolia").address;
    const { transfer: old } = await started(alice.user, from.id, { asset: "native", to, amount: "0.0002" });
    const { transfer: recent } = await started(alice.user, from.id, { asset: "native", to, amount: "0.0003" });
    const activity = await json<{ items: { transferId: string | null }[] }>(
      await app.call(activityRoute, alice.user, { method: "GET", params: { walletId: from.id } }),
    );
    expect(activity.items.map((i) => i.transferId)).not.toContain(old.id);
    await app.database.prisma.transfer.update({
      where: { id: old.id },
      data: { createdAt: new Date(Date.now() - UNAPPROVED_KEPT_MS - 1000) },
    });
    await started(alice.user, from.id, { asset: "native", to, amount: "0.0004" });
    expect(await app.database.prisma.transfer.count({ where: { id: old.id } })).toBe(0);
    expect(await app.database.prisma.transfer.count({ where: { id: recent.id } })).toBe(1);
  });
});

describe("what Dfns refuses or the chain fails", () => {
  it("an approval Dfns rejects: 403, the transfer row removed, nothing sent", async () => {
    const from = walletOf(alice, "EthereumSepolia");
    const to = walletOf(bob, "EthereumSepolia");
    const bobBefore = await balance(bob.user, to, "Native");
    const { action, transfer } = await started(alice.user, from.id, {
      asset: "native",
      to: to.address,
      amount: "0.006",
    });
    const { assertion } = approval(alice.passkey, action);
    const forged = {
      ...assertion,
      signature: Buffer.from(assertion.signature, "base64url").reverse().toString("base64url"),
    };
    const response = await complete(alice.user, from.id, { actionId: action.id, assertion: forged });
    expect(response.status).toBe(403);
    expect((await json<ErrorJson>(response)).error.message).toMatch(/Dfns did not accept the passkey's approval/);
    expect(await app.database.prisma.transfer.count({ where: { id: transfer.id } })).toBe(0);
    expect(await balance(bob.user, to, "Native")).toBe(bobBefore);
  });

  it("a transfer the chain cannot pay the fee for ends Failed with Dfns's reason, and says so in the activity", async () => {
    const carol = await withAppWallets(await registeredUser(app));
    const from = walletOf(carol, "EthereumSepolia");
    await faucet(from, "native");
    const all = (await assetsOf(carol.user, from)).assets.find((a) => a.kind === "Native")!;
    const transfer = await send(carol, from, {
      asset: "native",
      to: walletOf(bob, "EthereumSepolia").address,
      amount: all.formatted,
    });
    expect(transfer.status).toBe("Failed");
    expect(transfer.reason).toBeTruthy();
    expect(await balance(carol.user, from, "Native")).toBe(BigInt(all.balance));
    const activity = await json<{ items: { transferId: string | null; status: string; reason: string | null }[] }>(
      await app.call(activityRoute, carol.user, { method: "GET", params: { walletId: from.id } }),
    );
    expect(activity.items.find((i) => i.transferId === transfer.id)).toMatchObject({
      status: "Failed",
      reason: transfer.reason,
    });
  });
});

describe("only the user's own wallets and transfers", () => {
  it("answers another user's wallet or transfer id like an unknown one (404) on every route, changing nothing", async () => {
    const bobsWallet = walletOf(bob, "EthereumSepolia");
    const alicesWallet = walletOf(alice, "EthereumSepolia");
    const { action, transfer } = await started(bob.user, bobsWallet.id, {
      asset: "native",
      to: alicesWallet.address,
      amount: "0.0001",
    }).catch(async () => {
      await faucet(bobsWallet, "native");
      return started(bob.user, bobsWallet.id, { asset: "native", to: alicesWallet.address, amount: "0.0001" });
    });
    const before = { alice: await rowsOf(alice.user), bob: await rowsOf(bob.user) };
    const responses = [
      await app.call(assetsRoute, alice.user, { method: "GET", params: { walletId: bobsWallet.id } }),
      await app.call(activityRoute, alice.user, { method: "GET", params: { walletId: bobsWallet.id } }),
      await begin(alice.user, bobsWallet.id, { asset: "native", to: alicesWallet.address, amount: "0.0001" }),
      await complete(alice.user, bobsWallet.id, approval(alice.passkey, action)),
      await complete(alice.user, alicesWallet.id, approval(alice.passkey, action)),
      await status(alice.user, bobsWallet.id, transfer.id),
      await status(alice.user, alicesWallet.id, transfer.id),
      await status(alice.user, alicesWallet.id, "no-such-transfer"),
    ];
    expect(responses.map((r) => r.status)).toEqual(Array(responses.length).fill(404));
    expect({ alice: await rowsOf(alice.user), bob: await rowsOf(bob.user) }).toEqual(before);
    // Bob's approval is still his to use.
    expect((await complete(bob.user, bobsWallet.id, approval(bob.passkey, action))).status).toBe(200);
  });

  it("401 without a session", async () => {
    const wallet = walletOf(alice, "EthereumSepolia");
    expect((await app.call(assetsRoute, null, { method: "GET", params: { walletId: wallet.id } })).status).toBe(401);
    expect((await begin(null as unknown as AppUser, wallet.id, {})).status).toBe(401);
  });
});
