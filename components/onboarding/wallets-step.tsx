import Link from "next/link";
import type { Ref } from "react";
import { FormAlert } from "@/components/auth/form-alert";
import { buttonStyles } from "@/components/styles";
import { RetryOrStartOver } from "@/components/steps/retry-actions";
import { networkInfo } from "@/lib/networks";
import { Spinner } from "@/components/spinner";
import { StepSection } from "@/components/steps/step-section";
import type { OnboardingState } from "./use-onboarding";

interface Props {
  state: OnboardingState;
  headingRef: Ref<HTMLHeadingElement>;
  onRetry: () => void;
  onStartOver: () => void;
}

/** Step 3: the registration is completed on the server and Dfns creates the wallets. */
export function WalletsStep({ state, headingRef, onRetry, onStartOver }: Props) {
  const { activity, problem, wallets } = state;
  const finished = activity === "done" || activity === "leaving";

  return (
    <StepSection
      title={
        finished ? (wallets.length > 0 ? "Your wallets are ready" : "Your account is ready") : "Create your wallets"
      }
      headingRef={headingRef}
    >
      {activity === "wallets" && (
        <p className="mt-4 flex items-center gap-2 text-sm text-slate-600">
          <Spinner /> Registering your passkey and recovery key, and creating your wallets…
        </p>
      )}

      {finished && (
        <>
          <p className="mt-2 text-sm text-slate-600">
            {wallets.length > 0
              ? "Your passkey and recovery key are registered. Here are your wallets:"
              : "Your passkey and recovery key are registered. Add your first wallet on the wallet page."}
          </p>
          <ul className="mt-4 grid gap-3 empty:hidden" aria-label="Your new wallets">
            {wallets.map((wallet) => (
              <li key={wallet.id} className="rounded-xl border border-slate-200 bg-slate-50 px-4 py-3">
                <p className="text-sm font-semibold text-slate-900">{networkInfo(wallet.network).displayName}</p>
                <p className="mt-1 break-all font-mono text-sm text-slate-700">{wallet.address ?? "Address pending"}</p>
              </li>
            ))}
          </ul>
          <Link href="/wallet" className={`${buttonStyles.primary} mt-6`}>
            Go to your wallet
          </Link>
        </>
      )}

      {problem && (
        <div className="mt-6 space-y-4">
          <FormAlert message={problem.message} />
          <RetryOrStartOver
            retry={problem.retry === "sign-in" ? "sign-in" : "again"}
            returnTo="/onboarding"
            onRetry={onRetry}
            onStartOver={onStartOver}
            note="“Start over” makes a new passkey and a new recovery code; the code you saved will then no longer work."
          />
        </div>
      )}
    </StepSection>
  );
}
