import type { Metadata } from "next";
import { CredentialsManager } from "@/components/credentials/credentials-manager";
import { listCredentials } from "@/lib/dfns/credentials";
import { requireRegisteredUser } from "@/lib/pages/gates";

export const metadata: Metadata = { title: "Passkeys and recovery" };

/** The signed-in user's passkeys and recovery key; users without a wallet set one up first. */
export default async function CredentialsPage() {
  const user = await requireRegisteredUser("/credentials");
  const { credentials, current } = await listCredentials(user);

  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6 sm:py-16">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">Passkeys and recovery</h1>
      <p className="mt-2 max-w-2xl text-sm leading-relaxed text-slate-600">
        What can approve requests for your wallet, and how you get back in if you lose it.
      </p>
      {!current && (
        <p className="mt-4 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2.5 text-sm text-amber-950">
          We couldn&apos;t reach Dfns, so this list may be out of date. Reload the page in a moment.
        </p>
      )}
      <div className="mt-8">
        <CredentialsManager initial={credentials} />
      </div>
    </div>
  );
}
