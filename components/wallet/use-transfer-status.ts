"use client";

import { useEffect, useState } from "react";
import { apiGet } from "@/lib/api/client";
import type { TransferStatusAnswer, TransferView } from "@/lib/dfns/transfers";
import { isSettled } from "@/lib/transfers/status";

/** First check after 1 s, then 1.5 times longer each time, at most every 10 s. */
const FIRST_DELAY_MS = 1000;
const BACK_OFF = 1.5;
const MAX_DELAY_MS = 10_000;
/** After this long the page stops asking; a reload asks again. */
const GIVE_UP_AFTER_MS = 15 * 60 * 1000;

/**
 * Follows a transfer until it is Confirmed, Failed or Rejected: the status route asks Dfns and
 * stores the answer; each check waits longer than the last (no busy loop). Calls `onSettled` once.
 */
export function useTransferStatus(initial: TransferView, onSettled?: (transfer: TransferView) => void) {
  const [transfer, setTransfer] = useState(initial);
  const [stale, setStale] = useState(false);

  useEffect(() => {
    if (isSettled(initial.status)) {
      onSettled?.(initial);
      return;
    }
    let cancelled = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const started = Date.now();
    let delay = FIRST_DELAY_MS;
    const check = async () => {
      try {
        const answer = await apiGet<TransferStatusAnswer>(`/api/wallets/${initial.walletId}/transfers/${initial.id}`);
        if (cancelled) return;
        setTransfer(answer.transfer);
        setStale(!answer.refreshed);
        if (isSettled(answer.transfer.status)) {
          onSettled?.(answer.transfer);
          return;
        }
      } catch {
        if (cancelled) return;
        setStale(true);
      }
      if (Date.now() - started > GIVE_UP_AFTER_MS) return;
      delay = Math.min(delay * BACK_OFF, MAX_DELAY_MS);
      timer = setTimeout(() => void check(), delay);
    };
    timer = setTimeout(() => void check(), delay);
    return () => {
      cancelled = true;
      clearTimeout(timer);
    };
    // Follows one transfer: a new id starts over; `onSettled` changing does not.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [initial.id]);

  return { transfer, stale };
}
