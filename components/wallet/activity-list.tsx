import type { ActivityList as Activity } from "@/lib/dfns/activity";
import { formatUtc } from "@/lib/format-date";
import { StatusBadge, TxHash } from "./transfer-status";

/** Incoming and outgoing transfers of a wallet, newest first. */
export function ActivityList({ activity, networkName }: { activity: Activity | null; networkName: string }) {
  if (!activity) return <p className="mt-2 text-sm text-slate-500">Loading activity…</p>;
  return (
    <>
      {!activity.refreshed && (
        <p role="status" className="mt-2 text-sm text-amber-900">
          Dfns didn&apos;t send this wallet&apos;s history in time: only the transfers you started here are listed.
          We&apos;ll try again shortly.
        </p>
      )}
      {activity.items.length === 0 ? (
        <p className="mt-2 text-sm text-slate-500">No transfers yet.</p>
      ) : (
        <ol
          aria-label={`Activity of your ${networkName} wallet`}
          className="mt-2 divide-y divide-slate-200 rounded-xl border border-slate-200"
        >
          {activity.items.map((item) => (
            <li key={item.key} className="px-4 py-3" data-testid="activity-item" data-direction={item.direction}>
              <div className="flex flex-wrap items-center justify-between gap-2">
                <p className="text-sm font-medium text-slate-900">
                  {item.direction === "In" ? "Received" : "Sent"}{" "}
                  <span className="font-mono" translate="no">
                    {item.amount ?? "?"} {item.symbol}
                  </span>
                </p>
                <StatusBadge status={item.status} />
              </div>
              {item.counterparty && (
                <p className="mt-1 break-all text-xs text-slate-600">
                  {item.direction === "In" ? "From" : "To"}{" "}
                  <span className="font-mono" translate="no">
                    {item.counterparty}
                  </span>
                </p>
              )}
              {item.reason && <p className="mt-1 text-xs text-red-800">{item.reason}</p>}
              <p className="mt-1 flex flex-wrap gap-x-3 text-xs text-slate-500">
                <time dateTime={item.time}>{formatUtc(item.time)}</time>
                {item.txHash && <TxHash hash={item.txHash} explorerUrl={item.explorerUrl} />}
              </p>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}
