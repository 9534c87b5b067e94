"use client";

import { cardStyles } from "@/components/styles";
import { FlowStatus } from "@/components/steps/flow-status";
import { useStepHeadingFocus } from "@/components/steps/step-hooks";
import { Stepper } from "@/components/steps/stepper";
import { PasskeyStep } from "./passkey-step";
import { RecoveryCodeStep } from "./recovery-code-step";
import { ONBOARDING_STEPS, statusMessage, useOnboarding } from "./use-onboarding";
import { WalletsStep } from "./wallets-step";

/**
 * The onboarding stepper: passkey, recovery code, wallets. Each step's heading takes the focus
 * when the step opens; what is happening is read out by a polite live region, errors by an alert.
 */
export function OnboardingFlow() {
  const { state, createPasskey, createWallets, retry, startOver } = useOnboarding();
  // A restart also lands on step 1: the notice brings the user back to its heading.
  const headingRef = useStepHeadingFocus(state.step, state.notice);

  const finished = state.activity === "done" || state.activity === "leaving";

  return (
    <div className="space-y-6">
      <Stepper steps={ONBOARDING_STEPS} current={state.step} finished={finished} />

      <FlowStatus name="onboarding" status={statusMessage(state)} notice={state.notice} />

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
