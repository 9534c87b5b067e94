"use client";

import Link from "next/link";
import { FormAlert } from "@/components/auth/form-alert";
import { cardStyles, linkStyles } from "@/components/styles";
import type { CredentialView } from "@/lib/dfns/credentials";
import { AddPasskeyForm } from "./add-passkey-form";
import { CredentialList } from "./credential-list";
import { useCredentials } from "./use-credentials";

/** The user's passkeys and recovery key, with adding and deactivating passkeys. */
export function CredentialsManager({ initial }: { initial: CredentialView[] }) {
  const { credentials, busy, error, done, addPasskey, deactivate } = useCredentials(initial);
  const passkeys = credentials.filter((c) => c.kind === "Fido2");
  const recoveryKeys = credentials.filter((c) => c.kind === "RecoveryKey");

  return (
    <div className="space-y-6">
      <FormAlert message={error} />
      <p
        role="status"
        aria-live="polite"
        data-testid="credentials-status"
        className={
          done ? "rounded-lg border border-emerald-200 bg-emerald-50 px-3 py-2.5 text-sm text-emerald-900" : "sr-only"
        }
      >
        {done}
      </p>

      <section aria-labelledby="passkeys-title" className={cardStyles}>
        <h2 id="passkeys-title" className="text-lg font-semibold text-slate-900">
          Passkeys
        </h2>
        <p className="mt-1 text-sm text-slate-600">Each active passkey can approve requests for your wallet.</p>
        <CredentialList credentials={passkeys} busy={busy} onDeactivate={deactivate} label="Your passkeys" />
        <AddPasskeyForm busy={busy} onAdd={addPasskey} />
      </section>

      <section aria-labelledby="recovery-title" className={cardStyles}>
        <h2 id="recovery-title" className="text-lg font-semibold text-slate-900">
          Recovery key
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          Opened only with your recovery code. If you lose every passkey,{" "}
          <Link href="/recovery" className={linkStyles}>
            recover your wallet with your recovery code
          </Link>
          : you get a new passkey and a new code, and the old ones stop working.
        </p>
        <CredentialList credentials={recoveryKeys} busy={busy} label="Your recovery keys" />
      </section>
    </div>
  );
}
