"use client";

import { linkStyles } from "@/components/styles";
import type { WalletAsset } from "@/lib/transfers/transfer-input";
import type { TransferView } from "@/lib/dfns/transfers";
import { formatAmount } from "@/lib/transfers/amount";
import { statusLabel } from "@/lib/transfers/status";
import { useTransferStatus } from "./use-transfer-status";

const STATUS_STYLES: Record<string, string> = {
  Confirmed: "bg-emerald-50 text-emerald-800 ring-emerald-200",
  Failed: "bg-red-50 text-red-800 ring-red-200",
  Rejected: "bg-red-50 text-red-800 ring-red-200",
};

export function StatusBadge({ status }: { status: string }) {
  const style = STATUS_STYLES[status] ?? "bg-amber-50 text-amber-900 ring-amber-200";
  return (
    <span
      data-testid="transfer-status"
      data-status={status}
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${style}`}
    >
      {statusLabel(status)}
    </span>
  );
}

/** A transaction hash, linked to the network's explorer when there is a public one. */
export function TxHash({ hash, explorerUrl }: { hash: string; explorerUrl: string | null }) {
  return (
    <span className="break-all font-mono text-xs text-slate-700" data-testid="tx-hash" translate="no">
      {explorerUrl ? (
        <a href={explorerUrl} target="_blank" rel="noopener noreferrer" className={linkStyles}>
          {hash}
          <span className="sr-only"> (opens the block explorer in a new tab)</span> ↗
        </a>
      ) : (
        hash
      )}
    </span>
  );
}

/** A transfer just sent, followed until it settles: status, hash, fee, Dfns's reason. */
export function TransferStatus({
  initial,
  native,
  problem,
  onSettled,
}: {
  initial: TransferView;
  /** The network's native asset (the fee's unit), when the wallet's balances list it. */
  native: WalletAsset | null;
  /** Why the page could not confirm the send yet (e.g. Dfns's answer was lost). */
  problem?: string | null;
  onSettled?: (transfer: TransferView) => void;
}) {
  const { transfer, stale } = useTransferStatus(initial, onSettled);
  return (
    <div
      className="mt-4 rounded-xl border border-brand-muted bg-brand-soft p-4"
      data-testid="latest-transfer"
      data-transfer-id={transfer.id}
    >
      <div className="flex flex-wrap items-center gap-2">
        <p className="text-sm font-semibold text-slate-900">
          {transfer.formattedAmount} {transfer.symbol} to{" "}
          <span className="break-all font-mono text-xs">{transfer.to}</span>
        </p>
        <StatusBadge status={transfer.status} />
      </div>
      {problem && transfer.status === "Submitting" && <p className="mt-2 text-sm text-amber-900">{problem}</p>}
      {transfer.txHash ? (
        <p className="mt-2 text-xs text-slate-600">
          Transaction <TxHash hash={transfer.txHash} explorerUrl={transfer.explorerUrl} />
          {!transfer.explorerUrl &&
            " (no public block explorer shows this network here: the hash is the transaction's id)"}
        </p>
      ) : (
        <p className="mt-2 text-xs text-slate-600">The transaction hash appears once the network has it.</p>
      )}
      {transfer.fee && native && (
        <p className="mt-1 text-xs text-slate-600" data-testid="transfer-fee" data-base-units={transfer.fee}>
          Network fee {formatAmount(transfer.fee, native.decimals)} {native.symbol}
        </p>
      )}
      {transfer.reason && <p className="mt-1 text-sm text-red-800">Dfns says: {transfer.reason}</p>}
      {stale && <p className="mt-1 text-xs text-slate-500">Dfns is slow to answer; we keep checking.</p>}
    </div>
  );
}
