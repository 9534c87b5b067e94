"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { ErrorBody } from "@/lib/errors/error-body";
import { AuthFormFrame } from "./auth-form-frame";
import { Field } from "./field";
import type { OAuthProviders } from "./oauth-buttons";
import { NETWORK_ERROR, usePasswordSignIn } from "./use-password-sign-in";

interface Props {
  providers: OAuthProviders;
  callbackUrl: string;
}

export function SignUpForm({ providers, callbackUrl }: Props) {
  const router = useRouter();
  const signInWithPassword = usePasswordSignIn(callbackUrl);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "");
    const password = String(form.get("password") ?? "");
    const name = String(form.get("name") ?? "");
    setPending(true);
    setError(null);
    setFieldErrors({});
    try {
      const response = await fetch("/api/auth/sign-up", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ email, password, name: name || undefined }),
      });
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as ErrorBody | null;
        const issues = body?.error.issues ?? [];
        setFieldErrors(Object.fromEntries(issues.map((issue) => [issue.path, issue.message])));
        setError(
          issues.length > 0
            ? "Please fix the highlighted fields."
            : (body?.error.message ?? `Sign-up failed (HTTP ${response.status}). Try again in a moment.`),
        );
        setPending(false);
        return;
      }
      // The account exists; if only the automatic sign-in fails, the sign-in page takes over.
      if (await signInWithPassword(email, password)) {
        router.replace(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
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
      submit={{ label: "Create account", pendingLabel: "Creating your account…" }}
      other={{ text: "Already have an account?", label: "Sign in", path: "/sign-in" }}
    >
      <Field name="name" label="Name (optional)" autoComplete="name" maxLength={100} error={fieldErrors.name} />
      <Field name="email" label="Email" type="email" autoComplete="email" required error={fieldErrors.email} />
      <Field
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        required
        minLength={10}
        hint="At least 10 characters. A few unrelated words make a strong one."
        error={fieldErrors.password}
      />
    </AuthFormFrame>
  );
}
