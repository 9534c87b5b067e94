import Link from "next/link";
import { useId, useState, type FormEvent, type Ref } from "react";
import { FormAlert } from "@/components/auth/form-alert";
import { Spinner } from "@/components/onboarding/stepper";
import { buttonStyles } from "@/components/styles";
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
  const ids = { input: useId(), hint: useId() };
  const loading = activity === "loading";
  const checking = activity === "checking";

  function submit(event: FormEvent) {
    event.preventDefault();
    onCheck(code);
  }

  return (
    <section aria-labelledby="step-title">
      <h2 id="step-title" ref={headingRef} tabIndex={-1} className="text-xl font-semibold text-slate-900">
        Enter your recovery code
      </h2>
      <p className="mt-2 text-sm leading-relaxed text-slate-600">
        Lost your passkey? The recovery code you saved when you set up your wallet gets you back in. You&apos;ll then
        create a new passkey and get a new recovery code; your old passkey and old code stop working.
      </p>

      <form onSubmit={submit} className="mt-6 space-y-4" noValidate>
        <div>
          <label htmlFor={ids.input} className="block text-sm font-medium text-slate-800">
            Recovery code
          </label>
          <input
            id={ids.input}
            name="recovery-code"
            value={code}
            onChange={(event) => setCode(event.target.value)}
            aria-describedby={ids.hint}
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            translate="no"
            placeholder="D1-XXXXXX-XXXXX-XXXXX-XXXXX-XXXXX-XXXXXX"
            className="mt-1.5 block w-full rounded-lg border border-slate-300 bg-white px-3 py-2.5 font-mono text-sm tracking-wide text-slate-900 shadow-sm focus:border-brand focus:outline-none focus:ring-2 focus:ring-brand/30"
          />
          <p id={ids.hint} className="mt-1.5 text-xs text-slate-500">
            It starts with D1-. Case, spaces and dashes don&apos;t matter. It stays on this device.
          </p>
        </div>

        <FormAlert message={problem?.message ?? null} />

        {problem?.retry === "sign-in" ? (
          <Link href={`/sign-in?callbackUrl=${encodeURIComponent("/recovery")}`} className={buttonStyles.primary}>
            Sign in again
          </Link>
        ) : problem?.retry === "start" ? (
          <button type="button" onClick={onRetry} className={`${buttonStyles.primary} w-full sm:w-auto`}>
            Try again
          </button>
        ) : (
          <button type="submit" disabled={loading || checking || code.trim() === ""} className={`${buttonStyles.primary} w-full sm:w-auto`}>
            {(loading || checking) && <Spinner />}
            {loading ? "Getting ready…" : checking ? "Checking your code…" : "Continue"}
          </button>
        )}
      </form>
    </section>
  );
}
