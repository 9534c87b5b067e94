"use client";

import { useState, type FormEvent } from "react";
import { authErrorMessage } from "@/lib/auth/messages";
import { AuthFormFrame } from "./auth-form-frame";
import { Field } from "./field";
import type { OAuthProviders } from "./oauth-buttons";
import { NETWORK_ERROR, usePasswordSignIn } from "./use-password-sign-in";

interface Props {
  providers: OAuthProviders;
  /** A local path to land on after signing in (already checked by the page). */
  callbackUrl: string;
  /** A message for an error NextAuth redirected here with (`?error=`). */
  initialError: string | null;
}

export function SignInForm({ providers, callbackUrl, initialError }: Props) {
  const signInWithPassword = usePasswordSignIn(callbackUrl);
  const [error, setError] = useState<string | null>(initialError);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      const refused = await signInWithPassword(String(form.get("email") ?? ""), String(form.get("password") ?? ""));
      if (refused) {
        setError(authErrorMessage(refused));
        setPending(false);
      }
    } catch {
      setError(NETWORK_ERROR);
      setPending(false);
    }
  }

  return (
    <AuthFormFrame
      providers={providers}
      callbackUrl={callbackUrl}
      onSubmit={onSubmit}
      error={error}
      pending={pending}
      submit={{ label: "Sign in", pendingLabel: "Signing in…" }}
      other={{ text: "New here?", label: "Create an account", path: "/sign-up" }}
    >
      <Field name="email" label="Email" type="email" autoComplete="email" required />
      <Field name="password" label="Password" type="password" autoComplete="current-password" required />
    </AuthFormFrame>
  );
}
