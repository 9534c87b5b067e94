"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import { apiGet } from "@/lib/api/client";
import type { ActivityList } from "@/lib/dfns/activity";
import type { AssetList } from "@/lib/dfns/assets";

/** How often an open page asks for the wallet's activity, so incoming transfers show up by themselves. */
const ACTIVITY_POLL_MS = 15_000;

export interface WalletFunds {
  /** null until the first answer. */
  assets: AssetList | null;
  activity: ActivityList | null;
  /** A sentence when the app's own server could not be reached; Dfns being slow is `refreshed: false`. */
  problem: string | null;
  /** Asks for balances and activity again (after a transfer settles). */
  reload: () => void;
}

/**
 * The wallet's balances and activity, loaded after the page shows (a slow Dfns never holds the
 * page up) and refreshed while the tab is visible: balances again whenever the activity changes.
 */
export function useWalletFunds(walletId: string): WalletFunds {
  const [assets, setAssets] = useState<AssetList | null>(null);
  const [activity, setActivity] = useState<ActivityList | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const lastActivity = useRef<string | null>(null);

  const loadAssets = useCallback(async () => {
    try {
      setAssets(await apiGet<AssetList>(`/api/wallets/${walletId}/assets`));
      setProblem(null);
    } catch (error) {
      setProblem((error as Error).message);
    }
  }, [walletId]);

  const loadActivity = useCallback(async () => {
    try {
      const list = await apiGet<ActivityList>(`/api/wallets/${walletId}/activity`);
      setActivity(list);
      const fingerprint = list.items.map((item) => `${item.key}:${item.status}`).join(",");
      // Something arrived or settled: the balances changed too.
      if (lastActivity.current !== null && fingerprint !== lastActivity.current) void loadAssets();
      lastActivity.current = fingerprint;
    } catch (error) {
      setProblem((error as Error).message);
    }
  }, [walletId, loadAssets]);

  useEffect(() => {
    // Data from the server: each loader sets state after its request answers, not during the effect.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    void loadAssets();
    void loadActivity();
    const timer = setInterval(() => {
      if (document.visibilityState === "visible") void loadActivity();
    }, ACTIVITY_POLL_MS);
    return () => clearInterval(timer);
  }, [loadAssets, loadActivity]);

  const reload = useCallback(() => {
    void loadAssets();
    void loadActivity();
  }, [loadAssets, loadActivity]);

  return { assets, activity, problem, reload };
}
