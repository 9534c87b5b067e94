import { authenticate } from "../auth";
import { badRequest } from "../errors";
import { json } from "../http";
import type { RequestContext, Route } from "../router";
import { walletAssets } from "../transfers/assets";
import { walletHistory, type HistoryQuery } from "../transfers/history";
import { resolveNetwork } from "../wallets";
import { ownedWallet } from "./wallets";

async function valueWallet(ctx: RequestContext) {
  const caller = await authenticate(ctx);
  const wallet = await ownedWallet(ctx, caller, ctx.params.walletId!);
  const spec = resolveNetwork(wallet.network);
  // Bitcoin, Tron, Key*: the sandbox runs no chain for them, so they hold nothing and have no
  // history (an empty answer, not an error: an app lists every wallet's assets).
  const onLocalChain = (spec.family === "evm" || spec.family === "solana") && wallet.address !== null;
  return { wallet: { id: wallet.id, address: wallet.address ?? "" }, spec, onLocalChain };
}

const assets: Route = {
  method: "GET",
  pattern: "/wallets/:walletId/assets",
  async handler(ctx) {
    const { wallet, spec, onLocalChain } = await valueWallet(ctx);
    return json({
      walletId: wallet.id,
      network: spec.network,
      assets: onLocalChain ? await walletAssets(ctx.sandbox, spec, wallet.address) : [],
    });
  },
};

function historyQuery(query: URLSearchParams): HistoryQuery {
  const limit = Number(query.get("limit") ?? 100);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500)
    throw badRequest("Invalid query: limit must be a whole number from 1 to 500", { field: "limit" });
  const direction = query.get("direction") ?? undefined;
  if (direction !== undefined && direction !== "In" && direction !== "Out")
    throw badRequest("Invalid query: direction must be In or Out", { field: "direction" });
  return {
    limit,
    paginationToken: query.get("paginationToken") ?? undefined,
    direction,
    kind: query.get("kind") ?? undefined,
    contract: query.get("contract")?.toLowerCase() ?? undefined,
  };
}

const history: Route = {
  method: "GET",
  pattern: "/wallets/:walletId/history",
  async handler(ctx) {
    const query = historyQuery(ctx.query);
    const { wallet, spec, onLocalChain } = await valueWallet(ctx);
    return json(
      onLocalChain
        ? await walletHistory(ctx.sandbox, spec, wallet, query)
        : { walletId: wallet.id, network: spec.network, items: [] },
    );
  },
};

export const valueRoutes = [assets, history];
