import type { Ref } from "react";
import { FormAlert } from "@/components/auth/form-alert";
import { buttonStyles } from "@/components/styles";
import { SignInAgainLink } from "@/components/steps/retry-actions";
import { Spinner } from "@/components/spinner";
import { StepSection } from "@/components/steps/step-section";
import type { OnboardingState } from "./use-onboarding";

interface Props {
  state: OnboardingState;
  headingRef: Ref<HTMLHeadingElement>;
  onCreate: () => void;
  onRetry: () => void;
}

/** Step 1: the passkey. The challenge is already here when the button is enabled. */
export function PasskeyStep({ state, headingRef, onCreate, onRetry }: Props) {
  const { activity, problem } = state;
  const loading = activity === "loading";
  const prompting = activity === "passkey";
  // A failed start is retried by loading again; everything else by creating the passkey again.
  const action = problem?.retry === "start" ? onRetry : onCreate;
  const blocked = problem !== null && problem.retry === null;

  return (
    <StepSection title="Create your passkey" headingRef={headingRef}>
      <p className="mt-2 text-sm leading-relaxed text-slate-600">
        Your passkey is the key to your wallet. Your device keeps it and unlocks it with your fingerprint, face, screen
        lock or security key; nobody else, not even us, can use it. Every action of your wallet needs it.
      </p>
      <ul className="mt-4 space-y-1.5 text-sm text-slate-600">
        <li>• When you continue, your browser asks where to save the passkey and how to confirm it&apos;s you.</li>
        <li>• Save it on a device you keep, or in a password manager that syncs it.</li>
      </ul>
      <div className="mt-6 space-y-4">
        <FormAlert message={problem?.message ?? null} />
        {problem?.retry === "sign-in" ? (
          <SignInAgainLink returnTo="/onboarding" />
        ) : (
          <button
            type="button"
            onClick={action}
            disabled={loading || prompting || blocked}
            className={`${buttonStyles.primary} w-full sm:w-auto`}
          >
            {(loading || prompting) && <Spinner />}
            {loading
              ? "Getting ready…"
              : prompting
                ? "Waiting for your passkey…"
                : problem
                  ? "Try again"
                  : "Create my passkey"}
          </button>
        )}
      </div>
    </StepSection>
  );
}
