// What NextAuth's error codes mean, in sentences with a next step. Used by the sign-in page for
// `?error=` (OAuth redirects) and by the form for `signIn()` results. No server-only imports.

import { waitInWords } from "@/lib/wait-in-words";

const MESSAGES: Record<string, string> = {
  CredentialsSignin: "That email and password don't match an account. Check them and try again, or create an account.",
  OAuthAccountNotLinked:
    "An account with this email already exists. Sign in with the method you used before (for example your password).",
  EmailRequired: "Your account at that provider has no email address we can use. Add one there, or sign up with email.",
  AccessDenied: "Sign-in was cancelled or refused. Try again when you're ready.",
  OAuthSignin: "We couldn't start signing in with that provider. Try again in a moment.",
  OAuthCallback: "Signing in with that provider didn't complete. Try again in a moment.",
  OAuthCreateAccount: "We couldn't create your account from that provider. Try again, or sign up with email.",
  Callback: "Signing in didn't complete. Try again in a moment.",
  SessionRequired: "Sign in to see that page.",
};

// A code, not a sentence, goes through the URL: `?error=` is anyone's to write, and the page
// must only ever show its own words. The number is the minutes to wait.
const RATE_LIMITED = /^SignInRateLimited-(\d{1,3})$/;

/** NextAuth's `error` for a password sign-in refused by the rate limit (lib/auth/rate-limits.ts). */
export const signInRateLimitedCode = (minutes: number) => `SignInRateLimited-${minutes}`;

export function authErrorMessage(code: string | null | undefined): string | null {
  if (!code) return null;
  const minutes = RATE_LIMITED.exec(code)?.[1];
  if (minutes) {
    return (
      "Too many failed sign-in attempts for this email or from your network. To protect your account, " +
      `password sign-in is paused: wait ${waitInWords(Math.max(1, Number(minutes)))}, then try again.`
    );
  }
  return MESSAGES[code] ?? "Sign-in didn't work. Try again in a moment.";
}
