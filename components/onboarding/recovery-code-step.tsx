"use client";

import { useState, type Ref } from "react";
import { FormAlert } from "@/components/auth/form-alert";
import { buttonStyles } from "@/components/styles";
import { SignInAgainLink } from "@/components/steps/retry-actions";
import { ConfirmSavedButton, SaveRecoveryCode } from "@/components/recovery-code/save-recovery-code";
import { Spinner } from "@/components/spinner";
import { StepSection } from "@/components/steps/step-section";
import type { OnboardingState } from "./use-onboarding";

interface Props {
  state: OnboardingState;
  headingRef: Ref<HTMLHeadingElement>;
  onCreateWallets: () => void;
  onRetry: () => void;
}

/**
 * Step 2: the recovery code, shown once, with copy and download. The wallets are only created
 * once the user says they saved it.
 */
export function RecoveryCodeStep({ state, headingRef, onCreateWallets, onRetry }: Props) {
  const { activity, problem, recoveryCode, username } = state;
  const [saved, setSaved] = useState(false);
  const generating = activity === "recovery-key";

  return (
    <StepSection title="Save your recovery code" headingRef={headingRef}>
      <p className="mt-2 text-sm leading-relaxed text-slate-600">
        Your passkey is ready. If you ever lose it, this recovery code is how you get back into your wallet. It is shown
        only this once and we don&apos;t keep a copy: save it now in a password manager, or download it and keep the
        file safe. Don&apos;t share it with anyone.
      </p>

      {generating ? (
        <p className="mt-6 flex items-center gap-2 text-sm text-slate-600">
          <Spinner /> Creating your recovery key…
        </p>
      ) : recoveryCode && username ? (
        <SaveRecoveryCode recoveryCode={recoveryCode} username={username} saved={saved} onSavedChange={setSaved} />
      ) : null}

      <div className="mt-6 space-y-4">
        <FormAlert message={problem?.message ?? null} />
        {problem?.retry === "recovery-key" ? (
          <button type="button" onClick={onRetry} className={`${buttonStyles.primary} w-full sm:w-auto`}>
            Try again
          </button>
        ) : problem?.retry === "sign-in" ? (
          <SignInAgainLink returnTo="/onboarding" />
        ) : (
          !generating &&
          recoveryCode && (
            <ConfirmSavedButton saved={saved} onClick={onCreateWallets}>
              Create my wallets
            </ConfirmSavedButton>
          )
        )}
      </div>
    </StepSection>
  );
}
