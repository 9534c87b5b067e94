import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Address, Hex } from "viem";
import { TOKEN_ADDRESS } from "@/lib/sandbox/chain/evm/token";
import { descendants } from "@/lib/testing/process-tree";
import { faucet, settled, walletOn } from "./chain-helpers";
import { dfnsError, raw, registerUser, startSandbox, type Harness, type RegisteredUser } from "./harness";

const NETWORK = "EthereumSepolia";
const ETH = 10n ** 18n;
let h: Harness;
let alice: RegisteredUser;
let bob: RegisteredUser;
let aliceAddress: Address;
let bobAddress: Address;

beforeAll(async () => {
  h = await startSandbox();
  [alice, bob] = await Promise.all([registerUser(h, [NETWORK]), registerUser(h, [NETWORK])]);
  aliceAddress = walletOn(alice, NETWORK).address as Address;
  bobAddress = walletOn(bob, NETWORK).address as Address;
  await faucet(h, NETWORK, aliceAddress, "native");
  await faucet(h, NETWORK, aliceAddress, "token");
});
afterAll(async () => {
  await h?.close();
  // Every anvil this file started ended with the sandbox.
  expect(descendants(process.pid).filter((p) => p.name === "anvil")).toEqual([]);
});

const chain = () => h.chains.evm(NETWORK);
const aliceWallet = () => walletOn(alice, NETWORK).id;

describe("the local EVM chain", () => {
  it("runs with the network's real chain id and the test token at its fixed address", async () => {
    const c = await chain();
    expect(await c.client.getChainId()).toBe(11155111);
    expect(await c.client.getCode({ address: TOKEN_ADDRESS })).toMatch(/^0x[0-9a-f]{100,}/);
    expect(new URL(c.rpcUrl).hostname).toBe("127.0.0.1");
  });

  it("faucet: credits exactly 1 ETH and 100 SUSD with real transactions", async () => {
    const c = await chain();
    const fresh = walletOn(await registerUser(h, [NETWORK]), NETWORK).address as Address;
    const native = await faucet(h, NETWORK, fresh, "native");
    const token = await faucet(h, NETWORK, fresh, "token");
    expect(native.amount).toBe(ETH.toString());
    expect(token.amount).toBe("100000000");
    expect(await c.balance(fresh)).toBe(ETH);
    expect(await c.tokenBalance(fresh)).toBe(100_000_000n);
    expect((await c.receipt(native.txHash as Hex))?.status).toBe("success");
    expect((await c.receipt(token.txHash as Hex))?.status).toBe("success");
  });
});

describe("Native transfers", () => {
  it("broadcasts, then confirms once the receipt exists; the sender pays amount + gasUsed × effectiveGasPrice", async () => {
    const c = await chain();
    const [senderBefore, receiverBefore] = await Promise.all([c.balance(aliceAddress), c.balance(bobAddress)]);
    const amount = 12_345_678_900_000n;
    const sent = await alice.client.wallets.transferAsset({
      walletId: aliceWallet(),
      body: { kind: "Native", to: bobAddress, amount: amount.toString(), priority: "Fast" },
    });
    expect(sent).toMatchObject({
      walletId: aliceWallet(),
      network: NETWORK,
      status: "Broadcasted",
      requester: { userId: alice.userId },
      metadata: { asset: { symbol: "ETH", decimals: 18 } },
    });
    expect(sent.id).toMatch(/^xfr-/);
    expect(sent.txHash).toMatch(/^0x[0-9a-f]{64}$/);
    expect(sent.dateBroadcasted).toBeDefined();
    expect(sent.fee).toBeUndefined();

    const done = await settled(alice, aliceWallet(), sent.id);
    expect(done.status).toBe("Confirmed");
    const receipt = (await c.receipt(sent.txHash as Hex))!;
    const fee = receipt.gasUsed * receipt.effectiveGasPrice;
    expect(done.fee).toBe(fee.toString());
    expect(Date.parse(done.dateConfirmed!)).toBeGreaterThanOrEqual(Date.parse(done.dateBroadcasted!));
    expect(Date.parse(done.dateBroadcasted!)).toBeGreaterThanOrEqual(Date.parse(done.dateRequested));
    expect(await c.balance(aliceAddress)).toBe(senderBefore - amount - fee);
    expect(await c.balance(bobAddress)).toBe(receiverBefore + amount);
    // Fast pays the 2 gwei tip.
    const tx = await c.client.getTransaction({ hash: sent.txHash as Hex });
    expect(tx.maxPriorityFeePerGas).toBe(2_000_000_000n);
    expect(tx.from.toLowerCase()).toBe(aliceAddress);
  });

  it("accepts a checksummed (EIP-55) destination", async () => {
    const { getAddress } = await import("viem");
    const sent = await alice.client.wallets.transferAsset({
      walletId: aliceWallet(),
      body: { kind: "Native", to: getAddress(bobAddress), amount: "1000" },
    });
    expect((await settled(alice, aliceWallet(), sent.id)).status).toBe("Confirmed");
  });

  it("insufficient balance: accepted, then Failed with a reason; nothing is broadcast", async () => {
    const c = await chain();
    const [balance, nonce] = await Promise.all([
      c.balance(aliceAddress),
      c.client.getTransactionCount({ address: aliceAddress }),
    ]);
    const sent = await alice.client.wallets.transferAsset({
      walletId: aliceWallet(),
      body: { kind: "Native", to: bobAddress, amount: (balance + 1n).toString() },
    });
    expect(sent.status).toBe("Failed");
    expect(sent.reason).toMatch(/Insufficient balance/);
    expect(sent.txHash).toBeUndefined();
    expect(await c.balance(aliceAddress)).toBe(balance);
    expect(await c.client.getTransactionCount({ address: aliceAddress })).toBe(nonce);
    expect((await alice.client.wallets.getTransfer({ walletId: aliceWallet(), transferId: sent.id })).status).toBe(
      "Failed",
    );
  });

  it.each([
    ["a short address", { to: "0x1234", amount: "1" }, /destination address \(to\)/],
    ["a wrong EIP-55 checksum", { to: "0x52908400098527886E0F7030069857D2E4169Ee7", amount: "1" }, /checksum/],
    [
      "a Solana address on EVM",
      { to: "GmaDrppBC7P5ARKV8g3djiwP89vz1jLK23V2GBjuAEGB", amount: "1" },
      /destination address \(to\)/,
    ],
    ["amount 0", { to: "0x000000000000000000000000000000000000dead", amount: "0" }, /amount/],
    ["a negative amount", { to: "0x000000000000000000000000000000000000dead", amount: "-5" }, /amount/],
    ["a decimal amount", { to: "0x000000000000000000000000000000000000dead", amount: "1.5" }, /amount/],
    [
      "an unknown priority",
      { to: "0x000000000000000000000000000000000000dead", amount: "1", priority: "Turbo" },
      /priority/,
    ],
  ])("%s is a 400 in Dfns's error shape and changes nothing", async (_, body, message) => {
    const c = await chain();
    const before = await c.balance(aliceAddress);
    const countBefore = (await alice.client.wallets.listTransfers({ walletId: aliceWallet() })).items.length;
    const error = await dfnsError(() =>
      alice.client.wallets.transferAsset({ walletId: aliceWallet(), body: { kind: "Native", ...body } as never }),
    );
    expect(error.httpStatus).toBe(400);
    expect(error.message).toMatch(message);
    expect(error.body).toMatchObject({ error: { status: 400 } });
    expect(await c.balance(aliceAddress)).toBe(before);
    expect((await alice.client.wallets.listTransfers({ walletId: aliceWallet() })).items.length).toBe(countBefore);
  });

  it("refuses a transfer without a user action (403) and another user's wallet (404)", async () => {
    const body = JSON.stringify({ kind: "Native", to: bobAddress, amount: "1" });
    expect((await raw(h, "POST", `/wallets/${aliceWallet()}/transfers`, { token: alice.token, body })).status).toBe(
      403,
    );
    const error = await dfnsError(() =>
      bob.client.wallets.transferAsset({
        walletId: aliceWallet(),
        body: { kind: "Native", to: bobAddress, amount: "1" },
      }),
    );
    expect(error.httpStatus).toBe(404);
  });
});

describe("externalId idempotency", () => {
  it("the same request twice is one transfer, sent once", async () => {
    const c = await chain();
    const nonce = await c.client.getTransactionCount({ address: aliceAddress });
    const body = { kind: "Native" as const, to: bobAddress, amount: "777", externalId: `pay-${Date.now()}` };
    const first = await alice.client.wallets.transferAsset({ walletId: aliceWallet(), body });
    const second = await alice.client.wallets.transferAsset({ walletId: aliceWallet(), body });
    expect(second.id).toBe(first.id);
    expect(second.externalId).toBe(body.externalId);
    expect(await c.client.getTransactionCount({ address: aliceAddress })).toBe(nonce + 1);
  });

  it("10 parallel requests with one externalId make one transfer and one transaction", async () => {
    const c = await chain();
    const nonce = await c.client.getTransactionCount({ address: aliceAddress });
    const body = { kind: "Native" as const, to: bobAddress, amount: "4242", externalId: `parallel-${Date.now()}` };
    const results = await Promise.all(
      Array.from({ length: 10 }, () => alice.client.wallets.transferAsset({ walletId: aliceWallet(), body })),
    );
    expect(new Set(results.map((r) => r.id)).size).toBe(1);
    await settled(alice, aliceWallet(), results[0]!.id);
    expect(await c.client.getTransactionCount({ address: aliceAddress })).toBe(nonce + 1);
    const listed = (
      await alice.client.wallets.listTransfers({ walletId: aliceWallet(), query: { limit: 500 } })
    ).items.filter((t) => t.externalId === body.externalId);
    expect(listed).toHaveLength(1);
  });

  it("the same externalId with another body is a 409 naming the existing transfer", async () => {
    const externalId = `conflict-${Date.now()}`;
    const first = await alice.client.wallets.transferAsset({
      walletId: aliceWallet(),
      body: { kind: "Native", to: bobAddress, amount: "1", externalId },
    });
    const error = await dfnsError(() =>
      alice.client.wallets.transferAsset({
        walletId: aliceWallet(),
        body: { kind: "Native", to: bobAddress, amount: "2", externalId },
      }),
    );
    expect(error.httpStatus).toBe(409);
    expect(error.body).toMatchObject({ error: { details: { duplicate: { id: first.id, externalId } } } });
  });
});

describe("Erc20 transfers", () => {
  it("moves exactly the amount of the test token; the sender pays the gas in ETH", async () => {
    const c = await chain();
    const [tokensBefore, bobTokensBefore, ethBefore] = await Promise.all([
      c.tokenBalance(aliceAddress),
      c.tokenBalance(bobAddress),
      c.balance(aliceAddress),
    ]);
    const sent = await alice.client.wallets.transferAsset({
      walletId: aliceWallet(),
      body: { kind: "Erc20", contract: TOKEN_ADDRESS, to: bobAddress, amount: "2500000" },
    });
    expect(sent).toMatchObject({ status: "Broadcasted", metadata: { asset: { symbol: "SUSD", decimals: 6 } } });
    const done = await settled(alice, aliceWallet(), sent.id);
    expect(done.status).toBe("Confirmed");
    const receipt = (await c.receipt(sent.txHash as Hex))!;
    expect(await c.tokenBalance(aliceAddress)).toBe(tokensBefore - 2_500_000n);
    expect(await c.tokenBalance(bobAddress)).toBe(bobTokensBefore + 2_500_000n);
    expect(await c.balance(aliceAddress)).toBe(ethBefore - receipt.gasUsed * receipt.effectiveGasPrice);
    expect(done.fee).toBe((receipt.gasUsed * receipt.effectiveGasPrice).toString());
  });

  it("more tokens than held: Failed with a reason, nothing sent", async () => {
    const c = await chain();
    const tokens = await c.tokenBalance(aliceAddress);
    const sent = await alice.client.wallets.transferAsset({
      walletId: aliceWallet(),
      body: { kind: "Erc20", contract: TOKEN_ADDRESS, to: bobAddress, amount: (tokens + 1n).toString() },
    });
    expect(sent).toMatchObject({ status: "Failed", reason: expect.stringMatching(/Insufficient balance/) });
    expect(await c.tokenBalance(aliceAddress)).toBe(tokens);
  });

  it("an unknown token contract is a 400", async () => {
    const error = await dfnsError(() =>
      alice.client.wallets.transferAsset({
        walletId: aliceWallet(),
        body: { kind: "Erc20", contract: "0x000000000000000000000000000000000000beef", to: bobAddress, amount: "1" },
      }),
    );
    expect(error.httpStatus).toBe(400);
    expect(error.message).toMatch(/contract/);
  });
});

describe("reading transfers, assets and history", () => {
  it("lists transfers newest first, page by page", async () => {
    const first = await alice.client.wallets.listTransfers({ walletId: aliceWallet(), query: { limit: 2 } });
    expect(first.items).toHaveLength(2);
    expect(first.nextPageToken).toBeDefined();
    const second = await alice.client.wallets.listTransfers({
      walletId: aliceWallet(),
      query: { limit: 2, paginationToken: first.nextPageToken },
    });
    expect(second.items[0]!.id).not.toBe(first.items[1]!.id);
    expect(first.items[0]!.dateRequested >= first.items[1]!.dateRequested).toBe(true);
    expect(
      (
        await dfnsError(() =>
          bob.client.wallets.getTransfer({ walletId: aliceWallet(), transferId: first.items[0]!.id }),
        )
      ).httpStatus,
    ).toBe(404);
  });

  it("assets are the chain's balances", async () => {
    const c = await chain();
    const assets = await alice.client.wallets.getWalletAssets({ walletId: aliceWallet() });
    expect(assets).toMatchObject({ walletId: aliceWallet(), network: NETWORK });
    expect(assets.assets).toEqual([
      {
        kind: "Native",
        symbol: "ETH",
        decimals: 18,
        verified: true,
        balance: (await c.balance(aliceAddress)).toString(),
      },
      {
        kind: "Erc20",
        contract: TOKEN_ADDRESS,
        symbol: "SUSD",
        decimals: 6,
        verified: false,
        balance: (await c.tokenBalance(aliceAddress)).toString(),
      },
    ]);
  });

  it("history: the sender sees Out, the receiver (another user) sees In, native and token, with fees from the receipts", async () => {
    const c = await chain();
    const sent = await alice.client.wallets.transferAsset({
      walletId: aliceWallet(),
      body: { kind: "Native", to: bobAddress, amount: "31337" },
    });
    await settled(alice, aliceWallet(), sent.id);
    const receipt = (await c.receipt(sent.txHash as Hex))!;

    const outgoing = await alice.client.wallets.getWalletHistory({ walletId: aliceWallet() });
    expect(outgoing.items[0]).toMatchObject({
      walletId: aliceWallet(),
      network: NETWORK,
      direction: "Out",
      kind: "NativeTransfer",
      txHash: sent.txHash,
      from: aliceAddress,
      to: bobAddress,
      value: "31337",
      fee: (receipt.gasUsed * receipt.effectiveGasPrice).toString(),
      blockNumber: Number(receipt.blockNumber),
      metadata: { asset: { symbol: "ETH", decimals: 18 } },
    });
    const block = await c.client.getBlock({ blockNumber: receipt.blockNumber });
    expect(outgoing.items[0]!.timestamp).toBe(new Date(Number(block.timestamp) * 1000).toISOString());

    const bobWallet = walletOn(bob, NETWORK).id;
    const incoming = await bob.client.wallets.getWalletHistory({ walletId: bobWallet });
    expect(incoming.items[0]).toMatchObject({
      direction: "In",
      txHash: sent.txHash,
      from: aliceAddress,
      to: bobAddress,
      value: "31337",
    });
    expect(
      incoming.items.some(
        (i) =>
          i.kind === "Erc20Transfer" &&
          i.direction === "In" &&
          "contract" in i &&
          i.contract === TOKEN_ADDRESS &&
          i.value === "2500000",
      ),
    ).toBe(true);
    // The faucet's credits are incoming transfers too (the token's a mint from 0x0).
    const aliceAll = await alice.client.wallets.getWalletHistory({ walletId: aliceWallet(), query: { limit: 500 } });
    expect(
      aliceAll.items
        .filter((i) => i.direction === "In")
        .map((i) => i.kind)
        .sort(),
    ).toEqual(["Erc20Transfer", "NativeTransfer"]);
    // Every Out item is a transfer Alice confirmed on chain (failed ones moved nothing).
    const confirmed = (
      await alice.client.wallets.listTransfers({ walletId: aliceWallet(), query: { limit: 500 } })
    ).items.filter((t) => t.status === "Confirmed");
    expect(
      aliceAll.items
        .filter((i) => i.direction === "Out")
        .map((i) => i.txHash)
        .sort(),
    ).toEqual(confirmed.map((t) => t.txHash).sort());
  });

  it("history pages with limit and paginationToken, and filters by direction", async () => {
    const all = await alice.client.wallets.getWalletHistory({ walletId: aliceWallet(), query: { limit: 500 } });
    const pages: string[] = [];
    let token: string | undefined;
    do {
      const page = await alice.client.wallets.getWalletHistory({
        walletId: aliceWallet(),
        query: { limit: 3, ...(token ? { paginationToken: token } : {}) },
      });
      pages.push(...page.items.map((i) => `${i.txHash}:${i.kind}`));
      token = page.nextPageToken;
    } while (token);
    expect(pages).toEqual(all.items.map((i) => `${i.txHash}:${i.kind}`));
    const incoming = await alice.client.wallets.getWalletHistory({
      walletId: aliceWallet(),
      query: { direction: "In" },
    });
    expect(incoming.items.every((i) => i.direction === "In")).toBe(true);
    expect(
      (await raw(h, "GET", `/wallets/${aliceWallet()}/history?paginationToken=nope`, { token: alice.token })).status,
    ).toBe(400);
    const tokens = await alice.client.wallets.getWalletHistory({
      walletId: aliceWallet(),
      query: { contract: TOKEN_ADDRESS, limit: 500 },
    });
    expect(tokens.items.length).toBeGreaterThan(0);
    expect(tokens.items.length).toBe(all.items.filter((i) => i.kind === "Erc20Transfer").length);
  });

  it("history shows a transaction as soon as it is mined, also right after an earlier read", async () => {
    const walletId = walletOn(bob, NETWORK).id;
    await bob.client.wallets.getWalletHistory({ walletId });
    const credit = await faucet(h, NETWORK, bobAddress, "native");
    const history = await bob.client.wallets.getWalletHistory({ walletId });
    expect(history.items[0]).toMatchObject({ direction: "In", txHash: credit.txHash, value: ETH.toString() });
  });

  it("a wallet on a network without a local chain (Bitcoin) holds nothing and has no history", async () => {
    const carol = await registerUser(h, ["Bitcoin"]);
    const walletId = carol.wallets[0]!.id;
    expect((await carol.client.wallets.getWalletAssets({ walletId })).assets).toEqual([]);
    expect((await carol.client.wallets.getWalletHistory({ walletId })).items).toEqual([]);
    const error = await dfnsError(() =>
      carol.client.wallets.transferAsset({
        walletId,
        body: { kind: "Native", to: "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", amount: "1" },
      }),
    );
    expect(error.httpStatus).toBe(400);
  });
});

describe("another EVM network", () => {
  it("BaseSepolia runs its own chain (id 84532) with the token at the same address; Erc20 and Native transfers confirm", async () => {
    const wallet = await alice.client.wallets.createWallet({ body: { network: "BaseSepolia" } });
    const base = await h.chains.evm("BaseSepolia");
    expect(await base.client.getChainId()).toBe(84532);
    expect(base.rpcUrl).not.toBe((await chain()).rpcUrl);
    await faucet(h, "BaseSepolia", wallet.address!, "native");
    await faucet(h, "BaseSepolia", wallet.address!, "token");
    const token = await alice.client.wallets.transferAsset({
      walletId: wallet.id,
      body: { kind: "Erc20", contract: TOKEN_ADDRESS, to: bobAddress, amount: "1" },
    });
    const coin = await alice.client.wallets.transferAsset({
      walletId: wallet.id,
      body: { kind: "Native", to: bobAddress, amount: "1", priority: "Slow" },
    });
    expect((await settled(alice, wallet.id, token.id)).status).toBe("Confirmed");
    expect((await settled(alice, wallet.id, coin.id)).status).toBe("Confirmed");
    expect(await base.tokenBalance(bobAddress)).toBe(1n);
    expect((await base.client.getTransaction({ hash: coin.txHash as Hex })).maxPriorityFeePerGas).toBe(100_000_000n);
    // Bob's Sepolia wallet shares the address but not the chain: its Sepolia history has no such token credit of 1.
    const sepolia = await bob.client.wallets.getWalletHistory({
      walletId: walletOn(bob, NETWORK).id,
      query: { limit: 500 },
    });
    expect(sepolia.items.some((i) => i.txHash === token.txHash)).toBe(false);
  });
});

describe("a transfer cut off by a restart", () => {
  const row = async (status: string, txHash: string | null, minutesAgo: number) =>
    h.db.prisma.sandboxTransfer.create({
      data: {
        id: `xfr-cut-${Math.random().toString(36).slice(2)}`,
        orgId: (await h.db.prisma.sandboxOrg.findFirstOrThrow()).id,
        walletId: aliceWallet(),
        network: NETWORK,
        requesterUserId: alice.userId,
        requestBody: { kind: "Native", to: bobAddress, amount: "1" },
        asset: { symbol: "ETH", decimals: 18 },
        status,
        txHash,
        dateRequested: new Date(Date.now() - minutesAgo * 60_000),
      },
    });
  const read = (id: string) => alice.client.wallets.getTransfer({ walletId: aliceWallet(), transferId: id });

  it("stays Executing while it may still be in flight", async () => {
    const { id } = await row("Executing", `0x${"ab".repeat(32)}`, 0);
    expect((await read(id)).status).toBe("Executing");
  });

  it("fails after two minutes if the chain never saw its transaction (or it had none)", async () => {
    const unsent = await row("Executing", `0x${"cd".repeat(32)}`, 3);
    expect(await read(unsent.id)).toMatchObject({ status: "Failed", reason: expect.stringMatching(/stopped before/) });
    const unsigned = await row("Pending", null, 3);
    expect((await read(unsigned.id)).status).toBe("Failed");
  });

  it("takes the receipt's outcome if its transaction did reach the chain", async () => {
    const funded = await faucet(h, NETWORK, bobAddress, "native");
    const { id } = await row("Executing", funded.txHash, 3);
    const receipt = (await (await chain()).receipt(funded.txHash as Hex))!;
    expect(await read(id)).toMatchObject({
      status: "Confirmed",
      fee: (receipt.gasUsed * receipt.effectiveGasPrice).toString(),
    });
  });
});

describe("faucet input", () => {
  it.each([
    ["an unknown network", { network: "Nope", address: "0x000000000000000000000000000000000000dead", asset: "native" }],
    ["a network without a local chain", { network: "Bitcoin", address: "bc1qxyz", asset: "native" }],
    ["a bad address", { network: NETWORK, address: "0x12", asset: "native" }],
    ["an unknown asset", { network: NETWORK, address: "0x000000000000000000000000000000000000dead", asset: "gold" }],
    [
      "a token on Solana",
      { network: "SolanaDevnet", address: "GmaDrppBC7P5ARKV8g3djiwP89vz1jLK23V2GBjuAEGB", asset: "token" },
    ],
  ])("%s is a 400 JSON error", async (_, body) => {
    const response = await raw(h, "POST", "/sandbox/faucet", { body: JSON.stringify(body) });
    expect(response.status).toBe(400);
    expect(response.body.error?.message).toBeTruthy();
  });

  it("serves a self-contained HTML page with native and token buttons", async () => {
    const response = await fetch(`${h.url}/sandbox/faucet?network=${NETWORK}&address=${aliceAddress}`);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/text\/html/);
    const html = await response.text();
    expect(html).toContain('data-asset="native"');
    expect(html).toContain('data-asset="token"');
    expect(html).toContain(aliceAddress);
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=/);
    expect((await fetch(`${h.url}/sandbox/faucet?network=${NETWORK}&address=%3Cscript%3E`)).status).toBe(400);
  });
});
