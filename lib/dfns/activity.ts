import "server-only";
import type { SessionUser } from "@/lib/auth/session";
import { transactionUrl } from "@/lib/network-links";
import type { Transfer, Wallet } from "@/lib/generated/prisma/client";
import { formatAmount } from "@/lib/transfers/amount";
import { isDfnsUnavailable, withTimeout } from "./availability";
import { requireDfnsUser, withEndUserClient } from "./end-user";
import { recentTransfers } from "./transfers";
import { findUserWallet, REFRESH_TIMEOUT_MS } from "./wallets";

// A wallet's activity: what the chain saw (Dfns's wallet history: incoming and outgoing, whoever
// sent them) merged with the transfers the app started that history does not show yet (pending,
// failed, or not indexed yet). One line per transaction, newest first.

export interface ActivityItem {
  /** Stable across refreshes: the app's transfer id, or the transaction hash (and event index). */
  key: string;
  direction: "In" | "Out";
  /** The other side: the sender of an incoming transfer, the recipient of an outgoing one. */
  counterparty: string | null;
  /** As people read it, e.g. "1.5"; null when Dfns does not give the asset's decimals. */
  amount: string | null;
  symbol: string;
  /** ISO date: the block's time, or when the app started the transfer. */
  time: string;
  /** Confirmed for what history shows; the app's status for its own transfers. */
  status: string;
  txHash: string | null;
  explorerUrl: string | null;
  /** The app's transfer id, for the app's own transfers. */
  transferId: string | null;
  reason: string | null;
}

export interface ActivityList {
  items: ActivityItem[];
  /** false: Dfns did not answer in time; only the app's own transfers are listed. */
  refreshed: boolean;
}

/** How many history entries and own transfers a wallet's activity shows. */
export const ACTIVITY_LIMIT = 50;

/** The fields of a Dfns history entry the activity uses (every transfer kind has them). */
interface HistoryEntry {
  direction: "In" | "Out";
  txHash: string;
  index?: string;
  timestamp: string;
  from?: string;
  to?: string;
  value?: string;
  symbol?: string;
  decimals?: number;
  metadata: { asset: { symbol?: string; decimals?: number } };
}

export async function listActivity(
  user: Pick<SessionUser, "id">,
  walletId: string,
  timeoutMs = REFRESH_TIMEOUT_MS,
): Promise<ActivityList> {
  const dfnsUser = await requireDfnsUser(user);
  const wallet = await findUserWallet(dfnsUser, walletId);
  const [history, own] = await Promise.all([
    withTimeout(
      withEndUserClient(dfnsUser, (client) =>
        client.wallets.getWalletHistory({ walletId: wallet.dfnsWalletId, query: { limit: ACTIVITY_LIMIT } }),
      ),
      timeoutMs,
    ).then(
      (page) => page.items as unknown as HistoryEntry[],
      (error: unknown) => {
        if (!isDfnsUnavailable(error)) throw error;
        console.warn("[activity] Dfns wallet history unavailable:", (error as Error).message);
        return null;
      },
    ),
    recentTransfers(wallet, ACTIVITY_LIMIT),
  ]);
  return { items: mergeActivity(wallet, history ?? [], own), refreshed: history !== null };
}

/** History entries, enriched with the app's transfer of the same hash, plus the app's transfers history lacks. */
export function mergeActivity(
  wallet: Pick<Wallet, "network">,
  history: HistoryEntry[],
  own: Transfer[],
): ActivityItem[] {
  const ownByHash = new Map(own.filter((t) => t.txHash).map((t) => [t.txHash!, t]));
  const shown = new Set<string>();
  const items: ActivityItem[] = history.map((entry) => {
    const mine = entry.direction === "Out" ? ownByHash.get(entry.txHash) : undefined;
    if (mine) shown.add(mine.id);
    const decimals = entry.metadata.asset.decimals ?? entry.decimals;
    return {
      key: mine?.id ?? `${entry.txHash}:${entry.index ?? ""}:${entry.direction}`,
      direction: entry.direction,
      counterparty: (entry.direction === "In" ? entry.from : entry.to) ?? null,
      amount: entry.value !== undefined && decimals !== undefined ? formatAmount(entry.value, decimals) : null,
      symbol: entry.metadata.asset.symbol ?? entry.symbol ?? "?",
      time: entry.timestamp,
      status: mine?.status ?? "Confirmed",
      txHash: entry.txHash,
      explorerUrl: transactionUrl(wallet.network, entry.txHash),
      transferId: mine?.id ?? null,
      reason: null,
    };
  });
  for (const transfer of own) {
    if (shown.has(transfer.id)) continue;
    items.push({
      key: transfer.id,
      direction: "Out",
      counterparty: transfer.to,
      amount: formatAmount(transfer.amount, transfer.decimals),
      symbol: transfer.symbol,
      time: transfer.createdAt.toISOString(),
      status: transfer.status,
      txHash: transfer.txHash,
      explorerUrl: transfer.txHash ? transactionUrl(wallet.network, transfer.txHash) : null,
      transferId: transfer.id,
      reason: transfer.reason,
    });
  }
  return items.sort((a, b) => b.time.localeCompare(a.time)).slice(0, ACTIVITY_LIMIT);
}
