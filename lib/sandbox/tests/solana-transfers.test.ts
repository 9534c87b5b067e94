import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { faucet, settled, walletOn } from "./chain-helpers";
import { dfnsError, registerUser, startSandbox, type Harness, type RegisteredUser } from "./harness";

const NETWORK = "SolanaDevnet";
const SOL = 1_000_000_000n;
let h: Harness;
let alice: RegisteredUser;
let bob: RegisteredUser;
let aliceAddress: string;
let bobAddress: string;

beforeAll(async () => {
  h = await startSandbox();
  [alice, bob] = await Promise.all([registerUser(h, [NETWORK]), registerUser(h, [NETWORK])]);
  aliceAddress = walletOn(alice, NETWORK).address;
  bobAddress = walletOn(bob, NETWORK).address;
});
afterAll(async () => h?.close());

const chain = () => h.chains.solana(NETWORK);
const aliceWallet = () => walletOn(alice, NETWORK).id;

describe("Solana on LiteSVM", () => {
  it("faucet: LiteSVM's airdrop credits exactly 1 SOL", async () => {
    const c = await chain();
    const result = await faucet(h, NETWORK, aliceAddress, "native");
    expect(result.amount).toBe(SOL.toString());
    expect(result.txHash).toMatch(/^[1-9A-HJ-NP-Za-km-z]{64,88}$/);
    expect(c.balance(aliceAddress)).toBe(SOL);
  });

  it("a Native transfer is a system-program transaction signed by the wallet's key: exact amount, fee from the VM", async () => {
    const c = await chain();
    const [senderBefore, receiverBefore] = [c.balance(aliceAddress), c.balance(bobAddress)];
    const amount = 250_000_000n;
    const sent = await alice.client.wallets.transferAsset({
      walletId: aliceWallet(),
      body: { kind: "Native", to: bobAddress, amount: amount.toString() },
    });
    expect(sent).toMatchObject({
      status: "Broadcasted",
      network: NETWORK,
      metadata: { asset: { symbol: "SOL", decimals: 9 } },
    });
    const done = await settled(alice, aliceWallet(), sent.id);
    expect(done).toMatchObject({ status: "Confirmed", txHash: sent.txHash, fee: "5000" });
    expect(c.balance(aliceAddress)).toBe(senderBefore - amount - 5000n);
    expect(c.balance(bobAddress)).toBe(receiverBefore + amount);
  });

  it("insufficient balance: accepted, Failed with a reason, nothing executed", async () => {
    const c = await chain();
    const before = c.balance(aliceAddress);
    const sent = await alice.client.wallets.transferAsset({
      walletId: aliceWallet(),
      body: { kind: "Native", to: bobAddress, amount: before.toString() },
    });
    expect(sent).toMatchObject({ status: "Failed", reason: expect.stringMatching(/Insufficient balance/) });
    expect(c.balance(aliceAddress)).toBe(before);
  });

  it("a transfer the chain refuses (below the rent-exempt minimum for a new account) ends Failed with the program's words", async () => {
    const c = await chain();
    const fresh = walletOn(await registerUser(h, [NETWORK]), NETWORK).address;
    const before = c.balance(aliceAddress);
    const sent = await alice.client.wallets.transferAsset({
      walletId: aliceWallet(),
      body: { kind: "Native", to: fresh, amount: "1" },
    });
    const done = await settled(alice, aliceWallet(), sent.id);
    expect(done.status).toBe("Failed");
    expect(done.reason).toBeTruthy();
    expect(c.balance(fresh)).toBe(0n);
    expect(c.balance(aliceAddress)).toBe(before - BigInt(done.fee!)); // the fee is still paid, as on Solana
  });

  it.each([
    ["an EVM address", { to: "0x000000000000000000000000000000000000dead", amount: "1" }, /Solana address/],
    ["a 31-byte key", { to: "1111111111111111111111111111111", amount: "1" }, /Solana address/],
    [
      "a priority (EVM only)",
      { to: "GmaDrppBC7P5ARKV8g3djiwP89vz1jLK23V2GBjuAEGB", amount: "1", priority: "Fast" },
      /priority/,
    ],
    [
      "an Erc20 kind",
      {
        kind: "Erc20",
        contract: "0x5fbdb2315678afecb367f032d93f642f64180aa3",
        to: "GmaDrppBC7P5ARKV8g3djiwP89vz1jLK23V2GBjuAEGB",
        amount: "1",
      },
      /EVM network/,
    ],
    [
      "an Spl kind",
      {
        kind: "Spl",
        mint: "GmaDrppBC7P5ARKV8g3djiwP89vz1jLK23V2GBjuAEGB",
        to: "GmaDrppBC7P5ARKV8g3djiwP89vz1jLK23V2GBjuAEGB",
        amount: "1",
      },
      /not supported/,
    ],
  ])("%s is a 400 and changes nothing", async (_, body, message) => {
    const c = await chain();
    const before = c.balance(aliceAddress);
    const error = await dfnsError(() =>
      alice.client.wallets.transferAsset({ walletId: aliceWallet(), body: { kind: "Native", ...body } as never }),
    );
    expect(error.httpStatus).toBe(400);
    expect(error.message).toMatch(message);
    expect(c.balance(aliceAddress)).toBe(before);
  });

  it("assets are the VM's balance; history shows Out for the sender and In for the receiver", async () => {
    const c = await chain();
    const assets = await alice.client.wallets.getWalletAssets({ walletId: aliceWallet() });
    expect(assets.assets).toEqual([
      { kind: "Native", symbol: "SOL", decimals: 9, verified: true, balance: c.balance(aliceAddress).toString() },
    ]);

    const sent = await alice.client.wallets.transferAsset({
      walletId: aliceWallet(),
      body: { kind: "Native", to: bobAddress, amount: "1000000" },
    });
    const history = await alice.client.wallets.getWalletHistory({ walletId: aliceWallet() });
    expect(history.items[0]).toMatchObject({
      direction: "Out",
      kind: "NativeTransfer",
      txHash: sent.txHash,
      from: aliceAddress,
      to: bobAddress,
      value: "1000000",
      fee: "5000",
      metadata: { asset: { symbol: "SOL", decimals: 9 } },
    });
    // Oldest: the airdrop (no sender). Failed transactions moved nothing and are not listed.
    expect(history.items.at(-1)).toMatchObject({ direction: "In", value: SOL.toString() });
    expect(history.items.map((i) => i.direction)).toEqual(["Out", "Out", "In"]);
    const incoming = await bob.client.wallets.getWalletHistory({ walletId: walletOn(bob, NETWORK).id });
    const value = (item: object) => (item as { value?: string }).value;
    expect(incoming.items.map((i) => [i.direction, value(i)])).toEqual([
      ["In", "1000000"],
      ["In", "250000000"],
    ]);
    const page = await bob.client.wallets.getWalletHistory({
      walletId: walletOn(bob, NETWORK).id,
      query: { limit: 1 },
    });
    const next = await bob.client.wallets.getWalletHistory({
      walletId: walletOn(bob, NETWORK).id,
      query: { limit: 1, paginationToken: page.nextPageToken },
    });
    expect([value(page.items[0]!), value(next.items[0]!), next.nextPageToken]).toEqual([
      "1000000",
      "250000000",
      undefined,
    ]);
  });
});
