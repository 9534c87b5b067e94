"use client";

import Link from "next/link";
import { useId, useRef, useState, type Ref } from "react";
import { FormAlert } from "@/components/auth/form-alert";
import { buttonStyles } from "@/components/styles";
import { downloadTextFile, recoveryCodeFileName, recoveryCodeFileText } from "./recovery-code-file";
import { Spinner } from "./stepper";
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
  const [feedback, setFeedback] = useState("");
  const codeRef = useRef<HTMLParagraphElement>(null);
  const ids = { code: useId(), hint: useId(), saved: useId() };
  const generating = activity === "recovery-key";

  async function copy() {
    if (!recoveryCode) return;
    try {
      await navigator.clipboard.writeText(recoveryCode);
      setFeedback("Recovery code copied to the clipboard.");
    } catch {
      // No clipboard access (permission, insecure page): select it for a manual copy instead.
      const selection = window.getSelection();
      if (codeRef.current && selection) selection.selectAllChildren(codeRef.current);
      setFeedback("Your browser blocked copying. The code is selected: copy it with Ctrl+C or ⌘C.");
    }
  }

  function download() {
    if (!recoveryCode || !username) return;
    downloadTextFile(recoveryCodeFileName(), recoveryCodeFileText({ recoveryCode, username }));
    setFeedback(`Downloaded ${recoveryCodeFileName()}. Keep the file somewhere safe.`);
  }

  return (
    <section aria-labelledby="step-title">
      <h2 id="step-title" ref={headingRef} tabIndex={-1} className="text-xl font-semibold text-slate-900">
        Save your recovery code
      </h2>
      <p className="mt-2 text-sm leading-relaxed text-slate-600">
        Your passkey is ready. If you ever lose it, this recovery code is how you get back into your wallet. It is shown
        only this once and we don&apos;t keep a copy: save it now in a password manager, or download it and keep the
        file safe. Don&apos;t share it with anyone.
      </p>

      {generating ? (
        <p className="mt-6 flex items-center gap-2 text-sm text-slate-600">
          <Spinner /> Creating your recovery key…
        </p>
      ) : recoveryCode ? (
        <div className="mt-6 space-y-6">
          <div className="rounded-xl border border-brand-muted bg-brand-soft p-4 sm:p-5">
            <p id={ids.hint} className="text-xs font-medium uppercase tracking-wide text-brand-strong">
              Your recovery code
            </p>
            <p
              id={ids.code}
              ref={codeRef}
              aria-describedby={ids.hint}
              data-testid="recovery-code"
              translate="no"
              className="mt-2 select-all break-all font-mono text-lg font-semibold tracking-wider text-slate-900 sm:text-xl"
            >
              {recoveryCode}
            </p>
            <div className="mt-4 flex flex-wrap gap-2">
              <button type="button" onClick={copy} className={buttonStyles.secondary} aria-describedby={ids.hint}>
                Copy code
              </button>
              <button type="button" onClick={download} className={buttonStyles.secondary}>
                Download as .txt
              </button>
            </div>
            <p role="status" aria-live="polite" className="mt-2 min-h-5 text-sm text-slate-700">
              {feedback}
            </p>
          </div>

          <div className="flex items-start gap-3">
            <input
              id={ids.saved}
              type="checkbox"
              checked={saved}
              onChange={(event) => setSaved(event.target.checked)}
              className="mt-0.5 size-5 shrink-0 rounded border-slate-300 accent-brand"
            />
            <label htmlFor={ids.saved} className="text-sm font-medium text-slate-800">
              I have saved my recovery code
            </label>
          </div>
        </div>
      ) : null}

      <div className="mt-6 space-y-4">
        <FormAlert message={problem?.message ?? null} />
        {problem?.retry === "recovery-key" ? (
          <button type="button" onClick={onRetry} className={`${buttonStyles.primary} w-full sm:w-auto`}>
            Try again
          </button>
        ) : problem?.retry === "sign-in" ? (
          <Link href={`/sign-in?callbackUrl=${encodeURIComponent("/onboarding")}`} className={buttonStyles.primary}>
            Sign in again
          </Link>
        ) : (
          !generating && (
            <div className="space-y-2">
              <button
                type="button"
                onClick={onCreateWallets}
                disabled={!saved || !recoveryCode}
                aria-describedby={saved ? undefined : `${ids.saved}-why`}
                className={`${buttonStyles.primary} w-full sm:w-auto`}
              >
                Create my wallets
              </button>
              {!saved && (
                <p id={`${ids.saved}-why`} className="text-xs text-slate-500">
                  Tick “I have saved my recovery code” first.
                </p>
              )}
            </div>
          )
        )}
      </div>
    </section>
  );
}
