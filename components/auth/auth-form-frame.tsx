import type { FormEvent, ReactNode } from "react";
import { buttonStyles, linkStyles } from "@/components/styles";
import { FormAlert } from "./form-alert";
import { OAuthButtons, type OAuthProviders } from "./oauth-buttons";

interface Props {
  providers: OAuthProviders;
  callbackUrl: string;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  error: string | null;
  pending: boolean;
  submit: { label: string; pendingLabel: string };
  /** The line under the form that leads to the other page, e.g. "New here? Create an account". */
  other: { text: string; label: string; path: "/sign-in" | "/sign-up" };
  /** The form's fields. */
  children: ReactNode;
}

/** What the sign-in and sign-up forms share: OAuth buttons, the form's alert and button, the way across. */
export function AuthFormFrame({ providers, callbackUrl, onSubmit, error, pending, submit, other, children }: Props) {
  return (
    <div className="space-y-6">
      <OAuthButtons providers={providers} callbackUrl={callbackUrl} />
      <form onSubmit={onSubmit} className="space-y-4">
        {children}
        <FormAlert message={error} />
        <button type="submit" disabled={pending} className={`${buttonStyles.primary} w-full`}>
          {pending ? submit.pendingLabel : submit.label}
        </button>
      </form>
      <p className="text-center text-sm text-slate-600">
        {other.text}{" "}
        <a href={`${other.path}?callbackUrl=${encodeURIComponent(callbackUrl)}`} className={linkStyles}>
          {other.label}
        </a>
      </p>
    </div>
  );
}
