"use client";

import { signIn } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { buttonStyles, linkStyles } from "@/components/styles";
import { authErrorMessage } from "@/lib/auth/messages";
import { Field } from "./field";
import { FormAlert } from "./form-alert";
import { OAuthButtons, type OAuthProviders } from "./oauth-buttons";

interface Props {
  providers: OAuthProviders;
  /** A local path to land on after signing in (already checked by the page). */
  callbackUrl: string;
  /** A message for an error NextAuth redirected here with (`?error=`). */
  initialError: string | null;
}

export function SignInForm({ providers, callbackUrl, initialError }: Props) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(initialError);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const result = await signIn("credentials", {
        redirect: false,
        email: String(form.get("email") ?? ""),
        password: String(form.get("password") ?? ""),
        callbackUrl,
      });
      if (!result?.ok || result.error) {
        setError(authErrorMessage(result?.error ?? "Default"));
        setPending(false);
        return;
      }
      router.replace(callbackUrl);
      router.refresh();
    } catch {
      setError("We couldn't reach the server. Check your connection and try again.");
      setPending(false);
    }
  }

  return (
    <div className="space-y-6">
      <OAuthButtons providers={providers} callbackUrl={callbackUrl} />
      <form onSubmit={onSubmit} className="space-y-4">
        <Field name="email" label="Email" type="email" autoComplete="email" required />
        <Field name="password" label="Password" type="password" autoComplete="current-password" required />
        <FormAlert message={error} />
        <button type="submit" disabled={pending} className={`${buttonStyles.primary} w-full`}>
          {pending ? "Signing in…" : "Sign in"}
        </button>
      </form>
      <p className="text-center text-sm text-slate-600">
        New here?{" "}
        <Link href={`/sign-up?callbackUrl=${encodeURIComponent(callbackUrl)}`} className={linkStyles}>
          Create an account
        </Link>
      </p>
    </div>
  );
}
