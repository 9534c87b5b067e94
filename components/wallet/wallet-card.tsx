import type { ReactNode } from "react";
import type { SignatureView } from "@/lib/dfns/signatures";
import type { WalletView } from "@/lib/dfns/wallets";
import { cardStyles, linkStyles } from "@/components/styles";
import { networkInfo } from "@/lib/networks";
import { TYPED_DATA_MAX_LENGTH } from "@/lib/typed-data/check";
import { CopyButton } from "./copy-button";
import { WalletSigning } from "./wallet-signing";

interface Props {
  wallet: WalletView;
  /** The address as a QR code image (data URL), made on the server; null without an address. */
  qrCode: string | null;
  /** How the server checks this wallet's signatures, in a sentence. */
  verificationNote: string;
  signatures: SignatureView[];
  signatureListLimit: number;
  messageMaxLength: number;
  /** Balances, test funds, send and activity (components/wallet/wallet-funds.tsx). */
  funds?: ReactNode;
}

/** One wallet: network, status, address (copy, QR, explorer), public key, its funds, and signing. */
export function WalletCard({
  wallet,
  qrCode,
  verificationNote,
  signatures,
  signatureListLimit,
  messageMaxLength,
  funds,
}: Props) {
  const titleId = `wallet-${wallet.id}-title`;
  const active = wallet.status === "Active";
  const { chainId } = networkInfo(wallet.network);
  return (
    <article aria-labelledby={titleId} className={cardStyles} data-testid="wallet-card">
      <header className="flex flex-wrap items-center gap-3">
        <h2 id={titleId} className="text-lg font-semibold text-slate-900">
          {wallet.name ?? wallet.networkName}
        </h2>
        <span
          className={`rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${active ? "bg-emerald-50 text-emerald-800 ring-emerald-200" : "bg-amber-50 text-amber-900 ring-amber-200"}`}
        >
          {wallet.status}
        </span>
        {wallet.name && <span className="text-sm text-slate-500">{wallet.networkName}</span>}
      </header>

      <div className="mt-4 flex flex-col gap-6 sm:flex-row">
        <div className="min-w-0 flex-1 space-y-4">
          <div>
            <p className="text-xs font-medium uppercase tracking-wide text-slate-500">Address</p>
            {wallet.address ? (
              <>
                <p
                  className="mt-1 break-all font-mono text-sm text-slate-900"
                  data-testid="wallet-address"
                  translate="no"
                >
                  {wallet.address}
                </p>
                <div className="mt-2 flex flex-wrap items-center gap-3">
                  <CopyButton text={wallet.address} label="Copy address" copiedMessage="Address copied." />
                  {wallet.explorerUrl && (
                    <a
                      href={wallet.explorerUrl}
                      target="_blank"
                      rel="noopener noreferrer"
                      className={`${linkStyles} text-sm`}
                    >
                      View on block explorer<span className="sr-only"> (opens in a new tab)</span> ↗
                    </a>
                  )}
                </div>
              </>
            ) : (
              <p className="mt-1 text-sm text-slate-600">
                No address yet: Dfns is still creating it. Reload the page in a moment.
              </p>
            )}
          </div>
          <div>
            <p className="text-xs font-medium uppercase tracking-wide text-slate-500">Public key</p>
            <p className="mt-1 break-all font-mono text-xs text-slate-700" translate="no">
              {wallet.publicKey}
            </p>
          </div>
        </div>
        {qrCode && (
          // A data URL made on the server: next/image would add nothing here.
          // eslint-disable-next-line @next/next/no-img-element
          <img
            src={qrCode}
            width={144}
            height={144}
            alt={`QR code of your ${wallet.networkName} address`}
            className="size-36 shrink-0 self-start rounded-lg border border-slate-200"
          />
        )}
      </div>

      {funds && <div className="mt-6 border-t border-slate-200 pt-6">{funds}</div>}

      <section
        aria-label={`Sign with your ${wallet.networkName} wallet`}
        className="mt-6 border-t border-slate-200 pt-6"
      >
        {active ? (
          <WalletSigning
            walletId={wallet.id}
            networkName={wallet.networkName}
            verificationNote={verificationNote}
            initialSignatures={signatures}
            listLimit={signatureListLimit}
            messageMaxLength={messageMaxLength}
            typedData={
              chainId !== null && wallet.address
                ? { address: wallet.address, chainId, maxLength: TYPED_DATA_MAX_LENGTH }
                : null
            }
          />
        ) : (
          <p className="text-sm text-slate-600">This wallet can&apos;t sign while its status is {wallet.status}.</p>
        )}
      </section>
    </article>
  );
}
