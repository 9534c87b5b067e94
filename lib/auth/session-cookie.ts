import { encode } from "next-auth/jwt";

/**
 * The `Cookie` header value of a signed-in session for `user`, made the way NextAuth makes it
 * (an encrypted JWT under the session cookie's name, `__Secure-` on https). For tests and
 * benchmarks, which know the server's NEXTAUTH_SECRET; no server module, so scripts can use it.
 */
export async function encodeSessionCookie(
  user: { id: string; email: string; name?: string | null },
  auth: { secret: string; url: string },
): Promise<string> {
  const token = await encode({ token: { sub: user.id, email: user.email, name: user.name ?? null }, secret: auth.secret });
  const secure = new URL(auth.url).protocol === "https:";
  return `${secure ? "__Secure-" : ""}next-auth.session-token=${token}`;
}
