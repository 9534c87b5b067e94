"use client";

import { useState } from "react";
import { Spinner } from "@/components/spinner";
import { buttonStyles } from "@/components/styles";
import type { CredentialView } from "@/lib/dfns/credentials";
import { formatUtc } from "@/lib/format-date";
import type { Busy } from "./use-credentials";

interface Props {
  credentials: CredentialView[];
  busy: Busy;
  label: string;
  /** Passkeys only: offered for every active one except the last. */
  onDeactivate?: (credential: CredentialView) => void;
}

/** Credentials with name, creation date and state; active ones first. */
export function CredentialList({ credentials, busy, label, onDeactivate }: Props) {
  const [confirming, setConfirming] = useState<string | null>(null);
  const activeCount = credentials.filter((c) => c.active).length;
  const sorted = [...credentials].sort((a, b) => Number(b.active) - Number(a.active));

  if (sorted.length === 0) return <p className="mt-4 text-sm text-slate-500">None.</p>;

  return (
    <ul aria-label={label} className="mt-4 divide-y divide-slate-200 rounded-xl border border-slate-200">
      {sorted.map((credential) => {
        const deactivating = busy?.kind === "deactivate" && busy.id === credential.id;
        const last = credential.active && activeCount === 1;
        return (
          <li
            key={credential.id}
            className="flex flex-wrap items-center justify-between gap-3 px-4 py-3"
            data-testid="credential"
          >
            <div>
              <p className="font-medium text-slate-900">
                {credential.name}{" "}
                <span
                  className={`ml-1 rounded-full px-2 py-0.5 text-xs font-medium ${credential.active ? "bg-emerald-100 text-emerald-800" : "bg-slate-100 text-slate-600"}`}
                >
                  {credential.active ? "Active" : "Inactive"}
                </span>
              </p>
              <p className="mt-0.5 text-xs text-slate-500">
                Created <time dateTime={credential.createdAt}>{formatUtc(credential.createdAt)}</time>
              </p>
            </div>
            {onDeactivate && credential.active && (
              <div className="flex flex-wrap items-center gap-2">
                {last ? (
                  <p className="text-xs text-slate-500">
                    Your only active passkey: add another before deactivating it.
                  </p>
                ) : confirming === credential.id ? (
                  <>
                    <button
                      type="button"
                      disabled={busy !== null}
                      onClick={() => {
                        setConfirming(null);
                        onDeactivate(credential);
                      }}
                      className={buttonStyles.primary}
                    >
                      Yes, deactivate “{credential.name}”
                    </button>
                    <button type="button" onClick={() => setConfirming(null)} className={buttonStyles.ghost}>
                      Cancel
                    </button>
                  </>
                ) : (
                  <button
                    type="button"
                    disabled={busy !== null}
                    onClick={() => setConfirming(credential.id)}
                    aria-label={`Deactivate ${credential.name}`}
                    className={buttonStyles.secondary}
                  >
                    {deactivating && <Spinner />}
                    {deactivating ? "Waiting for your passkey…" : "Deactivate"}
                  </button>
                )}
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
