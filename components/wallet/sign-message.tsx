"use client";

import { useId, useState, type FormEvent } from "react";
import { FormAlert } from "@/components/auth/form-alert";
import { Spinner } from "@/components/spinner";
import { buttonStyles } from "@/components/styles";
import { runUserAction, userActionErrorMessage } from "@/lib/api/user-action";
import type { SignatureView } from "@/lib/dfns/signatures";
import { LatestSignature } from "./signature-list";

interface Props {
  walletId: string;
  /** e.g. "Ethereum Sepolia", for labels. */
  networkName: string;
  /** How the server checks the signature, in a sentence. */
  verificationNote: string;
  /** Called with each new signature, for the list of past ones. */
  onSigned: (signature: SignatureView) => void;
  /** The route's limit (given by the server page, so zod stays out of the browser bundle). */
  messageMaxLength: number;
}

/**
 * Signs a typed message with the wallet: the server prepares the Dfns request, the passkey
 * approves it, the server completes and verifies it. Shows the result.
 */
export function SignMessage({ walletId, networkName, verificationNote, onSigned, messageMaxLength }: Props) {
  const [message, setMessage] = useState("");
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
      onSigned(signature);
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

      <LatestSignature signature={latest} testId="latest-signature" />
    </div>
  );
}
