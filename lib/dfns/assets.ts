import "server-only";
import type { GetWalletAssetsResponse } from "@dfns/sdk/generated/wallets/types";
import type { SessionUser } from "@/lib/auth/session";
import type { DfnsUser, Wallet } from "@/lib/generated/prisma/client";
import { formatAmount } from "@/lib/transfers/amount";
import type { WalletAsset } from "@/lib/transfers/transfer-input";
import { isDfnsUnavailable, withTimeout } from "./availability";
import { requireDfnsUser, withEndUserClient } from "./end-user";
import { findUserWallet, REFRESH_TIMEOUT_MS } from "./wallets";

// A wallet's balances, as Dfns reports them (getWalletAssets): the native asset and the tokens
// the app can send (ERC-20, SPL). Never stored: Dfns (the chain) is the only source of a balance.

export interface AssetView extends WalletAsset {
  /** The balance for people, e.g. "1.5" (base units with the asset's decimals). */
  formatted: string;
}

export interface AssetList {
  assets: AssetView[];
  /** false: Dfns did not answer in time; `assets` is empty and the page says so. */
  refreshed: boolean;
}

type DfnsAsset = GetWalletAssetsResponse["assets"][number];
type EndUser = Pick<DfnsUser, "id" | "username">;

/** The assets of the user's wallet `walletId`, or `refreshed: false` when Dfns does not answer in time. */
export async function listWalletAssets(
  user: Pick<SessionUser, "id">,
  walletId: string,
  timeoutMs = REFRESH_TIMEOUT_MS,
): Promise<AssetList> {
  const dfnsUser = await requireDfnsUser(user);
  const wallet = await findUserWallet(dfnsUser, walletId);
  try {
    const assets = await withTimeout(fetchWalletAssets(dfnsUser, wallet), timeoutMs);
    return {
      assets: assets.map((asset) => ({ ...asset, formatted: formatAmount(asset.balance, asset.decimals) })),
      refreshed: true,
    };
  } catch (error) {
    if (!isDfnsUnavailable(error)) throw error;
    console.warn("[assets] Dfns wallet assets unavailable:", (error as Error).message);
    return { assets: [], refreshed: false };
  }
}

/** What the wallet holds that the app can send, native asset first. Dfns's errors are thrown. */
export async function fetchWalletAssets(
  dfnsUser: EndUser,
  wallet: Pick<Wallet, "dfnsWalletId">,
): Promise<WalletAsset[]> {
  const answer = await withEndUserClient(dfnsUser, (client) =>
    client.wallets.getWalletAssets({ walletId: wallet.dfnsWalletId }),
  );
  return answer.assets
    .flatMap((asset) => {
      const known = walletAsset(asset);
      return known ? [known] : [];
    })
    .sort((a, b) => Number(b.kind === "Native") - Number(a.kind === "Native"));
}

/** One Dfns asset as the app lists it; null for kinds the app does not send. */
function walletAsset(asset: DfnsAsset): WalletAsset | null {
  const common = { symbol: asset.symbol ?? "?", decimals: asset.decimals, balance: asset.balance };
  switch (asset.kind) {
    case "Native":
      return { id: "native", kind: "Native", token: null, ...common };
    case "Erc20":
      return { id: `Erc20:${asset.contract}`, kind: "Erc20", token: asset.contract, ...common };
    case "Spl":
    case "Spl2022":
      return { id: `${asset.kind}:${asset.mint}`, kind: asset.kind, token: asset.mint, ...common };
    default:
      return null;
  }
}
