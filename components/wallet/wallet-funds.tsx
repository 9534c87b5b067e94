"use client";

import { useCallback } from "react";
import { buttonStyles } from "@/components/styles";
import { ActivityList } from "./activity-list";
import { Balances } from "./balances";
import { SendForm } from "./send-form";
import { TransferStatus } from "./transfer-status";
import { useWalletFunds } from "./use-wallet-funds";

interface Props {
  walletId: string;
  network: string;
  networkName: string;
  /** Where to get test coins for this wallet (decided by the server's configuration), or null. */
  testFundsUrl: string | null;
  /** Whether the network takes a fee priority (EVM, Bitcoin). */
  feePriority: boolean;
}

/** A wallet's value: balances, test funds, send, activity. */
export function WalletFunds({ walletId, network, networkName, testFundsUrl, feePriority }: Props) {
  const { assets, activity, problem, reload } = useWalletFunds(walletId);
  const native = assets?.assets.find((a) => a.kind === "Native") ?? null;
  const onSettled = useCallback(() => reload(), [reload]);

  return (
    <div className="space-y-6" data-testid="wallet-funds">
      <section aria-label={`Balances of your ${networkName} wallet`}>
        <div className="flex flex-wrap items-center justify-between gap-3">
          <h3 className="text-sm font-semibold text-slate-900">Balances</h3>
          {testFundsUrl && (
            <a
              href={testFundsUrl}
              target="_blank"
              rel="noopener noreferrer"
              className={buttonStyles.secondary}
              data-testid="test-funds-link"
            >
              Get test funds<span className="sr-only"> for your {networkName} wallet (opens in a new tab)</span> ↗
            </a>
          )}
        </div>
        <Balances list={assets} networkName={networkName} />
        {problem && <p className="mt-2 text-sm text-red-800">{problem}</p>}
      </section>

      <section aria-label={`Send from your ${networkName} wallet`}>
        <h3 className="mb-2 text-sm font-semibold text-slate-900">Send</h3>
        {assets?.refreshed ? (
          <SendForm
            walletId={walletId}
            network={network}
            networkName={networkName}
            assets={assets.assets}
            feePriority={feePriority}
            renderSent={(transfer, sendProblem) => (
              <TransferStatus initial={transfer} native={native} problem={sendProblem} onSettled={onSettled} />
            )}
          />
        ) : (
          <p className="text-sm text-slate-600">Sending needs your balances from Dfns first.</p>
        )}
      </section>

      <section aria-label={`Activity of your ${networkName} wallet`}>
        <h3 className="text-sm font-semibold text-slate-900">Activity</h3>
        <ActivityList activity={activity} networkName={networkName} />
      </section>
    </div>
  );
}
