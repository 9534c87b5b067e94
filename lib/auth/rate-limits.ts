import "server-only";
import { giveBackAttempt, takeAttempt, tooManyAttempts, type Counted, type RateLimit } from "@/lib/rate-limit";
import { minutesToWait } from "@/lib/wait-in-words";
import { signInRateLimitedCode } from "./messages";

// Brute-force limits of email + password sign-in and sign-up (README "Rate limits").
// Sign-in counts failed passwords per email, whatever the address they come from, so guesses
// spread over many addresses still stop; the price is that someone who knows an email can keep
// its password sign-in locked (never longer than the window after their last failure). A right
// password is refused too while its email is locked. Unknown emails are counted the same way, so
// the answers never tell whether an account exists.

const MINUTE = 60_000;
export const SIGN_IN_FAILURES_PER_EMAIL: RateLimit = { name: "sign-in:email", limit: 10, windowMs: 15 * MINUTE };
/** Per client address (only known behind a trusted proxy: lib/auth/client-address.ts). */
export const SIGN_IN_FAILURES_PER_ADDRESS: RateLimit = { name: "sign-in:address", limit: 50, windowMs: 15 * MINUTE };
export const SIGN_UPS_PER_ADDRESS: RateLimit = { name: "sign-up:address", limit: 10, windowMs: 60 * MINUTE };

/** Thrown from NextAuth's `authorize`: NextAuth sends its message to the page as `?error=`. */
export class SignInRateLimitedError extends Error {
  constructor(readonly retryAfterMs: number) {
    super(signInRateLimitedCode(minutesToWait(retryAfterMs)));
    this.name = "SignInRateLimitedError";
  }
}

/**
 * Counts a password attempt BEFORE the password is checked (so parallel guesses cannot overrun
 * the limit, and a refused one costs no scrypt), or throws SignInRateLimitedError. Call
 * `passwordWasRight()` when it was: only failures count. Without a known address, only the
 * per-email limit applies: one shared "unknown" bucket would let one client lock out everybody.
 */
export async function countSignInAttempt(
  email: string,
  address: string | null,
  now = new Date(),
): Promise<{ passwordWasRight(): Promise<void> }> {
  const counted: Counted[] = [{ limit: SIGN_IN_FAILURES_PER_EMAIL, key: email }];
  if (address) counted.push({ limit: SIGN_IN_FAILURES_PER_ADDRESS, key: address });
  const attempt = await takeAttempt(counted, now);
  if (!attempt.allowed) throw new SignInRateLimitedError(attempt.retryAfterMs);
  return { passwordWasRight: () => giveBackAttempt(attempt.ids) };
}

/**
 * Counts one sign-up from `address`, or throws a 429. Every valid request counts, also one for an
 * email that is taken (its 409 tells that an account exists). Not limited when the address is
 * unknown, for the same reason as above.
 */
export async function countSignUp(address: string | null, now = new Date()): Promise<void> {
  if (!address) return;
  const attempt = await takeAttempt([{ limit: SIGN_UPS_PER_ADDRESS, key: address }], now);
  if (attempt.allowed) return;
  throw tooManyAttempts(
    attempt.retryAfterMs,
    (wait) =>
      `Too many accounts were created from your network in the last hour. Wait ${wait}, then try again, ` +
      "or sign in if you already have an account.",
    "sign_up_rate_limited",
  );
}
