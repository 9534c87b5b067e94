import type { AssetList } from "@/lib/dfns/assets";

/** The wallet's balances as Dfns reports them; what to do when there are none or Dfns is slow. */
export function Balances({ list, networkName }: { list: AssetList | null; networkName: string }) {
  if (!list) return <p className="mt-2 text-sm text-slate-500">Loading balances…</p>;
  if (!list.refreshed) {
    return (
      <p
        role="status"
        className="mt-2 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950"
        data-testid="balances-unavailable"
      >
        We couldn&apos;t get your balances from Dfns just now. They will show up by themselves in a moment, or reload
        the page.
      </p>
    );
  }
  if (list.assets.length === 0) {
    return (
      <p className="mt-2 text-sm text-slate-600">
        Nothing on this {networkName} wallet yet. Get test funds to try sending.
      </p>
    );
  }
  return (
    <ul aria-label={`Balances of your ${networkName} wallet`} className="mt-2 grid gap-2 sm:grid-cols-2">
      {list.assets.map((asset) => (
        <li
          key={asset.id}
          className="rounded-xl border border-slate-200 px-4 py-3"
          data-testid="balance"
          data-asset={asset.id}
          data-base-units={asset.balance}
        >
          <p className="font-mono text-lg font-semibold text-slate-900" translate="no">
            {asset.formatted} <span className="text-sm font-medium text-slate-600">{asset.symbol}</span>
          </p>
          {asset.token && (
            <p className="mt-0.5 truncate font-mono text-xs text-slate-500" title={asset.token} translate="no">
              Token {asset.token}
            </p>
          )}
        </li>
      ))}
    </ul>
  );
}
