import type { Metadata } from "next";
import { OnboardingFlow } from "@/components/onboarding/onboarding-flow";
import { requireUnregisteredUser } from "@/lib/pages/gates";

export const metadata: Metadata = { title: "Set up your wallet" };

/** Onboarding: for a signed-in user who has no Dfns user yet; everyone else goes to the wallet. */
export default async function OnboardingPage() {
  await requireUnregisteredUser("/onboarding");

  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6 sm:py-16">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">Set up your wallet</h1>
      <p className="mt-2 max-w-2xl text-sm leading-relaxed text-slate-600">
        Three steps, about a minute: a passkey to control your wallet, a recovery code in case you lose it, then your
        wallets.
      </p>
      <div className="mt-8">
        <OnboardingFlow />
      </div>
    </div>
  );
}
