import { TOKEN, TOKEN_ADDRESS } from "../chain/evm/token";
import { badRequest } from "../errors";
import type { Sandbox } from "../sandbox";
import type { NetworkSpec } from "../wallets";
import { nativeAsset } from "./request";

interface Movement {
  /** Position on the chain, newest highest: the page cursor. */
  key: string;
  item: Record<string, unknown> & { direction: "In" | "Out"; kind: string };
}

export interface HistoryQuery {
  limit: number;
  paginationToken?: string;
  direction?: "In" | "Out";
  kind?: string;
  /** Token transfers of this contract only. */
  contract?: string;
}

/**
 * `GetWalletHistoryResponse`: incoming and outgoing native and token transfers of the wallet's
 * address, newest first. EVM: read from the chain (blocks, receipts, the token's Transfer logs).
 * Solana: from the record of what the local VM executed (it has no index by address).
 */
export async function walletHistory(
  sandbox: Sandbox,
  spec: NetworkSpec,
  wallet: { id: string; address: string },
  query: HistoryQuery,
) {
  const movements =
    spec.family === "evm" ? await evmMovements(sandbox, spec, wallet) : await solanaMovements(sandbox, spec, wallet);
  const filtered = movements
    .filter(
      (m) => (!query.direction || m.item.direction === query.direction) && (!query.kind || m.item.kind === query.kind),
    )
    .filter((m) => !query.contract || m.item.contract === query.contract)
    .sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : 0));
  let start = 0;
  if (query.paginationToken) {
    start = filtered.findIndex((m) => m.key === query.paginationToken) + 1;
    if (start === 0)
      throw badRequest("Invalid paginationToken: use the nextPageToken of the previous page", {
        field: "paginationToken",
      });
  }
  const items = filtered.slice(start, start + query.limit);
  const more = start + query.limit < filtered.length;
  return {
    walletId: wallet.id,
    network: spec.network,
    items: items.map((m) => m.item),
    ...(more ? { nextPageToken: items.at(-1)!.key } : {}),
  };
}

// Fixed width, so that string order is chain order.
const position = (block: bigint | number | string, index: number) =>
  `${String(block).padStart(20, "0")}-${String(index).padStart(6, "0")}`;

async function evmMovements(
  sandbox: Sandbox,
  spec: NetworkSpec,
  wallet: { id: string; address: string },
): Promise<Movement[]> {
  const chain = await sandbox.chains.evm(spec.network);
  const native = nativeAsset(spec);
  const token = { symbol: TOKEN.symbol, decimals: TOKEN.decimals, verified: false };
  const me = wallet.address.toLowerCase();
  return (await chain.transfers())
    .filter((t) => t.from === me || t.to === me)
    .map((t) => {
      const asset = t.kind === "Native" ? native : token;
      const direction = t.from === me ? "Out" : "In";
      return {
        key: `${position(t.blockNumber, t.index)}-${t.kind}`,
        item: {
          walletId: wallet.id,
          network: spec.network,
          blockNumber: t.blockNumber,
          txHash: t.txHash,
          index: String(t.index),
          timestamp: t.timestamp.toISOString(),
          direction,
          kind: t.kind === "Native" ? "NativeTransfer" : "Erc20Transfer",
          ...(t.kind === "Erc20" ? { contract: TOKEN_ADDRESS } : {}),
          from: t.from,
          to: t.to,
          value: t.value.toString(),
          ...(t.fee !== undefined && direction === "Out" ? { fee: t.fee.toString() } : {}),
          symbol: asset.symbol,
          decimals: asset.decimals,
          verified: asset.verified,
          metadata: { asset, ...(t.kind === "Native" ? { fee: native } : {}) },
        },
      };
    });
}

async function solanaMovements(
  sandbox: Sandbox,
  spec: NetworkSpec,
  wallet: { id: string; address: string },
): Promise<Movement[]> {
  const rows = await sandbox.prisma.sandboxSolanaTransaction.findMany({
    where: {
      network: spec.network,
      succeeded: true,
      OR: [{ fromAddress: wallet.address }, { toAddress: wallet.address }],
    },
  });
  const asset = nativeAsset(spec);
  return rows.map((row) => {
    const direction = row.fromAddress === wallet.address ? "Out" : "In";
    return {
      key: position(row.slot, 0),
      item: {
        walletId: wallet.id,
        network: spec.network,
        blockNumber: Number(row.slot),
        txHash: row.signature,
        timestamp: row.timestamp.toISOString(),
        direction,
        kind: "NativeTransfer",
        ...(row.fromAddress ? { from: row.fromAddress } : {}),
        to: row.toAddress,
        value: row.lamports,
        ...(direction === "Out" ? { fee: row.fee } : {}),
        symbol: asset.symbol,
        decimals: asset.decimals,
        verified: asset.verified,
        metadata: { asset, fee: asset },
      },
    };
  });
}
