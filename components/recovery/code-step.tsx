import { useState, type FormEvent, type Ref } from "react";
import { Field } from "@/components/auth/field";
import { FormAlert } from "@/components/auth/form-alert";
import { SignInAgainLink } from "@/components/steps/retry-actions";
import { Spinner } from "@/components/spinner";
import { buttonStyles } from "@/components/styles";
import { StepSection } from "@/components/steps/step-section";
import type { RecoveryState } from "./use-recovery";

interface Props {
  state: RecoveryState;
  headingRef: Ref<HTMLHeadingElement>;
  onCheck: (recoveryCode: string) => void;
  onRetry: () => void;
}

/** Step 1: the recovery code. It is checked here, in the browser; it is never sent anywhere. */
export function CodeStep({ state, headingRef, onCheck, onRetry }: Props) {
  const { activity, problem } = state;
  const [code, setCode] = useState("");
  const loading = activity === "loading";
  const checking = activity === "checking";

  function submit(event: FormEvent) {
    event.preventDefault();
    onCheck(code);
  }

  return (
    <StepSection title="Enter your recovery code" headingRef={headingRef}>
      <p className="mt-2 text-sm leading-relaxed text-slate-600">
        Lost your passkey? The recovery code you saved when you set up your wallet gets you back in. You&apos;ll then
        create a new passkey and get a new recovery code; your old passkey and old code stop working.
      </p>

      <form onSubmit={submit} className="mt-6 space-y-4" noValidate>
        <Field
          name="recovery-code"
          label="Recovery code"
          hint="It starts with D1-. Case, spaces and dashes don't matter. It stays on this device."
          value={code}
          onChange={(event) => setCode(event.target.value)}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          translate="no"
          placeholder="D1-XXXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXXX"
        />

        <FormAlert message={problem?.message ?? null} />

        {problem?.retry === "sign-in" ? (
          <SignInAgainLink returnTo="/recovery" />
        ) : problem?.retry === "start" ? (
          <button type="button" onClick={onRetry} className={`${buttonStyles.primary} w-full sm:w-auto`}>
            Try again
          </button>
        ) : (
          <button
            type="submit"
            disabled={loading || checking || code.trim() === ""}
            className={`${buttonStyles.primary} w-full sm:w-auto`}
          >
            {(loading || checking) && <Spinner />}
            {loading ? "Getting ready…" : checking ? "Checking your code…" : "Continue"}
          </button>
        )}
      </form>
    </StepSection>
  );
}
