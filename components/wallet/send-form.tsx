"use client";

import { useId, useState, type FormEvent } from "react";
import { FormAlert } from "@/components/auth/form-alert";
import { Spinner } from "@/components/spinner";
import { buttonStyles } from "@/components/styles";
import { ApiError, apiPost } from "@/lib/api/client";
import { approveAndComplete, userActionErrorMessage } from "@/lib/api/user-action";
import type { AssetView } from "@/lib/dfns/assets";
import type { TransferView } from "@/lib/dfns/transfers";
import type { BrowserUserAction } from "@/lib/passkeys";
import { checkTransfer, type TransferField } from "@/lib/transfers/transfer-input";

const PRIORITIES = ["Slow", "Standard", "Fast"] as const;
const inputStyles =
  "block w-full rounded-lg border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm placeholder:text-slate-400 focus:border-brand focus:outline-none aria-[invalid=true]:border-red-400";

type Step =
  | { name: "edit" }
  /** The server checked and stored the transfer: this is exactly what the passkey will approve. */
  | { name: "review"; action: BrowserUserAction; transfer: TransferView }
  | { name: "sent"; transfer: TransferView; problem: string | null };

interface Props {
  walletId: string;
  network: string;
  networkName: string;
  assets: AssetView[];
  /** Whether the network takes a fee priority (EVM, Bitcoin). */
  feePriority: boolean;
  /** Shown once the transfer is sent, following its status. */
  renderSent: (transfer: TransferView, problem: string | null) => React.ReactNode;
}

/**
 * Send: asset, recipient, amount (checked as typed, with the same rules as the server) → review
 * of what the server stored → the passkey approves → the server sends it.
 */
export function SendForm({ walletId, network, networkName, assets, feePriority, renderSent }: Props) {
  const [step, setStep] = useState<Step>({ name: "edit" });
  const [assetId, setAssetId] = useState(assets[0]?.id ?? "");
  const [to, setTo] = useState("");
  const [amount, setAmount] = useState("");
  const [priority, setPriority] = useState<(typeof PRIORITIES)[number]>("Standard");
  const [fieldProblem, setFieldProblem] = useState<{ field: TransferField; message: string } | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const ids = { asset: useId(), to: useId(), amount: useId(), priority: useId(), fieldError: useId() };
  const asset = assets.find((a) => a.id === assetId) ?? assets[0];

  if (!asset) return <p className="text-sm text-slate-600">Nothing to send yet: get test funds first.</p>;
  const selected: AssetView = asset;

  async function review(event: FormEvent) {
    event.preventDefault();
    setProblem(null);
    const checked = checkTransfer({ network, asset: selected, to, amount });
    if (!checked.ok) {
      setFieldProblem({ field: checked.issue.field, message: checked.issue.message });
      return;
    }
    setFieldProblem(null);
    setBusy(true);
    try {
      const begun = await apiPost<{ action: BrowserUserAction; transfer: TransferView }>(
        `/api/wallets/${walletId}/transfers`,
        {
          asset: selected.id,
          to,
          amount,
          ...(feePriority ? { priority } : {}),
        },
      );
      setStep({ name: "review", ...begun });
    } catch (error) {
      if (error instanceof ApiError && error.status === 400 && isField(error.field))
        setFieldProblem({ field: error.field, message: error.message });
      else setProblem(userActionErrorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  async function send(action: BrowserUserAction, transfer: TransferView) {
    setBusy(true);
    setProblem(null);
    try {
      const sent = await approveAndComplete<{ transfer: TransferView }>(
        action,
        `/api/wallets/${walletId}/transfers/complete`,
      );
      setStep({ name: "sent", transfer: sent.transfer, problem: null });
    } catch (error) {
      if (error instanceof ApiError && error.code === "transfer_unconfirmed") {
        // Dfns may have it: follow its status instead of offering to send again.
        setStep({ name: "sent", transfer: { ...transfer, status: "Submitting" }, problem: error.message });
      } else if (error instanceof ApiError && error.status !== 0) {
        // Used, expired or refused: this approval is spent. Back to the form, with the reason.
        setStep({ name: "edit" });
        setProblem(userActionErrorMessage(error));
      } else {
        setProblem(userActionErrorMessage(error)); // passkey cancelled, or offline: approve again
      }
    } finally {
      setBusy(false);
    }
  }

  function reset() {
    setStep({ name: "edit" });
    setAmount("");
    setTo("");
    setProblem(null);
  }

  if (step.name === "sent") {
    return (
      <div>
        {renderSent(step.transfer, step.problem)}
        <button type="button" onClick={reset} className={`${buttonStyles.secondary} mt-4`}>
          Send another
        </button>
      </div>
    );
  }

  if (step.name === "review") {
    const { transfer, action } = step;
    return (
      <div data-testid="transfer-review">
        <h4 className="text-sm font-semibold text-slate-900">Check and approve</h4>
        <p className="mt-1 text-sm text-slate-600">
          Your passkey approves exactly this transfer; nothing else can be sent with its approval.
        </p>
        <dl className="mt-3 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-2 rounded-xl border border-slate-200 p-4 text-sm">
          <dt className="text-slate-500">Network</dt>
          <dd className="text-slate-900">{transfer.networkName}</dd>
          <dt className="text-slate-500">Asset</dt>
          <dd className="text-slate-900">
            {transfer.symbol}
            {transfer.token && (
              <span className="block break-all font-mono text-xs text-slate-500">{transfer.token}</span>
            )}
          </dd>
          <dt className="text-slate-500">Amount</dt>
          <dd className="font-mono text-slate-900" data-testid="review-amount">
            {transfer.formattedAmount} {transfer.symbol}
          </dd>
          <dt className="text-slate-500">To</dt>
          <dd className="break-all font-mono text-slate-900" data-testid="review-to">
            {transfer.to}
          </dd>
          {transfer.priority && (
            <>
              <dt className="text-slate-500">Fee priority</dt>
              <dd className="text-slate-900">{transfer.priority} (the network fee is paid in the native asset)</dd>
            </>
          )}
        </dl>
        <FormAlert message={problem} />
        <div className="mt-4 flex flex-wrap gap-3">
          <button type="button" disabled={busy} onClick={() => send(action, transfer)} className={buttonStyles.primary}>
            {busy && <Spinner />}
            {busy ? "Waiting for your passkey…" : "Send with passkey"}
          </button>
          <button
            type="button"
            disabled={busy}
            onClick={() => setStep({ name: "edit" })}
            className={buttonStyles.secondary}
          >
            Change
          </button>
        </div>
      </div>
    );
  }

  const invalid = (field: TransferField) => fieldProblem?.field === field;
  const describedBy = (field: TransferField) => (invalid(field) ? ids.fieldError : undefined);
  return (
    <form onSubmit={review} noValidate className="space-y-3" aria-label={`Send from your ${networkName} wallet`}>
      <div className="grid gap-3 sm:grid-cols-[minmax(0,10rem)_1fr]">
        <div>
          <label htmlFor={ids.asset} className="block text-sm font-medium text-slate-800">
            Asset
          </label>
          <select
            id={ids.asset}
            value={asset.id}
            onChange={(e) => setAssetId(e.target.value)}
            className={inputStyles}
            aria-invalid={invalid("asset")}
          >
            {assets.map((a) => (
              <option key={a.id} value={a.id}>
                {a.symbol} ({a.formatted})
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={ids.amount} className="block text-sm font-medium text-slate-800">
            Amount
          </label>
          <input
            id={ids.amount}
            value={amount}
            onChange={(e) => setAmount(e.target.value)}
            inputMode="decimal"
            autoComplete="off"
            placeholder="0.01"
            aria-invalid={invalid("amount")}
            aria-describedby={describedBy("amount")}
            className={inputStyles}
          />
        </div>
      </div>
      <div>
        <label htmlFor={ids.to} className="block text-sm font-medium text-slate-800">
          Recipient&apos;s {networkName} address
        </label>
        <input
          id={ids.to}
          value={to}
          onChange={(e) => setTo(e.target.value)}
          autoComplete="off"
          spellCheck={false}
          aria-invalid={invalid("to")}
          aria-describedby={describedBy("to")}
          className={`${inputStyles} font-mono`}
        />
      </div>
      {feePriority && (
        <div>
          <label htmlFor={ids.priority} className="block text-sm font-medium text-slate-800">
            Fee priority
          </label>
          <select
            id={ids.priority}
            value={priority}
            onChange={(e) => setPriority(e.target.value as typeof priority)}
            className={`${inputStyles} sm:w-48`}
          >
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </div>
      )}
      <p id={ids.fieldError} role="alert" className="text-sm text-red-800" data-testid="send-field-error">
        {fieldProblem?.message}
      </p>
      <FormAlert message={problem} />
      <button type="submit" disabled={busy} className={buttonStyles.primary}>
        {busy && <Spinner />}
        {busy ? "Checking…" : "Review"}
      </button>
    </form>
  );
}

const isField = (field: string | undefined): field is TransferField =>
  field === "asset" || field === "to" || field === "amount";
