import "server-only";
import { getEnv, type Env } from "@/lib/env";
import { networkInfo } from "@/lib/networks";

// Where the app sends a user for a wallet's network: test coins and transaction pages. Which
// ones depends on the mode the environment module decided (lib/env): the local sandbox's chains
// are known to no public faucet or explorer.

/**
 * Where a user gets test coins for `address` on `network`: in sandbox mode the sandbox's faucet
 * page (it credits the local chain), in live mode the testnet's public faucet; null on a mainnet
 * or a testnet without a faucet we know.
 */
export function testFundsUrl(
  network: string,
  address: string,
  config: Pick<Env, "dfns" | "appOrigin"> = getEnv(),
): string | null {
  const { dfns, appOrigin } = config;
  if (dfns.mode === "sandbox") {
    const query = new URLSearchParams({ network, address });
    return `${appOrigin}/api/dfns-sandbox/sandbox/faucet?${query}`;
  }
  return networkInfo(network).publicFaucetUrl;
}

/**
 * The explorer page of a transaction, or null. In sandbox mode the chain is local and no public
 * explorer knows it, so the page shows the hash alone.
 */
export function transactionUrl(network: string, txHash: string, config: Pick<Env, "dfns"> = getEnv()): string | null {
  if (config.dfns.mode === "sandbox") return null;
  return networkInfo(network).explorerTxUrl?.(txHash) ?? null;
}
