"use client";

import { useState } from "react";
import type { SignatureView } from "@/lib/dfns/signatures";
import { SignatureList } from "./signature-list";
import { SignMessage } from "./sign-message";
import { SignTypedData, type TypedDataSigner } from "./sign-typed-data";

interface Props {
  walletId: string;
  /** e.g. "Ethereum Sepolia", for labels. */
  networkName: string;
  /** How the server checks a message signature, in a sentence. */
  verificationNote: string;
  initialSignatures: SignatureView[];
  /** Newest first, at most this many are listed. */
  listLimit: number;
  messageMaxLength: number;
  /** EVM wallets only: what typed-data signing needs; null hides it. */
  typedData: TypedDataSigner | null;
}

/** A wallet's signing forms (a message; typed data on EVM wallets) and the signatures they made. */
export function WalletSigning({
  walletId,
  networkName,
  verificationNote,
  initialSignatures,
  listLimit,
  messageMaxLength,
  typedData,
}: Props) {
  const [signatures, setSignatures] = useState(initialSignatures);
  const onSigned = (signature: SignatureView) =>
    setSignatures((list) => [signature, ...list.filter((s) => s.id !== signature.id)].slice(0, listLimit));
  return (
    <div>
      <SignMessage
        walletId={walletId}
        networkName={networkName}
        verificationNote={verificationNote}
        onSigned={onSigned}
        messageMaxLength={messageMaxLength}
      />
      {typedData && (
        <SignTypedData walletId={walletId} networkName={networkName} signer={typedData} onSigned={onSigned} />
      )}
      <h3 className="mt-6 text-sm font-semibold text-slate-900">Past signatures</h3>
      <SignatureList signatures={signatures} label={`Signatures of your ${networkName} wallet`} />
    </div>
  );
}
