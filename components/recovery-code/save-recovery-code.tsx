"use client";

import { useId, useRef, useState } from "react";
import { buttonStyles } from "@/components/styles";
import { downloadTextFile, recoveryCodeFileName, recoveryCodeFileText } from "./recovery-code-file";

interface Props {
  recoveryCode: string;
  username: string;
  saved: boolean;
  onSavedChange: (saved: boolean) => void;
}

/**
 * A recovery code shown once, with copy and download, and the "I have saved it" checkbox that the
 * next step waits for. Used by onboarding and by recovery (which makes a new code).
 */
export function SaveRecoveryCode({ recoveryCode, username, saved, onSavedChange }: Props) {
  const [feedback, setFeedback] = useState("");
  const codeRef = useRef<HTMLParagraphElement>(null);
  const ids = { code: useId(), hint: useId(), saved: useId() };

  async function copy() {
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
    downloadTextFile(recoveryCodeFileName(), recoveryCodeFileText({ recoveryCode, username }));
    setFeedback(`Downloaded ${recoveryCodeFileName()}. Keep the file somewhere safe.`);
  }

  return (
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
          onChange={(event) => onSavedChange(event.target.checked)}
          className="mt-0.5 size-5 shrink-0 rounded border-slate-300 accent-brand"
        />
        <label htmlFor={ids.saved} className="text-sm font-medium text-slate-800">
          I have saved my recovery code
        </label>
      </div>
    </div>
  );
}

/** The button that waits for the checkbox, with the hint that says so. */
export function ConfirmSavedButton({
  saved,
  onClick,
  children,
}: {
  saved: boolean;
  onClick: () => void;
  children: string;
}) {
  const hint = useId();
  return (
    <div className="space-y-2">
      <button
        type="button"
        onClick={onClick}
        disabled={!saved}
        aria-describedby={saved ? undefined : hint}
        className={`${buttonStyles.primary} w-full sm:w-auto`}
      >
        {children}
      </button>
      {!saved && (
        <p id={hint} className="text-xs text-slate-500">
          Tick “I have saved my recovery code” first.
        </p>
      )}
    </div>
  );
}
