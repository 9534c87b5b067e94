import "server-only";
import { getEnv } from "@/lib/env";
import { encodeSessionCookie } from "./session-cookie";

/**
 * For route tests: the `Cookie` header value of a signed-in session for `user`, with this
 * server's NextAuth secret and URL.
 *
 *   new Request(url, { headers: { cookie: await sessionCookie(user), origin: env.appOrigin } })
 */
export function sessionCookie(user: {
  id: string;
  email: string;
  name?: string | null;
  sessionVersion?: number;
}): Promise<string> {
  return encodeSessionCookie(user, getEnv().auth);
}
