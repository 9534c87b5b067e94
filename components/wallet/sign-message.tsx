"use client";

import { useId, useState, type FormEvent } from "react";
import { FormAlert } from "@/components/auth/form-alert";
import { Spinner } from "@/components/onboarding/stepper";
import { buttonStyles } from "@/components/styles";
import { runUserAction, userActionErrorMessage } from "@/lib/api/user-action";
import type { SignatureView } from "@/lib/dfns/signatures";
import { SignatureList, VerificationBadge } from "./signature-list";

interface Props {
  walletId: string;
  /** e.g. "Ethereum Sepolia", for labels. */
  networkName: string;
  /** How the server checks the signature, in a sentence. */
  verificationNote: string;
  initialSignatures: SignatureView[];
  /** Newest first, at most this many are listed. */
  listLimit: number;
  /** The route's limit (given by the server page, so zod stays out of the browser bundle). */
  messageMaxLength: number;
}

/**
 * Signs a typed message with the wallet: the server prepares the Dfns request, the passkey
 * approves it, the server completes and verifies it. Shows the result and the past signatures.
 */
export function SignMessage({ walletId, networkName, verificationNote, initialSignatures, listLimit, messageMaxLength }: Props) {
  const [message, setMessage] = useState("");
  const [signatures, setSignatures] = useState(initialSignatures);
  const [latest, setLatest] = useState<SignatureView | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const ids = { message: useId(), hint: useId() };

  async function sign(event: FormEvent) {
    event.preventDefault();
    if (!message.trim()) {
      setProblem("Type the message you want to sign first.");
      return;
    }
    setBusy(true);
    setProblem(null);
    setLatest(null);
    try {
      const { signature } = await runUserAction<{ signature: SignatureView }>({
        begin: `/api/wallets/${walletId}/signatures`,
        beginBody: { message },
        complete: `/api/wallets/${walletId}/signatures/complete`,
      });
      setLatest(signature);
      setSignatures((list) => [signature, ...list.filter((s) => s.id !== signature.id)].slice(0, listLimit));
      setMessage("");
    } catch (error) {
      setProblem(userActionErrorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div>
      <form onSubmit={sign} className="space-y-3">
        <label htmlFor={ids.message} className="block text-sm font-medium text-slate-800">
          Message to sign with your {networkName} wallet
        </label>
        <textarea
          id={ids.message}
          value={message}
          onChange={(event) => setMessage(event.target.value)}
          maxLength={messageMaxLength}
          rows={2}
          aria-describedby={ids.hint}
          placeholder="I agree to the terms of service."
          className="block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm placeholder:text-slate-400 focus:border-brand focus:outline-none"
        />
        <p id={ids.hint} className="text-xs text-slate-500">
          Your passkey approves the signature. {verificationNote} Up to {messageMaxLength} characters.
        </p>
        <FormAlert message={problem} />
        <button type="submit" disabled={busy} className={buttonStyles.primary}>
          {busy && <Spinner />}
          {busy ? "Waiting for your passkey…" : "Sign with passkey"}
        </button>
      </form>

      <div role="status" aria-live="polite">
        {latest && (
          <div className="mt-4 rounded-xl border border-brand-muted bg-brand-soft p-4" data-testid="latest-signature">
            <div className="flex flex-wrap items-center gap-2">
              <p className="text-sm font-semibold text-slate-900">
                {latest.status === "Pending" ? "Waiting for approval to sign" : "Signed"} “{latest.message}”
              </p>
              <VerificationBadge signature={latest} />
            </div>
            {latest.signature && <p className="mt-2 break-all font-mono text-xs text-slate-700">{latest.signature}</p>}
          </div>
        )}
      </div>

      <h3 className="mt-6 text-sm font-semibold text-slate-900">Past signatures</h3>
      <SignatureList signatures={signatures} label={`Signatures of your ${networkName} wallet`} />
    </div>
  );
}
