import type { SignatureView } from "@/lib/dfns/signatures";
import { formatUtc } from "@/lib/format-date";

// A wallet's signatures as the wallet page lists them: what was signed (a message, or typed
// data by its primary type and domain, its JSON one click away), the signature, and whether the
// server verified it against the wallet.

/** Typed data by its primary type and domain name: `Permit (Example Token)`. */
function typedDataName(signature: Pick<SignatureView, "typedData">): string {
  const { primaryType, domainName } = signature.typedData ?? { primaryType: "unreadable", domainName: null };
  return domainName ? `${primaryType} (${domainName})` : primaryType;
}

/** The signature just made (announced to screen readers): what was signed, the verdict, the signature. */
export function LatestSignature({ signature, testId }: { signature: SignatureView | null; testId: string }) {
  return (
    <div role="status" aria-live="polite">
      {signature && (
        <div className="mt-4 rounded-xl border border-brand-muted bg-brand-soft p-4" data-testid={testId}>
          <div className="flex flex-wrap items-center gap-2">
            <p className="text-sm font-semibold text-slate-900">
              {signature.status === "Pending" ? "Waiting for approval to sign" : "Signed"}{" "}
              {signature.kind === "Eip712" ? `typed data: ${typedDataName(signature)}` : `“${signature.message}”`}
            </p>
            <VerificationBadge signature={signature} />
          </div>
          {signature.signature && (
            <p className="mt-2 break-all font-mono text-xs text-slate-700">{signature.signature}</p>
          )}
        </div>
      )}
    </div>
  );
}

/** The server's verdict on a signature, in a word or two. */
export function VerificationBadge({ signature }: { signature: Pick<SignatureView, "verified" | "status"> }) {
  const [text, style, title] =
    signature.status === "Pending"
      ? [
          "Waiting for approval",
          "bg-amber-50 text-amber-900 ring-amber-200",
          "A policy asks for someone to approve this signature first; reload to check again.",
        ]
      : signature.status !== "Signed" && signature.verified === null
        ? [
            signature.status,
            "bg-amber-50 text-amber-900 ring-amber-200",
            "Dfns has not finished signing; reload to check again.",
          ]
        : signature.verified === true
          ? [
              "Verified",
              "bg-emerald-50 text-emerald-800 ring-emerald-200",
              "The signature checks out against this wallet.",
            ]
          : signature.verified === false
            ? ["Does not verify", "bg-red-50 text-red-800 ring-red-200", "The signature does not match this wallet."]
            : [
                "Not checked",
                "bg-slate-100 text-slate-700 ring-slate-200",
                "This app does not check signatures on this network.",
              ];
  return (
    <span
      title={title}
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-semibold ring-1 ring-inset ${style}`}
    >
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
            <p className="min-w-0 break-words text-sm font-medium text-slate-900">
              {signature.kind === "Eip712" ? `Typed data: ${typedDataName(signature)}` : `“${signature.message}”`}
            </p>
            <VerificationBadge signature={signature} />
          </div>
          {signature.kind === "Eip712" && (
            <details className="mt-1">
              <summary className="cursor-pointer text-xs text-slate-600">Show the typed data</summary>
              <pre className="mt-1 max-h-64 overflow-auto rounded-lg bg-slate-50 p-2 font-mono text-xs text-slate-800">
                {signature.message}
              </pre>
            </details>
          )}
          {signature.signature && (
            <p className="mt-1 break-all font-mono text-xs text-slate-600">{signature.signature}</p>
          )}
          <p className="mt-1 text-xs text-slate-500">
            <time dateTime={signature.createdAt}>{formatUtc(signature.createdAt)}</time>
          </p>
        </li>
      ))}
    </ol>
  );
}
