import "server-only";
import { encode } from "next-auth/jwt";
import { getEnv } from "@/lib/env";

/**
 * For route tests: the `Cookie` header value of a signed-in session for `user`, made the way
 * NextAuth makes it (an encrypted JWT under the session cookie's name).
 *
 *   new Request(url, { headers: { cookie: await sessionCookie(user), origin: env.appOrigin } })
 */
export async function sessionCookie(user: { id: string; email: string; name?: string | null }): Promise<string> {
  const { auth } = getEnv();
  const token = await encode({
    token: { sub: user.id, email: user.email, name: user.name ?? null },
    secret: auth.secret,
  });
  const secure = new URL(auth.url).protocol === "https:";
  return `${secure ? "__Secure-" : ""}next-auth.session-token=${token}`;
}
