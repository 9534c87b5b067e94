import type { Ref } from "react";
import { FormAlert } from "@/components/auth/form-alert";
import { Spinner } from "@/components/spinner";
import { buttonStyles } from "@/components/styles";
import { StepSection } from "@/components/steps/step-section";
import type { RecoveryState } from "./use-recovery";

interface Props {
  state: RecoveryState;
  headingRef: Ref<HTMLHeadingElement>;
  onCreate: () => void;
  onRetry: () => void;
}

/** Step 2: the new passkey, on this device. The prompt opens straight from the click. */
export function NewPasskeyStep({ state, headingRef, onCreate, onRetry }: Props) {
  const { activity, problem } = state;
  const prompting = activity === "passkey";
  const blocked = problem !== null && problem.retry === null;

  return (
    <StepSection title="Create your new passkey" headingRef={headingRef}>
      <p className="mt-2 text-sm leading-relaxed text-slate-600">
        Your recovery code is right. Now create the passkey that will control your wallet from now on. Save it on a
        device you keep, or in a password manager that syncs it.
      </p>
      <div className="mt-6 space-y-4">
        <FormAlert message={problem?.message ?? null} />
        <button
          type="button"
          onClick={problem ? onRetry : onCreate}
          disabled={prompting || blocked}
          className={`${buttonStyles.primary} w-full sm:w-auto`}
        >
          {prompting && <Spinner />}
          {prompting ? "Waiting for your passkey…" : problem ? "Try again" : "Create my new passkey"}
        </button>
      </div>
    </StepSection>
  );
}
