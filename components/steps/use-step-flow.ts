"use client";

import { useCallback, useRef, useState } from "react";
import { ApiError } from "@/lib/api/client";
import { describePasskeyError } from "@/lib/passkeys";

// The state-machine plumbing shared by onboarding and recovery: one state object patched step by
// step, one piece of work at a time (a second click while the first runs does nothing), and a
// problem that names what "Try again" re-runs.

/** What went wrong, and which action "Try again" runs (none when trying again cannot help). */
export interface Problem<Retry extends string> {
  message: string;
  retry: Retry | null;
}

export function useStepFlow<State extends { problem: Problem<string> | null }>(initialState: State) {
  const [state, setState] = useState<State>(initialState);
  const update = useCallback((patch: Partial<State>) => setState((s) => ({ ...s, ...patch })), []);

  const busy = useRef(false);
  /** Runs `work` unless other work is under way. */
  const guarded = useCallback(async (work: () => Promise<unknown>) => {
    if (busy.current) return;
    busy.current = true;
    try {
      await work();
    } finally {
      busy.current = false;
    }
  }, []);

  return { state, update, guarded };
}

/** "Try again": runs the action the problem names, if any. */
export function runRetry<Retry extends string>(
  problem: Problem<Retry> | null,
  actions: Record<Retry, () => unknown>,
): void {
  if (problem?.retry) void actions[problem.retry]();
}

/**
 * The problem for a failed call to the app's routes: a 401 asks to sign in again (`signedOut`);
 * `final` errors (e.g. rate limited) offer no retry; others offer `retry`.
 */
export function apiProblem<Retry extends string>(
  error: unknown,
  retry: Retry,
  signedOut: string,
  final: (error: ApiError) => boolean = () => false,
): Problem<Retry | "sign-in"> {
  if (!(error instanceof ApiError)) return { message: "Something went wrong on this page. Try again.", retry };
  if (error.status === 401) return { message: signedOut, retry: "sign-in" };
  return { message: error.message, retry: final(error) ? null : retry };
}

/** The problem for a passkey prompt that failed: its sentence, and "passkey" when trying again can help. */
export function passkeyProblem(error: unknown, rpId: string): Problem<"passkey"> {
  const described = describePasskeyError(error, {
    rpId,
    hostname: window.location.hostname,
    secureContext: window.isSecureContext,
  });
  return { message: described.message, retry: described.canRetry ? "passkey" : null };
}
