import type { Metadata } from "next";
import type { ReactNode } from "react";
import { buttonStyles, cardStyles } from "@/components/styles";
import { AddWallet } from "@/components/wallet/add-wallet";
import { WalletCard } from "@/components/wallet/wallet-card";
import { WalletFunds } from "@/components/wallet/wallet-funds";
import { requireUser } from "@/lib/auth/session";
import { latestSignatures, SIGNATURE_LIST_LIMIT } from "@/lib/dfns/signatures";
import { MESSAGE_MAX_LENGTH } from "@/lib/dfns/wallet-schema";
import { listUserWallets } from "@/lib/dfns/wallets";
import { testFundsUrl } from "@/lib/network-links";
import { networkInfo, signatureCheckNote } from "@/lib/networks";
import { qrCodeDataUrl } from "@/lib/qr";

export const metadata: Metadata = { title: "Your wallets" };

/**
 * Wallet home: the signed-in user's wallets, refreshed from Dfns (or as stored, saying so, when
 * Dfns does not answer), each with its address, QR code, explorer link, balances, send and
 * activity (loaded by the browser, so a slow Dfns does not hold the page) and message signing.
 */
export default async function WalletPage() {
  const user = await requireUser("/wallet");
  const { registered, wallets, refreshed, addableNetworks } = await listUserWallets(user);

  if (!registered) {
    return (
      <PageFrame>
        <section aria-labelledby="empty-title" className={`${cardStyles} mt-8`}>
          <h2 id="empty-title" className="text-lg font-semibold text-slate-900">
            No wallet yet
          </h2>
          <p className="mt-2 text-sm leading-relaxed text-slate-600">
            Set up a passkey and a recovery key, and your wallets will be created. It takes a minute.
          </p>
          <a href="/onboarding" className={`${buttonStyles.primary} mt-6`}>
            Set up your wallet
          </a>
        </section>
      </PageFrame>
    );
  }

  const [signatures, qrCodes] = await Promise.all([
    latestSignatures(wallets.map((w) => w.id)),
    Promise.all(wallets.map(async (w) => (w.address ? qrCodeDataUrl(w.address) : null))),
  ]);

  return (
    <PageFrame>
      <p className="mt-2 max-w-2xl text-sm leading-relaxed text-slate-600">
        Your passkey controls these wallets: nothing is signed until you approve it on your device.
      </p>
      {!refreshed && (
        <p
          role="status"
          data-testid="dfns-unreachable"
          className="mt-6 rounded-lg border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950"
        >
          We couldn&apos;t reach Dfns just now, so these are your wallets as last saved here. Reload the page in a
          moment to bring them up to date.
        </p>
      )}
      {wallets.length === 0 && (
        <p data-testid="no-wallets" className="mt-8 text-sm text-slate-700">
          You have no wallet yet. Add your first one below: your passkey approves it.
        </p>
      )}
      <ul aria-label="Your wallets" className="mt-8 grid gap-6 empty:hidden">
        {wallets.map((wallet, index) => (
          <li key={wallet.id}>
            <WalletCard
              wallet={wallet}
              qrCode={qrCodes[index] ?? null}
              verificationNote={signatureCheckNote(wallet.network)}
              signatures={signatures[wallet.id] ?? []}
              signatureListLimit={SIGNATURE_LIST_LIMIT}
              messageMaxLength={MESSAGE_MAX_LENGTH}
              funds={
                wallet.address && wallet.status === "Active" ? (
                  <WalletFunds
                    walletId={wallet.id}
                    network={wallet.network}
                    networkName={wallet.networkName}
                    testFundsUrl={testFundsUrl(wallet.network, wallet.address)}
                    feePriority={networkInfo(wallet.network).feePriority}
                  />
                ) : null
              }
            />
          </li>
        ))}
      </ul>
      <div className="mt-6">
        <AddWallet networks={addableNetworks} />
      </div>
    </PageFrame>
  );
}

function PageFrame({ children }: { children: ReactNode }) {
  return (
    <div className="mx-auto max-w-3xl px-4 py-10 sm:px-6 sm:py-16">
      <h1 className="text-3xl font-bold tracking-tight text-slate-900">Your wallets</h1>
      {children}
    </div>
  );
}
