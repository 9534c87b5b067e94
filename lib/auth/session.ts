import "server-only";
import { getServerSession } from "next-auth";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getEnv } from "@/lib/env";
import { getAuthOptions } from "./options";
import { localPath } from "./paths";

/** The signed-in app user, as pages and routes see it. */
export interface SessionUser {
  id: string;
  email: string;
  name: string | null;
  image: string | null;
}

interface IncomingRequest {
  headers: Record<string, string>;
  cookies: Record<string, string>;
}

// getServerSession may roll the session cookie forward; pages and API routes do not pass that on.
const ignoredResponse = { getHeader: () => undefined, setHeader: () => {}, setCookie: () => {} };

/**
 * Reads the NextAuth session (the signed, encrypted JWT in the session cookie) with NextAuth's own
 * code, whose callbacks load the user (lib/auth/session-version.ts): a user deleted since, or whose
 * sessions were ended since (sign-out, recovery), is signed out.
 */
async function userFromSession(request: IncomingRequest): Promise<SessionUser | null> {
  const session = await getServerSession(request as never, ignoredResponse as never, getAuthOptions());
  const user = session?.user;
  if (!user?.id) return null;
  return { id: user.id, email: user.email ?? "", name: user.name ?? null, image: user.image ?? null };
}

/** The signed-in user of the request being rendered, or null. Asked once per request. */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const [headerList, cookieStore] = await Promise.all([headers(), cookies()]);
  return userFromSession({
    headers: Object.fromEntries(headerList),
    cookies: Object.fromEntries(cookieStore.getAll().map((c) => [c.name, c.value])),
  });
});

/**
 * For pages that need a user: the user, or a redirect to the sign-in page that comes back to
 * `returnTo` (a path of this app) afterwards.
 */
export async function requireUser(returnTo?: string): Promise<SessionUser> {
  const user = await getCurrentUser();
  if (user) return user;
  const back = localPath(returnTo, getEnv().appOrigin);
  redirect(back ? `/sign-in?callbackUrl=${encodeURIComponent(back)}` : "/sign-in");
}

/** The signed-in user of a route handler's request, or null. */
export async function getUserFromRequest(request: Request): Promise<SessionUser | null> {
  return userFromSession({
    headers: Object.fromEntries(request.headers),
    cookies: parseCookieHeader(request.headers.get("cookie")),
  });
}

export function parseCookieHeader(header: string | null): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of header?.split(";") ?? []) {
    const at = part.indexOf("=");
    if (at < 1) continue;
    const name = part.slice(0, at).trim();
    const raw = part.slice(at + 1).trim();
    try {
      cookies[name] ??= decodeURIComponent(raw);
    } catch {
      cookies[name] ??= raw;
    }
  }
  return cookies;
}
