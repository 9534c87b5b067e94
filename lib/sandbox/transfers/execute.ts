import type { Hex } from "viem";
import { privateKeyToAccount } from "viem/accounts";
import type { SandboxTransfer } from "../../generated/prisma/client";
import type { EvmChain } from "../chain/evm/chain";
import { TOKEN_ADDRESS } from "../chain/evm/token";
import type { Sandbox } from "../sandbox";
import type { NetworkSpec } from "../wallets";
import type { TransferProgress } from "./progress";
import type { TransferRequest } from "./request";

/** Refused before anything reached the chain; the transfer ends `Failed` with this reason. */
class NotSent extends Error {}

const SOLANA_FEE = 5000n; // lamports per signature

export interface SendingWallet {
  privateKey: string;
  address: string;
}

/**
 * Carries out a transfer row that was just created (`Pending`): signs with the wallet's own key,
 * records the transaction hash (`Executing`), broadcasts, and answers with the row as
 * `Broadcasted`; the receipt later decides `Confirmed` or `Failed` (see `refreshTransfer`).
 * Insufficient balance is not a 400 at Dfns: the request is accepted and the transfer fails
 * with a reason; so here too, and nothing is broadcast.
 */
export async function executeTransfer(
  sandbox: Sandbox,
  spec: NetworkSpec,
  row: SandboxTransfer,
  wallet: SendingWallet,
  request: TransferRequest,
): Promise<SandboxTransfer> {
  // Each step only moves the transfer forward from the status the previous step left.
  const advance = async (from: string, data: TransferProgress) => {
    await sandbox.prisma.sandboxTransfer.updateMany({ where: { id: row.id, status: from }, data });
    return sandbox.prisma.sandboxTransfer.findUniqueOrThrow({ where: { id: row.id } });
  };
  const record = (hash: string) => advance("Pending", { status: "Executing", txHash: hash });
  try {
    if (spec.family === "evm") await sendEvm(await sandbox.chains.evm(spec.network), wallet, request, record);
    else await sendSolana(sandbox, spec.network, wallet, request, record);
    return await advance("Executing", { status: "Broadcasted", dateBroadcasted: sandbox.config.now() });
  } catch (error) {
    if (!(error instanceof NotSent))
      console.error("[dfns-sandbox] transfer failed:", error instanceof Error ? error.message : error);
    const current = await sandbox.prisma.sandboxTransfer.findUniqueOrThrow({ where: { id: row.id } });
    // Signed and maybe sent: only the chain knows. Calling it Failed while it went through would
    // invite a retry that pays twice.
    if (
      current.status === "Executing" &&
      spec.family === "evm" &&
      (await reachedChain(sandbox, spec.network, current.txHash))
    ) {
      return advance("Executing", { status: "Broadcasted", dateBroadcasted: sandbox.config.now() });
    }
    const reason = error instanceof NotSent ? error.message : "The local chain refused the transaction";
    return advance(current.status === "Executing" ? "Executing" : "Pending", { status: "Failed", reason });
  }
}

async function reachedChain(sandbox: Sandbox, network: string, txHash: string | null): Promise<boolean> {
  if (!txHash) return false;
  const chain = await sandbox.chains.evm(network).catch(() => undefined);
  return (await chain?.knows(txHash as Hex).catch(() => false)) ?? false;
}

const insufficient = (have: bigint, need: bigint, symbol: string) =>
  new NotSent(
    `Insufficient balance: the wallet holds ${have} and this transfer needs ${need} (smallest units of ${symbol}, fees included)`,
  );

async function sendEvm(
  chain: EvmChain,
  wallet: SendingWallet,
  request: TransferRequest,
  recordHash: (hash: Hex) => Promise<unknown>,
) {
  const from = privateKeyToAccount(`0x${wallet.privateKey}`);
  const to = request.to as Hex;
  if (request.kind === "Erc20") {
    const tokens = await chain.tokenBalance(from.address);
    if (tokens < request.amount)
      throw new NotSent(
        `Insufficient balance: the wallet holds ${tokens} and this transfer needs ${request.amount} (smallest units of ${request.asset.symbol})`,
      );
  }
  const call =
    request.kind === "Native"
      ? { to, value: request.amount }
      : { to: TOKEN_ADDRESS, data: chain.erc20TransferData(to, request.amount) };
  await chain.send(
    { from, priority: request.priority, ...call },
    {
      async check(tx) {
        const balance = await chain.balance(from.address);
        if (balance < tx.maxCost)
          throw insufficient(
            balance,
            tx.maxCost,
            request.kind === "Native" ? request.asset.symbol : "the native asset",
          );
      },
      beforeBroadcast: (tx) => recordHash(tx.hash).then(() => {}),
    },
  );
}

async function sendSolana(
  sandbox: Sandbox,
  network: string,
  wallet: SendingWallet,
  request: TransferRequest,
  recordSignature: (signature: string) => Promise<unknown>,
) {
  const chain = await sandbox.chains.solana(network);
  const balance = chain.balance(wallet.address);
  if (balance < request.amount + SOLANA_FEE) throw insufficient(balance, request.amount + SOLANA_FEE, "SOL");
  const result = await chain.transfer(wallet.privateKey, request.to, request.amount, recordSignature);
  await sandbox.prisma.sandboxSolanaTransaction.create({
    data: {
      signature: result.signature,
      network,
      fromAddress: wallet.address,
      toAddress: request.to,
      lamports: request.amount.toString(),
      fee: result.fee.toString(),
      slot: result.slot.toString(),
      succeeded: !result.error,
      error: result.error,
      timestamp: sandbox.config.now(),
    },
  });
}
