import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { Address } from "viem";
import { TOKEN_ADDRESS } from "@/lib/sandbox/chain/evm/token";
import { chainDirFor } from "@/lib/sandbox";
import { emptyDatabaseUrl } from "@/lib/testing/database";
import { descendants } from "@/lib/testing/process-tree";
import { faucet, settled, walletOn } from "./chain-helpers";
import { registerUser, startSandbox, type Harness, type RegisteredUser } from "./harness";

const EVM = "EthereumSepolia";
const SOLANA = "SolanaDevnet";
const anvils = () => descendants(process.pid).filter((p) => p.name === "anvil");

let folder: string;
afterAll(async () => {
  if (folder) await rm(folder, { recursive: true, force: true });
});

/** Everything a user can read about one wallet's value, through the SDK. */
async function snapshot(user: RegisteredUser, network: string) {
  const walletId = walletOn(user, network).id;
  const [assets, transfers, history] = await Promise.all([
    user.client.wallets.getWalletAssets({ walletId }),
    user.client.wallets.listTransfers({ walletId, query: { limit: 500 } }),
    user.client.wallets.getWalletHistory({ walletId, query: { limit: 500 } }),
  ]);
  return { assets: assets.assets, transfers: transfers.items, history: history.items };
}

describe("local chains across a restart", () => {
  it("keeps balances, transfers and history when the sandbox and its chains are closed and reopened on the same data", async () => {
    folder = await mkdtemp(path.join(tmpdir(), "sandbox-restart-"));
    // PGlite in a folder, or a new database on the PostgreSQL test server: both can be reopened.
    const databaseUrl = process.env.TEST_DATABASE_URL ? await emptyDatabaseUrl() : path.join(folder, "pglite");
    const chainDir = process.env.TEST_DATABASE_URL ? path.join(folder, "chain") : chainDirFor(databaseUrl)!;
    const before = anvils().length;

    let h: Harness = await startSandbox({ databaseUrl, chainDir });
    const [alice, bob] = await Promise.all([registerUser(h, [EVM, SOLANA]), registerUser(h, [EVM, SOLANA])]);
    const evmFrom = walletOn(alice, EVM);
    const solFrom = walletOn(alice, SOLANA);
    await faucet(h, EVM, evmFrom.address, "native");
    await faucet(h, EVM, evmFrom.address, "token");
    await faucet(h, SOLANA, solFrom.address, "native");
    const sent = await Promise.all([
      alice.client.wallets.transferAsset({
        walletId: evmFrom.id,
        body: { kind: "Native", to: walletOn(bob, EVM).address, amount: "123456789" },
      }),
      alice.client.wallets.transferAsset({
        walletId: evmFrom.id,
        body: { kind: "Erc20", contract: TOKEN_ADDRESS, to: walletOn(bob, EVM).address, amount: "1500000" },
      }),
      alice.client.wallets.transferAsset({
        walletId: solFrom.id,
        body: { kind: "Native", to: walletOn(bob, SOLANA).address, amount: "2000000" },
      }),
    ]);
    await settled(alice, evmFrom.id, sent[0].id);
    await settled(alice, evmFrom.id, sent[1].id);
    await settled(alice, solFrom.id, sent[2].id);
    const state = {
      aliceEvm: await snapshot(alice, EVM),
      bobEvm: await snapshot(bob, EVM),
      aliceSol: await snapshot(alice, SOLANA),
      bobSol: await snapshot(bob, SOLANA),
    };
    expect(state.bobEvm.history).toHaveLength(2);
    expect(state.bobSol.history).toHaveLength(1);
    expect(anvils().length).toBe(before + 1);

    await h.close();
    expect(anvils().length).toBe(before); // the anvil it started is gone

    h = await startSandbox({ databaseUrl, chainDir, port: Number(new URL(h.url).port) });
    try {
      // Same users, same tokens: the database was reopened too.
      expect({
        aliceEvm: await snapshot(alice, EVM),
        bobEvm: await snapshot(bob, EVM),
        aliceSol: await snapshot(alice, SOLANA),
        bobSol: await snapshot(bob, SOLANA),
      }).toEqual(state);
      // The chain goes on from where it was: the next transfer from the same account (next nonce).
      const evm = await h.chains.evm(EVM);
      const nonce = await evm.client.getTransactionCount({ address: evmFrom.address as Address });
      expect(nonce).toBe(2);
      const again = await alice.client.wallets.transferAsset({
        walletId: evmFrom.id,
        body: { kind: "Native", to: walletOn(bob, EVM).address, amount: "1" },
      });
      expect((await settled(alice, evmFrom.id, again.id)).status).toBe("Confirmed");
      const sol = await alice.client.wallets.transferAsset({
        walletId: solFrom.id,
        body: { kind: "Native", to: walletOn(bob, SOLANA).address, amount: "2000000" },
      });
      expect((await settled(alice, solFrom.id, sol.id)).status).toBe("Confirmed");
    } finally {
      await h.close();
    }
    expect(anvils().length).toBe(before);
  }, 120_000);
});
