"use client";

import { useId, useState, type FormEvent } from "react";
import { FormAlert } from "@/components/auth/form-alert";
import { Spinner } from "@/components/spinner";
import { buttonStyles } from "@/components/styles";
import { runUserAction, userActionErrorMessage } from "@/lib/api/user-action";
import type { SignatureView } from "@/lib/dfns/signatures";
import { typedDataExamples } from "@/lib/typed-data/examples";
import { LatestSignature } from "./signature-list";

/** What an EVM wallet needs to sign typed data. */
export interface TypedDataSigner {
  address: string;
  chainId: number;
  /** The check's limit (given by the server page, so the check loads only when used). */
  maxLength: number;
}

interface Props {
  walletId: string;
  networkName: string;
  signer: TypedDataSigner;
  onSigned: (signature: SignatureView) => void;
}

/**
 * Signs typed data (EIP-712) with an EVM wallet: pasted JSON or a ready example, checked here
 * first (the server's own check, loaded on first use), then approved with the passkey; the
 * server signs what it stored and verifies the signature against the wallet's address.
 */
export function SignTypedData({ walletId, networkName, signer, onSigned }: Props) {
  const [text, setText] = useState("");
  const [latest, setLatest] = useState<SignatureView | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const ids = { json: useId(), hint: useId() };

  function fillExample(id: string) {
    const example = typedDataExamples(signer.address, signer.chainId).find((e) => e.id === id);
    if (example) setText(example.json);
    setProblem(null);
  }

  async function sign(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    setLatest(null);
    try {
      // Said here, before any passkey prompt; the server runs the same check again.
      const { checkTypedData } = await import("@/lib/typed-data/check");
      const checked = checkTypedData(text, { chainId: signer.chainId, networkName });
      if (!checked.ok) {
        setProblem(checked.problem);
        return;
      }
      const { signature } = await runUserAction<{ signature: SignatureView }>({
        begin: `/api/wallets/${walletId}/signatures/typed-data`,
        beginBody: { typedData: text },
        complete: `/api/wallets/${walletId}/signatures/typed-data/complete`,
      });
      setLatest(signature);
      onSigned(signature);
    } catch (error) {
      setProblem(userActionErrorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <details className="mt-6 rounded-xl border border-slate-200 px-4 py-3">
      <summary className="cursor-pointer text-sm font-medium text-slate-800">Sign typed data (EIP-712)</summary>
      <form onSubmit={sign} aria-label="Sign typed data" className="mt-3 space-y-3">
        <div className="flex flex-wrap items-center gap-2 text-sm text-slate-600">
          <span>Start from an example:</span>
          {typedDataExamples(signer.address, signer.chainId).map((example) => (
            <button
              key={example.id}
              type="button"
              onClick={() => fillExample(example.id)}
              className={buttonStyles.secondary}
            >
              {example.label}
            </button>
          ))}
        </div>
        <label htmlFor={ids.json} className="block text-sm font-medium text-slate-800">
          Typed data (JSON) to sign with your {networkName} wallet
        </label>
        <textarea
          id={ids.json}
          value={text}
          onChange={(event) => setText(event.target.value)}
          maxLength={signer.maxLength}
          rows={10}
          spellCheck={false}
          aria-describedby={ids.hint}
          placeholder='{ "types": { … }, "primaryType": "…", "domain": { … }, "message": { … } }'
          className="block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 font-mono text-xs text-slate-900 shadow-sm placeholder:text-slate-400 focus:border-brand focus:outline-none"
        />
        <p id={ids.hint} className="text-xs text-slate-500">
          As a dapp passes it to <code>eth_signTypedData_v4</code>: types, primaryType, domain and message. The
          domain&apos;s chainId must be this wallet&apos;s ({signer.chainId}). Your passkey approves it; the server then
          checks the signature against this wallet&apos;s address.
        </p>
        <FormAlert message={problem} />
        <button type="submit" disabled={busy} className={buttonStyles.primary}>
          {busy && <Spinner />}
          {busy ? "Waiting for your passkey…" : "Sign typed data with passkey"}
        </button>
      </form>

      <LatestSignature signature={latest} testId="latest-typed-signature" />
    </details>
  );
}
