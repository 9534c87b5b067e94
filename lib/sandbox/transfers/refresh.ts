import type { Hex } from "viem";
import type { SandboxTransfer } from "../../generated/prisma/client";
import type { TransferProgress } from "./progress";
import type { Sandbox } from "../sandbox";
import { resolveNetwork } from "../wallets";

/** A transfer still `Pending`/`Executing` this long after its request was cut off mid-way (a restart). */
const ABANDONED_AFTER_MS = 2 * 60_000;

/**
 * Brings a transfer up to date with its chain when it is read: a `Broadcasted` transfer whose
 * receipt exists becomes `Confirmed` (or `Failed` if it reverted), with the fee the receipt
 * reports (gas used × effective gas price; on Solana the lamports the VM charged). The update is
 * conditional on the status read, so concurrent readers agree.
 */
export async function refreshTransfer(sandbox: Sandbox, row: SandboxTransfer): Promise<SandboxTransfer> {
  if (row.status === "Confirmed" || row.status === "Failed" || row.status === "Rejected") return row;
  const outcome = await outcomeOnChain(sandbox, row);
  if (!outcome) return row;
  const { count } = await sandbox.prisma.sandboxTransfer.updateMany({ where: { id: row.id, status: row.status }, data: outcome });
  return count ? { ...row, ...outcome } : ((await sandbox.prisma.sandboxTransfer.findUnique({ where: { id: row.id } })) ?? row);
}

async function outcomeOnChain(sandbox: Sandbox, row: SandboxTransfer): Promise<TransferProgress | undefined> {
  const spec = resolveNetwork(row.network);
  const abandoned = sandbox.config.now().getTime() - row.dateRequested.getTime() > ABANDONED_AFTER_MS;
  if (!row.txHash) return abandoned && row.status !== "Broadcasted" ? { status: "Failed", reason: "The sandbox stopped before this transfer was sent" } : undefined;

  if (spec.family === "solana") {
    const executed = await sandbox.prisma.sandboxSolanaTransaction.findUnique({ where: { signature: row.txHash } });
    if (!executed) return abandoned && row.status === "Executing" ? { status: "Failed", reason: "The sandbox stopped before this transfer was sent" } : undefined;
    return executed.succeeded
      ? { status: "Confirmed", fee: executed.fee, dateConfirmed: executed.timestamp, dateBroadcasted: row.dateBroadcasted ?? executed.timestamp }
      : { status: "Failed", fee: executed.fee, reason: executed.error ?? "Transaction failed on chain" };
  }

  const chain = await sandbox.chains.evm(row.network);
  const receipt = await chain.receipt(row.txHash as Hex);
  if (!receipt) {
    if (abandoned && row.status === "Executing" && !(await chain.knows(row.txHash as Hex))) return { status: "Failed", reason: "The sandbox stopped before this transfer was sent" };
    return undefined;
  }
  const block = await chain.client.getBlock({ blockNumber: receipt.blockNumber });
  const fee = (receipt.gasUsed * receipt.effectiveGasPrice).toString();
  const confirmedAt = new Date(Number(block.timestamp) * 1000);
  return receipt.status === "success"
    ? { status: "Confirmed", fee, dateConfirmed: confirmedAt, dateBroadcasted: row.dateBroadcasted ?? confirmedAt }
    : { status: "Failed", fee, reason: "The transaction reverted on chain" };
}
