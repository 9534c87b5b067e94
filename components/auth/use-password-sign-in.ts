"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";

export const NETWORK_ERROR = "We couldn't reach the server. Check your connection and try again.";

/**
 * Signs in with email and password without a page reload, then goes to `callbackUrl`.
 * Resolves to NextAuth's error code when the sign-in is refused, or null on success.
 */
export function usePasswordSignIn(callbackUrl: string) {
  const router = useRouter();
  return async (email: string, password: string): Promise<string | null> => {
    const result = await signIn("credentials", { redirect: false, email, password, callbackUrl });
    if (!result?.ok || result.error) return result?.error ?? "Default";
    router.replace(callbackUrl);
    router.refresh();
    return null;
  };
}
