import { encode } from "next-auth/jwt";

/** Session lifetime: a week. Signing out ends it at once (lib/auth/session-version.ts). */
export const SESSION_MAX_AGE_SECONDS = 7 * 24 * 60 * 60;

interface CookieUser {
  id: string;
  email: string;
  name?: string | null;
  /** The user's session version (0 for a new user). */
  sessionVersion?: number;
}

const cookieName = (url: string) => `${new URL(url).protocol === "https:" ? "__Secure-" : ""}next-auth.session-token`;

const sessionToken = (user: CookieUser, secret: string) =>
  encode({
    token: { sub: user.id, email: user.email, name: user.name ?? null, sv: user.sessionVersion ?? 0 },
    secret,
    maxAge: SESSION_MAX_AGE_SECONDS,
  });

/**
 * The `Cookie` header value of a signed-in session for `user`, made the way NextAuth makes it
 * (an encrypted JWT under the session cookie's name, `__Secure-` on https). For tests and
 * benchmarks, which know the server's NEXTAUTH_SECRET; no server module, so scripts can use it.
 */
export async function encodeSessionCookie(user: CookieUser, auth: { secret: string; url: string }): Promise<string> {
  return `${cookieName(auth.url)}=${await sessionToken(user, auth.secret)}`;
}

/** A `Set-Cookie` value that gives this browser a new session for `user`, with NextAuth's cookie attributes. */
export async function setSessionCookie(user: CookieUser, auth: { secret: string; url: string }): Promise<string> {
  const secure = new URL(auth.url).protocol === "https:";
  return `${await encodeSessionCookie(user, auth)}; Path=/; Max-Age=${SESSION_MAX_AGE_SECONDS}; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}`;
}
