"use client";

import { signInWithPassword } from "@/lib/auth/browser";
import { useRouter } from "next/navigation";

export const NETWORK_ERROR = "We couldn't reach the server. Check your connection and try again.";

/**
 * Signs in with email and password without a page reload, then goes to `callbackUrl`.
 * Resolves to NextAuth's error code when the sign-in is refused, or null on success.
 */
export function usePasswordSignIn(callbackUrl: string) {
  const router = useRouter();
  return async (email: string, password: string): Promise<string | null> => {
    const error = await signInWithPassword(email, password, callbackUrl);
    if (error) return error;
    router.replace(callbackUrl);
    router.refresh();
    return null;
  };
}
