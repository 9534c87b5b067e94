"use client";

import { useEffect, useRef } from "react";
import { cardStyles } from "@/components/styles";
import { PasskeyStep } from "./passkey-step";
import { RecoveryCodeStep } from "./recovery-code-step";
import { Stepper } from "./stepper";
import { statusMessage, useOnboarding } from "./use-onboarding";
import { WalletsStep } from "./wallets-step";

/**
 * The onboarding stepper: passkey, recovery code, wallets. Each step's heading takes the focus
 * when the step opens; what is happening is read out by a polite live region, errors by an alert.
 */
export function OnboardingFlow() {
  const { state, createPasskey, createWallets, retry, startOver } = useOnboarding();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const shownStep = useRef(state.step);

  useEffect(() => {
    if (shownStep.current === state.step) return;
    shownStep.current = state.step;
    headingRef.current?.focus();
  }, [state.step]);

  // A restart also lands on step 1: bring the user back to its heading, where the notice is.
  useEffect(() => {
    if (state.notice) headingRef.current?.focus();
  }, [state.notice]);

  const finished = state.activity === "done" || state.activity === "leaving";

  return (
    <div className="space-y-6">
      <Stepper current={state.step} finished={finished} />

      <p role="status" aria-live="polite" className="sr-only" data-testid="onboarding-status">
        {statusMessage(state)}
      </p>

      {state.notice && (
        <p className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2.5 text-sm text-amber-950" data-testid="onboarding-notice">
          {state.notice}
        </p>
      )}

      <div className={cardStyles}>
        {state.step === "passkey" && (
          <PasskeyStep state={state} headingRef={headingRef} onCreate={createPasskey} onRetry={retry} />
        )}
        {state.step === "recovery" && (
          <RecoveryCodeStep state={state} headingRef={headingRef} onCreateWallets={createWallets} onRetry={retry} />
        )}
        {state.step === "wallets" && (
          <WalletsStep state={state} headingRef={headingRef} onRetry={retry} onStartOver={startOver} />
        )}
      </div>
    </div>
  );
}
