import { encodeFunctionData, parseEther, type Address } from "viem";
import type { Sandbox } from "../sandbox";
import { FAUCET_ACCOUNT, TOKEN, TOKEN_ABI, TOKEN_ADDRESS } from "./evm/token";

export type FaucetAsset = "native" | "token";

/** What one faucet request credits, in smallest units. */
export const FAUCET_AMOUNTS = {
  evmNative: parseEther("1"), // 1 ETH (or the network's native coin)
  evmToken: 100n * 10n ** BigInt(TOKEN.decimals), // 100 SUSD
  solana: 1_000_000_000n, // 1 SOL
};

export interface FaucetCredit {
  txHash: string;
  amount: bigint;
}

/**
 * Credits test funds on a local chain with a real transaction: on EVM from the faucet account
 * (a value transfer, or a mint of the test token), on Solana LiteSVM's airdrop (recorded for
 * wallet history like any transfer the VM ran). Only ever on the sandbox's own chains.
 */
export async function creditFromFaucet(
  sandbox: Sandbox,
  family: "evm" | "solana",
  network: string,
  address: string,
  asset: FaucetAsset,
): Promise<FaucetCredit> {
  if (family === "solana") {
    const chain = await sandbox.chains.solana(network);
    const amount = FAUCET_AMOUNTS.solana;
    const result = await chain.airdrop(address, amount);
    await sandbox.prisma.sandboxSolanaTransaction.create({
      data: {
        signature: result.signature,
        network,
        fromAddress: null,
        toAddress: address,
        lamports: amount.toString(),
        fee: "0",
        slot: result.slot.toString(),
        succeeded: !result.error,
        error: result.error,
        timestamp: sandbox.config.now(),
      },
    });
    if (result.error) throw new Error(`The airdrop failed: ${result.error}`);
    return { txHash: result.signature, amount };
  }
  const chain = await sandbox.chains.evm(network);
  const to = address as Address;
  const tx =
    asset === "native"
      ? await chain.send({ from: FAUCET_ACCOUNT, to, value: FAUCET_AMOUNTS.evmNative })
      : await chain.send({
          from: FAUCET_ACCOUNT,
          to: TOKEN_ADDRESS,
          data: encodeFunctionData({ abi: TOKEN_ABI, functionName: "mint", args: [to, FAUCET_AMOUNTS.evmToken] }),
        });
  return { txHash: tx.hash, amount: asset === "native" ? FAUCET_AMOUNTS.evmNative : FAUCET_AMOUNTS.evmToken };
}
