"use client";

import { signIn } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { buttonStyles, linkStyles } from "@/components/styles";
import type { ErrorBody } from "@/lib/http/errors";
import { Field } from "./field";
import { FormAlert } from "./form-alert";
import { OAuthButtons, type OAuthProviders } from "./oauth-buttons";

interface Props {
  providers: OAuthProviders;
  callbackUrl: string;
}

export function SignUpForm({ providers, callbackUrl }: Props) {
  const router = useRouter();
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
      const result = await signIn("credentials", { redirect: false, email, password, callbackUrl });
      if (!result?.ok || result.error) {
        // The account exists; only the automatic sign-in failed.
        router.replace(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
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
        <FormAlert message={error} />
        <button type="submit" disabled={pending} className={`${buttonStyles.primary} w-full`}>
          {pending ? "Creating your account…" : "Create account"}
        </button>
      </form>
      <p className="text-center text-sm text-slate-600">
        Already have an account?{" "}
        <Link href={`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`} className={linkStyles}>
          Sign in
        </Link>
      </p>
    </div>
  );
}
