import Link from "next/link";
import { buttonStyles } from "@/components/styles";

/** For a flow whose session ended: sign in again and come back to `returnTo`. */
export function SignInAgainLink({ returnTo }: { returnTo: string }) {
  return (
    <Link href={`/sign-in?callbackUrl=${encodeURIComponent(returnTo)}`} className={buttonStyles.primary}>
      Sign in again
    </Link>
  );
}

interface Props {
  /** What the problem allows: sign in again, try the same step again, or only start over. */
  retry: "sign-in" | "again" | null;
  returnTo: string;
  onRetry: () => void;
  onStartOver: () => void;
  /** What starting over means, in a sentence. */
  note: string;
}

/** Under a failed last step: try again (or sign in again), or start over. */
export function RetryOrStartOver({ retry, returnTo, onRetry, onStartOver, note }: Props) {
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        {retry === "sign-in" ? (
          <SignInAgainLink returnTo={returnTo} />
        ) : (
          retry === "again" && (
            <button type="button" onClick={onRetry} className={buttonStyles.primary}>
              Try again
            </button>
          )
        )}
        <button type="button" onClick={onStartOver} className={buttonStyles.secondary}>
          Start over
        </button>
      </div>
      <p className="text-xs text-slate-500">{note}</p>
    </div>
  );
}
