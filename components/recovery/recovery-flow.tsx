"use client";

import { FlowStatus } from "@/components/steps/flow-status";
import { useStepHeadingFocus } from "@/components/steps/step-hooks";
import { Stepper } from "@/components/steps/stepper";
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
  const headingRef = useStepHeadingFocus(state.step, state.notice);

  return (
    <div className="space-y-6">
      <Stepper
        steps={RECOVERY_STEPS}
        current={state.step}
        finished={state.activity === "done"}
        label="Recovery progress"
      />

      <FlowStatus name="recovery" status={recoveryStatus(state)} notice={state.notice} />

      <div className={cardStyles}>
        {state.step === "code" && (
          <CodeStep state={state} headingRef={headingRef} onCheck={checkCode} onRetry={retry} />
        )}
        {state.step === "passkey" && (
          <NewPasskeyStep state={state} headingRef={headingRef} onCreate={createNewPasskey} onRetry={retry} />
        )}
        {state.step === "new-code" && (
          <NewCodeStep
            state={state}
            headingRef={headingRef}
            onFinish={finish}
            onRetry={retry}
            onStartOver={startOver}
          />
        )}
      </div>
    </div>
  );
}
