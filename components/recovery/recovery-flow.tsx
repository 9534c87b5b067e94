"use client";

import { useEffect, useRef } from "react";
import { Stepper } from "@/components/onboarding/stepper";
import { cardStyles } from "@/components/styles";
import { CodeStep } from "./code-step";
import { NewCodeStep } from "./new-code-step";
import { NewPasskeyStep } from "./new-passkey-step";
import { RECOVERY_STEPS, recoveryStatus, useRecovery } from "./use-recovery";

/**
 * The recovery stepper: recovery code, new passkey, new recovery code. As in onboarding, each
 * step's heading takes the focus when it opens; progress is read out politely, errors as alerts.
 */
export function RecoveryFlow() {
  const { state, checkCode, createNewPasskey, finish, retry, startOver } = useRecovery();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const shownStep = useRef(state.step);

  useEffect(() => {
    if (shownStep.current === state.step) return;
    shownStep.current = state.step;
    headingRef.current?.focus();
  }, [state.step]);

  useEffect(() => {
    if (state.notice) headingRef.current?.focus();
  }, [state.notice]);

  return (
    <div className="space-y-6">
      <Stepper steps={RECOVERY_STEPS} current={state.step} finished={state.activity === "done"} label="Recovery progress" />

      <p role="status" aria-live="polite" className="sr-only" data-testid="recovery-status">
        {recoveryStatus(state)}
      </p>

      {state.notice && (
        <p className="rounded-lg border border-amber-300 bg-amber-50 px-3 py-2.5 text-sm text-amber-950" data-testid="recovery-notice">
          {state.notice}
        </p>
      )}

      <div className={cardStyles}>
        {state.step === "code" && <CodeStep state={state} headingRef={headingRef} onCheck={checkCode} onRetry={retry} />}
        {state.step === "passkey" && <NewPasskeyStep state={state} headingRef={headingRef} onCreate={createNewPasskey} onRetry={retry} />}
        {state.step === "new-code" && (
          <NewCodeStep state={state} headingRef={headingRef} onFinish={finish} onRetry={retry} onStartOver={startOver} />
        )}
      </div>
    </div>
  );
}
