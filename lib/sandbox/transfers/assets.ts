import type { Address } from "viem";
import { TOKEN, TOKEN_ADDRESS } from "../chain/evm/token";
import type { Sandbox } from "../sandbox";
import type { NetworkSpec } from "../wallets";
import { nativeAsset } from "./request";

/**
 * `GetWalletAssetsResponse.assets`, read from the chain: the native balance, and on EVM the
 * sandbox's test token (listed even at 0, so an app can show what the faucet gives).
 */
export async function walletAssets(sandbox: Sandbox, spec: NetworkSpec, address: string) {
  const native = nativeAsset(spec);
  if (spec.family === "solana") {
    const chain = await sandbox.chains.solana(spec.network);
    return [{ kind: "Native", ...native, balance: chain.balance(address).toString() }];
  }
  const chain = await sandbox.chains.evm(spec.network);
  const [balance, tokens] = await Promise.all([
    chain.balance(address as Address),
    chain.tokenBalance(address as Address),
  ]);
  return [
    { kind: "Native", ...native, balance: balance.toString() },
    {
      kind: "Erc20",
      contract: TOKEN_ADDRESS,
      symbol: TOKEN.symbol,
      decimals: TOKEN.decimals,
      verified: false,
      balance: tokens.toString(),
    },
  ];
}
