import type { SignatureView } from "@/lib/dfns/signatures";
import { formatUtc } from "@/lib/format-date";

// A wallet's signatures as the wallet page lists them: what was signed, the signature, and
// whether the server verified it against the wallet.

/** The server's verdict on a signature, in a word or two. */
export function VerificationBadge({ signature }: { signature: Pick<SignatureView, "verified" | "status"> }) {
  const [text, style, title] =
    signature.status === "Pending"
      ? ["Waiting for approval", "bg-amber-50 text-amber-900 ring-amber-200", "A policy asks for someone to approve this signature first; reload to check again."]
      : signature.status !== "Signed" && signature.verified === null
      ? [signature.status, "bg-amber-50 text-amber-900 ring-amber-200", "Dfns has not finished signing; reload to check again."]
      : signature.verified === true
        ? ["Verified", "bg-emerald-50 text-emerald-800 ring-emerald-200", "The signature checks out against this wallet."]
        : signature.verified === false
          ? ["Does not verify", "bg-red-50 text-red-800 ring-red-200", "The signature does not match this wallet."]
          : ["Not checked", "bg-slate-100 text-slate-700 ring-slate-200", "This app does not check signatures on this network."];
  return (
    <span title={title} className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${style}`}>
      {text}
    </span>
  );
}

export function SignatureList({ signatures, label }: { signatures: SignatureView[]; label: string }) {
  if (signatures.length === 0) return <p className="mt-2 text-sm text-slate-500">No signatures yet.</p>;
  return (
    <ol aria-label={label} className="mt-2 divide-y divide-slate-200 rounded-xl border border-slate-200">
      {signatures.map((signature) => (
        <li key={signature.id} className="px-4 py-3">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <p className="min-w-0 break-words text-sm font-medium text-slate-900">“{signature.message}”</p>
            <VerificationBadge signature={signature} />
          </div>
          {signature.signature && <p className="mt-1 break-all font-mono text-xs text-slate-600">{signature.signature}</p>}
          <p className="mt-1 text-xs text-slate-500">
            <time dateTime={signature.createdAt}>{formatUtc(signature.createdAt)}</time>
          </p>
        </li>
      ))}
    </ol>
  );
}
