"use client";

import { signInWithProvider } from "@/lib/auth/browser";
import { useState } from "react";
import { buttonStyles } from "@/components/styles";

export interface OAuthProviders {
  github: boolean;
  google: boolean;
}

/** "Continue with GitHub / Google", for the providers the server has configured. */
export function OAuthButtons({ providers, callbackUrl }: { providers: OAuthProviders; callbackUrl: string }) {
  const [pending, setPending] = useState<string | null>(null);
  const available = [
    providers.github && { id: "github", label: "Continue with GitHub" },
    providers.google && { id: "google", label: "Continue with Google" },
  ].filter((p): p is { id: string; label: string } => !!p);
  if (available.length === 0) return null;

  return (
    <div className="space-y-4">
      <div className="grid gap-2">
        {available.map((provider) => (
          <button
            key={provider.id}
            type="button"
            disabled={pending !== null}
            className={`${buttonStyles.secondary} w-full`}
            onClick={() => {
              setPending(provider.id);
              void signInWithProvider(provider.id, callbackUrl);
            }}
          >
            {pending === provider.id ? "Redirecting…" : provider.label}
          </button>
        ))}
      </div>
      <div className="flex items-center gap-3 text-xs uppercase tracking-wide text-slate-500">
        <span className="h-px flex-1 bg-slate-200" />
        or with email
        <span className="h-px flex-1 bg-slate-200" />
      </div>
    </div>
  );
}
