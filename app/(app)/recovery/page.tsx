import type { Metadata } from "next";
import { RecoveryFlow } from "@/components/recovery/recovery-flow";
import { requireRegisteredUser } from "@/lib/pages/gates";

export const metadata: Metadata = { title: "Recover your wallet" };

/** Recovery: for a signed-in user with a Dfns user who lost their passkey; others set up a wallet first. */
export default async function RecoveryPage() {
  await requireRegisteredUser("/recovery");

  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6 sm:py-16">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">Recover your wallet</h1>
      <p className="mt-2 max-w-2xl text-sm leading-relaxed text-slate-600">
        With your recovery code you replace a lost passkey: your wallets and their addresses stay the same.
      </p>
      <div className="mt-8">
        <RecoveryFlow />
      </div>
    </div>
  );
}
