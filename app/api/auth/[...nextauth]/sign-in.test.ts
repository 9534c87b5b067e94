import { afterEach, describe, expect, it, vi } from "vitest";
import { authErrorMessage } from "@/lib/auth/messages";
import { authorizeWithPassword } from "@/lib/auth/options";
import { hashPassword } from "@/lib/auth/password";
import {
  SIGN_IN_FAILURES_PER_ADDRESS,
  SIGN_IN_FAILURES_PER_EMAIL,
  SignInRateLimitedError,
} from "@/lib/auth/rate-limits";
import { setDb } from "@/lib/db";
import type { Database } from "@/lib/db/open";
import { getEnv } from "@/lib/env";
import { bucketOf, takeAttempt } from "@/lib/rate-limit";
import { useAppDatabase } from "@/lib/testing/app-database";
import { signIn as signInWithNextAuth } from "@/lib/testing/next-auth";

// Password sign-in through NextAuth's own handler (CSRF token, credentials callback, the `error`
// it redirects with), on a real database: the brute-force limits of lib/auth/rate-limits.ts.

const database = useAppDatabase();
afterEach(() => vi.unstubAllEnvs());

const PASSWORD = "correct horse battery staple";
const WRONG = "not the right password";
const EMAIL_LIMIT = SIGN_IN_FAILURES_PER_EMAIL.limit;
const ADDRESS_LIMIT = SIGN_IN_FAILURES_PER_ADDRESS.limit;
const MINUTE = 60_000;

let accounts = 0;
const newEmail = () => `user-${++accounts}@example.com`;
let addresses = 0;
const newAddress = () => `203.0.113.${++addresses}`;

async function createAccount(email = newEmail()): Promise<string> {
  await database.prisma.user.create({ data: { email, passwordHash: await hashPassword(PASSWORD) } });
  return email;
}

/** What the browser gets from `POST /api/auth/callback/credentials`: NextAuth's `error`, or a session. */
async function signIn(
  email: string,
  password: string,
  address?: string,
): Promise<{ error: string | null; signedIn: boolean }> {
  const { error, signedIn } = await signInWithNextAuth(email, password, { address });
  return { error, signedIn };
}

const failuresOf = (email: string) =>
  database.prisma.rateLimitAttempt.count({
    where: { bucket: bucketOf({ limit: SIGN_IN_FAILURES_PER_EMAIL, key: email }) },
  });

describe("password sign-in limits", () => {
  it(`after ${EMAIL_LIMIT} wrong passwords for an email, even the right one is refused with a message that says how long to wait`, async () => {
    const email = await createAccount();
    for (let i = 0; i < EMAIL_LIMIT; i++)
      expect(await signIn(email, WRONG)).toEqual({ error: "CredentialsSignin", signedIn: false });

    const limited = await signIn(email.toUpperCase(), PASSWORD);
    expect(limited).toEqual({ error: "SignInRateLimited-15", signedIn: false });
    expect(authErrorMessage(limited.error)).toBe(
      "Too many failed sign-in attempts for this email or from your network. To protect your account, " +
        "password sign-in is paused: wait about 15 minutes, then try again.",
    );
    // Refusals are not counted (the wait does not grow), and another email is not affected.
    expect(await failuresOf(email)).toBe(EMAIL_LIMIT);
    expect(await signIn(await createAccount(), PASSWORD)).toEqual({ error: null, signedIn: true });
  });

  it("answers an email without an account exactly as one with an account", async () => {
    const answers = async (email: string) => {
      const seen = [];
      for (let i = 0; i <= EMAIL_LIMIT; i++) seen.push(await signIn(email, WRONG));
      return seen;
    };
    const existing = await answers(await createAccount());
    expect(existing.at(-1)).toEqual({ error: "SignInRateLimited-15", signedIn: false });
    expect(await answers(newEmail())).toEqual(existing);
  });

  it("counts only failures: a right password gives its place back", async () => {
    const email = await createAccount();
    for (let i = 0; i < EMAIL_LIMIT - 1; i++) await signIn(email, WRONG);
    for (let i = 0; i < 3; i++) expect((await signIn(email, PASSWORD)).signedIn).toBe(true);
    expect(await failuresOf(email)).toBe(EMAIL_LIMIT - 1);
    expect((await signIn(email, WRONG)).error).toBe("CredentialsSignin");
    expect((await signIn(email, PASSWORD)).error).toBe("SignInRateLimited-15");
  });

  it(`of 20 parallel wrong passwords for one email, exactly ${EMAIL_LIMIT} are checked`, async () => {
    const email = await createAccount();
    const results = await Promise.all(Array.from({ length: 20 }, () => signIn(email, WRONG)));
    expect(results.filter((r) => r.error === "CredentialsSignin")).toHaveLength(EMAIL_LIMIT);
    expect(results.filter((r) => r.error === "SignInRateLimited-15")).toHaveLength(20 - EMAIL_LIMIT);
    expect(await failuresOf(email)).toBe(EMAIL_LIMIT);
  });

  it("lets the email sign in again once the window has passed (clock passed in)", async () => {
    const email = await createAccount();
    const start = new Date();
    const at = (minutes: number) => new Date(start.getTime() + minutes * MINUTE);
    for (let i = 0; i < EMAIL_LIMIT; i++)
      expect(await authorizeWithPassword({ email, password: WRONG }, {}, at(i))).toBeNull();

    const refused = await authorizeWithPassword({ email, password: PASSWORD }, {}, at(14)).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(SignInRateLimitedError);
    expect((refused as SignInRateLimitedError).retryAfterMs).toBe(1 * MINUTE); // the first failure leaves at 15
    expect(await authorizeWithPassword({ email, password: PASSWORD }, {}, at(15))).toMatchObject({ email });
  });

  describe("per client address, behind a trusted proxy", () => {
    it(`refuses an address after ${ADDRESS_LIMIT} failures over any emails, even a right password; other addresses go on`, async () => {
      vi.stubEnv("VERCEL", "1");
      const address = newAddress();
      // All but the last failure, counted as the sign-in counts them (each on its own email).
      for (let i = 0; i < ADDRESS_LIMIT - 1; i++) {
        await takeAttempt([
          { limit: SIGN_IN_FAILURES_PER_EMAIL, key: newEmail() },
          { limit: SIGN_IN_FAILURES_PER_ADDRESS, key: address },
        ]);
      }
      expect((await signIn(newEmail(), WRONG, address)).error).toBe("CredentialsSignin");

      const email = await createAccount();
      expect(await signIn(email, PASSWORD, address)).toEqual({ error: "SignInRateLimited-15", signedIn: false });
      expect(await failuresOf(email)).toBe(0); // the refusal counted against nothing
      expect(await signIn(email, PASSWORD, newAddress())).toEqual({ error: null, signedIn: true });
    });

    it("without a trusted proxy, X-Forwarded-For is ignored: one client cannot lock out an address, nor spread guesses by it", async () => {
      vi.stubEnv("VERCEL", "");
      const address = newAddress();
      await signIn(newEmail(), WRONG, address);
      expect(
        await database.prisma.rateLimitAttempt.count({
          where: { bucket: bucketOf({ limit: SIGN_IN_FAILURES_PER_ADDRESS, key: address }) },
        }),
      ).toBe(0);
      // The per-email limit holds whatever addresses the guesses claim.
      const email = await createAccount();
      for (let i = 0; i < EMAIL_LIMIT; i++) await signIn(email, WRONG, newAddress());
      expect((await signIn(email, PASSWORD, newAddress())).error).toBe("SignInRateLimited-15");
    });
  });

  it("answers a generic code, never the error's own message, when something else fails, and logs the error", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const failure = new Error("connect ECONNREFUSED db.internal:5432 as app_admin");
    setDb({ prisma: { $transaction: () => Promise.reject(failure) } } as unknown as Database);
    try {
      const answer = await signIn(newEmail(), PASSWORD);
      expect(answer).toEqual({ error: "Default", signedIn: false });
      expect(authErrorMessage(answer.error)).toBe("Sign-in didn't work. Try again in a moment.");
      expect(log).toHaveBeenCalledWith("[auth] password sign-in failed", failure);
    } finally {
      setDb(database);
    }
  });
});

describe("where NextAuth sends the browser after signing in", () => {
  it("to the callbackUrl when it is a path of this app, else to /wallet (never another host)", async () => {
    const origin = getEnv().appOrigin;
    const email = await createAccount();
    const to = async (callbackUrl: string) => (await signInWithNextAuth(email, PASSWORD, { callbackUrl })).url;
    expect(await to("/credentials?tab=1")).toBe(`${origin}/credentials?tab=1`);
    expect(await to(`${origin}/recovery`)).toBe(`${origin}/recovery`);
    for (const nasty of [
      "/\t/evil.example/phish",
      "/\n/evil.example",
      "//evil.example",
      "/\\evil.example",
      "https://evil.example/",
      "javascript:alert(1)",
      "/.//evil.example",
    ]) {
      expect(await to(nasty), JSON.stringify(nasty)).toBe(`${origin}/wallet`);
    }
  });
});
