import type { Hex } from "viem";
import type { SandboxTransfer } from "../../generated/prisma/client";
import type { Sandbox } from "../sandbox";
import { resolveNetwork } from "../wallets";
import type { TransferProgress } from "./progress";

/** How long a transfer may stay `Pending`/`Executing` before it counts as cut off by a restart. */
export const ABANDONED_AFTER_MS = 2 * 60_000;

const NEVER_SENT: TransferProgress = {
  status: "Failed",
  reason: "The sandbox stopped before this transfer was sent: send it again",
};

/**
 * Brings a transfer up to date with its chain when it is read: a `Broadcasted` transfer whose
 * receipt exists becomes `Confirmed` (or `Failed` if it reverted), with the fee the receipt
 * reports (gas used × effective gas price; on Solana the lamports the VM charged). Only
 * `Broadcasted` ones: that status is written after the chain's state was saved, so what is
 * confirmed here survives a restart. A transfer cut off mid-way (still `Pending`/`Executing`
 * after ABANDONED_AFTER_MS) takes what its chain says, or fails if the chain never saw it.
 * Updates are conditional on the status read, so concurrent readers agree.
 */
export async function refreshTransfer(sandbox: Sandbox, row: SandboxTransfer): Promise<SandboxTransfer> {
  const abandoned = sandbox.config.now().getTime() - row.dateRequested.getTime() > ABANDONED_AFTER_MS;
  if (row.status !== "Broadcasted" && !((row.status === "Pending" || row.status === "Executing") && abandoned))
    return row;
  const outcome = row.txHash ? await outcomeOnChain(sandbox, row) : undefined;
  const progress = outcome ?? (row.status === "Broadcasted" ? undefined : NEVER_SENT);
  if (!progress) return row;
  const { count } = await sandbox.prisma.sandboxTransfer.updateMany({
    where: { id: row.id, status: row.status },
    data: progress,
  });
  return count
    ? { ...row, ...progress }
    : ((await sandbox.prisma.sandboxTransfer.findUnique({ where: { id: row.id } })) ?? row);
}

/** `Confirmed` / `Failed` from the chain's own record of the transaction; undefined while it has none. */
async function outcomeOnChain(sandbox: Sandbox, row: SandboxTransfer): Promise<TransferProgress | undefined> {
  if (resolveNetwork(row.network).family === "solana") {
    const executed = await sandbox.prisma.sandboxSolanaTransaction.findUnique({ where: { signature: row.txHash! } });
    if (!executed) return undefined;
    return executed.succeeded
      ? {
          status: "Confirmed",
          fee: executed.fee,
          dateConfirmed: executed.timestamp,
          dateBroadcasted: row.dateBroadcasted ?? executed.timestamp,
        }
      : { status: "Failed", fee: executed.fee, reason: executed.error ?? "Transaction failed on chain" };
  }
  const chain = await sandbox.chains.evm(row.network);
  const receipt = await chain.receipt(row.txHash as Hex);
  if (!receipt) return undefined;
  const block = await chain.client.getBlock({ blockNumber: receipt.blockNumber });
  const fee = (receipt.gasUsed * receipt.effectiveGasPrice).toString();
  // Block times have whole seconds: never before the (millisecond) broadcast time.
  const blockTime = new Date(Number(block.timestamp) * 1000);
  const confirmedAt = row.dateBroadcasted && row.dateBroadcasted > blockTime ? row.dateBroadcasted : blockTime;
  return receipt.status === "success"
    ? { status: "Confirmed", fee, dateConfirmed: confirmedAt, dateBroadcasted: row.dateBroadcasted ?? confirmedAt }
    : { status: "Failed", fee, reason: "The transaction reverted on chain" };
}
