import type { Metadata } from "next";
import Link from "next/link";
import { buttonStyles, cardStyles } from "@/components/styles";
import { requireUser } from "@/lib/auth/session";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Your wallet" };

export default async function WalletPage() {
  const user = await requireUser("/wallet");
  const dfnsUser = await (await db()).dfnsUser.findUnique({
    where: { userId: user.id },
    select: { wallets: { select: { id: true, network: true, address: true, name: true }, orderBy: { createdAt: "asc" } } },
  });
  const wallets = dfnsUser?.wallets ?? [];

  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6 sm:py-16">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">Your wallet</h1>
      {wallets.length === 0 ? (
        <section aria-labelledby="empty-title" className={`${cardStyles} mt-8`}>
          <h2 id="empty-title" className="text-lg font-semibold text-slate-900">
            No wallet yet
          </h2>
          <p className="mt-2 text-sm leading-relaxed text-slate-600">
            Set up a passkey and a recovery key, and your wallets will be created. It takes a minute.
          </p>
          <Link href="/onboarding" className={`${buttonStyles.primary} mt-6`}>
            Set up your wallet
          </Link>
        </section>
      ) : (
        <ul className="mt-8 grid gap-4">
          {wallets.map((wallet) => (
            <li key={wallet.id} className={cardStyles}>
              <h2 className="font-semibold text-slate-900">{wallet.name ?? wallet.network}</h2>
              <p className="mt-1 text-sm text-slate-500">{wallet.network}</p>
              <p className="mt-3 break-all font-mono text-sm text-slate-800">{wallet.address ?? "Address pending"}</p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
