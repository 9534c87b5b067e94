"use client";

import Link from "next/link";
import { useState, type Ref } from "react";
import { FormAlert } from "@/components/auth/form-alert";
import { ConfirmSavedButton, SaveRecoveryCode } from "@/components/recovery-code/save-recovery-code";
import { RetryOrStartOver } from "@/components/steps/retry-actions";
import { Spinner } from "@/components/spinner";
import { buttonStyles } from "@/components/styles";
import { StepSection } from "@/components/steps/step-section";
import type { RecoveryState } from "./use-recovery";

interface Props {
  state: RecoveryState;
  headingRef: Ref<HTMLHeadingElement>;
  onFinish: () => void;
  onRetry: () => void;
  onStartOver: () => void;
}

/** Step 3: the new recovery code, shown once; the recovery completes once the user saved it. */
export function NewCodeStep({ state, headingRef, onFinish, onRetry, onStartOver }: Props) {
  const { activity, problem, recoveryCode, username } = state;
  const [saved, setSaved] = useState(false);

  if (activity === "done") {
    return (
      <StepSection title="Your wallet is recovered" headingRef={headingRef}>
        <p className="mt-2 text-sm leading-relaxed text-slate-600">
          Your new passkey now controls your wallet, and your new recovery code is the one to keep. The old passkey and
          the old recovery code no longer work.
        </p>
        <div className="mt-6 flex flex-wrap gap-2">
          <Link href="/wallet" className={buttonStyles.primary}>
            Go to your wallet
          </Link>
          <Link href="/credentials" className={buttonStyles.secondary}>
            See your passkeys
          </Link>
        </div>
      </StepSection>
    );
  }

  return (
    <StepSection title="Save your new recovery code" headingRef={headingRef}>
      <p className="mt-2 text-sm leading-relaxed text-slate-600">
        This code replaces your old one once the recovery finishes. It is shown only this once and we don&apos;t keep a
        copy: save it in a password manager, or download it and keep the file safe.
      </p>

      {activity === "recovery-key" ? (
        <p className="mt-6 flex items-center gap-2 text-sm text-slate-600">
          <Spinner /> Creating your new recovery key…
        </p>
      ) : recoveryCode && username ? (
        <SaveRecoveryCode recoveryCode={recoveryCode} username={username} saved={saved} onSavedChange={setSaved} />
      ) : null}

      <div className="mt-6 space-y-4">
        <FormAlert message={problem?.message ?? null} />
        {activity === "completing" ? (
          <p className="flex items-center gap-2 text-sm text-slate-600">
            <Spinner /> Replacing your passkey and recovery key…
          </p>
        ) : problem ? (
          <RetryOrStartOver
            retry={problem.retry === "sign-in" ? "sign-in" : problem.retry ? "again" : null}
            returnTo="/recovery"
            onRetry={onRetry}
            onStartOver={onStartOver}
            note="Until the recovery finishes nothing changes: your old passkey and old recovery code keep working."
          />
        ) : (
          recoveryCode && (
            <ConfirmSavedButton saved={saved} onClick={onFinish}>
              Finish recovery
            </ConfirmSavedButton>
          )
        )}
      </div>
    </StepSection>
  );
}
